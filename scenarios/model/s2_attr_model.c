/* SPDX-License-Identifier: MIT */
/*
 * The stage 1 + stage 2 attribute combination oracle (see s2_attr_model.h). Each function is
 * the Arm ARM (DDI 0487) pseudocode function it is named after, without FEAT_MTE tags, FEAT_XS
 * or FEAT_MTE_PERM state.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/el2.h"
#include "arch/pte.h"
#include "s2_attr_model.h"

/* DecodeLDFAttr(): one MAIR nibble of a Normal type (not 0b0000). */
static struct mem_hints decode_ldf_attr(unsigned nibble)
{
	struct mem_hints h = {.hints = nibble & 3, .transient = !(nibble & 8)};

	if (nibble == 0x4) {
		return (struct mem_hints){.attrs = MEMATTR_NC};
	}
	h.attrs = (nibble & 4) ? MEMATTR_WB : MEMATTR_WT;
	return h;
}

/* DecodeShareability(): SH = 0b01 is reserved (the caller rejects it). */
static enum shareability decode_shareability(unsigned sh)
{
	return sh == 3 ? SHAREABILITY_ISH : sh == 2 ? SHAREABILITY_OSH : SHAREABILITY_NSH;
}

bool s1_decode_mem_attrs(uint8_t mair_attr, unsigned sh, struct mem_attrs *out)
{
	unsigned hi = mair_attr >> 4, lo = mair_attr & 0xf;

	if (sh == 1 || sh > 3) {
		return false;
	}
	*out = (struct mem_attrs){.shareability = decode_shareability(sh)};
	if (hi == 0) {
		/* 0b0000dd00: Device; dd = nGnRnE, nGnRE, nGRE, GRE. Anything else is reserved. */
		if (lo & 3) {
			return false;
		}
		out->memtype = MEMTYPE_DEVICE;
		out->device = (enum device_type)(lo >> 2);
		return true;
	}
	/* 0bxxxx0000 with a Normal outer half: reserved, or FEAT_XS/FEAT_MTE2 specials. */
	if (lo == 0) {
		return false;
	}
	out->memtype = MEMTYPE_NORMAL;
	out->outer = decode_ldf_attr(hi);
	out->inner = decode_ldf_attr(lo);
	return true;
}

struct mem_attrs s1_disabled_data_attrs(void)
{
	return (struct mem_attrs){.memtype = MEMTYPE_DEVICE,
				  .device = DEVICE_nGnRnE,
				  .shareability = SHAREABILITY_OSH};
}

bool s2_memattr_has_choice(unsigned memattr)
{
	return S2_MEMATTR_OUTER(memattr) != 0 && S2_MEMATTR_INNER(memattr) == 0;
}

/* S2DecodeCacheability(): 0b01 NC, 0b10 WT, 0b11 WB, 0b00 ConstrainUnpredictable. */
static struct mem_hints s2_decode_cacheability(unsigned field, unsigned choice)
{
	static const enum mem_cache constrained[S2_RESMEMATTR_CHOICES] = {MEMATTR_NC, MEMATTR_WT,
									  MEMATTR_WB};
	struct mem_hints h = {.attrs = MEMATTR_NC};

	switch (field) {
	case S2_CACHE_NC:
		h.attrs = MEMATTR_NC;
		break;
	case S2_CACHE_WT:
		h.attrs = MEMATTR_WT;
		break;
	case S2_CACHE_WB:
		h.attrs = MEMATTR_WB;
		break;
	default:
		h.attrs = constrained[choice % S2_RESMEMATTR_CHOICES];
		break;
	}
	/* Stage 2 assigns no hints: they are inherited from stage 1 by the combination. */
	return h;
}

bool s2_decode_mem_attrs(unsigned memattr, unsigned sh, unsigned choice, struct mem_attrs *out)
{
	if (sh == 1 || sh > 3 || memattr > 0xf) {
		return false;
	}
	*out = (struct mem_attrs){.shareability = decode_shareability(sh)};
	if (S2_MEMATTR_OUTER(memattr) == 0) {
		/* 0b00dd: Device, dd as in S2_MEMATTR_DEVICE_*. */
		out->memtype = MEMTYPE_DEVICE;
		out->device = (enum device_type)S2_MEMATTR_INNER(memattr);
		return true;
	}
	out->memtype = MEMTYPE_NORMAL;
	out->outer = s2_decode_cacheability(S2_MEMATTR_OUTER(memattr), choice);
	out->inner = s2_decode_cacheability(S2_MEMATTR_INNER(memattr), choice);
	return true;
}

enum device_type s2_combine_s1_device(enum device_type s1, enum device_type s2)
{
	/* The enum is ordered strongest first. */
	return s1 < s2 ? s1 : s2;
}

struct mem_hints s2_combine_s1_attr_hints(struct mem_hints s1, struct mem_hints s2)
{
	struct mem_hints r = {.attrs = MEMATTR_WB};

	if (s1.attrs == MEMATTR_NC || s2.attrs == MEMATTR_NC) {
		return (struct mem_hints){.attrs = MEMATTR_NC};
	}
	if (s1.attrs == MEMATTR_WT || s2.attrs == MEMATTR_WT) {
		r.attrs = MEMATTR_WT;
	}
	r.hints = s1.hints;
	r.transient = s1.transient;
	return r;
}

enum shareability s2_combine_s1_shareability(enum shareability s1, enum shareability s2)
{
	if (s1 == SHAREABILITY_OSH || s2 == SHAREABILITY_OSH) {
		return SHAREABILITY_OSH;
	}
	if (s1 == SHAREABILITY_ISH || s2 == SHAREABILITY_ISH) {
		return SHAREABILITY_ISH;
	}
	return SHAREABILITY_NSH;
}

enum shareability effective_shareability(const struct mem_attrs *m)
{
	if (m->memtype == MEMTYPE_DEVICE ||
	    (m->inner.attrs == MEMATTR_NC && m->outer.attrs == MEMATTR_NC)) {
		return SHAREABILITY_OSH;
	}
	return m->shareability;
}

struct mem_attrs s2_combine_s1_mem_attrs(const struct mem_attrs *s1, const struct mem_attrs *s2)
{
	struct mem_attrs m;

	if (s1->memtype == MEMTYPE_DEVICE && s2->memtype == MEMTYPE_DEVICE) {
		m = (struct mem_attrs){.memtype = MEMTYPE_DEVICE,
				       .device = s2_combine_s1_device(s1->device, s2->device)};
	} else if (s1->memtype == MEMTYPE_DEVICE) {
		m = *s1; /* stage 2 Normal */
	} else if (s2->memtype == MEMTYPE_DEVICE) {
		m = *s2; /* stage 1 Normal */
	} else {
		m = (struct mem_attrs){.memtype = MEMTYPE_NORMAL,
				       .inner = s2_combine_s1_attr_hints(s1->inner, s2->inner),
				       .outer = s2_combine_s1_attr_hints(s1->outer, s2->outer)};
	}
	m.shareability = s2_combine_s1_shareability(s1->shareability, s2->shareability);
	m.shareability = effective_shareability(&m);
	return m;
}

/* A half of FWB's forced Write-Back: stage 1's hints if that half is cacheable there. */
static struct mem_hints fwb_force_wb(const struct mem_attrs *s1, struct mem_hints half)
{
	if (s1->memtype == MEMTYPE_NORMAL && half.attrs != MEMATTR_NC) {
		return (struct mem_hints){MEMATTR_WB, half.hints, half.transient};
	}
	return (struct mem_hints){MEMATTR_WB, 3, false};
}

bool s2_apply_fwb_mem_attrs(const struct mem_attrs *s1, unsigned memattr, unsigned sh,
			    struct mem_attrs *out)
{
	bool s1_device = s1->memtype == MEMTYPE_DEVICE;
	struct mem_attrs m = *s1;

	if (sh == 1 || sh > 3 || memattr > 7 || memattr == 4) {
		return false;
	}
	if (!(memattr & 4)) {
		enum device_type d = (enum device_type)(memattr & 3);

		m = (struct mem_attrs){.memtype = MEMTYPE_DEVICE,
				       .device =
					       s1_device ? s2_combine_s1_device(s1->device, d) : d};
	} else if (memattr == S2_FWB_MEMATTR_FORCE_WB) {
		m = (struct mem_attrs){.memtype = MEMTYPE_NORMAL,
				       .inner = fwb_force_wb(s1, s1->inner),
				       .outer = fwb_force_wb(s1, s1->outer)};
	} else if (memattr == S2_FWB_MEMATTR_NC && !s1_device) {
		m = (struct mem_attrs){.memtype = MEMTYPE_NORMAL,
				       .inner = {.attrs = MEMATTR_NC},
				       .outer = {.attrs = MEMATTR_NC}};
	} /* else S2_FWB_MEMATTR_S1, or NC over a Device stage 1: stage 1's attributes */
	m.shareability = s2_combine_s1_shareability(s1->shareability, decode_shareability(sh));
	m.shareability = effective_shareability(&m);
	*out = m;
	return true;
}

/* One Normal nibble of AArch64.EncodePARAttrs(). */
static unsigned par_encode_hints(struct mem_hints h)
{
	switch (h.attrs) {
	case MEMATTR_NC:
		return 0x4;
	case MEMATTR_WT:
		return (h.transient ? 0x0 : 0x8) | h.hints;
	default:
		return (h.transient ? 0x4 : 0xc) | h.hints;
	}
}

uint8_t par_encode_attrs(const struct mem_attrs *m)
{
	if (m->memtype == MEMTYPE_DEVICE) {
		return (uint8_t)(m->device << 2);
	}
	return (uint8_t)(par_encode_hints(m->outer) << 4 | par_encode_hints(m->inner));
}

unsigned par_encode_shareability(const struct mem_attrs *m)
{
	/* Forced 0b10 for Device and Normal iNC-oNC, whatever the descriptors say. */
	return effective_shareability(m);
}

static void expect_add(struct par_attrs_expect *e, uint8_t attr, unsigned sh)
{
	for (unsigned i = 0; i < e->n; i++) {
		if (e->v[i].attr == attr && e->v[i].sh == sh) {
			return;
		}
	}
	if (e->n < PAR_ATTRS_MAX) {
		e->v[e->n].attr = attr;
		e->v[e->n].sh = sh;
		e->n++;
	}
}

struct mem_attrs s1_default_cacheability_attrs(void)
{
	struct mem_hints wb = {.attrs = MEMATTR_WB, .hints = 3, .transient = false};

	return (struct mem_attrs){.memtype = MEMTYPE_NORMAL,
				  .inner = wb,
				  .outer = wb,
				  .shareability = SHAREABILITY_NSH};
}

struct mem_attrs normal_nc_mem_attrs(void)
{
	return (struct mem_attrs){.memtype = MEMTYPE_NORMAL,
				  .inner = {.attrs = MEMATTR_NC},
				  .outer = {.attrs = MEMATTR_NC},
				  .shareability = SHAREABILITY_OSH};
}

struct mem_attrs s2_hcr_cd_data_attrs(const struct mem_attrs *s2, struct hcr_attr_ctl hcr)
{
	if (hcr.cd && s2->memtype == MEMTYPE_NORMAL) {
		return normal_nc_mem_attrs();
	}
	return *s2;
}

bool s2_par_attrs_expect_hcr(const struct s1_input *s1, unsigned s2_memattr, unsigned s2_sh,
			     bool fwb, bool feat_xs, struct hcr_attr_ctl hcr,
			     struct par_attrs_expect *out)
{
	struct mem_attrs a1, a2, m;
	unsigned choices = !fwb && s2_memattr_has_choice(s2_memattr) ? S2_RESMEMATTR_CHOICES : 1;

	*out = (struct par_attrs_expect){0};
	if (hcr.dc) {
		a1 = s1_default_cacheability_attrs();
	} else if (s1->off) {
		a1 = s1_disabled_data_attrs();
	} else if (!s1_decode_mem_attrs(s1->mair_attr, s1->sh, &a1)) {
		return false;
	}
	for (unsigned choice = 0; choice < choices; choice++) {
		if (fwb) {
			if (!s2_apply_fwb_mem_attrs(&a1, s2_memattr, s2_sh, &m)) {
				return false;
			}
			m = s2_hcr_cd_data_attrs(&m, hcr);
		} else if (s2_decode_mem_attrs(s2_memattr, s2_sh, choice, &a2)) {
			a2 = s2_hcr_cd_data_attrs(&a2, hcr);
			m = s2_combine_s1_mem_attrs(&a1, &a2);
		} else {
			return false;
		}
		uint8_t attr = par_encode_attrs(&m);
		unsigned sh = par_encode_shareability(&m);

		expect_add(out, attr, sh);
		/* FEAT_XS: the same memory types with XS = 0 have their own ATTR encodings. */
		if (feat_xs && attr == 0x44) {
			expect_add(out, 0x40, sh);
		}
		if (feat_xs && attr == 0xaa) {
			expect_add(out, 0xa0, sh);
		}
	}
	return true;
}

bool s2_par_attrs_expect(const struct s1_input *s1, unsigned s2_memattr, unsigned s2_sh, bool fwb,
			 bool feat_xs, struct par_attrs_expect *out)
{
	return s2_par_attrs_expect_hcr(s1, s2_memattr, s2_sh, fwb, feat_xs,
				       (struct hcr_attr_ctl){0}, out);
}

bool par_attrs_permitted(const struct par_attrs_expect *e, uint64_t par)
{
	uint8_t attr = (uint8_t)(par >> PAR_ATTR_SHIFT);
	unsigned sh = (unsigned)FIELD_GET(par, PAR_SH_SHIFT, 2);

	for (unsigned i = 0; i < e->n; i++) {
		if (e->v[i].attr == attr && e->v[i].sh == sh) {
			return true;
		}
	}
	return false;
}

enum align_outcome s2_unaligned_load_outcome(const struct s1_input *s1, unsigned s2_memattr)
{
	return s2_unaligned_load_outcome_hcr(s1, s2_memattr, (struct hcr_attr_ctl){0});
}

enum align_outcome s2_unaligned_load_outcome_hcr(const struct s1_input *s1, unsigned s2_memattr,
						 struct hcr_attr_ctl hcr)
{
	struct mem_attrs a1 = hcr.dc ? s1_default_cacheability_attrs() : s1_disabled_data_attrs();

	if (!hcr.dc && !s1->off && !s1_decode_mem_attrs(s1->mair_attr, s1->sh, &a1)) {
		return ALIGN_NO_FAULT; /* not modelled: callers use s2_par_attrs_expect() first */
	}
	if (a1.memtype == MEMTYPE_DEVICE) {
		return ALIGN_FAULT_STAGE1;
	}
	/* Stage 2's own type decides (S2DecodeMemAttrs: MemAttr[3:2] = 0b00 is Device). */
	return S2_MEMATTR_OUTER(s2_memattr) == 0 ? ALIGN_FAULT_STAGE2 : ALIGN_NO_FAULT;
}
