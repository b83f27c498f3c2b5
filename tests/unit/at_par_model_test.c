/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/at_par_model.c, vectors checked by hand from the Arm ARM
 * (DDI 0487): PAR_EL1 with F = 1 holds FST [6:1] = EncodeLDFSC() (0b0001LL Translation,
 * 0b0010LL Access flag, 0b0011LL Permission, LL = level), PTW [8] = the stage-2 fault was on a
 * stage-1 table walk, S [9] = the fault was at stage 2; stage 1 (with its table reads through
 * stage 2) is checked before stage 2 of the output (AArch64.FullTranslate()).
 */
#include "at_par_model.h"
#include "unit.h"

#define OK_S2                                                                                      \
	{                                                                                          \
		.valid = true, .level = 3, .af = true, .ap = 3                                     \
	}
#define OK_S1                                                                                      \
	{                                                                                          \
		.valid = true, .level = 3, .af = true, .ap = 1                                     \
	}
#define E1R ((struct at_access){.el0 = false, .write = false})
#define E1W ((struct at_access){.el0 = false, .write = true})
#define E0R ((struct at_access){.el0 = true, .write = false})
#define E0W ((struct at_access){.el0 = true, .write = true})

static void expect(struct at_case k, struct at_access a, uint64_t par, const char *what)
{
	struct par_fault p;

	unit_ok(at_s12_expect(&k, a, &p), "%s: modelled", what);
	unit_ok(at_par_fault_encode(&p) == par, "%s: PAR_EL1 fault fields 0x%llx (got 0x%llx)",
		what, (unsigned long long)par, (unsigned long long)at_par_fault_encode(&p));
}

int main(void)
{
	struct at_case fine = {OK_S2, OK_S1, OK_S2};

	expect(fine, E1R, 0, "all valid: no fault");
	expect(fine, E0W, 0, "all valid, EL0 write: no fault");
	/* Stage 2 of the output: S = 1. Translation level 3: FST 0b000111, PAR 0x20f. */
	expect((struct at_case){OK_S2, OK_S1, {.valid = false, .level = 3}}, E1R, 0x20f,
	       "stage 2 invalid at level 3");
	expect((struct at_case){OK_S2, OK_S1, {.valid = false, .level = 1}}, E0W, 0x20b,
	       "stage 2 invalid at level 1");
	/* S2AP = 0b01 (read-only): a write is a level 3 Permission fault, 0b001111: 0x21f. */
	struct at_case s2ro = {OK_S2, OK_S1, {.valid = true, .level = 3, .af = true, .ap = 1}};

	expect(s2ro, E1R, 0, "stage 2 read-only, read");
	expect(s2ro, E1W, 0x21f, "stage 2 read-only, write");
	expect(s2ro, E0W, 0x21f, "stage 2 read-only, EL0 write");
	expect((struct at_case){OK_S2, OK_S1, {.valid = true, .level = 3, .af = true, .ap = 2}},
	       E1R, 0x21f, "stage 2 write-only, read");
	/* Stage 2 AF = 0: Access flag level 3, 0b001011: 0x217. */
	expect((struct at_case){OK_S2, OK_S1, {.valid = true, .level = 3, .af = false, .ap = 3}},
	       E1R, 0x217, "stage 2 AF = 0");
	/* Stage 1: S = 0, PTW = 0. */
	expect((struct at_case){OK_S2, {.valid = false, .level = 2}, OK_S2}, E1R, 0x0d,
	       "stage 1 invalid at level 2: FST 0b000110");
	expect((struct at_case){OK_S2, {.valid = false, .level = 0}, OK_S2}, E1R, 0x09,
	       "stage 1 VA out of range: level 0");
	struct at_case el1only = {OK_S2, {.valid = true, .level = 3, .af = true, .ap = 0}, OK_S2};

	expect(el1only, E1W, 0, "AP 0b00 at EL1: RW");
	expect(el1only, E0R, 0x1f, "AP 0b00 at EL0: Permission level 3, FST 0b001111");
	struct at_case el1ro = {OK_S2, {.valid = true, .level = 3, .af = true, .ap = 2}, OK_S2};

	expect(el1ro, E1R, 0, "AP 0b10 EL1 read");
	expect(el1ro, E1W, 0x1f, "AP 0b10 EL1 write");
	expect(el1ro, E0R, 0x1f, "AP 0b10 EL0 read");
	expect((struct at_case){OK_S2, {.valid = true, .level = 3, .af = true, .ap = 3}, OK_S2},
	       E0W, 0x1f, "AP 0b11 EL0 write");
	expect((struct at_case){OK_S2, {.valid = true, .level = 3, .af = false, .ap = 1}, OK_S2},
	       E0R, 0x17, "stage 1 AF = 0: Access flag level 3");
	/* Stage 1 before stage 2: both faulting reports stage 1's. */
	expect((struct at_case){OK_S2, {.valid = false, .level = 3}, {.valid = false, .level = 3}},
	       E1R, 0x0f, "stage 1 and stage 2 invalid: stage 1's");
	/* A stage-1 table read faulting at stage 2: S = 1, PTW = 1. */
	expect((struct at_case){{.valid = false, .level = 3}, OK_S1, OK_S2}, E1R, 0x30f,
	       "stage-1 table IPA invalid at stage 2 level 3: PTW");
	expect((struct at_case){{.valid = false, .level = 1}, OK_S1, OK_S2}, E0W, 0x30b,
	       "stage-1 table IPA invalid at stage 2 level 1: PTW");
	expect((struct at_case){{.valid = true, .level = 3, .af = true, .ap = 0}, OK_S1, OK_S2},
	       E1R, 0x31f, "stage-1 table without stage-2 read permission: Permission, PTW");
	expect((struct at_case){{.valid = true, .level = 3, .af = true, .ap = 2}, OK_S1, OK_S2},
	       E1W, 0x31f, "stage-1 table write-only at stage 2: the walk reads, Permission");
	expect((struct at_case){{.valid = true, .level = 3, .af = true, .ap = 1}, OK_S1, OK_S2},
	       E1W, 0, "stage-1 table read-only at stage 2: the walk only reads");
	expect((struct at_case){{.valid = true, .level = 3, .af = false, .ap = 3}, OK_S1, OK_S2},
	       E1R, 0x317, "stage-1 table with stage-2 AF = 0: Access flag, PTW");
	/* Refused: AF = 0 together with a permission violation. */
	struct at_case both = {OK_S2, OK_S1, {.valid = true, .level = 3, .af = false, .ap = 1}};
	struct par_fault p;

	unit_ok(at_s12_expect(&both, E1R, &p), "AF = 0, read-only, read: only the AF fault");
	unit_ok(!at_s12_expect(&both, E1W, &p), "AF = 0 and a permission fault: not modelled");
	return unit_done();
}
