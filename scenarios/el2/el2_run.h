/* SPDX-License-Identifier: MIT */
/*
 * One el2.* row: a leaf descriptor in the scratch tables (el2_map.h), an access made at EL2
 * through it by the probe (kernel/el2_probe.S) with SCTLR_EL2 changed for that access only, and
 * the comparison with scenarios/model/el2_s1_model.c. Shared by el2.at, el2.fault, el2.align.
 */
#ifndef SCENARIOS_EL2_EL2_RUN_H
#define SCENARIOS_EL2_EL2_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/pte.h"
#include "el2_map.h"
#include "el2_probe.h"

/* Leaf attributes of the rows (EL2 regime: AP[1] RES1, XN at bit 54). */
#define EL2_A(idx, sh) (PTE_S1_ATTRIDX(idx) | (sh) | PTE_AF | PTE_S1_AP1_RES1)
#define EL2_WB	       EL2_A(MAIR_IDX_NORMAL_WB, PTE_SH_INNER)
#define EL2_PAGE_RW    (EL2_WB | PTE_S1_XN | EL2_D_PAGE)
#define EL2_PAGE_RO    (EL2_WB | PTE_S1_XN | PTE_S1_AP_RO | EL2_D_PAGE)
#define EL2_PAGE_RX    (EL2_WB | PTE_S1_AP_RO | EL2_D_PAGE)
#define EL2_PAGE_RWX   (EL2_WB | EL2_D_PAGE) /* XN = 0, but WXN makes it XN */
#define EL2_BLOCK_RW   (EL2_WB | PTE_S1_XN | EL2_D_BLOCK)
#define EL2_BLOCK_RO   (EL2_WB | PTE_S1_XN | PTE_S1_AP_RO | EL2_D_BLOCK)
#define EL2_DEV(idx)   (EL2_A(idx, PTE_SH_NON) | PTE_S1_XN | EL2_D_PAGE)
#define EL2_NO_AF(d)   ((d) & ~PTE_AF)
#define EL2_TBL_APRO   BIT(62) /* APTable[1]: no write below */
#define EL2_TBL_XN     BIT(60) /* XNTable */

struct el2_row {
	const char *name;
	int level;	      /* of the leaf, 0..3 */
	uint64_t desc;	      /* the leaf (type and attribute bits; 0 = invalid) */
	uint64_t table_attrs; /* on the table descriptor that points to the level-3 table */
	bool oa_beyond_ps;    /* output address bit PS set: an Address size fault */
	enum el2_probe_op op; /* el2.fault, el2.align: the access */
	uint64_t offset;      /* added to the leaf's VA (unaligned rows) */
	uint64_t sctlr_set;   /* SCTLR_EL2 bits set for the access only (A) */
	uint64_t sctlr_clear; /* ... and cleared (M: the EL2 MMU off) */
	bool flat;	      /* access the data page at its own address (MMU-off rows) */
	uint64_t va;	      /* a fixed VA instead of the leaf's (out-of-range rows) */
};

/**
 * el2_run_row() - fresh tables and data page, the row's leaf, then each access of @ops (@n of
 * them) through it, each checked against the oracle; then everything torn down.
 */
void el2_run_row(struct scenario_ctx *c, const struct el2_row *row, const enum el2_probe_op *ops,
		 unsigned n);

/** requires: the Address size row needs a PS below 48 bits (a 4K descriptor holds OA[47:12]). */
const char *el2_row_requires(const void *row, char *why, size_t len);

#endif
