/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the PSCI decision (vmm/psci.c). Every expected value is written here from
 * DEN0022's function descriptions (5.1 ids, 5.2.2 return codes, 5.6 CPU_ON, 5.7 AFFINITY_INFO,
 * 5.16 PSCI_FEATURES, SMCCC's 32-bit argument rule) and the choices vmm/psci.h documents
 * (entry points outside guest RAM are INVALID_ADDRESS; errors checked target, address, state).
 *
 * The VM: four vCPUs spread over the affinity levels, with the MPIDR_EL1 bit 31 (RES1) set as
 * a guest reads it:
 *   0: 0.0.0.0  ON       1: 0.0.0.1  OFF      2: 0.0.1.0  ON_PENDING   3: 1.0.0.0  OFF
 */
#include <stdint.h>

#include "psci.h"
#include "unit.h"

#define RAM	0x40000000ULL
#define RAMSIZE 0x100000ULL
#define MPIDR_U 0x80000000ULL /* bit 31, RES1 */

static const struct psci_vcpu_view vm[] = {
	{MPIDR_U | 0x000, PSCI_STATE_ON},
	{MPIDR_U | 0x001, PSCI_STATE_OFF},
	{MPIDR_U | 0x100, PSCI_STATE_ON_PENDING},
	{MPIDR_U | 0x100000000ULL, PSCI_STATE_OFF},
};
#define VCPUS (sizeof(vm) / sizeof(vm[0]))

static struct psci_action call(uint64_t x0, uint64_t x1, uint64_t x2, uint64_t x3)
{
	struct psci_call c = {.x = {x0, x1, x2, x3}, .ram_ipa = RAM, .ram_size = RAMSIZE};

	return psci_decide(&c, vm, VCPUS);
}

/* A call that only returns: kind RETURN and x0 = @expected. */
static void expect_ret(struct psci_action a, int64_t expected, const char *what)
{
	char name[160];

	snprintf(name, sizeof(name), "%s: x0 = %lld, returns to the caller", what,
		 (long long)expected);
	unit_ok(a.kind == PSCI_ACT_RETURN, "%s: returns to the caller", what);
	unit_eq_u64(a.ret, expected, name);
}

static void test_version_and_unknown(void)
{
	expect_ret(call(0x84000000, 0, 0, 0), 0x10000, "PSCI_VERSION is 1.0");
	/* SMCCC: the function id is W0; the upper half of X0 is not part of it. */
	expect_ret(call(0xffffffff84000000ULL, 0, 0, 0), 0x10000, "PSCI_VERSION, X0[63:32] set");
	expect_ret(call(0xc4000000, 0, 0, 0), -1, "PSCI_VERSION has no SMC64 form");
	expect_ret(call(0x84000001, 0, 0, 0), -1, "CPU_SUSPEND is not implemented");
	expect_ret(call(0xc4000001, 0, 0, 0), -1, "CPU_SUSPEND64 is not implemented");
	expect_ret(call(0x84000005, 0, 0, 0), -1, "MIGRATE is not implemented");
	expect_ret(call(0x84000006, 0, 0, 0), -1, "MIGRATE_INFO_TYPE is not implemented");
	expect_ret(call(0x8400001f, 0, 0, 0), -1, "the last PSCI id is not a function here");
	expect_ret(call(0x80000000, 0, 0, 0), -1, "SMCCC_VERSION: not a PSCI function");
	expect_ret(call(0, 0, 0, 0), -1, "function id 0");
	expect_ret(call(0xc2000001, 0, 0, 0), -1, "an SiP service id");
}

static void test_features(void)
{
	static const uint32_t yes[] = {0x84000000, 0x84000002, 0x84000003, 0xc4000003, 0x84000004,
				       0xc4000004, 0x84000008, 0x84000009, 0x8400000a};
	static const uint32_t no[] = {0x84000001, 0xc4000001, 0x84000005, 0xc4000005, 0x84000006,
				      0x84000007, 0xc4000007, 0x8400000b, 0x8400000e, 0xc400000e,
				      0x80000000, 0xc4000000, 0};

	for (unsigned i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		expect_ret(call(0x8400000a, yes[i], 0, 0), 0, "PSCI_FEATURES(implemented)");
	}
	for (unsigned i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		expect_ret(call(0x8400000a, no[i], 0, 0), -1, "PSCI_FEATURES(not implemented)");
	}
	/* PSCI_FEATURES is an SMC32 call: psci_func_id is W1. */
	expect_ret(call(0x8400000a, 0x1234567884000003ULL, 0, 0), 0,
		   "PSCI_FEATURES(CPU_ON) with X1[63:32] set");
}

static void test_cpu_on(void)
{
	struct psci_action a = call(0xc4000003, 0x001, RAM + 0x1000, 0x1122334455667788ULL);

	unit_eq_u64(a.kind, PSCI_ACT_CPU_ON, "CPU_ON64 of an OFF vCPU powers it on");
	unit_eq_u64((uint64_t)a.ret, 0, "CPU_ON64: SUCCESS to the caller");
	unit_eq_u64(a.target, 1, "CPU_ON64: the vCPU with affinity 0.0.0.1");
	unit_eq_u64(a.entry, RAM + 0x1000, "CPU_ON64: entry point");
	unit_eq_u64(a.context_id, 0x1122334455667788ULL, "CPU_ON64: all 64 bits of context_id");

	a = call(0xc4000003, 0x100000000ULL, RAM + RAMSIZE - 4, 7);
	unit_eq_u64(a.kind, PSCI_ACT_CPU_ON, "CPU_ON64 of Aff3 = 1 (target_cpu bits [39:32])");
	unit_eq_u64(a.target, 3, "CPU_ON64: the vCPU with affinity 1.0.0.0");
	unit_eq_u64(a.entry, RAM + RAMSIZE - 4, "CPU_ON64: the last word of RAM is an entry");

	/* SMC32 CPU_ON from AArch64: target_cpu, entry point and context_id are W1..W3. */
	a = call(0x84000003, 0xffffffff00000001ULL, 0xdead000000000000ULL | (RAM + 0x40),
		 0xfeedface01020304ULL);
	unit_eq_u64(a.kind, PSCI_ACT_CPU_ON, "CPU_ON (SMC32): upper argument halves ignored");
	unit_eq_u64(a.target, 1, "CPU_ON (SMC32): target 0.0.0.1 from W1");
	unit_eq_u64(a.entry, RAM + 0x40, "CPU_ON (SMC32): entry point from W2");
	unit_eq_u64(a.context_id, 0x01020304, "CPU_ON (SMC32): context_id from W3");
	/* The same upper halves in an SMC64 call are part of the arguments. */
	expect_ret(call(0xc4000003, 0xffffffff00000001ULL, RAM, 0), -2,
		   "CPU_ON64 of affinity 255.0.0.1: no such vCPU");
	expect_ret(call(0xc4000003, 0x001, 0xdead000000000000ULL | RAM, 0), -9,
		   "CPU_ON64: entry point far outside RAM");

	/* Bits outside the affinity fields must be zero; like KVM the vmm ignores them. */
	a = call(0xc4000003, MPIDR_U | 0x40000000 | 0x001, RAM, 0);
	unit_eq_u64(a.kind, PSCI_ACT_CPU_ON, "CPU_ON64 with MPIDR bits 31 and 30 in target_cpu");
	unit_eq_u64(a.target, 1, "... still the vCPU 0.0.0.1");

	expect_ret(call(0xc4000003, 0x002, RAM, 0), -2, "CPU_ON64 of 0.0.0.2: INVALID_PARAMETERS");
	expect_ret(call(0xc4000003, 0x10000, RAM, 0), -2,
		   "CPU_ON64 of 0.1.0.0: INVALID_PARAMETERS");
	expect_ret(call(0xc4000003, 0x000, RAM, 0), -4, "CPU_ON64 of the caller: ALREADY_ON");
	expect_ret(call(0x84000003, 0x000, RAM, 0), -4, "CPU_ON of the caller: ALREADY_ON");
	expect_ret(call(0xc4000003, 0x100, RAM, 0), -5, "CPU_ON64 of a pending vCPU: ON_PENDING");
	expect_ret(call(0xc4000003, 0x001, RAM - 4, 0), -9, "CPU_ON64 below RAM: INVALID_ADDRESS");
	expect_ret(call(0xc4000003, 0x001, RAM + RAMSIZE, 0), -9,
		   "CPU_ON64 just past RAM: INVALID_ADDRESS");
	expect_ret(call(0xc4000003, 0x001, 0, 0), -9, "CPU_ON64 at address 0: INVALID_ADDRESS");
	/* Precedence (vmm/psci.h, as TF-A): target, then address, then state. */
	expect_ret(call(0xc4000003, 0x002, 0, 0), -2, "unknown target and bad address");
	expect_ret(call(0xc4000003, 0x000, 0, 0), -9, "ON target and bad address");
	expect_ret(call(0xc4000003, 0x100, 0, 0), -9, "pending target and bad address");
}

static void test_affinity_info(void)
{
	/* Level 0: one vCPU each. */
	expect_ret(call(0xc4000004, 0x000, 0, 0), 0, "AFFINITY_INFO64(0.0.0.0, 0): ON");
	expect_ret(call(0xc4000004, 0x001, 0, 0), 1, "AFFINITY_INFO64(0.0.0.1, 0): OFF");
	expect_ret(call(0xc4000004, 0x100, 0, 0), 2, "AFFINITY_INFO64(0.0.1.0, 0): ON_PENDING");
	expect_ret(call(0xc4000004, 0x100000000ULL, 0, 0), 1, "AFFINITY_INFO64(1.0.0.0, 0): OFF");
	expect_ret(call(0xc4000004, 0x002, 0, 0), -2, "AFFINITY_INFO64(0.0.0.2, 0): no such core");
	expect_ret(call(0x84000004, 0x001, 0, 0), 1, "AFFINITY_INFO(0.0.0.1, 0): OFF");
	/* SMC32: W1, W2; the SMC64 form reads all of X1, X2. */
	expect_ret(call(0x84000004, 0xffffffff00000001ULL, 0xffffffff00000000ULL, 0), 1,
		   "AFFINITY_INFO (SMC32) with upper halves set: 0.0.0.1 level 0");
	expect_ret(call(0xc4000004, 0x001, 0xffffffff00000000ULL, 0), -2,
		   "AFFINITY_INFO64 with a level of 2^32 * 0xffffffff");
	/* Level 1: Aff0 ignored; cluster 0.0.0 holds vCPUs 0 (ON) and 1 (OFF). */
	expect_ret(call(0xc4000004, 0x001, 1, 0), 0, "AFFINITY_INFO64(0.0.0.*, 1): ON (vCPU 0)");
	expect_ret(call(0xc4000004, 0x0ff, 1, 0), 0, "AFFINITY_INFO64(0.0.0.255, 1): Aff0 ignored");
	expect_ret(call(0xc4000004, 0x100, 1, 0), 2, "AFFINITY_INFO64(0.0.1.*, 1): ON_PENDING");
	expect_ret(call(0xc4000004, 0x200, 1, 0), -2, "AFFINITY_INFO64(0.0.2.*, 1): empty");
	/* Level 2: Aff1, Aff0 ignored. */
	expect_ret(call(0xc4000004, 0x1ff, 2, 0), 0, "AFFINITY_INFO64(0.0.*.*, 2): ON");
	expect_ret(call(0xc4000004, 0x10000, 2, 0), -2, "AFFINITY_INFO64(0.1.*.*, 2): empty");
	/* Level 3: Aff2..Aff0 ignored; 1.*.*.* holds vCPU 3 only. */
	expect_ret(call(0xc4000004, 0x100ffffffULL, 3, 0), 1, "AFFINITY_INFO64(1.*.*.*, 3): OFF");
	expect_ret(call(0xc4000004, 0x0ffffff, 3, 0), 0, "AFFINITY_INFO64(0.*.*.*, 3): ON");
	expect_ret(call(0xc4000004, 0x200000000ULL, 3, 0), -2, "AFFINITY_INFO64(2.*.*.*, 3)");
	expect_ret(call(0xc4000004, 0x000, 4, 0), -2,
		   "AFFINITY_INFO64 level 4: INVALID_PARAMETERS");
}

static void test_power(void)
{
	unit_eq_u64(call(0x84000002, 0, 0, 0).kind, PSCI_ACT_CPU_OFF, "CPU_OFF: the caller stops");
	unit_eq_u64(call(0xc4000002, 0, 0, 0).kind, PSCI_ACT_RETURN,
		    "CPU_OFF has no SMC64 form: NOT_SUPPORTED");
	unit_eq_u64(call(0x84000008, 0, 0, 0).kind, PSCI_ACT_SYSTEM_OFF, "SYSTEM_OFF");
	unit_eq_u64(call(0x84000009, 0, 0, 0).kind, PSCI_ACT_SYSTEM_RESET, "SYSTEM_RESET");
	unit_eq_u64(call(0xc4000008, 0, 0, 0).kind, PSCI_ACT_RETURN,
		    "SYSTEM_OFF has no SMC64 form: NOT_SUPPORTED");
}

/* The answer depends on the table, not on who calls: CPU_ON of vCPU 0, of vCPU 3, one vCPU. */
static void test_other_caller(void)
{
	struct psci_call c = {
		.x = {0xc4000003, 0x000, RAM, 0}, .ram_ipa = RAM, .ram_size = RAMSIZE};
	struct psci_action a = psci_decide(&c, vm, VCPUS);

	unit_eq_u64((uint64_t)a.ret, (uint64_t)-4, "CPU_ON64 of vCPU 0 (ON): ALREADY_ON");
	c.x[1] = 0x100000000ULL;
	a = psci_decide(&c, vm, VCPUS);
	unit_eq_u64(a.kind, PSCI_ACT_CPU_ON, "CPU_ON64 of vCPU 3 (OFF)");
	unit_eq_u64(a.target, 3, "... target vCPU 3");
	/* A one-vCPU VM: nothing else to power on. */
	a = psci_decide(&c, vm, 1);
	unit_eq_u64((uint64_t)a.ret, (uint64_t)-2, "one-vCPU VM: Aff3 = 1 does not exist");
}

int main(void)
{
	test_version_and_unknown();
	test_features();
	test_cpu_on();
	test_affinity_info();
	test_power();
	test_other_caller();
	return unit_done();
}
