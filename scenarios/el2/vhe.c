/* SPDX-License-Identifier: MIT */
/*
 * el2.vhe: the EL2&0 translation regime (FEAT_VHE, HCR_EL2.E2H = 1, TGE = 0), without a guest.
 * TTBR1_EL2 holds the upper VA range, walked from the instance's scratch tables (el2_map.h):
 * with T1SZ = 16 from a private level-0 table whose last entry points to the level-1 table,
 * with T1SZ = 25 from the level-1 table itself, so one upper VA reaches the same leaf both ways.
 * TCR_EL2 takes its E2H = 1 layout (T1SZ, EPD1, TG1, IPS), and TTBR0_EL2 keeps the harness's
 * identity map with the same geometry, so the harness's own code stays mapped in both layouts;
 * kernel/el2_probe.S switches E2H and TCR_EL2 only with the EL2 MMU off, with TLBI ALLE2 in each
 * state (E2H may be cached in a TLB). Descriptors use the EL2&0 meaning: AP[1] is EL0 access,
 * PXN (bit 53) forbids EL2 execution, and a page EL0 can write is never EL2-executable.
 * Expected values from scenarios/model/el2_s1_model.c (E2H = 1).
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "cpu_id.h"
#include "el2_check.h"
#include "el2_run.h"
#include "mmu.h"

#define UPPER_VA 0xffffff8000000000ULL /* TTBR1: level-0 index 511 (T1SZ 16), top of 39 bits */
#define VA_HOLE	 0x8000000000000000ULL /* in neither range */

/* EL2&0 leaves: AP[1] = 0 (EL2 only) unless named, UXN set (EL0 never executes here). */
#define V_WB	    (PTE_S1_ATTRIDX(MAIR_IDX_NORMAL_WB) | PTE_SH_INNER | PTE_AF | PTE_S1_UXN)
#define V_PAGE_RW   (V_WB | PTE_S1_PXN | EL2_D_PAGE)
#define V_PAGE_RO   (V_WB | PTE_S1_PXN | PTE_S1_AP_RO | EL2_D_PAGE)
#define V_PAGE_RX   (V_WB | PTE_S1_AP_RO | EL2_D_PAGE)
#define V_PAGE_RWX  (V_WB | EL2_D_PAGE)
#define V_PAGE_EL0W (V_WB | PTE_S1_AP_EL0 | EL2_D_PAGE) /* AP[2:1] = 01: EL0 may write */
#define V_BLOCK_RO  (V_WB | PTE_S1_PXN | PTE_S1_AP_RO | EL2_D_BLOCK)

#define TCR_E2H_T1SZ_SHIFT 16
#define TCR_E2H_EPD1	   BIT(23)
#define TCR_E2H_IRGN1_WBWA (1ULL << 24)
#define TCR_E2H_ORGN1_WBWA (1ULL << 26)
#define TCR_E2H_SH1_INNER  (3ULL << 28)
#define TCR_E2H_TG1_4K	   (2ULL << 30)
#define TCR_E2H_IPS_SHIFT  32
#define TCR_E2H0_T0_FIELDS 0xffffULL /* T0SZ, IRGN0, ORGN0, SH0, TG0: the same in both layouts */

enum vhe_target {
	VHE_UPPER, /* the leaf, through TTBR1_EL2 */
	VHE_HOLE,  /* a VA in neither range */
	VHE_LOWER, /* the data page at its identity address, through TTBR0_EL2 */
};

struct vhe_row {
	const char *name;
	unsigned t1sz;
	bool epd1;
	int level;
	uint64_t desc;
	enum el2_probe_op op;
	enum vhe_target target;
	bool no_wxn; /* SCTLR_EL2.WXN = 0 for the access (written with the MMU off, after TLBI) */
};

#define V(name_, t1sz_, level_, desc_, op_, ...)                                                   \
	{                                                                                          \
		.name = "[" name_ "]", .t1sz = (t1sz_), .level = (level_), .desc = (desc_),        \
		.op = (op_), __VA_ARGS__                                                           \
	}
#define AT_BOTH EL2_PROBE_AT_S1E2R /* the AT rows run S1E2R and S1E2W */

static const struct vhe_row el2_vhe_rows[] = {
	V("at-t1sz16-l3-rw", 16, 3, V_PAGE_RW, AT_BOTH),
	V("at-t1sz25-l3-rw", 25, 3, V_PAGE_RW, AT_BOTH),
	V("at-t1sz25-l3-ro", 25, 3, V_PAGE_RO, AT_BOTH),
	V("at-t1sz25-l2-block-ro", 25, 2, V_BLOCK_RO, AT_BOTH),
	V("at-t1sz25-l3-invalid", 25, 3, 0, AT_BOTH),
	V("at-t1sz16-l1-invalid", 16, 1, 0, AT_BOTH),
	V("at-t1sz25-l3-af0", 25, 3, EL2_NO_AF(V_PAGE_RW), AT_BOTH),
	V("at-t1sz25-epd1", 25, 3, V_PAGE_RW, AT_BOTH, .epd1 = true),
	V("at-va-hole", 25, 3, V_PAGE_RW, AT_BOTH, .target = VHE_HOLE),
	V("at-ttbr0-identity", 25, 3, V_PAGE_RW, AT_BOTH, .target = VHE_LOWER),
	V("ldr-t1sz16-l3-rw", 16, 3, V_PAGE_RW, EL2_PROBE_LDR64),
	V("ldr-t1sz25-l3-rw", 25, 3, V_PAGE_RW, EL2_PROBE_LDR64),
	V("str-t1sz25-l3-rw", 25, 3, V_PAGE_RW, EL2_PROBE_STR64),
	V("ldr-t1sz25-l3-invalid", 25, 3, 0, EL2_PROBE_LDR64),
	V("ldr-t1sz16-l2-invalid", 16, 2, 0, EL2_PROBE_LDR64),
	V("ldr-t1sz25-epd1", 25, 3, V_PAGE_RW, EL2_PROBE_LDR64, .epd1 = true),
	V("ldr-va-hole", 25, 3, V_PAGE_RW, EL2_PROBE_LDR64, .target = VHE_HOLE),
	V("str-t1sz25-l3-ro", 25, 3, V_PAGE_RO, EL2_PROBE_STR64),
	V("ldr-t1sz25-l3-af0", 25, 3, EL2_NO_AF(V_PAGE_RW), EL2_PROBE_LDR64),
	V("fetch-t1sz25-l3-rx", 25, 3, V_PAGE_RX, EL2_PROBE_FETCH),
	V("fetch-t1sz25-l3-pxn", 25, 3, V_PAGE_RO, EL2_PROBE_FETCH),
	V("fetch-t1sz25-l3-rwx-wxn", 25, 3, V_PAGE_RWX, EL2_PROBE_FETCH),
	V("fetch-t1sz25-l3-rwx-nowxn", 25, 3, V_PAGE_RWX, EL2_PROBE_FETCH, .no_wxn = true),
	V("fetch-t1sz25-l3-el0w-nowxn", 25, 3, V_PAGE_EL0W, EL2_PROBE_FETCH, .no_wxn = true),
};

static const char *vhe_requires(const void *row, char *why, size_t len)
{
	uint64_t vh = MMFR1_VH(cpu_id_regs()->mmfr1);

	(void)row;
	if (vh) {
		return NULL;
	}
	snprintf(why, len, "needs FEAT_VHE for HCR_EL2.E2H = 1 (ID_AA64MMFR1_EL1.VH=%llu)",
		 (unsigned long long)vh);
	return why;
}

/* TCR_EL2 in its E2H = 1 layout: TTBR0 as the harness has it, TTBR1 as the row asks. */
static uint64_t vhe_tcr(const struct vhe_row *r)
{
	uint64_t tcr = read_tcr_el2();

	return (tcr & TCR_E2H0_T0_FIELDS) | (uint64_t)r->t1sz << TCR_E2H_T1SZ_SHIFT |
	       (r->epd1 ? TCR_E2H_EPD1 : 0) | TCR_E2H_IRGN1_WBWA | TCR_E2H_ORGN1_WBWA |
	       TCR_E2H_SH1_INNER | TCR_E2H_TG1_4K |
	       FIELD_GET(tcr, TCR_EL2_PS_SHIFT, 3) << TCR_E2H_IPS_SHIFT;
}

static void vhe_op(struct scenario_ctx *c, const struct vhe_row *r, const struct el2_map *m,
		   enum el2_probe_op op, uint64_t va)
{
	const uint64_t *ttbr1 = r->t1sz <= 24 ? m->l0 : m->l1;
	struct el2_probe_e2h w = {/* RW = 1 too: E2H = 1 with an AArch32 EL1 is a combination to
				     avoid, even unused. */
				  .hcr = read_hcr_el2() | HCR_E2H | HCR_RW,
				  .tcr = vhe_tcr(r),
				  .ttbr1 = (uintptr_t)ttbr1};
	uint64_t sctlr = el2_probe_sctlr() & ~(r->no_wxn ? SCTLR_WXN : 0);
	struct el2_regime reg = el2_regime_now();
	struct el2_access a = el2_check_access(op, va);
	struct el2_probe_result res;
	struct el2_s1_outcome o;
	struct el2_walk walk;

	reg.e2h = true;
	reg.wxn = !r->no_wxn;
	reg.va_bits1 = 64 - r->t1sz;
	reg.epd1 = r->epd1;
	if (r->target == VHE_LOWER) {
		el2_map_walk_harness(va, &walk);
	} else {
		el2_map_walk(ttbr1, r->t1sz <= 24 ? 0 : 1, va, &walk);
	}
	if (!el2_s1_translate(&reg, &walk, &a, &o)) {
		sc_fail(c, "the row is outside what the oracle models");
		return;
	}
	el2_probe_e2h(op, va, 0x1122334455667788ULL, sctlr, &w, &res);
	if (a.kind == EL2_ACC_AT_R || a.kind == EL2_ACC_AT_W) {
		if (res.faulted) {
			sc_fail(c, "%s took an exception", el2_check_op_name(op));
			sc_diag(c, "esr_el2", "0x%llx", (unsigned long long)res.esr);
			return;
		}
		el2_check_par(c, el2_check_op_name(op), &o, res.value);
		return;
	}

	uint64_t value = el2_check_load_value((const char *)m->data + (va & 0xfff), 8);

	el2_check_probe(c, el2_check_op_name(op), &a, &o, &res,
			a.kind == EL2_ACC_LOAD ? &value : NULL);
}

static void run_el2_vhe(struct scenario_ctx *c, const void *row)
{
	const struct vhe_row *r = row;
	struct el2_map m;

	if (!el2_map_start(c, &m)) {
		return;
	}

	uint64_t leaf = el2_map_leaf(&m, r->level, r->desc, 0, 0);
	uint64_t va = r->target == VHE_HOLE    ? VA_HOLE
		      : r->target == VHE_LOWER ? (uintptr_t)m.data
					       : UPPER_VA | (leaf & ((1ULL << 39) - 1));

	if (r->op == AT_BOTH) {
		vhe_op(c, r, &m, EL2_PROBE_AT_S1E2R, va);
		vhe_op(c, r, &m, EL2_PROBE_AT_S1E2W, va);
	} else {
		vhe_op(c, r, &m, r->op, va);
	}
	el2_map_end(&m);
}

SCENARIO(
	el2_vhe, .id = "el2.vhe",
	.rule = "with HCR_EL2.E2H = 1 EL2 translates in the EL2&0 regime: TTBR1_EL2 for the upper "
		"range sized by TCR_EL2.T1SZ (start level 0 for 16, 1 for 25), EPD1 and a VA in "
		"neither range give a level-0 translation fault, AP[2:1]/PXN/WXN and 'EL0-writable "
		"is not EL2-executable' (AArch64.S1ComputePermissions()); AT S1E2R/W report it in "
		"PAR_EL1, accesses fault at EL2 with EC 0x25/0x21 as in the EL2 regime",
	SCENARIO_ROWS(el2_vhe_rows), .requires = vhe_requires, .run = run_el2_vhe,
	.ec = "0x21 0x25", .control = "HCR_EL2.E2H (TTBR1_EL2, TCR_EL2.T1SZ/EPD1)",
	.fields = "+HCR_EL2.E2H");
