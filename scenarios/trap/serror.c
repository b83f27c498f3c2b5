/* SPDX-License-Identifier: MIT */
/*
 * trap.serror.virtual: EC 0x2F. With HCR_EL2.AMO = 1 (always set by the vmm) HCR_EL2.VSE = 1
 * makes a virtual SError pending for EL1; it is taken on the guest's own vector (current EL,
 * SPx, SError: offset 0x380) as soon as PSTATE.A is clear — here at the MSR DAIFClr or the
 * ISB after it — never at EL2. ESR_EL1 is EC 0x2F, IL 1 and, with FEAT_RAS, the syndrome the
 * vmm wrote to VSESR_EL2 (IDS = 1, an IMPLEMENTATION DEFINED syndrome). While PSTATE.A stays
 * set nothing is taken; without VSE nothing is pending.
 *
 * A physical SError taken to EL2 needs a source of errors: QEMU has none (no RAS error
 * records, ERRIDR_EL1.NUM = 0), so no scenario can raise one.
 */
#include "arch/el2.h"
#include "esr_model.h"
#include "hvc.h"
#include "scenario.h"

#define VSESR_SYNDROME 0x1000123ULL /* IDS = 1, ISS = 0x123 */

struct serror_row {
	const char *name;
	bool vse, unmask;
};

static const struct serror_row serror_rows[] = {
	{"[vse=1,unmasked]", true, true},
	{"[vse=1,masked]", true, false},
	{"[vse=0,unmasked]", false, true},
};

static void run_serror(struct scenario_ctx *c, const void *row)
{
	const struct serror_row *r = row;
	bool ras = vmm_caps.ras;
	uint64_t vector, esr, elr;

	if (!sc_start(c, &(struct sc_setup){
				 .payload = r->unmask ? GSYM(gp_serror_unmask) : GSYM(gp_exit),
				 .vcpu.hcr = r->vse ? HCR_VSE : 0,
				 .vcpu.vsesr = VSESR_SYNDROME,
			 })) {
		return;
	}
	struct exit e = sc_run(c);

	if (!(r->vse && r->unmask)) {
		sc_expect_done(c, &e, 0);
		return;
	}
	sc_expect_el1_exceptions(c);
	if (!sc_expect_done(c, &e, GSTATUS_UNHANDLED)) {
		return;
	}
	if (sc_report(c, GREPORT_VECTOR, &vector)) {
		sc_expect_u64(c, "vector_offset", vector, 0x380);
	}
	if (sc_report(c, GREPORT_ESR_EL1, &esr)) {
		sc_expect_u64(c, "esr_el1", esr & serror_virtual_mask(ras),
			      esr_expect_serror_virtual(ras, VSESR_SYNDROME));
	}
	if (sc_report(c, GREPORT_ELR_EL1, &elr) && elr != GSYM(gl_serror_after) &&
	    elr != GSYM(gl_serror_after) + 4) {
		sc_fail(c,
			"ELR_EL1 0x%llx: the SError must be taken at the ISB after the unmask or "
			"right after it",
			(unsigned long long)elr);
	}
}

SCENARIO(trap_serror_virtual, .id = "trap.serror.virtual",
	 .rule = "HCR_EL2.VSE = 1 (AMO = 1): a virtual SError is taken at EL1 (vector 0x380, "
		 "ESR_EL1 EC 0x2F, IL 1, ISS = VSESR_EL2 with FEAT_RAS) once PSTATE.A is clear, "
		 "never at EL2; masked or without VSE nothing is taken",
	 SCENARIO_ROWS(serror_rows), .run = run_serror, .ec = "0x2F", .control = "HCR_EL2.VSE",
	 .fields = "+-HCR_EL2.VSE");
