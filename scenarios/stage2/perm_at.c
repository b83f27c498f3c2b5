/* SPDX-License-Identifier: MIT */
/*
 * stage2.perm.at: AT S12E1R, S12E1W, S12E0R and S12E0W from EL2 on perm_map.c's data alias
 * (read/write at EL1 and EL0 at stage 1), for S2AP RO/WO/RW x every XN[1:0]. Unlike AT S1E1R/W
 * (stage2.perm.data), these look at the final stage-2 permissions: R needs S2AP[0], W needs
 * S2AP[1], XN does not matter. An allowed one gives PAR_EL1.F 0 and the page's PA. The guest
 * never runs. Oracle: s2_perm_model.c.
 *
 * stage2.perm.at.denied (and .denied.xnx): the ATs the oracle denies, S2AP none included; each
 * must report in PAR_EL1 F 1, FST 0b001111 (Permission, level 3), S 1, PTW 0. They are families
 * of their own because on QEMU 10.0 a denied AT aborts the emulator: do_ats_write()
 * (target/arm/helper.c) asserts !res.cacheattrs.is_s2_format, which get_phys_addr_lpae()
 * (target/arm/ptw.c) sets before its permission check, while get_phys_addr_twostage() returns
 * early on the stage-2 fault without combining the attributes. A crash cannot be a `not ok`, so
 * results/qemu-10.0/not-run names these families and ci/qemu-run leaves them out there
 * (docs/baselines.md); every other platform, hardware included, runs them.
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "cpu_id.h"
#include "perm_map.h"
#include "s2_perm_model.h"

/* PAR_EL1 with F = 1: FST [6:1], PTW [8], S [9] (bit 11 RES1, [63:56] IMPLEMENTATION DEFINED). */
#define PAR_FST_SHIFT	 1
#define PAR_FST_MASK	 0x3fULL
#define PAR_PTW		 BIT(8)
#define PAR_S		 BIT(9)
#define PAR_FAULT_FIELDS (PAR_F | PAR_FST_MASK << PAR_FST_SHIFT | PAR_PTW | PAR_S)

struct s2_perm_at_row {
	const char *name;
	unsigned s2ap, xn;
	bool denied; /* issue the ATs the oracle denies (else those it allows) */
};

/* XN 0b00/0b10 here, the FEAT_XNX encodings in the .xnx families (skipped as a whole). */
#define AT_XN(ap, apn, d)                                                                          \
	{"[s2ap=" apn ",xn=00]", ap, S2XN_NONE, d}, {"[s2ap=" apn ",xn=10]", ap, S2XN_ALL, d},
#define AT_XN_XNX(ap, apn, d)                                                                      \
	{"[s2ap=" apn ",xn=01]", ap, S2XN_PXN, d}, {"[s2ap=" apn ",xn=11]", ap, S2XN_UXN, d},

/* S2AP none allows no AT and RW denies none: each is in one of the two kinds only. */
static const struct s2_perm_at_row perm_at_rows[] = {
	AT_XN(S2AP_RO, "ro", false) AT_XN(S2AP_WO, "wo", false) AT_XN(S2AP_RW, "rw", false)};
static const struct s2_perm_at_row perm_at_xnx_rows[] = {AT_XN_XNX(S2AP_RO, "ro", false) AT_XN_XNX(
	S2AP_WO, "wo", false) AT_XN_XNX(S2AP_RW, "rw", false)};
static const struct s2_perm_at_row perm_at_denied_rows[] = {
	AT_XN(S2AP_NONE, "none", true) AT_XN(S2AP_RO, "ro", true) AT_XN(S2AP_WO, "wo", true)};
static const struct s2_perm_at_row perm_at_denied_xnx_rows[] = {AT_XN_XNX(
	S2AP_NONE, "none", true) AT_XN_XNX(S2AP_RO, "ro", true) AT_XN_XNX(S2AP_WO, "wo", true)};

static const char *perm_at_requires(const void *row, char *why, size_t len)
{
	const struct s2_perm_at_row *r = row;

	return s2_perm_needs_xnx(r->xn) ? cpu_requires(CPU_XNX, why, len) : NULL;
}

static void check_at(struct scenario_ctx *c, const struct s2_perm_at_row *r, enum at_s12_op op,
		     uint64_t pa)
{
	static const char *const names[] = {[AT_S12E1R] = "at_s12e1r",
					    [AT_S12E1W] = "at_s12e1w",
					    [AT_S12E0R] = "at_s12e0r",
					    [AT_S12E0W] = "at_s12e0w"};
	bool write = op == AT_S12E1W || op == AT_S12E0W;
	struct s2_perm_case k = {
		.s2ap = r->s2ap,
		.xn = r->xn,
		.xnx = cpu_has(cpu_id_regs(), CPU_XNX),
		.access = write ? S2P_AT_S12_W : S2P_AT_S12_R,
		.el = op == AT_S12E0R || op == AT_S12E0W ? 0 : 1,
	};
	bool fault = s2_perm_check(&k).fault;
	uint64_t par;

	if (fault != r->denied) {
		return;
	}
	if (vcpu_at_s12(sc_vcpu(c), op, PERM_DATA_VA, &par)) {
		sc_fail(c, "vcpu_at_s12 refused the vCPU");
		return;
	}
	if (fault) {
		uint64_t want = PAR_F | (uint64_t)ESR_FSC_PERM(3) << PAR_FST_SHIFT | PAR_S;

		if (!sc_expect_u64(c, names[op], par & PAR_FAULT_FIELDS, want)) {
			sc_diag(c, "par_el1", "0x%016llx # F, FST, PTW and S compared",
				(unsigned long long)par);
		}
		return;
	}
	if (!sc_expect_u64(c, names[op], par & (PAR_F | PAR_PA_MASK), pa)) {
		sc_diag(c, "par_el1", "0x%016llx # F and PA compared", (unsigned long long)par);
	}
}

static void run_perm_at(struct scenario_ctx *c, const void *row)
{
	const struct s2_perm_at_row *r = row;
	struct perm_map m = {.s2ap = r->s2ap, .xn = r->xn, .payload = GSYM(gp_exit)};

	if (!perm_map_start(c, &m)) {
		return;
	}
	for (enum at_s12_op op = AT_S12E1R; op <= AT_S12E0W; op++) {
		check_at(c, r, op, m.pa);
	}
}

#define PERM_AT_RULE                                                                               \
	"AT S12E1R/S12E0R need stage 2 read permission (S2AP[0]) and AT S12E1W/S12E0W write "      \
	"permission (S2AP[1]), XN is ignored: an allowed one gives PAR_EL1.F = 0 and the PA (the " \
	"denied ones are stage2.perm.at.denied)"
#define PERM_AT_DENIED_RULE                                                                        \
	"an AT S12E1R/S12E0R without stage 2 read permission (S2AP[0]) or AT S12E1W/S12E0W "       \
	"without write permission (S2AP[1]) reports the stage 2 Permission fault in PAR_EL1: F = " \
	"1, FST 0b001111 (level 3), S = 1, PTW = 0 (AArch64.S2CheckPermissions(), XN ignored)"

SCENARIO(stage2_perm_at, .id = "stage2.perm.at", .rule = PERM_AT_RULE, SCENARIO_ROWS(perm_at_rows),
	 .requires = perm_at_requires, .run = run_perm_at);
SCENARIO(stage2_perm_at_xnx, .id = "stage2.perm.at.xnx", .rule = PERM_AT_RULE,
	 SCENARIO_ROWS(perm_at_xnx_rows), .requires = perm_at_requires, .run = run_perm_at);
SCENARIO(stage2_perm_at_denied, .id = "stage2.perm.at.denied", .rule = PERM_AT_DENIED_RULE,
	 SCENARIO_ROWS(perm_at_denied_rows), .requires = perm_at_requires, .run = run_perm_at);
SCENARIO(stage2_perm_at_denied_xnx, .id = "stage2.perm.at.denied.xnx", .rule = PERM_AT_DENIED_RULE,
	 SCENARIO_ROWS(perm_at_denied_xnx_rows), .requires = perm_at_requires, .run = run_perm_at);
