/* SPDX-License-Identifier: MIT */
/*
 * Minimal GIC bring-up for the harness: just enough to deliver one PPI (the CNTHP watchdog)
 * to EL2. GICv3 architecture specification IHI 0069, sections 12.9 (GICD), 12.10/12.11 (GICR),
 * 12.2 (ICC); GICv2: IHI 0048.
 */
#include <stdio.h>

#include "arch/sysreg.h"
#include "gic.h"

#define GICD_CTLR	 0x0000
#define GICD_CTLR_RWP	 (1u << 31)
#define GICD_CTLR_ARE_NS (1u << 4)
#define GICD_CTLR_GRP1	 (1u << 1)
#define GICD_CTLR_GRP0	 (1u << 0)
#define GICD_ISENABLER	 0x0100
#define GICD_IPRIORITYR	 0x0400

#define GICR_CTLR	 0x0000
#define GICR_TYPER	 0x0008
#define GICR_WAKER	 0x0014
#define GICR_TYPER_LAST	 (1u << 4)
#define GICR_TYPER_VLPIS (1u << 1)
#define WAKER_PS	 (1u << 1)
#define WAKER_CA	 (1u << 2)
#define GICR_SGI	 0x10000
#define GICR_IGROUPR0	 0x0080
#define GICR_ISENABLER0	 0x0100
#define GICR_IPRIORITYR	 0x0400

#define GICC_CTLR 0x0000
#define GICC_PMR  0x0004

#define ICC_SRE_SRE    (1u << 0)
#define ICC_SRE_DFB    (1u << 1)
#define ICC_SRE_DIB    (1u << 2)
#define ICC_SRE_ENABLE (1u << 3)

static inline uint32_t rd32(uint64_t a)
{
	return *(volatile uint32_t *)a;
}

static inline void wr32(uint64_t a, uint32_t v)
{
	*(volatile uint32_t *)a = v;
}

static inline uint64_t rd64(uint64_t a)
{
	return *(volatile uint64_t *)a;
}

static inline void wr8(uint64_t a, uint8_t v)
{
	*(volatile uint8_t *)a = v;
}

/* Find this PE's redistributor: GICR_TYPER.Affinity_Value == MPIDR Aff3.Aff2.Aff1.Aff0. */
static uint64_t gicv3_find_rdist(const struct platform *p)
{
	uint64_t mpidr = read_mpidr_el1();
	uint32_t aff = (uint32_t)((mpidr & 0xffffff) | ((mpidr >> 32) & 0xff) << 24);

	for (unsigned r = 0; r < p->gicr_count; r++) {
		uint64_t base = p->gicr[r].base, end = base + p->gicr[r].size;

		while (base < end) {
			uint64_t typer = rd64(base + GICR_TYPER);

			if ((uint32_t)(typer >> 32) == aff) {
				return base;
			}
			if (typer & GICR_TYPER_LAST) {
				break;
			}
			base += (typer & GICR_TYPER_VLPIS) ? 0x40000 : 0x20000;
		}
	}
	return 0;
}

static int gicv3_init(const struct platform *p, unsigned intid, char *err, size_t errlen)
{
	uint64_t d = p->gicd.base;
	uint64_t r = gicv3_find_rdist(p);

	if (!r) {
		snprintf(err, errlen, "no GICv3 redistributor for MPIDR 0x%llx",
			 (unsigned long long)read_mpidr_el1());
		return -1;
	}
	/* Affinity routing on, both groups enabled (single security state, GICD_CTLR.DS=1). */
	wr32(d + GICD_CTLR, GICD_CTLR_ARE_NS | GICD_CTLR_GRP1 | GICD_CTLR_GRP0);
	while (rd32(d + GICD_CTLR) & GICD_CTLR_RWP) {
	}
	/* Wake the redistributor: clear ProcessorSleep, wait for ChildrenAsleep to clear. */
	wr32(r + GICR_WAKER, rd32(r + GICR_WAKER) & ~WAKER_PS);
	while (rd32(r + GICR_WAKER) & WAKER_CA) {
	}
	wr32(r + GICR_SGI + GICR_IGROUPR0, rd32(r + GICR_SGI + GICR_IGROUPR0) | 1u << intid);
	wr8(r + GICR_SGI + GICR_IPRIORITYR + intid, 0x80);
	wr32(r + GICR_SGI + GICR_ISENABLER0, 1u << intid);

	/* System-register CPU interface at EL2, and allow EL1 to use it (Enable). */
	write_icc_sre_el2(ICC_SRE_SRE | ICC_SRE_DFB | ICC_SRE_DIB | ICC_SRE_ENABLE);
	isb();
	write_icc_pmr_el1(0xff);
	write_icc_ctlr_el1(0); /* EOImode 0 */
	write_icc_igrpen1_el1(1);
	isb();
	return 0;
}

static int gicv2_init(const struct platform *p, unsigned intid)
{
	wr32(p->gicd.base + GICD_CTLR, 1);
	wr8(p->gicd.base + GICD_IPRIORITYR + intid, 0x80);
	wr32(p->gicd.base + GICD_ISENABLER, 1u << intid);
	wr32(p->gicc.base + GICC_PMR, 0xff);
	wr32(p->gicc.base + GICC_CTLR, 1);
	return 0;
}

int gic_init(const struct platform *p, unsigned intid, char *err, size_t errlen)
{
	if (intid < 16 || intid > 31) {
		snprintf(err, errlen, "watchdog INTID %u is not a PPI", intid);
		return -1;
	}
	if (p->gic_version == 3) {
		return gicv3_init(p, intid, err, errlen);
	}
	if (p->gic_version == 2) {
		return gicv2_init(p, intid);
	}
	snprintf(err, errlen, "no GIC in the DTB (arm,gic-v3 or arm,cortex-a15-gic)");
	return -1;
}

unsigned gic_lr_count(void)
{
	/* ID_AA64PFR0_EL1.GIC != 0: the GICv3 system registers are implemented. */
	if (!((read_id_aa64pfr0_el1() >> 24) & 0xf)) {
		return 0;
	}
	return (unsigned)(read_ich_vtr_el2() & 0x1f) + 1;
}
