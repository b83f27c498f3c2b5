/* SPDX-License-Identifier: MIT */
/*
 * smp.migrate.vmid and smp.migrate.cnp: what a vCPU that moves to another PE may find in that
 * PE's TLB. Probe VMs (s2probe.h: PROBE_IPA mapped to a page that names itself) run on the
 * instance's two PEs; the oracle is one tlb_model per PE (the entries its TLB may hold) and,
 * for VTTBR_EL2.CnP = 1, tlb_cnp_model (entries another PE with CnP = 1 cached for the same
 * VMID and table may be used too). Nothing here decides an outcome.
 *
 * - vmid: VM B (VMID Y) reads PROBE_IPA on PE 0, VM A (VMID X) reads the same IPA on PE 1
 *   (its own page there), then B moves to PE 1 and A to PE 0, no TLB maintenance anywhere:
 *   each must read (and store to) its own page only; A's entries on PE 1 are another VMID's.
 * - cnp: one VM reads PROBE_IPA on PE 0 (its first page), stage 2 unmaps it with no TLB
 *   maintenance, and the vCPU moves to PE 1. With CnP = 0 PE 1's TLB is its own and never
 *   held the entry: only a stage-2 Translation fault is permitted. With CnP = 1 PE 0's entry
 *   may be shared: the old page is permitted as well (QEMU's TLBs are per vCPU: it faults).
 *   Then TLBI VMALLS12E1IS (broadcast, completing the break-before-make) and the second page
 *   mapped: both PEs must read the second page.
 */
#include "arch/el2.h"
#include "cpu_id.h"
#include "migrate.h"
#include "stage2/s2probe.h"
#include "tlb_cnp_model.h"
#include "tlbi.h"

struct tlb_row {
	const char *name;
	bool cnp; /* VTTBR_EL2.CnP = 1 for every VM */
	bool s1;  /* the guests' stage 1 on: combined stage 1+2 entries */
};

static const struct tlb_row tlb_rows[] = {
	{"[cnp=0]", false, false},
	{"[cnp=1]", true, false},
	{"[cnp=0][s1=on]", false, true},
	{"[cnp=1][s1=on]", true, true},
};

static const char *tlb_requires(const void *row, char *why, size_t len)
{
	const struct tlb_row *r = row;

	return r->cnp ? cpu_requires(CPU_TTCNP, why, len) : NULL;
}

/* The TLB oracle of the instance's two PEs. */
struct pe_tlbs {
	struct tlb_model m[2];
};

static struct tlb_cnp_vttbr probe_vttbr(const struct s2probe *p)
{
	return (struct tlb_cnp_vttbr){.cnp = p->vm->cnp, .baddr = (uintptr_t)p->vm->root};
}

/*
 * What a read of @p's probe on PE @k may see: its own TLB's entries and the walk, and with
 * CnP = 1 what the other PE cached for the VM (with the VM's own VTTBR_EL2 there as here).
 */
static uint32_t permitted_on(struct pe_tlbs *t, const struct s2probe *p, unsigned k)
{
	uint32_t shared = tlb_cnp_shared(&t->m[1 - k], &p->regime, PROBE_IPA, p->level,
					 probe_vttbr(p), probe_vttbr(p));

	return tlb_model_read(&t->m[k], &p->regime, PROBE_IPA, p->mapped, p->level) | shared;
}

/* One run of probe @i of @ps on PE @k, storing @store (0: none), against the oracle. */
static bool probe_on(struct scenario_ctx *c, struct pe_tlbs *t, struct s2probe *ps, unsigned n,
		     unsigned i, unsigned k, uint64_t store, const char *what)
{
	uint32_t permitted = permitted_on(t, &ps[i], k);
	unsigned obs;

	if (!s2probe_run_on(c, &ps[i], k, store, &obs) || !s2probe_check(c, what, obs, permitted)) {
		sc_diag(c, "on", "cpu %u", sc_pe(c, k));
		return false;
	}
	return !store || s2probe_check(c, "its store", s2probe_store_out(ps, n, store), permitted);
}

static void run_vmid(struct scenario_ctx *c, const void *row)
{
	const struct tlb_row *r = row;
	struct s2probe ps[2]; /* A, B */
	struct pe_tlbs t;
	const struct vm_config cfg = {.cnp = r->cnp};

	if (!s2probe_add(c, &ps[0], &cfg, 1, r->s1, false) ||
	    !s2probe_add(c, &ps[1], &cfg, 3, r->s1, false)) {
		return;
	}
	for (unsigned k = 0; k < 2; k++) {
		tlb_model_init(&t.m[k], vmm_caps.vmid_bits == 16);
	}
	sc_diag(c, "vmids", "A 0x%x, B 0x%x", ps[0].vm->vmid, ps[1].vm->vmid);
	if (ps[0].vm->vmid == ps[1].vm->vmid) {
		sc_fail(c, "the two VMs got one VMID");
		return;
	}
	/* The runner's VMIDs were invalidated (IS) when their last users were destroyed. */
	if (!probe_on(c, &t, ps, 2, 1, 0, 0xb0, "B on PE 0") ||
	    !probe_on(c, &t, ps, 2, 0, 1, 0xa1, "A on PE 1") ||
	    !probe_on(c, &t, ps, 2, 1, 1, 0xb1, "B moved to PE 1 (A's entries there)") ||
	    !probe_on(c, &t, ps, 2, 0, 0, 0xa0, "A moved to PE 0 (B's entries there)")) {
		return;
	}
}

SCENARIO(smp_migrate_vmid, .id = "smp.migrate.vmid", .pes = 2,
	 .rule = "A vCPU that moves onto a PE whose TLB holds another VMID's entries for the same "
		 "IPA reads and stores through its own stage 2 only (TLB entries are tagged with "
		 "the VMID; with VTTBR_EL2.CnP = 1 entries are shared only for the same VMID and "
		 "table), with no TLB maintenance between the VMs",
	 SCENARIO_ROWS(tlb_rows), .requires = tlb_requires, .run = run_vmid);

static void run_cnp(struct scenario_ctx *c, const void *row)
{
	const struct tlb_row *r = row;
	struct s2probe p;
	struct pe_tlbs t;
	static const struct tlb_inval s12 = {.kind = TLBI_SCOPE_VMALLS12E1};
	static const struct vm_tlbi_step s12is = {.op = VM_TLBI_VMALLS12E1IS};

	if (!s2probe_add(c, &p, &(struct vm_config){.cnp = r->cnp}, 1, r->s1, false)) {
		return;
	}
	for (unsigned k = 0; k < 2; k++) {
		tlb_model_init(&t.m[k], vmm_caps.vmid_bits == 16);
	}
	if (!probe_on(c, &t, &p, 1, 0, 0, 0, "the first read, on PE 0") || !s2probe_unmap(c, &p) ||
	    !probe_on(c, &t, &p, 1, 0, 1, 0, "moved to PE 1 after the unmap (no TLBI)")) {
		return;
	}
	/* Break-before-make completed: the broadcast TLBI reaches both PEs' TLBs. */
	if (vm_tlbi_seq(p.vm, &s12is, 1)) {
		sc_fail(c, "vm_tlbi_seq(VMALLS12E1IS) failed");
		return;
	}
	for (unsigned k = 0; k < 2; k++) {
		tlb_model_tlbi(&t.m[k], &p.regime, &s12);
	}
	if (!s2probe_map(c, &p, 1) || !probe_on(c, &t, &p, 1, 0, 1, 0, "PE 1 after the remap") ||
	    !probe_on(c, &t, &p, 1, 0, 0, 0, "moved back to PE 0")) {
		return;
	}
}

SCENARIO(smp_migrate_cnp, .id = "smp.migrate.cnp", .pes = 2,
	 .rule = "VTTBR_EL2.CnP: a PE uses another PE's TLB entries only when both have CnP = 1 "
		 "with the same VMID and table; after an unmap without TLB maintenance a vCPU "
		 "moved to a PE that never cached the entry takes a stage-2 Translation fault "
		 "(CnP = 0), or may still see the old page (CnP = 1, shared entry); after TLBI "
		 "VMALLS12E1IS and a new mapping both PEs see the new page",
	 SCENARIO_ROWS(tlb_rows), .requires = tlb_requires, .run = run_cnp);
