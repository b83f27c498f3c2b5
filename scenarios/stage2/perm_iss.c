/* SPDX-License-Identifier: MIT */
/*
 * stage2.perm.iss: the instruction syndrome of a stage-2 Permission fault, per load/store form.
 * Each row is one EL1 instruction on perm_map.c's data alias of a page that denies it (loads
 * on a write-only page, stores on a read-only one): the fault must carry ISV = 1 with SAS, SSE,
 * SRT, SF and AR of the instruction for a single general-purpose register without writeback
 * (narrow, sign-extending, W and X, unscaled, register offset, acquire/release, unprivileged
 * LDTR, XZR), and ISV = 0 with the rest of ISS[23:14] 0 for writeback, pair and SIMD&FP forms
 * (LSInstructionSyndrome() is not called for them). WnR, DFSC, ELR_EL2 and FAR_EL2 as in
 * stage2.perm.data. Oracle: s2_perm_model.c (which forms can have ISV) and esr_model.c.
 */
#include "arch/esr.h"
#include "esr_model.h"
#include "perm_map.h"
#include "s2_perm_model.h"

struct s2_perm_iss_row {
	const char *name;
	uint64_t payload, insn;
	enum s2_perm_access access;
	struct dabt_access regs; /* the instruction's SAS/SSE/SRT/SF/AR */
	int far_off;		 /* the faulting address - x0 (pre-index, unscaled offset) */
	int far_alt;		 /* a pair: the second element may fault first (see below) */
};

#define LD(sz, rt_, sf_, ...)                                                                      \
	{                                                                                          \
		.size_log2 = sz, .rt = rt_, .sf = sf_, __VA_ARGS__                                 \
	}
#define ROW(id, n, acc, regs, off, alt)                                                            \
	{"[" id "]", GSYM(gp_perm_iss_##n), GSYM(gl_perm_iss_##n), acc, regs, off, alt},
/* Y(id, payload name, access kind, registers, FAR offset, pair's other element) */
#define PERM_ISS_FORMS(Y)                                                                          \
	Y("ldrb-w17", ldrb_w17, S2P_LOAD, LD(0, 17, false), 0, 0)                                  \
	Y("ldrsh-x3", ldrsh_x3, S2P_LOAD, LD(1, 3, true, .sign_extend = true), 0, 0)               \
	Y("ldrsw-x4", ldrsw_x4, S2P_LOAD, LD(2, 4, true, .sign_extend = true), 0, 0)               \
	Y("ldr-w5", ldr_w5, S2P_LOAD, LD(2, 5, false), 0, 0)                                       \
	Y("ldur-x6", ldur_x6, S2P_LOAD, LD(3, 6, true), -8, 0)                                     \
	Y("ldr-reg-x7", ldr_reg_x7, S2P_LOAD, LD(3, 7, true), 0, 0)                                \
	Y("ldar-x8", ldar_x8, S2P_LOAD, LD(3, 8, true, .acqrel = true), 0, 0)                      \
	Y("ldtr-x9", ldtr_x9, S2P_LOAD, LD(3, 9, true), 0, 0)                                      \
	Y("strh-w10", strh_w10, S2P_STORE, LD(1, 10, false), 0, 0)                                 \
	Y("str-xzr", str_xzr, S2P_STORE, LD(3, 31, true), 0, 0)                                    \
	Y("stlr-w11", stlr_w11, S2P_STORE, LD(2, 11, false, .acqrel = true), 0, 0)                 \
	Y("ldr-post-x12", ldr_post_x12, S2P_LOAD_NO_ISS, LD(3, 12, true), 0, 0)                    \
	Y("ldr-pre-x13", ldr_pre_x13, S2P_LOAD_NO_ISS, LD(3, 13, true), 8, 0)                      \
	Y("str-post-x14", str_post_x14, S2P_STORE_NO_ISS, LD(3, 14, true), 0, 0)                   \
	Y("ldp-x2-x3", ldp_x2_x3, S2P_LOAD_NO_ISS, LD(3, 2, true), 0, 8)                           \
	Y("stp-x2-x3", stp_x2_x3, S2P_STORE_NO_ISS, LD(3, 2, true), 0, 8)                          \
	Y("ldr-d0", ldr_d0, S2P_LOAD_NO_ISS, LD(3, 0, true), 0, 0)

static const struct s2_perm_iss_row perm_iss_rows[] = {PERM_ISS_FORMS(ROW)};

static void run_perm_iss(struct scenario_ctx *c, const void *row)
{
	const struct s2_perm_iss_row *r = row;
	bool load = r->access == S2P_LOAD || r->access == S2P_LOAD_NO_ISS;
	/* A load where only writes are allowed, a store where only reads are. */
	struct s2_perm_case k = {.s2ap = load ? S2AP_WO : S2AP_RO, .access = r->access, .el = 1};
	struct s2_perm_outcome o = s2_perm_check(&k);
	uint64_t va = PERM_DATA_VA + PERM_DATA_OFF;
	struct perm_map m = {.s2ap = k.s2ap, .payload = r->payload, .args = {va, 0}};
	struct dabt_access regs = r->regs;

	if (!o.fault) {
		sc_fail(c, "the oracle lets this access through: the row is wrong");
		return;
	}
	if (!perm_map_start(c, &m)) {
		return;
	}
	struct exit e = sc_run(c);

	regs.is_write = o.wnr;
	regs.valid_syndrome = o.isv;
	if (!sc_expect_exit(c, &e, EXIT_DABT, esr_expect_dabt_s2(&regs, ESR_FSC_PERM(3)),
			    r->insn)) {
		return;
	}
	/*
	 * A pair makes two accesses in an order the architecture leaves open, so FAR_EL2 may
	 * give either element's address when both fault; either is accepted.
	 */
	uint64_t far = far_expect_dabt(va + (uint64_t)(int64_t)r->far_off);

	if (r->far_alt && e.far == far + (uint64_t)r->far_alt) {
		far = e.far;
	}
	sc_expect_u64(c, "far_el2", e.far, far);
	sc_expect_u64(c, "memory", perm_map_data(c), PERM_DATA_INIT);
}

SCENARIO(stage2_perm_iss, .id = "stage2.perm.iss",
	 .rule = "a stage 2 Data Abort has ISV = 1 and the instruction's SAS, SSE, SRT, SF and AR "
		 "only for a load or store of a single general-purpose register without "
		 "writeback (any size, sign extension, register or unscaled offset, LDAR/STLR, "
		 "LDTR, XZR); writeback, pair and SIMD&FP forms give ISV = 0 and ISS[23:14] = 0 "
		 "(LSInstructionSyndrome()); WnR, DFSC 0b001111, ELR_EL2, FAR_EL2 = VA",
	 SCENARIO_ROWS(perm_iss_rows), .run = run_perm_iss, .ec = "0x24",
	 .control = "stage 2 permissions (S2AP)");
