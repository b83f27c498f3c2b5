/* SPDX-License-Identifier: MIT */
/*
 * timer.ecv: CNTHCTL_EL2.ECV (FEAT_ECV_POFF). With ECV = 1 and HCR_EL2.{E2H, TGE} != {1, 1},
 * an EL1 read of CNTPCT_EL0 returns PhysicalCountInt() - CNTPOFF_EL2, and the EL1 physical
 * timer's TimerValue view counts from that offset count too; with ECV = 0, CNTPOFF_EL2 has no
 * effect. Each with the guest at HCR_EL2.E2H = 0 and, with FEAT_VHE, E2H = 1 (TGE = 0).
 * The payloads and the oracles are those of the trap.sysreg rows (sysreg_values.c), which
 * derive the offset from the vCPU's CNTHCTL_EL2 and CNTPOFF_EL2 by the FEAT_ECV rule.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "hvc.h"
#include "scenario.h"
#include "sysreg_values.h"
#include "timer_model.h"

/* Any distinctive offset: not a multiple of 2^32, so the TimerValue view shows it too. */
#define ECV_TEST_CNTPOFF 0x0000001234567890ULL

struct ecv_row {
	const char *name;
	uint64_t payload;
	uint8_t crm, op2; /* S3_3_C14_C<crm>_<op2> */
	bool ecv, e2h;
};

/* @ctl: the trap.sysreg control whose payload (guest/sysreg.S) reads the register. */
#define ECV_ROW(reg, ctl, crm, op2, ecv, e2h)                                                      \
	{                                                                                          \
		"[" #reg "][ecv=" #ecv ",e2h=" #e2h "]", GSYM(gp_sr_##ctl##_##reg##_x0), crm, op2, \
			ecv, e2h                                                                   \
	}

static const struct ecv_row ecv_rows[] = {
	ECV_ROW(cntpct_el0, el1pcten, 0, 1, 1, 0),   ECV_ROW(cntpct_el0, el1pcten, 0, 1, 0, 0),
	ECV_ROW(cntpct_el0, el1pcten, 0, 1, 1, 1),   ECV_ROW(cntpct_el0, el1pcten, 0, 1, 0, 1),
	ECV_ROW(cntp_tval_el0, el1pcen, 2, 0, 1, 0), ECV_ROW(cntp_tval_el0, el1pcen, 2, 0, 0, 0),
	ECV_ROW(cntp_tval_el0, el1pcen, 2, 0, 1, 1), ECV_ROW(cntp_tval_el0, el1pcen, 2, 0, 0, 1),
};

static void run_ecv(struct scenario_ctx *c, const void *row)
{
	const struct ecv_row *r = row;
	const struct sysreg_value *val = sysreg_value_find(3, 3, 14, r->crm, r->op2);
	struct sc_setup s = {
		.payload = r->payload,
		.vcpu.e2h = r->e2h,
		.vcpu.cntpoff = ECV_TEST_CNTPOFF,
		.vcpu.cnthctl = cnthctl_el1pcten(r->e2h) | cnthctl_el1pten(r->e2h) |
				(r->ecv ? CNTHCTL_ECV : 0),
		.vcpu.cnthctl_set = true,
	};
	struct sysreg_probe probe = {.setup = &s};
	uint64_t got;

	if (val->setup) {
		val->setup(&s);
	}
	if (!sc_start(c, &s)) {
		return;
	}
	probe.window.before = read_cntpct_el0();
	struct exit e = sc_run(c);

	probe.window.after = read_cntpct_el0();
	if (sc_expect_done(c, &e, 0) && sc_report(c, GREPORT_USER, &got)) {
		val->check(c, val, &probe, false, 0, got);
	}
}

/*
 * FEAT_ECV_POFF; E2H = 1 needs FEAT_VHE. With EL3 implemented the offset also needs
 * SCR_EL3.ECVEn = 1, which EL2 cannot read: such a CPU is skipped rather than guessed.
 */
static const char *ecv_requires(const void *row, char *why, size_t len)
{
	const struct ecv_row *r = row;
	unsigned el3 = (unsigned)PFR0_EL3(read_id_aa64pfr0_el1());

	if (vmm_caps.ecv < 2) {
		snprintf(why, len, "needs FEAT_ECV_POFF (ID_AA64MMFR0_EL1.ECV=%u)", vmm_caps.ecv);
		return why;
	}
	if (r->e2h && !vmm_caps.vhe) {
		snprintf(why, len, "needs FEAT_VHE for HCR_EL2.E2H = 1 (ID_AA64MMFR1_EL1.VH=0)");
		return why;
	}
	if (el3) {
		snprintf(why, len,
			 "needs SCR_EL3.ECVEn, unreadable from EL2 (ID_AA64PFR0_EL1.EL3=%u)", el3);
		return why;
	}
	return NULL;
}

SCENARIO(timer_ecv, .id = "timer.ecv",
	 .rule = "CNTHCTL_EL2.ECV = 1 (FEAT_ECV_POFF, no EL3 or SCR_EL3.ECVEn = 1, {E2H, TGE} != "
		 "{1, 1}): EL1 reads of CNTPCT_EL0 return PhysicalCountInt() - CNTPOFF_EL2 and "
		 "CNTP_TVAL_EL0 reads (CNTP_CVAL_EL0 - (PhysicalCountInt() - CNTPOFF_EL2))<31:0>; "
		 "ECV = 0: no offset",
	 SCENARIO_ROWS(ecv_rows), .requires = ecv_requires, .run = run_ecv, .ec = "0x18",
	 .control = "CNTHCTL_EL2.ECV (CNTPOFF_EL2 offset)", .fields = "+-CNTHCTL_EL2.ECV");
