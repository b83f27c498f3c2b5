/* SPDX-License-Identifier: MIT */
/* Running one el2.* row (el2_run.h). */
#include "el2_run.h"

#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "el2_check.h"
#include "mmu.h"

#define STORE_VALUE 0x1122334455667788ULL

static void run_op(struct scenario_ctx *c, const struct el2_row *row, const struct el2_map *m,
		   enum el2_probe_op op, uint64_t va)
{
	struct el2_regime reg = el2_regime_now();
	uint64_t sctlr = (el2_probe_sctlr() | row->sctlr_set) & ~row->sctlr_clear;
	struct el2_access a = el2_check_access(op, va);
	struct el2_probe_result r;
	struct el2_s1_outcome o;
	struct el2_walk w;

	reg.mmu = sctlr & SCTLR_M;
	reg.align = sctlr & SCTLR_A;
	el2_map_walk_harness(va, &w);
	if (!el2_s1_translate(&reg, &w, &a, &o)) {
		sc_fail(c, "the row is outside what the oracle models");
		return;
	}
	el2_probe(op, va, STORE_VALUE, sctlr, &r);
	if (a.kind == EL2_ACC_AT_R || a.kind == EL2_ACC_AT_W) {
		if (r.faulted) {
			sc_fail(c, "%s took an exception", el2_check_op_name(op));
			sc_diag(c, "esr_el2", "0x%llx", (unsigned long long)r.esr);
			return;
		}
		el2_check_par(c, el2_check_op_name(op), &o, r.value);
		return;
	}

	const unsigned char *data = (const unsigned char *)m->data + (va & 0xfff);
	uint64_t value = a.kind == EL2_ACC_LOAD ? el2_check_load_value(data, a.size) : 0;

	el2_check_probe(c, el2_check_op_name(op), &a, &o, &r,
			a.kind == EL2_ACC_LOAD ? &value : NULL);
	/* A store that went through a Write-Back alias is in the data page (coherent alias). */
	if (a.kind == EL2_ACC_STORE && !r.faulted && !o.fault && !o.device && o.par_attr == 0xff) {
		char key[40];

		snprintf(key, sizeof(key), "%s.memory", el2_check_op_name(op));
		sc_expect_u64(c, key, el2_check_load_value(data, a.size),
			      STORE_VALUE & (a.size == 8 ? ~0ULL : (1ULL << (8 * a.size)) - 1));
	}
	/* DC ZVA zeroes its DCZID_EL0.BS-sized block (the rows use a block-aligned VA). */
	if (a.kind == EL2_ACC_DCZVA && !r.faulted && !o.fault && !o.device) {
		unsigned bytes = 4u << (read_dczid_el0() & 0xf);
		uint64_t nonzero = 0;

		for (unsigned i = 0; i < bytes; i++) {
			nonzero |= data[i];
		}
		sc_expect_u64(c, "dc_zva.block_nonzero_bits", nonzero, 0);
	}
}

void el2_run_row(struct scenario_ctx *c, const struct el2_row *row, const enum el2_probe_op *ops,
		 unsigned n)
{
	struct el2_map m;
	uint64_t extra = 0;

	if (!el2_map_start(c, &m)) {
		return;
	}
	if (row->oa_beyond_ps) {
		extra = 1ULL << el2_regime_now().pa_bits;
	}

	uint64_t va = el2_map_leaf(&m, row->level, row->desc, extra, row->table_attrs);

	if (row->flat) {
		va = (uintptr_t)m.data;
	}
	if (row->va) {
		va = row->va;
	}
	for (unsigned i = 0; i < n; i++) {
		run_op(c, row, &m, ops[i], va + row->offset);
	}
	el2_map_end(&m);
}

const char *el2_row_requires(const void *row, char *why, size_t len)
{
	const struct el2_row *r = row;
	unsigned ps = el2_regime_now().pa_bits;

	if (r->op == EL2_PROBE_DC_ZVA && (read_dczid_el0() & BIT(4))) {
		snprintf(why, len, "needs DC ZVA permitted (DCZID_EL0.DZP=1)");
		return why;
	}
	if (r->oa_beyond_ps && ps >= 48) {
		snprintf(why, len,
			 "needs a PA size below 48 bits for an output address above TCR_EL2.PS "
			 "(ID_AA64MMFR0_EL1.PARange=0x%llx)",
			 (unsigned long long)MMFR0_PARANGE(read_id_aa64mmfr0_el1()));
		return why;
	}
	return NULL;
}
