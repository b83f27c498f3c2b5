/* SPDX-License-Identifier: MIT */
/*
 * What a guest may observe when it reads an IPA after the hypervisor changed stage 2, given
 * the TLB maintenance done since: the set of permitted outputs (the current mapping, a stale
 * one the TLB may still hold, or a stage-2 Translation fault), never a single "right" value
 * where the architecture allows several. Pure code, host-tested in tests/unit/tlb_model_test.c.
 *
 * The model is a set of entries the TLB *may* hold (Arm ARM DDI 0487, D8.16 "Translation
 * Lookaside Buffers (TLBs)": any entry may be evicted at any time, an entry that would give a
 * Translation fault is never cached, D8.16.1 "TLB maintenance" says which TLBI is guaranteed
 * to remove which entries). Each entry is tagged with the effective VMID (pseudocode VMID[]:
 * VTTBR_EL2.VMID[7:0] zero-extended unless FEAT_VMID16 and VTCR_EL2.VS = 1) and records
 * whether a stage-2-only copy and a combined stage 1+2 copy may exist: TLBI IPAS2E1 and its
 * forms invalidate stage-2 information only, so the combined copy needs TLBI VMALLE1 (or
 * VMALLS12E1), as the Arm ARM's TLBI IPAS2E1 description says.
 *
 * Several PEs (smp.tlbi, smp.fb): each entry belongs to the TLB of the PE whose access left it.
 * With VTTBR_EL2.CnP = 0 (every VM of these scenarios) translation table entries are private
 * to a PE (D8.16 "Translation Lookaside Buffers", "Common not private translations"): a read
 * on one PE may use only that PE's entries. A TLBI acts on the executing PE's TLB, and with
 * .broadcast (the IS and OS forms, or a non-IS form executed at EL1 with HCR_EL2.FB = 1) on
 * the TLB of every PE of the Inner Shareable domain (here: every PE of the model). The
 * single-PE calls are those of PE 0.
 *
 * Stage-1 entries (smp.fb: a guest changes its own stage-1 table): tlb_model_read_va() keys
 * the entry by the VA and records its final output; only stage-1 invalidation (VMALLE1,
 * VAE1 of that VA, VMALLS12E1) removes it. The stage-2 entries of such a walk are not
 * recorded (those scenarios change stage 1 only). VAE1 also removes the combined copy of an
 * IPA-keyed entry of that address: the single-PE scenarios' stage 1 is flat (VA = IPA).
 *
 * Not modelled: walk caches (only leaf descriptors change here), changes of VTCR_EL2.VS
 * between a fill and a TLBI, and TLB conflict aborts (no sequence here creates overlapping
 * entries).
 */
#ifndef MODEL_TLB_MODEL_H
#define MODEL_TLB_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/tlbi.h"

/* Outputs are small numbers a scenario gives its physical pages; 0 is "no mapping". */
#define TLB_FAULT   0u /* the access takes a stage-2 Translation fault */
#define TLB_OUTPUTS 32u
#define TLB_OBS(o)  (1u << (o)) /* an observation set is a mask of TLB_OBS() bits */

#define TLB_MODEL_ENTRIES 32

/** The stage-2 context a read or a TLBI happens in: VTTBR_EL2.VMID and VTCR_EL2.VS. */
struct tlb_regime {
	uint16_t vmid; /* as written to VTTBR_EL2.VMID */
	bool vs;       /* VTCR_EL2.VS */
	unsigned granule_shift;
};

struct tlb_inval {
	enum tlbi_scope kind; /* arch/tlbi.h; the L and nXS forms act alike on leaf entries */
	uint64_t ipa;	      /* IPAS2: the IPA; RIPAS2: the range's base address */
	unsigned ttl; /* IPAS2: TTL[3:0] (0b00xx: no hint); RIPAS2: TTL[1:0] (0: any level) */
	unsigned num, scale; /* RIPAS2: (NUM+1) * 2^(5*SCALE+1) granules from the base */
	uint64_t va;	     /* VAE1: the VA (all ASIDs' global entries: the only kind here) */
	bool broadcast;	     /* every PE's TLB, not only the executing PE's */
};

struct tlb_entry {
	uint16_t vmid;	     /* effective */
	uint64_t base, size; /* the IPA range the leaf translates (a page or a block) */
	unsigned granule_shift, level, out;
	bool s2;     /* a stage-2-only entry may exist */
	bool s12;    /* a combined stage 1+2 entry may exist */
	bool va;     /* keyed by the VA (tlb_model_read_va()): base is a VA, only s12 is set */
	unsigned pe; /* the PE whose TLB holds it */
};

struct tlb_model {
	bool vmid16; /* FEAT_VMID16 */
	unsigned count;
	struct tlb_entry e[TLB_MODEL_ENTRIES];
};

/** An empty TLB (as after the TLBI of a fresh instance) on a CPU with or without VMID16. */
void tlb_model_init(struct tlb_model *m, bool vmid16);

/**
 * tlb_effective_vmid() - the VMID translations are tagged with (pseudocode VMID[]): all 16
 * bits with FEAT_VMID16 and VTCR_EL2.VS = 1, else VMID[7:0]: VTTBR_EL2.VMID[15:8] is RES0 then
 * and has no effect on translation.
 */
uint16_t tlb_effective_vmid(bool vmid16, uint16_t vmid, bool vs);

/**
 * tlb_model_read() - a guest read of @ipa in @r while stage 2 maps it to output @out
 * (TLB_FAULT: invalid) by a leaf at @level (3: a page; 2 or 1: a block). Returns the permitted
 * observations: @out, or the output of any entry the TLB may still hold for this VMID and
 * address (TLB_FAULT is permitted only
 * when @out is, since faults are never cached). Records the entry the read may leave behind.
 * Returns 0 when the model is full (a scenario error, not an observation).
 */
uint32_t tlb_model_read(struct tlb_model *m, const struct tlb_regime *r, uint64_t ipa, unsigned out,
			unsigned level);

/** tlb_model_tlbi() - @op executed at EL2 with @r loaded (VTTBR_EL2.VMID, VTCR_EL2.VS). */
void tlb_model_tlbi(struct tlb_model *m, const struct tlb_regime *r, const struct tlb_inval *op);

/** tlb_model_read() on PE @pe: only @pe's entries may supply it; the entry is @pe's. */
uint32_t tlb_model_read_on(struct tlb_model *m, unsigned pe, const struct tlb_regime *r,
			   uint64_t ipa, unsigned out, unsigned level);
/**
 * tlb_model_read_va() - a read of @va on PE @pe through the guest's stage 1, whose leaf at
 * @level maps it (through stage 2) to output @out (TLB_FAULT: a fault at either stage, not
 * cached). Permitted: @out, or the output of any VA entry of @pe for this VMID and VA.
 */
uint32_t tlb_model_read_va(struct tlb_model *m, unsigned pe, const struct tlb_regime *r,
			   uint64_t va, unsigned out, unsigned level);
/** tlb_model_tlbi() executed on PE @pe: @pe's TLB, every PE's with @op->broadcast. */
void tlb_model_tlbi_on(struct tlb_model *m, unsigned pe, const struct tlb_regime *r,
		       const struct tlb_inval *op);

#endif /* MODEL_TLB_MODEL_H */
