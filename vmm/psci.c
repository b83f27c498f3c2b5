/* SPDX-License-Identifier: MIT */
/*
 * PSCI for guests, the decision (vmm/psci.h): DEN0022's rules for each function, on a snapshot
 * of the VM's vCPUs. No register is touched here; vmm/psci_call.c reads the call from the
 * exit and carries the action out.
 */
#include <stddef.h>

#include "psci.h"

/* SMCCC: bit 30 of the function id says SMC64; an SMC32 call's arguments are W registers. */
#define SMCCC_FN_64 (1u << 30)

static uint64_t call_arg(const struct psci_call *call, unsigned n)
{
	return ((uint32_t)call->x[0] & SMCCC_FN_64) ? call->x[n] : (uint32_t)call->x[n];
}

static struct psci_action ret(int64_t value)
{
	return (struct psci_action){.kind = PSCI_ACT_RETURN, .ret = value};
}

/* The vCPU whose MPIDR affinity fields are @target_cpu's, or @count if none is. */
static unsigned find_vcpu(uint64_t target_cpu, const struct psci_vcpu_view *vcpus, unsigned count)
{
	for (unsigned i = 0; i < count; i++) {
		if ((vcpus[i].mpidr & PSCI_MPIDR_AFF_MASK) == (target_cpu & PSCI_MPIDR_AFF_MASK)) {
			return i;
		}
	}
	return count;
}

/*
 * CPU_ON (DEN0022 5.6): target_cpu holds the target's affinity fields (the other bits must be
 * zero; like KVM, the vmm ignores them). DEN0022 sets no precedence among the errors; the
 * vmm checks as TF-A's psci_cpu_on() does: the target exists (INVALID_PARAMETERS), the entry
 * point is one the caller may use (INVALID_ADDRESS: outside guest RAM), the target is off
 * (ALREADY_ON, or ON_PENDING while an earlier CPU_ON has not taken effect).
 */
static struct psci_action cpu_on(const struct psci_call *call, const struct psci_vcpu_view *vcpus,
				 unsigned count)
{
	unsigned t = find_vcpu(call_arg(call, 1), vcpus, count);
	uint64_t entry = call_arg(call, 2);

	if (t == count) {
		return ret(PSCI_RET_INVALID_PARAMETERS);
	}
	if (entry < call->ram_ipa || entry - call->ram_ipa >= call->ram_size) {
		return ret(PSCI_RET_INVALID_ADDRESS);
	}
	switch (vcpus[t].state) {
	case PSCI_STATE_ON:
		return ret(PSCI_RET_ALREADY_ON);
	case PSCI_STATE_ON_PENDING:
		return ret(PSCI_RET_ON_PENDING);
	case PSCI_STATE_OFF:
		break;
	}
	return (struct psci_action){.kind = PSCI_ACT_CPU_ON,
				    .ret = PSCI_RET_SUCCESS,
				    .target = t,
				    .entry = entry,
				    .context_id = call_arg(call, 3)};
}

/*
 * AFFINITY_INFO (DEN0022 5.7): the state of the affinity instance at lowest_affinity_level
 * (0..3) that target_affinity names; the affinity fields below that level are ignored. ON if
 * a core in it is on, else ON_PENDING if one is being turned on, else OFF. A level above 3 or
 * an instance with no vCPU in it is INVALID_PARAMETERS.
 */
static struct psci_action affinity_info(const struct psci_call *call,
					const struct psci_vcpu_view *vcpus, unsigned count)
{
	uint64_t level = call_arg(call, 2);
	bool any = false, pending = false;

	if (level > 3) {
		return ret(PSCI_RET_INVALID_PARAMETERS);
	}
	uint64_t mask = PSCI_MPIDR_AFF_MASK & ~((1ULL << (8 * level)) - 1);
	uint64_t target = call_arg(call, 1) & mask;

	for (unsigned i = 0; i < count; i++) {
		if ((vcpus[i].mpidr & mask) != target) {
			continue;
		}
		if (vcpus[i].state == PSCI_STATE_ON) {
			return ret(PSCI_STATE_ON);
		}
		pending |= vcpus[i].state == PSCI_STATE_ON_PENDING;
		any = true;
	}
	if (!any) {
		return ret(PSCI_RET_INVALID_PARAMETERS);
	}
	return ret(pending ? PSCI_STATE_ON_PENDING : PSCI_STATE_OFF);
}

/* The function ids this implementation answers (PSCI_FEATURES says 0 for each). */
static const uint32_t implemented[] = {
	PSCI_FN_VERSION,    PSCI_FN_CPU_OFF,	   PSCI_FN_CPU_ON,
	PSCI_FN64_CPU_ON,   PSCI_FN_AFFINITY_INFO, PSCI_FN64_AFFINITY_INFO,
	PSCI_FN_SYSTEM_OFF, PSCI_FN_SYSTEM_RESET,  PSCI_FN_FEATURES,
};

/*
 * PSCI_FEATURES (DEN0022 5.16): 0 for an implemented function other than CPU_SUSPEND (whose
 * answer would carry its parameter format; it is not implemented), NOT_SUPPORTED otherwise.
 */
static struct psci_action features(const struct psci_call *call)
{
	uint32_t fn = (uint32_t)call_arg(call, 1);

	for (size_t i = 0; i < sizeof(implemented) / sizeof(implemented[0]); i++) {
		if (implemented[i] == fn) {
			return ret(PSCI_RET_SUCCESS);
		}
	}
	return ret(PSCI_RET_NOT_SUPPORTED);
}

struct psci_action psci_decide(const struct psci_call *call, const struct psci_vcpu_view *vcpus,
			       unsigned count)
{
	switch ((uint32_t)call->x[0]) {
	case PSCI_FN_VERSION:
		return ret(PSCI_VERSION_1_0);
	case PSCI_FN_CPU_OFF:
		return (struct psci_action){.kind = PSCI_ACT_CPU_OFF};
	case PSCI_FN_CPU_ON:
	case PSCI_FN64_CPU_ON:
		return cpu_on(call, vcpus, count);
	case PSCI_FN_AFFINITY_INFO:
	case PSCI_FN64_AFFINITY_INFO:
		return affinity_info(call, vcpus, count);
	case PSCI_FN_SYSTEM_OFF:
		return (struct psci_action){.kind = PSCI_ACT_SYSTEM_OFF};
	case PSCI_FN_SYSTEM_RESET:
		return (struct psci_action){.kind = PSCI_ACT_SYSTEM_RESET};
	case PSCI_FN_FEATURES:
		return features(call);
	}
	return ret(PSCI_RET_NOT_SUPPORTED);
}

const char *psci_fn_name(uint32_t fn)
{
	switch (fn) {
	case PSCI_FN_VERSION:
		return "PSCI_VERSION";
	case PSCI_FN_CPU_SUSPEND:
		return "CPU_SUSPEND";
	case PSCI_FN64_CPU_SUSPEND:
		return "CPU_SUSPEND64";
	case PSCI_FN_CPU_OFF:
		return "CPU_OFF";
	case PSCI_FN_CPU_ON:
		return "CPU_ON";
	case PSCI_FN64_CPU_ON:
		return "CPU_ON64";
	case PSCI_FN_AFFINITY_INFO:
		return "AFFINITY_INFO";
	case PSCI_FN64_AFFINITY_INFO:
		return "AFFINITY_INFO64";
	case PSCI_FN_SYSTEM_OFF:
		return "SYSTEM_OFF";
	case PSCI_FN_SYSTEM_RESET:
		return "SYSTEM_RESET";
	case PSCI_FN_FEATURES:
		return "PSCI_FEATURES";
	}
	return "?";
}
