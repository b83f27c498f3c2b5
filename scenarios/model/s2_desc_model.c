/* SPDX-License-Identifier: MIT */
/* The stage-2 descriptor oracle (s2_desc_model.h). */
#include "s2_desc_model.h"

#include <stdio.h>

#define BITS_BELOW(n) ((n) >= 64 ? ~0ULL : (1ULL << (n)) - 1)

/* Descriptor fields (D8.3 "Translation table descriptor formats"; D8.4.2 stage 2 attributes). */
#define DESC_VALID  (1ULL << 0)
#define DESC_TYPE   3ULL
#define DESC_BLOCK  1ULL /* 0b01 at levels 0-2; reserved at level 3 */
#define DESC_AF	    (1ULL << 10)
#define DESC_CONTIG (1ULL << 52)

unsigned s2_desc_level_shift(unsigned granule_shift, unsigned level)
{
	return granule_shift + (3 - level) * (granule_shift - 3);
}

bool s2_desc_block_supported(const struct s2_desc_cfg *cfg, unsigned level)
{
	switch (cfg->granule_shift) {
	case 12:
		return level == 1 || level == 2 || (level == 0 && cfg->ds);
	case 14:
		return level == 2 || (level == 1 && cfg->ds);
	case 16:
		return level == 2 || (level == 1 && cfg->pa_max >= 52);
	default:
		return false;
	}
}

unsigned s2_desc_oa_bits(const struct s2_desc_cfg *cfg)
{
	unsigned ps = cfg->ps_bits < cfg->pa_max ? cfg->ps_bits : cfg->pa_max;

	if (cfg->granule_shift != 16 && !cfg->ds && ps > 48) {
		ps = 48;
	}
	return ps;
}

unsigned s2_desc_contig_log2(const struct s2_desc_cfg *cfg, unsigned level)
{
	switch (cfg->granule_shift) {
	case 12:
		return level >= 1 && level <= 3 ? 4 : 0;
	case 14:
		return level == 2 ? 5 : level == 3 ? 7 : 0;
	case 16:
		return level == 2 || level == 3 ? 5 : 0;
	default:
		return 0;
	}
}

/*
 * AArch64.LeafBase() / AArch64.NextTableBase(): descriptor[47:0] aligned to @align_bits, plus
 * the high OA bits of the 52-bit formats.
 */
static uint64_t desc_base(const struct s2_desc_cfg *cfg, uint64_t desc, unsigned align_bits,
			  bool impdef_64k_oa)
{
	uint64_t base = desc & BITS_BELOW(48) & ~BITS_BELOW(align_bits);

	if (cfg->granule_shift == 16) {
		if (cfg->pa_max >= 52 || impdef_64k_oa) {
			base |= ((desc >> 12) & 0xf) << 48;
		}
	} else if (cfg->ds) {
		base |= ((desc >> 48) & 3) << 48 | ((desc >> 8) & 3) << 50;
	}
	return base;
}

struct s2_desc_entry s2_desc_decode(const struct s2_desc_cfg *cfg, unsigned level, uint64_t desc,
				    bool impdef_64k_oa)
{
	struct s2_desc_entry d = {.kind = S2D_FAULT_TRANSLATION};
	bool table = level < 3 && (desc & DESC_TYPE) == 3;

	if (!(desc & DESC_VALID) || level > 3) {
		return d;
	}
	if (level == 3 && (desc & DESC_TYPE) == DESC_BLOCK) {
		return d; /* reserved: DescriptorType_Invalid */
	}
	if (!table && level < 3 && !s2_desc_block_supported(cfg, level)) {
		return d;
	}
	unsigned align =
		table ? cfg->granule_shift : s2_desc_level_shift(cfg->granule_shift, level);
	unsigned oa_bits = s2_desc_oa_bits(cfg);

	d.oa = desc_base(cfg, desc, align, impdef_64k_oa);
	if (oa_bits < 56 && (d.oa >> oa_bits) != 0) {
		d.kind = S2D_FAULT_ADDR_SIZE;
		return d;
	}
	if (table) {
		d.kind = S2D_TABLE;
		return d;
	}
	if (!(desc & DESC_AF)) {
		d.kind = S2D_FAULT_ACCESS;
		return d;
	}
	d.kind = S2D_LEAF;
	d.s2ap = (unsigned)(desc >> 6) & 3;
	d.contiguous = (desc & DESC_CONTIG) && s2_desc_contig_log2(cfg, level) != 0;
	return d;
}

bool s2_desc_walk(const struct s2_desc_cfg *cfg, unsigned start_level, const uint64_t *path,
		  size_t n, uint64_t ia, bool impdef_64k_oa, struct s2_desc_outcome *out)
{
	for (size_t i = 0; i < n && start_level + i <= 3; i++) {
		unsigned level = start_level + (unsigned)i;
		struct s2_desc_entry d = s2_desc_decode(cfg, level, path[i], impdef_64k_oa);

		if (d.kind == S2D_TABLE) {
			continue;
		}
		*out = (struct s2_desc_outcome){.kind = d.kind, .level = level};
		if (d.kind == S2D_LEAF) {
			out->pa = d.oa |
				  (ia & BITS_BELOW(s2_desc_level_shift(cfg->granule_shift, level)));
			out->s2ap = d.s2ap;
		}
		return true;
	}
	return false;
}

struct s2_desc_outcome s2_desc_for_access(struct s2_desc_outcome o, bool write)
{
	if (o.kind == S2D_LEAF && !(o.s2ap & (write ? 2u : 1u))) {
		return (struct s2_desc_outcome){.kind = S2D_FAULT_PERMISSION, .level = o.level};
	}
	return o;
}

unsigned s2_desc_contig_index(const struct s2_desc_cfg *cfg, unsigned level, uint64_t ia)
{
	unsigned log2 = s2_desc_contig_log2(cfg, level);

	return (unsigned)((ia >> s2_desc_level_shift(cfg->granule_shift, level)) &
			  BITS_BELOW(log2));
}

static bool outcome_eq(const struct s2_desc_outcome *a, const struct s2_desc_outcome *b)
{
	if (a->kind != b->kind) {
		return false;
	}
	if (a->kind == S2D_TLB_CONFLICT) {
		return true;
	}
	return a->level == b->level &&
	       (a->kind != S2D_LEAF || (a->pa == b->pa && a->s2ap == b->s2ap));
}

static bool permitted_add(struct s2_desc_permitted *p, const struct s2_desc_outcome *o)
{
	for (unsigned i = 0; i < p->n; i++) {
		if (outcome_eq(&p->v[i], o)) {
			return true;
		}
	}
	if (p->n == S2D_OUTCOMES_MAX) {
		return false;
	}
	p->v[p->n++] = *o;
	return true;
}

#define S2D_PATH_MAX 4

bool s2_desc_contig_permitted(const struct s2_desc_cfg *cfg, unsigned start_level,
			      const uint64_t *path, unsigned level, const uint64_t *group,
			      uint64_t ia, unsigned bbm, struct s2_desc_permitted *out)
{
	uint64_t own_path[S2D_PATH_MAX];
	unsigned log2 = s2_desc_contig_log2(cfg, level);
	unsigned j = s2_desc_contig_index(cfg, level, ia);
	unsigned with = 0, without = 0;
	struct s2_desc_outcome own;

	*out = (struct s2_desc_permitted){0};
	if (level < start_level || level > 3) {
		return false;
	}
	for (unsigned i = start_level; i < level; i++) {
		own_path[i - start_level] = path[i - start_level];
	}
	own_path[level - start_level] = group[j];
	if (!s2_desc_walk(cfg, start_level, own_path, level - start_level + 1, ia, false, &own)) {
		return false;
	}
	permitted_add(out, &own);
	if (own.level < level || log2 == 0) {
		return true; /* the walk stops above the group, or there is no Contiguous bit */
	}
	unsigned leaf_shift = s2_desc_level_shift(cfg->granule_shift, level);
	uint64_t group_mask = BITS_BELOW(leaf_shift + log2);

	for (unsigned k = 0; k < (1u << log2); k++) {
		struct s2_desc_entry d = s2_desc_decode(cfg, level, group[k], false);

		if (d.kind != S2D_LEAF) {
			continue;
		}
		if (!d.contiguous) {
			without++;
			continue;
		}
		with++;
		struct s2_desc_outcome as_group = {.kind = S2D_LEAF,
						   .level = level,
						   .pa = (d.oa & ~group_mask) | (ia & group_mask),
						   .s2ap = d.s2ap};

		if (!permitted_add(out, &as_group)) {
			return false;
		}
	}
	if (with && without) {
		struct s2_desc_outcome conflict = {.kind = S2D_TLB_CONFLICT};

		out->any_translation = bbm == 0;
		return permitted_add(out, &conflict);
	}
	return true;
}

unsigned s2_desc_fsc(const struct s2_desc_outcome *o)
{
	switch (o->kind) {
	case S2D_FAULT_ADDR_SIZE:
		return 0x00 + o->level;
	case S2D_FAULT_TRANSLATION:
		return 0x04 + o->level;
	case S2D_FAULT_ACCESS:
		return 0x08 + o->level;
	case S2D_FAULT_PERMISSION:
		return 0x0c + o->level;
	case S2D_TLB_CONFLICT:
		return 0x30;
	default:
		return 0;
	}
}

#define PAR_PA_BITS 0x000ffffffffff000ULL /* PA[51:12] */

uint64_t s2_desc_par_expect(const struct s2_desc_outcome *o)
{
	if (o->kind == S2D_LEAF) {
		return o->pa & PAR_PA_BITS;
	}
	return 1ULL | (uint64_t)s2_desc_fsc(o) << 1 | 1ULL << 9;
}

bool s2_desc_par_matches(const struct s2_desc_outcome *o, uint64_t par)
{
	if (o->kind == S2D_LEAF) {
		return !(par & 1) && (par & PAR_PA_BITS) == (o->pa & PAR_PA_BITS);
	}
	if (o->kind == S2D_TLB_CONFLICT) {
		/* Which stage a conflict between combined entries belongs to is not defined: F,
		 * FST. */
		return (par & 0x7f) == (s2_desc_par_expect(o) & 0x7f);
	}
	return (par & S2D_PAR_FAULT_MASK) == s2_desc_par_expect(o);
}

bool s2_desc_permitted_par(const struct s2_desc_permitted *p, uint64_t par, bool write)
{
	if (p->any_translation && !(par & 1)) {
		return true;
	}
	for (unsigned i = 0; i < p->n; i++) {
		struct s2_desc_outcome o = s2_desc_for_access(p->v[i], write);

		if (s2_desc_par_matches(&o, par)) {
			return true;
		}
	}
	return false;
}

/* ID_AA64MMFR0_EL1 granule fields (D24.2 ID_AA64MMFR0_EL1). */
#define FIELD(v, shift) ((unsigned)((v) >> (shift)) & 0xf)

const char *s2_desc_granule_missing(uint64_t mmfr0, unsigned granule_shift, bool need_52, char *why,
				    size_t len)
{
	unsigned s2_shift, s1_shift;
	const char *name;

	switch (granule_shift) {
	case 12:
		s2_shift = 40, s1_shift = 28, name = "TGran4";
		break;
	case 14:
		s2_shift = 32, s1_shift = 20, name = "TGran16";
		break;
	case 16:
		s2_shift = 36, s1_shift = 24, name = "TGran64";
		break;
	default:
		snprintf(why, len, "no %u-bit granule", granule_shift);
		return why;
	}
	unsigned s2 = FIELD(mmfr0, s2_shift), s1 = FIELD(mmfr0, s1_shift);
	/* TGran*_2 = 0b0000: as the stage-1 field, whose encodings differ per granule. */
	bool present, has_52;

	if (s2 != 0) {
		present = s2 >= 2;
		has_52 = s2 >= 3 && granule_shift != 16;
	} else if (granule_shift == 14) {
		present = s1 >= 1, has_52 = s1 >= 2;
	} else {
		present = s1 != 0xf, has_52 = granule_shift == 12 && s1 == 1;
	}
	if (present && (!need_52 || has_52)) {
		return NULL;
	}
	snprintf(why, len, "needs the %uK stage-2 granule%s (ID_AA64MMFR0_EL1.%s_2=%u, %s=%u)",
		 1u << (granule_shift - 10), need_52 ? " with 52-bit OA, FEAT_LPA2" : "", name, s2,
		 name, s1);
	return why;
}
