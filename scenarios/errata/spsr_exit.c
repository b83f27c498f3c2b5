/* SPDX-License-Identifier: MIT */
/*
 * errata.2077057: SPSR_EL2 after a guest exit is the guest's PSTATE, exactly.
 *
 * Cortex-A510 erratum 2077057 (Linux ARM64_ERRATUM_2077057; KVM's synchronize_vcpu_pstate()
 * in kvm/hyp/include/hyp/switch.h restores SPSR_EL2 from the vCPU's saved PSTATE when "we
 * [are] single-stepping the guest, and took a PAC exception from the active-not-pending
 * state"): when EL2 single-steps an authenticated ERET at EL1 and HCR_EL2.API = 0 traps it,
 * the core copies SPSR_EL1 into SPSR_EL2, so EL1 could choose the state EL2 returns to.
 * errata.2077057.step builds exactly that: MDCR_EL2.TDE = 1, MDSCR_EL1.SS = 1, ERET to the
 * guest with SPSR_EL2.SS = 1 (active-not-pending), the stepped instruction ERETAA (and, as a
 * control, PACIASP) trapped with EC 0x09; SPSR_EL1 holds EL1t|Z|C, unlike the guest's PSTATE.
 * On an affected A510 the trap's SPSR_EL2 reads 0x60000004 ("not ok"); elsewhere it is the
 * guest's PSTATE with SS = 1 (the trapped instruction did not complete: no SSAdvance()).
 *
 * errata.2077057.exit is the general form, cheap and broad: the guest sets each PSTATE field
 * it controls (NZCV, DAIF, PAN, UAO, DIT, SSBS, TCO; the latter where the CPU has them: TCO
 * with FEAT_MTE2, as with the instruction-only FEAT_MTE QEMU makes PSTATE.TCO WI) and
 * exits through an HVC, a trapped MRS (HCR_EL2.TID3), a stage-2 Data Abort and a PAC trap;
 * SPSR_EL2 must equal scenarios/model/spsr_model.c's value for that PSTATE, ELR_EL2 the
 * exit's preferred return address. A510 is not modelled by QEMU, and no other modelled core
 * has an erratum listed here; these rows show a corruption of that kind on any core.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/sysreg.h"
#include "cpu_id.h"
#include "esr_model.h"
#include "scenario.h"
#include "spsr_model.h"

#define SCTLR_ENIA  (1ULL << 31) /* SCTLR_EL1.EnIA: PACIA* and AUTIA* (ERETAA) enabled */
#define MDSCR_SS    (1ULL << 0)
#define HVC_SET_IMM 0x2077
#define HVC_ARM_IMM 0x2078
#define UNMAPPED    0x40100000ULL /* the payload's load address: after guest RAM */

/* The guest's bit numbers for the fields of x2 (guest/errata.S spsr_set). */
enum { F_PAN = 1, F_UAO = 2, F_DIT = 4, F_SSBS = 8, F_TCO = 16 };

enum spsr_exit_kind { K_HVC, K_SYSREG, K_DABT, K_PAC };

struct spsr_pattern {
	const char *name;
	unsigned nzcv, daif, fields;
};

static const struct spsr_pattern patterns[] = {
	{"nzcv=0000,daif=0000", 0x0, 0x0, 0},
	{"nzcv=1010,daif=1010", 0xa, 0xa, 0},
	{"nzcv=0101,daif=0101", 0x5, 0x5, 0},
	{"nzcv=1111,daif=1111", 0xf, 0xf, 0},
	{"pan", 0x0, 0xf, F_PAN},
	{"uao", 0x0, 0xf, F_UAO},
	{"dit", 0x0, 0xf, F_DIT},
	{"ssbs", 0x0, 0xf, F_SSBS},
	{"tco", 0x0, 0xf, F_TCO},
	{"pan+uao+dit+ssbs", 0x9, 0x3, F_PAN | F_UAO | F_DIT | F_SSBS},
	{"nzcv=1001,daif=0011", 0x9, 0x3, 0},
};

struct spsr_row {
	const char *name;
	enum spsr_exit_kind kind;
	const struct spsr_pattern *p;
};

#define KINDS(X, i, pname)                                                                         \
	X(K_HVC, "hvc", i, pname)                                                                  \
	X(K_SYSREG, "mrs-tid3", i, pname)                                                          \
	X(K_DABT, "s2-dabt", i, pname) X(K_PAC, "pac-api0", i, pname)
#define ROW(kind, kname, i, pname) {"[" kname "," pname "]", kind, &patterns[i]},
static const struct spsr_row spsr_rows[] = {
	KINDS(ROW, 0, "nzcv=0000,daif=0000") KINDS(ROW, 1, "nzcv=1010,daif=1010")
		KINDS(ROW, 2, "nzcv=0101,daif=0101") KINDS(ROW, 3, "nzcv=1111,daif=1111")
			KINDS(ROW, 4, "pan") KINDS(ROW, 5, "uao") KINDS(ROW, 6, "dit")
				KINDS(ROW, 7, "ssbs") KINDS(ROW, 8, "tco")
					KINDS(ROW, 9, "pan+uao+dit+ssbs")};
#undef ROW

/* The pattern's PSTATE at EL1h, as the guest sets it. */
static struct pstate_a64 pattern_pstate(const struct spsr_pattern *p, bool ss)
{
	return (struct pstate_a64){.nzcv = p->nzcv,
				   .daif = p->daif,
				   .pan = p->fields & F_PAN,
				   .uao = p->fields & F_UAO,
				   .dit = p->fields & F_DIT,
				   .ssbs = p->fields & F_SSBS,
				   .tco = p->fields & F_TCO,
				   .ss = ss,
				   .el = 1,
				   .spx = true};
}

static const char *pattern_requires(const struct spsr_pattern *p, char *why, size_t len)
{
	static const struct {
		unsigned field;
		enum cpu_feature f;
	} need[] = {{F_PAN, CPU_PAN},
		    {F_UAO, CPU_UAO},
		    {F_DIT, CPU_DIT},
		    {F_SSBS, CPU_SSBS_MSR},
		    {F_TCO, CPU_MTE2}};

	for (unsigned i = 0; i < sizeof(need) / sizeof(need[0]); i++) {
		const char *skip =
			p->fields & need[i].field ? cpu_requires(need[i].f, why, len) : NULL;

		if (skip) {
			return skip;
		}
	}
	return NULL;
}

static const char *spsr_exit_requires(const void *row, char *why, size_t len)
{
	const struct spsr_row *r = row;
	const char *skip = r->kind == K_PAC ? cpu_requires(CPU_PAUTH, why, len) : NULL;

	return skip ? skip : pattern_requires(r->p, why, len);
}

static void run_spsr_exit(struct scenario_ctx *c, const void *row)
{
	static const uint64_t payload[] = {[K_HVC] = GSYM(gp_spsr_hvc),
					   [K_SYSREG] = GSYM(gp_spsr_sysreg),
					   [K_DABT] = GSYM(gp_spsr_dabt),
					   [K_PAC] = GSYM(gp_spsr_pac)};
	static const uint64_t insn[] = {[K_HVC] = GSYM(gl_spsr_hvc),
					[K_SYSREG] = GSYM(gl_spsr_sysreg),
					[K_DABT] = GSYM(gl_spsr_dabt),
					[K_PAC] = GSYM(gl_spsr_pac)};
	const struct spsr_row *r = row;
	struct pstate_a64 ps = pattern_pstate(r->p, false);

	if (!sc_start(c, &(struct sc_setup){
				 .payload = payload[r->kind],
				 .args = {(uint64_t)r->p->nzcv << 28, (uint64_t)r->p->daif << 6,
					  r->p->fields},
				 .vm = {.ram_pages_only = true},
				 .vcpu = {.hcr = r->kind == K_SYSREG ? HCR_TID3 : 0,
					  .sctlr_el1 = r->kind == K_PAC ? SCTLR_ENIA : 0},
			 })) {
		return;
	}
	struct exit e = sc_run(c);
	bool ok;

	switch (r->kind) {
	case K_HVC:
		ok = sc_expect_exit(c, &e, EXIT_HVC, esr_expect_hvc64(HVC_SET_IMM),
				    insn[K_HVC] + 4);
		break;
	case K_SYSREG:
		/* MRS X5, ID_AA64MMFR0_EL1 = S3_0_C0_C7_0. */
		ok = sc_expect_exit(c, &e, EXIT_SYSREG, esr_expect_sys64(3, 0, 0, 7, 0, 5, true),
				    insn[K_SYSREG]);
		break;
	case K_DABT:
		ok = sc_expect_reason(c, &e, EXIT_DABT) &&
		     sc_expect_u64(c, "elr_el2", e.elr, insn[K_DABT]) &&
		     sc_expect_u64(c, "far_el2", e.far, UNMAPPED);
		break;
	default:
		ok = sc_expect_exit(c, &e, EXIT_TRAP, esr_expect_pac_trap(), insn[K_PAC]);
		break;
	}
	if (ok) {
		sc_expect_u64(c, "spsr_el2", e.spsr, spsr_from_pstate(&ps));
	}
}

SCENARIO(errata_2077057_exit, .id = "errata.2077057.exit",
	 .rule = "an exception taken to EL2 from AArch64 EL1 saves PSTATE in SPSR_EL2 "
		 "(AArch64.TakeException(): SPSR_EL2 = GetPSRFromPSTATE()): NZCV, DAIF, PAN, UAO, "
		 "DIT, SSBS, TCO exactly as the guest set them, M = EL1h; ELR_EL2 the preferred "
		 "return address, whatever the exit (HVC, trapped MRS, stage-2 Data Abort, PAC "
		 "trap)",
	 SCENARIO_ROWS(spsr_rows), .requires = spsr_exit_requires, .run = run_spsr_exit,
	 .ec = "0x16 0x18 0x24 0x09", .control = "SPSR_EL2 on exception entry");

/* The stepped rows: the instruction stepped in the active-not-pending state traps. */
struct spsr_step_row {
	const char *name;
	uint64_t payload, insn;
	const struct spsr_pattern *p;
};

static const struct spsr_step_row step_rows[] = {
	{"[eretaa,nzcv=1001,daif=0011]", GSYM(gp_spsr_step_eretaa), GSYM(gl_spsr_step_eretaa),
	 &patterns[10]},
	{"[eretaa,nzcv=1111,daif=1111]", GSYM(gp_spsr_step_eretaa), GSYM(gl_spsr_step_eretaa),
	 &patterns[3]},
	{"[paciasp,nzcv=1001,daif=0011]", GSYM(gp_spsr_step_pac), GSYM(gl_spsr_step_pac),
	 &patterns[10]},
};

static const char *spsr_step_requires(const void *row, char *why, size_t len)
{
	const struct spsr_step_row *r = row;
	const char *skip = cpu_requires(CPU_PAUTH, why, len);

	return skip ? skip : pattern_requires(r->p, why, len);
}

static void run_spsr_step(struct scenario_ctx *c, const void *row)
{
	const struct spsr_step_row *r = row;
	struct pstate_a64 ps = pattern_pstate(r->p, false);

	if (!sc_start(c, &(struct sc_setup){
				 .payload = r->payload,
				 .args = {(uint64_t)r->p->nzcv << 28, (uint64_t)r->p->daif << 6,
					  r->p->fields},
				 .vcpu = {.mdcr = MDCR_TDE, .sctlr_el1 = SCTLR_ENIA},
			 })) {
		return;
	}
	struct exit e = sc_run(c);

	if (!sc_expect_exit(c, &e, EXIT_HVC, esr_expect_hvc64(HVC_ARM_IMM), r->insn)) {
		return;
	}
	sc_expect_u64(c, "spsr_el2_at_hvc", e.spsr, spsr_from_pstate(&ps));
	/* Arm the step: MDSCR_EL1.SS = 1 (the vCPU is loaded here), ERET with SPSR_EL2.SS = 1. */
	write_mdscr_el1(MDSCR_SS);
	sc_vcpu(c)->pstate |= SPSR_SS;
	e = sc_run(c);
	write_mdscr_el1(0);
	if (!sc_expect_exit(c, &e, EXIT_TRAP, esr_expect_pac_trap(), r->insn)) {
		return;
	}
	ps.ss = true;
	sc_expect_u64(c, "spsr_el2", e.spsr, spsr_from_pstate(&ps));
}

SCENARIO(
	errata_2077057_step, .id = "errata.2077057.step",
	.rule = "EL2 stepping EL1 (MDCR_EL2.TDE = 1, MDSCR_EL1.SS = 1, ERET with SPSR_EL2.SS = 1): "
		"a stepped ERETAA or PACIASP trapped by HCR_EL2.API = 0 (EC 0x09, ELR_EL2 = the "
		"instruction) saves the guest's PSTATE in SPSR_EL2 with SS = 1 (the instruction "
		"did not complete, so no SSAdvance()), never SPSR_EL1",
	SCENARIO_ROWS(step_rows), .requires = spsr_step_requires, .run = run_spsr_step,
	.ec = "0x09", .control = "MDCR_EL2.TDE, HCR_EL2.API, SPSR_EL2.SS");
