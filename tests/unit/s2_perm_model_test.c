/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/s2_perm_model.c against vectors checked by hand from the Arm ARM
 * (DDI 0487K.a): AArch64.S2ComputePermissions() (S2AP r/w, XN[1:0] with and without FEAT_XNX),
 * AArch64.S2CheckPermissions() (instruction fetch, DC invalidate vs clean-and-invalidate, the
 * CMOW case, atomics read-then-write, AT), the ESR_ELx Data Abort ISS rules for WnR ("cache
 * maintenance and address translation instructions ... always 1"; atomics: 0 when the read
 * faults), CM and ISV ("excluding Load Exclusive or Store Exclusive"), and IPAValid(). The full
 * ESR_EL2 values are assembled by hand below and compared with esr_expect_dabt_s2().
 */
#include "esr_model.h"
#include "s2_perm_model.h"
#include "unit.h"

#define FSC_PERM_L3 0x0f /* Permission fault, level 3: 0b0011LL */

static struct s2_perm_outcome check(unsigned s2ap, unsigned xn, bool xnx, enum s2_perm_access a,
				    unsigned el)
{
	struct s2_perm_case k = {.s2ap = s2ap, .xn = xn, .xnx = xnx, .access = a, .el = el};

	return s2_perm_check(&k);
}

static void expect_fault(unsigned s2ap, unsigned xn, bool xnx, enum s2_perm_access a, unsigned el,
			 bool fault, const char *why)
{
	struct s2_perm_outcome o = check(s2ap, xn, xnx, a, el);

	unit_ok(o.fault == fault, "S2AP %u XN %u xnx %d %s EL%u: %s (%s)", s2ap, xn, xnx,
		s2_perm_access_name(a), el, fault ? "faults" : "runs", why);
}

/* The syndrome of a fault: @esr assembled by hand from the ISS fields. */
static void expect_esr(unsigned s2ap, enum s2_perm_access a, struct dabt_access insn, uint64_t esr,
		       const char *what)
{
	struct s2_perm_outcome o = check(s2ap, S2XN_NONE, false, a, 1);

	insn.is_write = o.wnr;
	insn.cm = o.cm;
	insn.valid_syndrome = o.isv;
	unit_ok(o.fault, "%s: a fault", what);
	unit_eq_u64(esr_expect_dabt_s2(&insn, FSC_PERM_L3), esr, what);
}

int main(void)
{
	/* S2AP[0] = read, S2AP[1] = write ("Stage 2 data access permissions"). */
	expect_fault(S2AP_NONE, 0, false, S2P_LOAD, 1, true, "no read permission");
	expect_fault(S2AP_RO, 0, false, S2P_LOAD, 1, false, "S2AP[0] = read");
	expect_fault(S2AP_WO, 0, false, S2P_LOAD, 1, true, "write-only");
	expect_fault(S2AP_RW, 0, false, S2P_LOAD, 1, false, "read/write");
	expect_fault(S2AP_RO, 0, false, S2P_STORE, 1, true, "read-only");
	expect_fault(S2AP_WO, 0, false, S2P_STORE, 1, false, "S2AP[1] = write");
	expect_fault(S2AP_NONE, 0, false, S2P_STORE, 1, true, "no access");
	/* XN never affects data accesses, and execution does not need read permission. */
	expect_fault(S2AP_RW, S2XN_ALL, false, S2P_LOAD, 1, false, "XN is for fetches only");
	expect_fault(S2AP_NONE, S2XN_NONE, false, S2P_IFETCH, 1, false, "execute-only page");
	expect_fault(S2AP_NONE, S2XN_NONE, true, S2P_IFETCH, 0, false, "execute-only, EL0");
	/* Without FEAT_XNX: XN[1] alone, at both ELs; XN[0] (RES0) read as 0. */
	expect_fault(S2AP_RW, S2XN_ALL, false, S2P_IFETCH, 1, true, "XN[1] = 1");
	expect_fault(S2AP_RW, S2XN_ALL, false, S2P_IFETCH, 0, true, "XN[1] = 1 at EL0");
	expect_fault(S2AP_RW, S2XN_PXN, false, S2P_IFETCH, 1, false, "bit 53 RES0");
	expect_fault(S2AP_RW, S2XN_UXN, false, S2P_IFETCH, 0, true, "0b11 is XN[1] = 1");
	/* FEAT_XNX: 0b01 no EL1 execution, 0b11 no EL0 execution. */
	expect_fault(S2AP_RO, S2XN_PXN, true, S2P_IFETCH, 1, true, "XN 0b01: PXN");
	expect_fault(S2AP_RO, S2XN_PXN, true, S2P_IFETCH, 0, false, "XN 0b01: EL0 may");
	expect_fault(S2AP_RO, S2XN_UXN, true, S2P_IFETCH, 1, false, "XN 0b11: EL1 may");
	expect_fault(S2AP_RO, S2XN_UXN, true, S2P_IFETCH, 0, true, "XN 0b11: UXN");
	expect_fault(S2AP_RO, S2XN_ALL, true, S2P_IFETCH, 0, true, "XN 0b10: neither");
	expect_fault(S2AP_RO, S2XN_NONE, true, S2P_IFETCH, 1, false, "XN 0b00: both");
	/* DC: invalidate needs write; clean-and-invalidate at EL1 never faults (CMOW = 0). */
	expect_fault(S2AP_RO, 0, false, S2P_DC_IVAC, 1, true, "DC IVAC needs write");
	expect_fault(S2AP_WO, 0, false, S2P_DC_IVAC, 1, false, "DC IVAC, write-only");
	expect_fault(S2AP_NONE, 0, false, S2P_DC_CIVAC, 1, false, "DC CIVAC at EL1");
	expect_fault(S2AP_NONE, 0, false, S2P_DC_CIVAC, 0, true, "DC CIVAC at EL0 needs read");
	{
		struct s2_perm_case k = {
			.s2ap = S2AP_RO, .cmow = true, .access = S2P_DC_CIVAC, .el = 1};

		unit_ok(s2_perm_check(&k).fault, "CMOW = 1: DC CIVAC needs write");
	}
	/* DC ZVA is a write (AccessType_DCZero), not maintenance. */
	expect_fault(S2AP_RO, 0, false, S2P_DC_ZVA, 1, true, "DC ZVA on read-only");
	expect_fault(S2AP_WO, 0, false, S2P_DC_ZVA, 1, false, "DC ZVA on write-only");
	/* Atomics need both; exclusives as their direction. */
	expect_fault(S2AP_RO, 0, false, S2P_ATOMIC, 1, true, "LDADD on read-only");
	expect_fault(S2AP_WO, 0, false, S2P_ATOMIC, 1, true, "LDADD on write-only");
	expect_fault(S2AP_RW, 0, false, S2P_ATOMIC, 1, false, "LDADD on read/write");
	unit_ok(!check(S2AP_WO, 0, false, S2P_ATOMIC, 1).wnr, "LDADD, no read: WnR 0");
	unit_ok(check(S2AP_RO, 0, false, S2P_ATOMIC, 1).wnr, "LDADD, read ok: WnR 1");
	unit_ok(!check(S2AP_NONE, 0, false, S2P_ATOMIC, 1).wnr, "LDADD, no access: WnR 0");
	expect_fault(S2AP_WO, 0, false, S2P_LDXR, 1, true, "LDXR needs read");
	expect_fault(S2AP_RO, 0, false, S2P_STXR, 1, true, "STXR needs write");
	/* AT: S1E1 output is an IPA, never checked at stage 2; S12 checks its direction. */
	for (unsigned ap = 0; ap < 4; ap++) {
		expect_fault(ap, S2XN_ALL, false, S2P_AT_S1E1, 1, false, "AT S1E1*: stage 1 only");
	}
	expect_fault(S2AP_WO, 0, false, S2P_AT_S12_R, 1, true, "AT S12E1R needs read");
	expect_fault(S2AP_WO, 0, false, S2P_AT_S12_W, 1, false, "AT S12E1W needs only write");
	expect_fault(S2AP_RO, 0, false, S2P_AT_S12_W, 0, true, "AT S12E0W needs write");
	expect_fault(S2AP_RO, S2XN_ALL, true, S2P_AT_S12_R, 0, false, "AT ignores XN");
	/* IPAValid(): no IPA for a stage-2 Permission fault on the access itself. */
	unit_ok(!check(S2AP_NONE, 0, false, S2P_LOAD, 1).hpfar_valid, "HPFAR UNKNOWN");

	/*
	 * Whole syndromes: EC 0x24 (bits [31:26]) | IL (bit 25) = 0x92000000, then ISV (24),
	 * SAS (23:22), SRT (20:16), SF (15), CM (8), WnR (6), DFSC 0b001111.
	 */
	expect_esr(S2AP_NONE, S2P_LOAD, (struct dabt_access){.size_log2 = 3, .rt = 2, .sf = true},
		   0x92000000 | 1 << 24 | 3 << 22 | 2 << 16 | 1 << 15 | 0x0f,
		   "ldr x2, [x0]: ISV SAS 3 SRT 2 SF");
	expect_esr(S2AP_RO, S2P_STORE, (struct dabt_access){.size_log2 = 3, .rt = 1, .sf = true},
		   0x92000000 | 1 << 24 | 3 << 22 | 1 << 16 | 1 << 15 | 1 << 6 | 0x0f,
		   "str x1, [x0]: ISV SAS 3 SRT 1 SF WnR");
	expect_esr(S2AP_RO, S2P_DC_IVAC, (struct dabt_access){0},
		   0x92000000 | 1 << 8 | 1 << 6 | 0x0f, "dc ivac: CM WnR, ISV 0");
	expect_esr(S2AP_RO, S2P_DC_ZVA, (struct dabt_access){0}, 0x92000000 | 1 << 6 | 0x0f,
		   "dc zva: WnR, CM 0, ISV 0");
	expect_esr(S2AP_WO, S2P_ATOMIC, (struct dabt_access){.size_log2 = 3, .rt = 2, .sf = true},
		   0x92000000 | 0x0f, "ldadd, no read: WnR 0, ISV 0");
	expect_esr(S2AP_RO, S2P_ATOMIC, (struct dabt_access){.size_log2 = 3, .rt = 2, .sf = true},
		   0x92000000 | 1 << 6 | 0x0f, "ldadd, no write: WnR 1, ISV 0");
	expect_esr(S2AP_WO, S2P_LDXR, (struct dabt_access){.size_log2 = 3, .rt = 2, .sf = true},
		   0x92000000 | 0x0f, "ldxr: ISV 0");
	expect_esr(S2AP_RO, S2P_STXR, (struct dabt_access){.size_log2 = 3, .rt = 1, .sf = true},
		   0x92000000 | 1 << 6 | 0x0f, "stxr: WnR, ISV 0");
	/* Writeback, pair and SIMD&FP forms: outside LSInstructionSyndrome(), so ISV 0. */
	expect_esr(S2AP_WO, S2P_LOAD_NO_ISS,
		   (struct dabt_access){.size_log2 = 3, .rt = 12, .sf = true}, 0x92000000 | 0x0f,
		   "ldr x12, [x0], #8: ISV 0");
	expect_esr(S2AP_RO, S2P_STORE_NO_ISS,
		   (struct dabt_access){.size_log2 = 3, .rt = 2, .sf = true},
		   0x92000000 | 1 << 6 | 0x0f, "stp x2, x3, [x0]: WnR, ISV 0");
	/* Narrow and sign-extending forms: SAS, SSE, SF of the instruction (ISV 1). */
	expect_esr(S2AP_NONE, S2P_LOAD,
		   (struct dabt_access){.size_log2 = 1, .sign_extend = true, .rt = 3, .sf = true},
		   0x92000000 | 1 << 24 | 1 << 22 | 1 << 21 | 3 << 16 | 1 << 15 | 0x0f,
		   "ldrsh x3, [x0]: SAS 1 SSE SRT 3 SF");
	expect_esr(S2AP_RO, S2P_STORE,
		   (struct dabt_access){.size_log2 = 2, .rt = 11, .acqrel = true},
		   0x92000000 | 1 << 24 | 2 << 22 | 11 << 16 | 1 << 14 | 1 << 6 | 0x0f,
		   "stlr w11, [x0]: SAS 2 SRT 11 AR WnR");
	/* Instruction Abort from a lower EL: EC 0x20, IL, IFSC (the s1ptw helper owns S1PTW). */
	unit_eq_u64(esr_expect_iabt_s2(FSC_PERM_L3), 0x8200000f, "iabt, permission L3");
	return unit_done();
}
