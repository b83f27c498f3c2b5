/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the GIC widths oracle (scenarios/model/gic_width_model.c) against values worked
 * out by hand from the register descriptions (IHI 0069; DDI 0601 ICH_VTR_EL2, ICH_VMCR_EL2,
 * ICH_AP<g>R<n>_EL2, ICV_* and ICC_*). Each vector names the rule it checks.
 */
#include <stdbool.h>
#include <stdint.h>

#include "gic_width_model.h"
#include "unit.h"

/*
 * ICH_VTR_EL2 with PRIbits = 4 (5 bits) << 29 = 0x80000000, PREbits = 4 << 26 = 0x10000000,
 * IDbits = 1 (24 bits) << 23 = 0x800000, A3V (21) = 0x200000, nV4 (20) = 0x100000, TDS (19) =
 * 0x80000, ListRegs = 3 (4 LRs): 0x90b80003.
 */
#define VTR_5BITS 0x90b80003ULL
/* PRIbits = 7 (8 bits) = 0xe0000000, PREbits = 6 (7 bits) = 0x18000000, 16-bit IDs, 16 LRs. */
#define VTR_8BITS 0xf800000fULL
/* ICC_CTLR_EL1: A3V (15) = 0x8000, IDbits = 1 << 11 = 0x800, PRIbits = 4 << 8 = 0x400. */
#define ICC_CTLR_5BITS 0x8c00ULL
/* PRIbits = 7 (8 bits) << 8 = 0x700, 16-bit IDs, no A3V. */
#define ICC_CTLR_8BITS 0x0700ULL

static void test_decode(void)
{
	struct gw_vtr v = gw_vtr_decode(VTR_5BITS);
	struct gw_icc_id p = gw_icc_id_decode(ICC_CTLR_5BITS);

	unit_eq_u64(v.list_regs, 4, "ListRegs 3: four list registers");
	unit_eq_u64(v.pri_bits, 5, "PRIbits 0b100: 5 virtual priority bits");
	unit_eq_u64(v.pre_bits, 5, "PREbits 0b100: 5 virtual preemption bits");
	unit_eq_u64(v.id_bits, 24, "IDbits 0b001: 24-bit virtual INTIDs");
	unit_ok(v.a3v && v.nv4 && v.tds && !v.seis && !v.dvim,
		"A3V, nV4, TDS set; SEIS, DVIM clear");
	unit_eq_u64(gw_vtr_decode(VTR_8BITS).id_bits, 16, "IDbits 0b000: 16 bits");
	unit_eq_u64(gw_vtr_decode(2ULL << 23).id_bits, 0, "IDbits 0b010 is reserved");
	unit_eq_u64(p.pri_bits, 5, "ICC_CTLR_EL1.PRIbits 0b100: 5 physical priority bits");
	unit_eq_u64(p.id_bits, 24, "ICC_CTLR_EL1.IDbits 0b001: 24 bits");
	unit_ok(p.a3v && !p.seis && !p.rss && !p.extrange, "ICC_CTLR_EL1: A3V only");
}

static void test_counts(void)
{
	/* Priority field [7:8-n]: 5 bits 0b11111000. */
	unit_eq_u64(gw_prio_mask(5), 0xf8, "5 priority bits: 0xf8");
	unit_eq_u64(gw_prio_mask(4), 0xf0, "4 priority bits: 0xf0");
	unit_eq_u64(gw_prio_mask(7), 0xfe, "7 priority bits: 0xfe");
	unit_eq_u64(gw_prio_mask(8), 0xff, "8 priority bits: 0xff");
	/* "ggggg.sss" with 5 preemption bits: BPR0 = 2 is the widest group priority field. */
	unit_eq_u64(gw_bpr0_min(5), 2, "5 preemption bits: minimum BPR0 2");
	unit_eq_u64(gw_bpr0_min(6), 1, "6 preemption bits: minimum BPR0 1");
	unit_eq_u64(gw_bpr0_min(7), 0, "7 preemption bits: minimum BPR0 0 ([7:1])");
	unit_eq_u64(gw_apr_count(5), 1, "32 levels: AP<g>R0 only");
	unit_eq_u64(gw_apr_count(6), 2, "64 levels: AP<g>R0..1");
	unit_eq_u64(gw_apr_count(7), 4, "128 levels: AP<g>R0..3");
	unit_eq_u64(gw_apr_count(8), 4, "8 priority bits (ICC): 7 or more, AP<g>R0..3");
}

static uint64_t vread(const struct gw_virt *s, enum gw_icv r, unsigned n)
{
	uint64_t mask, v = gw_icv_read(s, r, n, &mask);

	return v & mask;
}

static void test_vmcr(void)
{
	struct gw_virt s = {.vtr = VTR_5BITS};

	/*
	 * All-ones: VPMR 0xf8 (low 3 bits RAZ/WI) << 24 = 0xf8000000, VBPR0 7 << 21 = 0xe00000,
	 * VBPR1 7 << 18 = 0x1c0000, VEOIM 0x200, VCBPR 0x10, VENG1|VENG0 3; RES0 bits clear.
	 */
	gw_vmcr_write(&s, ~0ULL);
	unit_eq_u64(s.vmcr & gw_vmcr_mask(), 0xf8fc0213, "VMCR all-ones, 5 bits: 0xf8fc0213");
	/* Zero: VBPR0 raised to 2 (0x400000), VBPR1 to 3 (0xc0000). */
	gw_vmcr_write(&s, 0);
	unit_eq_u64(s.vmcr & gw_vmcr_mask(), 0x004c0000, "VMCR zero: BPRs at their minimum");
	unit_eq_u64(vread(&s, GW_ICV_BPR0, 0), 2, "ICV_BPR0 after VMCR = 0: 2");
	unit_eq_u64(vread(&s, GW_ICV_BPR1, 0), 3, "ICV_BPR1 after VMCR = 0: 3");
	unit_eq_u64(vread(&s, GW_ICV_PMR, 0), 0, "ICV_PMR after VMCR = 0: 0");

	s = (struct gw_virt){.vtr = VTR_8BITS};
	gw_vmcr_write(&s, ~0ULL);
	unit_eq_u64(s.vmcr & gw_vmcr_mask(), 0xfffc0213, "VMCR all-ones, 8 bits: VPMR 0xff");
	gw_vmcr_write(&s, 0);
	unit_eq_u64(s.vmcr & gw_vmcr_mask(), 0x00040000, "VMCR zero, 7 preemption bits: 0, 1");
	/* VPMR|VBPR0|VBPR1 = 0xfffc0000, VEOIM 0x200, VCBPR 0x10, VENG1|VENG0 3 (no 0xc). */
	unit_eq_u64(gw_vmcr_mask(), 0xfffc0213, "VMCR fields, without VFIQEn, VAckCtl and RES0");
}

static void test_icv(void)
{
	struct gw_virt s = {.vtr = VTR_5BITS};
	uint64_t mask;

	gw_vmcr_write(&s, 0);
	gw_icv_write(&s, GW_ICV_PMR, 0, 0xff);
	unit_eq_u64(vread(&s, GW_ICV_PMR, 0), 0xf8, "ICV_PMR all-ones, 5 bits: 0xf8");
	gw_icv_write(&s, GW_ICV_BPR0, 0, 0);
	unit_eq_u64(vread(&s, GW_ICV_BPR0, 0), 2, "ICV_BPR0 = 0 sets the minimum, 2");
	gw_icv_write(&s, GW_ICV_BPR1, 0, ~0ULL);
	unit_eq_u64(vread(&s, GW_ICV_BPR1, 0), 7, "ICV_BPR1 all-ones: BinaryPoint 7");
	gw_icv_write(&s, GW_ICV_BPR1, 0, 1);
	unit_eq_u64(vread(&s, GW_ICV_BPR1, 0), 3, "ICV_BPR1 = 1 sets the minimum, 3");

	/* VCBPR = 1: BPR1 reads BPR0 + 1 (saturated), writes ignored. */
	gw_icv_write(&s, GW_ICV_CTLR, 0, 1);
	unit_eq_u64(vread(&s, GW_ICV_BPR1, 0), 3, "VCBPR: ICV_BPR1 = BPR0 (2) + 1");
	gw_icv_write(&s, GW_ICV_BPR1, 0, 6);
	unit_eq_u64(vread(&s, GW_ICV_BPR1, 0), 3, "VCBPR: ICV_BPR1 writes are ignored");
	gw_icv_write(&s, GW_ICV_BPR0, 0, 7);
	unit_eq_u64(vread(&s, GW_ICV_BPR1, 0), 7, "VCBPR: BPR0 7 + 1 saturates to 7");

	/* ICV_CTLR_EL1: PRIbits 0x400, IDbits 0x800, A3V 0x8000 from VTR; CBPR, EOImode. */
	s = (struct gw_virt){.vtr = VTR_5BITS};
	unit_eq_u64(vread(&s, GW_ICV_CTLR, 0), 0x8c00, "ICV_CTLR at VMCR 0: ICH_VTR fields only");
	gw_icv_write(&s, GW_ICV_CTLR, 0, ~0ULL);
	unit_eq_u64(vread(&s, GW_ICV_CTLR, 0), 0x8c03, "ICV_CTLR all-ones: + CBPR, EOImode");
	unit_eq_u64(s.vmcr, GW_VMCR_VCBPR | GW_VMCR_VEOIM, "...which are VMCR.VCBPR and VEOIM");
	gw_icv_read(&s, GW_ICV_CTLR, 0, &mask);
	/* CBPR|EOImode 0x3, PRIbits 0x700, IDbits 0x3800, SEIS 0x4000, A3V 0x8000. */
	unit_eq_u64(mask, 0xff03, "ICV_CTLR fields compared: not RSS, ExtRange or RES0");
	gw_icv_write(&s, GW_ICV_IGRPEN1, 0, ~0ULL);
	unit_eq_u64(vread(&s, GW_ICV_IGRPEN1, 0), 1, "ICV_IGRPEN1 all-ones: Enable");
	unit_eq_u64(vread(&s, GW_ICV_IGRPEN0, 0), 0, "ICV_IGRPEN0 untouched: 0");

	/* Fresh state: idle running priority, no pending interrupt. */
	unit_eq_u64(vread(&s, GW_ICV_RPR, 0), 0xff, "ICV_RPR idle: 0xff");
	unit_eq_u64(vread(&s, GW_ICV_IAR1, 0), 1023, "ICV_IAR1 with no LR: 1023");
	unit_eq_u64(vread(&s, GW_ICV_HPPIR0, 0), 1023, "ICV_HPPIR0 with no LR: 1023");
	gw_icv_write(&s, GW_ICV_AP0R, 0, ~0ULL);
	gw_icv_read(&s, GW_ICV_RPR, 0, &mask);
	unit_eq_u64(mask, 0, "ICV_RPR with active priorities is not modelled");
}

static void test_apr(void)
{
	struct gw_virt s = {.vtr = VTR_5BITS};

	gw_icv_write(&s, GW_ICV_AP1R, 0, ~0ULL);
	unit_eq_u64(vread(&s, GW_ICV_AP1R, 0), 0xffffffffULL,
		    "AP1R0 all-ones: P0..P31, [63:32] RES0");
	s.nmi = true;
	gw_icv_write(&s, GW_ICV_AP1R, 0, ~0ULL);
	unit_eq_u64(vread(&s, GW_ICV_AP1R, 0), 0x80000000ffffffffULL, "FEAT_GICv3_NMI: AP1R0.NMI");
	gw_ich_apr_write(&s, 0, 0, ~0ULL);
	unit_eq_u64(s.apr[0][0], 0xffffffffULL, "AP0R0 has no NMI bit");
	gw_ich_apr_write(&s, 1, 1, ~0ULL);
	unit_eq_u64(s.apr[1][1], 0xffffffffULL, "AP1R1 has no NMI bit");
	gw_icv_write(&s, GW_ICV_AP1R, 0, 0);
	unit_eq_u64(vread(&s, GW_ICV_AP1R, 0), 0, "AP1R0 zero");
}

static uint64_t pread(const struct gw_phys *s, enum gw_icc r)
{
	uint64_t mask, v = gw_icc_read(s, r, &mask);

	return v & mask;
}

static void test_phys(void)
{
	struct gw_phys s = {.ctlr = ICC_CTLR_5BITS};
	uint64_t mask;

	gw_icc_write(&s, GW_ICC_PMR, ~0ULL);
	unit_eq_u64(pread(&s, GW_ICC_PMR), 0xf8, "ICC_PMR all-ones, 5 bits: 0xf8");
	gw_icc_write(&s, GW_ICC_BPR0, 0);
	unit_eq_u64(pread(&s, GW_ICC_BPR0), 2, "ICC_BPR0 = 0, 5 bits: minimum 2");
	gw_icc_write(&s, GW_ICC_BPR1, 0);
	unit_eq_u64(pread(&s, GW_ICC_BPR1), 3, "Non-secure ICC_BPR1 = 0: BPR0 minimum + 1");
	gw_icc_write(&s, GW_ICC_CTLR, ~0ULL);
	unit_eq_u64(pread(&s, GW_ICC_CTLR), 0x8c03,
		    "ICC_CTLR all-ones: CBPR, EOImode (PMHE aside)");
	gw_icc_read(&s, GW_ICC_CTLR, &mask);
	/* Fields 0xcff43 (with RSS 0x40000, ExtRange 0x80000, PMHE 0x40) less PMHE. */
	unit_eq_u64(mask, 0xcff03, "PMHE written 1 may read 0 or 1");
	unit_eq_u64(pread(&s, GW_ICC_BPR1), 3, "CBPR = 1: ICC_BPR1 reads BPR0 (2) + 1");
	gw_icc_write(&s, GW_ICC_CTLR, 0);
	unit_eq_u64(pread(&s, GW_ICC_CTLR), 0x8c00, "ICC_CTLR zero: read-only fields only");
	gw_icc_read(&s, GW_ICC_CTLR, &mask);
	unit_eq_u64(mask, 0xcff43, "PMHE written 0 reads 0");
	gw_icc_write(&s, GW_ICC_IGRPEN1, ~0ULL);
	unit_eq_u64(pread(&s, GW_ICC_IGRPEN1), 1, "ICC_IGRPEN1 all-ones: Enable only");

	s = (struct gw_phys){.ctlr = ICC_CTLR_8BITS};
	gw_icc_write(&s, GW_ICC_PMR, ~0ULL);
	unit_eq_u64(pread(&s, GW_ICC_PMR), 0xff, "ICC_PMR, 8 bits: 0xff");
	gw_icc_write(&s, GW_ICC_BPR0, 0);
	unit_eq_u64(pread(&s, GW_ICC_BPR0), 0, "8 priority bits: 7 preemption bits, BPR0 0");
	gw_icc_write(&s, GW_ICC_BPR1, 0);
	unit_eq_u64(pread(&s, GW_ICC_BPR1), 1, "8 priority bits: Non-secure BPR1 minimum 1");
}

static bool holds(enum gw_id_rule r, uint64_t vtr, uint64_t icc, uint64_t pfr0)
{
	const struct gw_ids ids = {.vtr = vtr, .icc_ctlr = icc, .pfr0 = pfr0};
	const char *why;

	return gw_id_rule_holds(r, &ids, &why);
}

#define PFR0_GIC3    (1ULL << 24)
#define PFR0_GIC41   (3ULL << 24)
#define PFR0_WITHEL3 (PFR0_GIC3 | 1ULL << 12)

static void test_id_rules(void)
{
	for (unsigned r = 0; r < GW_ID_RULES; r++) {
		unit_ok(holds(r, VTR_5BITS, ICC_CTLR_5BITS, PFR0_GIC3), "QEMU-like IDs: rule %u",
			r);
		unit_ok(holds(r, VTR_8BITS, ICC_CTLR_8BITS, PFR0_GIC41), "8-bit IDs: rule %u", r);
	}
	/* PRIbits 3 (4 bits) << 29 = 0x60000000 with PREbits 3: both below 5 bits. */
	unit_ok(!holds(GW_VTR_PRIBITS_MIN, 0x6c000000, 0, PFR0_GIC3), "4 virtual priority bits");
	unit_ok(!holds(GW_VTR_PREBITS_MIN, 0x6c000000, 0, PFR0_GIC3), "4 virtual preemption bits");
	/* PRIbits 4, PREbits 5 (0x14000000): more preemption than priority bits. */
	unit_ok(!holds(GW_VTR_PREBITS_LE_PRIBITS, 0x94000000, 0, PFR0_GIC3), "PREbits > PRIbits");
	/* PRIbits 7, PREbits 7 (0x1c000000): 8 preemption bits. */
	unit_ok(!holds(GW_VTR_PREBITS_MAX, 0xfc000000, 0, PFR0_GIC3), "PREbits 0b111");
	unit_ok(!holds(GW_VTR_IDBITS, VTR_5BITS | 2ULL << 23, 0, PFR0_GIC3), "IDbits 0b011");
	unit_ok(!holds(GW_PFR0_GIC, VTR_5BITS, 0, 0), "ID_AA64PFR0_EL1.GIC 0 with ICH_VTR_EL2");
	unit_ok(!holds(GW_PFR0_GIC, VTR_5BITS, 0, 2ULL << 24), "ID_AA64PFR0_EL1.GIC 0b0010");
	/* ICC_CTLR_EL1.PRIbits 3 (4 bits) = 0x300: enough for one Security state only. */
	unit_ok(holds(GW_ICC_PRIBITS_MIN, 0, 0x300, PFR0_GIC3), "4 physical bits without EL3");
	unit_ok(!holds(GW_ICC_PRIBITS_MIN, 0, 0x300, PFR0_WITHEL3), "4 physical bits with EL3");
	unit_ok(!holds(GW_ICC_PRIBITS_MIN, 0, 0x200, PFR0_GIC3), "3 physical bits");
	unit_ok(!holds(GW_ICC_IDBITS, 0, 0x8400 | 2ULL << 11, PFR0_GIC3), "ICC IDbits 0b010");
}

int main(void)
{
	test_decode();
	test_counts();
	test_vmcr();
	test_icv();
	test_apr();
	test_phys();
	test_id_rules();
	return unit_done();
}
