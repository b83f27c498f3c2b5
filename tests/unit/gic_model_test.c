/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the GICv3 virtual CPU interface oracle (scenarios/model/gic_model.c) against
 * values worked out by hand from IHI 0069 (ICH_VTR_EL2, ICH_VMCR_EL2, ICH_HCR_EL2, ICV_*), and
 * a consistency check of the trap table: every ICC_* row of scenarios/trap/sysreg_traps.h names an
 * ICH_HCR_EL2 control that traps that register in that direction.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arch/el2.h"
#include "gic_model.h"
#include "unit.h"

/*
 * ICH_VTR_EL2 as QEMU's GICv3 reports it: PRIbits = 4 (5 bits) << 29 = 0x80000000, PREbits =
 * 4 (5 bits) << 26 = 0x10000000, IDbits = 1 (24 bits) << 23 = 0x800000, A3V (bit 21) =
 * 0x200000, TDS (bit 19) = 0x80000, ListRegs = 3 (4 LRs).
 */
#define VTR_5BITS 0x90a80003ULL
/* The same with 8 priority bits and 7 preemption bits, 16-bit INTIDs, no A3V and no TDS. */
#define VTR_8BITS ((7ULL << 29) | (6ULL << 26) | 3)

/* VPMR 0xa8, VBPR0 3, VBPR1 5, VEOIM, VFIQEn, VENG0: 0xa8000000|0x600000|0x140000|0x209. */
#define VMCR_TEST 0xa8740209ULL

static uint64_t rd(const struct icv_state *s, enum icv_reg r)
{
	uint64_t mask;

	return icv_read(s, r, &mask) & mask;
}

static void test_encodings(void)
{
	unit_eq_u64(icv_reg_from_enc(3, 0, 4, 6, 0), ICV_PMR, "S3_0_C4_C6_0 is ICC_PMR_EL1");
	unit_eq_u64(icv_reg_from_enc(3, 0, 12, 12, 0), ICV_IAR1, "S3_0_C12_C12_0 is ICC_IAR1_EL1");
	unit_eq_u64(icv_reg_from_enc(3, 0, 12, 8, 4), ICV_AP0R0, "S3_0_C12_C8_4 is ICC_AP0R0_EL1");
	unit_eq_u64(icv_reg_from_enc(3, 0, 12, 11, 1), ICV_DIR, "S3_0_C12_C11_1 is ICC_DIR_EL1");
	unit_eq_u64(icv_reg_from_enc(3, 0, 12, 12, 5), ICV_NONE, "ICC_SRE_EL1 has no ICV register");
	unit_eq_u64(icv_reg_from_enc(3, 4, 12, 12, 0), ICV_NONE, "ICH_LR0_EL2 is not an ICC reg");
}

static void test_trap_bits(void)
{
	unit_eq_u64(ich_hcr_trap_bits(ICV_PMR, false, VTR_5BITS), ICH_HCR_TC, "PMR: TC");
	unit_eq_u64(ich_hcr_trap_bits(ICV_RPR, false, VTR_5BITS), ICH_HCR_TC, "RPR: TC");
	unit_eq_u64(ich_hcr_trap_bits(ICV_CTLR, true, VTR_5BITS), ICH_HCR_TC, "CTLR: TC");
	unit_eq_u64(ich_hcr_trap_bits(ICV_DIR, true, VTR_5BITS), ICH_HCR_TC | ICH_HCR_TDIR,
		    "DIR write with TDS: TC and TDIR");
	unit_eq_u64(ich_hcr_trap_bits(ICV_DIR, true, VTR_8BITS), ICH_HCR_TC,
		    "DIR write without TDS: TDIR is RES0");
	unit_eq_u64(ich_hcr_trap_bits(ICV_IAR0, false, VTR_5BITS), ICH_HCR_TALL0, "IAR0: TALL0");
	unit_eq_u64(ich_hcr_trap_bits(ICV_IGRPEN0, true, VTR_5BITS), ICH_HCR_TALL0,
		    "IGRPEN0: TALL0");
	unit_eq_u64(ich_hcr_trap_bits(ICV_AP1R0, false, VTR_5BITS), ICH_HCR_TALL1, "AP1R0: TALL1");
	unit_eq_u64(ich_hcr_trap_bits(ICV_EOIR1, true, VTR_5BITS), ICH_HCR_TALL1, "EOIR1: TALL1");
	unit_eq_u64(ich_hcr_trap_bits(ICV_NONE, true, VTR_5BITS), 0, "not an ICV register");
}

static void test_reads(void)
{
	struct icv_state s = {.vtr = VTR_5BITS, .vmcr = VMCR_TEST};
	uint64_t mask;

	unit_eq_u64(rd(&s, ICV_PMR), 0xa8, "PMR = VMCR.VPMR");
	unit_eq_u64(rd(&s, ICV_BPR0), 3, "BPR0 = VMCR.VBPR0");
	unit_eq_u64(rd(&s, ICV_BPR1), 5, "BPR1 = VMCR.VBPR1");
	unit_eq_u64(rd(&s, ICV_IGRPEN0), 1, "IGRPEN0 = VMCR.VENG0");
	unit_eq_u64(rd(&s, ICV_IGRPEN1), 0, "IGRPEN1 = VMCR.VENG1");
	/* EOImode (bit 1) | PRIbits 4 << 8 | IDbits 1 << 11 | A3V << 15 = 0x8c02. */
	unit_eq_u64(icv_read(&s, ICV_CTLR, &mask), 0x8c02, "CTLR from VMCR and VTR");
	unit_eq_u64(mask, ~0xc0000ULL, "CTLR: RSS and ExtRange not compared");
	unit_eq_u64(rd(&s, ICV_RPR), 0xff, "RPR: idle priority with no active priority");
	unit_eq_u64(rd(&s, ICV_IAR1), 1023, "IAR1: nothing pending -> 1023");
	unit_eq_u64(rd(&s, ICV_IAR0), 1023, "IAR0: nothing pending -> 1023");
	unit_eq_u64(rd(&s, ICV_HPPIR1), 1023, "HPPIR1: nothing pending -> 1023");
	unit_eq_u64(rd(&s, ICV_AP1R0), 0, "AP1R0 = ICH_AP1R0_EL2");
	icv_read(&s, ICV_EOIR1, &mask);
	unit_eq_u64(mask, 0, "EOIR1 is write-only: nothing to compare");

	/* VCBPR = 1: BPR1 reads VBPR0 + 1, saturated at 7. */
	s.vmcr = VMCR_TEST | ICH_VMCR_VCBPR;
	unit_eq_u64(rd(&s, ICV_BPR1), 4, "VCBPR: BPR1 = VBPR0 + 1");
	unit_eq_u64(rd(&s, ICV_CTLR), 0x8c03, "VCBPR: CTLR.CBPR = 1");
	s.vmcr = (VMCR_TEST & ~ICH_VMCR_VBPR0(7)) | ICH_VMCR_VBPR0(7) | ICH_VMCR_VCBPR;
	unit_eq_u64(rd(&s, ICV_BPR1), 7, "VCBPR: VBPR0 7 + 1 saturates at 7");

	/* Active priorities, 5 preemption bits: bit n is group priority n << 3. */
	s.vmcr = VMCR_TEST;
	s.ap1r[0] = 0x4;
	unit_eq_u64(rd(&s, ICV_RPR), 0x10, "RPR: AP1R0 bit 2 -> priority 0x10");
	s.ap0r[0] = 0x100;
	unit_eq_u64(rd(&s, ICV_RPR), 0x10, "RPR: the highest (lowest-numbered) of both groups");
	/* 7 preemption bits: four registers, bit 5 of AP1R1 is group 37 -> priority 37 << 1. */
	struct icv_state s7 = {.vtr = VTR_8BITS, .vmcr = VMCR_TEST};

	s7.ap1r[1] = 0x20;
	unit_eq_u64(rd(&s7, ICV_RPR), 0x4a, "RPR, 7 preemption bits: AP1R1 bit 5 -> 0x4a");
	/* 16-bit INTIDs, no A3V: PRIbits 7 << 8 = 0x700, EOImode 0x2. */
	unit_eq_u64(rd(&s7, ICV_CTLR), 0x702, "CTLR with 8 priority bits, 16-bit INTIDs");
}

static void test_writes(void)
{
	struct icv_state s = {.vtr = VTR_5BITS, .vmcr = VMCR_TEST};
	struct icv_state s8 = {.vtr = VTR_8BITS, .vmcr = VMCR_TEST};

	icv_write(&s, ICV_PMR, 0x5f);
	unit_eq_u64(rd(&s, ICV_PMR), 0x58, "PMR write, 5 priority bits: [2:0] RAZ/WI");
	icv_write(&s8, ICV_PMR, 0x5f);
	unit_eq_u64(rd(&s8, ICV_PMR), 0x5f, "PMR write, 8 priority bits");
	icv_write(&s, ICV_BPR0, 0);
	unit_eq_u64(rd(&s, ICV_BPR0), 2, "BPR0 write below the minimum (7 - 5) sets 2");
	icv_write(&s, ICV_BPR0, 5);
	unit_eq_u64(rd(&s, ICV_BPR0), 5, "BPR0 write of 5");
	icv_write(&s, ICV_BPR1, 0);
	unit_eq_u64(rd(&s, ICV_BPR1), 3, "BPR1 write below the minimum (2 + 1) sets 3");
	icv_write(&s, ICV_BPR1, 6);
	unit_eq_u64(rd(&s, ICV_BPR1), 6, "BPR1 write of 6");
	icv_write(&s8, ICV_BPR0, 0);
	unit_eq_u64(rd(&s8, ICV_BPR0), 0, "BPR0 write of 0 with 7 preemption bits");
	icv_write(&s, ICV_IGRPEN1, 1);
	unit_eq_u64(rd(&s, ICV_IGRPEN1), 1, "IGRPEN1 write of 1");
	icv_write(&s, ICV_IGRPEN0, 0);
	unit_eq_u64(rd(&s, ICV_IGRPEN0), 0, "IGRPEN0 write of 0");
	unit_eq_u64(s.vmcr & 3, ICH_VMCR_VENG1, "IGRPEN writes land in VMCR.VENG<g>");
	icv_write(&s, ICV_CTLR, 0x1);
	unit_eq_u64(rd(&s, ICV_CTLR), 0x8c01, "CTLR write: CBPR = 1, EOImode = 0");
	icv_write(&s, ICV_BPR1, 2);
	unit_eq_u64((s.vmcr >> 18) & 7, 6, "VCBPR = 1: BPR1 writes ignored (VBPR1 stays 6)");
	unit_eq_u64(rd(&s, ICV_BPR1), 6, "VCBPR = 1: BPR1 reads VBPR0 5 + 1");
	icv_write(&s, ICV_AP1R0, 0x80000001ULL);
	unit_eq_u64(rd(&s, ICV_AP1R0), 0x80000001ULL, "AP1R0 write");

	/* EOIcount: DIR with EOImode 1, a valid INTID, no LR for it. */
	struct icv_state d = {.vtr = VTR_5BITS, .vmcr = VMCR_TEST};

	icv_write(&d, ICV_DIR, 32);
	unit_eq_u64(d.eoicount, 1, "DIR 32, EOImode 1, no LR: EOIcount + 1");
	unit_ok(!d.eoicount_unknown, "... a defined effect");
	icv_write(&d, ICV_DIR, 0);
	unit_eq_u64(d.eoicount, 2, "DIR 0 (an SGI INTID) counts too");
	icv_write(&d, ICV_DIR, 1023);
	unit_eq_u64(d.eoicount, 2, "DIR of a special INTID is ignored");
	icv_write(&d, ICV_EOIR1, 1023);
	unit_ok(d.eoicount == 2 && !d.eoicount_unknown, "EOIR1 of 1023 is ignored");
	icv_write(&d, ICV_DIR, 8192);
	unit_ok(d.eoicount_unknown, "DIR of an LPI INTID: not counted by the rule");
	struct icv_state e = {.vtr = VTR_5BITS, .vmcr = VMCR_TEST & ~ICH_VMCR_VEOIM};

	icv_write(&e, ICV_DIR, 32);
	unit_ok(e.eoicount_unknown, "DIR with EOImode 0: not a defined EOIcount effect");
}

/* Every ICC_* row of the trap table is trapped by the control it names. */
static void check_row(const char *name, unsigned op0, unsigned op1, unsigned crn, unsigned crm,
		      unsigned op2, bool is_write, const char *ctl)
{
	static const struct {
		const char *name;
		uint64_t bit;
	} ctls[] = {{"tc", ICH_HCR_TC},
		    {"tall0", ICH_HCR_TALL0},
		    {"tall1", ICH_HCR_TALL1},
		    {"tdir", ICH_HCR_TDIR}};
	enum icv_reg r = icv_reg_from_enc(op0, op1, crn, crm, op2);
	uint64_t bit = 0;

	for (unsigned i = 0; i < sizeof(ctls) / sizeof(ctls[0]); i++) {
		if (strcmp(ctls[i].name, ctl) == 0) {
			bit = ctls[i].bit;
		}
	}
	if (r == ICV_NONE && bit == 0) {
		return; /* neither an ICC register nor an ICH_HCR_EL2 control */
	}
	unit_ok(bit && (ich_hcr_trap_bits(r, is_write, ICH_VTR_TDS) & bit),
		"sysreg_traps.h: %s %s is trapped by ICH_HCR_EL2.%s", is_write ? "msr" : "mrs",
		name, ctl);
}

static void test_table(void)
{
#define SYSREG_READ(n, op0, op1, crn, crm, op2, ctl)                                               \
	check_row(#n, op0, op1, crn, crm, op2, 0, #ctl);
#define SYSREG_WRITE(n, op0, op1, crn, crm, op2, ctl, value, zero_ok)                              \
	check_row(#n, op0, op1, crn, crm, op2, 1, #ctl);
#define SYSREG_WRITE_ONLY SYSREG_WRITE
#define SYSREG_READ_E2H(n, op0, op1, crn, crm, op2, ctl, ctl_e2h)                                  \
	SYSREG_READ(n, op0, op1, crn, crm, op2, ctl)
#define SYSREG_WRITE_E2H(n, op0, op1, crn, crm, op2, ctl, ctl_e2h, value, zero_ok)                 \
	SYSREG_WRITE(n, op0, op1, crn, crm, op2, ctl, value, zero_ok)
#define SYSREG_SYS(...)
#include "trap/sysreg_traps.h"
}

int main(void)
{
	test_encodings();
	test_trap_bits();
	test_reads();
	test_writes();
	test_table();
	return unit_done();
}
