/* SPDX-License-Identifier: MIT */
/*
 * trap.hvc.imm: HVC from EL1 is always taken to EL2 (HCR_EL2.HCD = 0). EC 0x16, IL 1,
 * ISS = imm16, and ELR_EL2 is the preferred return address: the instruction after the HVC.
 */
#include "esr_model.h"
#include "scenario.h"

struct hvc_row {
	const char *name;
	uint16_t imm;
	uint64_t payload;
	uint64_t after;
};

#define HVC_ROW(imm)                                                                               \
	{                                                                                          \
		"[" #imm "]", imm, GSYM(gp_hvc_##imm), GSYM(gl_hvc_##imm)                          \
	}

/* Both edges, a bit pattern, and the neighbours of the service ABI's own immediate. */
static const struct hvc_row hvc_rows[] = {
	HVC_ROW(0x0000), HVC_ROW(0x0001), HVC_ROW(0x1234), HVC_ROW(0x4853),
	HVC_ROW(0x4855), HVC_ROW(0x8000), HVC_ROW(0xffff),
};

static void run_hvc(struct scenario_ctx *c, const void *row)
{
	const struct hvc_row *r = row;

	sc_start(c, &(struct sc_setup){.payload = r->payload});
	struct exit e = sc_run(c);

	if (!sc_expect_exit(c, &e, EXIT_HVC, esr_expect_hvc64(r->imm), r->after)) {
		return;
	}
	/* Resume without adjusting the PC: the guest must continue after its HVC. */
	e = sc_run(c);
	sc_expect_done(c, &e, 0);
}

SCENARIO(trap_hvc_imm, .id = "trap.hvc.imm",
	 .rule = "HVC #imm at EL1 is taken to EL2: ESR_EL2 EC 0x16, IL 1, ISS[15:0] = imm16; "
		 "ELR_EL2 = the next instruction",
	 SCENARIO_ROWS(hvc_rows), .run = run_hvc);
