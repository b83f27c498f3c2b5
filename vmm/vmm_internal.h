/* SPDX-License-Identifier: MIT */
/* Shared between the vmm's own files, not part of its API. */
#ifndef VMM_INTERNAL_H
#define VMM_INTERNAL_H

#include <stdbool.h>

#include "vmm.h"

enum exit_action {
	EXIT_ACTION_RETURN, /* hand the exit to the caller of vcpu_run() */
	EXIT_ACTION_RESUME, /* handled inside the vmm (service call, watchdog slice): enter again */
};

/**
 * Fill @e->reason from the syndrome; handle service calls and the watchdog's slices.
 * @watchdog: CNTHP ISTATUS at exit; @out_of_time: the vCPU's budget is used up (vmm/watchdog.h).
 */
enum exit_action exit_decode(struct vcpu *v, struct exit *e, bool watchdog, bool out_of_time);

/*
 * PSCI VMs (vmm/psci_call.c). psci_vcpu_add(): @v joins its VM's table (vcpu_create(); -1 when
 * it is full); psci_vcpu_remove(): it leaves it. psci_vcpu_starting(): @v's state as a run
 * begins, ON_PENDING turning ON (the caller then gives it CPU_ON's entry state).
 * psci_handle(): the PSCI call of an HVC #0 or trapped SMC #0 exit, the PC already past it.
 */
int psci_vcpu_add(struct vcpu *v);
void psci_vcpu_remove(struct vcpu *v);
enum psci_state psci_vcpu_starting(struct vcpu *v);
enum exit_action psci_handle(struct vcpu *v, struct exit *e);

/* AArch32 EL1 (vmm/vcpu32.c). */
void vcpu32_init(struct vcpu *v);
void vcpu32_skip_insn(struct vcpu *v);
/** Whether the last exit came from AArch32 (SPSR_EL2.M[4]). */
bool vcpu_from_aarch32(const struct vcpu *v);
/* The EL1 context (vmm/vcpu_el1.c): initial value from the config, save, load. */
void vcpu_el1_init(struct vcpu *v);
void vcpu_el1_save(struct vcpu *v);
void vcpu_el1_load(const struct vcpu *v);

/*
 * The vCPU's EL1&0 translation regime live on the CPU without entering it (vmm/vcpu.c): its EL1
 * context, VTTBR_EL2, VTCR_EL2, HCR_EL2 and the rest of vcpu_run()'s EL2 state, until
 * vcpu_put_regime() turns stage 2 off again. For EL2 operations on the guest's regime (AT).
 */
void vcpu_load_regime(struct vcpu *v);
void vcpu_put_regime(void);

/* The vCPU's virtual CPU interface state (vmm/vgic.c): GICv3 ICH_* or GICv2 GICH_*. */
/** A vCPU's first state: ICH_VMCR_EL2 from @cfg, empty list registers, no active priority. */
void vgic_init(struct vgic_cpu *g, const struct vcpu_config *cfg);
/** Load @v's virtual interface (v->vgic or, on GICv2, v->gicv2) at the start of a run. */
void vgic_load(struct vcpu *v);
/** Save it, with the status registers, when the run returns. */
void vgic_save(struct vcpu *v);
/** The harness's state between runs: ICH_HCR_EL2 / GICH_HCR = 0 (no maintenance interrupt). */
void vgic_put(void);
uint64_t vgic_lr_read(unsigned n);
void vgic_lr_write(unsigned n, uint64_t v);
/* The GICv2 virtual interface state (vmm/vgic_v2.c); nothing without a GICH frame. */
void vgic_v2_load(const struct vgic_v2_cpu *g);
void vgic_v2_save(struct vgic_v2_cpu *g);
void vgic_v2_put(void);
/** vgic_leak_check() for the GICv2 hypervisor interface: GICH_HCR = 0 between instances. */
int vgic_v2_leak_check(char *what, size_t len);

/*
 * Guest RAM blocks (vmm/vm_ram.c). vm_ram_get(): @vm->ram for @cfg, from the PE's pool when the
 * VM can be tracked (@vm->pooled, @vm->s2_dirty set), else allocated and zeroed; -1 without
 * pages. vm_ram_put(): back to the pool restored, or freed; before the stage-2 tables go (it
 * reads them). vm_ram_load_known(): whether loading @len bytes of @data at RAM offset @off can
 * be left out because the block already holds them (the image a pooled block keeps), noting
 * what the load changes otherwise. vm_ram_wrote(): the harness writes, or may write, RAM at
 * [@off, @off + @len) through a pointer of its own.
 */
int vm_ram_get(struct vm *vm, const struct vm_config *cfg);
void vm_ram_put(struct vm *vm);
bool vm_ram_load_known(struct vm *vm, uint64_t off, const void *data, size_t len);
void vm_ram_wrote(struct vm *vm, uint64_t off, uint64_t len);
/* The stage-2 attributes and VTCR_EL2 bits RAM gets: @attr, clean with DBM when tracked. */
uint64_t vm_ram_s2_attr(const struct vm *vm, uint64_t attr);

#endif
