/* SPDX-License-Identifier: MIT */
/*
 * trap.hvc.imm: HVC from EL1 is always taken to EL2 (HCR_EL2.HCD = 0). EC 0x16, IL 1,
 * ISS = imm16, and ELR_EL2 is the preferred return address: the instruction after the HVC.
 */
#include "arch/el2.h"
#include "esr_model.h"
#include "hvc.h"
#include "route_model.h"
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
	 SCENARIO_ROWS(hvc_rows), .run = run_hvc, .ec = "0x16",
	 .control = "none: HVC from EL1 is always taken to EL2");

/*
 * trap.hvc.hcd: without EL3, HCR_EL2.HCD = 1 makes HVC UNDEFINED at EL1 (model/route_model.h
 * hvc_route()): the guest takes EC 0x00 on its own vector at the HVC itself, and EL2 sees
 * nothing. With EL3, HCD is RES0 and SCR_EL3.HCE decides — HCE is 1, or the vmm's own service
 * calls would not work — so HVC still reaches EL2. HCD = 0: EC 0x16 at EL2. The runtime
 * reports and exits through the doorbell in both rows, so only HCD differs.
 */
struct hcd_row {
	const char *name;
	bool hcd;
};

static const struct hcd_row hcd_rows[] = {
	{"[hcd=1]", true},
	{"[hcd=0]", false},
};

static void run_hcd(struct scenario_ctx *c, const void *row)
{
	const struct hcd_row *r = row;
	enum route route = hvc_route(vmm_caps.el3, true, r->hcd);

	sc_start(c, &(struct sc_setup){.payload = GSYM(gp_hvc_0x0001),
				       .vcpu.hcr = r->hcd ? HCR_HCD : 0,
				       .doorbell_channel = true});
	struct exit e = sc_run(c);

	sc_diag(c, "expected_route", "%s", route_name(route));
	if (route == ROUTE_EL2) {
		if (sc_expect_exit(c, &e, EXIT_HVC, esr_expect_hvc64(1), GSYM(gl_hvc_0x0001))) {
			e = sc_run(c);
			sc_expect_done(c, &e, 0);
		}
		return;
	}
	sc_expect_el1_exceptions(c);
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	sc_expect_el1_exception(c, 0x200, esr_expect_unknown(), GSYM(gp_hvc_0x0001));
}

SCENARIO(trap_hvc_hcd, .id = "trap.hvc.hcd",
	 .rule = "without EL3, HCR_EL2.HCD = 1: HVC at EL1 is UNDEFINED, taken at EL1 (ESR_EL1 EC "
		 "0x00, IL 1, ELR_EL1 = the HVC), never at EL2; with EL3 HCD is RES0; HCD = 0: "
		 "taken to EL2 with EC 0x16",
	 SCENARIO_ROWS(hcd_rows), .run = run_hcd, .ec = "0x16 0x00", .control = "HCR_EL2.HCD",
	 .fields = "+-HCR_EL2.HCD");
