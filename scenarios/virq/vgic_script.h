/* SPDX-License-Identifier: MIT */
/*
 * The host side of the vGIC script (guest/virq_script.h): it loads the list registers of a
 * fresh vCPU, replays the script the guest runs on the vGIC oracle (scenarios/model/vgic_model.h)
 * and compares each value the guest read, then the list registers, ICH_AP0R/AP1R<n>_EL2 and
 * ICH_HCR_EL2 (EOIcount) after the run, with what the oracle permits.
 *
 * Where the architecture permits several outcomes (equal-priority pending interrupts, an EOI
 * out of order, an EOI with nothing active) the oracle gives each; the replay keeps every state
 * still consistent with what the guest saw, so a run passes exactly when one permitted history
 * explains all of it.
 */
#ifndef SCENARIOS_VIRQ_VGIC_SCRIPT_H
#define SCENARIOS_VIRQ_VGIC_SCRIPT_H

#include <stdint.h>

#include "scenario.h"
#include "vgic_model.h"
#include "virq_script.h"

/** One script op (guest/virq_script.h). */
#define VS_OP(op, arg) ((uint16_t)((op) << VS_OP_SHIFT | ((arg)&VS_ARG_MASK)))

#define VS_STATES_MAX 8

/**
 * struct vs_run - a script run: the permitted oracle states so far.
 * @pdeact: per state, the physical INTIDs (< 32) an LR with HW = 1 deactivated.
 * @next_op, @next_key: the first op and report key not yet replayed.
 */
struct vs_run {
	struct scenario_ctx *c;
	struct vcpu *v;
	const uint16_t *ops;
	struct vgic_state s[VS_STATES_MAX];
	uint32_t pdeact[VS_STATES_MAX];
	const char *rule[VS_STATES_MAX];
	unsigned count;
	unsigned next_op, next_key;
};

/** The guest payload arguments of the script @ops (VS_OPS_MAX ops, VS_END-terminated). */
void vs_args(const uint16_t ops[VS_OPS_MAX], uint64_t args[3]);

/**
 * vs_begin() - start the oracle for the vCPU sc_start() just created: ICH_VTR_EL2 of this CPU,
 * @vmcr and @hcr as the vCPU starts with them, every LR invalid, no active priority.
 */
void vs_begin(struct vs_run *r, struct scenario_ctx *c, const uint16_t *ops, uint64_t vmcr,
	      uint64_t hcr);

/** Put @lr in list register @n, in the vCPU (loaded at its next run) and in every state. */
void vs_set_lr(struct vs_run *r, unsigned n, const struct vgic_lr *lr);

/** Set the active priority bit of @priority in @group, in the vCPU and in every state. */
void vs_set_active_priority(struct vs_run *r, unsigned priority, unsigned group);

/**
 * vs_replay() - replay the ops up to (not including) op @until on the oracle, checking each
 * value the guest reported. Returns false (the instance failed) when no state explains them.
 */
bool vs_replay(struct vs_run *r, unsigned until);

/** The number of ops before VS_END. */
unsigned vs_op_count(const struct vs_run *r);

/**
 * vs_expect_physical() - the physical INTIDs of mask @pwatch that the scenario found
 * deactivated (@pinactive) at a stop must be those an LR with HW = 1 deactivated in the ops
 * replayed so far: keep the states that agree; false (the instance failed) if none does.
 */
bool vs_expect_physical(struct vs_run *r, uint32_t pwatch, uint32_t pinactive);

/**
 * vs_finish() - replay what is left and compare the list registers, ICH_AP0R/AP1R<n>_EL2 and
 * ICH_HCR_EL2 that the run left in the vCPU with the states, and the physical INTIDs of mask
 * @pwatch that the scenario found deactivated (@pinactive) with those an LR with HW = 1
 * deactivated. Returns the index of the first state that matches, or -1 (the instance failed,
 * with the differences from the closest permitted state).
 */
int vs_finish(struct vs_run *r, uint32_t pwatch, uint32_t pinactive);

#endif
