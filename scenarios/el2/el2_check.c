/* SPDX-License-Identifier: MIT */
/* The el2.* comparisons (el2_check.h). */
#include "el2_check.h"

#include <stdio.h>
#include <string.h>

#include "esr_model.h"

const char *el2_check_op_name(enum el2_probe_op op)
{
	static const char *const names[EL2_PROBE_OPS] = {
		[EL2_PROBE_LDR64] = "ldr_x",	   [EL2_PROBE_LDR32] = "ldr_w",
		[EL2_PROBE_LDRH] = "ldrh",	   [EL2_PROBE_STR64] = "str_x",
		[EL2_PROBE_STRB] = "strb",	   [EL2_PROBE_LDXR64] = "ldxr",
		[EL2_PROBE_DC_CIVAC] = "dc_civac", [EL2_PROBE_AT_S1E2R] = "at_s1e2r",
		[EL2_PROBE_AT_S1E2W] = "at_s1e2w", [EL2_PROBE_FETCH] = "fetch",
		[EL2_PROBE_DC_ZVA] = "dc_zva",
	};

	return names[op];
}

struct el2_access el2_check_access(enum el2_probe_op op, uint64_t va)
{
	static const struct {
		enum el2_access_kind kind;
		unsigned size;
		bool exclusive;
	} ops[EL2_PROBE_OPS] = {
		[EL2_PROBE_LDR64] = {EL2_ACC_LOAD, 8, false},
		[EL2_PROBE_LDR32] = {EL2_ACC_LOAD, 4, false},
		[EL2_PROBE_LDRH] = {EL2_ACC_LOAD, 2, false},
		[EL2_PROBE_STR64] = {EL2_ACC_STORE, 8, false},
		[EL2_PROBE_STRB] = {EL2_ACC_STORE, 1, false},
		[EL2_PROBE_LDXR64] = {EL2_ACC_LOAD, 8, true},
		[EL2_PROBE_DC_CIVAC] = {EL2_ACC_DC, 0, false},
		[EL2_PROBE_AT_S1E2R] = {EL2_ACC_AT_R, 0, false},
		[EL2_PROBE_AT_S1E2W] = {EL2_ACC_AT_W, 0, false},
		[EL2_PROBE_FETCH] = {EL2_ACC_FETCH, 4, false},
		[EL2_PROBE_DC_ZVA] = {EL2_ACC_DCZVA, 0, false},
	};

	return (struct el2_access){.kind = ops[op].kind,
				   .va = va,
				   .size = ops[op].size,
				   .exclusive = ops[op].exclusive};
}

static void diag_result(struct scenario_ctx *c, const struct el2_probe_result *r)
{
	sc_diag(c, "probe", "{ faulted: %d, esr_el2: 0x%llx, far_el2: 0x%llx, elr_el2: 0x%llx }",
		r->faulted, (unsigned long long)r->esr, (unsigned long long)r->far,
		(unsigned long long)r->elr);
}

void el2_check_probe(struct scenario_ctx *c, const char *what, const struct el2_access *a,
		     const struct el2_s1_outcome *o, const struct el2_probe_result *r,
		     const uint64_t *value)
{
	char key[48];

	if (o->af_optional && !r->faulted) {
		return; /* the IMPLEMENTATION DEFINED "no Access flag fault on DC" outcome */
	}
	bool fault = o->fault || o->af_optional;

	if (r->faulted != fault) {
		sc_fail(c, "%s: expected %s, got %s", what, fault ? "a fault" : "no fault",
			r->faulted ? "a fault" : "no fault");
		if (fault) {
			sc_diag(c, "expected_esr_el2", "0x%llx",
				(unsigned long long)el2_esr_expect(a, o));
		}
		diag_result(c, r);
		return;
	}
	if (!fault) {
		if (value) {
			snprintf(key, sizeof(key), "%s.value", what);
			sc_expect_u64(c, key, r->value, *value);
		}
		return;
	}
	if (!sc_expect_esr(c, r->esr, el2_esr_expect(a, o))) {
		diag_result(c, r);
	}
	snprintf(key, sizeof(key), "%s.far_el2", what);
	sc_expect_u64(c, key, r->far, a->va);
	snprintf(key, sizeof(key), "%s.elr_el2", what);
	sc_expect_u64(c, key, r->elr, a->kind == EL2_ACC_FETCH ? a->va : r->insn);
}

void el2_check_par(struct scenario_ctx *c, const char *what, const struct el2_s1_outcome *o,
		   uint64_t par)
{
	uint64_t mask = el2_par_mask(o);
	char key[48];

	snprintf(key, sizeof(key), "%s.par_el1", what);
	if (!sc_expect_u64(c, key, par & mask, el2_par_expect(o))) {
		sc_diag(c, "par_el1", "0x%016llx (compared under mask 0x%016llx)",
			(unsigned long long)par, (unsigned long long)mask);
	}
}

uint64_t el2_check_load_value(const void *p, unsigned size)
{
	uint64_t v = 0;

	memcpy(&v, p, size);
	return v;
}
