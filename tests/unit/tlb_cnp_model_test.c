/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/tlb_cnp_model.c, from the VTTBR_EL2.CnP description (Arm ARM
 * DDI 0487): entries are shared only between PEs that both have CnP = 1 with the same VMID and
 * table; CnP = 1 with different tables for one VMID is CONSTRAINED UNPREDICTABLE.
 */
#include "tlb_cnp_model.h"
#include "unit.h"

#define IPA  0x50000000ULL
#define OLD  1u
#define NEW  2u
#define O(x) TLB_OBS(x)

static const struct tlb_regime vm1 = {.vmid = 1, .vs = false, .granule_shift = 12};
static const struct tlb_regime vm2 = {.vmid = 2, .vs = false, .granule_shift = 12};

int main(void)
{
	struct tlb_model pe0, pe1, before;
	const struct tlb_cnp_vttbr cnp0 = {false, 0x1000}, cnp1 = {true, 0x1000};
	const struct tlb_cnp_vttbr cnp1_other = {true, 0x2000};

	/* PE0 read IPA through VM 1's stage 2 (OLD), then stage 2 unmapped it (no TLBI). */
	tlb_model_init(&pe0, false);
	tlb_model_init(&pe1, false);
	unit_ok(tlb_model_read(&pe0, &vm1, IPA, OLD, 3) == O(OLD), "PE0 caches OLD");
	before = pe0;

	/* Private unless both PEs have CnP = 1. */
	unit_eq_u64(tlb_cnp_shared(&pe0, &vm1, IPA, 3, cnp0, cnp0), 0, "CnP 0/0: private");
	unit_eq_u64(tlb_cnp_shared(&pe0, &vm1, IPA, 3, cnp1, cnp0), 0, "CnP 1 here, 0 there");
	unit_eq_u64(tlb_cnp_shared(&pe0, &vm1, IPA, 3, cnp0, cnp1), 0, "CnP 0 here, 1 there");
	unit_eq_u64(tlb_cnp_shared(&pe0, &vm1, IPA, 3, cnp1, cnp1), O(OLD),
		    "CnP 1/1, same VMID and table: PE0's entry may be used");
	/* The faulting read PE1 does itself permits the fault; with the share, OLD too. */
	unit_eq_u64(tlb_model_read(&pe1, &vm1, IPA, TLB_FAULT, 3) |
			    tlb_cnp_shared(&pe0, &vm1, IPA, 3, cnp1, cnp1),
		    O(TLB_FAULT) | O(OLD), "PE1 after the unmap: fault or PE0's stale OLD");
	unit_eq_u64(tlb_model_read(&pe1, &vm1, IPA, TLB_FAULT, 3) |
			    tlb_cnp_shared(&pe0, &vm1, IPA, 3, cnp0, cnp0),
		    O(TLB_FAULT), "PE1 after the unmap, CnP 0: fault only");

	/* Another VMID never matches PE0's entry, shared or not. */
	unit_eq_u64(tlb_cnp_shared(&pe0, &vm2, IPA, 3, cnp1, cnp1), 0, "other VMID: nothing");
	/* Another address neither. */
	unit_eq_u64(tlb_cnp_shared(&pe0, &vm1, IPA + 0x1000, 3, cnp1, cnp1), 0,
		    "other page: nothing");
	/* One VMID, two tables, both CnP = 1: CONSTRAINED UNPREDICTABLE. */
	unit_eq_u64(tlb_cnp_shared(&pe0, &vm1, IPA, 3, cnp1, cnp1_other), TLB_CNP_ANY,
		    "CnP 1/1 with different tables: anything");
	unit_ok(TLB_CNP_ANY & O(TLB_OUTPUTS - 1), "TLB_CNP_ANY covers the last output");

	/* The peek does not change the other PE's model. */
	unit_ok(pe0.count == before.count, "PE0's model unchanged by the peek");
	/* An invalidation on PE0 (broadcast or local: its own TLB) empties what it shares. */
	tlb_model_tlbi(&pe0, &vm1, &(struct tlb_inval){.kind = TLBI_SCOPE_VMALLS12E1});
	unit_eq_u64(tlb_cnp_shared(&pe0, &vm1, IPA, 3, cnp1, cnp1), 0,
		    "after VMALLS12E1 on PE0 nothing is left to share");
	/* A stale entry from PE1's own TLB is PE1's: tlb_model_read, not the share. */
	unit_ok(tlb_model_read(&pe1, &vm1, IPA, NEW, 3) == O(NEW), "PE1 reads NEW");
	return unit_done();
}
