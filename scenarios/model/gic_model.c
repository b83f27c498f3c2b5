/* SPDX-License-Identifier: MIT */
/* The GICv3 virtual CPU interface oracle (see gic_model.h); IHI 0069 12.5 and 12.6. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/el2.h"
#include "gic_model.h"
#include "gic_width_model.h"

#define VMCR_VBPR1_SHIFT 18
#define VMCR_VBPR0_SHIFT 21
#define VMCR_VPMR_SHIFT	 24
#define LPI_INTID_FIRST	 8192

/* Which ICH_HCR_EL2 group control covers a register. */
enum icv_group { GROUP_COMMON, GROUP_0, GROUP_1 };

static const struct icv_enc {
	enum icv_reg reg;
	uint8_t crn, crm, op2; /* op0 = 3, op1 = 0 for all of them */
	enum icv_group group;
} icv_encs[] = {
	{ICV_PMR, 4, 6, 0, GROUP_COMMON},   {ICV_IAR0, 12, 8, 0, GROUP_0},
	{ICV_EOIR0, 12, 8, 1, GROUP_0},	    {ICV_HPPIR0, 12, 8, 2, GROUP_0},
	{ICV_BPR0, 12, 8, 3, GROUP_0},	    {ICV_AP0R0, 12, 8, 4, GROUP_0},
	{ICV_AP1R0, 12, 9, 0, GROUP_1},	    {ICV_DIR, 12, 11, 1, GROUP_COMMON},
	{ICV_RPR, 12, 11, 3, GROUP_COMMON}, {ICV_IAR1, 12, 12, 0, GROUP_1},
	{ICV_EOIR1, 12, 12, 1, GROUP_1},    {ICV_HPPIR1, 12, 12, 2, GROUP_1},
	{ICV_BPR1, 12, 12, 3, GROUP_1},	    {ICV_CTLR, 12, 12, 4, GROUP_COMMON},
	{ICV_IGRPEN0, 12, 12, 6, GROUP_0},  {ICV_IGRPEN1, 12, 12, 7, GROUP_1},
};

#define ICV_ENC_COUNT (sizeof(icv_encs) / sizeof(icv_encs[0]))

static const struct icv_enc *icv_enc_of(enum icv_reg r)
{
	for (size_t i = 0; i < ICV_ENC_COUNT; i++) {
		if (icv_encs[i].reg == r) {
			return &icv_encs[i];
		}
	}
	return NULL;
}

enum icv_reg icv_reg_from_enc(unsigned op0, unsigned op1, unsigned crn, unsigned crm, unsigned op2)
{
	for (size_t i = 0; op0 == 3 && op1 == 0 && i < ICV_ENC_COUNT; i++) {
		if (icv_encs[i].crn == crn && icv_encs[i].crm == crm && icv_encs[i].op2 == op2) {
			return icv_encs[i].reg;
		}
	}
	return ICV_NONE;
}

uint64_t ich_hcr_trap_bits(enum icv_reg r, bool is_write, uint64_t vtr)
{
	static const uint64_t group_bit[] = {
		[GROUP_COMMON] = ICH_HCR_TC, [GROUP_0] = ICH_HCR_TALL0, [GROUP_1] = ICH_HCR_TALL1};
	const struct icv_enc *e = icv_enc_of(r);
	uint64_t bits;

	if (!e) {
		return 0;
	}
	bits = group_bit[e->group];
	if (r == ICV_DIR && is_write && (vtr & ICH_VTR_TDS)) {
		bits |= ICH_HCR_TDIR;
	}
	return bits;
}

/* ICH_VTR_EL2's counts and the widths they imply: gic_width_model's, one definition. */
static unsigned vtr_prebits(uint64_t vtr)
{
	return gw_vtr_decode(vtr).pre_bits;
}

static unsigned vtr_idbits(uint64_t vtr)
{
	return gw_vtr_decode(vtr).id_bits == 24 ? 24 : 16;
}

/* The minimum VBPR0: 7 - preemption bits ("ggggg.sss" with 5 bits: 2). VBPR1: one more. */
static unsigned min_vbpr0(uint64_t vtr)
{
	return gw_bpr0_min(vtr_prebits(vtr));
}

static unsigned vmcr_vbpr0(uint64_t vmcr)
{
	return (unsigned)FIELD_GET(vmcr, VMCR_VBPR0_SHIFT, 3);
}

static unsigned vmcr_vbpr1(uint64_t vmcr)
{
	return (unsigned)FIELD_GET(vmcr, VMCR_VBPR1_SHIFT, 3);
}

static uint64_t set_field(uint64_t reg, unsigned shift, unsigned width, uint64_t v)
{
	uint64_t m = ((1ULL << width) - 1) << shift;

	return (reg & ~m) | ((v << shift) & m);
}

/* VPriorityGroup of the highest active priority: bit n of the AP registers is group n. */
static uint64_t highest_active_priority(const struct icv_state *s)
{
	unsigned regs = gw_apr_count(vtr_prebits(s->vtr));

	for (unsigned n = 0; n < regs && n < 4; n++) {
		uint32_t ap = s->ap0r[n] | s->ap1r[n];

		for (unsigned bit = 0; bit < 32 && ap; bit++) {
			if (ap & (1u << bit)) {
				return (uint64_t)(n * 32 + bit) << (8 - vtr_prebits(s->vtr));
			}
		}
	}
	return 0xff;
}

uint64_t icv_read(const struct icv_state *s, enum icv_reg r, uint64_t *mask)
{
	uint64_t vtr = s->vtr, vmcr = s->vmcr;

	*mask = ~0ULL;
	switch (r) {
	case ICV_PMR:
		return FIELD_GET(vmcr, VMCR_VPMR_SHIFT, 8);
	case ICV_BPR0:
		return vmcr_vbpr0(vmcr);
	case ICV_BPR1:
		if (vmcr & ICH_VMCR_VCBPR) {
			return vmcr_vbpr0(vmcr) + 1 > 7 ? 7 : vmcr_vbpr0(vmcr) + 1;
		}
		return vmcr_vbpr1(vmcr);
	case ICV_IGRPEN0:
		return !!(vmcr & ICH_VMCR_VENG0);
	case ICV_IGRPEN1:
		return !!(vmcr & ICH_VMCR_VENG1);
	case ICV_CTLR:
		/* RSS (bit 18) and ExtRange (bit 19) are not described by ICH_VTR_EL2/VMCR. */
		*mask = ~(BIT(18) | BIT(19));
		return FIELD_GET(vmcr, 4, 1) |	     /* CBPR = VCBPR */
		       FIELD_GET(vmcr, 9, 1) << 1 |  /* EOImode = VEOIM */
		       FIELD_GET(vtr, 29, 3) << 8 |  /* PRIbits */
		       FIELD_GET(vtr, 23, 3) << 11 | /* IDbits */
		       FIELD_GET(vtr, 22, 1) << 14 | /* SEIS */
		       FIELD_GET(vtr, 21, 1) << 15;  /* A3V */
	case ICV_RPR:
		return highest_active_priority(s);
	case ICV_IAR0:
	case ICV_IAR1:
	case ICV_HPPIR0:
	case ICV_HPPIR1:
		return ICV_INTID_SPURIOUS;
	case ICV_AP0R0:
		return s->ap0r[0];
	case ICV_AP1R0:
		return s->ap1r[0];
	case ICV_EOIR0:
	case ICV_EOIR1:
	case ICV_DIR:
	case ICV_NONE:
		break;
	}
	*mask = 0; /* write-only or not an ICV register: nothing to compare */
	return 0;
}

/* A write to EOIR or DIR: @intid with the INTID field of @value (ICV_CTLR_EL1.IDbits wide). */
static void eoi_or_dir(struct icv_state *s, enum icv_reg r, uint64_t value)
{
	uint32_t intid = (uint32_t)(value & ((1ULL << vtr_idbits(s->vtr)) - 1));

	if (intid >= 1020 && intid <= 1023) {
		return; /* special INTIDs: the write is ignored */
	}
	if (r == ICV_DIR && (s->vmcr & ICH_VMCR_VEOIM) && intid < LPI_INTID_FIRST) {
		s->eoicount = (s->eoicount + 1) & 0x1f;
		return;
	}
	s->eoicount_unknown = true;
}

void icv_write(struct icv_state *s, enum icv_reg r, uint64_t value)
{
	unsigned min0 = min_vbpr0(s->vtr), bpr = (unsigned)(value & 7);
	uint64_t prio_mask = gw_prio_mask(gw_vtr_decode(s->vtr).pri_bits);

	switch (r) {
	case ICV_PMR:
		s->vmcr = set_field(s->vmcr, VMCR_VPMR_SHIFT, 8, value & prio_mask);
		break;
	case ICV_BPR0:
		s->vmcr = set_field(s->vmcr, VMCR_VBPR0_SHIFT, 3, bpr < min0 ? min0 : bpr);
		break;
	case ICV_BPR1:
		if (!(s->vmcr & ICH_VMCR_VCBPR)) {
			s->vmcr = set_field(s->vmcr, VMCR_VBPR1_SHIFT, 3,
					    bpr < min0 + 1 ? min0 + 1 : bpr);
		}
		break;
	case ICV_CTLR:
		s->vmcr = set_field(s->vmcr, 4, 1, value & 1);	      /* CBPR -> VCBPR */
		s->vmcr = set_field(s->vmcr, 9, 1, (value >> 1) & 1); /* EOImode -> VEOIM */
		break;
	case ICV_IGRPEN0:
		s->vmcr = set_field(s->vmcr, 0, 1, value & 1);
		break;
	case ICV_IGRPEN1:
		s->vmcr = set_field(s->vmcr, 1, 1, value & 1);
		break;
	case ICV_AP0R0:
		s->ap0r[0] = (uint32_t)value;
		break;
	case ICV_AP1R0:
		s->ap1r[0] = (uint32_t)value;
		break;
	case ICV_EOIR0:
	case ICV_EOIR1:
	case ICV_DIR:
		eoi_or_dir(s, r, value);
		break;
	case ICV_RPR:
	case ICV_IAR0:
	case ICV_IAR1:
	case ICV_HPPIR0:
	case ICV_HPPIR1:
	case ICV_NONE:
		break;
	}
}
