/* SPDX-License-Identifier: MIT */
/*
 * trap.sysreg: MSR/MRS trap controls of HCR_EL2, MDCR_EL2 and CPTR_EL2, from the one table in
 * sysreg_traps.h. Each
 * (register, direction) row runs with the control set and clear, and with Rt in {x0, x17, x30,
 * xzr} so a wrong Rt in the syndrome is caught:
 *  - set: the access exits with EC 0x18 and the ISS the oracle computes from the encoding, Rt
 *    and direction; ELR_EL2 = the MSR/MRS; a trapped read is emulated (the guest must see the
 *    vmm's value in Rt), a trapped write must carry the guest's value in Rt;
 *  - clear: no exit; a read returns the register's value (compared with EL2's own read of the
 *    same register after the run: the guest's EL1 context stays live), a write takes effect.
 */
#include <stdio.h>

#include <string.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/sysreg.h"
#include "cpu_id.h"
#include "esr_model.h"
#include "hvc.h"
#include "mmio.h"
#include "scenario.h"
#include "sysreg_trap.h"
#include "sysreg_values.h"
#include "timer_model.h"

/* The value a trapped MRS is emulated with: distinctive, and not any register's reset value. */
#define EMULATED_READ 0x7e57c0de00000000ULL

/* clang-format off */
#define CTL_tid1  { CTL_HCR, HCR_TID1, CPU_ANY, false, 0, 0 }
#define CTL_tid2  { CTL_HCR, HCR_TID2, CPU_ANY, false, 0, 0 }
#define CTL_tid3  { CTL_HCR, HCR_TID3, CPU_ANY, false, 0, 0 }
#define CTL_tacr  { CTL_HCR, HCR_TACR, CPU_ANY, false, 0, 0 }
#define CTL_tvm   { CTL_HCR, HCR_TVM, CPU_ANY, false, 0, 0 }
#define CTL_trvm  { CTL_HCR, HCR_TRVM, CPU_ANY, false, 0, 0 }
#define CTL_ttlb  { CTL_HCR, HCR_TTLB, CPU_ANY, false, 0, 0 }
#define CTL_tpu   { CTL_HCR, HCR_TPU, CPU_ANY, false, 0, 0 }
#define CTL_tpcp  { CTL_HCR, HCR_TPCP, CPU_ANY, false, 0, 0 }
#define CTL_tsw   { CTL_HCR, HCR_TSW, CPU_ANY, false, 0, 0 }
#define CTL_tda   { CTL_MDCR, MDCR_TDA, CPU_ANY, false, 0, 0 }
#define CTL_tdosa { CTL_MDCR, MDCR_TDOSA, CPU_ANY, false, 0, 0 }
#define CTL_tdra  { CTL_MDCR, MDCR_TDRA, CPU_ANY, false, 0, 0 }
#define CTL_tpm   { CTL_MDCR, MDCR_TPM, CPU_PMU, false, 0, 0 }
#define CTL_tpmcr { CTL_MDCR, MDCR_TPMCR, CPU_PMU, false, 0, 0 }
#define CTL_tcpac { CTL_CPTR, CPTR_TCPAC, CPU_ANY, false, 0, 0 }
#define CTL_terr  { CTL_HCR, HCR_TERR, CPU_RAS, false, 0, 0 }
#define CTL_tlor  { CTL_HCR, HCR_TLOR, CPU_LOR, false, 0, 0 }
#define CTL_apk   { CTL_HCR, HCR_APK, CPU_PAUTH, true, 0, 0 }
#define CTL_tta   { CTL_CPTR, CPTR_TTA, CPU_TRACE, false, 0, 0 }
#define CTL_tam   { CTL_CPTR, CPTR_TAM, CPU_AMU, false, 0, 0 }
#define CTL_tpms  { CTL_MDCR, MDCR_TPMS, CPU_SPE, false, 0, 0 }
#define CTL_ttrf  { CTL_MDCR, MDCR_TTRF, CPU_TRF, false, 0, 0 }
#define CTL_tid4  { CTL_HCR, HCR_TID4, CPU_EVT, false, 0, 0 }
#define CTL_ticab { CTL_HCR, HCR_TICAB, CPU_EVT, false, 0, 0 }
#define CTL_tocu  { CTL_HCR, HCR_TOCU, CPU_EVT, false, 0, 0 }
#define CTL_ttlbis { CTL_HCR, HCR_TTLBIS, CPU_EVT, false, 0, 0 }
/* TTLBOS's targets, the Outer Shareable TLBIs, also need FEAT_TLBIOS (sysreg_trap_requires). */
#define CTL_ttlbos { CTL_HCR, HCR_TTLBOS, CPU_EVT, false, 0, 0 }
/* CNTHCTL_EL2 (EL1PCTEN, EL1PCEN/EL1PTEN trap when 0), in the E2H = 0 and E2H = 1 layouts. */
#define CTL_el1pcten     { CTL_CNTHCTL, CNTHCTL_EL1PCTEN, CPU_ANY, true, 0, 0 }
#define CTL_el1pcen      { CTL_CNTHCTL, CNTHCTL_EL1PCEN, CPU_ANY, true, 0, 0 }
#define CTL_el1tvct      { CTL_CNTHCTL, CNTHCTL_EL1TVCT, CPU_ECV, false, 0, 0 }
#define CTL_el1tvt       { CTL_CNTHCTL, CNTHCTL_EL1TVT, CPU_ECV, false, 0, 0 }
#define CTL_el1pcten_e2h { CTL_CNTHCTL_E2H, CNTHCTL_E2H_EL1PCTEN, CPU_ANY, true, 0, 0 }
#define CTL_el1pten_e2h  { CTL_CNTHCTL_E2H, CNTHCTL_E2H_EL1PTEN, CPU_ANY, true, 0, 0 }
#define CTL_el1tvct_e2h  { CTL_CNTHCTL_E2H, CNTHCTL_EL1TVCT, CPU_ECV, false, 0, 0 }
#define CTL_el1tvt_e2h   { CTL_CNTHCTL_E2H, CNTHCTL_EL1TVT, CPU_ECV, false, 0, 0 }
/* EL1NVPCT/EL1NVVCT also need FEAT_NV2 (sysreg_trap_requires()). */
#define CTL_el1nvpct     { CTL_CNTHCTL, CNTHCTL_EL1NVPCT, CPU_ECV, false, 0, 0 }
#define CTL_el1nvvct     { CTL_CNTHCTL, CNTHCTL_EL1NVVCT, CPU_ECV, false, 0, 0 }
/* ICH_HCR_EL2 (virtual CPU interface); TDIR also needs ICH_VTR_EL2.TDS. */
#define CTL_tc    { CTL_ICH_HCR, ICH_HCR_TC, CPU_GICV3, false, 0, 0 }
#define CTL_tall0 { CTL_ICH_HCR, ICH_HCR_TALL0, CPU_GICV3, false, 0, 0 }
#define CTL_tall1 { CTL_ICH_HCR, ICH_HCR_TALL1, CPU_GICV3, false, 0, 0 }
#define CTL_tdir  { CTL_ICH_HCR, ICH_HCR_TDIR, CPU_GICV3, false, 0, 0 }
/* clang-format on */

/* One EL2 reader per table row. */
#define SYSREG_READ(n, op0, op1, crn, crm, op2, ctl)                                               \
	static uint64_t el2_read_sr_##ctl##_##n(void)                                              \
	{                                                                                          \
		return SYSREG_READ_ENC(op0, op1, crn, crm, op2);                                   \
	}
#define SYSREG_WRITE(n, op0, op1, crn, crm, op2, ctl, value, zero_ok)                              \
	static uint64_t el2_read_sw_##ctl##_##n(void)                                              \
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

/*
 * One row: @ctl is the control the row tests, @pctl the control whose payload it runs (they
 * differ only for the E2H = 1 twin of a row, which shares the E2H = 0 row's guest code).
 */
#define ROW(n, op0_, op1_, crn_, crm_, op2_, ctl, pctl, w, dir, rtname, rtnum, trap, val, p)       \
	{                                                                                          \
		"[" #ctl "][" dir "," #n "," #rtname "][" #trap "]", op0_, op1_, crn_, crm_, op2_, \
			w, false, TRAPPED_##trap, rtnum, CTL_##ctl, val,                           \
			GSYM(gp_##p##_##pctl##_##n##_##rtname),                                    \
			GSYM(gl_##p##_##pctl##_##n##_##rtname), el2_read_##p##_##pctl##_##n, false \
	}

/* A write-only register: no read-back, and no EL2 reader. */
#define ROW_WO(n, op0_, op1_, crn_, crm_, op2_, ctl, rtname, rtnum, trap, val)                     \
	{                                                                                          \
		"[" #ctl "][msr," #n "," #rtname "][" #trap "]", op0_, op1_, crn_, crm_, op2_,     \
			true, false, TRAPPED_##trap, rtnum, CTL_##ctl, val,                        \
			GSYM(gp_sw_##ctl##_##n##_##rtname), GSYM(gl_sw_##ctl##_##n##_##rtname),    \
			NULL, true                                                                 \
	}

#define ROW_SYS(n, op1_, crn_, crm_, op2_, ctl, rtname, rtnum, trap, val)                          \
	{                                                                                          \
		"[" #ctl "][sys," #n "," #rtname "][" #trap "]", 1, op1_, crn_, crm_, op2_, true,  \
			true, TRAPPED_##trap, rtnum, CTL_##ctl, val,                               \
			GSYM(gp_ss_##ctl##_##n##_##rtname), GSYM(gl_ss_##ctl##_##n##_##rtname),    \
			NULL, false                                                                \
	}

#define ROWS_RT(n, op0, op1, crn, crm, op2, ctl, pctl, w, dir, val, p, trap)                       \
	ROW(n, op0, op1, crn, crm, op2, ctl, pctl, w, dir, x0, 0, trap, val, p),                   \
		ROW(n, op0, op1, crn, crm, op2, ctl, pctl, w, dir, x17, 17, trap, val, p),         \
		ROW(n, op0, op1, crn, crm, op2, ctl, pctl, w, dir, x30, 30, trap, val, p)

#define ROWS_READ(n, op0, op1, crn, crm, op2, ctl, pctl)                                           \
	ROWS_RT(n, op0, op1, crn, crm, op2, ctl, pctl, false, "mrs", 0, sr, trap),                 \
		ROWS_RT(n, op0, op1, crn, crm, op2, ctl, pctl, false, "mrs", 0, sr, notrap),       \
		ROW(n, op0, op1, crn, crm, op2, ctl, pctl, false, "mrs", xzr, 31, trap, 0, sr),    \
		ROW(n, op0, op1, crn, crm, op2, ctl, pctl, false, "mrs", xzr, 31, notrap, 0, sr),
#define ROWS_WRITE(n, op0, op1, crn, crm, op2, ctl, pctl, val, zero_ok)                            \
	ROWS_RT(n, op0, op1, crn, crm, op2, ctl, pctl, true, "msr", val, sw, trap),                \
		ROWS_RT(n, op0, op1, crn, crm, op2, ctl, pctl, true, "msr", val, sw, notrap),      \
		ROWS_WRITE_XZR_##zero_ok(n, op0, op1, crn, crm, op2, ctl, pctl)
#define ROWS_WRITE_XZR_0(...)
#define ROWS_WRITE_XZR_1(n, op0, op1, crn, crm, op2, ctl, pctl)                                    \
	ROW(n, op0, op1, crn, crm, op2, ctl, pctl, true, "msr", xzr, 31, trap, 0, sw),             \
		ROW(n, op0, op1, crn, crm, op2, ctl, pctl, true, "msr", xzr, 31, notrap, 0, sw),

static const struct sysreg_row sysreg_rows[] = {
#define SYSREG_READ(n, op0, op1, crn, crm, op2, ctl) ROWS_READ(n, op0, op1, crn, crm, op2, ctl, ctl)
#define SYSREG_WRITE(n, op0, op1, crn, crm, op2, ctl, val, zero_ok)                                \
	ROWS_WRITE(n, op0, op1, crn, crm, op2, ctl, ctl, val, zero_ok)
#define SYSREG_READ_E2H(n, op0, op1, crn, crm, op2, ctl, ctl_e2h)                                  \
	ROWS_READ(n, op0, op1, crn, crm, op2, ctl, ctl)                                            \
	ROWS_READ(n, op0, op1, crn, crm, op2, ctl_e2h, ctl)
#define SYSREG_WRITE_E2H(n, op0, op1, crn, crm, op2, ctl, ctl_e2h, val, zero_ok)                   \
	ROWS_WRITE(n, op0, op1, crn, crm, op2, ctl, ctl, val, zero_ok)                             \
	ROWS_WRITE(n, op0, op1, crn, crm, op2, ctl_e2h, ctl, val, zero_ok)
#define SYSREG_WRITE_ONLY(n, op0, op1, crn, crm, op2, ctl, val, zero_ok)                           \
	ROW_WO(n, op0, op1, crn, crm, op2, ctl, x0, 0, trap, val),                                 \
		ROW_WO(n, op0, op1, crn, crm, op2, ctl, x17, 17, trap, val),                       \
		ROW_WO(n, op0, op1, crn, crm, op2, ctl, x30, 30, trap, val),                       \
		ROW_WO(n, op0, op1, crn, crm, op2, ctl, x0, 0, notrap, val),                       \
		ROW_WO(n, op0, op1, crn, crm, op2, ctl, x17, 17, notrap, val),                     \
		ROW_WO(n, op0, op1, crn, crm, op2, ctl, x30, 30, notrap, val),                     \
		ROWS_WO_XZR_##zero_ok(n, op0, op1, crn, crm, op2, ctl, val)
#define ROWS_WO_XZR_0(...)
#define ROWS_WO_XZR_1(n, op0, op1, crn, crm, op2, ctl, val)                                        \
	ROW_WO(n, op0, op1, crn, crm, op2, ctl, xzr, 31, trap, val),                               \
		ROW_WO(n, op0, op1, crn, crm, op2, ctl, xzr, 31, notrap, val),
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

	*s = (struct sc_setup){
		.payload = r->payload, .args = {wval}, .vcpu.hcr = r->control.hcr_also};
	switch (r->control.reg) {
	case CTL_HCR:
		s->vcpu.hcr |= bit;
		break;
	case CTL_MDCR:
		s->vcpu.mdcr = bit;
		break;
	case CTL_CPTR:
		s->vcpu.cptr = bit;
		break;
	case CTL_FGT:
		s->vcpu.fgt[r->control.fgt] = bit;
		break;
	case CTL_HCRX:
		s->vcpu.hcrx = bit;
		break;
	case CTL_CNTHCTL_E2H:
		s->vcpu.e2h = true;
		/* fall through */
	case CTL_CNTHCTL:
		s->vcpu.cnthctl = cnthctl_value(&r->control, bit_set);
		s->vcpu.cnthctl_set = true;
		break;
	case CTL_ICH_HCR:
		/* The traps are of the virtual CPU interface: En = 1 (and HCR_EL2.IMO/FMO = 1). */
		s->vcpu.ich_hcr = ICH_HCR_EN | bit;
		break;
	}
}

void sysreg_trap_run(struct scenario_ctx *c, const void *row)
{
	const struct sysreg_row *r = row;
	const struct sysreg_value *val = sysreg_value_find(r->op0, r->op1, r->crn, r->crm, r->op2);
	/* The current value is needed only when the guest writes it back (not from XZR). */
	uint64_t current =
		r->write && !r->sys && !r->wo && r->rt != 31 && !r->value ? r->read_at_el2() : 0;
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
	if (!r->sys && !r->wo && !sc_report(c, GREPORT_USER, &reported)) {
		return;
	}
	if (!r->trapped && val && (r->write || r->rt != 31)) {
		val->check(c, val, &probe, r->write, wval, reported);
		return;
	}
	if (r->sys || r->wo) {
		return; /* completing is the effect */
	}
	if (!r->write) {
		/* Trapped: the vmm's value (XZR discards it). Not trapped: the register itself. */
		expect = r->rt == 31 ? 0 : r->trapped ? EMULATED_READ : r->read_at_el2();
		sc_expect_u64(c, "guest_read", reported, expect);
	} else if (!r->trapped) {
		sc_expect_u64(c, "read_back", reported, wval);
	}
}

/*
 * Features whose registers EL3 can trap at EL1 (SCR_EL3.EnSCXT, ATA, EnAS0, GCSEn, TCR2En,
 * SCTLR2En, PIEn, AIEn, RCWMASKEn): with EL3 present the untrapped access would depend on a
 * firmware setting EL2 cannot read, and an access trapped to EL3 never comes back.
 */
static bool el3_gated(enum cpu_feature f)
{
	switch (f) {
	case CPU_CSV2_2:
	case CPU_MTE2:
	case CPU_LS64:
	case CPU_LS64_V:
	case CPU_LS64_ACCDATA:
	case CPU_GCS:
	case CPU_TCR2:
	case CPU_SCTLR2:
	case CPU_S1PIE:
	case CPU_S1POE:
	case CPU_AIE:
	case CPU_THE:
	case CPU_AMU:
		return true;
	default:
		return false;
	}
}

const char *sysreg_trap_requires(const void *row, char *why, size_t len)
{
	const struct sysreg_row *r = row;
	enum cpu_feature ctl = r->control.reg == CTL_FGT    ? CPU_FGT
			       : r->control.reg == CTL_HCRX ? CPU_HCX
							    : CPU_ANY;
	const char *skip = cpu_requires(ctl, why, len);

	if (!skip) {
		skip = cpu_requires(r->control.needs, why, len);
	}
	/* TTLBOS traps the Outer Shareable TLBIs, which exist only with FEAT_TLBIOS too. */
	if (!skip && r->control.reg == CTL_HCR && r->control.bit == HCR_TTLBOS) {
		skip = cpu_requires(CPU_TLBIOS, why, len);
	}
	if (skip) {
		return skip;
	}
	if (vmm_caps.el3 && el3_gated(r->control.needs)) {
		snprintf(why, len,
			 "the register's SCR_EL3 enable is unreadable from EL2 "
			 "(ID_AA64PFR0_EL1.EL3=%u): "
			 "an EL1 access might trap to EL3",
			 id_field(read_id_aa64pfr0_el1(), 12));
		return why;
	}
	if (r->control.reg == CTL_CNTHCTL_E2H && !vmm_caps.vhe) {
		snprintf(why, len, "needs FEAT_VHE for HCR_EL2.E2H = 1 (ID_AA64MMFR1_EL1.VH=0)");
		return why;
	}
	if (r->control.reg == CTL_CNTHCTL &&
	    (r->control.bit == CNTHCTL_EL1NVPCT || r->control.bit == CNTHCTL_EL1NVVCT) &&
	    vmm_caps.nv < 2) {
		snprintf(why, len, "needs FEAT_NV2 for the EL02 timers (ID_AA64MMFR2_EL1.NV=%u)",
			 vmm_caps.nv);
		return why;
	}
	if (r->control.reg == CTL_ICH_HCR && r->control.bit == ICH_HCR_TDIR &&
	    !(read_ich_vtr_el2() & ICH_VTR_TDS)) {
		snprintf(why, len, "needs ICH_HCR_EL2.TDIR (ICH_VTR_EL2.TDS=0)");
		return why;
	}
	return NULL;
}

/* "HCR_EL2.TID3" from the control's register and the row's "[tid3]" prefix. */
static const char *sysreg_row_control(const void *row)
{
	static const char *const regs[] = {[CTL_HCR] = "HCR_EL2",
					   [CTL_MDCR] = "MDCR_EL2",
					   [CTL_CPTR] = "CPTR_EL2",
					   [CTL_FGT] = "FGT",
					   [CTL_HCRX] = "HCRX_EL2",
					   [CTL_CNTHCTL] = "CNTHCTL_EL2",
					   [CTL_CNTHCTL_E2H] = "CNTHCTL_EL2(E2H=1)",
					   [CTL_ICH_HCR] = "ICH_HCR_EL2"};
	static char buf[48];
	const struct sysreg_row *r = row;
	size_t n = strlen(regs[r->control.reg]);

	memcpy(buf, regs[r->control.reg], n);
	buf[n++] = '.';
	for (const char *p = r->name + 1; *p && *p != ']' && n < sizeof(buf) - 1; p++) {
		buf[n++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
	}
	buf[n] = 0;
	return buf;
}

const char *sysreg_trap_fields(const void *row)
{
	static const char *const regs[] = {
		[CTL_HCR] = "HCR_EL2",	       [CTL_MDCR] = "MDCR_EL2",
		[CTL_CPTR] = "CPTR_EL2",       [CTL_HCRX] = "HCRX_EL2",
		[CTL_CNTHCTL] = "CNTHCTL_EL2", [CTL_CNTHCTL_E2H] = "CNTHCTL_EL2(E2H=1)",
		[CTL_ICH_HCR] = "ICH_HCR_EL2"};
	static const char *const fgts[] = {[FGT_HFGRTR] = "HFGRTR_EL2",
					   [FGT_HFGWTR] = "HFGWTR_EL2",
					   [FGT_HFGITR] = "HFGITR_EL2",
					   [FGT_HDFGRTR] = "HDFGRTR_EL2",
					   [FGT_HDFGWTR] = "HDFGWTR_EL2"};
	static char buf[48];
	const struct sysreg_row *r = row;
	const char *reg = r->control.reg == CTL_FGT ? fgts[r->control.fgt] : regs[r->control.reg];
	/*
	 * "trapped" is the trapping state, not the raw bit: an FGT nXXX bit ("[hfgrtr.n50]...")
	 * and an HCRX_EL2 enable ("[tcr2en]...") trap when 0, like HCR_EL2.APK.
	 */
	const char *dot = strchr(r->name, '.'), *end = strchr(r->name, ']');
	const char *en = strstr(r->name, "en");
	bool low = r->control.trap_when_clear ||
		   (r->control.reg == CTL_FGT && dot && dot[1] == 'n') ||
		   (r->control.reg == CTL_HCRX && en && end && en < end);

	snprintf(buf, sizeof(buf), "%c%s.%d", r->trapped != low ? '+' : '-', reg,
		 __builtin_ctzll(r->control.bit));
	return buf;
}

SCENARIO(
	trap_sysreg, .id = "trap.sysreg",
	.rule = "HCR_EL2.{TID1,TID2,TID3,TACR,TVM,TRVM}, MDCR_EL2.{TDA,TDOSA,TDRA,TPM,TPMCR}, "
		"CPTR_EL2.TCPAC, HCR_EL2.{TTLB,TPU,TPCP,TSW,TERR,TLOR}, CPTR_EL2.{TTA,TAM}, "
		"MDCR_EL2.{TPMS,TTRF}, FEAT_EVT HCR_EL2.{TID4,TICAB,TOCU,TTLBIS,TTLBOS} = 1 and "
		"HCR_EL2.APK = 0 trap the MRS/MSR/SYS (EC 0x18, IL 1, ISS Op0/Op2/Op1/CRn/Rt/CRm/"
		"Direction) with ELR_EL2 = the instruction; = 0: it executes at EL1 with its "
		"architected effect. Likewise CNTHCTL_EL2.{EL1PCTEN,EL1PCEN} = 0 (E2H = 0; "
		"EL1PCTEN/EL1PTEN at bits 10/11 with E2H = 1), CNTHCTL_EL2.{EL1TVCT,EL1TVT} = 1, "
		"CNTHCTL_EL2.{EL1NVPCT,EL1NVVCT} = 1 with HCR_EL2.{NV2,NV1,NV} = {1,0,1} (not "
		"trapped: the EL02 timer access goes to memory at VNCR_EL2), ICH_HCR_EL2.{TC,TALL0,"
		"TALL1,TDIR} = 1 (not trapped: the ICC access reaches ICV_* as ICH_VMCR_EL2 says)",
	SCENARIO_ROWS(sysreg_rows), .requires = sysreg_trap_requires, .run = sysreg_trap_run,
	.ec = "0x18", .row_control = sysreg_row_control, .row_fields = sysreg_trap_fields);
