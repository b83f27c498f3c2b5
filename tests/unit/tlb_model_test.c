/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/tlb_model.c against sequences checked by hand from the Arm ARM
 * (DDI 0487): the VMID[] pseudocode (VTTBR_EL2.VMID[15:8] RES0 unless FEAT_VMID16 and
 * VTCR_EL2.VS = 1), D8.16 (entries may stay cached until invalidated; Translation faults are
 * not cached), C5.5 TLBI IPAS2E1 ("invalidates stage 2 only": combined entries need VMALLE1),
 * the TTL hint rule (a wrong hint need not invalidate), the RIPAS2E1 range formula, and
 * VMALLS12E1 (stage 1 and 2 of the current VMID only); several PEs: entries private to a PE
 * (VTTBR_EL2.CnP = 0), a non-broadcast TLBI acting on the executing PE only, the IS/OS (or
 * HCR_EL2.FB-upgraded) forms on every PE; stage-1 (VA-keyed) entries and TLBI VAE1.
 */
#include "tlb_model.h"
#include "unit.h"

#define IPA  0x50000000ULL
#define OLD  1u
#define NEW  2u
#define FLT  TLB_FAULT
#define O(x) TLB_OBS(x)

static const struct tlb_regime vm1 = {.vmid = 0x0001, .vs = true, .granule_shift = 12};
static const struct tlb_regime vm1b = {.vmid = 0x0101, .vs = true, .granule_shift = 12};
static const struct tlb_regime vm1_8 = {.vmid = 0x0001, .vs = false, .granule_shift = 12};
static const struct tlb_regime vm1b_8 = {.vmid = 0x0101, .vs = false, .granule_shift = 12};

static const struct tlb_inval ipas2 = {.kind = TLBI_SCOPE_IPAS2, .ipa = IPA};
static const struct tlb_inval vmalle1 = {.kind = TLBI_SCOPE_VMALLE1};
static const struct tlb_inval vmalls12 = {.kind = TLBI_SCOPE_VMALLS12E1};

/* Read OLD once (cached), then stage 2 maps NEW; @ops follow; the next read may see @want. */
static void remap_after(bool vmid16, const struct tlb_regime *r, const struct tlb_regime *tr,
			const struct tlb_inval *ops, unsigned n, uint32_t want, const char *what)
{
	struct tlb_model m;

	tlb_model_init(&m, vmid16);
	unit_ok(tlb_model_read(&m, r, IPA, OLD, 3) == O(OLD), "%s: first read sees OLD only", what);
	for (unsigned i = 0; i < n; i++) {
		tlb_model_tlbi(&m, tr, &ops[i]);
	}
	uint32_t got = tlb_model_read(&m, r, IPA, NEW, 3);

	unit_ok(got == want, "%s: permitted 0x%x (got 0x%x)", what, want, got);
}

/*
 * Two PEs: both read OLD, stage 2 maps NEW, PE 0 runs @ops; what PE 1 and PE 0 may see next.
 */
static void two_pes(const struct tlb_inval *ops, unsigned n, uint32_t want1, uint32_t want0,
		    const char *what)
{
	struct tlb_model m;

	tlb_model_init(&m, true);
	unit_ok(tlb_model_read_on(&m, 0, &vm1, IPA, OLD, 3) == O(OLD), "%s: PE0 reads OLD", what);
	unit_ok(tlb_model_read_on(&m, 1, &vm1, IPA, OLD, 3) == O(OLD),
		"%s: PE1 reads OLD (PE0's entry is not PE1's)", what);
	for (unsigned i = 0; i < n; i++) {
		tlb_model_tlbi_on(&m, 0, &vm1, &ops[i]);
	}
	uint32_t got1 = tlb_model_read_on(&m, 1, &vm1, IPA, NEW, 3);
	uint32_t got0 = tlb_model_read_on(&m, 0, &vm1, IPA, NEW, 3);

	unit_ok(got1 == want1, "%s: PE1 permitted 0x%x (got 0x%x)", what, want1, got1);
	unit_ok(got0 == want0, "%s: PE0 permitted 0x%x (got 0x%x)", what, want0, got0);
}

static void smp_cases(void)
{
	static const struct tlb_inval ipas2is = {
		.kind = TLBI_SCOPE_IPAS2, .ipa = IPA, .broadcast = true};
	static const struct tlb_inval vmalle1is = {.kind = TLBI_SCOPE_VMALLE1, .broadcast = true};
	static const struct tlb_inval vmalls12is = {.kind = TLBI_SCOPE_VMALLS12E1,
						    .broadcast = true};
	static const struct tlb_inval rangeis = {
		.kind = TLBI_SCOPE_RIPAS2, .ipa = IPA, .broadcast = true};

	two_pes(NULL, 0, O(OLD) | O(NEW), O(OLD) | O(NEW), "2 PEs, no TLBI");
	two_pes((struct tlb_inval[]){ipas2, vmalle1}, 2, O(OLD) | O(NEW), O(NEW),
		"2 PEs, IPAS2E1 + VMALLE1 on PE0: PE1 keeps its entry");
	two_pes((struct tlb_inval[]){ipas2is, vmalle1is}, 2, O(NEW), O(NEW),
		"2 PEs, IPAS2E1IS + VMALLE1IS");
	two_pes((struct tlb_inval[]){rangeis, vmalle1is}, 2, O(NEW), O(NEW),
		"2 PEs, RIPAS2E1IS + VMALLE1IS");
	two_pes(&vmalls12is, 1, O(NEW), O(NEW), "2 PEs, VMALLS12E1IS");
	two_pes((struct tlb_inval[]){ipas2is, vmalle1}, 2, O(OLD) | O(NEW), O(NEW),
		"2 PEs, IPAS2E1IS + local VMALLE1: PE1's combined entry may survive");
	two_pes((struct tlb_inval[]){ipas2, vmalle1is}, 2, O(OLD) | O(NEW), O(NEW),
		"2 PEs, local IPAS2E1 + VMALLE1IS: PE1's stage-2 entry may survive");

	/* Unmap on both PEs' entries: after the broadcast pair, a fault on PE1 only. */
	struct tlb_model m;

	tlb_model_init(&m, true);
	tlb_model_read_on(&m, 0, &vm1, IPA, OLD, 3);
	tlb_model_read_on(&m, 1, &vm1, IPA, OLD, 3);
	unit_ok(tlb_model_read_on(&m, 1, &vm1, IPA, FLT, 3) == (O(FLT) | O(OLD)),
		"2 PEs, unmapped, no TLBI: PE1 fault or OLD");
	tlb_model_tlbi_on(&m, 0, &vm1, &ipas2is);
	tlb_model_tlbi_on(&m, 0, &vm1, &vmalle1is);
	unit_ok(tlb_model_read_on(&m, 1, &vm1, IPA, FLT, 3) == O(FLT),
		"2 PEs, unmapped, IS pair on PE0: PE1 faults");
	/* A TLBI on PE 1 of another VMID leaves this one's entries. */
	tlb_model_init(&m, true);
	tlb_model_read_on(&m, 1, &vm1, IPA, OLD, 3);
	tlb_model_tlbi_on(&m, 0, &vm1b, &vmalls12is);
	unit_ok(tlb_model_read_on(&m, 1, &vm1, IPA, NEW, 3) == (O(OLD) | O(NEW)),
		"2 PEs, VMALLS12E1IS of another VMID: PE1's entry may survive");

	/* Stage 1 (VA-keyed) entries: a guest's TLBI VMALLE1 / VAE1 on PE0, FB as broadcast. */
	static const struct tlb_inval vae1 = {.kind = TLBI_SCOPE_VAE1, .va = 0x1000};
	static const struct tlb_inval vae1_other = {.kind = TLBI_SCOPE_VAE1, .va = 0x2000};
	const struct tlb_inval s1_ops[] = {vmalle1, vae1};

	for (unsigned i = 0; i < 2; i++) {
		for (unsigned fb = 0; fb < 2; fb++) {
			struct tlb_inval op = s1_ops[i];

			op.broadcast = fb;
			tlb_model_init(&m, true);
			unit_ok(tlb_model_read_va(&m, 1, &vm1, 0x1000, OLD, 3) == O(OLD),
				"VA entry on PE1: first read");
			tlb_model_tlbi_on(&m, 0, &vm1, &op);
			unit_ok(tlb_model_read_va(&m, 1, &vm1, 0x1000, NEW, 3) ==
					(fb ? O(NEW) : (O(OLD) | O(NEW))),
				"guest %s on PE0, FB=%u: PE1 sees %s", i ? "VAE1" : "VMALLE1", fb,
				fb ? "NEW only" : "OLD or NEW");
		}
	}
	tlb_model_init(&m, true);
	tlb_model_read_va(&m, 0, &vm1, 0x1000, OLD, 3);
	tlb_model_tlbi_on(&m, 0, &vm1, &vae1_other);
	unit_ok(tlb_model_read_va(&m, 0, &vm1, 0x1000, NEW, 3) == (O(OLD) | O(NEW)),
		"VAE1 of another VA leaves the entry");
	tlb_model_tlbi_on(&m, 0, &vm1,
			  &(struct tlb_inval){.kind = TLBI_SCOPE_IPAS2, .ipa = 0x1000});
	unit_ok(tlb_model_read_va(&m, 0, &vm1, 0x1000, NEW, 3) == (O(OLD) | O(NEW)),
		"IPAS2E1 of the same number leaves a stage-1 entry");
	unit_ok(tlb_model_read_on(&m, 0, &vm1, 0x1000, NEW, 3) == O(NEW),
		"a VA entry is not an IPA entry of the same number");
	tlb_model_tlbi_on(&m, 0, &vm1, &vae1);
	unit_ok(tlb_model_read_va(&m, 0, &vm1, 0x1000, NEW, 3) == O(NEW),
		"VAE1 of the VA removes it");
}

int main(void)
{
	smp_cases();

	/* VMID[]: 16 bits only with FEAT_VMID16 and VS = 1. */
	unit_eq_u64(tlb_effective_vmid(true, 0x0101, true), 0x0101, "VMID16, VS=1: 16 bits");
	unit_eq_u64(tlb_effective_vmid(true, 0x0101, false), 0x0001, "VMID16, VS=0: VMID[7:0]");
	unit_eq_u64(tlb_effective_vmid(false, 0x0101, true), 0x0001, "no VMID16: VMID[7:0]");

	/* No maintenance: stale OLD or NEW (D8.16); never a fault (a valid entry maps it). */
	remap_after(true, &vm1, &vm1, NULL, 0, O(OLD) | O(NEW), "no TLBI");
	/* IPAS2E1 alone: the combined entry may survive (C5.5 TLBI IPAS2E1). */
	remap_after(true, &vm1, &vm1, &ipas2, 1, O(OLD) | O(NEW), "IPAS2E1 only");
	/* VMALLE1 alone: the stage-2 entry may survive and a new walk uses it. */
	remap_after(true, &vm1, &vm1, &vmalle1, 1, O(OLD) | O(NEW), "VMALLE1 only");
	/* The architected sequence: IPAS2E1 then VMALLE1. */
	remap_after(true, &vm1, &vm1, (struct tlb_inval[]){ipas2, vmalle1}, 2, O(NEW),
		    "IPAS2E1 + VMALLE1");
	remap_after(true, &vm1, &vm1, &vmalls12, 1, O(NEW), "VMALLS12E1");
	/* IPAS2E1 of another page leaves this one. */
	remap_after(true, &vm1, &vm1,
		    (struct tlb_inval[]){{.kind = TLBI_SCOPE_IPAS2, .ipa = IPA + 0x1000}, vmalle1},
		    2, O(OLD) | O(NEW), "IPAS2E1 of the next page + VMALLE1");
	/* TTL: 0b0111 = 4K level 3 is right; 0b0110 = 4K level 2 is wrong; 0b0011: no hint. */
	remap_after(true, &vm1, &vm1,
		    (struct tlb_inval[]){{.kind = TLBI_SCOPE_IPAS2, .ipa = IPA, .ttl = 7}, vmalle1},
		    2, O(NEW), "TTL 4K level 3");
	remap_after(true, &vm1, &vm1,
		    (struct tlb_inval[]){{.kind = TLBI_SCOPE_IPAS2, .ipa = IPA, .ttl = 6}, vmalle1},
		    2, O(OLD) | O(NEW), "TTL 4K level 2 (wrong)");
	remap_after(true, &vm1, &vm1,
		    (struct tlb_inval[]){{.kind = TLBI_SCOPE_IPAS2, .ipa = IPA, .ttl = 3}, vmalle1},
		    2, O(NEW), "TTL 0b0011 (no hint)");
	remap_after(
		true, &vm1, &vm1,
		(struct tlb_inval[]){{.kind = TLBI_SCOPE_IPAS2, .ipa = IPA, .ttl = 0xb}, vmalle1},
		2, O(OLD) | O(NEW), "TTL 16K level 3 for a 4K entry");
	remap_after(
		true, &vm1, &vm1,
		(struct tlb_inval[]){{.kind = TLBI_SCOPE_IPAS2, .ipa = IPA, .ttl = 0x4}, vmalle1},
		2, O(NEW), "TTL 0b0100 (4K level 0: reserved without LPA2, no hint)");
	/* Ranges: NUM=0, SCALE=0 is 2 pages from the base: [IPA-4K, IPA+4K) covers IPA. */
	remap_after(true, &vm1, &vm1,
		    (struct tlb_inval[]){{.kind = TLBI_SCOPE_RIPAS2, .ipa = IPA - 0x1000}, vmalle1},
		    2, O(NEW), "range of 2 pages ending at IPA");
	remap_after(true, &vm1, &vm1,
		    (struct tlb_inval[]){{.kind = TLBI_SCOPE_RIPAS2, .ipa = IPA - 0x2000}, vmalle1},
		    2, O(OLD) | O(NEW), "range of 2 pages ending below IPA");
	/* NUM=1, SCALE=1: (1+1) * 2^6 = 128 pages: IPA - 127 pages is the last one covered. */
	remap_after(true, &vm1, &vm1,
		    (struct tlb_inval[]){{.kind = TLBI_SCOPE_RIPAS2,
					  .ipa = IPA - 127 * 0x1000,
					  .num = 1,
					  .scale = 1},
					 vmalle1},
		    2, O(NEW), "range of 128 pages, IPA last");
	remap_after(true, &vm1, &vm1,
		    (struct tlb_inval[]){{.kind = TLBI_SCOPE_RIPAS2,
					  .ipa = IPA - 128 * 0x1000,
					  .num = 1,
					  .scale = 1},
					 vmalle1},
		    2, O(OLD) | O(NEW), "range of 128 pages, IPA just past it");
	remap_after(
		true, &vm1, &vm1,
		(struct tlb_inval[]){{.kind = TLBI_SCOPE_RIPAS2, .ipa = IPA, .ttl = 2}, vmalle1}, 2,
		O(OLD) | O(NEW), "range with TTL level 2 for a level-3 entry");

	/* Blocks (a level-2 leaf, 2 MiB with 4K): any IPA inside it names the entry. */
	struct tlb_model b;

	tlb_model_init(&b, true);
	unit_ok(tlb_model_read(&b, &vm1, IPA + 0x1000, OLD, 2) == O(OLD), "block: first read");
	unit_ok(tlb_model_read(&b, &vm1, IPA + 0x1ff000, NEW, 2) == (O(OLD) | O(NEW)),
		"block: another page of the same block may hit the cached block");
	tlb_model_tlbi(&b, &vm1,
		       &(struct tlb_inval){.kind = TLBI_SCOPE_IPAS2, .ipa = IPA + 0x80000});
	tlb_model_tlbi(&b, &vm1, &vmalle1);
	unit_ok(tlb_model_read(&b, &vm1, IPA, NEW, 2) == O(NEW),
		"block: IPAS2E1 of an address inside the block invalidates it");
	tlb_model_init(&b, true);
	tlb_model_read(&b, &vm1, IPA, OLD, 2);
	tlb_model_tlbi(&b, &vm1,
		       &(struct tlb_inval){.kind = TLBI_SCOPE_IPAS2, .ipa = IPA, .ttl = 7});
	tlb_model_tlbi(&b, &vm1, &vmalle1);
	unit_ok(tlb_model_read(&b, &vm1, IPA, NEW, 2) == (O(OLD) | O(NEW)),
		"block: TTL 4K level 3 is wrong for a level-2 block");
	tlb_model_init(&b, true);
	tlb_model_read(&b, &vm1, IPA, OLD, 2);
	tlb_model_tlbi(&b, &vm1,
		       &(struct tlb_inval){.kind = TLBI_SCOPE_IPAS2, .ipa = IPA, .ttl = 6});
	tlb_model_tlbi(&b, &vm1, &vmalle1);
	unit_ok(tlb_model_read(&b, &vm1, IPA, NEW, 2) == O(NEW), "block: TTL 4K level 2 is right");
	/* A 2-page range at the block's last page overlaps the block: in scope. */
	tlb_model_init(&b, true);
	tlb_model_read(&b, &vm1, IPA, OLD, 2);
	tlb_model_tlbi(&b, &vm1,
		       &(struct tlb_inval){.kind = TLBI_SCOPE_RIPAS2, .ipa = IPA + 0x1ff000});
	tlb_model_tlbi(&b, &vm1, &vmalle1);
	unit_ok(tlb_model_read(&b, &vm1, IPA, NEW, 2) == O(NEW),
		"block: a range overlapping the block's last page invalidates it");
	tlb_model_init(&b, true);
	tlb_model_read(&b, &vm1, IPA, OLD, 2);
	tlb_model_tlbi(&b, &vm1,
		       &(struct tlb_inval){.kind = TLBI_SCOPE_RIPAS2, .ipa = IPA + 0x200000});
	tlb_model_tlbi(&b, &vm1, &vmalle1);
	unit_ok(tlb_model_read(&b, &vm1, IPA, NEW, 2) == (O(OLD) | O(NEW)),
		"block: a range just past the block misses it");

	/* VMIDs: a TLBI under another VMID is not required to touch this VMID's entries. */
	remap_after(true, &vm1, &vm1b, &vmalls12, 1, O(OLD) | O(NEW),
		    "VS=1: VMALLS12E1 of VMID 0x0101 leaves VMID 0x0001");
	/* With VS = 0, 0x0101 is VMID 0x01: the same VMID, so it invalidates. */
	remap_after(true, &vm1_8, &vm1b_8, &vmalls12, 1, O(NEW),
		    "VS=0: VMALLS12E1 with VMID 0x0101 is VMID 0x01");
	remap_after(false, &vm1, &vm1b, &vmalls12, 1, O(NEW),
		    "no VMID16: VMALLS12E1 with VMID 0x0101 is VMID 0x01");

	/* Two VMs, same IPA, different outputs. */
	struct tlb_model m;

	tlb_model_init(&m, true);
	unit_ok(tlb_model_read(&m, &vm1, IPA, OLD, 3) == O(OLD), "VS=1: VM 0x0001 reads its page");
	unit_ok(tlb_model_read(&m, &vm1b, IPA, NEW, 3) == O(NEW),
		"VS=1: VM 0x0101 sees only its own page");
	tlb_model_init(&m, true);
	tlb_model_read(&m, &vm1_8, IPA, OLD, 3);
	unit_ok(tlb_model_read(&m, &vm1b_8, IPA, NEW, 3) == (O(OLD) | O(NEW)),
		"VS=0: VM 0x0101 is VMID 0x01 too: may hit the other VM's entry");

	/* Break-before-make: invalid, TLBI, new. */
	tlb_model_init(&m, true);
	tlb_model_read(&m, &vm1, IPA, OLD, 3);
	unit_ok(tlb_model_read(&m, &vm1, IPA, FLT, 3) == (O(FLT) | O(OLD)),
		"BBM: invalid, before the TLBI: fault or OLD");
	tlb_model_tlbi(&m, &vm1, &ipas2);
	tlb_model_tlbi(&m, &vm1, &vmalle1);
	unit_ok(tlb_model_read(&m, &vm1, IPA, FLT, 3) == O(FLT), "BBM: invalid after TLBI: fault");
	unit_ok(tlb_model_read(&m, &vm1, IPA, NEW, 3) == O(NEW), "BBM: new entry: NEW only");
	/* A fault leaves nothing behind: map NEW without TLBI after a faulting read. */
	tlb_model_init(&m, true);
	tlb_model_read(&m, &vm1, IPA, FLT, 3);
	unit_ok(tlb_model_read(&m, &vm1, IPA, NEW, 3) == O(NEW), "faults are not cached");
	return unit_done();
}
