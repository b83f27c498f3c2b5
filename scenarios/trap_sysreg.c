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
/* TTLBOS traps the Outer Shareable TLBIs, which also need FEAT_TLBIOS (v8.4, after EVT's v8.2). */
#define CTL_ttlbos { CTL_HCR, HCR_TTLBOS, CPU_EVT, false, 0, 0 }
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
#include "sysreg_traps.h"
#undef SYSREG_READ
#undef SYSREG_WRITE
#undef SYSREG_SYS

#define TRAPPED_trap   true
#define TRAPPED_notrap false

#define ROW(n, op0_, op1_, crn_, crm_, op2_, ctl, w, dir, rtname, rtnum, trap, val, p)             \
	{                                                                                          \
		"[" #ctl "][" dir "," #n "," #rtname "][" #trap "]", op0_, op1_, crn_, crm_, op2_, \
			w, false, TRAPPED_##trap, rtnum, CTL_##ctl, val,                           \
			GSYM(gp_##p##_##ctl##_##n##_##rtname),                                     \
			GSYM(gl_##p##_##ctl##_##n##_##rtname), el2_read_##p##_##ctl##_##n, false   \
	}

#define ROW_SYS(n, op1_, crn_, crm_, op2_, ctl, rtname, rtnum, trap, val)                          \
	{                                                                                          \
		"[" #ctl "][sys," #n "," #rtname "][" #trap "]", 1, op1_, crn_, crm_, op2_, true,  \
			true, TRAPPED_##trap, rtnum, CTL_##ctl, val,                               \
			GSYM(gp_ss_##ctl##_##n##_##rtname), GSYM(gl_ss_##ctl##_##n##_##rtname),    \
			NULL, false                                                                \
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

void sysreg_trap_run(struct scenario_ctx *c, const void *row)
{
	const struct sysreg_row *r = row;
	uint64_t current =
		r->write && !r->sys && !r->wo && r->rt != 31 && !r->value ? r->read_at_el2() : 0;
	uint64_t wval = r->write ? written_value(r, current) : 0;
	uint64_t reported, expect;

	uint64_t bit = r->trapped != r->control.trap_when_clear ? r->control.bit : 0;
	struct sc_setup setup = {
		.payload = r->payload,
		.args = {wval},
		.hcr = (r->control.reg == CTL_HCR ? bit : 0) | r->control.hcr_also,
		.mdcr = r->control.reg == CTL_MDCR ? bit : 0,
		.cptr = r->control.reg == CTL_CPTR ? bit : 0,
		.hcrx = r->control.reg == CTL_HCRX ? bit : 0,
	};

	if (r->control.reg == CTL_FGT) {
		setup.fgt[r->control.fgt] = bit;
	}
	if (!sc_start(c, &setup)) {
		return;
	}
	struct exit e = sc_run(c);

	if (r->trapped) {
		if (e.reason != EXIT_SYSREG) {
			sc_expect_reason(c, &e, EXIT_SYSREG);
			return;
		}
		e = handle_trap(c, r, e, wval);
	}
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	/*
	 * A SYS instruction has no architected result to read back, nor has a write-only
	 * register: completing is the effect.
	 */
	if (r->sys || r->wo || !sc_report(c, GREPORT_USER, &reported)) {
		return;
	}
	if (!r->write) {
		/* Trapped: the vmm's value (XZR discards it). Not trapped: the register itself. */
		expect = r->rt == 31 ? 0 : r->trapped ? EMULATED_READ : r->read_at_el2();
		sc_expect_u64(c, "guest_read", reported, expect);
	} else if (!r->trapped) {
		sc_expect_u64(c, "read_back", reported, wval);
	}
}

const char *sysreg_trap_requires(const void *row, char *why, size_t len)
{
	const struct sysreg_row *r = row;
	enum cpu_feature ctl = r->control.reg == CTL_FGT    ? CPU_FGT
			       : r->control.reg == CTL_HCRX ? CPU_HCX
							    : CPU_ANY;
	const char *skip = cpu_requires(ctl, why, len);

	return skip ? skip : cpu_requires(r->control.needs, why, len);
}

/* "HCR_EL2.TID3" from the control's register and the row's "[tid3]" prefix. */
static const char *sysreg_row_control(const void *row)
{
	static const char *const regs[] = {[CTL_HCR] = "HCR_EL2",
					   [CTL_MDCR] = "MDCR_EL2",
					   [CTL_CPTR] = "CPTR_EL2",
					   [CTL_FGT] = "FGT",
					   [CTL_HCRX] = "HCRX_EL2"};
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

SCENARIO(trap_sysreg, .id = "trap.sysreg",
	 .rule = "HCR_EL2.{TID1,TID2,TID3,TACR,TVM,TRVM}, MDCR_EL2.{TDA,TDOSA,TDRA,TPM,TPMCR}, "
		 "CPTR_EL2.TCPAC, HCR_EL2.{TTLB,TPU,TPCP,TSW,TERR,TLOR}, CPTR_EL2.{TTA,TAM}, "
		 "MDCR_EL2.{TPMS,TTRF}, FEAT_EVT HCR_EL2.{TID4,TICAB,TOCU,TTLBIS,TTLBOS} = 1 and "
		 "HCR_EL2.APK = 0 trap the MRS/MSR/SYS (EC 0x18, IL 1, ISS Op0/Op2/Op1/CRn/Rt/CRm/"
		 "Direction) with ELR_EL2 = the instruction; = 0: it executes at EL1 with its "
		 "architected effect",
	 SCENARIO_ROWS(sysreg_rows), .requires = sysreg_trap_requires, .run = sysreg_trap_run,
	 .ec = "0x18", .row_control = sysreg_row_control);
