/* SPDX-License-Identifier: MIT */
/*
 * smp.psci: a 2-vCPU guest brings its second vCPU up and down with PSCI (DEN0022), the two
 * vCPUs running at once on two PEs. vCPU 0 (on PE k = 0) calls CPU_ON for vCPU 1's MPIDR with
 * an entry point in guest code and a context id; the vmm answers SUCCESS and ends the run with
 * EXIT_PSCI_CPU_ON, and the scenario, as the VMM, starts vCPU 1 on PE k = 1 and resumes vCPU 0.
 * vCPU 1 reports its entry state (DEN0022 6.4: x0 = context id, its MPIDR, EL1h, DAIF masked,
 * MMU and data cache off), waits until vCPU 0 has seen AFFINITY_INFO = ON, and calls CPU_OFF;
 * vCPU 0 waits for AFFINITY_INFO = OFF and calls SYSTEM_OFF, which ends the VM.
 *
 * While vCPU 1 is being started AFFINITY_INFO may answer ON_PENDING (DEN0022 5.7: the vmm
 * reports it until it first enters the vCPU) before ON: vCPU 0 accepts exactly those two,
 * then exactly ON or OFF. The SMC32 rows put garbage in the upper halves of target_cpu, the
 * entry point and the context id: an SMC32 call's arguments are W registers (SMCCC), so vCPU 1
 * must start at the same entry with x0 = the low 32 bits of the context id. The "twice" rows
 * turn vCPU 1 on again after its CPU_OFF, with context id + 1: the second life must start from
 * the PSCI entry state although the first left its caches on and interrupts unmasked.
 */
#include "psci_guest.h"

struct psci_boot_row {
	const char *name;
	unsigned conduit;
	uint32_t cpu_on; /* PSCI_FN64_CPU_ON or PSCI_FN_CPU_ON */
	uint64_t upper;	 /* ORed into target_cpu, entry point and context id */
	uint64_t context_id;
	unsigned lives; /* times vCPU 1 is turned on (context_id + i) and off */
};

#define UPPER_GARBAGE 0xa5a5a5a500000000ULL

static const struct psci_boot_row boot_rows[] = {
	{"[hvc,cpu_on64]", PSCI_G_HVC, PSCI_FN64_CPU_ON, 0, 0x0123456789abcdefULL, 1},
	{"[hvc,cpu_on32]", PSCI_G_HVC, PSCI_FN_CPU_ON, UPPER_GARBAGE, 0x89abcdefULL, 1},
	{"[hvc,cpu_on64,twice]", PSCI_G_HVC, PSCI_FN64_CPU_ON, 0, 0x0123456789abcdefULL, 2},
	{"[smc,cpu_on64]", PSCI_G_SMC, PSCI_FN64_CPU_ON, 0, 0xfedcba9876543210ULL, 1},
	{"[smc,cpu_on32]", PSCI_G_SMC, PSCI_FN_CPU_ON, UPPER_GARBAGE, 0x76543210ULL, 1},
	{"[smc,cpu_on32,twice]", PSCI_G_SMC, PSCI_FN_CPU_ON, UPPER_GARBAGE, 0x76543210ULL, 2},
};

static const char *boot_requires(const void *row, char *why, size_t len)
{
	return psci_conduit_requires(((const struct psci_boot_row *)row)->conduit, why, len);
}

/* vCPU 0's end: SYSTEM_OFF after CPU_ON = SUCCESS, ON seen, then OFF seen. */
static void expect_boot_vcpu(struct scenario_ctx *c, const struct vcpu *v, const struct exit *e)
{
	uint64_t got;

	sc_diag(c, "vcpu", "0 (CPU_ON, AFFINITY_INFO, SYSTEM_OFF)");
	psci_expect_no_el1_exception(c, v, "vCPU 0");
	if (e->reason == EXIT_GUEST_DONE) {
		sc_fail(c, "vCPU 0 gave up with status 0x%llx (guest/psci_abi.h PB_STATUS_*)",
			(unsigned long long)e->status);
		if (v->reported & (1u << PB_REPORT_BAD_AFF)) {
			sc_diag(c, "affinity_info", "0x%llx",
				(unsigned long long)v->reports[PB_REPORT_BAD_AFF]);
		}
	}
	sc_expect_reason(c, e, EXIT_SYSTEM_OFF);
	if (psci_report(c, v, PB_REPORT_CPU_ON, "CPU_ON's x0", &got)) {
		sc_expect_u64(c, "cpu_on.w0", (uint32_t)got, PSCI_RET_SUCCESS);
	}
}

static void run_boot(struct scenario_ctx *c, const void *row)
{
	const struct psci_boot_row *r = row;
	const uint64_t args[3] = {r->conduit, r->cpu_on, PSCI_G_TARGET1 | r->upper};
	const uint64_t ctx = r->context_id | r->upper, lives = r->lives;
	struct vcpu *v1, *v0 = psci_vm_start(c, GSYM(gp_psci_boot), args, &v1);
	struct vm *vm = sc_vm(c);
	struct exit e0, e1;

	if (!v0 || vm_load(vm, IPA(GSYM(gl_psci_boot_ctx)), &ctx, sizeof(ctx)) ||
	    vm_load(vm, IPA(GSYM(gl_psci_boot_entry_or)), &r->upper, sizeof(r->upper)) ||
	    vm_load(vm, IPA(GSYM(gl_psci_boot_lives)), &lives, sizeof(lives))) {
		sc_fail(c, "PSCI VM setup failed");
		return;
	}
	e0 = sc_run_vcpu(c, v0);
	for (unsigned life = 0; life < r->lives; life++) {
		sc_diag(c, "life", "%u of vCPU 1", life + 1);
		if (!sc_expect_reason(c, &e0, EXIT_PSCI_CPU_ON)) {
			sc_diag_exit(c, &e0);
			return;
		}
		if (e0.target != v1) {
			sc_fail(c, "CPU_ON's exit names another vCPU than vCPU 1");
			return;
		}
		v1->reported = 0; /* this life's reports only */
		if (sc_run_vcpu_on_async(c, v1, 1, &e1)) {
			return;
		}
		e0 = sc_run_vcpu(c, v0);
		if (sc_pe_wait(c, 1)) {
			return;
		}
		/* The low 32 bits only in the SMC32 rows: context_id is W3 there. */
		uint64_t expect_x0 =
			r->upper ? (uint32_t)(r->context_id + life) : r->context_id + life;

		psci_expect_secondary(c, v1, &e1, expect_x0, PSCI_G_MPIDR1);
	}
	expect_boot_vcpu(c, v0, &e0);
}

SCENARIO(smp_psci, .id = "smp.psci",
	 .rule = "DEN0022 5.6/5.7/6.4: CPU_ON of an OFF vCPU returns SUCCESS and starts it at the "
		 "entry point with x0 = context_id, its MPIDR, EL1h, DAIF masked, MMU and data "
		 "cache off; AFFINITY_INFO is ON_PENDING or ON until its CPU_OFF, then OFF; "
		 "SYSTEM_OFF ends the VM; SMC32 calls use W1..W3 (SMCCC)",
	 SCENARIO_ROWS(boot_rows), .requires = boot_requires, .run = run_boot, .pes = 2);
