/* SPDX-License-Identifier: MIT */
/* The failed-AT PAR_EL1 oracle (see at_par_model.h). */
#include "at_par_model.h"

#include "arch/esr.h"

/* AArch64.S1CheckPermissions() for data, without PAN/WXN/overlays: AP[2:1]. */
static bool s1_permits(unsigned ap, struct at_access a)
{
	bool el0_ok = (ap & 1) != 0; /* AP[1]: EL0 has access */
	bool ro = (ap & 2) != 0;     /* AP[2]: read-only */

	if (a.el0 && !el0_ok) {
		return false;
	}
	return !(a.write && ro);
}

/* AArch64.S2CheckPermissions() for data: S2AP[0] read, S2AP[1] write, at EL0 and EL1 alike. */
static bool s2_permits(unsigned s2ap, bool write)
{
	return write ? (s2ap & 2) != 0 : (s2ap & 1) != 0;
}

/* One lookup's fault (none, translation, access flag, permission); false if not modelled. */
static bool lookup_fault(const struct at_lookup *l, bool permitted, unsigned *fst, bool *fault)
{
	*fault = true;
	if (!l->valid) {
		*fst = ESR_FSC_TRANS(l->level);
		return true;
	}
	if (!l->af && !permitted) {
		return false; /* priority changed between Arm ARM versions: see the header */
	}
	if (!l->af) {
		*fst = ESR_FSC_ACCESS(l->level);
		return true;
	}
	if (!permitted) {
		*fst = ESR_FSC_PERM(l->level);
		return true;
	}
	*fault = false;
	return true;
}

bool at_s12_expect(const struct at_case *k, struct at_access a, struct par_fault *out)
{
	bool fault;
	unsigned fst = 0;

	*out = (struct par_fault){0};
	/* Stage 1's table read, through stage 2 (AccessType_TTW: a read). */
	if (!lookup_fault(&k->s1_table, s2_permits(k->s1_table.ap, false), &fst, &fault)) {
		return false;
	}
	if (fault) {
		*out = (struct par_fault){.f = true, .fst = fst, .ptw = true, .s = true};
		return true;
	}
	if (!lookup_fault(&k->s1, s1_permits(k->s1.ap, a), &fst, &fault)) {
		return false;
	}
	if (fault) {
		*out = (struct par_fault){.f = true, .fst = fst};
		return true;
	}
	if (!lookup_fault(&k->s2, s2_permits(k->s2.ap, a.write), &fst, &fault)) {
		return false;
	}
	if (fault) {
		*out = (struct par_fault){.f = true, .fst = fst, .s = true};
	}
	return true;
}

uint64_t at_par_fault_encode(const struct par_fault *p)
{
	if (!p->f) {
		return 0;
	}
	return 1ULL | ((uint64_t)(p->fst & 0x3f) << PAR_FST_SHIFT) | (p->ptw ? PAR_PTW : 0) |
	       (p->s ? PAR_S : 0);
}
