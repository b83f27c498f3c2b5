/* SPDX-License-Identifier: MIT */
/*
 * Exit decoding: a read-only table indexed by ESR_EL2.EC, every empty slot meaning EXIT_TRAP,
 * plus the vmm's own service ABI (HVC #0x4854 and the doorbell store).
 */
#include <stdio.h>

#include "arch/esr.h"
#include "console.h"
#include "vmm_internal.h"

typedef enum exit_action (*exit_handler_fn)(struct vcpu *v, struct exit *e);

static enum exit_action handle_trap(struct vcpu *v, struct exit *e)
{
	(void)v;
	e->reason = EXIT_TRAP;
	return EXIT_ACTION_RETURN;
}

static enum exit_action handle_wfx(struct vcpu *v, struct exit *e)
{
	(void)v;
	e->reason = EXIT_WFX;
	return EXIT_ACTION_RETURN;
}

static enum exit_action handle_sysreg(struct vcpu *v, struct exit *e)
{
	(void)v;
	e->reason = EXIT_SYSREG;
	return EXIT_ACTION_RETURN;
}

static enum exit_action handle_iabt(struct vcpu *v, struct exit *e)
{
	(void)v;
	e->reason = EXIT_IABT;
	return EXIT_ACTION_RETURN;
}

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

static enum exit_action handle_hvc(struct vcpu *v, struct exit *e)
{
	uint64_t svc = v->ctx.x[0];

	if ((esr_iss(e->esr) & 0xffff) != HYP_SVC_IMM) {
		e->reason = EXIT_HVC;
		return EXIT_ACTION_RETURN;
	}
	switch (svc) {
	case HYP_SVC_EXIT:
		e->reason = EXIT_GUEST_DONE;
		e->status = v->ctx.x[1];
		return EXIT_ACTION_RETURN;
	case HYP_SVC_REPORT:
		if (v->ctx.x[1] >= VCPU_REPORTS) {
			break;
		}
		v->reports[v->ctx.x[1]] = v->ctx.x[2];
		v->reported |= 1u << v->ctx.x[1];
		return EXIT_ACTION_RESUME;
	case HYP_SVC_PRINT:
		service_print(v, v->ctx.x[1]);
		return EXIT_ACTION_RESUME;
	}
	e->reason = EXIT_BAD_SERVICE;
	return EXIT_ACTION_RETURN;
}

/*
 * A 64-bit store to the doorbell ends the run: the exit channel that needs no HVC (for guests
 * running with HCR_EL2.HCD = 1). Any other access there is an ordinary data abort.
 */
static enum exit_action handle_dabt(struct vcpu *v, struct exit *e)
{
	uint64_t iss = esr_iss(e->esr);
	uint64_t ipa = exit_fault_ipa(e);
	bool isv = iss & ESR_ISS_DABT_ISV;
	bool wnr = iss & ESR_ISS_DABT_WNR;
	unsigned sas = (iss >> ESR_ISS_DABT_SAS_SHIFT) & 3;
	unsigned srt = (iss >> ESR_ISS_DABT_SRT_SHIFT) & 0x1f;

	if (isv && wnr && sas == 3 && ipa == GUEST_DOORBELL_IPA) {
		e->reason = EXIT_GUEST_DONE;
		e->status = srt == 31 ? 0 : v->ctx.x[srt];
		return EXIT_ACTION_RETURN;
	}
	e->reason = EXIT_DABT;
	return EXIT_ACTION_RETURN;
}

/* Unlisted ECs (NULL) are handled by handle_trap(). */
static const exit_handler_fn exit_handlers[64] = {
	[ESR_EC_WFX] = handle_wfx,	 [ESR_EC_HVC64] = handle_hvc,
	[ESR_EC_SYS64] = handle_sysreg,	 [ESR_EC_IABT_LOW] = handle_iabt,
	[ESR_EC_DABT_LOW] = handle_dabt,
};

enum exit_action exit_decode(struct vcpu *v, struct exit *e, bool watchdog)
{
	switch (e->slot) {
	case 8:
	case 12:
		return (exit_handlers[esr_ec(e->esr)] ?: handle_trap)(v, e);
	case 9:
	case 13:
		e->reason = watchdog ? EXIT_TIMEOUT : EXIT_IRQ;
		return EXIT_ACTION_RETURN;
	case 10:
	case 14:
		e->reason = EXIT_FIQ;
		return EXIT_ACTION_RETURN;
	default:
		e->reason = EXIT_SERROR;
		return EXIT_ACTION_RETURN;
	}
}
