/* SPDX-License-Identifier: MIT */
/*
 * PSCI for guests (Arm DEN0022, Power State Coordination Interface): the decision part, pure
 * so that it builds and is unit-tested on the host. Given one call (function id in w0,
 * arguments x1..x3) and a snapshot of the VM's vCPUs (their MPIDR and power state), it says
 * what the vmm does: return a value in x0, power a vCPU on, power the caller off, or end the
 * VM. vmm/psci_call.c applies it to the real vCPUs, under a lock.
 *
 * Implemented: PSCI_VERSION (1.0), CPU_ON (SMC32 and SMC64), CPU_OFF, AFFINITY_INFO (SMC32 and
 * SMC64, levels 0..3), SYSTEM_OFF, SYSTEM_RESET, PSCI_FEATURES. Every other function id, in the
 * PSCI range or not, returns NOT_SUPPORTED, as SMCCC asks of an unknown function.
 */
#ifndef VMM_PSCI_H
#define VMM_PSCI_H

#include <stdbool.h>
#include <stdint.h>

/* Function ids (DEN0022 5.1); bit 30 set: the SMC64/HVC64 form of a function that has one. */
#define PSCI_FN_VERSION		  0x84000000u
#define PSCI_FN_CPU_SUSPEND	  0x84000001u
#define PSCI_FN_CPU_OFF		  0x84000002u
#define PSCI_FN_CPU_ON		  0x84000003u
#define PSCI_FN_AFFINITY_INFO	  0x84000004u
#define PSCI_FN_MIGRATE		  0x84000005u
#define PSCI_FN_MIGRATE_INFO_TYPE 0x84000006u
#define PSCI_FN_SYSTEM_OFF	  0x84000008u
#define PSCI_FN_SYSTEM_RESET	  0x84000009u
#define PSCI_FN_FEATURES	  0x8400000au
#define PSCI_FN64_CPU_SUSPEND	  0xc4000001u
#define PSCI_FN64_CPU_ON	  0xc4000003u
#define PSCI_FN64_AFFINITY_INFO	  0xc4000004u

/* Return codes (DEN0022 5.2.2), as the signed value the caller finds in x0 (w0 for SMC32). */
#define PSCI_RET_SUCCESS	    0
#define PSCI_RET_NOT_SUPPORTED	    (-1)
#define PSCI_RET_INVALID_PARAMETERS (-2)
#define PSCI_RET_DENIED		    (-3)
#define PSCI_RET_ALREADY_ON	    (-4)
#define PSCI_RET_ON_PENDING	    (-5)
#define PSCI_RET_INTERNAL_FAILURE   (-6)
#define PSCI_RET_NOT_PRESENT	    (-7)
#define PSCI_RET_DISABLED	    (-8)
#define PSCI_RET_INVALID_ADDRESS    (-9)

/* PSCI_VERSION: major in [31:16], minor in [15:0]. 1.0 is the first with PSCI_FEATURES. */
#define PSCI_VERSION_1_0 0x00010000u

/* The affinity fields of an MPIDR (Aff3 [39:32], Aff2..Aff0 [23:0]); CPU_ON's target_cpu. */
#define PSCI_MPIDR_AFF_MASK 0xff00ffffffULL

/*
 * A vCPU's power state, numbered as AFFINITY_INFO returns it (DEN0022 5.7): ON_PENDING from a
 * successful CPU_ON until the vmm first enters the vCPU.
 */
enum psci_state {
	PSCI_STATE_ON = 0,
	PSCI_STATE_OFF = 1,
	PSCI_STATE_ON_PENDING = 2,
};

/** One vCPU of the VM as PSCI sees it: the MPIDR_EL1 it reads (VMPIDR_EL2) and its state. */
struct psci_vcpu_view {
	uint64_t mpidr;
	enum psci_state state;
};

/** One call: the registers at the HVC #0 / trapped SMC #0, and what the VM looks like. */
struct psci_call {
	uint64_t x[4];	  /* x0 (the function id is w0), x1..x3: the arguments */
	uint64_t ram_ipa; /* guest RAM: a CPU_ON entry point outside it is INVALID_ADDRESS */
	uint64_t ram_size;
};

enum psci_action_kind {
	PSCI_ACT_RETURN,       /* resume the caller with x0 = .ret */
	PSCI_ACT_CPU_ON,       /* x0 = SUCCESS; power .target on at .entry, its x0 = .context_id */
	PSCI_ACT_CPU_OFF,      /* the caller is off: it does not return from the call */
	PSCI_ACT_SYSTEM_OFF,   /* every vCPU off, the VM ends */
	PSCI_ACT_SYSTEM_RESET, /* every vCPU off, the VMM resets the VM */
};

struct psci_action {
	enum psci_action_kind kind;
	int64_t ret; /* PSCI_ACT_RETURN and PSCI_ACT_CPU_ON: the caller's x0 */
	unsigned target;
	uint64_t entry;
	uint64_t context_id;
};

/**
 * psci_decide() - what the vmm does for @call, a PSCI call of one of the @count vCPUs in
 * @vcpus (DEN0022 5: the function's parameters, return values and errors).
 * A call with a 32-bit function id (bit 30 clear) uses the low 32 bits of its arguments only.
 */
struct psci_action psci_decide(const struct psci_call *call, const struct psci_vcpu_view *vcpus,
			       unsigned count);

/** The name of PSCI function @fn ("CPU_ON", "CPU_ON64", ...), "?" if it has none here. */
const char *psci_fn_name(uint32_t fn);

#endif
