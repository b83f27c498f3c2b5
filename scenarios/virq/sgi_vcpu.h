/* SPDX-License-Identifier: MIT */
/*
 * One vCPU of a vSGI instance (guest/virq_sgi.S gp_vsgi_vcpu and gp_vsgi_pe): its result
 * record in guest RAM, and what it must report, predicted by the vGIC oracle (vgic_model.h)
 * from the list registers the vmm loaded. Shared by virq.sgi.inject (the vCPUs of one VM take
 * turns on one PE) and smp.vsgi.* (they run at the same time on several PEs).
 */
#ifndef SCENARIOS_VIRQ_SGI_VCPU_H
#define SCENARIOS_VIRQ_SGI_VCPU_H

#include <stdbool.h>
#include <stdint.h>

#include "vgic_model.h"

struct scenario_ctx;
struct vcpu;
struct vm;

#define VSGI_VCPUS_MAX 4    /* records at gl_vsgi_results */
#define VSGI_PRIORITY  0xa0 /* within the 5 priority bits every GICv3 implements */
#define ICC_CTLR_RSS   (1ULL << 18)

/* The result record, one per vCPU (guest/virq_sgi.S has the byte offsets). */
#define VSGI_RECORD 128
enum {
	VSGI_R_MPIDR,
	VSGI_R_CTLR,
	VSGI_R_IRQ_MASK,
	VSGI_R_FIQ_MASK,
	VSGI_R_TAKEN,
	VSGI_R_SPURIOUS,
	VSGI_R_HPPIR1,
	VSGI_R_HPPIR0,
	VSGI_R_IAR1,
	VSGI_R_IAR0,
	VSGI_R_DONE,
	VSGI_R_READY, /* gp_vsgi_pe: 1 once it listens */
	VSGI_R_STOP,  /* gp_vsgi_pe: written by the vmm, nonzero ends its wait */
	VSGI_R_WORDS,
};
#define VSGI_DONE 0x7653

/** What one vCPU must report, from the vGIC oracle. */
struct vsgi_expect {
	uint64_t mask[2]; /* [group]: vINTIDs acknowledged (FIQ: Group 0, IRQ: Group 1) */
	uint64_t taken;
	uint32_t hppir[2], iar[2];
	uint64_t lr0; /* ICH_LR0_EL2 as the vmm saves it at the exit */
	bool ambiguous;
};

/** ICH_VMCR_EL2 of every vSGI vCPU: both groups on, Group 0 as vFIQ, VPMR 0xff, VEOIM 0. */
uint64_t vsgi_vmcr(void);

/**
 * vsgi_predict() - step the oracle from @start as the guest steps the CPU: while a line is
 * signalled, acknowledge from the IAR of its group and EOI the vINTID (VEOIM = 0: drop and
 * deactivate); afterwards read both HPPIRs and IARs.
 */
struct vsgi_expect vsgi_predict(const struct vgic_state *start);

/** vCPU @i's record in guest RAM, its cache lines cleaned and invalidated; NULL if none. */
const uint64_t *vsgi_record(struct vm *vm, unsigned i);

/** Compare @rec and @v's LR0 with @x (and MPIDR_EL1 with @mpidr); each mismatch fails. */
void vsgi_expect_vcpu(struct scenario_ctx *c, struct vcpu *v, const uint64_t *rec, uint64_t mpidr,
		      const struct vsgi_expect *x);

#endif
