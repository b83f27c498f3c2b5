/* SPDX-License-Identifier: MIT */
/*
 * trap.fgt: FEAT_FGT fine-grained traps, from the one table in fgt_traps.h, run through the
 * sysreg trap machinery (sysreg_trap.h): per row, the bit set (trap: EC 0x18 with the exact
 * ISS, ELR_EL2 = the access, reads emulated) and clear (the access executes at EL1 with its
 * effect), Rt in {x0, x17, x30, xzr}. Every other FGT bit stays at its neutral value.
 *
 * The rule (Arm ARM D24.2 HFGRTR_EL2 etc., and the register pseudocode): when EL2 is enabled
 * and (EL3 is not implemented or SCR_EL3.FGTEn = 1), an EL1 access whose FGT bit is 1 (0 for an
 * nXXX bit) is trapped to EL2 with EC 0x18.
 *
 * trap.fgt.insn: the HFGITR_EL2 bits on instructions that are not MSR/MRS/SYS: ERET, ERETAA,
 * ERETAB (bit 51, EC 0x1A), SVC from EL1 and EL0 (bits 53, 52, EC 0x15, ELR_EL2 = the SVC).
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/sysreg.h"
#include "esr_model.h"
#include "cpu_id.h"
#include "hvc.h"
#include "nv_model.h"
#include "sysreg_trap.h"

#define FGTREG_hfgrtr  FGT_HFGRTR
#define FGTREG_hfgwtr  FGT_HFGWTR
#define FGTREG_hfgitr  FGT_HFGITR
#define FGTREG_hdfgrtr FGT_HDFGRTR
#define FGTREG_hdfgwtr FGT_HDFGWTR
#define POL_p	       ""
#define POL_n	       "n"

#define CTL_FGT_(reg, bit, needs, hcr)                                                             \
	{                                                                                          \
		CTL_FGT, FGT_BIT(bit), CPU_##needs, false, FGTREG_##reg, hcr                       \
	}

/* EL1's view of ICC_IGRPEN1_EL1 with HCR_EL2.IMO = 1 is ICV_IGRPEN1_EL1 = ICH_VMCR_EL2.VENG1. */
static uint64_t el2_read_icv_igrpen1(void)
{
	return (read_ich_vmcr_el2() >> 1) & 1;
}

/* One EL2 reader per readable row. */
#define FGT_READ(n, op0, op1, crn, crm, op2, ...)                                                  \
	static uint64_t el2_read_fgt_##n(void)                                                     \
	{                                                                                          \
		return SYSREG_READ_ENC(op0, op1, crn, crm, op2);                                   \
	}
#define FGT_READ_ICV(n, ...)                                                                       \
	static uint64_t el2_read_fgt_##n(void)                                                     \
	{                                                                                          \
		return el2_read_icv_igrpen1();                                                     \
	}
#define FGT_WRITE(n, op0, op1, crn, crm, op2, ...)                                                 \
	static uint64_t el2_read_fgtw_##n(void)                                                    \
	{                                                                                          \
		return SYSREG_READ_ENC(op0, op1, crn, crm, op2);                                   \
	}
#define FGT_WO(...)
#define FGT_SYS(...)
#include "fgt_traps.h"
#undef FGT_READ
#undef FGT_READ_ICV
#undef FGT_WRITE
#undef FGT_WO
#undef FGT_SYS

#define TRAPPED_trap   true
#define TRAPPED_notrap false
#define KIND_SYS_sr    false
#define KIND_SYS_sw    false
#define KIND_SYS_ss    true

/* One instance: [<reg>.<n?><bit>][<dir>,<name>,<rt>][trap|notrap]. */
#define ROW(n, op0_, op1_, crn_, crm_, op2_, reg, bit, pol, needs, hcr, w, dir, rtname, rtnum,     \
	    trap, val, kind, reader, wo_)                                                          \
	{                                                                                          \
		"[" #reg "." POL_##pol #bit "][" dir "," #n "," #rtname "][" #trap "]", op0_,      \
			op1_, crn_, crm_, op2_, w, KIND_SYS_##kind, TRAPPED_##trap, rtnum,         \
			CTL_FGT_(reg, bit, needs, hcr), val, GSYM(gp_##kind##_fgt_##n##_##rtname), \
			GSYM(gl_##kind##_fgt_##n##_##rtname), reader, wo_                          \
	}
/* ROW with the trap/notrap argument last: rearranged by ROWS_T. */
#define ROW_T(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, w, dir, rtname, rtnum, val,   \
	      kind, reader, wo, trap)                                                              \
	ROW(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, w, dir, rtname, rtnum, trap,    \
	    val, kind, reader, wo)
#define ROWS_T(...) ROW_T(__VA_ARGS__, trap), ROW_T(__VA_ARGS__, notrap)
#define ROWS_RT(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, w, dir, val, kind, reader,  \
		wo)                                                                                \
	ROWS_T(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, w, dir, x0, 0, val, kind,    \
	       reader, wo),                                                                        \
		ROWS_T(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, w, dir, x17, 17,     \
		       val, kind, reader, wo),                                                     \
		ROWS_T(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, w, dir, x30, 30,     \
		       val, kind, reader, wo)
#define ROWS_XZR(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, w, dir, kind, reader, wo)  \
	ROWS_T(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, w, dir, xzr, 31, 0, kind,    \
	       reader, wo)

static const struct sysreg_row fgt_rows[] = {
#define FGT_READ(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr)                            \
	ROWS_RT(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, false, "mrs", 0, sr,        \
		el2_read_fgt_##n, false),                                                          \
		ROWS_XZR(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, false, "mrs", sr,  \
			 el2_read_fgt_##n, false),
#define FGT_READ_ICV FGT_READ
#define FGT_WRITE(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, val, zero_ok)             \
	ROWS_RT(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, true, "msr", val, sw,       \
		el2_read_fgtw_##n, false),                                                         \
		FGT_WRITE_XZR_##zero_ok(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr)
#define FGT_WRITE_XZR_0(...)
#define FGT_WRITE_XZR_1(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr)                     \
	ROWS_XZR(n, op0, op1, crn, crm, op2, reg, bit, pol, needs, hcr, true, "msr", sw,           \
		 el2_read_fgtw_##n, false),
#define FGT_WO(n, op0, op1, crn, crm, op2, reg, bit, needs, val)                                   \
	ROWS_RT(n, op0, op1, crn, crm, op2, reg, bit, p, needs, 0, true, "msr", val, sw, NULL,     \
		true),                                                                             \
		ROWS_XZR(n, op0, op1, crn, crm, op2, reg, bit, p, needs, 0, true, "msr", sw, NULL, \
			 true),
#define FGT_SYS(n, op1, crn, crm, op2, bit, needs, hcr, val, uses_rt)                              \
	FGT_SYS_RT_##uses_rt(n, op1, crn, crm, op2, bit, needs, hcr, val)
#define FGT_SYS_RT_0(n, op1, crn, crm, op2, bit, needs, hcr, val)                                  \
	ROWS_XZR(n, 1, op1, crn, crm, op2, hfgitr, bit, p, needs, hcr, true, "sys", ss, NULL,      \
		 false),
#define FGT_SYS_RT_1(n, op1, crn, crm, op2, bit, needs, hcr, val)                                  \
	ROWS_RT(n, 1, op1, crn, crm, op2, hfgitr, bit, p, needs, hcr, true, "sys", val, ss, NULL,  \
		false),
#include "fgt_traps.h"
};

SCENARIO(
	trap_fgt, .id = "trap.fgt",
	.rule = "FEAT_FGT: with EL2 enabled (and no EL3, or SCR_EL3.FGTEn = 1), an EL1 MRS/MSR/SYS "
		"whose HFGRTR/HFGWTR/HFGITR/HDFGRTR/HDFGWTR_EL2 bit is 1 (0 for an nXXX bit) traps "
		"to EL2 (EC 0x18, IL 1, ISS Op0/Op2/Op1/CRn/Rt/CRm/Direction, ELR_EL2 = the "
		"instruction); with the bit at its non-trapping value it executes at EL1",
	SCENARIO_ROWS(fgt_rows), .requires = sysreg_trap_requires, .run = sysreg_trap_run,
	.ec = "0x18", .row_control = sc_row_control_from_name, .row_fields = sysreg_trap_fields);

/* trap.fgt.insn: ERET family and SVC under HFGITR_EL2. */
enum insn_kind { INSN_ERET, INSN_SVC_EL1, INSN_SVC_EL0 };

struct insn_row {
	const char *name;
	enum insn_kind kind;
	unsigned bit;
	bool pac, key_b; /* ERETAA / ERETAB */
	bool trapped;
	uint64_t payload, insn;
};

#define ERET_ROWS(n, pac, key_b)                                                                   \
	{"[hfgitr.51][" #n "][trap]",                                                              \
	 INSN_ERET,                                                                                \
	 51,                                                                                       \
	 pac,                                                                                      \
	 key_b,                                                                                    \
	 true,                                                                                     \
	 GSYM(gp_fgt_##n),                                                                         \
	 GSYM(gl_fgt_##n)},                                                                        \
	{                                                                                          \
		"[hfgitr.51][" #n "][notrap]", INSN_ERET, 51, pac, key_b, false, GSYM(gp_fgt_##n), \
			GSYM(gl_fgt_##n)                                                           \
	}

static const struct insn_row insn_rows[] = {
	ERET_ROWS(eret, false, false),
	ERET_ROWS(eretaa, true, false),
	ERET_ROWS(eretab, true, true),
	{"[hfgitr.53][svc_el1][trap]", INSN_SVC_EL1, 53, false, false, true, GSYM(gp_fgt_svc_el1),
	 GSYM(gl_fgt_svc_el1)},
	{"[hfgitr.53][svc_el1][notrap]", INSN_SVC_EL1, 53, false, false, false,
	 GSYM(gp_fgt_svc_el1), GSYM(gl_fgt_svc_el1)},
	{"[hfgitr.52][svc_el0][trap]", INSN_SVC_EL0, 52, false, false, true, GSYM(gp_svc_el0),
	 GSYM(gl_svc_el0)},
	{"[hfgitr.52][svc_el0][notrap]", INSN_SVC_EL0, 52, false, false, false, GSYM(gp_svc_el0),
	 GSYM(gl_svc_el0)},
};

/* SVC #imm of each payload (guest/fgt.S gp_fgt_svc_el1, guest/payloads.S gp_svc_el0). */
static uint16_t svc_imm(const struct insn_row *r)
{
	return r->kind == INSN_SVC_EL1 ? 0x43 : 0x42;
}

/* Not trapped: the SVC is taken at EL1 (vector 0x200 from EL1, 0x400 from EL0). */
static void expect_el1_svc(struct scenario_ctx *c, const struct insn_row *r)
{
	uint64_t v;

	if (sc_report(c, GREPORT_VECTOR, &v)) {
		sc_expect_u64(c, "vector_offset", v, r->kind == INSN_SVC_EL1 ? 0x200 : 0x400);
	}
	if (sc_report(c, GREPORT_ESR_EL1, &v)) {
		sc_expect_u64(c, "esr_el1", v, esr_expect_svc64(svc_imm(r)));
	}
	if (sc_report(c, GREPORT_ELR_EL1, &v)) {
		sc_expect_u64(c, "elr_el1", v, r->insn + 4);
	}
}

static void run_insn(struct scenario_ctx *c, const void *row)
{
	const struct insn_row *r = row;
	struct sc_setup setup = {.payload = r->payload, .vcpu.hcr = r->pac ? HCR_API | HCR_APK : 0};

	setup.vcpu.fgt[FGT_HFGITR] = r->trapped ? FGT_BIT(r->bit) : 0;
	if (!sc_start(c, &setup)) {
		return;
	}
	if (r->kind != INSN_ERET) {
		sc_expect_el1_exceptions(c);
	}
	struct exit e = sc_run(c);

	if (r->trapped) {
		/* ERET*: AArch64.CheckForERetTrap; SVC: AArch64.CheckForSVCTrap, return = the SVC.
		 */
		uint64_t esr = r->kind == INSN_ERET ? esr_expect_eret(r->pac, r->key_b)
						    : esr_expect_svc64(svc_imm(r));

		if (!sc_expect_exit(c, &e, EXIT_TRAP, esr, r->insn)) {
			return;
		}
		if (r->kind == INSN_SVC_EL0) {
			return; /* nothing after the EL0 SVC: the trap was the point */
		}
		vcpu_skip_insn(sc_vcpu(c)); /* ERET*: its target is the next instruction */
		e = sc_run(c);
		sc_expect_done(c, &e, 0);
		return;
	}
	if (sc_expect_done(c, &e, 0) && r->kind != INSN_ERET) {
		expect_el1_svc(c, r);
	}
}

static const char *insn_requires(const void *row, char *why, size_t len)
{
	const struct insn_row *r = row;
	const char *skip = cpu_requires(CPU_FGT, why, len);

	return skip ? skip : cpu_requires(r->pac ? CPU_PAUTH : CPU_ANY, why, len);
}

SCENARIO(trap_fgt_insn, .id = "trap.fgt.insn",
	 .rule = "HFGITR_EL2.ERET = 1 traps ERET/ERETAA/ERETAB at EL1 (EC 0x1A, ISS.ERET = PAC "
		 "form, ISS.ERETA = key B); SVC_EL1/SVC_EL0 = 1 trap SVC from EL1/EL0 (EC 0x15, "
		 "ISS = imm16, ELR_EL2 = the SVC itself); = 0: the instruction executes",
	 SCENARIO_ROWS(insn_rows), .requires = insn_requires, .run = run_insn, .ec = "0x1A 0x15",
	 .control = "HFGITR_EL2.{ERET,SVC_EL1,SVC_EL0}",
	 .fields = "+-HFGITR_EL2.ERET +-HFGITR_EL2.SVC_EL1 +-HFGITR_EL2.SVC_EL0");
