/* SPDX-License-Identifier: MIT */
/*
 * trap.pac: HCR_EL2.API = 0 traps the pointer authentication instructions at EL1 to EL2 with
 * EC 0x09 (AArch64.TrapPACUse(), ISS RES0, ELR_EL2 = the instruction) — but only when the
 * instruction is enabled: AddPACIA()/AuthIA() return early, untrapped, when SCTLR_EL1.EnIA is
 * 0, while PACGA has no enable and always traps. The vmm then sets API and re-executes, as a
 * lazy key switch does. API = 1: PACIA signs (the pointer changes) and AUTIA of the result
 * restores it; PACGA leaves Xd[31:0] zero and is a function of its inputs.
 * trap.pac.fpac: with FEAT_FPAC an AUTIA that fails is a synchronous exception taken at EL1
 * (EC 0x1C, IA key), not an EL2 trap.
 */
#include "arch/el2.h"
#include "esr_model.h"
#include "cpu_id.h"
#include "hvc.h"
#include "scenario.h"

#define PAC_POINTER  0x0000000040081230ULL
#define PAC_MODIFIER 0x00000000000000abULL
#define SCTLR_ENIA   (1ULL << 31)

enum pac_insn { PAC_PACIA, PAC_AUTIA, PAC_PACGA };

struct pac_row {
	const char *name;
	enum pac_insn insn;
	bool api, enia;
	uint64_t payload, at;
};

static const struct pac_row pac_rows[] = {
	{"[pacia][api=0]", PAC_PACIA, false, true, GSYM(gp_pac_pacia), GSYM(gl_pac_pacia)},
	{"[pacia][api=1]", PAC_PACIA, true, true, GSYM(gp_pac_pacia), GSYM(gl_pac_pacia)},
	{"[pacia][api=0,enia=0]", PAC_PACIA, false, false, GSYM(gp_pac_pacia), GSYM(gl_pac_pacia)},
	{"[autia][api=0]", PAC_AUTIA, false, true, GSYM(gp_pac_autia), GSYM(gl_pac_autia)},
	{"[pacga][api=0]", PAC_PACGA, false, false, GSYM(gp_pac_pacga), GSYM(gl_pac_pacga)},
	{"[pacga][api=1]", PAC_PACGA, true, false, GSYM(gp_pac_pacga), GSYM(gl_pac_pacga)},
};

static const char *pac_requires(const void *row, char *why, size_t len)
{
	const struct pac_row *r = row;
	const char *skip = cpu_requires(CPU_PAUTH, why, len);

	return skip || r->insn != PAC_PACGA ? skip : cpu_requires(CPU_PAUTH_GA, why, len);
}

/* Does the architecture trap this row's instruction? (AddPACIA/AuthIA/AddPACGA) */
static bool pac_traps(const struct pac_row *r)
{
	return !r->api && (r->insn == PAC_PACGA || r->enia);
}

static void check_results(struct scenario_ctx *c, const struct pac_row *r)
{
	uint64_t first, second;

	if (r->insn == PAC_AUTIA) {
		/* The trapped AUTIA was stepped over: the pointer is untouched. */
		if (sc_report(c, GREPORT_USER, &first)) {
			sc_expect_u64(c, "pointer", first, PAC_POINTER);
		}
		return;
	}
	if (!sc_report(c, GREPORT_USER, &first) || !sc_report(c, GREPORT_USER + 1, &second)) {
		return;
	}
	if (r->insn == PAC_PACGA) {
		sc_expect_u64(c, "pacga_low_half", first & 0xffffffff, 0);
		sc_expect_u64(c, "pacga_repeat", second, first);
	} else if (r->enia) {
		if (first == PAC_POINTER) {
			sc_fail(c, "PACIA with EnIA = 1 left the pointer unsigned");
		}
		sc_expect_u64(c, "autia_result", second, PAC_POINTER);
	} else {
		sc_expect_u64(c, "pacia_disabled", first, PAC_POINTER);
		sc_expect_u64(c, "autia_disabled", second, PAC_POINTER);
	}
}

static void run_pac(struct scenario_ctx *c, const void *row)
{
	const struct pac_row *r = row;
	struct vcpu *v;

	v = sc_start(
		c, &(struct sc_setup){.payload = r->payload,
				      .args = {PAC_POINTER, PAC_MODIFIER, r->enia ? SCTLR_ENIA : 0},
				      .vcpu.hcr = HCR_APK | (r->api ? HCR_API : 0)});
	if (!v) {
		return;
	}
	struct exit e = sc_run(c);

	if (pac_traps(r)) {
		if (!sc_expect_exit(c, &e, EXIT_TRAP, esr_expect_pac_trap(), r->at)) {
			return;
		}
		if (r->insn == PAC_AUTIA) {
			vcpu_skip_insn(v);
		} else {
			v->hcr |= HCR_API; /* lazy switch: enable and re-execute */
		}
		e = sc_run(c);
	}
	if (sc_expect_done(c, &e, 0)) {
		check_results(c, r);
	}
}

SCENARIO(trap_pac, .id = "trap.pac",
	 .rule = "HCR_EL2.API = 0 traps enabled pointer authentication instructions at EL1 (PACIA/"
		 "AUTIA with SCTLR_EL1.EnIA = 1, PACGA always) to EL2: EC 0x09, ISS 0, ELR_EL2 = "
		 "the instruction; disabled ones (EnIA = 0) execute as NOPs; API = 1: they execute",
	 SCENARIO_ROWS(pac_rows), .requires = pac_requires, .run = run_pac, .ec = "0x09",
	 .control = "HCR_EL2.API", .fields = "+-HCR_EL2.API");

static const char *fpac_requires(const void *row, char *why, size_t len)
{
	(void)row;
	return cpu_requires(CPU_FPAC, why, len);
}

static void run_fpac(struct scenario_ctx *c, const void *row)
{

	(void)row;
	if (!sc_start(c, &(struct sc_setup){.payload = GSYM(gp_pac_fpac),
					    .args = {PAC_POINTER, PAC_MODIFIER, SCTLR_ENIA},
					    .vcpu.hcr = HCR_APK | HCR_API})) {
		return;
	}
	struct exit e = sc_run(c);

	sc_expect_el1_exceptions(c);
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	sc_expect_el1_exception(c, 0x200, esr_expect_pac_fail(false, false), GSYM(gl_pac_fpac));
}

SCENARIO(trap_pac_fpac, .id = "trap.pac.fpac",
	 .rule = "FEAT_FPAC: AUTIA of a pointer whose PAC does not match is a synchronous "
		 "exception at EL1 (EC 0x1C, ISS 0 = instruction key A, ELR_EL1 = the AUTIA), not "
		 "an EL2 trap",
	 .requires = fpac_requires, .run = run_fpac, .ec = "0x1C",
	 .control = "none: FEAT_FPAC, taken at EL1");
