/* SPDX-License-Identifier: MIT */
/*
 * trap.tidcp: HCR_EL2.TIDCP traps EL1 accesses to the IMPLEMENTATION DEFINED system register
 * space (op0 = 3, CRn = 11 or 15, any op1/CRm/op2) with EC 0x18, whether or not the core
 * implements a register at that encoding. Clear, the access does what the core defines: it
 * reads a register, or it is UNDEFINED at EL1 — either way it never reaches EL2, and the
 * guest's own vector sees nothing but a plain UNDEF (EC 0x00 at the MRS). Reads only run
 * untrapped: an IMPLEMENTATION DEFINED write could change the core's behaviour.
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "esr_model.h"
#include "hvc.h"
#include "mmio.h"
#include "scenario.h"

#define EMULATED_READ 0x7e57c0de0000cdefULL
#define WRITTEN	      0x0123456789abcdefULL

struct tidcp_row {
	const char *name;
	uint8_t op1, crn, crm, op2, rt;
	bool write, trapped;
	uint64_t payload, insn;
};

/* @kind: sr (MRS) or sw (MSR) payload of guest/impdef.S; @label: "trap" or "notrap". */
#define TIDCP_ROW(dir, kind, n, op1, crn, crm, op2, rtn, rt, w, trapped, label)                    \
	{                                                                                          \
		"[" #dir ",s3_" #op1 "_c" #crn "_c" #crm "_" #op2 "," #rtn "][" label "]", op1,    \
			crn, crm, op2, rt, w, trapped, GSYM(gp_##kind##_impdef_##n##_##rtn),       \
			GSYM(gl_##kind##_impdef_##n##_##rtn)                                       \
	}
#define TIDCP_READ(n, op1, crn, crm, op2, rtn, rt, trapped, label)                                 \
	TIDCP_ROW(r, sr, n, op1, crn, crm, op2, rtn, rt, false, trapped, label)
#define TIDCP_WRITE(n, op1, crn, crm, op2, rtn, rt)                                                \
	TIDCP_ROW(w, sw, n, op1, crn, crm, op2, rtn, rt, true, true, "trap")

static const struct tidcp_row tidcp_rows[] = {
	TIDCP_READ(c15_1_2_0, 1, 15, 2, 0, x0, 0, true, "trap"),
	TIDCP_READ(c15_1_2_0, 1, 15, 2, 0, x17, 17, true, "trap"),
	TIDCP_READ(c15_1_2_0, 1, 15, 2, 0, x30, 30, true, "trap"),
	TIDCP_READ(c15_1_2_0, 1, 15, 2, 0, xzr, 31, true, "trap"),
	TIDCP_READ(c11_0_0_0, 0, 11, 0, 0, x0, 0, true, "trap"),
	TIDCP_READ(c15_7_15_7, 7, 15, 15, 7, x17, 17, true, "trap"),
	TIDCP_WRITE(c15_1_2_0, 1, 15, 2, 0, x17, 17),
	TIDCP_WRITE(c11_0_0_0, 0, 11, 0, 0, x0, 0),
	TIDCP_READ(c15_1_2_0, 1, 15, 2, 0, x0, 0, false, "notrap"),
	TIDCP_READ(c15_1_2_0, 1, 15, 2, 0, xzr, 31, false, "notrap"),
	TIDCP_READ(c11_0_0_0, 0, 11, 0, 0, x0, 0, false, "notrap"),
	TIDCP_READ(c15_7_15_7, 7, 15, 15, 7, x17, 17, false, "notrap"),
};

static void run_tidcp(struct scenario_ctx *c, const void *row)
{
	const struct tidcp_row *r = row;
	struct vcpu *v;
	uint64_t value, vector, esr, elr;

	if (!sc_start(c, &(struct sc_setup){.payload = r->payload,
					    .args = {WRITTEN},
					    .vcpu.hcr = r->trapped ? HCR_TIDCP : 0})) {
		return;
	}
	v = sc_vcpu(c);
	struct exit e = sc_run(c);

	if (r->trapped) {
		if (!sc_expect_exit(
			    c, &e, EXIT_SYSREG,
			    esr_expect_sys64(3, r->op1, r->crn, r->crm, r->op2, r->rt, !r->write),
			    r->insn)) {
			return;
		}
		if (r->write) {
			sc_expect_u64(c, "trapped_rt", vcpu_reg_read(v, r->rt),
				      r->rt == 31 ? 0 : WRITTEN);
		} else {
			vcpu_reg_write(v, r->rt, EMULATED_READ);
		}
		vcpu_skip_insn(v);
		e = sc_run(c);
		if (sc_expect_done(c, &e, 0) && !r->write && sc_report(c, GREPORT_USER, &value)) {
			sc_expect_u64(c, "guest_read", value, r->rt == 31 ? 0 : EMULATED_READ);
		}
		return;
	}
	/* Not trapped: an IMPLEMENTATION DEFINED read or an UNDEF at EL1, nothing else. */
	sc_expect_el1_exceptions(c);
	if (!sc_expect_done(c, &e, 0) || !(v->reported & (1u << GREPORT_VECTOR))) {
		return;
	}
	sc_report(c, GREPORT_VECTOR, &vector);
	sc_report(c, GREPORT_ESR_EL1, &esr);
	sc_report(c, GREPORT_ELR_EL1, &elr);
	sc_diag(c, "el1_undef", "the encoding is UNDEFINED at EL1 on this core");
	sc_expect_u64(c, "vector_offset", vector, 0x200);
	sc_expect_u64(c, "esr_el1", esr, esr_expect_unknown());
	sc_expect_u64(c, "elr_el1", elr, r->insn);
}

SCENARIO(trap_tidcp, .id = "trap.tidcp",
	 .rule = "HCR_EL2.TIDCP = 1 traps EL1 MRS/MSR in the IMPLEMENTATION DEFINED space (op0 3, "
		 "CRn 11 or 15) to EL2 (EC 0x18, ISS from the encoding, Rt, direction; ELR_EL2 = "
		 "the instruction), implemented there or not; = 0: it reads the core's register "
		 "or is UNDEFINED at EL1, never reaching EL2",
	 SCENARIO_ROWS(tidcp_rows), .run = run_tidcp, .ec = "0x18 0x00", .control = "HCR_EL2.TIDCP",
	 .fields = "+-HCR_EL2.TIDCP");
