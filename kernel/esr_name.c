/* SPDX-License-Identifier: MIT */
/*
 * ESR_ELx decoding into words (see esr_name.h). Tables are indexed by the field value, so a
 * lookup is one bounds check; unlisted slots are NULL and read as "RESERVED"/"reserved".
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "strbuf.h"

#include "arch/esr.h"
#include "esr_name.h"

/* Arm ARM (DDI 0487), ESR_EL2.EC: every allocated Exception Class. */
static const char *const ec_names[ESR_EC_MAX + 1] = {
	[ESR_EC_UNKNOWN] = "UNKNOWN",
	[ESR_EC_WFX] = "WFx",
	[ESR_EC_CP15_32] = "CP15_32",
	[ESR_EC_CP15_64] = "CP15_64",
	[ESR_EC_CP14_MR] = "CP14_MR",
	[ESR_EC_CP14_LS] = "CP14_LS",
	[ESR_EC_FP_ASIMD] = "FP_ASIMD",
	[ESR_EC_CP10_ID] = "CP10_ID",
	[ESR_EC_PAC] = "PAC",
	[ESR_EC_OTHER] = "OTHER",
	[ESR_EC_CP14_64] = "CP14_64",
	[ESR_EC_BTI] = "BTI",
	[ESR_EC_ILL] = "ILL",
	[ESR_EC_SVC32] = "SVC32",
	[ESR_EC_HVC32] = "HVC32",
	[ESR_EC_SMC32] = "SMC32",
	[ESR_EC_SVC64] = "SVC64",
	[ESR_EC_HVC64] = "HVC64",
	[ESR_EC_SMC64] = "SMC64",
	[ESR_EC_SYS64] = "SYS64",
	[ESR_EC_SVE] = "SVE",
	[ESR_EC_ERET] = "ERET",
	[ESR_EC_TSTART] = "TSTART",
	[ESR_EC_FPAC] = "FPAC",
	[ESR_EC_SME] = "SME",
	[ESR_EC_GPC] = "GPC",
	[ESR_EC_IMP_DEF] = "IMP_DEF",
	[ESR_EC_IABT_LOW] = "IABT_LOW",
	[ESR_EC_IABT_CUR] = "IABT_CUR",
	[ESR_EC_PC_ALIGN] = "PC_ALIGN",
	[ESR_EC_DABT_LOW] = "DABT_LOW",
	[ESR_EC_DABT_CUR] = "DABT_CUR",
	[ESR_EC_SP_ALIGN] = "SP_ALIGN",
	[ESR_EC_MOPS] = "MOPS",
	[ESR_EC_FP_EXC32] = "FP_EXC32",
	[ESR_EC_FP_EXC64] = "FP_EXC64",
	[ESR_EC_GCS] = "GCS",
	[ESR_EC_SERROR] = "SERROR",
	[ESR_EC_BREAKPT_LOW] = "BREAKPT_LOW",
	[ESR_EC_BREAKPT_CUR] = "BREAKPT_CUR",
	[ESR_EC_SOFTSTP_LOW] = "SOFTSTP_LOW",
	[ESR_EC_SOFTSTP_CUR] = "SOFTSTP_CUR",
	[ESR_EC_WATCHPT_LOW] = "WATCHPT_LOW",
	[ESR_EC_WATCHPT_CUR] = "WATCHPT_CUR",
	[ESR_EC_BKPT32] = "BKPT32",
	[ESR_EC_VECTOR32] = "VECTOR32",
	[ESR_EC_BRK64] = "BRK64",
};

/* Arm ARM (DDI 0487), ESR_EL2, Data Abort ISS, DFSC bits [5:0]. */
static const char *const fsc_names[ESR_ISS_ABT_FSC_MASK + 1] = {
	[ESR_FSC_ADDR_SIZE(0)] = "address size fault, level 0",
	[ESR_FSC_ADDR_SIZE(1)] = "address size fault, level 1",
	[ESR_FSC_ADDR_SIZE(2)] = "address size fault, level 2",
	[ESR_FSC_ADDR_SIZE(3)] = "address size fault, level 3",
	[ESR_FSC_TRANS(0)] = "translation fault, level 0",
	[ESR_FSC_TRANS(1)] = "translation fault, level 1",
	[ESR_FSC_TRANS(2)] = "translation fault, level 2",
	[ESR_FSC_TRANS(3)] = "translation fault, level 3",
	[ESR_FSC_ACCESS(0)] = "access flag fault, level 0",
	[ESR_FSC_ACCESS(1)] = "access flag fault, level 1",
	[ESR_FSC_ACCESS(2)] = "access flag fault, level 2",
	[ESR_FSC_ACCESS(3)] = "access flag fault, level 3",
	[ESR_FSC_PERM(0)] = "permission fault, level 0",
	[ESR_FSC_PERM(1)] = "permission fault, level 1",
	[ESR_FSC_PERM(2)] = "permission fault, level 2",
	[ESR_FSC_PERM(3)] = "permission fault, level 3",
	[ESR_FSC_SEA] = "synchronous external abort",
	[ESR_FSC_TAG_CHECK] = "synchronous tag check fault",
	[ESR_FSC_SEA_TTW_LM2] = "synchronous external abort on table walk, level -2",
	[ESR_FSC_SEA_TTW_LM1] = "synchronous external abort on table walk, level -1",
	[ESR_FSC_SEA_TTW(0)] = "synchronous external abort on table walk, level 0",
	[ESR_FSC_SEA_TTW(1)] = "synchronous external abort on table walk, level 1",
	[ESR_FSC_SEA_TTW(2)] = "synchronous external abort on table walk, level 2",
	[ESR_FSC_SEA_TTW(3)] = "synchronous external abort on table walk, level 3",
	[ESR_FSC_PARITY] = "synchronous parity/ECC error",
	[ESR_FSC_PARITY_TTW_LM1] = "synchronous parity/ECC error on table walk, level -1",
	[ESR_FSC_PARITY_TTW(0)] = "synchronous parity/ECC error on table walk, level 0",
	[ESR_FSC_PARITY_TTW(1)] = "synchronous parity/ECC error on table walk, level 1",
	[ESR_FSC_PARITY_TTW(2)] = "synchronous parity/ECC error on table walk, level 2",
	[ESR_FSC_PARITY_TTW(3)] = "synchronous parity/ECC error on table walk, level 3",
	[ESR_FSC_ALIGN] = "alignment fault",
	[ESR_FSC_GPF_TTW_LM2] = "granule protection fault on table walk, level -2",
	[ESR_FSC_GPF_TTW_LM1] = "granule protection fault on table walk, level -1",
	[ESR_FSC_GPF_TTW(0)] = "granule protection fault on table walk, level 0",
	[ESR_FSC_GPF_TTW(1)] = "granule protection fault on table walk, level 1",
	[ESR_FSC_GPF_TTW(2)] = "granule protection fault on table walk, level 2",
	[ESR_FSC_GPF_TTW(3)] = "granule protection fault on table walk, level 3",
	[ESR_FSC_GPF] = "granule protection fault",
	[ESR_FSC_ADDR_SIZE_LM1] = "address size fault, level -1",
	[ESR_FSC_TRANS_LM2] = "translation fault, level -2",
	[ESR_FSC_TRANS_LM1] = "translation fault, level -1",
	[ESR_FSC_ADDR_SIZE_LM2] = "address size fault, level -2",
	[ESR_FSC_TLB_CONFLICT] = "TLB conflict abort",
	[ESR_FSC_ATOMIC_HW_UPD] = "unsupported atomic hardware update fault",
	[ESR_FSC_IMPDEF_LOCKDOWN] = "IMPLEMENTATION DEFINED fault (lockdown)",
	[ESR_FSC_IMPDEF_EXCL] = "IMPLEMENTATION DEFINED fault (unsupported exclusive or atomic)",
	[ESR_FSC_DOMAIN_SECTION] = "section domain fault",
	[ESR_FSC_DOMAIN_PAGE] = "page domain fault",
};

static const char *const wfx_ti_names[ESR_ISS_WFX_TI_MASK + 1] = {
	[ESR_WFX_TI_WFI] = "WFI",
	[ESR_WFX_TI_WFE] = "WFE",
	[ESR_WFX_TI_WFIT] = "WFIT",
	[ESR_WFX_TI_WFET] = "WFET",
};

const char *esr_ec_name(unsigned ec)
{
	if (ec > ESR_EC_MAX || ec_names[ec] == NULL) {
		return "RESERVED";
	}
	return ec_names[ec];
}

const char *esr_dfsc_name(unsigned fsc)
{
	if (fsc > ESR_ISS_ABT_FSC_MASK || fsc_names[fsc] == NULL) {
		return "reserved";
	}
	return fsc_names[fsc];
}

static unsigned iss_bit(uint32_t iss, uint64_t bit)
{
	return (iss & bit) != 0;
}

/* Optional abort fields, printed only when set so the common line stays short. */
static void put_abt_extras(struct strbuf *o, uint32_t iss, bool data)
{
	unsigned set = (unsigned)esr_field(iss, ESR_ISS_ABT_SET_SHIFT, ESR_ISS_ABT_SET_MASK);

	if (data && iss_bit(iss, ESR_ISS_DABT_VNCR)) {
		strbuf_printf(o, " VNCR=1");
	}
	if (set != 0) {
		strbuf_printf(o, " SET=%u", set);
	}
	if (iss_bit(iss, ESR_ISS_ABT_FNV)) {
		strbuf_printf(o, " FnV=1");
	}
	if (iss_bit(iss, ESR_ISS_ABT_EA)) {
		strbuf_printf(o, " EA=1");
	}
	if (data && iss_bit(iss, ESR_ISS_DABT_CM)) {
		strbuf_printf(o, " CM=1");
	}
}

/* Data Abort ISS (Arm ARM, "ISS encoding for an exception from a Data Abort"). */
static void put_dabt(struct strbuf *o, uint32_t iss)
{
	unsigned fsc = (unsigned)(iss & ESR_ISS_ABT_FSC_MASK);

	strbuf_printf(o, " ISV=%u", iss_bit(iss, ESR_ISS_DABT_ISV));
	if (iss & ESR_ISS_DABT_ISV) {
		strbuf_printf(
			o, " SAS=%u SSE=%u SRT=%u SF=%u AR=%u",
			(unsigned)esr_field(iss, ESR_ISS_DABT_SAS_SHIFT, ESR_ISS_DABT_SAS_MASK),
			iss_bit(iss, ESR_ISS_DABT_SSE),
			(unsigned)esr_field(iss, ESR_ISS_DABT_SRT_SHIFT, ESR_ISS_DABT_SRT_MASK),
			iss_bit(iss, ESR_ISS_DABT_SF), iss_bit(iss, ESR_ISS_DABT_AR));
	}
	put_abt_extras(o, iss, true);
	strbuf_printf(o, " WnR=%u S1PTW=%u DFSC=0x%02x (%s)", iss_bit(iss, ESR_ISS_DABT_WNR),
		      iss_bit(iss, ESR_ISS_ABT_S1PTW), fsc, esr_dfsc_name(fsc));
}

/* Instruction Abort ISS (Arm ARM, "ISS encoding for an exception from an Instruction Abort"). */
static void put_iabt(struct strbuf *o, uint32_t iss)
{
	unsigned fsc = (unsigned)(iss & ESR_ISS_ABT_FSC_MASK);

	put_abt_extras(o, iss, false);
	strbuf_printf(o, " S1PTW=%u IFSC=0x%02x (%s)", iss_bit(iss, ESR_ISS_ABT_S1PTW), fsc,
		      esr_dfsc_name(fsc));
}

/* WF* ISS (Arm ARM, "ISS encoding for an exception from a WF* instruction"). */
static void put_wfx(struct strbuf *o, uint32_t iss)
{
	unsigned ti = (unsigned)(iss & ESR_ISS_WFX_TI_MASK);

	strbuf_printf(o, " TI=%s CV=%u COND=0x%x", wfx_ti_names[ti], iss_bit(iss, ESR_ISS_CV),
		      (unsigned)esr_field(iss, ESR_ISS_COND_SHIFT, ESR_ISS_COND_MASK));
	if (iss & ESR_ISS_WFX_RV) {
		strbuf_printf(o, " RV=1 RN=%u",
			      (unsigned)esr_field(iss, ESR_ISS_WFX_RN_SHIFT, ESR_ISS_WFX_RN_MASK));
	}
}

/* MSR/MRS/SYS ISS (Arm ARM, "ISS encoding for an exception from MSR, MRS, or System ..."). */
static void put_sys64(struct strbuf *o, uint32_t iss)
{
	strbuf_printf(o, " op0=%u op1=%u CRn=%u CRm=%u op2=%u Rt=%u dir=%s",
		      (unsigned)esr_field(iss, ESR_ISS_SYS64_OP0_SHIFT, ESR_ISS_SYS64_OP0_MASK),
		      (unsigned)esr_field(iss, ESR_ISS_SYS64_OP1_SHIFT, ESR_ISS_SYS64_OP1_MASK),
		      (unsigned)esr_field(iss, ESR_ISS_SYS64_CRN_SHIFT, ESR_ISS_SYS64_CRN_MASK),
		      (unsigned)esr_field(iss, ESR_ISS_SYS64_CRM_SHIFT, ESR_ISS_SYS64_CRM_MASK),
		      (unsigned)esr_field(iss, ESR_ISS_SYS64_OP2_SHIFT, ESR_ISS_SYS64_OP2_MASK),
		      (unsigned)esr_field(iss, ESR_ISS_SYS64_RT_SHIFT, ESR_ISS_SYS64_RT_MASK),
		      (iss & ESR_ISS_SYS64_DIR_READ) ? "read" : "write");
}

int esr_describe(uint64_t esr, char *buf, size_t len)
{
	struct strbuf o = STRBUF(buf, len);
	unsigned ec = esr_ec(esr);
	uint32_t iss = esr_iss(esr);

	if (len != 0) {
		buf[0] = '\0';
	}
	strbuf_printf(&o, "EC=0x%02x %s IL=%u", ec, esr_ec_name(ec), esr_il(esr));
	switch (ec) {
	case ESR_EC_DABT_LOW:
	case ESR_EC_DABT_CUR:
		put_dabt(&o, iss);
		break;
	case ESR_EC_IABT_LOW:
	case ESR_EC_IABT_CUR:
		put_iabt(&o, iss);
		break;
	case ESR_EC_WFX:
		put_wfx(&o, iss);
		break;
	case ESR_EC_SYS64:
		put_sys64(&o, iss);
		break;
	case ESR_EC_SVC32:
	case ESR_EC_HVC32:
	case ESR_EC_SVC64:
	case ESR_EC_HVC64:
	case ESR_EC_SMC64:
	case ESR_EC_BRK64:
		strbuf_printf(&o, " imm16=0x%04x", (unsigned)(iss & ESR_ISS_IMM16_MASK));
		break;
	default:
		strbuf_printf(&o, " ISS=0x%07x", (unsigned)iss);
		break;
	}
	if (esr_iss2(esr) != 0) {
		strbuf_printf(&o, " ISS2=0x%06x", (unsigned)esr_iss2(esr));
	}
	return (int)o.pos;
}
