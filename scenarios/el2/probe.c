/* SPDX-License-Identifier: MIT */
/*
 * el2.probe: the expected-fault probe (kernel/el2_probe.S) itself. A probe that faults, one
 * with SCTLR_EL2.A set, one with the EL2 MMU off and, with FEAT_VHE, one in the E2H = 1 window
 * must each leave the harness's VBAR_EL2, SCTLR_EL2, HCR_EL2, TCR_EL2 and DAIF exactly as they
 * were, and the faulting one must have been recovered at its own instruction.
 *
 * Self-test hook: with the boot argument "el2_probe.selftest=unarmed" (a token without the
 * hyptap. prefix, which the bootargs parser ignores) the instance then makes a probe with
 * nothing armed, which must end the run as an unexpected EL2 exception: the dump and one
 * Bail out! (tests/el2-probe.t checks that).
 */
#include <string.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "cpu_id.h"
#include "el2_check.h"
#include "kalloc.h"
#include "mmu.h"
#include "platform.h"

#define SELFTEST_TOKEN "el2_probe.selftest=unarmed"

struct el2_state {
	uint64_t vbar, sctlr, hcr, tcr, daif;
};

static struct el2_state el2_state_now(void)
{
	uint64_t daif;

	__asm__ volatile("mrs %0, daif" : "=r"(daif));
	return (struct el2_state){read_vbar_el2(), read_sctlr_el2(), read_hcr_el2(), read_tcr_el2(),
				  daif};
}

static void expect_state(struct scenario_ctx *c, const char *after, const struct el2_state *s)
{
	struct el2_state now = el2_state_now();
	static const char *const names[] = {"vbar_el2", "sctlr_el2", "hcr_el2", "tcr_el2", "daif"};
	const uint64_t *want = &s->vbar, *got = &now.vbar;

	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (got[i] != want[i]) {
			sc_fail(c, "after %s: %s 0x%llx, was 0x%llx", after, names[i],
				(unsigned long long)got[i], (unsigned long long)want[i]);
		}
	}
}

static bool selftest_requested(void)
{
	const char *args = platform.bootargs;
	size_t n = strlen(SELFTEST_TOKEN);

	for (const char *p = args; p && (p = strstr(p, SELFTEST_TOKEN)) != NULL; p += n) {
		if ((p == args || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' ')) {
			return true;
		}
	}
	return false;
}

static void run_el2_probe(struct scenario_ctx *c, const void *row)
{
	struct el2_state before = el2_state_now();
	/* Outside an instance's el2_map_start() the scratch range is unmapped: a level-0 fault. */
	uint64_t unmapped = mmu_scratch_va();
	uint64_t flat = (uintptr_t)&before;
	struct el2_probe_result r;

	(void)row;
	if (!unmapped) {
		sc_fail(c, "the harness's EL2 table has no free level-0 entry");
		return;
	}
	el2_probe(EL2_PROBE_LDR64, unmapped, 0, before.sctlr, &r);
	if (!r.faulted || r.elr != r.insn || r.far != unmapped) {
		sc_fail(c, "a load from an unmapped VA was not recovered at its instruction");
		sc_diag(c, "probe", "{ faulted: %d, elr_el2: 0x%llx, far_el2: 0x%llx }", r.faulted,
			(unsigned long long)r.elr, (unsigned long long)r.far);
	}
	expect_state(c, "a recovered fault", &before);
	el2_probe(EL2_PROBE_LDR64, flat & ~7ULL, 0, before.sctlr | SCTLR_A, &r);
	expect_state(c, "a probe with SCTLR_EL2.A = 1", &before);
	kcache_clean_inval((void *)(flat & ~63ULL), 64);
	el2_probe(EL2_PROBE_LDR64, flat & ~7ULL, 0, before.sctlr & ~SCTLR_M, &r);
	expect_state(c, "a probe with the EL2 MMU off", &before);
	if (MMFR1_VH(cpu_id_regs()->mmfr1)) {
		struct el2_probe_e2h w = {.hcr = before.hcr | HCR_E2H | HCR_RW,
					  .tcr = (before.tcr & 0xffff) | 16ULL << 16 | BIT(23) |
						 2ULL << 30 |
						 FIELD_GET(before.tcr, TCR_EL2_PS_SHIFT, 3) << 32,
					  .ttbr1 = 0};

		el2_probe_e2h(EL2_PROBE_LDR64, flat & ~7ULL, 0, before.sctlr, &w, &r);
		if (r.faulted) {
			sc_fail(c,
				"a load of the harness's own data faulted in the E2H = 1 window");
		}
		expect_state(c, "a probe in the E2H = 1 window", &before);
	}
	if (selftest_requested()) {
		el2_probe_unarmed(unmapped); /* does not return: Bail out! */
		sc_fail(c, "an unarmed probe of an unmapped VA came back");
	}
}

SCENARIO(el2_probe, .id = "el2.probe",
	 .rule = "the expected-fault probe recovers only its armed access and leaves VBAR_EL2, "
		 "SCTLR_EL2, HCR_EL2, TCR_EL2 and DAIF as it found them (kernel/el2_probe.S)",
	 .run = run_el2_probe);
