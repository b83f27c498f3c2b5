/* SPDX-License-Identifier: MIT */
/*
 * Syndrome oracle (see esr_model.h). References are to the Arm ARM, DDI 0487: the register
 * descriptions "ESR_EL2", "FAR_EL2", "HPFAR_EL2" with their "ISS encoding for an exception
 * from ..." subsections, and the shared pseudocode functions named in each comment.
 *
 * Common to every syndrome here, ESR_EL2.IL: 1 for a trapped 32-bit instruction, and also 1
 * (not "instruction length") for EC 0x00, Instruction Aborts, and Data Aborts with ISV == 0.
 * A64 instructions are all 32 bits, so every expected value below has IL = 1.
 * ESR_EL2 bits [63:56] are RES0, and ISS2 (bits [55:32]) is 0 for all of these.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "strbuf.h"

#include "arch/esr.h"
#include "esr_model.h"

/* AArch64.CallHypervisor(): EC 0x16, IL 1, ISS[15:0] = imm16. */
uint64_t esr_expect_hvc64(uint16_t imm16)
{
	return esr_make(ESR_EC_HVC64, true, imm16, 0);
}

/* AArch64.CheckForSMCUndefOrTrap(), HCR_EL2.TSC: EC 0x17, IL 1, ISS[15:0] = imm16. */
uint64_t esr_expect_smc64(uint16_t imm16)
{
	return esr_make(ESR_EC_SMC64, true, imm16, 0);
}

/* AArch64.WFxTrap(): ISS[24:20] = ConditionSyndrome() = CV 1, COND 0b1110 from AArch64. */
uint64_t esr_expect_wfx(unsigned ti, bool rv, unsigned rn)
{
	uint32_t iss = (uint32_t)(ESR_ISS_CV | ((uint64_t)ESR_COND_AL << ESR_ISS_COND_SHIFT) |
				  (ti & ESR_ISS_WFX_TI_MASK));

	if ((ti & ESR_WFX_TI_WFIT) != 0 && rv) {
		iss |= (uint32_t)(ESR_ISS_WFX_RV |
				  ((rn & ESR_ISS_WFX_RN_MASK) << ESR_ISS_WFX_RN_SHIFT));
	}
	return esr_make(ESR_EC_WFX, true, iss, 0);
}

/* AArch64.SystemAccessTrapSyndrome(): EC 0x18. */
uint64_t esr_expect_sys64(unsigned op0, unsigned op1, unsigned crn, unsigned crm, unsigned op2,
			  unsigned rt, bool is_read)
{
	uint64_t iss = ESR_ISS_SYS64_VAL(op0, op1, crn, crm, op2) |
		       ((rt & ESR_ISS_SYS64_RT_MASK) << ESR_ISS_SYS64_RT_SHIFT) |
		       (is_read ? ESR_ISS_SYS64_DIR_READ : 0);

	return esr_make(ESR_EC_SYS64, true, (uint32_t)iss, 0);
}

/* AArch64.FaultSyndrome(): ISV only when the fault is not on the stage 1 walk (s2fs1walk). */
uint64_t esr_expect_dabt_s2(const struct dabt_access *a, unsigned fsc)
{
	uint64_t iss = fsc & ESR_ISS_ABT_FSC_MASK;

	if (a->valid_syndrome && !a->s1ptw) {
		iss |= ESR_ISS_DABT_ISV;
		iss |= (a->size_log2 & ESR_ISS_DABT_SAS_MASK) << ESR_ISS_DABT_SAS_SHIFT;
		if (a->sign_extend && !a->is_write && a->size_log2 < ESR_SAS_DWORD) {
			iss |= ESR_ISS_DABT_SSE;
		}
		iss |= (a->rt & ESR_ISS_DABT_SRT_MASK) << ESR_ISS_DABT_SRT_SHIFT;
		iss |= a->sf ? ESR_ISS_DABT_SF : 0;
		iss |= a->acqrel ? ESR_ISS_DABT_AR : 0;
	}
	iss |= a->s1ptw ? ESR_ISS_ABT_S1PTW : 0;
	iss |= a->is_write ? ESR_ISS_DABT_WNR : 0;
	return esr_make(ESR_EC_DABT_LOW, true, (uint32_t)iss, 0);
}

/* AArch64.SoftwareBreakpoint(): EC 0x3C, IL 1, ISS[15:0] = comment. */
uint64_t esr_expect_brk64(uint16_t imm16)
{
	return esr_make(ESR_EC_BRK64, true, imm16, 0);
}

/* AArch64.CallSupervisor(): EC 0x15, IL 1, ISS[15:0] = imm16 (taken to EL1, in ESR_EL1). */
uint64_t esr_expect_svc64(uint16_t imm16)
{
	return esr_make(ESR_EC_SVC64, true, imm16, 0);
}

/*
 * AArch64.FaultSyndrome() for an Instruction Abort from a lower EL (EC 0x20) caused by a stage 2
 * fault on the fetch itself: IL 1, IFSC = @fsc, S1PTW 0, EA/FnV/SET 0, ISS[24:13] RES0.
 */
uint64_t esr_expect_iabt_s2(unsigned fsc)
{
	return esr_make(ESR_EC_IABT_LOW, true, fsc & ESR_ISS_ABT_FSC_MASK, 0);
}

/*
 * AArch64.AdvSIMDFPAccessTrap(): EC 0x07, IL 1; from AArch64 the condition fields read as
 * "always": CV = 1, COND = 0b1110 (ESR_ELx, "ISS encoding for an exception from an access to
 * SVE, Advanced SIMD or floating-point functionality"); the rest of the ISS is RES0.
 */
uint64_t esr_expect_fp_access(void)
{
	return esr_make(ESR_EC_FP_ASIMD, true,
			ESR_ISS_CV | (uint64_t)ESR_COND_AL << ESR_ISS_COND_SHIFT, 0);
}

/* ExceptionSyndrome(Exception_Uncategorized): EC 0x00, IL 1 (ESR_EL2.IL). */
uint64_t esr_expect_unknown(void)
{
	return esr_make(ESR_EC_UNKNOWN, true, 0, 0);
}

uint64_t esr_diff_mask(uint64_t expected, uint64_t got)
{
	return expected ^ got;
}

/* One named ISS field of an EC's layout; hex fields print as 0x.. */
struct iss_field {
	const char *name;
	uint8_t shift;
	uint8_t width;
	bool hex;
};

static const struct iss_field dabt_fields[] = {
	{"ISV", 24, 1, false},	{"SAS", 22, 2, false}, {"SSE", 21, 1, false},
	{"SRT", 16, 5, false},	{"SF", 15, 1, false},  {"AR", 14, 1, false},
	{"VNCR", 13, 1, false}, {"SET", 11, 2, false}, {"FnV", 10, 1, false},
	{"EA", 9, 1, false},	{"CM", 8, 1, false},   {"S1PTW", 7, 1, false},
	{"WnR", 6, 1, false},	{"DFSC", 0, 6, true},  {NULL, 0, 0, false},
};

static const struct iss_field iabt_fields[] = {
	{"SET", 11, 2, false},	{"FnV", 10, 1, false}, {"EA", 9, 1, false},
	{"S1PTW", 7, 1, false}, {"IFSC", 0, 6, true},  {NULL, 0, 0, false},
};

static const struct iss_field wfx_fields[] = {
	{"CV", 24, 1, false}, {"COND", 20, 4, true}, {"RN", 5, 5, false},
	{"RV", 2, 1, false},  {"TI", 0, 2, false},   {NULL, 0, 0, false},
};

static const struct iss_field sys64_fields[] = {
	{"Op0", 20, 2, false},	    {"Op2", 17, 3, false}, {"Op1", 14, 3, false},
	{"CRn", 10, 4, false},	    {"Rt", 5, 5, false},   {"CRm", 1, 4, false},
	{"Direction", 0, 1, false}, {NULL, 0, 0, false},
};

/* AArch32 traps: MCR/MRC/VMRS (0x03, 0x05, 0x08), MCRR/MRRC (0x04, 0x0C), LDC/STC, SMC. */
static const struct iss_field cp_rt_fields[] = {
	{"CV", 24, 1, false},	{"COND", 20, 4, true},	    {"Opc2", 17, 3, false},
	{"Opc1", 14, 3, false}, {"CRn", 10, 4, false},	    {"Rt", 5, 5, false},
	{"CRm", 1, 4, false},	{"Direction", 0, 1, false}, {NULL, 0, 0, false},
};

static const struct iss_field cp_rrt_fields[] = {
	{"CV", 24, 1, false},	    {"COND", 20, 4, true}, {"Opc1", 16, 4, false},
	{"Rt2", 10, 5, false},	    {"Rt", 5, 5, false},   {"CRm", 1, 4, false},
	{"Direction", 0, 1, false}, {NULL, 0, 0, false},
};

static const struct iss_field cp_ls_fields[] = {
	{"CV", 24, 1, false},	    {"COND", 20, 4, true},   {"imm8", 12, 8, true},
	{"Rn", 5, 5, false},	    {"Offset", 4, 1, false}, {"AM", 1, 3, false},
	{"Direction", 0, 1, false}, {NULL, 0, 0, false},
};

static const struct iss_field smc32_fields[] = {
	{"CV", 24, 1, false},
	{"COND", 20, 4, true},
	{"CCKNOWNPASS", 19, 1, false},
	{NULL, 0, 0, false},
};

static const struct iss_field imm16_fields[] = {
	{"imm16", 0, 16, true},
	{NULL, 0, 0, false},
};

static const struct iss_field raw_fields[] = {
	{"ISS", 0, 25, true},
	{NULL, 0, 0, false},
};

/* The ISS layout of an EC, from the ESR_EL2 "ISS encoding for ..." subsections. */
static const struct iss_field *iss_layout(unsigned ec)
{
	switch (ec) {
	case ESR_EC_DABT_LOW:
	case ESR_EC_DABT_CUR:
		return dabt_fields;
	case ESR_EC_IABT_LOW:
	case ESR_EC_IABT_CUR:
		return iabt_fields;
	case ESR_EC_WFX:
		return wfx_fields;
	case ESR_EC_SYS64:
		return sys64_fields;
	case ESR_EC_CP15_32:
	case ESR_EC_CP14_MR:
	case ESR_EC_CP10_ID:
		return cp_rt_fields;
	case ESR_EC_CP15_64:
	case ESR_EC_CP14_64:
		return cp_rrt_fields;
	case ESR_EC_CP14_LS:
		return cp_ls_fields;
	case ESR_EC_SMC32:
		return smc32_fields;
	case ESR_EC_SVC32:
	case ESR_EC_HVC32:
	case ESR_EC_SVC64:
	case ESR_EC_HVC64:
	case ESR_EC_SMC64:
	case ESR_EC_BRK64:
		return imm16_fields;
	default:
		return raw_fields;
	}
}

/* The caller's buffer, items separated by "; ". */
struct diff_out {
	struct strbuf sb;
	int count;
};

static void diff_item(struct diff_out *o, const char *name, uint64_t exp, uint64_t got, bool hex)
{
	strbuf_printf(&o->sb, "%s%s: ", o->count != 0 ? "; " : "", name);
	if (hex) {
		strbuf_printf(&o->sb, "expected 0x%llx, got 0x%llx", (unsigned long long)exp,
			      (unsigned long long)got);
	} else {
		strbuf_printf(&o->sb, "expected %llu, got %llu", (unsigned long long)exp,
			      (unsigned long long)got);
	}
	o->count++;
}

int esr_explain_diff(uint64_t expected, uint64_t got, char *buf, size_t len)
{
	struct diff_out o = {.sb = STRBUF(buf, len), .count = 0};
	unsigned ec_exp = esr_ec(expected), ec_got = esr_ec(got);
	const struct iss_field *f;
	uint64_t covered = 0;

	if (len != 0) {
		buf[0] = '\0';
	}
	if (ec_exp != ec_got) {
		diff_item(&o, "EC", ec_exp, ec_got, true);
	}
	if (esr_il(expected) != esr_il(got)) {
		diff_item(&o, "IL", esr_il(expected), esr_il(got), false);
	}
	if (ec_exp != ec_got) {
		if (esr_iss(expected) != esr_iss(got)) {
			diff_item(&o, "ISS", esr_iss(expected), esr_iss(got), true);
		}
	} else {
		for (f = iss_layout(ec_exp); f->name != NULL; f++) {
			uint64_t mask = (1ULL << f->width) - 1;
			uint64_t e = esr_field(expected, f->shift, mask);
			uint64_t g = esr_field(got, f->shift, mask);

			covered |= mask << f->shift;
			if (e != g) {
				diff_item(&o, f->name, e, g, f->hex);
			}
		}
		if (((expected ^ got) & ESR_ISS_MASK & ~covered) != 0) {
			uint64_t res0 = ESR_ISS_MASK & ~covered;

			diff_item(&o, "ISS[RES0]", expected & res0, got & res0, true);
		}
	}
	if (esr_iss2(expected) != esr_iss2(got)) {
		diff_item(&o, "ISS2", esr_iss2(expected), esr_iss2(got), true);
	}
	if (((expected ^ got) & ESR_RES0_MASK) != 0) {
		diff_item(&o, "ESR[63:56]", expected >> 56, got >> 56, true);
	}
	return o.count;
}

/* The low 8 << size_log2 bits; size_log2 is clamped to 3 (64 bits). */
static uint64_t access_mask(unsigned size_log2)
{
	return size_log2 >= 3 ? ~0ULL : (1ULL << (8U << size_log2)) - 1;
}

uint64_t mmio_load_result(uint64_t raw, unsigned size_log2, bool sse, bool sf)
{
	uint64_t v = raw & access_mask(size_log2);

	if (sse && size_log2 < 3) {
		uint64_t sign = 1ULL << ((8U << size_log2) - 1);

		v = (v ^ sign) - sign;
	}
	if (!sf) {
		v &= 0xffffffffULL;
	}
	return v;
}

uint64_t mmio_store_value(uint64_t reg, unsigned size_log2)
{
	return reg & access_mask(size_log2);
}

uint64_t hpfar_expect(uint64_t ipa)
{
	return ((ipa >> 12) & ((1ULL << 40) - 1)) << 4;
}

uint64_t far_expect_dabt(uint64_t va)
{
	return va;
}

/* AArch64.TrapPACUse(): EC 0x09, ISS RES0. */
uint64_t esr_expect_pac_trap(void)
{
	return esr_make(ESR_EC_PAC, true, 0, 0);
}

/* Pointer authentication failure (FEAT_FPAC): ISS[1] data key, ISS[0] B key. */
uint64_t esr_expect_pac_fail(bool data_key, bool b_key)
{
	return esr_make(ESR_EC_FPAC, true, (data_key ? 2u : 0u) | (b_key ? 1u : 0u), 0);
}

uint64_t esr_expect_sve_access(void)
{
	return esr_make(ESR_EC_SVE, true, 0, 0);
}

uint64_t esr_expect_breakpoint(bool lower_el)
{
	return esr_make(lower_el ? ESR_EC_BREAKPT_LOW : ESR_EC_BREAKPT_CUR, true, ESR_FSC_DEBUG, 0);
}

uint64_t esr_expect_watchpoint(bool lower_el, bool is_write)
{
	uint32_t iss = ESR_FSC_DEBUG | (is_write ? (uint32_t)ESR_ISS_DABT_WNR : 0);

	return esr_make(lower_el ? ESR_EC_WATCHPT_LOW : ESR_EC_WATCHPT_CUR, true, iss, 0);
}

uint64_t esr_expect_softstep(bool lower_el, bool isv, bool ex)
{
	uint32_t iss = ESR_FSC_DEBUG;

	if (isv) {
		iss |= (uint32_t)ESR_ISS_SS_ISV | (ex ? (uint32_t)ESR_ISS_SS_EX : 0);
	}
	return esr_make(lower_el ? ESR_EC_SOFTSTP_LOW : ESR_EC_SOFTSTP_CUR, true, iss, 0);
}

bool watchpoint_far_ok(uint64_t far, uint64_t addr, uint64_t zva_bytes)
{
	return (far & ~(zva_bytes - 1)) == (addr & ~(zva_bytes - 1));
}

/* VSESR_EL2: IDS is bit 24, ISS bits [23:0]; both land in ESR_EL1 unchanged. */
uint64_t esr_expect_serror_virtual(bool have_ras, uint64_t vsesr)
{
	return esr_make(ESR_EC_SERROR, true, have_ras ? (uint32_t)(vsesr & 0x1ffffff) : 0, 0);
}

uint64_t serror_virtual_mask(bool have_ras)
{
	return have_ras ? 0xffffffffULL : 0xfe000000ULL;
}

uint64_t esr_expect_sea(bool lower_el, bool is_write)
{
	uint32_t iss = ESR_FSC_SEA | (is_write ? (uint32_t)ESR_ISS_DABT_WNR : 0);

	return esr_make(lower_el ? ESR_EC_DABT_LOW : ESR_EC_DABT_CUR, true, iss, 0);
}

uint64_t sea_defined_mask(void)
{
	return 0xffffffffULL & ~(ESR_ISS_ABT_EA | ESR_ISS_ABT_FNV |
				 (ESR_ISS_ABT_SET_MASK << ESR_ISS_ABT_SET_SHIFT));
}

/* AArch64.FaultSyndrome() for a stage-1 fault to EL1: no instruction syndrome (ISV 0). */
uint64_t esr_expect_dabt_s1_cur(unsigned fsc, bool is_write)
{
	return esr_make(ESR_EC_DABT_CUR, true,
			(fsc & ESR_ISS_ABT_FSC_MASK) | (is_write ? ESR_ISS_DABT_WNR : 0), 0);
}
