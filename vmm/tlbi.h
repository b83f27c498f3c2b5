/* SPDX-License-Identifier: MIT */
/*
 * TLB maintenance for one VM, from EL2 between guest runs: "TLBI <op> for this VM" from the
 * table of instructions in arch/tlbi.h (each with its nXS twin), executed with the VM's VMID in
 * VTTBR_EL2 and its VMID size in VTCR_EL2.VS, the way vm_destroy() invalidates a VM.
 */
#ifndef VMM_TLBI_H
#define VMM_TLBI_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/tlbi.h"
#include "vmm.h"

enum vm_tlbi_op {
#define VM_TLBI_ENUM(name, op1, crm, op2, xt, tlb) VM_TLBI_##name, VM_TLBI_##name##NXS,
	TLBI_S2_INSNS(VM_TLBI_ENUM)
#undef VM_TLBI_ENUM
		VM_TLBI_OPS
};

/** What an instruction is: its name, scope, and the features it needs. */
struct vm_tlbi_insn {
	const char *name;      /* "IPAS2E1IS", "IPAS2E1ISNXS" */
	enum tlbi_scope scope; /* what it invalidates (and so its operand format) */
	unsigned isar0_tlb;    /* ID_AA64ISAR0_EL1.TLB needed: 1 FEAT_TLBIOS, 2 FEAT_TLBIRANGE */
	bool nxs;	       /* the nXS form (FEAT_XS) */
};

/** The description of @op (never NULL for op < VM_TLBI_OPS). */
const struct vm_tlbi_insn *vm_tlbi_insn(enum vm_tlbi_op op);

/** One TLBI of a sequence and its operand fields (those its format has; the rest ignored). */
struct vm_tlbi_step {
	enum vm_tlbi_op op;
	uint64_t ipa;	/* IPA (the range's base address for the R forms) */
	unsigned ttl;	/* IPA forms: TTL[3:0] (0 = no hint); R forms: TTL[1:0] (0 = any) */
	unsigned num;	/* R forms: NUM, 0..31 */
	unsigned scale; /* R forms: SCALE, 0..3; the range is (NUM+1) * 2^(5*SCALE+1) pages */
};

/**
 * vm_tlbi_seq() - DSB ISH; each TLBI of @steps followed by DSB ISH; ISB (Arm ARM D8.16,
 * "TLB maintenance": completion needs the DSB, visibility a context synchronization event),
 * with @vm's VTCR_EL2 and VTTBR_EL2 loaded. VTTBR_EL2 is 0 again afterwards. -1 for an op out
 * of the table.
 */
int vm_tlbi_seq(struct vm *vm, const struct vm_tlbi_step *steps, unsigned n);

#endif
