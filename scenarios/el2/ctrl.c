/* SPDX-License-Identifier: MIT */
/*
 * el2.ctrl: the feature fields of the EL2 control registers against the ID registers, without
 * a guest. Each row writes its field set (all ones, or the row's legal "ones" value) and then
 * clear into the live register, the rest of the register unchanged, reads each back, restores
 * the register, and compares the field with the values el2_ctrl_permitted() allows: the value
 * written where the ID registers advertise the feature, else the RES0/RES1/RAO-WI set of the
 * register description (scenarios/model/el2_ctrl_model.h).
 *
 * Which windows are safe where:
 * - HCR_EL2, SCTLR_EL2: E2H/TGE and SCTLR_EL2's own fields change the regime the harness runs
 *   in, so the window is the assembly of ctrl_probe.S, with the EL2 MMU off.
 * - CPTR_EL2: TZ/TSM/TAM would trap the harness's own SVE/SME/AMU use, and TFP its FP use:
 *   ctrl_probe.S as well (no FP/SIMD can run in an assembly window).
 * - VTCR_EL2, MDCR_EL2, CNTHCTL_EL2, HCRX_EL2, ICH_HCR_EL2: their fields act on stage 2 (off:
 *   HCR_EL2.VM = 0 between guest runs), on EL1/EL0 (not running), on EL1's view of the timers
 *   (the harness uses only CNTHP and CNTPCT at EL2, which CNTHCTL_EL2 with E2H = 0 does not
 *   control), on PMU/SPE/trace at EL2 (unused), or on the virtual CPU interface (no guest):
 *   a plain C window.
 */
#include "arch/sysreg.h"
#include "cpu_id.h"
#include "el2_ctrl_fields.h"
#include "el2_ctrl_model.h"
#include "scenario.h"

uint64_t ctrl_probe_hcr(uint64_t value);
uint64_t ctrl_probe_sctlr(uint64_t value);
uint64_t ctrl_probe_cptr(uint64_t value);

static const struct el2_ctrl_field ctrl_rows[] = {EL2_CTRL_FIELDS(EL2_CTRL_ROW)};

/* Write @v, read it back, write the old value again: the C window (see above). */
#define CTRL_PROBE_C(reg, v)                                                                       \
	({                                                                                         \
		uint64_t old_ = read_##reg(), got_;                                                \
		write_##reg(v);                                                                    \
		isb();                                                                             \
		got_ = read_##reg();                                                               \
		write_##reg(old_);                                                                 \
		isb();                                                                             \
		got_;                                                                              \
	})

static uint64_t ctrl_read(enum el2_ctrl_reg reg)
{
	switch (reg) {
	case EL2_CTRL_HCR:
		return read_hcr_el2();
	case EL2_CTRL_VTCR:
		return read_vtcr_el2();
	case EL2_CTRL_SCTLR:
		return read_sctlr_el2();
	case EL2_CTRL_CPTR:
		return read_cptr_el2();
	case EL2_CTRL_MDCR:
		return read_mdcr_el2();
	case EL2_CTRL_CNTHCTL:
		return read_cnthctl_el2();
	case EL2_CTRL_HCRX:
		return read_hcrx_el2();
	case EL2_CTRL_ICH_HCR:
	case EL2_CTRL_REGS:
		break;
	}
	return read_ich_hcr_el2();
}

/* @v written to @reg and read back; @reg holds its previous value again on return. */
static uint64_t ctrl_probe(enum el2_ctrl_reg reg, uint64_t v)
{
	switch (reg) {
	case EL2_CTRL_HCR:
		return ctrl_probe_hcr(v);
	case EL2_CTRL_SCTLR:
		return ctrl_probe_sctlr(v);
	case EL2_CTRL_CPTR:
		return ctrl_probe_cptr(v);
	case EL2_CTRL_VTCR:
		return CTRL_PROBE_C(vtcr_el2, v);
	case EL2_CTRL_MDCR:
		return CTRL_PROBE_C(mdcr_el2, v);
	case EL2_CTRL_CNTHCTL:
		return CTRL_PROBE_C(cnthctl_el2, v);
	case EL2_CTRL_HCRX:
		return CTRL_PROBE_C(hcrx_el2, v);
	case EL2_CTRL_ICH_HCR:
	case EL2_CTRL_REGS:
		break;
	}
	return CTRL_PROBE_C(ich_hcr_el2, v);
}

static const char *ctrl_requires(const void *row, char *why, size_t len)
{
	const struct el2_ctrl_field *f = row;

	switch (f->reg) {
	case EL2_CTRL_HCRX:
		return cpu_requires(CPU_HCX, why, len);
	case EL2_CTRL_ICH_HCR:
		return cpu_requires(CPU_GICV3, why, len);
	default:
		return NULL;
	}
}

static void ctrl_diag_value(struct scenario_ctx *c, const char *key, unsigned n,
			    const uint64_t v[2])
{
	if (n == 1) {
		sc_diag(c, key, "0x%llx", (unsigned long long)v[0]);
	} else {
		sc_diag(c, key, "0x%llx or 0x%llx", (unsigned long long)v[0],
			(unsigned long long)v[1]);
	}
}

static void run_ctrl(struct scenario_ctx *c, const void *row)
{
	const struct el2_ctrl_field *f = row;
	const struct id_regs *ids = cpu_id_regs();
	enum el2_ctrl_state state = el2_ctrl_state(f, ids);
	uint64_t orig = ctrl_read(f->reg), vals[2];

	el2_ctrl_values(f, ids, vals);
	for (unsigned i = 0; i < 2; i++) {
		uint64_t ok[2];
		uint64_t got = ctrl_probe(f->reg, (orig & ~f->mask) | vals[i]) & f->mask;
		unsigned n = el2_ctrl_permitted(f, ids, vals[i], ok);

		if (got == ok[0] || (n == 2 && got == ok[1])) {
			continue;
		}
		sc_fail(c, "%s field 0x%llx does not read back as architected",
			el2_ctrl_reg_name(f->reg), (unsigned long long)f->mask);
		sc_diag(c, "feature", "%s", el2_ctrl_implemented(f, ids) ? "advertised" : "absent");
		sc_diag(c, "architected", "%s", el2_ctrl_state_name(state));
		sc_diag(c, "written", "0x%llx", (unsigned long long)vals[i]);
		ctrl_diag_value(c, "expected", n, ok);
		sc_diag(c, "got", "0x%llx", (unsigned long long)got);
		sc_diag(c, "id_regs",
			"{ pfr0: 0x%llx, pfr1: 0x%llx, dfr0: 0x%llx, mmfr0: 0x%llx, mmfr1: 0x%llx, "
			"mmfr2: 0x%llx, mmfr3: 0x%llx, mmfr4: 0x%llx }",
			(unsigned long long)ids->pfr0, (unsigned long long)ids->pfr1,
			(unsigned long long)ids->dfr0, (unsigned long long)ids->mmfr0,
			(unsigned long long)ids->mmfr1, (unsigned long long)ids->mmfr2,
			(unsigned long long)ids->mmfr3, (unsigned long long)ids->mmfr4);
		break;
	}
	uint64_t after = ctrl_read(f->reg);

	if (after != orig) {
		sc_fail(c, "%s not restored: 0x%llx, was 0x%llx", el2_ctrl_reg_name(f->reg),
			(unsigned long long)after, (unsigned long long)orig);
	}
}

SCENARIO(el2_ctrl, .id = "el2.ctrl",
	 .rule = "A feature's field of an EL2 control register stores what is written when the ID "
		 "registers advertise the feature; otherwise it is as the register description "
		 "says: RES0/RES1 (Glossary: hardwired, or stores the value with no effect, per "
		 "field) or RAO/WI",
	 SCENARIO_ROWS(ctrl_rows), .requires = ctrl_requires, .run = run_ctrl);
