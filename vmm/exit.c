/* SPDX-License-Identifier: MIT */
/*
 * Exit decoding: read-only tables indexed by ESR_EL2.EC give the reason (empty slots meaning
 * EXIT_TRAP) and, for HVC and data aborts, a handler for the vmm's own service ABI
 * (HVC #0x4854 and the doorbell store) and, in PSCI VMs, PSCI calls (HVC #0, trapped SMC #0).
 */
#include <stdio.h>

#include "arch/esr.h"
#include "console.h"
#include "gic.h"
#include "mmio.h"
#include "vmm_internal.h"

typedef enum exit_action (*exit_handler_fn)(struct vcpu *v, struct exit *e);

/* Print a guest string: at most one line of 120 characters, read from guest RAM. */
static void service_print(struct vcpu *v, uint64_t ipa)
{
	char buf[128];
	const char *s = vm_ram_ptr(v->vm, IPA(ipa), 1);
	size_t n = 0;

	while (s && n < 120 && vm_ram_ptr(v->vm, IPA(ipa + n), 1) && s[n] && s[n] != '\n') {
		buf[n] = s[n];
		n++;
	}
	buf[n] = 0;
	printf("# guest: %s\n", buf);
	fflush(stdout);
}

static void service_report(struct vcpu *v, uint64_t key, uint64_t value)
{
	v->reports[key] = value;
	v->reported |= 1u << key;
}

/*
 * Argument @n of a service call: x<n>, or r<n> from an AArch32 guest, whose registers are the
 * low halves (the upper ones may be zeroed or keep old values: AArch64.MaybeZeroRegisterUppers()).
 */
static uint64_t service_arg(const struct vcpu *v, unsigned n)
{
	return vcpu_from_aarch32(v) ? (uint32_t)v->ctx.x[n] : v->ctx.x[n];
}

static enum exit_action handle_hvc(struct vcpu *v, struct exit *e)
{
	uint64_t svc = service_arg(v, 0), arg1 = service_arg(v, 1);

	unsigned imm = esr_iss(e->esr) & ESR_ISS_IMM16_MASK;

	if (imm == 0 && v->vm->psci) {
		return psci_handle(v, e);
	}
	if (imm != HYP_SVC_IMM) {
		return EXIT_ACTION_RETURN;
	}
	switch (svc) {
	case HYP_SVC_EXIT:
		e->reason = EXIT_GUEST_DONE;
		e->status = arg1;
		return EXIT_ACTION_RETURN;
	case HYP_SVC_REPORT:
		if (arg1 >= VCPU_REPORTS) {
			break;
		}
		v->reports[arg1] = service_arg(v, 2);
		v->reported |= 1u << arg1;
		v->report_spsr = e->spsr;
		return EXIT_ACTION_RESUME;
	case HYP_SVC_PRINT:
		service_print(v, arg1);
		return EXIT_ACTION_RESUME;
	case HYP_SVC_NOP:
	case HYP_SVC_FAST_NOP: /* where the vector did not resume it (vmm_vectors_vhe) */
		return EXIT_ACTION_RESUME;
	}
	e->reason = EXIT_BAD_SERVICE;
	return EXIT_ACTION_RETURN;
}

/*
 * SMC #0 trapped with HCR_EL2.TSC = 1 is a PSCI call in a PSCI VM, as HVC #0 is. A trap, not a
 * call: ELR_EL2 is the SMC itself, so the vCPU resumes past it. Any other SMC is EXIT_TRAP.
 */
static enum exit_action handle_smc(struct vcpu *v, struct exit *e)
{
	if ((esr_iss(e->esr) & ESR_ISS_IMM16_MASK) != 0 || !v->vm->psci) {
		return EXIT_ACTION_RETURN;
	}
	vcpu_skip_insn(v);
	return psci_handle(v, e);
}

/*
 * 64-bit stores to the doorbell page are the channel that needs no HVC (for guests running
 * with HCR_EL2.HCD = 1): to its base ends the run, to the report slots reports a value and
 * resumes after the store. Any other access there is an ordinary data abort.
 */
static enum exit_action handle_dabt(struct vcpu *v, struct exit *e)
{
	const uint64_t reports = GUEST_DOORBELL_IPA + GUEST_DOORBELL_REPORT;
	struct mmio_access a;

	if (mmio_decode(e, &a) || !a.is_write || a.size_log2 != 3) {
		return EXIT_ACTION_RETURN;
	}
	if (a.ipa == GUEST_DOORBELL_IPA) {
		e->reason = EXIT_GUEST_DONE;
		e->status = vcpu_reg_read(v, a.rt);
	} else if (a.ipa >= reports && a.ipa < reports + 8 * VCPU_REPORTS && !(a.ipa & 7)) {
		service_report(v, (a.ipa - reports) / 8, vcpu_reg_read(v, a.rt));
		vcpu_skip_insn(v);
		return EXIT_ACTION_RESUME;
	}
	return EXIT_ACTION_RETURN;
}

/* How each EC is reported; unlisted ECs are EXIT_TRAP. */
static const enum exit_reason ec_reasons[64] = {
	[ESR_EC_WFX] = EXIT_WFX,
	[ESR_EC_HVC64] = EXIT_HVC,
	[ESR_EC_SYS64] = EXIT_SYSREG,
	[ESR_EC_IABT_LOW] = EXIT_IABT,
	[ESR_EC_DABT_LOW] = EXIT_DABT,
	/* From AArch32: HVC, and the coprocessor and VMRS traps (system register accesses). */
	[ESR_EC_HVC32] = EXIT_HVC,
	[ESR_EC_CP15_32] = EXIT_SYSREG,
	[ESR_EC_CP15_64] = EXIT_SYSREG,
	[ESR_EC_CP14_MR] = EXIT_SYSREG,
	[ESR_EC_CP14_LS] = EXIT_SYSREG,
	[ESR_EC_CP10_ID] = EXIT_SYSREG,
	[ESR_EC_CP14_64] = EXIT_SYSREG,
};

/* ECs the vmm looks into because they may be its own service ABI. */
static const exit_handler_fn exit_handlers[64] = {
	[ESR_EC_HVC64] = handle_hvc,
	[ESR_EC_HVC32] = handle_hvc,
	[ESR_EC_SMC64] = handle_smc,
	[ESR_EC_DABT_LOW] = handle_dabt,
};

enum exit_reason exit_reason_for_ec(unsigned ec)
{
	return ec_reasons[ec & 0x3f] ?: EXIT_TRAP;
}

enum exit_action exit_decode(struct vcpu *v, struct exit *e, bool watchdog, bool out_of_time)
{
	switch (e->slot) {
	case 8:
	case 12: {
		unsigned ec = esr_ec(e->esr);

		e->reason = exit_reason_for_ec(ec);
		return exit_handlers[ec] ? exit_handlers[ec](v, e) : EXIT_ACTION_RETURN;
	}
	case 9:
	case 13:
		/* The end of a watchdog slice: the guest goes on while it has time left. */
		if (watchdog && !out_of_time) {
			return EXIT_ACTION_RESUME;
		}
		if (watchdog) {
			e->reason = EXIT_TIMEOUT;
			return EXIT_ACTION_RETURN;
		}
		/* Acknowledge and drop the priority; the interrupt stays active (gic.h). */
		e->reason = EXIT_IRQ;
		e->intid = gic_ack();
		if ((e->intid & 0x3ff) < 1020) {
			gic_eoi(e->intid);
		}
		return EXIT_ACTION_RETURN;
	case 10:
	case 14:
		e->reason = EXIT_FIQ;
		e->intid = gic_ack_group0();
		if ((e->intid & 0x3ff) < 1020) {
			gic_eoi_group0(e->intid);
		}
		return EXIT_ACTION_RETURN;
	default:
		e->reason = EXIT_SERROR;
		return EXIT_ACTION_RETURN;
	}
}
