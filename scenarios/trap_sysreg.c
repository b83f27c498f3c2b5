/* SPDX-License-Identifier: MIT */
/*
 * trap.sysreg: MSR/MRS trap controls of HCR_EL2, MDCR_EL2, CPTR_EL2, CNTHCTL_EL2 and
 * ICH_HCR_EL2, from the one table in sysreg_traps.h. Each
 * (register, direction) row runs with the control set and clear, and with Rt in {x0, x17, x30,
 * xzr} so a wrong Rt in the syndrome is caught:
 *  - set: the access exits with EC 0x18 and the ISS the oracle computes from the encoding, Rt
 *    and direction; ELR_EL2 = the MSR/MRS; a trapped read is emulated (the guest must see the
 *    vmm's value in Rt), a trapped write must carry the guest's value in Rt;
 *  - clear: no exit; a read returns the register's value (compared with EL2's own read of the
 *    same register after the run: the guest's EL1 context stays live), a write takes effect.
 *    Counters, timers and the ICC_* registers (which reach ICV_* from EL1) are checked by the
 *    oracles of sysreg_values.c instead.
 * CNTHCTL_EL2 rows also run with the guest at HCR_EL2.E2H = 1 (the _e2h controls), where the
 * EL1 bits sit at 10/11; the E2H = 0 position of the same control is then set to the opposite
 * value, so a CPU that used the wrong layout is caught both ways.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/sysreg.h"
#include "esr_model.h"
#include "hvc.h"
#include "mmio.h"
#include "scenario.h"
#include "sysreg_values.h"
#include "timer_model.h"

/* The value a trapped MRS is emulated with: distinctive, and not any register's reset value. */
#define EMULATED_READ 0x7e57c0de00000000ULL

/* Which EL2 register holds a control, its bit, and what the CPU must implement for it. */
/* CTL_CNTHCTL_E2H: CNTHCTL_EL2 in its E2H = 1 layout, the guest running with HCR_EL2.E2H = 1. */
enum ctl_reg { CTL_HCR, CTL_MDCR, CTL_CPTR, CTL_CNTHCTL, CTL_CNTHCTL_E2H, CTL_ICH_HCR };
enum ctl_needs {
	NEEDS_NONE,
	NEEDS_PMU,
	NEEDS_RAS,
	NEEDS_LOR,
	NEEDS_PAUTH,
	NEEDS_ECV,
	NEEDS_GICV3,
	NEEDS_GICV3_TDS,
	NEEDS_ECV_NV2
};

struct control {
	enum ctl_reg reg;
	uint64_t bit;
	enum ctl_needs needs;
	bool trap_when_clear; /* HCR_EL2.APK, CNTHCTL_EL2.EL1P*: 0 traps, 1 does not */
};

/* clang-format off */
#define CTL_tid1  { CTL_HCR, HCR_TID1, NEEDS_NONE, false }
#define CTL_tid2  { CTL_HCR, HCR_TID2, NEEDS_NONE, false }
#define CTL_tid3  { CTL_HCR, HCR_TID3, NEEDS_NONE, false }
#define CTL_tacr  { CTL_HCR, HCR_TACR, NEEDS_NONE, false }
#define CTL_tvm   { CTL_HCR, HCR_TVM, NEEDS_NONE, false }
#define CTL_trvm  { CTL_HCR, HCR_TRVM, NEEDS_NONE, false }
#define CTL_ttlb  { CTL_HCR, HCR_TTLB, NEEDS_NONE, false }
#define CTL_tpu   { CTL_HCR, HCR_TPU, NEEDS_NONE, false }
#define CTL_tpcp  { CTL_HCR, HCR_TPCP, NEEDS_NONE, false }
#define CTL_tsw   { CTL_HCR, HCR_TSW, NEEDS_NONE, false }
#define CTL_tda   { CTL_MDCR, MDCR_TDA, NEEDS_NONE, false }
#define CTL_tdosa { CTL_MDCR, MDCR_TDOSA, NEEDS_NONE, false }
#define CTL_tdra  { CTL_MDCR, MDCR_TDRA, NEEDS_NONE, false }
#define CTL_tpm   { CTL_MDCR, MDCR_TPM, NEEDS_PMU, false }
#define CTL_tpmcr { CTL_MDCR, MDCR_TPMCR, NEEDS_PMU, false }
#define CTL_tcpac { CTL_CPTR, CPTR_TCPAC, NEEDS_NONE, false }
#define CTL_terr  { CTL_HCR, HCR_TERR, NEEDS_RAS, false }
#define CTL_tlor  { CTL_HCR, HCR_TLOR, NEEDS_LOR, false }
#define CTL_apk   { CTL_HCR, HCR_APK, NEEDS_PAUTH, true }
#define CTL_el1pcten     { CTL_CNTHCTL, CNTHCTL_EL1PCTEN, NEEDS_NONE, true }
#define CTL_el1pcen      { CTL_CNTHCTL, CNTHCTL_EL1PCEN, NEEDS_NONE, true }
#define CTL_el1tvct      { CTL_CNTHCTL, CNTHCTL_EL1TVCT, NEEDS_ECV, false }
#define CTL_el1tvt       { CTL_CNTHCTL, CNTHCTL_EL1TVT, NEEDS_ECV, false }
#define CTL_el1pcten_e2h { CTL_CNTHCTL_E2H, CNTHCTL_E2H_EL1PCTEN, NEEDS_NONE, true }
#define CTL_el1pten_e2h  { CTL_CNTHCTL_E2H, CNTHCTL_E2H_EL1PTEN, NEEDS_NONE, true }
#define CTL_el1tvct_e2h  { CTL_CNTHCTL_E2H, CNTHCTL_EL1TVCT, NEEDS_ECV, false }
#define CTL_el1tvt_e2h   { CTL_CNTHCTL_E2H, CNTHCTL_EL1TVT, NEEDS_ECV, false }
#define CTL_el1nvpct     { CTL_CNTHCTL, CNTHCTL_EL1NVPCT, NEEDS_ECV_NV2, false }
#define CTL_el1nvvct     { CTL_CNTHCTL, CNTHCTL_EL1NVVCT, NEEDS_ECV_NV2, false }
#define CTL_tc    { CTL_ICH_HCR, ICH_HCR_TC, NEEDS_GICV3, false }
#define CTL_tall0 { CTL_ICH_HCR, ICH_HCR_TALL0, NEEDS_GICV3, false }
#define CTL_tall1 { CTL_ICH_HCR, ICH_HCR_TALL1, NEEDS_GICV3, false }
#define CTL_tdir  { CTL_ICH_HCR, ICH_HCR_TDIR, NEEDS_GICV3_TDS, false }
/* clang-format on */

struct sysreg_row {
	const char *name;
	uint8_t op0, op1, crn, crm, op2;
	bool write; /* MSR, or a SYS instruction (Direction 0) */
	bool sys;   /* SYS: no register to read back */
	bool trapped;
	uint8_t rt;
	struct control control;
	uint64_t value; /* write: the value written (0: the current value) */
	uint64_t payload, insn;
	uint64_t (*read_at_el2)(void); /* the same register, read by the vmm after the run */
};

/* One EL2 reader per table row. */
#define SYSREG_READ(n, op0, op1, crn, crm, op2, ctl)                                               \
	static uint64_t el2_read_sr_##n(void)                                                      \
	{                                                                                          \
		return SYSREG_READ_ENC(op0, op1, crn, crm, op2);                                   \
	}
#define SYSREG_WRITE(n, op0, op1, crn, crm, op2, ctl, value, zero_ok)                              \
	static uint64_t el2_read_sw_##n(void)                                                      \
	{                                                                                          \
		return SYSREG_READ_ENC(op0, op1, crn, crm, op2);                                   \
	}
#define SYSREG_SYS(...)
#define SYSREG_WRITE_ONLY(...)
#define SYSREG_READ_E2H(n, op0, op1, crn, crm, op2, ctl, ctl_e2h)                                  \
	SYSREG_READ(n, op0, op1, crn, crm, op2, ctl)
#define SYSREG_WRITE_E2H(n, op0, op1, crn, crm, op2, ctl, ctl_e2h, value, zero_ok)                 \
	SYSREG_WRITE(n, op0, op1, crn, crm, op2, ctl, value, zero_ok)
#include "sysreg_traps.h"
#undef SYSREG_READ
#undef SYSREG_WRITE
#undef SYSREG_SYS
#undef SYSREG_WRITE_ONLY
#undef SYSREG_READ_E2H
#undef SYSREG_WRITE_E2H

#define TRAPPED_trap   true
#define TRAPPED_notrap false

#define ROW(n, op0_, op1_, crn_, crm_, op2_, ctl, w, dir, rtname, rtnum, trap, val, p)             \
	{                                                                                          \
		"[" #ctl "][" dir "," #n "," #rtname "][" #trap "]", op0_, op1_, crn_, crm_, op2_, \
			w, false, TRAPPED_##trap, rtnum, CTL_##ctl, val,                           \
			GSYM(gp_##p##_##n##_##rtname), GSYM(gl_##p##_##n##_##rtname),              \
			el2_read_##p##_##n                                                         \
	}

#define ROW_SYS(n, op1_, crn_, crm_, op2_, ctl, rtname, rtnum, trap, val)                          \
	{                                                                                          \
		"[" #ctl "][sys," #n "," #rtname "][" #trap "]", 1, op1_, crn_, crm_, op2_, true,  \
			true, TRAPPED_##trap, rtnum, CTL_##ctl, val, GSYM(gp_ss_##n##_##rtname),   \
			GSYM(gl_ss_##n##_##rtname), NULL                                           \
	}

/* A write-only register: no read-back, like a SYS instruction. */
#define ROW_WO(n, op0_, op1_, crn_, crm_, op2_, ctl, rtname, rtnum, trap, val)                     \
	{                                                                                          \
		"[" #ctl "][msr," #n "," #rtname "][" #trap "]", op0_, op1_, crn_, crm_, op2_,     \
			true, true, TRAPPED_##trap, rtnum, CTL_##ctl, val,                         \
			GSYM(gp_so_##n##_##rtname), GSYM(gl_so_##n##_##rtname), NULL               \
	}

#define ROWS_RT(n, op0, op1, crn, crm, op2, ctl, w, dir, val, p, trap)                             \
	ROW(n, op0, op1, crn, crm, op2, ctl, w, dir, x0, 0, trap, val, p),                         \
		ROW(n, op0, op1, crn, crm, op2, ctl, w, dir, x17, 17, trap, val, p),               \
		ROW(n, op0, op1, crn, crm, op2, ctl, w, dir, x30, 30, trap, val, p)

static const struct sysreg_row sysreg_rows[] = {
#define SYSREG_READ(n, op0, op1, crn, crm, op2, ctl)                                               \
	ROWS_RT(n, op0, op1, crn, crm, op2, ctl, false, "mrs", 0, sr, trap),                       \
		ROWS_RT(n, op0, op1, crn, crm, op2, ctl, false, "mrs", 0, sr, notrap),             \
		ROW(n, op0, op1, crn, crm, op2, ctl, false, "mrs", xzr, 31, trap, 0, sr),          \
		ROW(n, op0, op1, crn, crm, op2, ctl, false, "mrs", xzr, 31, notrap, 0, sr),
#define SYSREG_WRITE(n, op0, op1, crn, crm, op2, ctl, val, zero_ok)                                \
	ROWS_RT(n, op0, op1, crn, crm, op2, ctl, true, "msr", val, sw, trap),                      \
		ROWS_RT(n, op0, op1, crn, crm, op2, ctl, true, "msr", val, sw, notrap),            \
		SYSREG_WRITE_XZR_##zero_ok(n, op0, op1, crn, crm, op2, ctl)
#define SYSREG_WRITE_XZR_0(...)
#define SYSREG_WRITE_XZR_1(n, op0, op1, crn, crm, op2, ctl)                                        \
	ROW(n, op0, op1, crn, crm, op2, ctl, true, "msr", xzr, 31, trap, 0, sw),                   \
		ROW(n, op0, op1, crn, crm, op2, ctl, true, "msr", xzr, 31, notrap, 0, sw),
#define SYSREG_SYS(n, op1, crn, crm, op2, ctl, val, uses_rt)                                       \
	SYSREG_SYS_RT_##uses_rt(n, op1, crn, crm, op2, ctl, val)
#define SYSREG_SYS_RT_0(n, op1, crn, crm, op2, ctl, val)                                           \
	ROW_SYS(n, op1, crn, crm, op2, ctl, xzr, 31, trap, val),                                   \
		ROW_SYS(n, op1, crn, crm, op2, ctl, xzr, 31, notrap, val),
#define SYSREG_SYS_RT_1(n, op1, crn, crm, op2, ctl, val)                                           \
	ROW_SYS(n, op1, crn, crm, op2, ctl, x0, 0, trap, val),                                     \
		ROW_SYS(n, op1, crn, crm, op2, ctl, x17, 17, trap, val),                           \
		ROW_SYS(n, op1, crn, crm, op2, ctl, x30, 30, trap, val),                           \
		ROW_SYS(n, op1, crn, crm, op2, ctl, x0, 0, notrap, val),                           \
		ROW_SYS(n, op1, crn, crm, op2, ctl, x17, 17, notrap, val),                         \
		ROW_SYS(n, op1, crn, crm, op2, ctl, x30, 30, notrap, val),
#define SYSREG_WRITE_ONLY(n, op0, op1, crn, crm, op2, ctl, val, zero_ok)                           \
	ROW_WO(n, op0, op1, crn, crm, op2, ctl, x0, 0, trap, val),                                 \
		ROW_WO(n, op0, op1, crn, crm, op2, ctl, x17, 17, trap, val),                       \
		ROW_WO(n, op0, op1, crn, crm, op2, ctl, x30, 30, trap, val),                       \
		ROW_WO(n, op0, op1, crn, crm, op2, ctl, x0, 0, notrap, val),                       \
		ROW_WO(n, op0, op1, crn, crm, op2, ctl, x17, 17, notrap, val),                     \
		ROW_WO(n, op0, op1, crn, crm, op2, ctl, x30, 30, notrap, val),                     \
		SYSREG_WO_XZR_##zero_ok(n, op0, op1, crn, crm, op2, ctl, val)
#define SYSREG_WO_XZR_0(...)
#define SYSREG_WO_XZR_1(n, op0, op1, crn, crm, op2, ctl, val)                                      \
	ROW_WO(n, op0, op1, crn, crm, op2, ctl, xzr, 31, trap, val),                               \
		ROW_WO(n, op0, op1, crn, crm, op2, ctl, xzr, 31, notrap, val),
#define SYSREG_READ_E2H(n, op0, op1, crn, crm, op2, ctl, ctl_e2h)                                  \
	SYSREG_READ(n, op0, op1, crn, crm, op2, ctl)                                               \
	SYSREG_READ(n, op0, op1, crn, crm, op2, ctl_e2h)
#define SYSREG_WRITE_E2H(n, op0, op1, crn, crm, op2, ctl, ctl_e2h, val, zero_ok)                   \
	SYSREG_WRITE(n, op0, op1, crn, crm, op2, ctl, val, zero_ok)                                \
	SYSREG_WRITE(n, op0, op1, crn, crm, op2, ctl_e2h, val, zero_ok)
#include "sysreg_traps.h"
};

/* What a write puts in the register: 0 from XZR, else the row's value or the current one. */
static uint64_t written_value(const struct sysreg_row *r, uint64_t current)
{
	return r->rt == 31 ? 0 : r->value ? r->value : current;
}

/* A trapped access: check the syndrome, emulate, resume. Returns the next exit. */
static struct exit handle_trap(struct scenario_ctx *c, const struct sysreg_row *r, struct exit e,
			       uint64_t wval)
{
	struct vcpu *v = sc_vcpu(c);

	sc_expect_exit(c, &e, EXIT_SYSREG,
		       esr_expect_sys64(r->op0, r->op1, r->crn, r->crm, r->op2, r->rt, !r->write),
		       r->insn);
	if (r->write) {
		sc_expect_u64(c, "trapped_rt", vcpu_reg_read(v, r->rt), wval);
	} else {
		vcpu_reg_write(v, r->rt, EMULATED_READ);
	}
	vcpu_skip_insn(v);
	e = sc_run(c);
	/* The read-back after a trapped write may trap too (TID2 traps CSSELR both ways). */
	while (r->write && e.reason == EXIT_SYSREG && esr_iss(e.esr) & ESR_ISS_SYS64_DIR_READ) {
		vcpu_reg_write(v,
			       (esr_iss(e.esr) >> ESR_ISS_SYS64_RT_SHIFT) & ESR_ISS_SYS64_RT_MASK,
			       EMULATED_READ);
		vcpu_skip_insn(v);
		e = sc_run(c);
	}
	return e;
}

/*
 * CNTHCTL_EL2 for a CNTHCTL row: EL1 counter and timer accesses enabled (EL1PCTEN, EL1PCEN or
 * EL1PTEN in the row's layout), then the row's control. With E2H = 1, the E2H = 0 position of
 * an enable (bit 0 or 1, EL0PCTEN/EL0VCTEN there, ignored while TGE = 0) holds the opposite
 * value, so a CPU reading the wrong layout traps when it must not, or does not when it must.
 */
static uint64_t cnthctl_value(const struct control *ctl, bool bit_set)
{
	bool e2h = ctl->reg == CTL_CNTHCTL_E2H;
	uint64_t v = cnthctl_el1pcten(e2h) | cnthctl_el1pten(e2h);

	if (!ctl->trap_when_clear) {
		return bit_set ? v | ctl->bit : v;
	}
	if (!bit_set) {
		v &= ~ctl->bit;
		if (e2h) {
			v |= ctl->bit == cnthctl_el1pcten(true) ? cnthctl_el1pcten(false)
								: cnthctl_el1pten(false);
		}
	}
	return v;
}

/* The vCPU a row runs on: its control set to trap (or clear), the payload and its argument. */
static void row_setup(const struct sysreg_row *r, uint64_t wval, struct sc_setup *s)
{
	bool bit_set = r->trapped != r->control.trap_when_clear;
	uint64_t bit = bit_set ? r->control.bit : 0;

	*s = (struct sc_setup){.payload = r->payload, .args = {wval}};
	switch (r->control.reg) {
	case CTL_HCR:
		s->hcr = bit;
		break;
	case CTL_MDCR:
		s->mdcr = bit;
		break;
	case CTL_CPTR:
		s->cptr = bit;
		break;
	case CTL_CNTHCTL_E2H:
		s->e2h = true;
		/* fall through */
	case CTL_CNTHCTL:
		s->cnthctl = cnthctl_value(&r->control, bit_set);
		s->cnthctl_set = true;
		break;
	case CTL_ICH_HCR:
		/* The traps are of the virtual CPU interface: En = 1 (and HCR_EL2.IMO/FMO = 1). */
		s->ich_hcr = ICH_HCR_EN | bit;
		break;
	}
}

static void run_sysreg(struct scenario_ctx *c, const void *row)
{
	const struct sysreg_row *r = row;
	const struct sysreg_value *val = sysreg_value_find(r->op0, r->op1, r->crn, r->crm, r->op2);
	/* The current value is needed only when the guest writes it back (not from XZR). */
	uint64_t current = r->write && !r->sys && !r->value && r->rt != 31 ? r->read_at_el2() : 0;
	uint64_t wval = r->write ? written_value(r, current) : 0;
	uint64_t reported = 0, expect;
	struct sc_setup s;
	struct sysreg_probe probe = {.setup = &s};

	row_setup(r, wval, &s);
	if (val && val->setup) {
		val->setup(&s);
	}
	if (!sc_start(c, &s)) {
		return;
	}
	if (val && val->prepare) {
		val->prepare(c);
	}
	probe.window.before = read_cntpct_el0();
	struct exit e = sc_run(c);

	if (r->trapped) {
		if (e.reason != EXIT_SYSREG) {
			sc_expect_reason(c, &e, EXIT_SYSREG);
			return;
		}
		e = handle_trap(c, r, e, wval);
	}
	probe.window.after = read_cntpct_el0();
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	/* A SYS instruction or a write-only register has no result to read back. */
	if (!r->sys && !sc_report(c, GREPORT_USER, &reported)) {
		return;
	}
	if (!r->trapped && val && (r->write || r->rt != 31)) {
		val->check(c, val, &probe, r->write, wval, reported);
		return;
	}
	if (r->sys) {
		return; /* completing is the effect of a SYS instruction */
	}
	if (!r->write) {
		/* Trapped: the vmm's value (XZR discards it). Not trapped: the register itself. */
		expect = r->rt == 31 ? 0 : r->trapped ? EMULATED_READ : r->read_at_el2();
		sc_expect_u64(c, "guest_read", reported, expect);
	} else if (!r->trapped) {
		sc_expect_u64(c, "read_back", reported, wval);
	}
}

/* A 4-bit ID register field: 0 means not implemented (0xf too, for PMUVer). */
static unsigned id_field(uint64_t reg, unsigned shift)
{
	return (reg >> shift) & 0xf;
}

/* What a control needs from the CPU, read from the ID registers; NULL if it is there. */
static const char *sysreg_requires(const void *row, char *why, size_t len)
{
	const struct sysreg_row *r = row;
	unsigned pmuver = id_field(read_id_aa64dfr0_el1(), 8);
	uint64_t isar1 = read_id_aa64isar1_el1();

	if (r->control.reg == CTL_CNTHCTL_E2H && !vmm_caps.vhe) {
		snprintf(why, len, "needs FEAT_VHE for HCR_EL2.E2H = 1 (ID_AA64MMFR1_EL1.VH=0)");
		return why;
	}
	switch (r->control.needs) {
	case NEEDS_PMU:
		if (pmuver == 0 || pmuver == 0xf) {
			snprintf(why, len, "needs the PMU (ID_AA64DFR0_EL1.PMUVer=0x%x)", pmuver);
			return why;
		}
		break;
	case NEEDS_RAS:
		if (!id_field(read_id_aa64pfr0_el1(), 28)) {
			snprintf(why, len, "needs FEAT_RAS (ID_AA64PFR0_EL1.RAS=0)");
			return why;
		}
		break;
	case NEEDS_LOR:
		if (!id_field(read_id_aa64mmfr1_el1(), 16)) {
			snprintf(why, len, "needs FEAT_LOR (ID_AA64MMFR1_EL1.LO=0)");
			return why;
		}
		break;
	case NEEDS_PAUTH:
		/* APA (QARMA5) or API (IMPLEMENTATION DEFINED); QARMA3 sits in ISAR2.APA3. */
		if (!id_field(isar1, 4) && !id_field(isar1, 8) &&
		    !id_field(SYSREG_READ_ENC(3, 0, 0, 6, 2), 12)) {
			snprintf(why, len,
				 "needs FEAT_PAuth (ID_AA64ISAR1_EL1.APA/API=0, "
				 "ID_AA64ISAR2_EL1.APA3=0)");
			return why;
		}
		break;
	case NEEDS_ECV:
		if (!vmm_caps.ecv) {
			snprintf(why, len, "needs FEAT_ECV (ID_AA64MMFR0_EL1.ECV=0)");
			return why;
		}
		break;
	case NEEDS_ECV_NV2:
		if (!vmm_caps.ecv || vmm_caps.nv < 2) {
			snprintf(why, len,
				 "needs FEAT_ECV and FEAT_NV2 (ID_AA64MMFR0_EL1.ECV=%u, "
				 "ID_AA64MMFR2_EL1.NV=%u)",
				 vmm_caps.ecv, vmm_caps.nv);
			return why;
		}
		break;
	case NEEDS_GICV3:
	case NEEDS_GICV3_TDS:
		if (vmm_caps.gic_version != 3 || !id_field(read_id_aa64pfr0_el1(), 24)) {
			snprintf(why, len,
				 "needs the GICv3 CPU interface (ID_AA64PFR0_EL1.GIC=%u, GICv%u)",
				 id_field(read_id_aa64pfr0_el1(), 24), vmm_caps.gic_version);
			return why;
		}
		if (r->control.needs == NEEDS_GICV3_TDS && !(read_ich_vtr_el2() & ICH_VTR_TDS)) {
			snprintf(why, len, "needs ICH_HCR_EL2.TDIR (ICH_VTR_EL2.TDS=0)");
			return why;
		}
		break;
	case NEEDS_NONE:
		break;
	}
	return NULL;
}

SCENARIO(trap_sysreg, .id = "trap.sysreg",
	 .rule = "HCR_EL2.{TID1,TID2,TID3,TACR,TVM,TRVM}, MDCR_EL2.{TDA,TDOSA,TDRA,TPM,TPMCR}, "
		 "CPTR_EL2.TCPAC, HCR_EL2.{TTLB,TPU,TPCP,TSW,TERR,TLOR} = 1 and HCR_EL2.APK = 0 "
		 "trap "
		 "the MRS/MSR/SYS (EC 0x18, "
		 "IL 1, ISS "
		 "Op0/Op2/Op1/CRn/Rt/CRm/Direction) with ELR_EL2 = the instruction; = 0: it "
		 "executes at EL1 with its architected effect. Likewise CNTHCTL_EL2.{EL1PCTEN,"
		 "EL1PCEN} = 0 (E2H = 0; EL1PCTEN/EL1PTEN at bits 10/11 with E2H = 1), "
		 "CNTHCTL_EL2.{EL1TVCT,EL1TVT} = 1, CNTHCTL_EL2.{EL1NVPCT,EL1NVVCT} = 1 with "
		 "HCR_EL2.{NV2,NV1,NV} = {1,0,1} (not trapped: the EL02 timer access goes to "
		 "NVMem at VNCR_EL2), ICH_HCR_EL2.{TC,TALL0,TALL1,TDIR} = 1 (not "
		 "trapped: the ICC access reaches ICV_* as ICH_VMCR_EL2 says)",
	 SCENARIO_ROWS(sysreg_rows), .requires = sysreg_requires, .run = run_sysreg);
