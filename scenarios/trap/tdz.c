/* SPDX-License-Identifier: MIT */
/*
 * trap.tdz: HCR_EL2.TDZ traps DC ZVA at EL1 (EC 0x18, Op0 1, Op1 3, CRn 7, CRm 4, Op2 1, Rt,
 * Direction 0; ELR_EL2 = the DC) and makes DCZID_EL0.DZP read 1 at EL1. Clear: DCZID_EL0.DZP
 * reads 0 and DC ZVA zeroes exactly the naturally aligned 4 << DCZID_EL0.BS byte block.
 *
 * DC ZVA to Device memory is an Alignment fault, and with its MMU off the guest's data
 * accesses are Device-nGnRnE: the guest runs with HCR_EL2.DC = 1 (stage 1 off means Normal
 * Write-Back) so that the untrapped DC ZVA can zero memory.
 */
#include <string.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "esr_model.h"
#include "hvc.h"
#include "scenario.h"

#define ZVA_BLOCK_IPA (GUEST_RAM_IPA + 0x80000) /* 2 KiB aligned, the largest BS (9) */
#define ZVA_PATTERN   0xa5a5a5a5a5a5a5a5ULL
#define ZVA_MAX_BYTES 2048
#define DCZID_DZP     (1ULL << 4)

struct tdz_row {
	const char *name;
	bool trapped;
	uint8_t rt;
	uint64_t payload, insn;
};

#define TDZ_ROW(rt, n, trapped, label)                                                             \
	{                                                                                          \
		"[" #rt "][" label "]", trapped, n, GSYM(gp_dczva_##rt), GSYM(gl_dczva_##rt)       \
	}

static const struct tdz_row tdz_rows[] = {
	TDZ_ROW(x0, 0, true, "trap"),	   TDZ_ROW(x17, 17, true, "trap"),
	TDZ_ROW(x30, 30, true, "trap"),	   TDZ_ROW(x0, 0, false, "notrap"),
	TDZ_ROW(x17, 17, false, "notrap"),
};

static void run_tdz(struct scenario_ctx *c, const void *row)
{
	uint64_t fill[ZVA_MAX_BYTES / 8 + 2]; /* on the stack: instances run on every PE at once */
	const struct tdz_row *r = row;
	uint64_t dczid, ored, after, before;

	for (size_t i = 0; i < sizeof(fill) / sizeof(fill[0]); i++) {
		fill[i] = ZVA_PATTERN;
	}
	if (!sc_start(c, &(struct sc_setup){.payload = r->payload,
					    .args = {ZVA_BLOCK_IPA},
					    .vcpu.hcr = HCR_DC | (r->trapped ? HCR_TDZ : 0)})) {
		return;
	}
	vm_load(sc_vm(c), IPA(ZVA_BLOCK_IPA - 8), fill, sizeof(fill));
	struct exit e = sc_run(c);

	if (r->trapped) {
		if (!sc_expect_exit(c, &e, EXIT_SYSREG,
				    esr_expect_sys64(1, 3, 7, 4, 1, r->rt, false), r->insn)) {
			return;
		}
		vcpu_skip_insn(sc_vcpu(c));
		e = sc_run(c);
	}
	if (!sc_expect_done(c, &e, 0) || !sc_report(c, GREPORT_USER, &dczid) ||
	    !sc_report(c, GREPORT_USER + 1, &ored) || !sc_report(c, GREPORT_USER + 2, &after) ||
	    !sc_report(c, GREPORT_USER + 3, &before)) {
		return;
	}
	/* BS is the core's; DZP is 1 at EL1 exactly when TDZ prohibits DC ZVA there. */
	sc_expect_u64(c, "dczid_el0_at_el1", dczid,
		      (read_dczid_el0() & 0xf) | (r->trapped ? DCZID_DZP : 0));
	sc_expect_u64(c, "block_or", ored, r->trapped ? ZVA_PATTERN : 0);
	sc_expect_u64(c, "after_block", after, ZVA_PATTERN);
	sc_expect_u64(c, "before_block", before, ZVA_PATTERN);
}

SCENARIO(trap_tdz, .id = "trap.tdz",
	 .rule = "HCR_EL2.TDZ = 1: DC ZVA at EL1 traps to EL2 (EC 0x18, Op0 1 Op1 3 CRn 7 CRm 4 "
		 "Op2 1, Rt, Direction 0; ELR_EL2 = the DC) and DCZID_EL0.DZP reads 1 at EL1; = 0: "
		 "DZP reads 0 and DC ZVA zeroes exactly the aligned 4 << DCZID_EL0.BS byte block",
	 SCENARIO_ROWS(tdz_rows), .run = run_tdz, .ec = "0x18", .control = "HCR_EL2.TDZ",
	 .fields = "+-HCR_EL2.TDZ");
