/* SPDX-License-Identifier: MIT */
/*
 * The harness's physical GIC: bring-up so that the CNTHP watchdog PPI reaches EL2, and this
 * PE's SGIs and PPIs (INTID < 32) for the virtual-interrupt scenarios: enable, pending,
 * active, priority, acknowledge, priority drop and deactivation (EOImode = 1), and the check
 * that an instance left none of them behind. GICv3 architecture specification IHI 0069,
 * sections 12.9 (GICD), 12.10/12.11 (GICR), 12.2 (ICC); GICv2: IHI 0048B 4.3 (GICD), 4.4 (GICC).
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "gic.h"
#include "gic_selftest.h"
#include "smp.h"

#define GICD_CTLR	    0x0000
#define GICD_CTLR_RWP	    (1u << 31)
#define GICD_CTLR_DS	    (1u << 6) /* RES0 in the Non-secure view of a two-state GIC */
#define GICD_CTLR_ARE_NS    (1u << 4)
#define GICD_CTLR_GRP1	    (1u << 1)
#define GICD_CTLR_GRP0	    (1u << 0)
#define GICD_IGROUPR	    0x0080
#define GICD_ISENABLER	    0x0100
#define GICD_ICENABLER	    0x0180
#define GICD_ISPENDR	    0x0200
#define GICD_ICPENDR	    0x0280
#define GICD_ISACTIVER	    0x0300
#define GICD_ICACTIVER	    0x0380
#define GICD_IPRIORITYR	    0x0400
#define GICD_TYPER	    0x0004
#define GICD_TYPER_LINES(t) ((((t)&0x1f) + 1) * 32) /* ITLinesNumber: INTIDs covered */
#define GICD_SGIR	    0x0f00
#define GICD_SGIR_SELF	    (2u << 24) /* TargetListFilter 0b10: this PE only */
#define GICD_CPENDSGIR	    0x0f10

#define GICR_CTLR	 0x0000
#define GICR_CTLR_RWP	 (1u << 3)
#define GICR_TYPER	 0x0008
#define GICR_WAKER	 0x0014
#define GICR_TYPER_LAST	 (1u << 4)
#define GICR_TYPER_VLPIS (1u << 1)
#define WAKER_PS	 (1u << 1)
#define WAKER_CA	 (1u << 2)
#define GICR_SGI	 0x10000
#define GICR_IGROUPR0	 0x0080
#define GICR_ISENABLER0	 0x0100
#define GICR_ICENABLER0	 0x0180
#define GICR_ICPENDR0	 0x0280
#define GICR_ICACTIVER0	 0x0380
#define GICR_IPRIORITYR	 0x0400
#define GIC_PRIO_DEFAULT 0xa0 /* below the watchdog's 0x80, as Linux's GICD_INT_DEF_PRI */

#define GICC_CTLR	    0x0000
#define GICC_CTLR_EN	    (1u << 0)
#define GICC_CTLR_EOIMODENS (1u << 9)
#define GICC_PMR	    0x0004
#define GICC_IAR	    0x000c
#define GICC_EOIR	    0x0010
#define GICC_RPR	    0x0014
#define GICC_APR0	    0x00d0
#define GICC_DIR	    0x1000

#define ICC_CTLR_EOIMODE (1u << 1)
#define INTID_SPURIOUS	 1023

#define ICC_SRE_SRE    (1u << 0)
#define ICC_SRE_DFB    (1u << 1)
#define ICC_SRE_DIB    (1u << 2)
#define ICC_SRE_ENABLE (1u << 3)

#define ISR_F (1u << 6)

/* What the per-PE interrupt functions below reach, set by gic_init(). */
static struct {
	unsigned version;
	uint64_t gicd, gicc;
	unsigned watchdog_intid, maint_intid;
	uint32_t idle_enabled; /* GICD/GICR_ISENABLER0 after bring-up (GICv2 SGIs may be RAO) */
	const struct platform *p;
} gic;

/* Per PE: its GICR SGI frame (v3), its CPU interface number (v2, GICD_ITARGETSR0). */
static uint64_t sgi_frames[CPU_MAX];
static uint8_t v2_targets[CPU_MAX];
#define GICD_ITARGETSR 0x0800

static uint64_t banked(uint32_t reg);

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
uint64_t gic_rdist_base(const struct platform *p)
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

/*
 * Firmware may hand over with interrupts enabled, pending or active (a U-Boot that used the
 * timer, a loader that acknowledged an interrupt and never EOIed it): every one of INTIDs
 * [@first, @end) is disabled, its pending and active state cleared and its priority set to the
 * default, in the GICD/GICR register block @base (Linux gic_cpu_config()/gic_dist_config() do
 * the same). Enable, pending and active are one bit per INTID, priority one byte.
 */
static void gic_quiesce(uint64_t base, uint32_t icenabler, uint32_t icpendr, uint32_t icactiver,
			uint32_t ipriorityr, unsigned first, unsigned end)
{
	for (unsigned i = first; i < end; i += 32) {
		wr32(base + icenabler + i / 8, 0xffffffffu);
		wr32(base + icpendr + i / 8, 0xffffffffu);
		wr32(base + icactiver + i / 8, 0xffffffffu);
	}
	for (unsigned i = first; i < end; i += 4) {
		wr32(base + ipriorityr + i, GIC_PRIO_DEFAULT * 0x01010101u);
	}
}

/*
 * The physical CPU interface's active priorities: an interrupt firmware acknowledged and
 * never EOIed keeps the running priority high enough to mask the watchdog. ICC_CTLR_EL1.PRIbits
 * says how many ICC_AP1R<n>_EL1 exist (5 bits: 1, 6: 2, 7: 4), as Linux gic_cpu_sys_reg_init().
 */
static void gicv3_clear_active_priorities(void)
{
	unsigned pribits = ((unsigned)(read_icc_ctlr_el1() >> 8) & 7) + 1;

	switch (pribits) {
	case 7:
		write_icc_ap1r3_el1(0);
		write_icc_ap1r2_el1(0);
		/* fall through */
	case 6:
		write_icc_ap1r1_el1(0);
		/* fall through */
	default:
		write_icc_ap1r0_el1(0);
	}
	write_icc_bpr1_el1(0);
	isb();
}

static int watchdog_check(unsigned intid, uint32_t group, const char *group_reg, char *err,
			  size_t errlen);

/* This PE's redistributor and CPU interface (every PE, the boot CPU first). */
static int gicv3_init_cpu(const struct platform *p, unsigned intid, char *err, size_t errlen)
{
	uint64_t r = gic_rdist_base(p);

	if (!r) {
		snprintf(err, errlen, "no GICv3 redistributor for MPIDR 0x%llx",
			 (unsigned long long)read_mpidr_el1());
		return -1;
	}
	/* Wake the redistributor: clear ProcessorSleep, wait for ChildrenAsleep to clear. */
	wr32(r + GICR_WAKER, rd32(r + GICR_WAKER) & ~WAKER_PS);
	while (rd32(r + GICR_WAKER) & WAKER_CA) {
	}
	gic_quiesce(r + GICR_SGI, GICR_ICENABLER0, GICR_ICPENDR0, GICR_ICACTIVER0, GICR_IPRIORITYR,
		    0, 32);
	while (rd32(r + GICR_CTLR) & GICR_CTLR_RWP) {
	}
	/* Every SGI and PPI of this PE in Group 1, the group ICC_SGI1R_EL1 generates and the
	 * harness acknowledges (ICC_IAR1_EL1); the vGIC scenarios choose among them. */
	wr32(r + GICR_SGI + GICR_IGROUPR0, 0xffffffffu);
	uint32_t group = rd32(r + GICR_SGI + GICR_IGROUPR0);

	wr8(r + GICR_SGI + GICR_IPRIORITYR + intid, 0x80);
	wr32(r + GICR_SGI + GICR_ISENABLER0, 1u << intid);
	sgi_frames[smp_this_cpu()] = r + GICR_SGI;

	/* System-register CPU interface at EL2, and allow EL1 to use it (Enable). */
	write_icc_sre_el2(ICC_SRE_SRE | ICC_SRE_DFB | ICC_SRE_DIB | ICC_SRE_ENABLE);
	isb();
	gicv3_clear_active_priorities();
	write_icc_pmr_el1(0xff);
	/*
	 * EOImode 1, as KVM's host: an EOI only drops the priority, so an interrupt the vmm
	 * took can stay active for a guest to deactivate through a list register with HW = 1.
	 */
	write_icc_ctlr_el1(ICC_CTLR_EOIMODE);
	write_icc_igrpen1_el1(1);
	isb();
	return watchdog_check(intid, group, "GICR_IGROUPR0", err, errlen);
}

static int gicv3_init(const struct platform *p, unsigned intid, char *err, size_t errlen)
{
	uint64_t d = p->gicd.base;

	/* The SPIs off first (firmware-left state, gic_quiesce()), with the distributor off. */
	wr32(d + GICD_CTLR, 0);
	while (rd32(d + GICD_CTLR) & GICD_CTLR_RWP) {
	}
	gic_quiesce(d, GICD_ICENABLER, GICD_ICPENDR, GICD_ICACTIVER, GICD_IPRIORITYR, 32,
		    GICD_TYPER_LINES(rd32(d + GICD_TYPER)));
	/* Affinity routing on, both groups enabled (single security state, GICD_CTLR.DS=1). */
	wr32(d + GICD_CTLR, GICD_CTLR_ARE_NS | GICD_CTLR_GRP1 | GICD_CTLR_GRP0);
	while (rd32(d + GICD_CTLR) & GICD_CTLR_RWP) {
	}
	return gicv3_init_cpu(p, intid, err, errlen);
}

/* The banked SGI/PPI registers and the CPU interface of this PE (IHI 0048B 4.3.12). */
static int gicv2_init_cpu(const struct platform *p, unsigned intid, char *err, size_t errlen)
{
	/* GICD_ITARGETSR0..7 read as this PE's own CPU interface bit: its SGI target. */
	v2_targets[smp_this_cpu()] = (uint8_t)rd32(p->gicd.base + GICD_ITARGETSR);
	gic_quiesce(p->gicd.base, GICD_ICENABLER, GICD_ICPENDR, GICD_ICACTIVER, GICD_IPRIORITYR, 0,
		    32);
	/* SGIs pending from another source: GICD_CPENDSGIR, one byte of source bits per SGI. */
	for (unsigned i = 0; i < 16; i += 4) {
		wr32(p->gicd.base + GICD_CPENDSGIR + i, 0xffffffffu);
	}
	/* GICC_APR0: the active priorities an unfinished interrupt of firmware's left. */
	wr32(p->gicc.base + GICC_APR0, 0);
	wr8(p->gicd.base + GICD_IPRIORITYR + intid, 0x80);
	wr32(p->gicd.base + GICD_ISENABLER, 1u << intid);
	wr32(p->gicc.base + GICC_PMR, 0xff);
	/* EOImodeNS = 1: GICC_EOIR drops the priority, GICC_DIR deactivates (as on v3). */
	wr32(p->gicc.base + GICC_CTLR, GICC_CTLR_EN | GICC_CTLR_EOIMODENS);
	return watchdog_check(intid, rd32(p->gicd.base + GICD_IGROUPR), "GICD_IGROUPR0", err,
			      errlen);
}

static int gicv2_init(const struct platform *p, unsigned intid, char *err, size_t errlen)
{
	wr32(p->gicd.base + GICD_CTLR, 0);
	gic_quiesce(p->gicd.base, GICD_ICENABLER, GICD_ICPENDR, GICD_ICACTIVER, GICD_IPRIORITYR, 32,
		    GICD_TYPER_LINES(rd32(p->gicd.base + GICD_TYPER)));
	wr32(p->gicd.base + GICD_CTLR, 1);
	return gicv2_init_cpu(p, intid, err, errlen);
}

/*
 * Whether the watchdog PPI @intid is really taken at this PE (gic_selftest_watchdog()); if not,
 * why, in @err, from what Non-secure EL2 can see of the GIC: GICD_CTLR.DS (1 in a GIC with one
 * Security state or DS set; RES0, so 0, in the Non-secure view of a two-state GIC) and @group,
 * the group register @group_reg read back after the harness made every SGI and PPI Group 1
 * (RAZ/WI to Non-secure accesses when DS = 0, even when Secure firmware made them Group 1).
 */
static int watchdog_check(unsigned intid, uint32_t group, const char *group_reg, char *err,
			  size_t errlen)
{
	struct gic_selftest t = gic_selftest_watchdog();
	uint32_t ctlr = rd32(gic.gicd + GICD_CTLR);
	bool ds = ctlr & GICD_CTLR_DS, grp1 = group >> intid & 1;

	if (t.taken) {
		return 0;
	}
	if (!(t.timer_ctl & CNT_CTL_ISTATUS)) {
		snprintf(err, errlen,
			 "the watchdog timer (CNTHP) does not fire: CNTHP_CTL_EL2 = 0x%llx with "
			 "CVAL 0 (ISTATUS = 0)",
			 (unsigned long long)t.timer_ctl);
	} else if (t.isr & ISR_F) {
		snprintf(err, errlen,
			 "the watchdog interrupt (INTID %u) reaches EL2 as an FIQ, not an IRQ: "
			 "firmware left it in Group 0 (GICD_CTLR.DS = %d, %s reads 0x%08x)",
			 intid, ds, group_reg, (unsigned)group);
	} else if (!ds && !grp1) {
		snprintf(err, errlen,
			 "the watchdog interrupt (INTID %u) cannot reach Non-secure EL2: "
			 "GICD_CTLR.DS = 0 and %s is RAZ/WI (firmware left the GIC in its Secure "
			 "reset state; it must make the PPIs Non-secure Group 1, as TF-A does)",
			 intid, group_reg);
	} else {
		snprintf(err, errlen,
			 "the watchdog interrupt (INTID %u) is not taken at EL2: CNTHP fired but "
			 "no IRQ was pending within %u ms (ISR_EL1 = 0x%llx, GICD_CTLR = 0x%08x, "
			 "%s = 0x%08x)",
			 intid, GIC_SELFTEST_WAIT_MS, (unsigned long long)t.isr, (unsigned)ctlr,
			 group_reg, (unsigned)group);
	}
	return -1;
}

unsigned gic_sgi_source_id(void)
{
	uint8_t t = v2_targets[smp_this_cpu()];

	return gic.version == 2 && t ? (unsigned)__builtin_ctz(t) : 0;
}

int gic_init_cpu(void)
{
	char err[8]; /* the boot CPU said why already: the same firmware set up every PE */

	if (gic.version == 3) {
		return gicv3_init_cpu(gic.p, gic.watchdog_intid, err, sizeof(err));
	}
	return gic.version == 2 ? gicv2_init_cpu(gic.p, gic.watchdog_intid, err, sizeof(err)) : -1;
}

/* ICC_SGI1R_EL1: SGI @intid to the PE of MPIDR @m (Aff3.Aff2.Aff1, TargetList bit Aff0 < 16). */
static void sgi1r_to(uint64_t m, unsigned intid)
{
	write_icc_sgi1r_el1((m >> 32 & 0xff) << 48 | (m >> 16 & 0xff) << 32 |
			    (m >> 8 & 0xff) << 16 | (uint64_t)(intid & 0xf) << 24 |
			    1ULL << (m & 0xf));
	isb();
}

void gic_sgi_to_cpu(unsigned cpu, unsigned intid)
{
	const struct cpu *c = smp_cpu(cpu);

	if (!c) {
		return;
	}
	if (gic.version == 3) {
		sgi1r_to(c->mpidr, intid);
	} else if (gic.version == 2) {
		/* TargetListFilter 0b00: the CPUTargetList [23:16]. */
		wr32(gic.gicd + GICD_SGIR, (uint32_t)v2_targets[cpu] << 16 | (intid & 0xf));
	}
}

int gic_init(const struct platform *p, unsigned intid, char *err, size_t errlen)
{
	if (intid < 16 || intid > 31) {
		snprintf(err, errlen, "watchdog INTID %u is not a PPI", intid);
		return -1;
	}
	gic.version = p->gic_version;
	gic.gicd = p->gicd.base;
	gic.gicc = p->gicc.base;
	gic.watchdog_intid = intid;
	gic.maint_intid = p->gic_maint_intid;
	gic.p = p;
	if (p->gic_version == 3 || p->gic_version == 2) {
		int rc = p->gic_version == 3 ? gicv3_init(p, intid, err, errlen)
					     : gicv2_init(p, intid, err, errlen);

		gic.idle_enabled = rc ? 0 : rd32(banked(GICD_ISENABLER));
		return rc;
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

/*
 * This PE's banked registers of the SGIs and PPIs: the redistributor's SGI frame (GICv3,
 * GICR_ISENABLER0 and friends at the GICD_* offsets) or the distributor (GICv2, banked per PE).
 */
static uint64_t banked(uint32_t reg)
{
	return (gic.version == 3 ? sgi_frames[smp_this_cpu()] : gic.gicd) + reg;
}

static bool banked_bit(uint32_t reg, unsigned intid)
{
	return intid < 32 && (rd32(banked(reg)) >> intid & 1);
}

/* A set/clear register pair: write the bit to one of them (the others are unaffected). */
static void banked_set(uint32_t set_reg, uint32_t clear_reg, unsigned intid, bool on)
{
	if (intid < 32) {
		wr32(banked(on ? set_reg : clear_reg), 1u << intid);
	}
}

void gic_irq_enable(unsigned intid, bool on)
{
	banked_set(GICD_ISENABLER, GICD_ICENABLER, intid, on);
	if (gic.version == 3 && !on) {
		/* GICR_CTLR.RWP: the disable has taken effect when it reads 0 (bounded). */
		uint64_t ctlr = sgi_frames[smp_this_cpu()] - GICR_SGI + GICR_CTLR;

		for (unsigned i = 0; i < 100000 && rd32(ctlr) & GICR_CTLR_RWP; i++) {
		}
	}
}

void gic_irq_set_pending(unsigned intid, bool on)
{
	if (gic.version == 2 && intid < 16 && !on) {
		/* GICv2 SGIs: pending per source PE, cleared through GICD_CPENDSGIR<n>. */
		wr32(gic.gicd + GICD_CPENDSGIR + (intid & ~3u), 0xffu << 8 * (intid & 3));
		return;
	}
	if (gic.version == 2 && intid < 16) {
		gic_sgi_to_self(intid);
		return;
	}
	banked_set(GICD_ISPENDR, GICD_ICPENDR, intid, on);
}

void gic_irq_set_active(unsigned intid, bool on)
{
	banked_set(GICD_ISACTIVER, GICD_ICACTIVER, intid, on);
}

bool gic_irq_enabled(unsigned intid)
{
	return banked_bit(GICD_ISENABLER, intid);
}

bool gic_irq_pending(unsigned intid)
{
	return banked_bit(GICD_ISPENDR, intid);
}

bool gic_irq_active(unsigned intid)
{
	return banked_bit(GICD_ISACTIVER, intid);
}

void gic_irq_set_priority(unsigned intid, uint8_t prio)
{
	if (intid < 32) {
		wr8(banked(GICD_IPRIORITYR) + intid, prio);
	}
}

void gic_sgi_to_self(unsigned intid)
{
	if (gic.version == 3) {
		sgi1r_to(read_mpidr_el1(), intid);
	} else if (gic.version == 2) {
		wr32(gic.gicd + GICD_SGIR, GICD_SGIR_SELF | (intid & 0xf));
	}
}

unsigned gic_ack(void)
{
	if (gic.version == 3) {
		return (unsigned)read_icc_iar1_el1();
	}
	return gic.version == 2 ? rd32(gic.gicc + GICC_IAR) : INTID_SPURIOUS;
}

unsigned gic_ack_group0(void)
{
	return gic.version == 3 ? (unsigned)read_icc_iar0_el1() : INTID_SPURIOUS;
}

void gic_eoi(unsigned iar)
{
	if (gic.version == 3) {
		write_icc_eoir1_el1(iar);
		isb();
	} else if (gic.version == 2) {
		wr32(gic.gicc + GICC_EOIR, iar);
	}
}

void gic_eoi_group0(unsigned iar)
{
	if (gic.version == 3) {
		write_icc_eoir0_el1(iar);
		isb();
	}
}

void gic_deactivate(unsigned iar)
{
	if (gic.version == 3) {
		write_icc_dir_el1(iar);
		isb();
	} else if (gic.version == 2) {
		wr32(gic.gicc + GICC_DIR, iar);
	}
}

unsigned gic_maint_intid(void)
{
	return gic.maint_intid;
}

unsigned gic_running_priority(void)
{
	if (gic.version == 3) {
		return (unsigned)read_icc_rpr_el1() & 0xff;
	}
	return gic.version == 2 ? rd32(gic.gicc + GICC_RPR) & 0xff : 0xff;
}

int gic_leak_check(char *what, size_t len)
{
	uint32_t harness = 1u << gic.watchdog_intid;
	uint32_t pend, act, en;
	unsigned rpr;

	if (gic.version != 2 && gic.version != 3) {
		return 0;
	}
	pend = rd32(banked(GICD_ISPENDR)) & ~harness;
	act = rd32(banked(GICD_ISACTIVER));
	en = rd32(banked(GICD_ISENABLER)) & ~gic.idle_enabled;
	rpr = gic_running_priority();
	if (!pend && !act && !en && rpr == 0xff) {
		return 0;
	}
	snprintf(what, len,
		 "physical SGI/PPI state left behind: pending 0x%08x, active 0x%08x, enabled "
		 "beyond the harness 0x%08x, running priority 0x%02x (idle 0xff)",
		 (unsigned)pend, (unsigned)act, (unsigned)en, rpr);
	/* Clean up for the next instance: disable, clear pending and active, drop priorities. */
	for (unsigned i = 0; i < 32; i++) {
		if (en >> i & 1) {
			gic_irq_enable(i, false);
		}
		if (pend >> i & 1) {
			gic_irq_set_pending(i, false);
		}
	}
	wr32(banked(GICD_ICACTIVER), act);
	if (gic.version == 3) {
		write_icc_ap0r0_el1(0);
		write_icc_ap1r0_el1(0);
		isb();
	} else {
		wr32(gic.gicc + GICC_APR0, 0);
	}
	return -1;
}
