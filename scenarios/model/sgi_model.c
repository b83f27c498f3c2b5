/* SPDX-License-Identifier: MIT */
/* The vSGI oracle (see sgi_model.h): IHI 0069 12.2, ICC_SGI0R/SGI1R/ASGI1R_EL1. */
#include <stdbool.h>
#include <stdint.h>

#include "esr_model.h"
#include "sgi_model.h"

const char *sgi_reg_name(enum sgi_reg r)
{
	switch (r) {
	case SGI_REG_SGI1R:
		return "icc_sgi1r_el1";
	case SGI_REG_ASGI1R:
		return "icc_asgi1r_el1";
	case SGI_REG_SGI0R:
		return "icc_sgi0r_el1";
	}
	return "?";
}

/* S3_0_C12_C11_5 ICC_SGI1R_EL1, _6 ICC_ASGI1R_EL1, _7 ICC_SGI0R_EL1 (IHI 0069 12.2). */
unsigned sgi_reg_op2(enum sgi_reg r)
{
	switch (r) {
	case SGI_REG_SGI1R:
		return 5;
	case SGI_REG_ASGI1R:
		return 6;
	case SGI_REG_SGI0R:
		return 7;
	}
	return 0;
}

/* A trapped MSR: AArch64.SystemAccessTrap(EL2, 0x18), Direction 0. */
uint64_t sgi_trap_esr(enum sgi_reg r, unsigned rt)
{
	return esr_expect_sys64(3, 0, 12, 11, sgi_reg_op2(r), rt, false);
}

struct sgi_request sgi_decode(uint64_t v)
{
	return (struct sgi_request){
		.intid = (unsigned)(v >> SGI_INTID_SHIFT) & 0xf,
		.irm = (v & SGI_IRM) != 0,
		.rs = (unsigned)(v >> SGI_RS_SHIFT) & 0xf,
		.aff1 = (unsigned)(v >> SGI_AFF1_SHIFT) & 0xff,
		.aff2 = (unsigned)(v >> SGI_AFF2_SHIFT) & 0xff,
		.aff3 = (unsigned)(v >> SGI_AFF3_SHIFT) & 0xff,
		.target_list = (uint16_t)(v & SGI_TARGETLIST_MASK),
	};
}

uint64_t sgi_encode(const struct sgi_request *q)
{
	return (uint64_t)q->target_list | (uint64_t)(q->aff1 & 0xff) << SGI_AFF1_SHIFT |
	       (uint64_t)(q->intid & 0xf) << SGI_INTID_SHIFT |
	       (uint64_t)(q->aff2 & 0xff) << SGI_AFF2_SHIFT | (q->irm ? SGI_IRM : 0) |
	       (uint64_t)(q->rs & 0xf) << SGI_RS_SHIFT |
	       (uint64_t)(q->aff3 & 0xff) << SGI_AFF3_SHIFT;
}

/* One Security state: SGI1R is Group 1; SGI0R, and ASGI1R (Secure Group 1 as Group 0), Group 0. */
unsigned sgi_group(enum sgi_reg r)
{
	return r == SGI_REG_SGI1R ? 1 : 0;
}

/* Is the PE with affinity @mpidr named by the IRM = 0 form Aff3.Aff2.Aff1.<target list>? */
static bool sgi_names(const struct sgi_request *q, uint64_t mpidr, bool rss)
{
	unsigned base = rss ? q->rs * 16 : 0; /* RSS = 0: RS is RES0, ignored */
	unsigned aff0 = MPIDR_AFF0(mpidr);

	if (MPIDR_AFF3(mpidr) != q->aff3 || MPIDR_AFF2(mpidr) != q->aff2 ||
	    MPIDR_AFF1(mpidr) != q->aff1) {
		return false;
	}
	if (aff0 < base || aff0 >= base + 16) {
		return false;
	}
	return (q->target_list >> (aff0 - base)) & 1;
}

uint32_t sgi_targets(uint64_t v, const uint64_t *mpidr, unsigned count, unsigned self, bool rss)
{
	struct sgi_request q = sgi_decode(v);
	uint32_t set = 0;

	for (unsigned i = 0; i < count && i < 32; i++) {
		bool hit = q.irm ? i != self : sgi_names(&q, mpidr[i], rss);

		if (hit) {
			set |= 1u << i;
		}
	}
	return set;
}
