/* SPDX-License-Identifier: MIT */
/*
 * Syndrome oracle for traps from AArch32 (see esr_aarch32_model.h). References are to the Arm
 * ARM, DDI 0487: ESR_EL2 and its "ISS encoding for an exception from ..." subsections, and the
 * pseudocode functions ConditionSyndrome(), AArch32.AArch32SystemAccessTrapSyndrome() and
 * AArch64.ExceptionClass().
 */
#include <stdbool.h>
#include <stdint.h>

#include "arch/esr.h"
#include "arch/psr32.h"
#include "esr_aarch32_model.h"

#define ESR_ALL (~0ULL)
#define COND(c) (((uint64_t)(c)&ESR_ISS_COND_MASK) << ESR_ISS_COND_SHIFT)

bool esr_set_contains(const struct esr_set *set, uint64_t esr)
{
	for (unsigned i = 0; i < set->count; i++) {
		if ((esr & set->alt[i].mask) == set->alt[i].value) {
			return true;
		}
	}
	return false;
}

unsigned aarch32_reg_view64(unsigned mode, unsigned r)
{
	/* SP and LR per mode; R8-R12 are banked only in FIQ mode. */
	static const struct {
		uint8_t mode, sp, lr;
	} banked[] = {
		{PSR32_M_USR, 13, 14}, {PSR32_M_SYS, 13, 14}, {PSR32_M_HYP, 15, 14},
		{PSR32_M_IRQ, 17, 16}, {PSR32_M_SVC, 19, 18}, {PSR32_M_ABT, 21, 20},
		{PSR32_M_UND, 23, 22}, {PSR32_M_FIQ, 29, 30},
	};

	if (r == 15) {
		return 31;
	}
	for (unsigned i = 0; i < sizeof(banked) / sizeof(banked[0]); i++) {
		if (banked[i].mode != mode) {
			continue;
		}
		if (r <= 7) {
			return r;
		}
		if (r <= 12) {
			return mode == PSR32_M_FIQ ? r + 16 : r;
		}
		return r == 13 ? banked[i].sp : r == 14 ? banked[i].lr : AARCH32_REG_NONE;
	}
	return AARCH32_REG_NONE;
}

/*
 * ConditionSyndrome() for an instruction that passed its condition check: the CV:COND values
 * (ISS[24:20]) permitted, as alternatives over @base (see the header for the rule).
 */
static struct esr_set with_condition(const struct a32_issue *is, uint64_t base)
{
	struct esr_set s = {0};
	unsigned cond = is->cond & ESR_ISS_COND_MASK;

	s.alt[s.count++] = (struct esr_alt){base | ESR_ISS_CV | COND(cond), ESR_ALL};
	if (cond != ESR_COND_AL) {
		s.alt[s.count++] = (struct esr_alt){base | ESR_ISS_CV | COND(ESR_COND_AL), ESR_ALL};
	}
	if (is->t32) {
		/* CV = 0: COND is UNKNOWN, so it is not compared. */
		s.alt[s.count++] = (struct esr_alt){base, ESR_ALL & ~COND(ESR_ISS_COND_MASK)};
	}
	return s;
}

/* AArch64.ExceptionClass(): IL = 1 unless the instruction is a 16-bit T32 one. */
static uint64_t trap_base(unsigned ec, const struct a32_issue *is, uint32_t iss)
{
	return esr_make(ec, !is->t16, iss, 0);
}

struct esr_set esr_expect_a32_wfx(const struct a32_issue *is, unsigned ti)
{
	return with_condition(is, trap_base(ESR_EC_WFX, is, ti & 1));
}

struct esr_set esr_expect_a32_mcr(unsigned ec, const struct a32_issue *is, unsigned opc1,
				  unsigned crn, unsigned crm, unsigned opc2, unsigned rt64,
				  bool is_read)
{
	uint32_t iss = (uint32_t)((opc2 & 7) << ESR_ISS_CP_OPC2_SHIFT |
				  (opc1 & 7) << ESR_ISS_CP_OPC1_SHIFT |
				  (crn & 0xf) << ESR_ISS_CP_CRN_SHIFT |
				  (rt64 & ESR_ISS_CP_RT_MASK) << ESR_ISS_CP_RT_SHIFT |
				  (crm & 0xf) << ESR_ISS_CP_CRM_SHIFT |
				  (is_read ? ESR_ISS_CP_DIR_READ : 0));

	return with_condition(is, trap_base(ec, is, iss));
}

struct esr_set esr_expect_a32_mcrr(unsigned ec, const struct a32_issue *is, unsigned opc1,
				   unsigned crm, unsigned rt64, unsigned rt2_64, bool is_read)
{
	uint32_t iss = (uint32_t)((opc1 & 0xf) << ESR_ISS_CP64_OPC1_SHIFT |
				  (rt2_64 & ESR_ISS_CP_RT_MASK) << ESR_ISS_CP64_RT2_SHIFT |
				  (rt64 & ESR_ISS_CP_RT_MASK) << ESR_ISS_CP_RT_SHIFT |
				  (crm & 0xf) << ESR_ISS_CP_CRM_SHIFT |
				  (is_read ? ESR_ISS_CP_DIR_READ : 0));

	return with_condition(is, trap_base(ec, is, iss));
}

/* VMRS is reported as "MRC p10, 7, Rt, <reg>, c0, 0". */
struct esr_set esr_expect_a32_vmrs(const struct a32_issue *is, unsigned reg, unsigned rt64)
{
	return esr_expect_a32_mcr(ESR_EC_CP10_ID, is, 7, reg, 0, 0, rt64, true);
}

struct esr_set esr_expect_a32_ldc_stc(const struct a32_issue *is, const struct a32_ldc *l)
{
	unsigned am = (l->literal ? 4u : 0u) | (l->p ? 2u : 0u) | (l->w ? 1u : 0u);
	uint32_t iss = (uint32_t)((l->imm8 & 0xff) << ESR_ISS_LDC_IMM8_SHIFT |
				  (l->add ? ESR_ISS_LDC_OFFSET_ADD : 0) |
				  am << ESR_ISS_LDC_AM_SHIFT | (l->load ? ESR_ISS_CP_DIR_READ : 0));
	uint64_t rn_field = ESR_ISS_CP_RT_MASK << ESR_ISS_CP_RT_SHIFT;

	if (!l->literal) {
		iss |= (uint32_t)((l->rn64 & ESR_ISS_CP_RT_MASK) << ESR_ISS_CP_RT_SHIFT);
	}
	struct esr_set s = with_condition(is, trap_base(ESR_EC_CP14_LS, is, iss));

	/* Literal forms: "this field is UNKNOWN". */
	for (unsigned i = 0; l->literal && i < s.count; i++) {
		s.alt[i].mask &= ~rn_field;
	}
	return s;
}

uint64_t esr_expect_hvc32(uint16_t imm16)
{
	return esr_make(ESR_EC_HVC32, true, imm16, 0);
}

struct esr_set esr_expect_smc32(const struct a32_issue *is)
{
	/* CCKNOWNPASS = 0: CV and COND are RES0. */
	struct esr_set s = {.count = 1, .alt = {{esr_make(ESR_EC_SMC32, true, 0, 0), ESR_ALL}}};

	if ((is->cond & ESR_ISS_COND_MASK) != ESR_COND_AL) {
		struct esr_set c = with_condition(
			is, esr_make(ESR_EC_SMC32, true, (uint32_t)ESR_ISS_SMC32_CCKNOWNPASS, 0));

		for (unsigned i = 0; i < c.count && s.count < ESR_SET_MAX; i++) {
			s.alt[s.count++] = c.alt[i];
		}
	}
	return s;
}

uint64_t esr_expect_a32_dabt_s2(const struct a32_dabt *a, unsigned fsc)
{
	uint64_t iss = (fsc & ESR_ISS_ABT_FSC_MASK) | ESR_ISS_DABT_ISV |
		       (uint64_t)(a->size_log2 & ESR_ISS_DABT_SAS_MASK) << ESR_ISS_DABT_SAS_SHIFT |
		       (uint64_t)(aarch32_reg_view64(a->mode, a->rt) & ESR_ISS_DABT_SRT_MASK)
			       << ESR_ISS_DABT_SRT_SHIFT;

	if (a->sign_extend && !a->is_write) {
		iss |= ESR_ISS_DABT_SSE;
	}
	if (a->is_write) {
		iss |= ESR_ISS_DABT_WNR;
	}
	return esr_make(ESR_EC_DABT_LOW, !a->t16, (uint32_t)iss, 0);
}
