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

/* AArch32 EL1 (vmm/vcpu32.c). */
void vcpu32_init(struct vcpu *v);
void vcpu32_load_el1(struct vcpu *v);
void vcpu32_skip_insn(struct vcpu *v);
/** Whether the last exit came from AArch32 (SPSR_EL2.M[4]). */
bool vcpu_from_aarch32(const struct vcpu *v);
/** Load the vCPU's GICv3 virtual interface state: ICH_VMCR_EL2, empty LRs, no active priority. */
void vgic_load(const struct vcpu_config *cfg);
void vgic_lr_write(unsigned n, uint64_t v);

#endif
