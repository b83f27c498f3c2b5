/* SPDX-License-Identifier: MIT */
/* The widths oracle of the GICv3 CPU interfaces (see gic_width_model.h). */
#include <stddef.h>

#include "arch/el2.h"
#include "gic_width_model.h"

#define VMCR_VBPR1_SHIFT 18
#define VMCR_VBPR0_SHIFT 21
#define VMCR_VPMR_SHIFT	 24
#define ICV_SPURIOUS	 1023
#define APR_NMI		 BIT(63)
#define PRIO_IDLE	 0xff

/* ICC_CTLR_EL1 / ICV_CTLR_EL1 read-only fields (same positions in both). */
#define CTLR_PRIBITS_SHIFT 8
#define CTLR_IDBITS_SHIFT  11
#define CTLR_SEIS	   BIT(14)
#define CTLR_A3V	   BIT(15)
#define CTLR_RSS	   BIT(18)
#define CTLR_EXTRANGE	   BIT(19)
#define CTLR_RO_VTR_FIELDS                                                                         \
	(7ULL << CTLR_PRIBITS_SHIFT | 7ULL << CTLR_IDBITS_SHIFT | CTLR_SEIS | CTLR_A3V)
#define CTLR_RO_PHYS_FIELDS (CTLR_RO_VTR_FIELDS | CTLR_RSS | CTLR_EXTRANGE)

/* IDbits: 0b000 16 bits, 0b001 24 bits, anything else reserved (0 here). */
static unsigned id_bits(uint64_t field)
{
	return field == 0 ? 16 : field == 1 ? 24 : 0;
}

struct gw_vtr gw_vtr_decode(uint64_t vtr)
{
	return (struct gw_vtr){
		.list_regs = (unsigned)FIELD_GET(vtr, 0, 5) + 1,
		.pri_bits = (unsigned)FIELD_GET(vtr, 29, 3) + 1,
		.pre_bits = (unsigned)FIELD_GET(vtr, 26, 3) + 1,
		.id_bits = id_bits(FIELD_GET(vtr, 23, 3)),
		.seis = FIELD_GET(vtr, 22, 1),
		.a3v = FIELD_GET(vtr, 21, 1),
		.nv4 = FIELD_GET(vtr, 20, 1),
		.tds = FIELD_GET(vtr, 19, 1),
		.dvim = FIELD_GET(vtr, 18, 1),
	};
}

struct gw_icc_id gw_icc_id_decode(uint64_t ctlr)
{
	return (struct gw_icc_id){
		.pri_bits = (unsigned)FIELD_GET(ctlr, CTLR_PRIBITS_SHIFT, 3) + 1,
		.id_bits = id_bits(FIELD_GET(ctlr, CTLR_IDBITS_SHIFT, 3)),
		.seis = !!(ctlr & CTLR_SEIS),
		.a3v = !!(ctlr & CTLR_A3V),
		.rss = !!(ctlr & CTLR_RSS),
		.extrange = !!(ctlr & CTLR_EXTRANGE),
	};
}

uint8_t gw_prio_mask(unsigned pri_bits)
{
	return (uint8_t)(0xff00u >> (pri_bits > 8 ? 8 : pri_bits));
}

unsigned gw_bpr0_min(unsigned pre_bits)
{
	return pre_bits >= 7 ? 0 : 7 - pre_bits;
}

unsigned gw_apr_count(unsigned bits)
{
	return bits >= 7 ? 4 : bits == 6 ? 2 : 1;
}

static uint64_t set_field(uint64_t reg, unsigned shift, uint64_t mask, uint64_t v)
{
	return (reg & ~mask) | ((v << shift) & mask);
}

static unsigned raise_to(unsigned v, unsigned min)
{
	return v < min ? min : v;
}

/* ---- virtual ---- */

static unsigned virt_bpr0_min(const struct gw_virt *s)
{
	return gw_bpr0_min(gw_vtr_decode(s->vtr).pre_bits);
}

void gw_vmcr_write(struct gw_virt *s, uint64_t v)
{
	unsigned min0 = virt_bpr0_min(s);
	uint64_t vmcr = v & (GW_VMCR_VENG0 | GW_VMCR_VENG1 | GW_VMCR_VCBPR | GW_VMCR_VEOIM);
	uint8_t pmr = (uint8_t)FIELD_GET(v, VMCR_VPMR_SHIFT, 8);

	vmcr |= (uint64_t)(pmr & gw_prio_mask(gw_vtr_decode(s->vtr).pri_bits)) << VMCR_VPMR_SHIFT;
	vmcr |= (uint64_t)raise_to((unsigned)FIELD_GET(v, VMCR_VBPR0_SHIFT, 3), min0)
		<< VMCR_VBPR0_SHIFT;
	vmcr |= (uint64_t)raise_to((unsigned)FIELD_GET(v, VMCR_VBPR1_SHIFT, 3), min0 + 1)
		<< VMCR_VBPR1_SHIFT;
	/* The legacy bits keep whatever the CPU makes of them; they are never compared. */
	s->vmcr = vmcr | (v & GW_VMCR_LEGACY);
}

uint64_t gw_vmcr_mask(void)
{
	return GW_VMCR_VPMR | GW_VMCR_VBPR0 | GW_VMCR_VBPR1 | GW_VMCR_VEOIM | GW_VMCR_VCBPR |
	       GW_VMCR_VENG1 | GW_VMCR_VENG0;
}

static uint64_t apr_bits(const struct gw_virt *s, unsigned g, unsigned n)
{
	return 0xffffffffULL | (s->nmi && g == 1 && n == 0 ? APR_NMI : 0);
}

void gw_ich_apr_write(struct gw_virt *s, unsigned g, unsigned n, uint64_t v)
{
	if (g < 2 && n < 4) {
		s->apr[g][n] = v & apr_bits(s, g, n);
	}
}

void gw_icv_write(struct gw_virt *s, enum gw_icv r, unsigned n, uint64_t v)
{
	unsigned min0 = virt_bpr0_min(s), bp = (unsigned)(v & 7);
	uint8_t prio_mask = gw_prio_mask(gw_vtr_decode(s->vtr).pri_bits);

	switch (r) {
	case GW_ICV_PMR:
		s->vmcr = set_field(s->vmcr, VMCR_VPMR_SHIFT, GW_VMCR_VPMR, v & prio_mask);
		break;
	case GW_ICV_BPR0:
		s->vmcr = set_field(s->vmcr, VMCR_VBPR0_SHIFT, GW_VMCR_VBPR0, raise_to(bp, min0));
		break;
	case GW_ICV_BPR1:
		if (!(s->vmcr & GW_VMCR_VCBPR)) {
			s->vmcr = set_field(s->vmcr, VMCR_VBPR1_SHIFT, GW_VMCR_VBPR1,
					    raise_to(bp, min0 + 1));
		}
		break;
	case GW_ICV_CTLR:
		s->vmcr = set_field(s->vmcr, 4, GW_VMCR_VCBPR, v & 1);	      /* CBPR */
		s->vmcr = set_field(s->vmcr, 9, GW_VMCR_VEOIM, (v >> 1) & 1); /* EOImode */
		break;
	case GW_ICV_IGRPEN0:
		s->vmcr = set_field(s->vmcr, 0, GW_VMCR_VENG0, v & 1);
		break;
	case GW_ICV_IGRPEN1:
		s->vmcr = set_field(s->vmcr, 1, GW_VMCR_VENG1, v & 1);
		break;
	case GW_ICV_AP0R:
	case GW_ICV_AP1R:
		gw_ich_apr_write(s, r == GW_ICV_AP1R, n, v);
		break;
	default:
		break; /* read-only */
	}
}

uint64_t gw_icv_fields(const struct gw_virt *s, enum gw_icv r, unsigned n)
{
	switch (r) {
	case GW_ICV_PMR:
		return 0xff; /* Priority */
	case GW_ICV_BPR0:
	case GW_ICV_BPR1:
		return 7; /* BinaryPoint */
	case GW_ICV_CTLR:
		return GW_ICC_CTLR_CBPR | GW_ICC_CTLR_EOIMODE | CTLR_RO_PHYS_FIELDS;
	case GW_ICV_IGRPEN0:
	case GW_ICV_IGRPEN1:
		return 1; /* Enable */
	case GW_ICV_AP0R:
	case GW_ICV_AP1R:
		return apr_bits(s, r == GW_ICV_AP1R, n);
	case GW_ICV_RPR:
		return 0xff; /* Priority */
	case GW_ICV_IAR0:
	case GW_ICV_IAR1:
	case GW_ICV_HPPIR0:
	case GW_ICV_HPPIR1:
		return 0xffffff; /* INTID, 24 bits wide */
	}
	return 0;
}

static bool any_active(const struct gw_virt *s)
{
	for (unsigned g = 0; g < 2; g++) {
		for (unsigned n = 0; n < 4; n++) {
			if (s->apr[g][n]) {
				return true;
			}
		}
	}
	return false;
}

uint64_t gw_icv_read(const struct gw_virt *s, enum gw_icv r, unsigned n, uint64_t *mask)
{
	uint64_t vmcr = s->vmcr;
	unsigned bpr0 = (unsigned)FIELD_GET(vmcr, VMCR_VBPR0_SHIFT, 3);

	*mask = gw_icv_fields(s, r, n);
	switch (r) {
	case GW_ICV_PMR:
		return FIELD_GET(vmcr, VMCR_VPMR_SHIFT, 8);
	case GW_ICV_BPR0:
		return bpr0;
	case GW_ICV_BPR1:
		if (vmcr & GW_VMCR_VCBPR) {
			return bpr0 + 1 > 7 ? 7 : bpr0 + 1;
		}
		return FIELD_GET(vmcr, VMCR_VBPR1_SHIFT, 3);
	case GW_ICV_CTLR:
		*mask &= ~(CTLR_RSS | CTLR_EXTRANGE);
		return FIELD_GET(vmcr, 4, 1) | FIELD_GET(vmcr, 9, 1) << 1 |
		       FIELD_GET(s->vtr, 29, 3) << CTLR_PRIBITS_SHIFT |
		       FIELD_GET(s->vtr, 23, 3) << CTLR_IDBITS_SHIFT |
		       FIELD_GET(s->vtr, 22, 1) << 14 | FIELD_GET(s->vtr, 21, 1) << 15;
	case GW_ICV_IGRPEN0:
		return FIELD_GET(vmcr, 0, 1);
	case GW_ICV_IGRPEN1:
		return FIELD_GET(vmcr, 1, 1);
	case GW_ICV_AP0R:
	case GW_ICV_AP1R:
		return n < 4 ? s->apr[r == GW_ICV_AP1R][n] : 0;
	case GW_ICV_RPR:
		if (any_active(s)) {
			*mask = 0;
			return 0;
		}
		return PRIO_IDLE;
	case GW_ICV_IAR0:
	case GW_ICV_IAR1:
	case GW_ICV_HPPIR0:
	case GW_ICV_HPPIR1:
		return ICV_SPURIOUS;
	}
	*mask = 0;
	return 0;
}

/* ---- physical ---- */

static unsigned phys_bpr0_min(const struct gw_phys *s)
{
	unsigned pri = gw_icc_id_decode(s->ctlr).pri_bits;

	return gw_bpr0_min(pri > 7 ? 7 : pri);
}

void gw_icc_write(struct gw_phys *s, enum gw_icc r, uint64_t v)
{
	unsigned min0 = phys_bpr0_min(s), bp = (unsigned)(v & 7);

	switch (r) {
	case GW_ICC_PMR:
		s->pmr = v & gw_prio_mask(gw_icc_id_decode(s->ctlr).pri_bits);
		break;
	case GW_ICC_BPR0:
		s->bpr0 = raise_to(bp, min0);
		break;
	case GW_ICC_BPR1:
		if (!(s->ctlr & GW_ICC_CTLR_CBPR)) {
			s->bpr1 = raise_to(bp, min0 + 1);
		}
		break;
	case GW_ICC_CTLR:
		s->ctlr = (s->ctlr & CTLR_RO_PHYS_FIELDS) |
			  (v & (GW_ICC_CTLR_CBPR | GW_ICC_CTLR_EOIMODE | GW_ICC_CTLR_PMHE));
		break;
	case GW_ICC_IGRPEN0:
		s->igrpen0 = v & 1;
		break;
	case GW_ICC_IGRPEN1:
		s->igrpen1 = v & 1;
		break;
	}
}

uint64_t gw_icc_read(const struct gw_phys *s, enum gw_icc r, uint64_t *mask)
{
	static const uint64_t fields[] = {
		[GW_ICC_PMR] = 0xff,
		[GW_ICC_BPR0] = 7,
		[GW_ICC_BPR1] = 7,
		[GW_ICC_CTLR] = GW_ICC_CTLR_CBPR | GW_ICC_CTLR_EOIMODE | GW_ICC_CTLR_PMHE |
				CTLR_RO_PHYS_FIELDS,
		[GW_ICC_IGRPEN0] = 1,
		[GW_ICC_IGRPEN1] = 1,
	};

	*mask = fields[r];
	switch (r) {
	case GW_ICC_PMR:
		return s->pmr;
	case GW_ICC_BPR0:
		return s->bpr0;
	case GW_ICC_BPR1:
		if (s->ctlr & GW_ICC_CTLR_CBPR) {
			return s->bpr0 + 1 > 7 ? 7 : s->bpr0 + 1;
		}
		return s->bpr1;
	case GW_ICC_CTLR:
		/* PMHE written 1 reads 1 where implemented, 0 (RAZ/WI) elsewhere. */
		if (s->ctlr & GW_ICC_CTLR_PMHE) {
			*mask &= ~GW_ICC_CTLR_PMHE;
		}
		return s->ctlr;
	case GW_ICC_IGRPEN0:
		return s->igrpen0;
	case GW_ICC_IGRPEN1:
		return s->igrpen1;
	}
	*mask = 0;
	return 0;
}

/* ---- ID consistency ---- */

bool gw_id_rule_holds(enum gw_id_rule r, const struct gw_ids *ids, const char **why)
{
	struct gw_vtr v = gw_vtr_decode(ids->vtr);
	struct gw_icc_id p = gw_icc_id_decode(ids->icc_ctlr);
	unsigned gic = (unsigned)PFR0_GIC(ids->pfr0);
	bool two_states = PFR0_EL3(ids->pfr0) != 0;

	*why = NULL;
	switch (r) {
	case GW_VTR_PRIBITS_MIN:
		*why = "ICH_VTR_EL2.PRIbits < 0b100 (fewer than 5 virtual priority bits)";
		return v.pri_bits >= 5;
	case GW_VTR_PREBITS_MIN:
		*why = "ICH_VTR_EL2.PREbits < 0b100 (fewer than 5 virtual preemption bits)";
		return v.pre_bits >= 5;
	case GW_VTR_PREBITS_LE_PRIBITS:
		*why = "ICH_VTR_EL2.PREbits > ICH_VTR_EL2.PRIbits";
		return v.pre_bits <= v.pri_bits;
	case GW_VTR_PREBITS_MAX:
		*why = "ICH_VTR_EL2.PREbits > 0b110 (more than 7 preemption bits)";
		return v.pre_bits <= 7;
	case GW_VTR_IDBITS:
		*why = "ICH_VTR_EL2.IDbits is a reserved value (not 0b000 or 0b001)";
		return v.id_bits != 0;
	case GW_PFR0_GIC:
		*why = "ID_AA64PFR0_EL1.GIC is neither 0b0001 (GICv3.0/4.0) nor 0b0011 (GICv4.1) "
		       "although the System register interface is in use";
		return gic == 1 || gic == 3;
	case GW_ICC_PRIBITS_MIN:
		*why = two_states ? "ICC_CTLR_EL1.PRIbits < 0b100 with EL3 (two Security states "
				    "need 32 priority levels)"
				  : "ICC_CTLR_EL1.PRIbits < 0b011 (fewer than 16 priority levels)";
		return p.pri_bits >= (two_states ? 5u : 4u);
	case GW_ICC_IDBITS:
		*why = "ICC_CTLR_EL1.IDbits is a reserved value (not 0b000 or 0b001)";
		return p.id_bits != 0;
	case GW_ID_RULES:
		break;
	}
	*why = "unknown rule";
	return false;
}
