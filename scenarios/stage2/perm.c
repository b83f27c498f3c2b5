/* SPDX-License-Identifier: MIT */
/*
 * stage2.perm.data and stage2.perm.exec: every S2AP[1:0] (none, RO, WO, RW) crossed with every
 * XN[1:0] and one access from the guest: at EL1 LDR, STR, DC ZVA, DC IVAC, DC CIVAC, LDADD
 * (FEAT_LSE), LDXR then STXR, AT S1E1R/W, and at EL0 LDR, STR, DC CIVAC (which needs read
 * permission there) and DC ZVA (data); an instruction fetch at EL1 and at EL0 (exec). Each
 * instance is one guest run through perm_map.c's page. The access either completes (its
 * effect is checked: the data loaded or stored, the block zeroed, PAR_EL1) or is a stage-2
 * Permission fault taken to EL2 with exactly the ESR_EL2 the oracle gives (DFSC/IFSC 0b001111:
 * level 3, WnR, CM, S1PTW 0, ISV and its fields), ELR_EL2 = the instruction, FAR_EL2 = the VA,
 * and memory unchanged. HPFAR_EL2 is UNKNOWN for these faults (IPAValid()) and only shown.
 * XN[0] rows (the .xnx families) need FEAT_XNX (bit 53 is RES0 without it), stage2.perm.atomic
 * FEAT_LSE. Oracle: scenarios/model/s2_perm_model.c.
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "cpu_id.h"
#include "esr_model.h"
#include "hvc.h"
#include "perm_map.h"
#include "s2_perm_model.h"

/** One kind of guest access: the payload, its faulting instruction(s), its registers. */
struct perm_op {
	enum s2_perm_access access;
	unsigned el;
	uint64_t payload;
	uint64_t insn;		 /* the instruction that faults (ELR_EL2) */
	struct dabt_access regs; /* SAS/SRT/SF of the instruction, if ISV can be 1 */
	uint64_t arg1;		 /* x1: data stored, addend; at EL0 the data or the value to read */
	uint64_t el0_ok;	 /* EL0: the instruction after its SVC #1 (ELR_EL1) */
};

enum perm_op_id {
	OP_LDR,
	OP_STR,
	OP_DC_ZVA,
	OP_DC_IVAC,
	OP_DC_CIVAC,
	OP_LDADD,
	OP_LDXR_STXR,
	OP_AT_S1E1R,
	OP_AT_S1E1W,
	OP_FETCH_EL1,
	OP_FETCH_EL0,
	OP_LDR_EL0,
	OP_STR_EL0,
	OP_DC_CIVAC_EL0,
	OP_DC_ZVA_EL0,
	OP_COUNT
};

#define STORED 0xa5a5a5a55a5a5a5aULL
#define X(n)                                                                                       \
	{                                                                                          \
		.size_log2 = 3, .rt = (n), .sf = true                                              \
	}

static const struct perm_op perm_ops[] = {
	[OP_LDR] = {S2P_LOAD, 1, GSYM(gp_perm_ldr), GSYM(gl_perm_ldr), X(2), 0},
	[OP_STR] = {S2P_STORE, 1, GSYM(gp_perm_str), GSYM(gl_perm_str), X(1), STORED},
	[OP_DC_ZVA] = {S2P_DC_ZVA, 1, GSYM(gp_perm_dc_zva), GSYM(gl_perm_dc_zva), {0}, 0},
	[OP_DC_IVAC] = {S2P_DC_IVAC, 1, GSYM(gp_perm_dc_ivac), GSYM(gl_perm_dc_ivac), {0}, 0},
	[OP_DC_CIVAC] = {S2P_DC_CIVAC, 1, GSYM(gp_perm_dc_civac), GSYM(gl_perm_dc_civac), {0}, 0},
	[OP_LDADD] = {S2P_ATOMIC, 1, GSYM(gp_perm_ldadd), GSYM(gl_perm_ldadd), X(2), 1},
	[OP_LDXR_STXR] = {S2P_LDXR, 1, GSYM(gp_perm_ldxr_stxr), GSYM(gl_perm_ldxr), X(2), STORED},
	[OP_AT_S1E1R] = {S2P_AT_S1E1, 1, GSYM(gp_perm_at_s1e1r), 0, {0}, 0},
	[OP_AT_S1E1W] = {S2P_AT_S1E1, 1, GSYM(gp_perm_at_s1e1w), 0, {0}, 0},
	[OP_FETCH_EL1] =
		{S2P_IFETCH, 1, GSYM(gp_perm_fetch_el1), PERM_CODE_VA + PERM_CODE_EL1, {0}, 0},
	[OP_FETCH_EL0] =
		{S2P_IFETCH, 0, GSYM(gp_perm_fetch_el0), PERM_CODE_VA + PERM_CODE_EL0, {0}, 0},
	/* EL0 through gp_perm_el0_call: .insn is the guest image address (run at its EL0 alias). */
	[OP_LDR_EL0] = {S2P_LOAD, 0, GSYM(gp_perm_el0_call), GSYM(gl_perm_el0_ldr), X(2),
			PERM_DATA_INIT, GSYM(gl_perm_el0_ldr_ok)},
	[OP_STR_EL0] = {S2P_STORE, 0, GSYM(gp_perm_el0_call), GSYM(gl_perm_el0_str), X(1), STORED,
			GSYM(gl_perm_el0_str_ok)},
	[OP_DC_CIVAC_EL0] = {S2P_DC_CIVAC,
			     0,
			     GSYM(gp_perm_el0_call),
			     GSYM(gl_perm_el0_dc_civac),
			     {0},
			     0,
			     GSYM(gl_perm_el0_dc_civac_ok)},
	[OP_DC_ZVA_EL0] = {S2P_DC_ZVA,
			   0,
			   GSYM(gp_perm_el0_call),
			   GSYM(gl_perm_el0_dc_zva),
			   {0},
			   0,
			   GSYM(gl_perm_el0_dc_zva_ok)},
};
_Static_assert(sizeof(perm_ops) / sizeof(perm_ops[0]) == OP_COUNT, "an entry per op");

struct s2_perm_row {
	const char *name;
	unsigned s2ap, xn;
	enum perm_op_id op;
	unsigned level; /* of the stage-2 leaf: 0 = 3 (a page), 2 or 1 (a block) */
};

/* The row's fault status code: a Permission fault at the level of its leaf. */
static unsigned row_fsc(const struct s2_perm_row *r)
{
	return ESR_FSC_PERM(r->level ? r->level : 3);
}

static struct perm_map row_map(const struct s2_perm_row *r, uint64_t payload, uint64_t x0,
			       uint64_t x1, uint64_t x2)
{
	return (struct perm_map){.s2ap = r->s2ap,
				 .xn = r->xn,
				 .level = r->level,
				 .payload = payload,
				 .args = {x0, x1, x2}};
}

/* Rows: S2AP x XN x op, named "[s2ap=ro,xn=01,ldr]". */
/*
 * Rows: S2AP x XN x op, named "[s2ap=ro,xn=01,ldr]". XN 0b00/0b10 exist on every CPU; the
 * XN[0] = 1 encodings (FEAT_XNX) are families of their own (".xnx"), and so are the FEAT_LSE
 * atomics, so that a CPU without the feature skips whole families.
 */
#define PERM_XN_BASE(Y, ap, apn, op, opn)                                                          \
	Y(ap, apn, S2XN_NONE, "00", op, opn)                                                       \
	Y(ap, apn, S2XN_ALL, "10", op, opn)
#define PERM_XN_XNX(Y, ap, apn, op, opn)                                                           \
	Y(ap, apn, S2XN_PXN, "01", op, opn)                                                        \
	Y(ap, apn, S2XN_UXN, "11", op, opn)
#define PERM_XN_ALL(Y, ap, apn, op, opn)                                                           \
	PERM_XN_BASE(Y, ap, apn, op, opn) PERM_XN_XNX(Y, ap, apn, op, opn)
#define PERM_AP(XN, Y, op, opn)                                                                    \
	XN(Y, S2AP_NONE, "none", op, opn)                                                          \
	XN(Y, S2AP_RO, "ro", op, opn)                                                              \
	XN(Y, S2AP_WO, "wo", op, opn)                                                              \
	XN(Y, S2AP_RW, "rw", op, opn)
#define PERM_ROW(ap, apn, xn, xnn, op, opn) {"[s2ap=" apn ",xn=" xnn "," opn "]", ap, xn, op, 0},

#define PERM_ROWS_BASE(op, opn) PERM_AP(PERM_XN_BASE, PERM_ROW, op, opn)
#define PERM_ROWS_XNX(op, opn)	PERM_AP(PERM_XN_XNX, PERM_ROW, op, opn)
#define PERM_DATA_OPS(Y)                                                                           \
	Y(OP_LDR, "ldr")                                                                           \
	Y(OP_STR, "str")                                                                           \
	Y(OP_DC_ZVA, "dc-zva")                                                                     \
	Y(OP_DC_IVAC, "dc-ivac")                                                                   \
	Y(OP_DC_CIVAC, "dc-civac")                                                                 \
	Y(OP_LDXR_STXR, "ldxr-stxr")                                                               \
	Y(OP_AT_S1E1R, "at-s1e1r")                                                                 \
	Y(OP_AT_S1E1W, "at-s1e1w")                                                                 \
	Y(OP_LDR_EL0, "ldr-el0")                                                                   \
	Y(OP_STR_EL0, "str-el0")                                                                   \
	Y(OP_DC_CIVAC_EL0, "dc-civac-el0")                                                         \
	Y(OP_DC_ZVA_EL0, "dc-zva-el0")
#define PERM_EXEC_OPS(Y)                                                                           \
	Y(OP_FETCH_EL1, "fetch-el1")                                                               \
	Y(OP_FETCH_EL0, "fetch-el0")

static const struct s2_perm_row perm_data_rows[] = {PERM_DATA_OPS(PERM_ROWS_BASE)};
static const struct s2_perm_row perm_data_xnx_rows[] = {PERM_DATA_OPS(PERM_ROWS_XNX)};
static const struct s2_perm_row perm_atomic_rows[] = {
	PERM_AP(PERM_XN_ALL, PERM_ROW, OP_LDADD, "ldadd")};
static const struct s2_perm_row perm_exec_rows[] = {PERM_EXEC_OPS(PERM_ROWS_BASE)};
static const struct s2_perm_row perm_exec_xnx_rows[] = {PERM_EXEC_OPS(PERM_ROWS_XNX)};

static const char *perm_requires(const void *row, char *why, size_t len)
{
	const struct s2_perm_row *r = row;

	/* LSE first: stage2.perm.atomic then skips as a whole without it. */
	if (r->op == OP_LDADD && cpu_requires(CPU_LSE, why, len)) {
		return why;
	}
	return s2_perm_needs_xnx(r->xn) ? cpu_requires(CPU_XNX, why, len) : NULL;
}

static struct s2_perm_outcome outcome(const struct s2_perm_row *r, enum s2_perm_access a)
{
	struct s2_perm_case k = {
		.s2ap = r->s2ap,
		.xn = r->xn,
		.xnx = cpu_has(cpu_id_regs(), CPU_XNX),
		.cmow = false, /* the vmm leaves HCRX_EL2.CMOW 0 (arch/hcrx.h) */
		.access = a,
		.el = perm_ops[r->op].el,
	};

	return s2_perm_check(&k);
}

/*
 * The stage-2 Data Abort of @insn with @o's WnR/CM/ISV and @regs' fields, memory unchanged.
 * False when the exit is not a Data Abort at all.
 */
static bool expect_dabt(struct scenario_ctx *c, const struct exit *e, struct s2_perm_outcome o,
			struct dabt_access regs, unsigned fsc, uint64_t insn, uint64_t va)
{
	regs.is_write = o.wnr;
	regs.cm = o.cm;
	regs.valid_syndrome = o.isv;
	if (!sc_expect_exit(c, e, EXIT_DABT, esr_expect_dabt_s2(&regs, fsc), insn)) {
		return false;
	}
	sc_expect_u64(c, "far_el2", e->far, far_expect_dabt(va));
	sc_diag(c, "hpfar_el2", "0x%llx # UNKNOWN for a stage-2 Permission fault (IPAValid())",
		(unsigned long long)e->hpfar);
	sc_expect_u64(c, "memory", perm_map_data(c), PERM_DATA_INIT);
	return true;
}

/* PAR_EL1 of AT S1E1R/W: stage 1 only, so F = 0 and PA = the IPA, whatever stage 2 allows. */
static void expect_at_s1e1(struct scenario_ctx *c, const struct exit *e, uint64_t ipa)
{
	if (!sc_expect_reason(c, e, EXIT_GUEST_DONE)) {
		return;
	}
	if (sc_vcpu(c)->reported & (1u << GREPORT_VECTOR)) {
		sc_fail(c, "the guest took an exception at EL1 on AT");
		return;
	}
	sc_diag(c, "par_el1", "0x%016llx", (unsigned long long)e->status);
	sc_expect_u64(c, "par_el1.f", e->status & PAR_F, 0);
	sc_expect_u64(c, "par_el1.pa", e->status & PAR_PA_MASK, ipa);
}

/* An EL0 access through gp_perm_el0_call: a fault taken from EL0, or SVC #1 at its end. */
static void run_data_el0(struct scenario_ctx *c, const struct s2_perm_row *r)
{
	const struct perm_op *op = &perm_ops[r->op];
	uint64_t va = PERM_DATA_VA + PERM_DATA_OFF;
	uint64_t insn = PERM_EL0_VA(op->insn);
	struct s2_perm_outcome o = outcome(r, op->access);
	struct perm_map m = row_map(r, op->payload, va, insn, op->arg1);

	if (!perm_map_start(c, &m)) {
		return;
	}
	if (!o.fault) {
		sc_expect_el1_exceptions(c);
	}
	struct exit e = sc_run(c);

	if (o.fault) {
		if (expect_dabt(c, &e, o, op->regs, row_fsc(r), insn, va)) {
			sc_expect_u64(c, "spsr_el2.m", e.spsr & 0xf, SPSR_M_EL0t);
		}
		return;
	}
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	sc_expect_el1_exception(c, 0x400, esr_expect_svc64(1), PERM_EL0_VA(op->el0_ok));
	sc_expect_u64(c, "memory", perm_map_data(c),
		      r->op == OP_STR_EL0      ? STORED
		      : r->op == OP_DC_ZVA_EL0 ? 0
					       : PERM_DATA_INIT);
}

static void run_data(struct scenario_ctx *c, const struct s2_perm_row *r)
{
	const struct perm_op *op = &perm_ops[r->op];
	uint64_t va = PERM_DATA_VA + PERM_DATA_OFF;
	struct s2_perm_outcome o = outcome(r, op->access);
	struct perm_map m = row_map(r, op->payload, va, op->arg1, 0);

	if (op->el == 0) {
		run_data_el0(c, r);
		return;
	}
	if (!perm_map_start(c, &m)) {
		return;
	}
	struct exit e = sc_run(c);

	if (op->access == S2P_AT_S1E1) {
		expect_at_s1e1(c, &e, m.ipa);
		return;
	}
	if (r->op == OP_LDXR_STXR && !o.fault) {
		/* The load-exclusive passed: the store-exclusive is checked as a write. */
		o = outcome(r, S2P_STXR);
		if (o.fault) {
			struct dabt_access regs = X(1);

			expect_dabt(c, &e, o, regs, row_fsc(r), GSYM(gl_perm_stxr), va);
			return;
		}
	}
	if (o.fault) {
		expect_dabt(c, &e, o, op->regs, row_fsc(r), op->insn, va);
		return;
	}
	switch (r->op) {
	case OP_LDR:
		sc_expect_done(c, &e, PERM_DATA_INIT);
		break;
	case OP_STR:
		if (sc_expect_done(c, &e, 0)) {
			sc_expect_u64(c, "memory", perm_map_data(c), STORED);
		}
		break;
	case OP_DC_ZVA:
		if (sc_expect_done(c, &e, 0)) {
			sc_expect_u64(c, "memory", perm_map_data(c), 0);
		}
		break;
	case OP_DC_IVAC:
	case OP_DC_CIVAC:
		/* The data was clean (vm_load), and DC IVAC at EL1 under stage 2 cleans too. */
		if (sc_expect_done(c, &e, 0)) {
			sc_expect_u64(c, "memory", perm_map_data(c), PERM_DATA_INIT);
		}
		break;
	case OP_LDADD:
		if (sc_expect_done(c, &e, PERM_DATA_INIT)) {
			sc_expect_u64(c, "memory", perm_map_data(c), PERM_DATA_INIT + 1);
		}
		break;
	case OP_LDXR_STXR:
		/*
		 * A store-exclusive may fail (status 1, nothing stored) even with the monitor
		 * armed, as the local monitor may be cleared at any time (IMPLEMENTATION
		 * DEFINED events): both outcomes are accepted, each with its memory contents.
		 */
		if (sc_expect_reason(c, &e, EXIT_GUEST_DONE)) {
			sc_expect_done(c, &e, e.status == 1 ? 1 : 0);
			sc_expect_u64(c, "memory", perm_map_data(c),
				      e.status == 1 ? PERM_DATA_INIT : STORED);
		}
		break;
	default:
		sc_fail(c, "not a data access row");
	}
}

static void run_perm_data(struct scenario_ctx *c, const void *row)
{
	run_data(c, row);
}

#define PERM_DATA_RULE                                                                             \
	"stage 2 data permissions (AArch64.S2CheckPermissions()): a read needs S2AP[0], a write "  \
	"S2AP[1], LDADD both (read checked first), DC ZVA is a write, DC IVAC needs write, DC "    \
	"CIVAC never faults at EL1 and needs read at EL0, XN is ignored, AT S1E1R/W never checks " \
	"the final stage 2 permissions; a fault is EC 0x24 with DFSC 0b001111, ISV 1 only for "    \
	"LDR/STR (not exclusives, atomics or DC), WnR the direction (1 for DC, for LDADD 0 iff "   \
	"the read faults), CM 1 for DC IVAC/CIVAC, FAR_EL2 = VA; HPFAR_EL2 UNKNOWN (IPAValid())"

SCENARIO(stage2_perm_data, .id = "stage2.perm.data", .rule = PERM_DATA_RULE,
	 SCENARIO_ROWS(perm_data_rows), .requires = perm_requires, .run = run_perm_data,
	 .ec = "0x24", .control = "stage 2 permissions (S2AP, XN)");
SCENARIO(stage2_perm_data_xnx, .id = "stage2.perm.data.xnx", .rule = PERM_DATA_RULE,
	 SCENARIO_ROWS(perm_data_xnx_rows), .requires = perm_requires, .run = run_perm_data,
	 .ec = "0x24", .control = "stage 2 permissions (S2AP, XN with FEAT_XNX)");
SCENARIO(stage2_perm_atomic, .id = "stage2.perm.atomic", .rule = PERM_DATA_RULE,
	 SCENARIO_ROWS(perm_atomic_rows), .requires = perm_requires, .run = run_perm_data,
	 .ec = "0x24", .control = "stage 2 permissions (S2AP, XN)");

static void run_perm_exec(struct scenario_ctx *c, const void *row)
{
	const struct s2_perm_row *r = row;
	const struct perm_op *op = &perm_ops[r->op];
	struct s2_perm_outcome o = outcome(r, S2P_IFETCH);
	struct perm_map m = row_map(r, op->payload, op->insn, 0, 0);

	if (!perm_map_start(c, &m)) {
		return;
	}
	if (!o.fault && op->el == 0) {
		sc_expect_el1_exceptions(c);
	}
	struct exit e = sc_run(c);

	if (o.fault) {
		if (!sc_expect_exit(c, &e, EXIT_IABT, esr_expect_iabt_s2(row_fsc(r)), op->insn)) {
			return;
		}
		sc_expect_u64(c, "far_el2", e.far, op->insn);
		sc_expect_u64(c, "spsr_el2.m", e.spsr & 0xf,
			      op->el == 0 ? SPSR_M_EL0t : SPSR_M_EL1h);
		sc_diag(c, "hpfar_el2", "0x%llx # UNKNOWN for a stage-2 Permission fault",
			(unsigned long long)e.hpfar);
		return;
	}
	if (op->el == 1) {
		sc_expect_done(c, &e, PERM_EL1_MARK);
		return;
	}
	/* EL0 ran the SVC: the runtime's lower-EL vector reported it and ended the run. */
	if (sc_expect_done(c, &e, 0)) {
		sc_expect_el1_exception(c, 0x400, esr_expect_svc64(PERM_EL0_SVC), op->insn + 4);
	}
}

#define PERM_EXEC_RULE                                                                             \
	"stage 2 execute permission (AArch64.S2ComputePermissions()): without FEAT_XNX XN[1] "     \
	"forbids execution at EL1 and EL0; with it XN[1:0] 0b00 both, 0b01 EL0 only, 0b10 "        \
	"neither, 0b11 EL1 only; S2AP does not matter (execute-only is allowed); a fault is EC "   \
	"0x20 with IFSC 0b001111, S1PTW 0, ELR_EL2 = FAR_EL2 = the fetched VA"

SCENARIO(stage2_perm_exec, .id = "stage2.perm.exec", .rule = PERM_EXEC_RULE,
	 SCENARIO_ROWS(perm_exec_rows), .requires = perm_requires, .run = run_perm_exec,
	 .ec = "0x20", .control = "stage 2 permissions (S2AP, XN)");
SCENARIO(stage2_perm_exec_xnx, .id = "stage2.perm.exec.xnx", .rule = PERM_EXEC_RULE,
	 SCENARIO_ROWS(perm_exec_xnx_rows), .requires = perm_requires, .run = run_perm_exec,
	 .ec = "0x20", .control = "stage 2 permissions (S2AP, XN with FEAT_XNX)");

/*
 * stage2.perm.level: the same checks through a level-2 (2 MiB) and a level-1 (1 GiB) block
 * instead of a page: the Permission fault reports the level of the leaf that denied the access
 * (DFSC/IFSC 0b0011LL with LL = the level, AArch64.S2Walk()'s walkstate.level).
 */
#define PERM_LEVEL_XN(L, ln, ap, apn)                                                              \
	{"[level=" ln ",s2ap=" apn ",ldr]", ap, S2XN_NONE, OP_LDR, L},                             \
		{"[level=" ln ",s2ap=" apn ",str]", ap, S2XN_NONE, OP_STR, L},                     \
		{"[level=" ln ",s2ap=" apn ",xn=00,fetch-el1]", ap, S2XN_NONE, OP_FETCH_EL1, L},   \
		{"[level=" ln ",s2ap=" apn ",xn=10,fetch-el1]", ap, S2XN_ALL, OP_FETCH_EL1, L},
#define PERM_LEVEL(L, ln)                                                                          \
	PERM_LEVEL_XN(L, ln, S2AP_NONE, "none")                                                    \
	PERM_LEVEL_XN(L, ln, S2AP_RO, "ro")                                                        \
	PERM_LEVEL_XN(L, ln, S2AP_WO, "wo")                                                        \
	PERM_LEVEL_XN(L, ln, S2AP_RW, "rw")

static const struct s2_perm_row perm_level_rows[] = {PERM_LEVEL(1, "1") PERM_LEVEL(2, "2")};

static void run_perm_level(struct scenario_ctx *c, const void *row)
{
	const struct s2_perm_row *r = row;

	if (perm_ops[r->op].access == S2P_IFETCH) {
		run_perm_exec(c, row);
	} else {
		run_data(c, r);
	}
}

SCENARIO(stage2_perm_level, .id = "stage2.perm.level",
	 .rule = "a stage 2 Permission fault reports the level of the leaf descriptor that gave "
		 "the permissions: DFSC/IFSC 0b0011LL with LL = 2 for a 2 MiB block, 1 for a "
		 "1 GiB block (4K granule), with the syndrome of stage2.perm.data/exec",
	 SCENARIO_ROWS(perm_level_rows), .run = run_perm_level, .ec = "0x20 0x24",
	 .control = "stage 2 permissions (S2AP, XN)");
