/* SPDX-License-Identifier: MIT */
/*
 * trap.hcx: HCRX_EL2 (FEAT_HCX) trap controls. The vmm loads HCRX_EL2 on every entry when
 * ID_AA64MMFR1_EL1.HCX != 0 (its reset value is UNKNOWN) with the neutral value of
 * arch/hcrx.h: the enables of the implemented features set, every trap clear.
 * - trap.hcx.sysreg: hcx_traps.h through the sysreg trap machinery: TALLINT = 1 traps MSR
 *   ALLINT, Xt (FEAT_NMI); TCR2En/SCTLR2En = 0 trap TCR2_EL1/SCTLR2_EL1 (FEAT_TCR2/SCTLR2).
 * - trap.hcx.allint_imm: TALLINT = 1 traps MSR ALLINT, #1 (EC 0x18, ISS of an MSR (immediate):
 *   Op0 0, Op1 0b001, CRn 0b0100, CRm = the immediate, Op2 0b000, Rt 0b11111, Direction 0).
 * - trap.hcx.mscen: MSCEn = 0 makes the CPY and SET families UNDEFINED at EL1 (EC 0x00 on the
 * guest's vector, not a trap to EL2); = 1 they execute (FEAT_MOPS).
 * - trap.hcx.ls64: EnALS/EnASR/EnAS0 = 0 trap LD64B, ST64B / ST64BV / ST64BV0 (EC 0x0A).
 * - trap.hcx.fgtnxs: FGTnXS = 1 exempts the TLBI *NXS forms from the HFGITR_EL2 TLBI traps,
 *   which still apply to the plain forms (FEAT_XS with FEAT_FGT).
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/sysreg.h"
#include "cpu_id.h"
#include "esr_model.h"
#include "hcx_model.h"
#include "hvc.h"
#include "sysreg_trap.h"

#define HCX_READ(n, op0, op1, crn, crm, op2, ...)                                                  \
	static uint64_t el2_read_hcx_##n(void)                                                     \
	{                                                                                          \
		return SYSREG_READ_ENC(op0, op1, crn, crm, op2);                                   \
	}
#define HCX_WRITE(n, op0, op1, crn, crm, op2, ...)                                                 \
	static uint64_t el2_read_hcxw_##n(void)                                                    \
	{                                                                                          \
		return SYSREG_READ_ENC(op0, op1, crn, crm, op2);                                   \
	}
#include "hcx_traps.h"
#undef HCX_READ
#undef HCX_WRITE

#define HCXBIT_tallint	HCRX_TALLINT
#define HCXBIT_tcr2en	HCRX_TCR2EN
#define HCXBIT_sctlr2en HCRX_SCTLR2EN
#define TRAPPED_trap	true
#define TRAPPED_notrap	false

#define ROW(n, op0_, op1_, crn_, crm_, op2_, bit, needs, w, dir, kind, val, reader, rtname, rtnum, \
	    trap)                                                                                  \
	{                                                                                          \
		"[" #bit "][" dir "," #n "," #rtname "][" #trap "]", op0_, op1_, crn_, crm_, op2_, \
			w, false, TRAPPED_##trap, rtnum,                                           \
			{CTL_HCRX, HCXBIT_##bit, CPU_##needs, false, 0, 0}, val,                   \
			GSYM(gp_##kind##_hcx_##n##_##rtname),                                      \
			GSYM(gl_##kind##_hcx_##n##_##rtname), reader, false                        \
	}
#define ROWS_T(...) ROW(__VA_ARGS__, trap), ROW(__VA_ARGS__, notrap)
#define ROWS_RT(...)                                                                               \
	ROWS_T(__VA_ARGS__, x0, 0), ROWS_T(__VA_ARGS__, x17, 17), ROWS_T(__VA_ARGS__, x30, 30),    \
		ROWS_T(__VA_ARGS__, xzr, 31)

static const struct sysreg_row hcx_rows[] = {
#define HCX_READ(n, op0, op1, crn, crm, op2, bit, needs)                                           \
	ROWS_RT(n, op0, op1, crn, crm, op2, bit, needs, false, "mrs", sr, 0, el2_read_hcx_##n),
#define HCX_WRITE(n, op0, op1, crn, crm, op2, bit, needs, val)                                     \
	ROWS_RT(n, op0, op1, crn, crm, op2, bit, needs, true, "msr", sw, val, el2_read_hcxw_##n),
#include "hcx_traps.h"
};

SCENARIO(trap_hcx_sysreg, .id = "trap.hcx.sysreg",
	 .rule = "HCRX_EL2.TALLINT = 1 traps MSR ALLINT at EL1; HCRX_EL2.TCR2En/SCTLR2En = 0 trap "
		 "EL1 accesses to TCR2_EL1/SCTLR2_EL1 (EC 0x18, exact ISS, ELR_EL2 = the "
		 "instruction); otherwise the access executes",
	 SCENARIO_ROWS(hcx_rows), .requires = sysreg_trap_requires, .run = sysreg_trap_run,
	 .ec = "0x18", .control = "HCRX_EL2.{TALLINT,TCR2En,SCTLR2En}",
	 .row_fields = sysreg_trap_fields);

/* MSR ALLINT, #1: a sysreg row with the MSR (immediate) encoding and no read-back. */
static const struct sysreg_row allint_imm_rows[] = {
	{"[tallint][msr,allint,imm1][trap]",
	 0,
	 1,
	 4,
	 1,
	 0,
	 true,
	 true,
	 true,
	 31,
	 {CTL_HCRX, HCRX_TALLINT, CPU_NMI, false, 0, 0},
	 0,
	 GSYM(gp_hcx_allint_imm),
	 GSYM(gl_hcx_allint_imm),
	 NULL,
	 false},
	{"[tallint][msr,allint,imm1][notrap]",
	 0,
	 1,
	 4,
	 1,
	 0,
	 true,
	 true,
	 false,
	 31,
	 {CTL_HCRX, HCRX_TALLINT, CPU_NMI, false, 0, 0},
	 0,
	 GSYM(gp_hcx_allint_imm),
	 GSYM(gl_hcx_allint_imm),
	 NULL,
	 false},
};

SCENARIO(trap_hcx_allint_imm, .id = "trap.hcx.allint_imm",
	 .rule = "HCRX_EL2.TALLINT = 1 traps MSR ALLINT, #1 at EL1 (EC 0x18, ISS Op0 0, Op1 1, "
		 "CRn 4, CRm 1, Op2 0, Rt 31, Direction 0); = 0: it executes",
	 SCENARIO_ROWS(allint_imm_rows), .requires = sysreg_trap_requires, .run = sysreg_trap_run,
	 .ec = "0x18", .control = "HCRX_EL2.TALLINT", .row_fields = sysreg_trap_fields);

/* ---- MSCEn ------------------------------------------------------------------------------ */

#define MOPS_BUF  0x40090000ULL
#define MOPS_SIZE 64
#define MOPS_BYTE 0x5a

struct flag_row {
	const char *name;
	bool set; /* the control at its trapping value */
};

static const struct flag_row flag_rows[] = {{"[trap]", true}, {"[notrap]", false}};

static void run_mscen(struct scenario_ctx *c, const void *row)
{
	const struct flag_row *r = row;
	uint64_t v;

	/* HCR_EL2.DC: the guest's accesses are Normal memory, as CPY/SET expect. */
	if (!sc_start(c,
		      &(struct sc_setup){.payload = r->set ? GSYM(gp_hcx_setp) : GSYM(gp_hcx_mops),
					 .args = {MOPS_BUF, MOPS_SIZE, MOPS_BYTE},
					 .vcpu.hcr = HCR_DC,
					 .vcpu.hcrx = r->set ? HCRX_MSCEN : 0})) {
		return;
	}
	if (r->set) {
		sc_expect_el1_exceptions(c);
	}
	struct exit e = sc_run(c);

	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	if (!r->set) {
		if (sc_report(c, GREPORT_USER, &v)) {
			sc_expect_u64(c, "memory", v, 0x0101010101010101ULL * MOPS_BYTE);
		}
		return;
	}
	if (sc_report(c, GREPORT_VECTOR, &v)) {
		sc_expect_u64(c, "vector_offset", v, 0x200);
	}
	if (sc_report(c, GREPORT_ESR_EL1, &v)) {
		sc_expect_u64(c, "esr_el1", v, esr_expect_unknown());
	}
	if (sc_report(c, GREPORT_ELR_EL1, &v)) {
		sc_expect_u64(c, "elr_el1", v, GSYM(gl_hcx_setp));
	}
}

static const char *mscen_requires(const void *row, char *why, size_t len)
{
	const char *skip = cpu_requires(CPU_HCX, why, len);

	(void)row;
	return skip ? skip : cpu_requires(CPU_MOPS, why, len);
}

SCENARIO(trap_hcx_mscen, .id = "trap.hcx.mscen",
	 .rule = "HCRX_EL2.MSCEn = 0: SETP/CPYP and the other FEAT_MOPS instructions are UNDEFINED "
		 "at EL1 (EC 0x00, taken at EL1); = 1: SETP/SETM/SETE set the memory",
	 SCENARIO_ROWS(flag_rows), .requires = mscen_requires, .run = run_mscen, .ec = "0x00",
	 .control = "HCRX_EL2.MSCEn", .fields = "+-HCRX_EL2.MSCEn");

/* ---- FGTnXS ----------------------------------------------------------------------------- */

struct nxs_row {
	const char *name;
	bool fgtnxs;
	bool nxs_form;
	uint64_t payload, insn;
	uint8_t crn;
};

static const struct nxs_row nxs_rows[] = {
	{"[fgtnxs=1][tlbi_vmalle1nxs]", true, true, GSYM(gp_ss_fgt_tlbi_vmalle1nxs_xzr),
	 GSYM(gl_ss_fgt_tlbi_vmalle1nxs_xzr), 9},
	{"[fgtnxs=1][tlbi_vmalle1]", true, false, GSYM(gp_ss_fgt_tlbi_vmalle1_xzr),
	 GSYM(gl_ss_fgt_tlbi_vmalle1_xzr), 8},
	{"[fgtnxs=0][tlbi_vmalle1nxs]", false, true, GSYM(gp_ss_fgt_tlbi_vmalle1nxs_xzr),
	 GSYM(gl_ss_fgt_tlbi_vmalle1nxs_xzr), 9},
};

static void run_fgtnxs(struct scenario_ctx *c, const void *row)
{
	const struct nxs_row *r = row;
	struct sc_setup setup = {.payload = r->payload, .vcpu.hcrx = r->fgtnxs ? HCRX_FGTNXS : 0};

	/* HFGITR_EL2.TLBIVMALLE1, bit 42, set in every row. */
	setup.vcpu.fgt[FGT_HFGITR] = FGT_BIT(42);
	if (!sc_start(c, &setup)) {
		return;
	}
	struct exit e = sc_run(c);

	if (!r->fgtnxs || !r->nxs_form) {
		if (!sc_expect_exit(c, &e, EXIT_SYSREG,
				    esr_expect_sys64(1, 0, r->crn, 7, 0, 31, false), r->insn)) {
			return;
		}
		vcpu_skip_insn(sc_vcpu(c));
		e = sc_run(c);
	}
	sc_expect_done(c, &e, 0);
}

static const char *fgtnxs_requires(const void *row, char *why, size_t len)
{
	static const enum cpu_feature needs[] = {CPU_HCX, CPU_FGT, CPU_XS};
	const char *skip = NULL;

	(void)row;
	for (unsigned i = 0; i < 3 && !skip; i++) {
		skip = cpu_requires(needs[i], why, len);
	}
	return skip;
}

SCENARIO(trap_hcx_fgtnxs, .id = "trap.hcx.fgtnxs",
	 .rule = "HCRX_EL2.FGTnXS = 1: the HFGITR_EL2 TLBI traps do not apply to the TLBI *NXS "
		 "forms (they execute), but still trap the plain forms; FGTnXS = 0: both trap "
		 "(EC 0x18)",
	 SCENARIO_ROWS(nxs_rows), .requires = fgtnxs_requires, .run = run_fgtnxs, .ec = "0x18",
	 .control = "HCRX_EL2.FGTnXS", .fields = "+-HCRX_EL2.FGTnXS");

/* ---- EnALS / EnASR / EnAS0 (FEAT_LS64*) -------------------------------------------------- */

struct ls64_row {
	const char *name;
	enum ls64_insn insn;
	enum cpu_feature needs;
	bool trapped;
	uint64_t payload, at;
};

#define LS64_ROWS(n, insn, needs)                                                                  \
	{"[" #n "][trap]", insn, needs, true, GSYM(gp_hcx_##n), GSYM(gl_hcx_##n)},                 \
	{                                                                                          \
		"[" #n "][notrap]", insn, needs, false, GSYM(gp_hcx_##n), GSYM(gl_hcx_##n)         \
	}

static const struct ls64_row ls64_rows[] = {
	LS64_ROWS(ld64b, LS64_LD64B, CPU_LS64),
	LS64_ROWS(st64b, LS64_ST64B, CPU_LS64),
	LS64_ROWS(st64bv, LS64_ST64BV, CPU_LS64_V),
	LS64_ROWS(st64bv0, LS64_ST64BV0, CPU_LS64_ACCDATA),
};

static void run_ls64(struct scenario_ctx *c, const void *row)
{
	const struct ls64_row *r = row;

	if (!sc_start(c, &(struct sc_setup){.payload = r->payload,
					    .args = {MOPS_BUF},
					    .vcpu.hcrx =
						    r->trapped ? hcrx_ls64_enable(r->insn) : 0})) {
		return;
	}
	struct exit e = sc_run(c);

	if (r->trapped) {
		if (!sc_expect_exit(c, &e, EXIT_TRAP, esr_expect_ls64(r->insn), r->at)) {
			return;
		}
		vcpu_skip_insn(sc_vcpu(c));
		e = sc_run(c);
	}
	sc_expect_done(c, &e, 0);
}

static const char *ls64_requires(const void *row, char *why, size_t len)
{
	const char *skip = cpu_requires(CPU_HCX, why, len);

	return skip ? skip : cpu_requires(((const struct ls64_row *)row)->needs, why, len);
}

SCENARIO(trap_hcx_ls64, .id = "trap.hcx.ls64",
	 .rule = "HCRX_EL2.EnALS/EnASR/EnAS0 = 0 trap LD64B and ST64B / ST64BV / ST64BV0 at EL1 "
		 "to EL2 (EC 0x0A, ISS 2 / 0 / 1, ELR_EL2 = the instruction); = 1: they execute",
	 SCENARIO_ROWS(ls64_rows), .requires = ls64_requires, .run = run_ls64, .ec = "0x0A",
	 .control = "HCRX_EL2.{EnALS,EnASR,EnAS0}",
	 .fields = "+-HCRX_EL2.EnALS +-HCRX_EL2.EnASR +-HCRX_EL2.EnAS0");
