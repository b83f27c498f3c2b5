/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the syndrome oracle (scenarios/model/esr_model.c) against syndromes worked out
 * by hand from the Arm ARM (DDI 0487) ESR_EL2 ISS encodings, and values seen in the field.
 *
 * Bit arithmetic used throughout: EC << 26, so 0x01 -> 0x04000000, 0x16 -> 0x58000000,
 * 0x17 -> 0x5c000000, 0x18 -> 0x60000000, 0x24 -> 0x90000000, 0x3c -> 0xf0000000;
 * IL (bit 25) = 0x02000000; ISV (bit 24) = 0x01000000.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arch/esr.h"
#include "esr_model.h"
#include "unit.h"

static void test_field_helpers(void)
{
	/* ISS2 = 0xabcdef sits above EC: a masked extraction must ignore it. */
	uint64_t esr = 0x00abcdef5a004854ULL;

	unit_eq_u64(esr_ec(esr), ESR_EC_HVC64, "esr_ec ignores ISS2 above bit 31");
	unit_eq_u64(esr_il(esr), 1, "esr_il");
	unit_eq_u64(esr_iss(esr), 0x4854, "esr_iss");
	unit_eq_u64(esr_iss2(esr), 0xabcdef, "esr_iss2");
	unit_eq_u64(esr_ec(0xffffffffffffffffULL), 0x3f, "esr_ec of all-ones is 0x3f");
	unit_eq_u64(esr_make(ESR_EC_HVC64, true, 0x4854, 0xabcdef), esr, "esr_make round trip");
	unit_eq_u64(esr_make(0x7f, false, 0xffffffff, 0xffffffff), 0x00ffffffffffffffULL & ~ESR_IL,
		    "esr_make masks every field");
	/* MPIDR_EL1 = S3_0_C0_C0_5: Op0 3 -> 0x300000, Op2 5 -> 0xa0000. */
	unit_eq_u64(ESR_ISS_SYS64_VAL(3, 0, 0, 0, 5), 0x3a0000, "ESR_ISS_SYS64_VAL(MPIDR_EL1)");
	/* CNTVCT_EL0 = S3_3_C14_C0_2: 0x300000 | 2<<17 | 3<<14 | 14<<10 = 0x34f800. */
	unit_eq_u64(ESR_ISS_SYS64_VAL(3, 3, 14, 0, 2), 0x34f800, "ESR_ISS_SYS64_VAL(CNTVCT_EL0)");
	unit_eq_u64(ESR_ISS_SYS64_SYS_MASK, 0x3ffc1e, "ESR_ISS_SYS64_SYS_MASK");
	unit_eq_u64(ESR_FSC_TRANS(3), 0x07, "ESR_FSC_TRANS(3)");
	unit_eq_u64(ESR_FSC_ACCESS(1), 0x09, "ESR_FSC_ACCESS(1)");
	unit_eq_u64(ESR_FSC_PERM(2), 0x0e, "ESR_FSC_PERM(2)");
	unit_eq_u64(ESR_FSC_ADDR_SIZE(0), 0x00, "ESR_FSC_ADDR_SIZE(0)");
}

static void test_hvc_smc_brk_unknown(void)
{
	/* Linux/KVM: HVC #0 from EL1 = 0x58000000 | IL = 0x5a000000. */
	unit_eq_u64(esr_expect_hvc64(0), 0x5a000000, "HVC #0 (Linux PSCI/KVM hypercall)");
	/* The hyptap hypercall, HVC #0x4854 ('HT'). */
	unit_eq_u64(esr_expect_hvc64(0x4854), 0x5a004854, "HVC #0x4854");
	unit_eq_u64(esr_expect_hvc64(0xffff), 0x5a00ffff, "HVC #0xffff: ISS[24:16] stay RES0");
	unit_eq_u64(esr_expect_smc64(0), 0x5e000000, "SMC #0 trapped by HCR_EL2.TSC");
	unit_eq_u64(esr_expect_smc64(0x1234), 0x5e001234, "SMC #0x1234");
	/* Linux BUG() is BRK #0x800: the well-known "ESR 0xf2000800". */
	unit_eq_u64(esr_expect_brk64(0x800), 0xf2000800, "BRK #0x800 (Linux BUG())");
	/* SVC #0 from EL0: Linux syscalls, ESR_EL1 0x56000000. */
	unit_eq_u64(esr_expect_svc64(0), 0x56000000, "SVC #0 (Linux syscall)");
	unit_eq_u64(esr_expect_svc64(0x42), 0x56000042, "SVC #0x42");
	/* Stage 2 translation fault on a fetch, level 2: EC 0x20 << 26 | IL | 0x06 = 0x82000006. */
	unit_eq_u64(esr_expect_iabt_s2(ESR_FSC_TRANS(2)), 0x82000006, "IABT_LOW, translation L2");
	unit_eq_u64(esr_expect_iabt_s2(ESR_FSC_TRANS(3)), 0x82000007, "IABT_LOW, translation L3");
	unit_eq_u64(esr_expect_iabt_s2_s1ptw(ESR_FSC_TRANS(1)), 0x82000085,
		    "IABT_LOW on the stage 1 walk: S1PTW (ISS[7]), translation L1");
	/* FP trap from AArch64: 0x07 << 26 | IL | CV (bit 24) | COND 0xe << 20 = 0x1fe00000. */
	unit_eq_u64(esr_expect_fp_access(), 0x1fe00000, "FP/SIMD access trap from AArch64");
	unit_eq_u64(esr_expect_brk64(0), 0xf2000000, "BRK #0");
	unit_eq_u64(esr_expect_unknown(), 0x02000000, "EC 0x00: IL = 1, ISS = 0");
}

static void test_wfx(void)
{
	/* 0x04000000 | IL | CV 0x01000000 | COND 0xe << 20 = 0x00e00000 -> 0x07e00000. */
	unit_eq_u64(esr_expect_wfx(ESR_WFX_TI_WFI, false, 0), 0x07e00000, "WFI: CV=1 COND=0xe");
	unit_eq_u64(esr_expect_wfx(ESR_WFX_TI_WFE, false, 0), 0x07e00001, "WFE: TI=1");
	unit_eq_u64(esr_expect_wfx(ESR_WFX_TI_WFI, true, 7), 0x07e00000,
		    "WFI: RV and RN are RES0 (TI[1] == 0)");
	/* WFIT X3: TI=2, RV (bit 2) = 4, RN 3 << 5 = 0x60: 0x07e00066. */
	unit_eq_u64(esr_expect_wfx(ESR_WFX_TI_WFIT, true, 3), 0x07e00066, "WFIT X3");
	/* WFET X30: TI=3 | RV 4 | 30 << 5 = 0x3c0: 0x07e003c7. */
	unit_eq_u64(esr_expect_wfx(ESR_WFX_TI_WFET, true, 30), 0x07e003c7, "WFET X30");
	unit_eq_u64(esr_expect_wfx(ESR_WFX_TI_WFET, false, 30), 0x07e00003,
		    "WFET with RV=0: RN not reported");
	unit_eq_u64(esr_expect_wfx(ESR_WFX_TI_WFIT, true, 0x25), 0x07e000a6,
		    "RN is masked to 5 bits");
}

static void test_sys64(void)
{
	/* MRS X2, MPIDR_EL1: 0x60000000 | IL | 0x3a0000 | Rt 2 << 5 | dir 1 = 0x623a0041. */
	unit_eq_u64(esr_expect_sys64(3, 0, 0, 0, 5, 2, true), 0x623a0041, "MRS X2, MPIDR_EL1");
	/* MSR SCTLR_EL1, X0 = S3_0_C1_C0_0: 0x300000 | CRn 1 << 10 = 0x300400, write. */
	unit_eq_u64(esr_expect_sys64(3, 0, 1, 0, 0, 0, false), 0x62300400, "MSR SCTLR_EL1, X0");
	/* MRS X1, ID_AA64MMFR2_EL1 = S3_0_C0_C7_2 (HCR_EL2.TID3): CRm 7 << 1, op2 2 << 17. */
	unit_eq_u64(esr_expect_sys64(3, 0, 0, 7, 2, 1, true), 0x6234002f,
		    "MRS X1, ID_AA64MMFR2_EL1");
	/* DC CIVAC, X5 = SYS #3, C7, C14, #1: op0 1 -> 0x100000, op1 3 -> 0xc000, CRn 7 -> 0x1c00,
	 * CRm 14 -> 0x1c, op2 1 -> 0x20000, Rt 5 -> 0xa0: 0x6212dcbc. */
	unit_eq_u64(esr_expect_sys64(1, 3, 7, 14, 1, 5, false), 0x6212dcbc, "DC CIVAC, X5");
	unit_eq_u64(esr_expect_sys64(3, 3, 14, 0, 2, 31, true), 0x6234fbe1,
		    "MRS XZR, CNTVCT_EL0: Rt = 31");
	unit_eq_u64(esr_expect_sys64(7, 15, 31, 31, 15, 63, true) & 0x01c00000, 0,
		    "oversized arguments never reach ISS[24:22] (RES0)");
}

static struct dabt_access word_store(unsigned rt)
{
	struct dabt_access a = {
		.size_log2 = 2,
		.is_write = true,
		.rt = rt,
		.sf = false,
		.valid_syndrome = true,
	};
	return a;
}

static void test_dabt(void)
{
	struct dabt_access a = word_store(1);

	/*
	 * STR W1, [X0] on a stage 2 translation fault at level 3:
	 * 0x90000000 (EC 0x24) | 0x02000000 (IL) | 0x01000000 (ISV) | SAS 2 << 22 = 0x00800000
	 * | SRT 1 << 16 = 0x00010000 | SF 0 | AR 0 | WnR 0x40 | DFSC 0x07 = 0x93810047.
	 */
	unit_eq_u64(esr_expect_dabt_s2(&a, ESR_FSC_TRANS(3)), 0x93810047,
		    "STR W1, [X0]: 0x93810047");
	a.rt = 0;
	unit_eq_u64(esr_expect_dabt_s2(&a, ESR_FSC_TRANS(3)), 0x93800047,
		    "STR W0, [X0] (DESIGN.md's example 0x93800047)");

	/* LDR X2, [X0] at level 2: SAS 3 -> 0xc00000, SRT 2 -> 0x20000, SF 0x8000, read. */
	a = (struct dabt_access){.size_log2 = 3, .rt = 2, .sf = true, .valid_syndrome = true};
	unit_eq_u64(esr_expect_dabt_s2(&a, ESR_FSC_TRANS(2)), 0x93c28006, "LDR X2, [X0], level 2");

	/* LDRSB X3: SAS 0, SSE 0x200000, SRT 3 -> 0x30000, SF. */
	a = (struct dabt_access){
		.size_log2 = 0, .sign_extend = true, .rt = 3, .sf = true, .valid_syndrome = true};
	unit_eq_u64(esr_expect_dabt_s2(&a, ESR_FSC_TRANS(3)), 0x93238007, "LDRSB X3: SSE=1 SF=1");
	/* LDRSH W4: SAS 1 -> 0x400000, SSE, SRT 4 -> 0x40000, SF 0. */
	a = (struct dabt_access){
		.size_log2 = 1, .sign_extend = true, .rt = 4, .valid_syndrome = true};
	unit_eq_u64(esr_expect_dabt_s2(&a, ESR_FSC_TRANS(3)), 0x93640007, "LDRSH W4: SSE=1 SF=0");
	/* SSE is 0 for stores and for doubleword loads, whatever the caller claims. */
	a = word_store(1);
	a.sign_extend = true;
	unit_eq_u64(esr_expect_dabt_s2(&a, ESR_FSC_TRANS(3)), 0x93810047, "store: SSE=0");
	a = (struct dabt_access){
		.size_log2 = 3, .sign_extend = true, .rt = 2, .sf = true, .valid_syndrome = true};
	unit_eq_u64(esr_expect_dabt_s2(&a, ESR_FSC_TRANS(3)), 0x93c28007, "64-bit load: SSE=0");

	/* STLR X5 permission fault level 3: SAS 3, SRT 5 -> 0x50000, SF, AR 0x4000, WnR, 0x0f. */
	a = (struct dabt_access){.size_log2 = 3,
				 .is_write = true,
				 .rt = 5,
				 .sf = true,
				 .acqrel = true,
				 .valid_syndrome = true};
	unit_eq_u64(esr_expect_dabt_s2(&a, ESR_FSC_PERM(3)), 0x93c5c04f, "STLR X5: AR=1");

	/* STRB WZR: SRT 31 -> 0x1f0000, SAS 0. */
	a = (struct dabt_access){
		.size_log2 = 0, .is_write = true, .rt = 31, .valid_syndrome = true};
	unit_eq_u64(esr_expect_dabt_s2(&a, ESR_FSC_ACCESS(3)), 0x931f004b, "STRB WZR: SRT=31");

	/* STP (no valid syndrome): ISV = 0, ISS[23:14] RES0, IL still 1: 0x92000047. */
	a = word_store(1);
	a.valid_syndrome = false;
	unit_eq_u64(esr_expect_dabt_s2(&a, ESR_FSC_TRANS(3)), 0x92000047, "STP: ISV=0, IL=1");

	/*
	 * Fault on the stage 1 walk: ISV = 0 even for a single-register load (the fault is not on
	 * the instruction's access), S1PTW 0x80, WnR = 0 for the descriptor read: 0x92000086.
	 */
	a = (struct dabt_access){
		.size_log2 = 3, .rt = 2, .sf = true, .valid_syndrome = true, .s1ptw = true};
	unit_eq_u64(esr_expect_dabt_s2(&a, ESR_FSC_TRANS(2)), 0x92000086,
		    "S1PTW: ISV=0, S1PTW=1, WnR=0");
	a.is_write = true;
	unit_eq_u64(esr_expect_dabt_s2(&a, ESR_FSC_PERM(3)), 0x920000cf,
		    "S1PTW on a hardware AF/DBM update: WnR=1");

	unit_eq_u64(esr_expect_dabt_s2(&a, 0x1ff) & 0x3f, 0x3f, "FSC is masked to 6 bits");
	a = word_store(0x3f);
	unit_eq_u64(esr_field(esr_expect_dabt_s2(&a, ESR_FSC_TRANS(3)), 16, 0x1f), 31,
		    "Rt is masked to 5 bits");
	unit_eq_u64(esr_iss2(esr_expect_dabt_s2(&a, ESR_FSC_TRANS(3))), 0, "ISS2 is 0");
}

static void test_diff(void)
{
	char buf[256];
	char tiny[8];
	struct dabt_access a = word_store(1);
	uint64_t exp = esr_expect_dabt_s2(&a, ESR_FSC_TRANS(3));
	int n;

	unit_eq_u64(esr_diff_mask(0x93810047, 0x93830007), 0x00020040, "esr_diff_mask");
	unit_eq_u64(esr_diff_mask(exp, exp), 0, "esr_diff_mask of equal values");

	n = esr_explain_diff(exp, exp, buf, sizeof(buf));
	unit_ok(n == 0 && buf[0] == '\0', "no difference: 0 items, empty string");

	/* SRT 1 -> 3 and WnR 1 -> 0. */
	n = esr_explain_diff(0x93810047, 0x93830007, buf, sizeof(buf));
	unit_eq_str(buf, "SRT: expected 1, got 3; WnR: expected 1, got 0", "SRT and WnR differ");
	unit_eq_u64(n, 2, "two items");

	esr_explain_diff(0x93810047, 0x93810046, buf, sizeof(buf));
	unit_eq_str(buf, "DFSC: expected 0x7, got 0x6", "DFSC differs (hex)");

	esr_explain_diff(0x93810047, 0x92000047, buf, sizeof(buf));
	unit_eq_str(buf, "ISV: expected 1, got 0; SAS: expected 2, got 0; SRT: expected 1, got 0",
		    "ISV dropped");

	esr_explain_diff(0x5a004854, 0x93810047, buf, sizeof(buf));
	unit_eq_str(buf, "EC: expected 0x16, got 0x24; ISS: expected 0x4854, got 0x1810047",
		    "EC differs: ISS compared whole");

	esr_explain_diff(0x5a004854, 0x58004854, buf, sizeof(buf));
	unit_eq_str(buf, "IL: expected 1, got 0", "IL differs");

	esr_explain_diff(0x5a004854, 0x5a014854, buf, sizeof(buf));
	unit_eq_str(buf, "ISS[RES0]: expected 0x0, got 0x10000", "HVC: a RES0 ISS bit set");

	esr_explain_diff(0x07e00000, 0x06000000, buf, sizeof(buf));
	unit_eq_str(buf, "CV: expected 1, got 0; COND: expected 0xe, got 0x0",
		    "WFI without CV/COND");

	esr_explain_diff(0x07e00066, 0x07e00046, buf, sizeof(buf));
	unit_eq_str(buf, "RN: expected 3, got 2", "WFIT: RN differs");

	esr_explain_diff(0x623a0041, 0x623a0040, buf, sizeof(buf));
	unit_eq_str(buf, "Direction: expected 1, got 0", "SYS64: direction differs");

	esr_explain_diff(0x623a0041, 0x62380061, buf, sizeof(buf));
	unit_eq_str(buf, "Op2: expected 5, got 4; Rt: expected 2, got 3", "SYS64: op2 and Rt");

	esr_explain_diff(0x5a004854, 0x0000001f5a004854ULL, buf, sizeof(buf));
	unit_eq_str(buf, "ISS2: expected 0x0, got 0x1f", "ISS2 differs");

	esr_explain_diff(0x5a004854, 0x805a004854ULL | (1ULL << 63), buf, sizeof(buf));
	unit_eq_str(buf, "ISS2: expected 0x0, got 0x80; ESR[63:56]: expected 0x0, got 0x80",
		    "bits [63:56] differ");

	esr_explain_diff(0x02000000, 0x02000001, buf, sizeof(buf));
	unit_eq_str(buf, "ISS: expected 0x0, got 0x1", "EC 0x00: ISS compared whole");

	esr_explain_diff(0x82000007, 0x82000087, buf, sizeof(buf));
	unit_eq_str(buf, "S1PTW: expected 0, got 1", "IABT layout");

	memset(tiny, 'x', sizeof(tiny));
	n = esr_explain_diff(0x93810047, 0x93830007, tiny, sizeof(tiny));
	unit_ok(n == 2 && strlen(tiny) == sizeof(tiny) - 1 && strncmp(tiny, "SRT: ex", 7) == 0,
		"truncated output stays NUL-terminated");
	unit_eq_u64(esr_explain_diff(0x93810047, 0x93830007, NULL, 0), 2, "NULL buffer, len 0");
}

static void test_mmio(void)
{
	/* Zero extension: LDRB/LDRH/LDR Wt, and LDR Xt. */
	unit_eq_u64(mmio_load_result(0x1122334455667788ULL, 0, false, false), 0x88, "LDRB Wt");
	unit_eq_u64(mmio_load_result(0x1122334455667788ULL, 1, false, false), 0x7788, "LDRH Wt");
	unit_eq_u64(mmio_load_result(0x1122334455667788ULL, 2, false, false), 0x55667788, "LDR Wt");
	unit_eq_u64(mmio_load_result(0x1122334455667788ULL, 3, false, true), 0x1122334455667788ULL,
		    "LDR Xt");
	unit_eq_u64(mmio_load_result(0xffULL, 0, false, true), 0xff, "LDRB: no sign extension");

	/* Sign extension to 64 bits (SF=1). */
	unit_eq_u64(mmio_load_result(0x80, 0, true, true), 0xffffffffffffff80ULL, "LDRSB Xt 0x80");
	unit_eq_u64(mmio_load_result(0x7f, 0, true, true), 0x7f, "LDRSB Xt 0x7f: positive");
	unit_eq_u64(mmio_load_result(0xabcdff, 0, true, true), 0xffffffffffffffffULL,
		    "LDRSB Xt 0xff: upper device bits ignored");
	unit_eq_u64(mmio_load_result(0x8000, 1, true, true), 0xffffffffffff8000ULL, "LDRSH Xt");
	unit_eq_u64(mmio_load_result(0x7fff, 1, true, true), 0x7fff, "LDRSH Xt positive");
	unit_eq_u64(mmio_load_result(0x1234567880000000ULL, 2, true, true), 0xffffffff80000000ULL,
		    "LDRSW Xt 0x80000000");
	unit_eq_u64(mmio_load_result(0x7fffffff, 2, true, true), 0x7fffffff, "LDRSW Xt positive");

	/* Sign extension to 32 bits (SF=0): the W write zeroes [63:32]. */
	unit_eq_u64(mmio_load_result(0x80, 0, true, false), 0xffffff80, "LDRSB Wt 0x80");
	unit_eq_u64(mmio_load_result(0xffff, 1, true, false), 0xffffffff, "LDRSH Wt 0xffff");
	unit_eq_u64(mmio_load_result(0x1234, 1, true, false), 0x1234, "LDRSH Wt positive");

	/* SSE is meaningless for 64-bit loads. */
	unit_eq_u64(mmio_load_result(0x8000000000000000ULL, 3, true, true), 0x8000000000000000ULL,
		    "64-bit load with SSE: unchanged");

	unit_eq_u64(mmio_store_value(0x1122334455667788ULL, 0), 0x88, "STRB");
	unit_eq_u64(mmio_store_value(0x1122334455667788ULL, 1), 0x7788, "STRH");
	unit_eq_u64(mmio_store_value(0x1122334455667788ULL, 2), 0x55667788, "STR Wt");
	unit_eq_u64(mmio_store_value(0x1122334455667788ULL, 3), 0x1122334455667788ULL, "STR Xt");
}

static void test_far_hpfar(void)
{
	/* IPA 0x0900_0000 (QEMU virt PL011): IPA[51:12] = 0x9000 -> << 4 = 0x90000. */
	unit_eq_u64(hpfar_expect(0x09000000), 0x90000, "HPFAR for IPA 0x09000000");
	unit_eq_u64(hpfar_expect(0x09000fff), 0x90000, "HPFAR drops IPA[11:0]");
	unit_eq_u64(hpfar_expect(0x40001234), 0x400010, "HPFAR for IPA 0x40001234");
	unit_eq_u64(hpfar_expect(0x000ffffffffff000ULL), 0x00000ffffffffff0ULL,
		    "52-bit IPA: FIPA [43:4] all ones");
	unit_eq_u64(hpfar_expect(0xfff0000000000000ULL), 0, "IPA bits above 51 are not reported");
	unit_eq_u64(far_expect_dabt(0x0000000009000000ULL), 0x09000000, "FAR = VA");
	unit_eq_u64(far_expect_dabt(0xff00000012345678ULL), 0xff00000012345678ULL,
		    "FAR keeps the tag byte of a tagged address");
}

/*
 * Classes added for issue 3, by hand: EC << 26 | IL (0x02000000) | ISS.
 * 0x09 -> 0x24000000, 0x19 -> 0x64000000, 0x1c -> 0x70000000, 0x2f -> 0xbc000000,
 * 0x30 -> 0xc0000000, 0x31 -> 0xc4000000, 0x32 -> 0xc8000000, 0x33 -> 0xcc000000,
 * 0x34 -> 0xd0000000, 0x35 -> 0xd4000000; debug IFSC/DFSC 0b100010 = 0x22.
 */
static void test_pac_sve_debug_serror(void)
{
	unit_eq_u64(esr_expect_pac_trap(), 0x26000000, "PAC trap (HCR_EL2.API = 0)");
	unit_eq_u64(esr_expect_pac_fail(false, false), 0x72000000, "FPAC, AUTIA (IA key)");
	unit_eq_u64(esr_expect_pac_fail(false, true), 0x72000001, "FPAC, AUTIB (IB key)");
	unit_eq_u64(esr_expect_pac_fail(true, false), 0x72000002, "FPAC, AUTDA (DA key)");
	unit_eq_u64(esr_expect_pac_fail(true, true), 0x72000003, "FPAC, AUTDB (DB key)");
	unit_eq_u64(esr_expect_sve_access(), 0x66000000, "SVE access trap");
	unit_eq_u64(esr_expect_breakpoint(true), 0xc2000022, "breakpoint from EL1 to EL2");
	unit_eq_u64(esr_expect_breakpoint(false), 0xc6000022, "breakpoint at EL1, same EL");
	unit_eq_u64(esr_expect_watchpoint(true, false), 0xd2000022, "watchpoint, load, lower EL");
	unit_eq_u64(esr_expect_watchpoint(true, true), 0xd2000062, "watchpoint, store: WnR");
	unit_eq_u64(esr_expect_watchpoint(false, false), 0xd6000022, "watchpoint, same EL");
	unit_eq_u64(esr_expect_softstep(true, true, false), 0xcb000022, "step completed, ISV 1");
	unit_eq_u64(esr_expect_softstep(true, true, true), 0xcb000062, "step of a LDXR: EX");
	unit_eq_u64(esr_expect_softstep(true, false, true), 0xca000022, "ISV 0: EX not reported");
	unit_eq_u64(esr_expect_softstep(false, true, false), 0xcf000022, "step, same EL");
	unit_eq_u64(esr_expect_serror_virtual(true, 0x1000123), 0xbf000123,
		    "virtual SError: IDS and ISS from VSESR_EL2");
	unit_eq_u64(esr_expect_serror_virtual(true, 0xfe000000), 0xbe000000,
		    "VSESR_EL2 bits above IDS are not ESR bits");
	unit_eq_u64(esr_expect_serror_virtual(false, 0x1000123), 0xbe000000,
		    "no RAS: ISS not from VSESR");
	unit_eq_u64(serror_virtual_mask(false), 0xfe000000, "no RAS: only EC and IL defined");
	unit_eq_u64(esr_expect_sea(true, false), 0x92000010, "SEA on a load, to EL2: ISV 0");
	unit_eq_u64(esr_expect_sea(false, true), 0x96000050, "SEA on a store, same EL: WnR");
	unit_eq_u64(sea_defined_mask(), 0xffffe1ff, "EA, FnV, SET are the error's");
	unit_ok(watchpoint_far_ok(0x40080000, 0x40080000, 64), "FAR = the address");
	unit_ok(watchpoint_far_ok(0x40080038, 0x40080000, 64), "FAR within the 64-byte block");
	unit_ok(!watchpoint_far_ok(0x40080040, 0x40080000, 64), "FAR in the next block");
	unit_ok(!watchpoint_far_ok(0x4007fff8, 0x40080000, 2048), "FAR below the block");
}

int main(void)
{
	test_pac_sve_debug_serror();
	test_field_helpers();
	test_hvc_smc_brk_unknown();
	test_wfx();
	test_sys64();
	test_dabt();
	test_diff();
	test_mmio();
	test_far_hpfar();
	return unit_done();
}
