/* SPDX-License-Identifier: MIT */
/* The C side of kernel/el2_probe.S: which stub, what is armed, and the results. */
#include <stddef.h>

#include "arch/sysreg.h"
#include "el2_probe.h"

/** The block el2_probe_run*() read and write (offsets used by kernel/el2_probe.S). */
struct el2_probe_block {
	uint64_t stub, va, value, sctlr, armed;
	uint64_t result, faulted, esr, far, elr;
	uint64_t hcr, tcr, ttbr1;
};
_Static_assert(offsetof(struct el2_probe_block, armed) == 32, "el2_probe.S P_ARMED");
_Static_assert(offsetof(struct el2_probe_block, result) == 40, "el2_probe.S P_RESULT");
_Static_assert(offsetof(struct el2_probe_block, elr) == 72, "el2_probe.S P_ELR");
_Static_assert(offsetof(struct el2_probe_block, ttbr1) == 96, "el2_probe.S P_TTBR1");

void el2_probe_run(struct el2_probe_block *p);
void el2_probe_run_e2h(struct el2_probe_block *p);

extern const char el2_probe_ldr64[], el2_probe_ldr32[], el2_probe_ldrh[], el2_probe_str64[],
	el2_probe_strb[], el2_probe_ldxr64[], el2_probe_dc_civac[], el2_probe_at_s1e2r[],
	el2_probe_at_s1e2w[], el2_probe_fetch[], el2_probe_dc_zva[];

static const char *const stubs[EL2_PROBE_OPS] = {
	[EL2_PROBE_LDR64] = el2_probe_ldr64,	   [EL2_PROBE_LDR32] = el2_probe_ldr32,
	[EL2_PROBE_LDRH] = el2_probe_ldrh,	   [EL2_PROBE_STR64] = el2_probe_str64,
	[EL2_PROBE_STRB] = el2_probe_strb,	   [EL2_PROBE_LDXR64] = el2_probe_ldxr64,
	[EL2_PROBE_DC_CIVAC] = el2_probe_dc_civac, [EL2_PROBE_AT_S1E2R] = el2_probe_at_s1e2r,
	[EL2_PROBE_AT_S1E2W] = el2_probe_at_s1e2w, [EL2_PROBE_FETCH] = el2_probe_fetch,
	[EL2_PROBE_DC_ZVA] = el2_probe_dc_zva,
};

uint64_t el2_probe_insn(enum el2_probe_op op)
{
	return (uintptr_t)stubs[op];
}

uint64_t el2_probe_sctlr(void)
{
	return read_sctlr_el2();
}

static void probe_block(struct el2_probe_block *b, enum el2_probe_op op, uint64_t va,
			uint64_t value, uint64_t sctlr)
{
	*b = (struct el2_probe_block){
		.stub = el2_probe_insn(op),
		.va = va,
		.value = value,
		.sctlr = sctlr,
		/* A fetch faults with ELR = its target; every other access at its own instruction.
		 */
		.armed = op == EL2_PROBE_FETCH ? va : el2_probe_insn(op),
	};
}

static void probe_result(const struct el2_probe_block *b, struct el2_probe_result *r)
{
	*r = (struct el2_probe_result){
		.faulted = b->faulted != 0,
		.esr = b->esr,
		.far = b->far,
		.elr = b->elr,
		.value = b->result,
		.insn = b->stub,
	};
}

void el2_probe(enum el2_probe_op op, uint64_t va, uint64_t value, uint64_t sctlr,
	       struct el2_probe_result *r)
{
	struct el2_probe_block b;

	probe_block(&b, op, va, value, sctlr);
	el2_probe_run(&b);
	probe_result(&b, r);
}

void el2_probe_unarmed(uint64_t va)
{
	struct el2_probe_block b;

	probe_block(&b, EL2_PROBE_LDR64, va, 0, read_sctlr_el2());
	b.armed = 1; /* odd: never an instruction's address */
	el2_probe_run(&b);
}

void el2_probe_e2h(enum el2_probe_op op, uint64_t va, uint64_t value, uint64_t sctlr,
		   const struct el2_probe_e2h *w, struct el2_probe_result *r)
{
	struct el2_probe_block b;

	probe_block(&b, op, va, value, sctlr);
	b.hcr = w->hcr;
	b.tcr = w->tcr;
	b.ttbr1 = w->ttbr1;
	el2_probe_run_e2h(&b);
	probe_result(&b, r);
}
