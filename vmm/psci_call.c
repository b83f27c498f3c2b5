/* SPDX-License-Identifier: MIT */
/*
 * PSCI for guests, carried out (the decision is vmm/psci.c's): read the call from the exit,
 * decide on a snapshot of the VM's vCPUs taken under one lock, and apply the action to them
 * before the lock is dropped, so that two vCPUs calling at once on two PEs (a CPU_ON racing an
 * AFFINITY_INFO or another CPU_ON) see the states one after the other.
 */
#include "smp.h"
#include "vmm_internal.h"

/* Every PSCI VM's power states: calls are short and rare, one lock is enough. */
static struct spinlock psci_lock;

int psci_vcpu_add(struct vcpu *v)
{
	struct vm *vm = v->vm;

	if (vm->vcpu_count == VM_VCPUS_MAX) {
		return -1;
	}
	if (!v->cfg.vmpidr) {
		v->cfg.vmpidr = 0x80000000ULL | vm->vcpu_count; /* see vcpu_config.power_off */
	}
	v->power = v->cfg.power_off ? PSCI_STATE_OFF : PSCI_STATE_ON;
	vm->vcpus[vm->vcpu_count++] = v;
	return 0;
}

void psci_vcpu_remove(struct vcpu *v)
{
	struct vm *vm = v->vm;
	unsigned n = 0;

	for (unsigned i = 0; i < vm->vcpu_count; i++) {
		if (vm->vcpus[i] != v) {
			vm->vcpus[n++] = vm->vcpus[i];
		}
	}
	vm->vcpu_count = n;
}

enum psci_state psci_vcpu_starting(struct vcpu *v)
{
	spin_lock(&psci_lock);
	enum psci_state s = v->power;

	if (s == PSCI_STATE_ON_PENDING) {
		v->power = PSCI_STATE_ON;
	}
	spin_unlock(&psci_lock);
	return s;
}

/* Every vCPU of @vm off (SYSTEM_OFF, SYSTEM_RESET); one running elsewhere is the VMM's to stop. */
static void vm_power_off(struct vm *vm)
{
	for (unsigned i = 0; i < vm->vcpu_count; i++) {
		vm->vcpus[i]->power = PSCI_STATE_OFF;
	}
}

enum exit_action psci_handle(struct vcpu *v, struct exit *e)
{
	struct vm *vm = v->vm;
	struct psci_vcpu_view view[VM_VCPUS_MAX];
	struct psci_call call = {.ram_ipa = vm->ram_ipa, .ram_size = vm->ram_size};

	for (unsigned i = 0; i < 4; i++) {
		call.x[i] = v->ctx.x[i];
	}
	spin_lock(&psci_lock);
	for (unsigned i = 0; i < vm->vcpu_count; i++) {
		view[i] = (struct psci_vcpu_view){vm->vcpus[i]->cfg.vmpidr, vm->vcpus[i]->power};
	}
	struct psci_action a = psci_decide(&call, view, vm->vcpu_count);
	enum exit_action next = EXIT_ACTION_RETURN;

	switch (a.kind) {
	case PSCI_ACT_RETURN:
		v->ctx.x[0] = (uint64_t)a.ret;
		next = EXIT_ACTION_RESUME;
		break;
	case PSCI_ACT_CPU_ON: {
		struct vcpu *t = vm->vcpus[a.target];

		t->power = PSCI_STATE_ON_PENDING;
		t->on_entry = a.entry;
		t->on_context_id = a.context_id;
		v->ctx.x[0] = (uint64_t)a.ret;
		e->reason = EXIT_PSCI_CPU_ON;
		e->target = t;
		break;
	}
	case PSCI_ACT_CPU_OFF:
		v->power = PSCI_STATE_OFF;
		e->reason = EXIT_PSCI_CPU_OFF;
		break;
	case PSCI_ACT_SYSTEM_OFF:
		vm_power_off(vm);
		e->reason = EXIT_SYSTEM_OFF;
		break;
	case PSCI_ACT_SYSTEM_RESET:
		vm_power_off(vm);
		e->reason = EXIT_SYSTEM_RESET;
		break;
	}
	spin_unlock(&psci_lock);
	return next;
}
