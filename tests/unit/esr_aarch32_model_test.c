/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the AArch32 syndrome oracle (scenarios/model/esr_aarch32_model.c) against
 * syndromes worked out by hand from the Arm ARM (DDI 0487) ESR_EL2 ISS encodings.
 *
 * Bit arithmetic used throughout: EC << 26, so 0x01 -> 0x04000000, 0x03 -> 0x0c000000,
 * 0x04 -> 0x10000000, 0x05 -> 0x14000000, 0x06 -> 0x18000000, 0x08 -> 0x20000000,
 * 0x0c -> 0x30000000, 0x12 -> 0x48000000, 0x13 -> 0x4c000000; IL (bit 25) = 0x02000000;
 * CV (bit 24) = 0x01000000; COND 0xe << 20 = 0x00e00000, so "IL | CV | COND AL" = 0x03e00000.
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/esr.h"
#include "arch/psr32.h"
#include "esr_aarch32_model.h"
#include "esr_model.h"
#include "unit.h"

static const struct a32_issue a32 = {false, false, ESR_COND_AL};
static const struct a32_issue a32_ne = {false, false, 0x1};
static const struct a32_issue t32 = {true, false, ESR_COND_AL};
static const struct a32_issue t16 = {true, true, ESR_COND_AL};
static const struct a32_issue t32_ne = {true, false, 0x1};

/* The set holds exactly the @n syndromes in @want (compared with the masks the set carries). */
static void set_is(struct esr_set s, const uint64_t *want, unsigned n, const char *what)
{
	bool ok = s.count == n;

	for (unsigned i = 0; ok && i < n; i++) {
		ok = esr_set_contains(&s, want[i]);
	}
	unit_ok(ok, "%s", what);
	if (!ok) {
		for (unsigned i = 0; i < s.count; i++) {
			unit_diag("alt %u: value 0x%llx mask 0x%llx", i,
				  (unsigned long long)s.alt[i].value,
				  (unsigned long long)s.alt[i].mask);
		}
	}
}

static void test_reg_view(void)
{
	unit_eq_u64(aarch32_reg_view64(PSR32_M_SVC, 0), 0, "SVC r0 = x0");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_SVC, 7), 7, "SVC r7 = x7");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_SVC, 12), 12, "SVC r12 = x12");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_SVC, 13), 19, "SP_svc = x19");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_SVC, 14), 18, "LR_svc = x18");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_USR, 13), 13, "SP_usr = x13");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_SYS, 14), 14, "LR in System mode = LR_usr = x14");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_HYP, 13), 15, "SP_hyp = x15");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_IRQ, 14), 16, "LR_irq = x16");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_IRQ, 13), 17, "SP_irq = x17");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_ABT, 14), 20, "LR_abt = x20");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_ABT, 13), 21, "SP_abt = x21");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_UND, 14), 22, "LR_und = x22");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_UND, 13), 23, "SP_und = x23");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_FIQ, 8), 24, "r8_fiq = x24");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_FIQ, 12), 28, "r12_fiq = x28");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_FIQ, 13), 29, "SP_fiq = x29");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_FIQ, 14), 30, "LR_fiq = x30");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_FIQ, 7), 7, "r7 is not banked in FIQ mode");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_SVC, 15), 31, "R15 is reported as 0b11111");
	unit_eq_u64(aarch32_reg_view64(PSR32_M_MON, 0), AARCH32_REG_NONE,
		    "Monitor mode has no AArch64 view");
	unit_eq_u64(aarch32_reg_view64(0x05, 0), AARCH32_REG_NONE, "an AArch64 mode is no mode");
}

static void test_wfx(void)
{
	/* WFI (A32, 0xe320f003): 0x04000000 | 0x03e00000 = 0x07e00000, TI 0. */
	set_is(esr_expect_a32_wfx(&a32, ESR_WFX_TI_WFI), (const uint64_t[]){0x07e00000}, 1,
	       "A32 WFI: CV 1, COND 0xe only");
	set_is(esr_expect_a32_wfx(&a32, ESR_WFX_TI_WFE), (const uint64_t[]){0x07e00001}, 1,
	       "A32 WFE: TI 1");
	/* WFINE (0x1320f003), passing: COND 0x1 (0x00100000) or 0xe. */
	set_is(esr_expect_a32_wfx(&a32_ne, ESR_WFX_TI_WFI),
	       (const uint64_t[]){0x07100000, 0x07e00000}, 2,
	       "A32 WFINE that passes: COND 0x1 or 0xe, CV 1");
	struct esr_set s = esr_expect_a32_wfx(&a32_ne, ESR_WFX_TI_WFI);

	unit_ok(!esr_set_contains(&s, 0x06000000), "A32: CV 0 is not permitted");
	unit_ok(!esr_set_contains(&s, 0x07200000), "A32 WFINE: COND 0x2 is not permitted");
	unit_ok(!esr_set_contains(&s, 0x05100000), "A32: IL 0 is not permitted");
	/* 16-bit T32 WFI (0xbf30): IL 0: 0x04000000 | CV | COND 0xe = 0x05e00000, or CV 0. */
	s = esr_expect_a32_wfx(&t16, ESR_WFX_TI_WFI);
	unit_ok(esr_set_contains(&s, 0x05e00000), "T16 WFI: IL 0, CV 1, COND 0xe");
	unit_ok(esr_set_contains(&s, 0x04000000), "T16 WFI: CV 0, COND UNKNOWN (0)");
	unit_ok(esr_set_contains(&s, 0x04a00000), "T16 WFI: CV 0, COND UNKNOWN (0xa)");
	unit_ok(!esr_set_contains(&s, 0x07e00000), "T16 WFI: IL 1 is not permitted");
	unit_ok(!esr_set_contains(&s, 0x05a00000), "T16 WFI: CV 1 with COND 0xa is not permitted");
	unit_ok(!esr_set_contains(&s, 0x04000001), "T16 WFI: TI 1 is not permitted");
	/* WFI.W (0xf3af8003) is 32-bit: IL 1. */
	s = esr_expect_a32_wfx(&t32, ESR_WFX_TI_WFI);
	unit_ok(esr_set_contains(&s, 0x07e00000) && esr_set_contains(&s, 0x06000000) &&
			!esr_set_contains(&s, 0x05e00000),
		"T32 WFI.W: IL 1, CV 1/COND 0xe or CV 0");
}

static void test_mcr_mrc(void)
{
	/* MRC p15, 0, r0, c0, c1, 0 (ID_PFR0): CRm 1 << 1 = 2, Direction 1: 0x0fe00003. */
	set_is(esr_expect_a32_mcr(ESR_EC_CP15_32, &a32, 0, 0, 1, 0, 0, true),
	       (const uint64_t[]){0x0fe00003}, 1, "MRC ID_PFR0 into r0");
	/* ... into LR in Supervisor mode: Rt = 18, 18 << 5 = 0x240. */
	set_is(esr_expect_a32_mcr(ESR_EC_CP15_32, &a32, 0, 0, 1, 0,
				  aarch32_reg_view64(PSR32_M_SVC, 14), true),
	       (const uint64_t[]){0x0fe00243}, 1, "MRC ID_PFR0 into LR_svc: Rt 18");
	/* MCR p15, 0, r7, c1, c0, 0 (SCTLR): CRn 1 << 10 = 0x400, Rt 7 << 5 = 0xe0. */
	set_is(esr_expect_a32_mcr(ESR_EC_CP15_32, &a32, 0, 1, 0, 0, 7, false),
	       (const uint64_t[]){0x0fe004e0}, 1, "MCR SCTLR from r7");
	/* MCR p15, 0, r12, c3, c0, 0 (DACR): CRn 3 << 10 = 0xc00, Rt 12 << 5 = 0x180. */
	set_is(esr_expect_a32_mcr(ESR_EC_CP15_32, &a32, 0, 3, 0, 0, 12, false),
	       (const uint64_t[]){0x0fe00d80}, 1, "MCR DACR from r12");
	/* MRC p15, 1, r0, c0, c0, 7 (AIDR): Opc2 7 << 17 = 0xe0000, Opc1 1 << 14 = 0x4000. */
	set_is(esr_expect_a32_mcr(ESR_EC_CP15_32, &a32, 1, 0, 0, 7, 0, true),
	       (const uint64_t[]){0x0fee4001}, 1, "MRC AIDR");
	/* MRC p14, 0, r0, c1, c1, 4 (DBGOSLSR): 0x14000000 | 0x03e00000 | 4 << 17 | 0x400 | 2 | 1.
	 */
	set_is(esr_expect_a32_mcr(ESR_EC_CP14_MR, &a32, 0, 1, 1, 4, 0, true),
	       (const uint64_t[]){0x17e80403}, 1, "MRC DBGOSLSR (cp14)");
	/* MRC p14, 0, r7, c0, c2, 2 (DBGDSCRext): Opc2 2 << 17 = 0x40000, CRm 2 << 1 = 4. */
	set_is(esr_expect_a32_mcr(ESR_EC_CP14_MR, &a32, 0, 0, 2, 2, 7, true),
	       (const uint64_t[]){0x17e400e5}, 1, "MRC DBGDSCRext into r7");
	/* MRCNE in a T32 IT block: COND 0x1 or 0xe with CV 1, or CV 0. */
	struct esr_set s = esr_expect_a32_mcr(ESR_EC_CP15_32, &t32_ne, 0, 0, 1, 0, 7, true);

	unit_ok(s.count == 3 && esr_set_contains(&s, 0x0f1000e3) &&
			esr_set_contains(&s, 0x0fe000e3) && esr_set_contains(&s, 0x0e7000e3),
		"T32 MRCNE: {CV 1, COND 1}, {CV 1, COND 0xe}, {CV 0, any COND}");
	unit_ok(!esr_set_contains(&s, 0x0f2000e3), "T32 MRCNE: CV 1, COND 0x2 is not permitted");
	unit_ok(!esr_set_contains(&s, 0x0f1000e1), "T32 MRCNE: Rt 0 is not permitted");
}

static void test_mcrr_mrrc(void)
{
	/* MRRC p15, 0, r0, r7, c2 (TTBR0): 0x13e00000 | Rt2 7 << 10 = 0x1c00 | CRm 2 << 1 | 1. */
	set_is(esr_expect_a32_mcrr(ESR_EC_CP15_64, &a32, 0, 2, 0, 7, true),
	       (const uint64_t[]){0x13e01c05}, 1, "MRRC TTBR0 into r0, r7");
	/* MCRR p15, 1, r12, lr, c2 (TTBR1) in SVC: Opc1 1 << 16, Rt2 18 << 10 = 0x4800. */
	set_is(esr_expect_a32_mcrr(ESR_EC_CP15_64, &a32, 1, 2, 12,
				   aarch32_reg_view64(PSR32_M_SVC, 14), false),
	       (const uint64_t[]){0x13e14984}, 1, "MCRR TTBR1 from r12, LR_svc");
	/* MRRC p14, 0, r0, r1, c1 (DBGDRAR 64-bit): 0x33e00000 | 1 << 10 | 1 << 1 | 1. */
	set_is(esr_expect_a32_mcrr(ESR_EC_CP14_64, &a32, 0, 1, 0, 1, true),
	       (const uint64_t[]){0x33e00403}, 1, "MRRC DBGDRAR (cp14, EC 0x0c)");
	/* Opc1 is 4 bits here (not 3): MCRR opc1 0xf, CRm 0xf: 0xf << 16 | 0xf << 1. */
	set_is(esr_expect_a32_mcrr(ESR_EC_CP15_64, &a32, 0xf, 0xf, 0, 0, false),
	       (const uint64_t[]){0x13ef001e}, 1, "MCRR Opc1 is 4 bits wide at [19:16]");
}

static void test_vmrs(void)
{
	/* VMRS r0, MVFR0 (reg 0b0111): 0x23e00000 | Opc1 7 << 14 = 0x1c000 | CRn 7 << 10. */
	set_is(esr_expect_a32_vmrs(&a32, 7, 0), (const uint64_t[]){0x23e1dc01}, 1,
	       "VMRS r0, MVFR0");
	/* VMRS r7, FPSID (reg 0): 0x23e00000 | 0x1c000 | 7 << 5 | 1. */
	set_is(esr_expect_a32_vmrs(&a32, 0, 7), (const uint64_t[]){0x23e1c0e1}, 1,
	       "VMRS r7, FPSID");
	/* VMRS r12, MVFR2 (reg 0b0101): CRn 5 << 10 = 0x1400, Rt 12 << 5 = 0x180. */
	set_is(esr_expect_a32_vmrs(&a32, 5, 12), (const uint64_t[]){0x23e1d581}, 1,
	       "VMRS r12, MVFR2");
}

static void test_ldc_stc(void)
{
	/* STC p14, c5, [r1], #4 (0xeca15e01): post-indexed P 0 W 1 U 1 imm8 1. */
	const struct a32_ldc stc_post = {false, 1, 1, true, false, false, true};
	/* LDC p14, c5, [r1, #-8] (0xed115e02): offset P 1 W 0 U 0 imm8 2. */
	const struct a32_ldc ldc_off = {true, 2, 1, false, false, true, false};
	/* LDC p14, c5, [pc, #8]: literal offset, AM 0b110, Rn UNKNOWN. */
	const struct a32_ldc ldc_lit = {true, 2, 0, true, true, true, false};

	/* 0x1be00000 | imm8 1 << 12 | Rn 1 << 5 | Offset 0x10 | AM 1 << 1 | Direction 0. */
	set_is(esr_expect_a32_ldc_stc(&a32, &stc_post), (const uint64_t[]){0x1be01032}, 1,
	       "STC p14, c5, [r1], #4");
	/* 0x1be00000 | 2 << 12 | 0x20 | Offset 0 | AM 2 << 1 | Direction 1. */
	set_is(esr_expect_a32_ldc_stc(&a32, &ldc_off), (const uint64_t[]){0x1be02025}, 1,
	       "LDC p14, c5, [r1, #-8]");
	/* 0x1be00000 | 0x2000 | 0x10 | AM 6 << 1 = 0xc | 1 = 0x1be0201d, any Rn. */
	struct esr_set s = esr_expect_a32_ldc_stc(&a32, &ldc_lit);

	unit_ok(esr_set_contains(&s, 0x1be0201d) && esr_set_contains(&s, 0x1be021fd),
		"LDC literal: AM 0b110, Rn UNKNOWN");
	unit_ok(!esr_set_contains(&s, 0x1be0201b), "LDC literal: AM 0b101 is not permitted");
}

static void test_hvc_smc(void)
{
	/* HVC #0x4854 from A32 (0xe1448574): 0x48000000 | IL | 0x4854. */
	unit_eq_u64(esr_expect_hvc32(0x4854), 0x4a004854, "HVC #0x4854 from AArch32");
	unit_eq_u64(esr_expect_hvc32(0xffff), 0x4a00ffff, "HVC #0xffff: ISS[24:16] RES0");
	unit_eq_u64(esr_expect_hvc32(0), 0x4a000000, "HVC #0 from AArch32");
	/* Unconditional SMC: CCKNOWNPASS 0, CV and COND RES0: 0x4c000000 | IL. */
	set_is(esr_expect_smc32(&a32), (const uint64_t[]){0x4e000000}, 1, "A32 SMC: ISS 0");
	set_is(esr_expect_smc32(&t32), (const uint64_t[]){0x4e000000}, 1,
	       "T32 SMC outside an IT block: ISS 0");
	/* SMCNE that passed: CCKNOWNPASS 0 (ISS 0), or 1 (0x80000) with CV 1 and COND 1 or 0xe. */
	set_is(esr_expect_smc32(&a32_ne), (const uint64_t[]){0x4e000000, 0x4f180000, 0x4fe80000}, 3,
	       "A32 SMCNE: CCKNOWNPASS 0, or 1 with the condition");
	struct esr_set s = esr_expect_smc32(&a32);

	unit_ok(!esr_set_contains(&s, 0x4fe00000), "A32 SMC: CV/COND with CCKNOWNPASS 0 is RES0");
}

static void test_it_advance(void)
{
	/* ITT NE: firstcond 0b0001, mask 0b0100 -> IT = 0x14; IT[1:0] -> [26:25], IT[7:2] ->
	 * [15:10]. */
	unsigned long long psr = PSR32_M_SVC | PSR32_T | (0x14ULL & 3) << 25 | (0x14ULL >> 2) << 10;

	unit_eq_u64(psr32_it(psr), 0x14, "psr32_it reads ITSTATE");
	/* After the first instruction: IT[4:0] = 0b10100 << 1 = 0b01000 -> IT = 0x08. */
	unit_eq_u64(psr32_it(psr32_it_advance(psr)), 0x08, "ITT: second instruction");
	/* After the last one: IT[2:0] == 0 ends the block. */
	unit_eq_u64(psr32_it(psr32_it_advance(psr32_it_advance(psr))), 0, "ITT: block ends");
	unit_eq_u64(psr32_it_advance(PSR32_M_SVC | PSR32_T), PSR32_M_SVC | PSR32_T,
		    "outside an IT block nothing changes");
	unit_eq_u64(psr32_it_advance(psr) & ~0x0600fc00ULL, psr & ~0x0600fc00ULL,
		    "only the IT bits change");
}

/* esr_explain_diff() names the fields of the AArch32 ISS layouts (scenarios/model/esr_model.c). */
static void test_explain_diff(void)
{
	char buf[200];

	/* MRC into LR_svc reported with the AArch32 number (14) instead of its view (18). */
	esr_explain_diff(0x0fe00243, 0x0fe001c3, buf, sizeof(buf));
	unit_ok(strcmp(buf, "Rt: expected 18, got 14") == 0, "MCR/MRC layout: Rt (got \"%s\")",
		buf);
	/* MRRC: Rt2 [14:10] 7 vs 8, and COND 0xe vs 0x1. */
	esr_explain_diff(0x13e01c05, 0x13102005, buf, sizeof(buf));
	unit_ok(strcmp(buf, "COND: expected 0xe, got 0x1; Rt2: expected 7, got 8") == 0,
		"MCRR/MRRC layout: COND and Rt2 (got \"%s\")", buf);
	/* LDC/STC: AM 0b001 vs 0b011. */
	esr_explain_diff(0x1be01032, 0x1be01036, buf, sizeof(buf));
	unit_ok(strcmp(buf, "AM: expected 1, got 3") == 0, "LDC/STC layout: AM (got \"%s\")", buf);
	/* SMC: CCKNOWNPASS. */
	esr_explain_diff(0x4e000000, 0x4e080000, buf, sizeof(buf));
	unit_ok(strcmp(buf, "CCKNOWNPASS: expected 0, got 1") == 0,
		"SMC32 layout: CCKNOWNPASS (got \"%s\")", buf);
	/* VMRS shares the MCR/MRC layout: CRn (the reg field) 7 vs 6. */
	esr_explain_diff(0x23e1dc01, 0x23e1d801, buf, sizeof(buf));
	unit_ok(strcmp(buf, "CRn: expected 7, got 6") == 0, "VMRS layout: CRn (got \"%s\")", buf);
}

int main(void)
{
	test_reg_view();
	test_wfx();
	test_mcr_mrc();
	test_mcrr_mrrc();
	test_vmrs();
	test_ldc_stc();
	test_hvc_smc();
	test_it_advance();
	test_explain_diff();
	return unit_done();
}
