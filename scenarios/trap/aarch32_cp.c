/* SPDX-License-Identifier: MIT */
/*
 * trap.aarch32.cp: MCR/MRC (EC 0x03 cp15, 0x05 cp14), MCRR/MRRC (0x04, 0x0C) and VMRS (0x08)
 * trap controls of HCR_EL2 and MDCR_EL2 for an AArch32 EL1, from the one table in
 * cp32_traps.h. Each row runs with the control set and clear, in A32 and T32, with Rt in
 * {r0, r7, r12, lr} (LR_svc's AArch64 view is X18, so a syndrome carrying the AArch32 number is
 * caught) and with a conditional variant that passes (A32 cond NE, T32 in an IT NE block):
 *  - set: the access exits with the EC and one of the ISS values the oracle permits, ELR_EL2 =
 *    the instruction; a trapped read is emulated (the guest must see the vmm's value), a
 *    trapped write must carry the guest's value in Rt (and Rt2);
 *  - clear: no exit; a read returns the register (compared with EL2's read of the AArch64
 *    register it is architecturally mapped to), a write takes effect (read back by the guest).
 */
#include <stdio.h>

#include "a32_check.h"
#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/sysreg.h"
#include "hvc.h"
#include "mmio.h"

/* What a trapped read is emulated with: distinctive, and no register's reset value. */
#define EMULATED_LO 0x7e57c0deULL
#define EMULATED_HI 0x5ca1ab1eULL

enum ctl_reg { CTL_HCR, CTL_MDCR };

struct control {
	enum ctl_reg reg;
	uint64_t bit;
};

/* clang-format off */
#define CTL_tid0  { CTL_HCR, HCR_TID0 }
#define CTL_tid1  { CTL_HCR, HCR_TID1 }
#define CTL_tid2  { CTL_HCR, HCR_TID2 }
#define CTL_tid3  { CTL_HCR, HCR_TID3 }
#define CTL_tacr  { CTL_HCR, HCR_TACR }
#define CTL_tvm   { CTL_HCR, HCR_TVM }
#define CTL_trvm  { CTL_HCR, HCR_TRVM }
#define CTL_tda   { CTL_MDCR, MDCR_TDA }
#define CTL_tdosa { CTL_MDCR, MDCR_TDOSA }
#define CTL_tdra  { CTL_MDCR, MDCR_TDRA }
#define CTL_ttlb  { CTL_HCR, HCR_TTLB }
#define CTL_tpu   { CTL_HCR, HCR_TPU }
#define CTL_tpcp  { CTL_HCR, HCR_TPCP }
#define CTL_tsw   { CTL_HCR, HCR_TSW }
/* clang-format on */

enum cp_kind { CP_MRC, CP_MCR, CP_MRRC, CP_MCRR, CP_VMRS, CP_OP };
enum cp_map { MAP_LO, MAP_HI, MAP_ALL, MAP_NONE };

struct cp_row {
	const char *name;
	enum cp_kind kind;
	uint8_t cp, opc1, crn, crm, opc2; /* VMRS: crn = the reg field */
	struct a32_issue issue;
	uint8_t rt, rt2; /* AArch32 register numbers */
	bool trapped;
	struct control control;
	uint64_t value; /* MCR: the value (0: the register's own); MCRR: hi << 32 | lo */
	enum cp_map map;
	uint64_t (*read_at_el2)(void); /* the AArch64 register it is mapped to (NULL: CP_OP) */
	uint64_t payload, insn;
};

/* One EL2 reader per table row. */
#define CP_READ(n, cp, o1, crn, crm, o2, ctl, a64, map)                                            \
	static uint64_t el2_read_cr_##n(void)                                                      \
	{                                                                                          \
		return SYSREG_READ_ENC a64;                                                        \
	}
#define CP_WRITE(n, cp, o1, crn, crm, o2, ctl, val, a64, map)                                      \
	static uint64_t el2_read_cw_##n(void)                                                      \
	{                                                                                          \
		return SYSREG_READ_ENC a64;                                                        \
	}
#define CP_READ64(n, cp, o1, crm, ctl, a64, map)                                                   \
	static uint64_t el2_read_cq_##n(void)                                                      \
	{                                                                                          \
		return SYSREG_READ_ENC a64;                                                        \
	}
#define CP_WRITE64(n, cp, o1, crm, ctl, lo, hi, a64, map)                                          \
	static uint64_t el2_read_cd_##n(void)                                                      \
	{                                                                                          \
		return SYSREG_READ_ENC a64;                                                        \
	}
#define VMRS_READ(n, reg, regnum, ctl, a64, map)                                                   \
	static uint64_t el2_read_vr_##n(void)                                                      \
	{                                                                                          \
		return SYSREG_READ_ENC a64;                                                        \
	}
#define CP_OP(...)
#include "cp32_traps.h"
#undef CP_OP
#undef CP_READ
#undef CP_WRITE
#undef CP_READ64
#undef CP_WRITE64
#undef VMRS_READ

#define TRAPPED_trap   true
#define TRAPPED_notrap false
#define T32_a32	       false
#define T32_t32	       true
#define COND_al	       ESR_COND_AL
#define COND_ne	       A32_COND_NE

#define ROW(kind, p, dir, n, cp, o1, crn, crm, o2, ctl, val, map, rd, var, isa, cc, rt, rt2, trap) \
	{                                                                                          \
		"[" #ctl "][" dir "," #n "," #var "][" #trap "]", kind, cp, o1, crn, crm, o2,      \
			{T32_##isa, false, COND_##cc}, rt, rt2, TRAPPED_##trap, CTL_##ctl, val,    \
			MAP_##map, rd, A32_ENTRY(G32SYM(g32p_##p##_##n##_##var), T32_##isa),       \
			G32SYM(g32l_##p##_##n##_##var)                                             \
	}

/* The transfer-register variants, as guest32/cp.S generates them. */
#define VARIANTS32(kind, p, dir, n, cp, o1, crn, crm, o2, ctl, val, map, rd, trap)                 \
	ROW(kind, p, dir, n, cp, o1, crn, crm, o2, ctl, val, map, rd, a32_r0, a32, al, 0, 0,       \
	    trap),                                                                                 \
		ROW(kind, p, dir, n, cp, o1, crn, crm, o2, ctl, val, map, rd, a32_r7, a32, al, 7,  \
		    0, trap),                                                                      \
		ROW(kind, p, dir, n, cp, o1, crn, crm, o2, ctl, val, map, rd, a32ne_r12, a32, ne,  \
		    12, 0, trap),                                                                  \
		ROW(kind, p, dir, n, cp, o1, crn, crm, o2, ctl, val, map, rd, a32_lr, a32, al, 14, \
		    0, trap),                                                                      \
		ROW(kind, p, dir, n, cp, o1, crn, crm, o2, ctl, val, map, rd, t32_r7, t32, al, 7,  \
		    0, trap),                                                                      \
		ROW(kind, p, dir, n, cp, o1, crn, crm, o2, ctl, val, map, rd, t32ne_r12, t32, ne,  \
		    12, 0, trap)
#define VARIANTS64(kind, p, dir, n, cp, o1, crm, ctl, val, map, rd, trap)                          \
	ROW(kind, p, dir, n, cp, o1, 0, crm, 0, ctl, val, map, rd, a32_r0_r1, a32, al, 0, 1,       \
	    trap),                                                                                 \
		ROW(kind, p, dir, n, cp, o1, 0, crm, 0, ctl, val, map, rd, a32_r12_lr, a32, al,    \
		    12, 14, trap),                                                                 \
		ROW(kind, p, dir, n, cp, o1, 0, crm, 0, ctl, val, map, rd, a32ne_r7_r12, a32, ne,  \
		    7, 12, trap),                                                                  \
		ROW(kind, p, dir, n, cp, o1, 0, crm, 0, ctl, val, map, rd, t32_r2_r3, t32, al, 2,  \
		    3, trap),                                                                      \
		ROW(kind, p, dir, n, cp, o1, 0, crm, 0, ctl, val, map, rd, t32ne_r7_r12, t32, ne,  \
		    7, 12, trap)

static const struct cp_row cp_rows[] = {
#define CP_READ(n, cp, o1, crn, crm, o2, ctl, a64, map)                                            \
	VARIANTS32(CP_MRC, cr, "mrc", n, cp, o1, crn, crm, o2, ctl, 0, map, el2_read_cr_##n,       \
		   trap),                                                                          \
		VARIANTS32(CP_MRC, cr, "mrc", n, cp, o1, crn, crm, o2, ctl, 0, map,                \
			   el2_read_cr_##n, notrap),
#define CP_WRITE(n, cp, o1, crn, crm, o2, ctl, val, a64, map)                                      \
	VARIANTS32(CP_MCR, cw, "mcr", n, cp, o1, crn, crm, o2, ctl, val, map, el2_read_cw_##n,     \
		   trap),                                                                          \
		VARIANTS32(CP_MCR, cw, "mcr", n, cp, o1, crn, crm, o2, ctl, val, map,              \
			   el2_read_cw_##n, notrap),
#define CP_READ64(n, cp, o1, crm, ctl, a64, map)                                                   \
	VARIANTS64(CP_MRRC, cq, "mrrc", n, cp, o1, crm, ctl, 0, map, el2_read_cq_##n, trap),       \
		VARIANTS64(CP_MRRC, cq, "mrrc", n, cp, o1, crm, ctl, 0, map, el2_read_cq_##n,      \
			   notrap),
#define CP_WRITE64(n, cp, o1, crm, ctl, lo, hi, a64, map)                                          \
	VARIANTS64(CP_MCRR, cd, "mcrr", n, cp, o1, crm, ctl, (uint64_t)(hi) << 32 | (lo), map,     \
		   el2_read_cd_##n, trap),                                                         \
		VARIANTS64(CP_MCRR, cd, "mcrr", n, cp, o1, crm, ctl, (uint64_t)(hi) << 32 | (lo),  \
			   map, el2_read_cd_##n, notrap),
#define CP_OP(n, cp, o1, crn, crm, o2, ctl, val)                                                   \
	VARIANTS32(CP_OP, co, "mcr", n, cp, o1, crn, crm, o2, ctl, val, NONE, NULL, trap),         \
		VARIANTS32(CP_OP, co, "mcr", n, cp, o1, crn, crm, o2, ctl, val, NONE, NULL,        \
			   notrap),
#define VMRS_READ(n, reg, regnum, ctl, a64, map)                                                   \
	VARIANTS32(CP_VMRS, vr, "vmrs", n, 10, 7, regnum, 0, 0, ctl, 0, map, el2_read_vr_##n,      \
		   trap),                                                                          \
		VARIANTS32(CP_VMRS, vr, "vmrs", n, 10, 7, regnum, 0, 0, ctl, 0, map,               \
			   el2_read_vr_##n, notrap),
#include "cp32_traps.h"
};

static bool is_write(const struct cp_row *r)
{
	return r->kind == CP_MCR || r->kind == CP_MCRR || r->kind == CP_OP;
}

static bool is_wide(const struct cp_row *r)
{
	return r->kind == CP_MRRC || r->kind == CP_MCRR;
}

/* The syndromes the oracle permits for this row's access. */
static struct esr_set expected_esr(const struct cp_row *r)
{
	bool read = !is_write(r);

	switch (r->kind) {
	case CP_VMRS:
		return esr_expect_a32_vmrs(&r->issue, r->crn, a32_view(r->rt));
	case CP_MRRC:
	case CP_MCRR:
		return esr_expect_a32_mcrr(r->cp == 15 ? ESR_EC_CP15_64 : ESR_EC_CP14_64, &r->issue,
					   r->opc1, r->crm, a32_view(r->rt), a32_view(r->rt2),
					   read);
	default:
		return esr_expect_a32_mcr(r->cp == 15 ? ESR_EC_CP15_32 : ESR_EC_CP14_MR, &r->issue,
					  r->opc1, r->crn, r->crm, r->opc2, a32_view(r->rt), read);
	}
}

/* The AArch32 register's value, from the AArch64 register it is architecturally mapped to. */
static uint64_t mapped_value(const struct cp_row *r)
{
	uint64_t v = r->read_at_el2();

	return r->map == MAP_HI ? v >> 32 : r->map == MAP_LO ? (uint32_t)v : v;
}

/*
 * What a write puts in the register (MCRR: hi << 32 | lo); 0 means the register's own value,
 * except for a maintenance operation, whose Rt is always the row's value.
 */
static uint64_t written_value(const struct cp_row *r)
{
	return r->value || r->kind == CP_OP ? r->value : mapped_value(r);
}

/* Emulate a trapped read with the ESR's own Rt/Rt2 (the AArch64 view) and skip it. */
static void emulate_read(struct vcpu *v, const struct exit *e)
{
	uint32_t iss = esr_iss(e->esr);
	unsigned ec = esr_ec(e->esr);

	vcpu_reg_write(v, (iss >> ESR_ISS_CP_RT_SHIFT) & ESR_ISS_CP_RT_MASK, EMULATED_LO);
	if (ec == ESR_EC_CP15_64 || ec == ESR_EC_CP14_64) {
		vcpu_reg_write(v, (iss >> ESR_ISS_CP64_RT2_SHIFT) & ESR_ISS_CP_RT_MASK,
			       EMULATED_HI);
	}
	vcpu_skip_insn(v);
}

/* A trapped access: check the syndrome, emulate, resume. Returns the next exit. */
static struct exit handle_trap(struct scenario_ctx *c, const struct cp_row *r, struct exit e)
{
	struct vcpu *v = sc_vcpu(c);
	struct esr_set set = expected_esr(r);
	uint64_t wval = is_write(r) ? written_value(r) : 0;

	a32_expect_trap(c, &e, EXIT_SYSREG, &set, r->insn, &r->issue);
	if (!is_write(r)) {
		emulate_read(v, &e);
		return sc_run(c);
	}
	/* The guest's r<n> is the low half of the X register (the upper one is not its value). */
	sc_expect_u64(c, "trapped_rt", (uint32_t)vcpu_reg_read(v, a32_view(r->rt)), (uint32_t)wval);
	if (is_wide(r)) {
		sc_expect_u64(c, "trapped_rt2", (uint32_t)vcpu_reg_read(v, a32_view(r->rt2)),
			      wval >> 32);
	}
	vcpu_skip_insn(v);
	e = sc_run(c);
	/* The read-back after a trapped write may trap too (MDCR_EL2.TDA traps both ways). */
	while (e.reason == EXIT_SYSREG && (esr_iss(e.esr) & ESR_ISS_CP_DIR_READ)) {
		emulate_read(v, &e);
		e = sc_run(c);
	}
	return e;
}

static void run_cp(struct scenario_ctx *c, const void *row)
{
	const struct cp_row *r = row;
	uint64_t bit = r->trapped ? r->control.bit : 0;
	uint64_t lo, hi = 0;

	if (!sc_start(c, &(struct sc_setup){
				 .vcpu.aarch32 = true,
				 .payload = r->payload,
				 .vcpu.hcr = r->control.reg == CTL_HCR ? bit : 0,
				 .vcpu.mdcr = r->control.reg == CTL_MDCR ? bit : 0,
			 })) {
		return;
	}
	struct exit e = sc_run(c);

	if (r->trapped) {
		if (e.reason != EXIT_SYSREG) {
			sc_expect_reason(c, &e, EXIT_SYSREG);
			return;
		}
		e = handle_trap(c, r, e);
	}
	/* A maintenance operation has no architected result to read back: completing is its effect.
	 */
	if (!a32_expect_done(c, &e, 0) || r->kind == CP_OP || !sc_report(c, GREPORT_USER, &lo) ||
	    (is_wide(r) && !sc_report(c, GREPORT_USER + 1, &hi))) {
		return;
	}
	uint64_t got = hi << 32 | (uint32_t)lo;

	if (!is_write(r)) {
		/* Trapped: the vmm's value. Not trapped: the register itself, where it has a view.
		 */
		if (r->trapped) {
			sc_expect_u64(c, "guest_read", got,
				      is_wide(r) ? EMULATED_HI << 32 | EMULATED_LO : EMULATED_LO);
		} else if (r->map != MAP_NONE) {
			sc_expect_u64(c, "guest_read", got, mapped_value(r));
		}
	} else if (!r->trapped) {
		sc_expect_u64(c, "read_back", got, written_value(r));
	}
}

/* VMRS needs the FP registers in AArch32 (ID_AA64PFR0_EL1.FP != 0xf). */
static const char *cp_requires(const void *row, char *why, size_t len)
{
	const struct cp_row *r = row;
	unsigned fp = (unsigned)FIELD_GET(read_id_aa64pfr0_el1(), 16, 4);

	if (aarch32_el1_requires(row, why, len)) {
		return why;
	}
	if (r->kind == CP_VMRS && fp == 0xf) {
		snprintf(why, len, "needs floating point (ID_AA64PFR0_EL1.FP=0xf)");
		return why;
	}
	return NULL;
}

SCENARIO(
	trap_aarch32_cp, .id = "trap.aarch32.cp",
	.rule = "At AArch32 EL1, HCR_EL2.{TID0,TID1,TID2,TID3,TACR,TVM,TRVM} and "
		"MDCR_EL2.{TDA,TDOSA,TDRA} = 1 trap MRC/MCR (EC 0x03 cp15, 0x05 cp14: Opc2/Opc1/"
		"CRn/Rt/CRm/Direction), MRRC/MCRR (0x04, 0x0C: Opc1/Rt2/Rt/CRm/Direction) and VMRS "
		"(0x08) with CV/COND per ConditionSyndrome(), Rt as its AArch64 view, ELR_EL2 = "
		"the "
		"instruction; = 0: the access executes with its architected effect",
	SCENARIO_ROWS(cp_rows), .requires = cp_requires, .run = run_cp,
	.ec = "0x03 0x04 0x05 0x08 0x0C", .row_control = sc_row_control_from_name,
	.row_fields = sc_row_fields_from_name);
