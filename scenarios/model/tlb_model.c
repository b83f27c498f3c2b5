/* SPDX-License-Identifier: MIT */
/*
 * The TLB-maintenance oracle (tlb_model.h). References are to the Arm ARM DDI 0487 (K.a):
 * D8.16 "Translation Lookaside Buffers", D8.16.1 "TLB maintenance" (scope of each instruction),
 * C5.5 "A64 System instructions for TLB maintenance" (TLBI IPAS2E1, RIPAS2E1, VMALLE1,
 * VMALLS12E1: operand fields, TTL hint, range), and the VMID[] pseudocode function.
 */
#include "tlb_model.h"

void tlb_model_init(struct tlb_model *m, bool vmid16)
{
	m->vmid16 = vmid16;
	m->count = 0;
}

uint16_t tlb_effective_vmid(bool vmid16, uint16_t vmid, bool vs)
{
	return vmid16 && vs ? vmid : (uint16_t)(vmid & 0xff);
}

static uint16_t regime_vmid(const struct tlb_model *m, const struct tlb_regime *r)
{
	return tlb_effective_vmid(m->vmid16, r->vmid, r->vs);
}

/* Bytes a leaf at @level translates: each level above 3 resolves granule_shift - 3 more bits. */
static uint64_t level_size(unsigned granule_shift, unsigned level)
{
	return 1ULL << (granule_shift + (3 - level) * (granule_shift - 3));
}

static bool entry_holds(const struct tlb_entry *e, uint64_t ipa)
{
	return ipa >= e->base && ipa - e->base < e->size;
}

/*
 * A read of @addr (an IPA, or with @va a VA through stage 1) on @pe: a TLB hit on any entry of
 * this PE, VMID, key kind and address may supply the translation.
 */
static uint32_t read_on(struct tlb_model *m, unsigned pe, const struct tlb_regime *r, uint64_t addr,
			bool va, unsigned out, unsigned level)
{
	uint16_t vmid = regime_vmid(m, r);
	uint64_t size = level <= 3 ? level_size(r->granule_shift, level) : 0;
	uint32_t permitted = TLB_OBS(out);

	if (out >= TLB_OUTPUTS || size == 0) {
		return 0;
	}
	for (unsigned i = 0; i < m->count; i++) {
		const struct tlb_entry *e = &m->e[i];

		if (e->pe == pe && e->va == va && e->vmid == vmid && entry_holds(e, addr) &&
		    (e->s2 || e->s12)) {
			permitted |= TLB_OBS(e->out);
		}
	}
	/* A walk that finds an invalid descriptor caches nothing (D8.16, "TLB behavior"). */
	if (out == TLB_FAULT) {
		return permitted;
	}
	if (m->count == TLB_MODEL_ENTRIES) {
		return 0;
	}
	m->e[m->count++] = (struct tlb_entry){.vmid = vmid,
					      .base = addr & ~(size - 1),
					      .size = size,
					      .granule_shift = r->granule_shift,
					      .level = level,
					      .out = out,
					      .s2 = !va,
					      .s12 = true,
					      .va = va,
					      .pe = pe};
	return permitted;
}

uint32_t tlb_model_read_on(struct tlb_model *m, unsigned pe, const struct tlb_regime *r,
			   uint64_t ipa, unsigned out, unsigned level)
{
	return read_on(m, pe, r, ipa, false, out, level);
}

uint32_t tlb_model_read_va(struct tlb_model *m, unsigned pe, const struct tlb_regime *r,
			   uint64_t va, unsigned out, unsigned level)
{
	return read_on(m, pe, r, va, true, out, level);
}

uint32_t tlb_model_read(struct tlb_model *m, const struct tlb_regime *r, uint64_t ipa, unsigned out,
			unsigned level)
{
	return read_on(m, 0, r, ipa, false, out, level);
}

/*
 * TTL[3:0] of TLBI IPAS2E1 (with FEAT_TTL): 0b00xx gives no information; else TTL[3:2] is the
 * granule (0b01 4K, 0b10 16K, 0b11 64K) and TTL[1:0] the level of the entry. "If an incorrect
 * value of the TTL field is specified for the entry being invalidated, no entries are required
 * to be invalidated": a wrong hint leaves the entry possibly cached. TTL[1:0] = 0b00 with a
 * granule is reserved without FEAT_LPA2 (no leaf at level 0) and treated as no hint.
 */
static bool ipa_ttl_covers(unsigned ttl, const struct tlb_entry *e)
{
	unsigned tg = (ttl >> 2) & 3, lvl = ttl & 3;
	unsigned want_tg = e->granule_shift == 12 ? 1 : e->granule_shift == 14 ? 2 : 3;

	return tg == 0 || lvl == 0 || (tg == want_tg && lvl == e->level);
}

/*
 * The range forms: TTL[1:0] = 0 any level, else the level; the range is (NUM+1)*2^(5*SCALE+1)
 * granules from BaseADDR, and an entry that translates any address in it is in scope.
 */
static bool range_covers(const struct tlb_inval *op, const struct tlb_entry *e)
{
	uint64_t base = op->ipa & ~((1ULL << e->granule_shift) - 1);
	uint64_t len = (uint64_t)(op->num + 1) << (5 * op->scale + 1 + e->granule_shift);

	return (op->ttl == 0 || op->ttl == e->level) && e->base < base + len &&
	       base < e->base + e->size;
}

void tlb_model_tlbi_on(struct tlb_model *m, unsigned pe, const struct tlb_regime *r,
		       const struct tlb_inval *op)
{
	uint16_t vmid = regime_vmid(m, r);
	unsigned kept = 0;

	for (unsigned i = 0; i < m->count; i++) {
		struct tlb_entry e = m->e[i];

		/*
		 * Only entries of the current VMID are in scope of any of these instructions, and
		 * only the executing PE's unless the instruction is broadcast.
		 */
		if (e.vmid == vmid && (op->broadcast || e.pe == pe)) {
			switch (op->kind) {
			case TLBI_SCOPE_IPAS2:
				/* Stage 2 only; every entry here is a leaf (L forms too). */
				if (!e.va && entry_holds(&e, op->ipa) &&
				    ipa_ttl_covers(op->ttl, &e)) {
					e.s2 = false;
				}
				break;
			case TLBI_SCOPE_RIPAS2:
				if (!e.va && range_covers(op, &e)) {
					e.s2 = false;
				}
				break;
			case TLBI_SCOPE_VMALLE1:
				/* Stage-1 information, which every combined entry holds. */
				e.s12 = false;
				break;
			case TLBI_SCOPE_VMALLS12E1:
				e.s2 = false;
				e.s12 = false;
				break;
			case TLBI_SCOPE_VAE1:
				/* Stage-1 entries of the VA (a flat IPA entry's VA is its IPA). */
				if (entry_holds(&e, op->va)) {
					e.s12 = false;
				}
				break;
			}
		}
		if (e.s2 || e.s12) {
			m->e[kept++] = e;
		}
	}
	m->count = kept;
}

void tlb_model_tlbi(struct tlb_model *m, const struct tlb_regime *r, const struct tlb_inval *op)
{
	tlb_model_tlbi_on(m, 0, r, op);
}
