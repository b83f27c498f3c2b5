/* SPDX-License-Identifier: MIT */
/*
 * TLB maintenance for one VM (vmm/tlbi.h): the instruction table of arch/tlbi.h expanded into
 * descriptions and into a switch, because each TLBI's encoding is an immediate.
 */
#include "arch/el2.h"
#include "arch/sysreg.h"
#include "tlbi.h"

static const struct vm_tlbi_insn vm_tlbi_insns[VM_TLBI_OPS] = {
#define VM_TLBI_DESC(name, op1, crm, op2, xt_, tlb)                                                \
	[VM_TLBI_##name] = {#name, xt_, tlb, false},                                               \
	[VM_TLBI_##name##NXS] = {#name "NXS", xt_, tlb, true},
	TLBI_S2_INSNS(VM_TLBI_DESC)
#undef VM_TLBI_DESC
};

const struct vm_tlbi_insn *vm_tlbi_insn(enum vm_tlbi_op op)
{
	return op < VM_TLBI_OPS ? &vm_tlbi_insns[op] : NULL;
}

/* TG of the range forms: 1 = 4K, 2 = 16K, 3 = 64K (C5.5, "TLBI RIPAS2E1"). */
static uint64_t range_tg(unsigned granule_shift)
{
	return granule_shift == 12 ? 1 : granule_shift == 14 ? 2 : 3;
}

static uint64_t tlbi_xt(const struct vm *vm, const struct vm_tlbi_step *s)
{
	unsigned gs = vm->geom.granule_shift;

	switch (vm_tlbi_insns[s->op].scope) {
	case TLBI_SCOPE_IPAS2:
		return (s->ipa >> TLBI_XT_IPA_SHIFT & TLBI_XT_IPA_MASK) |
		       (uint64_t)(s->ttl & 0xf) << TLBI_XT_TTL_SHIFT;
	case TLBI_SCOPE_RIPAS2:
		return (s->ipa >> gs & TLBI_XT_RANGE_BASE_MASK) |
		       (uint64_t)(s->ttl & 3) << TLBI_XT_RANGE_TTL_SHIFT |
		       (uint64_t)(s->num & 0x1f) << TLBI_XT_RANGE_NUM_SHIFT |
		       (uint64_t)(s->scale & 3) << TLBI_XT_RANGE_SCALE_SHIFT |
		       range_tg(gs) << TLBI_XT_RANGE_TG_SHIFT;
	case TLBI_SCOPE_VMALLE1:
	case TLBI_SCOPE_VMALLS12E1:
	case TLBI_SCOPE_VAE1: /* not an EL2 instruction of the table */
		break;
	}
	return 0;
}

static void tlbi_exec(enum vm_tlbi_op op, uint64_t xt)
{
	switch (op) {
#define VM_TLBI_CASE(name, op1, crm, op2, xt_, tlb)                                                \
	case VM_TLBI_##name:                                                                       \
		TLBI_SYS(op1, 8, crm, op2, xt);                                                    \
		break;                                                                             \
	case VM_TLBI_##name##NXS:                                                                  \
		TLBI_SYS(op1, 9, crm, op2, xt);                                                    \
		break;
		TLBI_S2_INSNS(VM_TLBI_CASE)
#undef VM_TLBI_CASE
	case VM_TLBI_OPS:
		break;
	}
}

int vm_tlbi_seq(struct vm *vm, const struct vm_tlbi_step *steps, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		if (steps[i].op >= VM_TLBI_OPS) {
			return -1;
		}
	}
	/* The TLBIs act on the VMID of VTTBR_EL2, read with VTCR_EL2.VS: load both first. */
	write_vtcr_el2(vm->vtcr);
	write_vttbr_el2(vm_vttbr(vm));
	isb();
	dsb_ish();
	for (unsigned i = 0; i < n; i++) {
		tlbi_exec(steps[i].op, tlbi_xt(vm, &steps[i]));
		dsb_ish();
	}
	isb();
	write_vttbr_el2(0);
	isb();
	return 0;
}
