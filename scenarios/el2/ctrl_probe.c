/* SPDX-License-Identifier: MIT */
/*
 * EL2 control register windows for el2.ctrl (see ctrl_probe.h). Which windows are safe where:
 * - HCR_EL2, SCTLR_EL2: E2H/TGE and SCTLR_EL2's own fields change the regime the harness runs
 *   in, so the window is the assembly of ctrl_probe.S, with the EL2 MMU off.
 * - CPTR_EL2: TZ/TSM/TAM would trap the harness's own SVE/SME/AMU use, and TFP its FP use:
 *   ctrl_probe.S as well (no FP/SIMD can run in an assembly window).
 * - CPTR_EL2 and SCTLR_EL2 in their E2H = 1 layouts: ctrl_probe.S sets HCR_EL2.E2H (and TGE
 *   for SCTLR_EL2) inside the MMU-off window, as vmm/entry.S guest_enter_vhe does for E2H = 1
 *   guests, and puts the E2H = 0 values back before the MMU goes on again.
 * - VTCR_EL2, MDCR_EL2, CNTHCTL_EL2, HCRX_EL2, ICH_HCR_EL2: their fields act on stage 2 (off:
 *   HCR_EL2.VM = 0 between guest runs), on EL1/EL0 (not running), on EL1's view of the timers
 *   (the harness uses only CNTHP and CNTPCT at EL2, which CNTHCTL_EL2 with E2H = 0 does not
 *   gate), on PMU/SPE/trace/debug at EL2 (unused), or on the virtual CPU interface (no guest;
 *   a maintenance interrupt it raises meanwhile is masked at EL2 and gone with the restore):
 *   a plain C window of register moves.
 */
#include "ctrl_probe.h"

#include "arch/sysreg.h"
#include "cpu_id.h"

uint64_t ctrl_probe_hcr(uint64_t value);
uint64_t ctrl_probe_sctlr(uint64_t value);
uint64_t ctrl_probe_cptr(uint64_t value);
uint64_t ctrl_probe_cptr_e2h(uint64_t mask, uint64_t value);
uint64_t ctrl_probe_sctlr_e2h(uint64_t mask, uint64_t value);

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

uint64_t ctrl_read(enum el2_ctrl_reg reg)
{
	switch (reg) {
	case EL2_CTRL_HCR:
		return read_hcr_el2();
	case EL2_CTRL_VTCR:
		return read_vtcr_el2();
	case EL2_CTRL_SCTLR:
	case EL2_CTRL_SCTLR_E2H:
		return read_sctlr_el2();
	case EL2_CTRL_CPTR:
	case EL2_CTRL_CPTR_E2H:
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

uint64_t ctrl_probe(enum el2_ctrl_reg reg, uint64_t mask, uint64_t value)
{
	uint64_t v = (ctrl_read(reg) & ~mask) | (value & mask);

	switch (reg) {
	case EL2_CTRL_CPTR_E2H:
		return ctrl_probe_cptr_e2h(mask, value & mask);
	case EL2_CTRL_SCTLR_E2H:
		return ctrl_probe_sctlr_e2h(mask, value & mask);
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

const char *ctrl_reg_requires(enum el2_ctrl_reg reg, char *why, size_t len)
{
	switch (reg) {
	case EL2_CTRL_HCRX:
		return cpu_requires(CPU_HCX, why, len);
	case EL2_CTRL_ICH_HCR:
		return cpu_requires(CPU_GICV3, why, len);
	case EL2_CTRL_CPTR_E2H:
	case EL2_CTRL_SCTLR_E2H:
		return cpu_requires(CPU_VHE, why, len);
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

bool ctrl_expect_field(struct scenario_ctx *c, const struct el2_ctrl_field *f, uint64_t written,
		       uint64_t got)
{
	const struct id_regs *ids = cpu_id_regs();
	uint64_t ok[2];
	unsigned n = el2_ctrl_permitted(f, ids, written & f->mask, ok);

	got &= f->mask;
	if (got == ok[0] || (n == 2 && got == ok[1])) {
		return true;
	}
	sc_fail(c, "%s %s does not read back as architected", el2_ctrl_reg_name(f->reg), f->name);
	sc_diag(c, "feature", "%s", el2_ctrl_implemented(f, ids) ? "advertised" : "absent");
	sc_diag(c, "architected", "%s", el2_ctrl_state_name(el2_ctrl_state(f, ids)));
	sc_diag(c, "written", "0x%llx", (unsigned long long)(written & f->mask));
	ctrl_diag_value(c, "expected", n, ok);
	sc_diag(c, "got", "0x%llx", (unsigned long long)got);
	sc_diag(c, "id_regs",
		"{ pfr0: 0x%llx, pfr1: 0x%llx, dfr0: 0x%llx, mmfr0: 0x%llx, mmfr1: 0x%llx, "
		"mmfr2: 0x%llx, mmfr3: 0x%llx, mmfr4: 0x%llx, ich_vtr: 0x%llx }",
		(unsigned long long)ids->pfr0, (unsigned long long)ids->pfr1,
		(unsigned long long)ids->dfr0, (unsigned long long)ids->mmfr0,
		(unsigned long long)ids->mmfr1, (unsigned long long)ids->mmfr2,
		(unsigned long long)ids->mmfr3, (unsigned long long)ids->mmfr4,
		(unsigned long long)ids->ich_vtr);
	return false;
}

void ctrl_expect_restored(struct scenario_ctx *c, enum el2_ctrl_reg reg, uint64_t orig)
{
	uint64_t after = ctrl_read(reg);

	if (after != orig) {
		sc_fail(c, "%s not restored: 0x%llx, was 0x%llx", el2_ctrl_reg_name(reg),
			(unsigned long long)after, (unsigned long long)orig);
	}
}
