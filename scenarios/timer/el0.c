/* SPDX-License-Identifier: MIT */
/*
 * timer.el0: EL0 access to the counters and timers (CNTPCT_EL0, CNTVCT_EL0, CNTFRQ_EL0,
 * CNTP_CTL_EL0, CNTV_CTL_EL0) from CNTKCTL_EL1 and CNTHCTL_EL2, in each HCR_EL2.{E2H, TGE}
 * combination the vmm can run: {0, 0} and {1, 0} (EL0 behind the guest's EL1, gp_el0_call) and
 * {0, 1} (the vmm enters EL0 directly). Each row sets one control against the all-enabled
 * value, in the CNTHCTL_EL2 layout the combination selects: with E2H = 1 EL1PCTEN/EL1PTEN are
 * bits 10/11 and bits 0/1/8/9 (the host's EL0 enables, ignored while TGE = 0) are left 0; with
 * E2H = 0 EL1PCTEN/EL1PCEN are bits 0/1. Rows named for the other layout's bit check that it
 * is not the one used.
 *
 * The outcome comes from timer_el0_access(): the access completes (the value is checked: the
 * count inside the run's window, CNTFRQ as EL2 reads it, CTL = ENABLE|IMASK|ISTATUS for the
 * timers the vmm starts with CVAL 0), traps to EL1 (EC 0x18 on the guest's lower-EL vector,
 * ESR_EL1 and ELR_EL1 exact) or to EL2 (EXIT_SYSREG, ESR_EL2 and ELR_EL2 exact).
 * {E2H, TGE} = {1, 1} is not run: the vmm has no host-EL0 guest (EL0 would run in the EL2&0
 * regime with stage 2 off); the oracle covers it for the host tests only.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "esr_model.h"
#include "hvc.h"
#include "scenario.h"
#include "timer_access_model.h"
#include "timer_guest.h"

/* The register each enum timer_el0_reg row reads, its payload and its MRS encoding. */
struct el0_reg {
	uint64_t payload, insn;
	unsigned crm, op2; /* S3_3_C14_C<crm>_<op2> */
};

static const struct el0_reg el0_regs[] = {
	[TIMER_EL0_CNTPCT] = {GSYM(gp_tel0_cntpct), GSYM(gl_tel0_cntpct), 0, 1},
	[TIMER_EL0_CNTVCT] = {GSYM(gp_tel0_cntvct), GSYM(gl_tel0_cntvct), 0, 2},
	[TIMER_EL0_CNTFRQ] = {GSYM(gp_tel0_cntfrq), GSYM(gl_tel0_cntfrq), 0, 0},
	[TIMER_EL0_CNTP] = {GSYM(gp_tel0_cntp_ctl), GSYM(gl_tel0_cntp_ctl), 2, 1},
	[TIMER_EL0_CNTV] = {GSYM(gp_tel0_cntv_ctl), GSYM(gl_tel0_cntv_ctl), 3, 1},
};

struct el0_row {
	const char *name;
	enum timer_el0_reg reg;
	bool e2h, tge;
	uint64_t cntkctl, cnthctl;
};

/* Everything enabled: CNTKCTL_EL1 EL0PCTEN|EL0VCTEN|EL0VTEN|EL0PTEN; CNTHCTL_EL2 per layout. */
#define KALL 0x303ULL
#define H0   (CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN)
#define H1   (CNTHCTL_E2H_EL1PCTEN | CNTHCTL_E2H_EL1PTEN)

#define R(reg_, tag, reg, e2h, tge, kctl, hctl)                                                    \
	{                                                                                          \
		"[" reg_ "][e2h=" #e2h ",tge=" #tge "][" tag "]", reg, e2h, tge, kctl, hctl        \
	}

static const struct el0_row el0_rows[] = {
	R("cntpct", "all", TIMER_EL0_CNTPCT, 0, 0, KALL, H0),
	R("cntpct", "el0pcten=0", TIMER_EL0_CNTPCT, 0, 0, KALL & ~CNTKCTL_EL0PCTEN, H0),
	R("cntpct", "el1pcten=0", TIMER_EL0_CNTPCT, 0, 0, KALL, CNTHCTL_EL1PCEN),
	R("cntpct", "el1pcen=0", TIMER_EL0_CNTPCT, 0, 0, KALL, CNTHCTL_EL1PCTEN),
	R("cntpct", "all", TIMER_EL0_CNTPCT, 0, 1, KALL, H0),
	R("cntpct", "el0pcten=0", TIMER_EL0_CNTPCT, 0, 1, KALL & ~CNTKCTL_EL0PCTEN, H0),
	R("cntpct", "el1pcten=0", TIMER_EL0_CNTPCT, 0, 1, KALL, CNTHCTL_EL1PCEN),
	R("cntpct", "all,bit0=0", TIMER_EL0_CNTPCT, 1, 0, KALL, H1),
	R("cntpct", "el0pcten=0", TIMER_EL0_CNTPCT, 1, 0, KALL & ~CNTKCTL_EL0PCTEN, H1),
	R("cntpct", "el1pcten=0,bit0=1", TIMER_EL0_CNTPCT, 1, 0, KALL,
	  CNTHCTL_E2H_EL1PTEN | CNTHCTL_E2H_EL0PCTEN),

	R("cntvct", "all", TIMER_EL0_CNTVCT, 0, 0, KALL, H0),
	R("cntvct", "el0vcten=0", TIMER_EL0_CNTVCT, 0, 0, KALL & ~CNTKCTL_EL0VCTEN, H0),
	R("cntvct", "el1tvct=1", TIMER_EL0_CNTVCT, 0, 0, KALL, H0 | CNTHCTL_EL1TVCT),
	R("cntvct", "all", TIMER_EL0_CNTVCT, 0, 1, KALL, H0),
	R("cntvct", "el0vcten=0", TIMER_EL0_CNTVCT, 0, 1, KALL & ~CNTKCTL_EL0VCTEN, H0),
	R("cntvct", "all,bit1=0", TIMER_EL0_CNTVCT, 1, 0, KALL, H1),
	R("cntvct", "el0vcten=0", TIMER_EL0_CNTVCT, 1, 0, KALL & ~CNTKCTL_EL0VCTEN, H1),
	R("cntvct", "el1tvct=1", TIMER_EL0_CNTVCT, 1, 0, KALL, H1 | CNTHCTL_EL1TVCT),

	R("cntfrq", "all", TIMER_EL0_CNTFRQ, 0, 0, KALL, H0),
	R("cntfrq", "el0pcten=0", TIMER_EL0_CNTFRQ, 0, 0, KALL & ~CNTKCTL_EL0PCTEN, H0),
	R("cntfrq", "el0pcten=el0vcten=0", TIMER_EL0_CNTFRQ, 0, 0,
	  KALL & ~(CNTKCTL_EL0PCTEN | CNTKCTL_EL0VCTEN), H0),
	R("cntfrq", "el0pcten=el0vcten=0", TIMER_EL0_CNTFRQ, 0, 1,
	  KALL & ~(CNTKCTL_EL0PCTEN | CNTKCTL_EL0VCTEN), H0),
	R("cntfrq", "el0vcten=0", TIMER_EL0_CNTFRQ, 1, 0, KALL & ~CNTKCTL_EL0VCTEN, H1),
	R("cntfrq", "el0pcten=el0vcten=0", TIMER_EL0_CNTFRQ, 1, 0,
	  KALL & ~(CNTKCTL_EL0PCTEN | CNTKCTL_EL0VCTEN), H1),

	R("cntp_ctl", "all", TIMER_EL0_CNTP, 0, 0, KALL, H0),
	R("cntp_ctl", "el0pten=0", TIMER_EL0_CNTP, 0, 0, KALL & ~CNTKCTL_EL0PTEN, H0),
	R("cntp_ctl", "el1pcen=0", TIMER_EL0_CNTP, 0, 0, KALL, CNTHCTL_EL1PCTEN),
	R("cntp_ctl", "el1pcten=0", TIMER_EL0_CNTP, 0, 0, KALL, CNTHCTL_EL1PCEN),
	R("cntp_ctl", "all", TIMER_EL0_CNTP, 0, 1, KALL, H0),
	R("cntp_ctl", "el0pten=0", TIMER_EL0_CNTP, 0, 1, KALL & ~CNTKCTL_EL0PTEN, H0),
	R("cntp_ctl", "el1pcen=0", TIMER_EL0_CNTP, 0, 1, KALL, CNTHCTL_EL1PCTEN),
	R("cntp_ctl", "all,bit9=0", TIMER_EL0_CNTP, 1, 0, KALL, H1),
	R("cntp_ctl", "el0pten=0", TIMER_EL0_CNTP, 1, 0, KALL & ~CNTKCTL_EL0PTEN, H1),
	R("cntp_ctl", "el1pten=0,bit9=1", TIMER_EL0_CNTP, 1, 0, KALL,
	  CNTHCTL_E2H_EL1PCTEN | CNTHCTL_E2H_EL0PTEN),

	R("cntv_ctl", "all", TIMER_EL0_CNTV, 0, 0, KALL, H0),
	R("cntv_ctl", "el0vten=0", TIMER_EL0_CNTV, 0, 0, KALL & ~CNTKCTL_EL0VTEN, H0),
	R("cntv_ctl", "el1tvt=1", TIMER_EL0_CNTV, 0, 0, KALL, H0 | CNTHCTL_EL1TVT),
	R("cntv_ctl", "all", TIMER_EL0_CNTV, 0, 1, KALL, H0),
	R("cntv_ctl", "el0vten=0", TIMER_EL0_CNTV, 0, 1, KALL & ~CNTKCTL_EL0VTEN, H0),
	R("cntv_ctl", "all,bit8=0", TIMER_EL0_CNTV, 1, 0, KALL, H1),
	R("cntv_ctl", "el0vten=0", TIMER_EL0_CNTV, 1, 0, KALL & ~CNTKCTL_EL0VTEN, H1),
	R("cntv_ctl", "el1tvt=1", TIMER_EL0_CNTV, 1, 0, KALL, H1 | CNTHCTL_EL1TVT),
};

static const char *el0_requires(const void *row, char *why, size_t len)
{
	const struct el0_row *r = row;

	if (r->e2h && !vmm_caps.vhe) {
		snprintf(why, len, "needs FEAT_VHE for HCR_EL2.E2H = 1 (ID_AA64MMFR1_EL1.VH=0)");
		return why;
	}
	if ((r->cnthctl & (CNTHCTL_EL1TVT | CNTHCTL_EL1TVCT)) && !vmm_caps.ecv) {
		snprintf(why, len,
			 "needs FEAT_ECV for CNTHCTL_EL2.EL1TVT/EL1TVCT "
			 "(ID_AA64MMFR0_EL1.ECV=0)");
		return why;
	}
	return NULL;
}

/* The value a completed read must return. */
static void expect_value(struct scenario_ctx *c, const struct el0_row *r, struct cnt_window w)
{
	uint64_t got;

	if (!sc_report(c, GREPORT_USER, &got)) {
		return;
	}
	switch (r->reg) {
	case TIMER_EL0_CNTPCT:
		timer_expect_count(c, "CNTPCT_EL0", got, w, 0);
		break;
	case TIMER_EL0_CNTVCT:
		timer_expect_count(c, "CNTVCT_EL0", got, w,
				   timer_cntvct_offset(0, r->e2h, r->tge, 0));
		break;
	case TIMER_EL0_CNTFRQ:
		sc_expect_u64(c, "CNTFRQ_EL0", got, read_cntfrq_el0());
		break;
	case TIMER_EL0_CNTP:
	case TIMER_EL0_CNTV:
		/* CVAL 0, no offset: the condition is met all along. */
		timer_expect_ctl(c, "CTL", got, CNT_CTL_ENABLE | CNT_CTL_IMASK, 0, w, 0);
		break;
	}
}

static void run_el0(struct scenario_ctx *c, const void *row)
{
	const struct el0_row *r = row;
	const struct el0_reg *reg = &el0_regs[r->reg];
	struct sc_setup s = {
		.doorbell_channel = true,
		.vcpu.e2h = r->e2h,
		.vcpu.cntkctl = r->cntkctl,
		.vcpu.cnthctl = r->cnthctl,
		.vcpu.cnthctl_set = true,
		.vcpu.timer_ctl = CNT_CTL_ENABLE | CNT_CTL_IMASK,
	};
	struct timer_el0_ctl ctl = {r->e2h, r->tge, r->cntkctl, r->cnthctl, vmm_caps.ecv != 0};
	enum timer_access x = timer_el0_access(r->reg, &ctl);
	uint64_t esr = esr_expect_sys64(3, 3, 14, reg->crm, reg->op2, 1, true);

	if (r->tge) {
		s.vcpu.hcr = HCR_TGE;
		s.vcpu.spsr = SPSR_M_EL0t | SPSR_DAIF;
		s.payload = reg->payload;
	} else {
		s.payload = GSYM(gp_el0_call);
		s.args[0] = reg->payload;
		s.args[1] = SPSR_M_EL0t | SPSR_DAIF;
	}
	if (!sc_start(c, &s)) {
		return;
	}
	struct cnt_window w = {.before = read_cntpct_el0()};
	struct exit e = sc_run(c);

	w.after = read_cntpct_el0();
	switch (x) {
	case TIMER_ACCESS_OK:
		if (sc_expect_done(c, &e, 0)) {
			expect_value(c, r, w);
		}
		break;
	case TIMER_TRAP_EL1:
		sc_expect_el1_exceptions(c);
		if (sc_expect_done(c, &e, 0)) {
			sc_expect_el1_exception(c, 0x400, esr, reg->insn);
		}
		break;
	case TIMER_TRAP_EL2:
		sc_expect_exit(c, &e, EXIT_SYSREG, esr, reg->insn);
		break;
	}
}

SCENARIO(
	timer_el0, .id = "timer.el0",
	.rule = "EL0 MRS of CNTPCT/CNTVCT/CNTFRQ/CNTP_CTL/CNTV_CTL_EL0 ({E2H, TGE} != {1, 1}): "
		"CNTKCTL_EL1.EL0PCTEN/EL0VCTEN (CNTFRQ: both)/EL0PTEN/EL0VTEN = 0 traps to EL1 "
		"(EL2 with TGE = 1); then CNTHCTL_EL2 traps to EL2: E2H = 0 EL1PCTEN (bit 0, "
		"CNTPCT), EL1PCEN (bit 1, CNTP_*); E2H = 1 EL1PCTEN (bit 10), EL1PTEN (bit 11); "
		"FEAT_ECV EL1TVCT (CNTVCT), EL1TVT (CNTV_*); else the access completes. {1, 1} is "
		"not run (no host-EL0 guest in the vmm)",
	SCENARIO_ROWS(el0_rows), .requires = el0_requires, .run = run_el0, .ec = "0x18",
	.control = "CNTKCTL_EL1.EL0*, CNTHCTL_EL2.EL1PCTEN/EL1PCEN/EL1PTEN/EL1TVT/EL1TVCT",
	.fields =
		"+-CNTHCTL_EL2.EL1PCTEN +-CNTHCTL_EL2.EL1PCEN +-CNTHCTL_EL2.EL1TVT "
		"+-CNTHCTL_EL2.EL1TVCT +-CNTHCTL_EL2(E2H=1).EL1PCTEN +-CNTHCTL_EL2(E2H=1).EL1PTEN");
