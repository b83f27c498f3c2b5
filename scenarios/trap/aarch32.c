/* SPDX-License-Identifier: MIT */
/*
 * Traps from an AArch32 EL1 (HCR_EL2.RW = 0) that are not table-driven:
 *  - trap.aarch32.hvc: HVC #imm from A32 and T32 is always taken to EL2 (EC 0x12, IL 1,
 *    ISS = imm16), ELR_EL2 = the next instruction;
 *  - trap.aarch32.wfx: HCR_EL2.TWI/TWE (EC 0x01) for A32, conditional A32, 16-bit T32 (IL 0),
 *    32-bit T32 and T32 in an IT block; clear, the WFx completes;
 *  - trap.aarch32.smc: AArch32.CheckForSMCUndefOrTrap(): UNDEFINED without EL3, else trapped
 *    by HCR_EL2.TSC (EC 0x13);
 *  - trap.aarch32.ldc: MDCR_EL2.TDA traps LDC/STC to DBGDTRTXint/DBGDTRRXint (EC 0x06); clear,
 *    they execute, with their base register writeback.
 * Payloads: guest32/payloads.S. Syndromes: scenarios/model/esr_aarch32_model.h.
 */
#include <stdio.h>

#include "a32_check.h"
#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/sysreg.h"
#include "hvc.h"

/* ---- HVC ----------------------------------------------------------------------------------- */

struct hvc32_row {
	const char *name;
	uint16_t imm;
	bool t32;
	uint64_t payload, after;
};

#define HVC32_ROW(isa, t32, imm)                                                                   \
	{                                                                                          \
		"[" #isa "," #imm "]", imm, t32, G32SYM(g32p_hvc_##isa##_##imm),                   \
			G32SYM(g32l_hvc_##isa##_##imm)                                             \
	}

static const struct hvc32_row hvc32_rows[] = {
	HVC32_ROW(a32, false, 0x0000), HVC32_ROW(a32, false, 0x1234), HVC32_ROW(a32, false, 0x4853),
	HVC32_ROW(a32, false, 0xffff), HVC32_ROW(t32, true, 0x0001),  HVC32_ROW(t32, true, 0x4855),
	HVC32_ROW(t32, true, 0x8000),
};

static void run_hvc32(struct scenario_ctx *c, const void *row)
{
	const struct hvc32_row *r = row;

	if (!sc_start(c, &(struct sc_setup){.vcpu.aarch32 = true,
					    .payload = A32_ENTRY(r->payload, r->t32)})) {
		return;
	}
	const struct a32_issue issue = {r->t32, false, ESR_COND_AL};
	const struct esr_set set = {1, {{esr_expect_hvc32(r->imm), ~0ULL}}};
	struct exit e = sc_run(c);

	if (!a32_expect_trap(c, &e, EXIT_HVC, &set, r->after, &issue)) {
		return;
	}
	/* Resume without adjusting the PC: the guest must continue after its HVC. */
	e = sc_run(c);
	a32_expect_done(c, &e, 0);
}

SCENARIO(trap_aarch32_hvc, .id = "trap.aarch32.hvc",
	 .rule = "HVC #imm at AArch32 EL1 (A32 or T32) is taken to EL2: EC 0x12, IL 1, "
		 "ISS[15:0] = imm16; ELR_EL2 = the next instruction",
	 SCENARIO_ROWS(hvc32_rows), .requires = aarch32_el1_requires, .run = run_hvc32,
	 .ec = "0x12", .control = "none: HVC from AArch32 EL1 is always taken to EL2");

/* ---- WFI/WFE ------------------------------------------------------------------------------- */

struct wfx32_row {
	const char *name;
	uint64_t payload, insn;
	struct a32_issue issue;
	unsigned ti;
	uint64_t trap; /* HCR_EL2 control */
	bool trapped;
};

#define WFX32_ROW(n, t32, t16, cond, ti, ctl, trap)                                                \
	{                                                                                          \
		"[" #n "][" #trap "]", G32SYM(g32p_##n), G32SYM(g32l_##n), {t32, t16, cond}, ti,   \
			ctl, TRAPPED_##trap                                                        \
	}
#define TRAPPED_trap   true
#define TRAPPED_notrap false
#define WFX32_ROWS(n, t32, t16, cond, ti, ctl)                                                     \
	WFX32_ROW(n, t32, t16, cond, ti, ctl, trap), WFX32_ROW(n, t32, t16, cond, ti, ctl, notrap)

static const struct wfx32_row wfx32_rows[] = {
	WFX32_ROWS(wfi_a32, false, false, ESR_COND_AL, ESR_WFX_TI_WFI, HCR_TWI),
	WFX32_ROWS(wfine_a32, false, false, A32_COND_NE, ESR_WFX_TI_WFI, HCR_TWI),
	WFX32_ROWS(wfe_a32, false, false, ESR_COND_AL, ESR_WFX_TI_WFE, HCR_TWE),
	WFX32_ROWS(wfi_t16, true, true, ESR_COND_AL, ESR_WFX_TI_WFI, HCR_TWI),
	WFX32_ROWS(wfi_t32, true, false, ESR_COND_AL, ESR_WFX_TI_WFI, HCR_TWI),
	WFX32_ROWS(wfe_t16, true, true, ESR_COND_AL, ESR_WFX_TI_WFE, HCR_TWE),
	WFX32_ROWS(wfine_t16, true, true, A32_COND_NE, ESR_WFX_TI_WFI, HCR_TWI),
};

/* docs/coverage.md: the row's control, set when it expects the trap. */
static const char *wfx32_row_fields(const void *row)
{
	const struct wfx32_row *r = row;

	if (r->trap == HCR_TWI) {
		return r->trapped ? "+HCR_EL2.TWI" : "-HCR_EL2.TWI";
	}
	return r->trapped ? "+HCR_EL2.TWE" : "-HCR_EL2.TWE";
}

static void run_wfx32(struct scenario_ctx *c, const void *row)
{
	const struct wfx32_row *r = row;
	struct esr_set set = esr_expect_a32_wfx(&r->issue, r->ti);

	/* Not trapped: a pending virtual IRQ (masked by CPSR.I) is a reason to wake up. */
	if (!sc_start(c, &(struct sc_setup){.vcpu.aarch32 = true,
					    .payload = A32_ENTRY(r->payload, r->issue.t32),
					    .vcpu.hcr = r->trapped ? r->trap : HCR_VI})) {
		return;
	}
	struct exit e = sc_run(c);

	if (r->trapped) {
		a32_expect_trap_then_done(c, &e, EXIT_WFX, &set, r->insn, &r->issue);
	} else {
		a32_expect_done(c, &e, 0);
	}
}

SCENARIO(trap_aarch32_wfx, .id = "trap.aarch32.wfx",
	 .rule = "HCR_EL2.TWI/TWE = 1 trap a WFI/WFE at AArch32 EL1 that would wait (EC 0x01, TI; "
		 "IL 0 for a 16-bit T32 one; CV/COND per ConditionSyndrome(): A32 CV 1 with COND "
		 "0xe or the passing condition, T32 also CV 0) with ELR_EL2 = the WFx; = 0: it "
		 "completes",
	 SCENARIO_ROWS(wfx32_rows), .requires = aarch32_el1_requires, .run = run_wfx32,
	 .ec = "0x01", .control = "HCR_EL2.TWI, HCR_EL2.TWE (AArch32)",
	 .row_fields = wfx32_row_fields);

/* ---- SMC ----------------------------------------------------------------------------------- */

struct smc32_row {
	const char *name;
	bool t32, tsc;
	uint64_t payload, insn;
};

static const struct smc32_row smc32_rows[] = {
	{"[a32][tsc]", false, true, G32SYM(g32p_smc_a32), G32SYM(g32l_smc_a32)},
	{"[a32][notsc]", false, false, G32SYM(g32p_smc_a32), G32SYM(g32l_smc_a32)},
	{"[t32][tsc]", true, true, G32SYM(g32p_smc_t32), G32SYM(g32l_smc_t32)},
	{"[t32][notsc]", true, false, G32SYM(g32p_smc_t32), G32SYM(g32l_smc_t32)},
};

static unsigned el3_implemented(void)
{
	return (unsigned)PFR0_EL3(read_id_aa64pfr0_el1());
}

static const char *smc32_requires(const void *row, char *why, size_t len)
{
	const struct smc32_row *r = row;
	unsigned el3 = el3_implemented();

	if (aarch32_el1_requires(row, why, len)) {
		return why;
	}
	if (!r->tsc && el3) {
		snprintf(why, len,
			 "an untrapped SMC enters EL3 (ID_AA64PFR0_EL1.EL3=0x%x), whose firmware "
			 "hyptap does not control",
			 el3);
		return why;
	}
	return NULL;
}

static void run_smc32(struct scenario_ctx *c, const void *row)
{
	const struct smc32_row *r = row;
	const struct a32_issue issue = {r->t32, false, ESR_COND_AL};
	struct esr_set set = esr_expect_smc32(&issue);

	if (!sc_start(c, &(struct sc_setup){.vcpu.aarch32 = true,
					    .payload = A32_ENTRY(r->payload, r->t32),
					    .vcpu.hcr = r->tsc ? HCR_TSC : 0})) {
		return;
	}
	struct exit e = sc_run(c);

	if (!el3_implemented()) {
		uint64_t r0;

		/* "if !HaveEL(EL3) || PSTATE.EL == EL0 then UNDEFINED", before any TSC check. */
		sc_diag(c, "note", "no EL3 (ID_AA64PFR0_EL1.EL3=0): SMC is UNDEFINED at EL1");
		a32_expect_undef(c, &e, r->insn);
		/* Evidence of what an SMC that did not UNDEF did (e.g. a PSCI return code). */
		if (e.reason == EXIT_GUEST_DONE && sc_report(c, GREPORT_USER, &r0)) {
			sc_diag(c, "r0_after_smc", "0x%llx", (unsigned long long)r0);
		}
		return;
	}
	/* The trap's preferred return address is the SMC itself (ThisInstrAddr()). */
	a32_expect_trap_then_done(c, &e, EXIT_TRAP, &set, r->insn, &issue);
}

SCENARIO(trap_aarch32_smc, .id = "trap.aarch32.smc",
	 .rule = "AArch32.CheckForSMCUndefOrTrap(): without EL3 (ID_AA64PFR0_EL1.EL3 = 0) SMC at "
		 "EL1 is UNDEFINED whatever HCR_EL2.TSC; with EL3, TSC = 1 traps it to EL2 (EC "
		 "0x13, IL 1, ISS 0 for an unconditional SMC: CCKNOWNPASS 0, CV/COND RES0), "
		 "ELR_EL2 = the SMC",
	 SCENARIO_ROWS(smc32_rows), .requires = smc32_requires, .run = run_smc32, .ec = "0x13 0x00",
	 .control = "HCR_EL2.TSC (AArch32)", .fields = "+-HCR_EL2.TSC");

/* ---- LDC/STC ------------------------------------------------------------------------------- */

/* A word-aligned guest RAM buffer for the LDC/STC payloads, well clear of the image. */
#define LDC_BUFFER (GUEST_RAM_IPA + 0x80000)

struct ldc32_row {
	const char *name;
	bool t32;
	struct a32_ldc ldc;
	int64_t writeback; /* Rn after the untrapped instruction, relative to the buffer */
	bool trapped;
	uint64_t payload, insn;
};

/* r1 is the base: Rn = 1 in every view. imm8 is the word offset: #4 is 1, #-8 is 2. */
#define LDC32_ROW(n, t32, load, imm8, add, p, w, wb, trap)                                         \
	{                                                                                          \
		"[" #n "][" #trap "]", t32, {load, imm8, 1, add, false, p, w}, wb, TRAPPED_##trap, \
			G32SYM(g32p_##n), G32SYM(g32l_##n)                                         \
	}
#define LDC32_ROWS(n, t32, load, imm8, add, p, w, wb)                                              \
	LDC32_ROW(n, t32, load, imm8, add, p, w, wb, trap),                                        \
		LDC32_ROW(n, t32, load, imm8, add, p, w, wb, notrap)

static const struct ldc32_row ldc32_rows[] = {
	/* STC p14, c5, [r1], #4: post-indexed (P 0, W 1), U 1. */
	LDC32_ROWS(stc_post_a32, false, false, 1, true, false, true, 4),
	/* LDC p14, c5, [r1, #-8]!: pre-indexed (P 1, W 1), U 0. */
	LDC32_ROWS(ldc_pre_a32, false, true, 2, false, true, true, -8),
	LDC32_ROWS(stc_post_t32, true, false, 1, true, false, true, 4),
};

static void run_ldc32(struct scenario_ctx *c, const void *row)
{
	const struct ldc32_row *r = row;
	const struct a32_issue issue = {r->t32, false, ESR_COND_AL};
	struct esr_set set = esr_expect_a32_ldc_stc(&issue, &r->ldc);
	uint64_t rn;

	if (!sc_start(c, &(struct sc_setup){.vcpu.aarch32 = true,
					    .payload = A32_ENTRY(r->payload, r->t32),
					    .args = {LDC_BUFFER},
					    .vcpu.mdcr = r->trapped ? MDCR_TDA : 0})) {
		return;
	}
	struct exit e = sc_run(c);

	if (r->trapped) {
		a32_expect_trap_then_done(c, &e, EXIT_SYSREG, &set, r->insn, &issue);
		return;
	}
	if (a32_expect_done(c, &e, 0) && sc_report(c, GREPORT_USER, &rn)) {
		sc_expect_u64(c, "rn_writeback", rn,
			      (uint64_t)((int64_t)LDC_BUFFER + r->writeback));
	}
}

SCENARIO(trap_aarch32_ldc, .id = "trap.aarch32.ldc",
	 .rule = "MDCR_EL2.TDA = 1 traps LDC/STC to p14 c5 (DBGDTRTXint/DBGDTRRXint) at AArch32 "
		 "EL1 (EC 0x06: imm8, Rn, Offset = U, AM = literal:P:W, Direction), ELR_EL2 = the "
		 "instruction; = 0: it executes, with its base register writeback",
	 SCENARIO_ROWS(ldc32_rows), .requires = aarch32_el1_requires, .run = run_ldc32,
	 .ec = "0x06", .control = "MDCR_EL2.TDA (AArch32 LDC/STC)", .fields = "+-MDCR_EL2.TDA");
