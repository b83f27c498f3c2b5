/* SPDX-License-Identifier: MIT */
/*
 * guest.aarch32.*: the AArch32 guest's contract with the harness. The service ABI works from
 * an AArch32 EL1 (r0-r2 are the low halves of x0-x2), and the guest takes its own Undefined
 * Instruction exceptions at EL1 without EL2 seeing them: the runtime reports the vector and
 * the instruction and returns past it, whatever its length.
 */
#include "a32_check.h"
#include "hvc.h"

struct exit32_row {
	const char *name;
	uint64_t status;
};

/* Bit 31 set: a 64-bit sign extension of r1 would show in the status. */
static const struct exit32_row exit32_rows[] = {
	{"[0]", 0},
	{"[0x80000001]", 0x80000001},
};

static void run_exit32(struct scenario_ctx *c, const void *row)
{
	const struct exit32_row *r = row;

	sc_start(c, &(struct sc_setup){.vcpu.aarch32 = true,
				       .payload = G32SYM(g32p_exit),
				       .args = {r->status}});
	struct exit e = sc_run(c);

	a32_expect_done(c, &e, r->status);
}

SCENARIO(guest_aarch32_exit, .id = "guest.aarch32.exit",
	 .rule = "an AArch32 EL1 guest ends its run through the service ABI (HVC #0x4854 from A32, "
		 "r0 = EXIT, r1 = status) and the vmm sees its exact 32-bit status",
	 SCENARIO_ROWS(exit32_rows), .requires = aarch32_el1_requires, .run = run_exit32);

struct undef32_row {
	const char *name;
	bool t32;
	uint64_t payload, insn;
};

static const struct undef32_row undef32_rows[] = {
	{"[a32]", false, G32SYM(g32p_udf_a32), G32SYM(g32l_udf_a32)},
	{"[t16]", true, G32SYM(g32p_udf_t16), G32SYM(g32l_udf_t16)},
	{"[t32]", true, G32SYM(g32p_udf_t32), G32SYM(g32l_udf_t32)},
};

static void run_undef32(struct scenario_ctx *c, const void *row)
{
	const struct undef32_row *r = row;

	sc_start(c, &(struct sc_setup){.vcpu.aarch32 = true,
				       .payload = A32_ENTRY(r->payload, r->t32)});
	struct exit e = sc_run(c);

	a32_expect_undef(c, &e, r->insn);
}

SCENARIO(guest_aarch32_undef, .id = "guest.aarch32.undef",
	 .rule = "UDF at AArch32 EL1 (A32, 16- and 32-bit T32) is an Undefined Instruction "
		 "exception taken at EL1 (vector offset 0x04, preferred return = the UDF), never "
		 "at EL2",
	 SCENARIO_ROWS(undef32_rows), .requires = aarch32_el1_requires, .run = run_undef32);

struct itstate_row {
	const char *name;
	uint64_t payload;
};

static const struct itstate_row itstate_rows[] = {
	{"[mrc]", G32SYM(g32p_it_mrc)},
	{"[vmrs]", G32SYM(g32p_it_vmrs)},
};

static void run_itstate(struct scenario_ctx *c, const void *row)
{
	const struct itstate_row *r = row;

	sc_start(c,
		 &(struct sc_setup){.vcpu.aarch32 = true, .payload = A32_ENTRY(r->payload, true)});
	struct exit e = sc_run(c);

	a32_expect_done(c, &e, 0);
}

SCENARIO(guest_aarch32_itstate, .id = "guest.aarch32.itstate",
	 .rule = "after the last instruction of a T32 IT block (here an MRC/VMRS that is not "
		 "trapped) ITSTATE is 0 (AArch32.ITAdvance()): an exception later taken from A32 "
		 "code saves SPSR_EL2.IT = 0",
	 SCENARIO_ROWS(itstate_rows), .requires = aarch32_el1_requires, .run = run_itstate);
