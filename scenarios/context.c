/* SPDX-License-Identifier: MIT */
/*
 * The per-instance context handed to a scenario's run function: its fresh VM and vCPU, the
 * checks, and the YAML diagnosis of a failure. One instance, one TAP result, whatever the
 * guest did.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "arch/esr.h"
#include "esr_model.h"
#include "esr_name.h"
#include "gic.h"
#include "hvc.h"
#include "phase_time.h"
#include "runner.h"
#include "smp.h"

/* What one instance may own; the runner destroys all of it. */
#define SC_MAX_VMS   4
#define SC_MAX_VCPUS 8

struct scenario_ctx {
	const struct scenario *s;
	struct vm *vms[SC_MAX_VMS]; /* vms[0]: sc_start()'s */
	unsigned vm_count;
	struct vcpu *vcpus[SC_MAX_VCPUS]; /* vcpus[0]: sc_start()'s */
	unsigned vcpu_count;
	struct vcpu *vcpu; /* the vCPU the checks look at: the one that ran last */
	const struct instance_pes *pes;
	bool failed;
	bool el1_exceptions_expected;
	struct tap_kv diag[DIAG_MAX];
	unsigned diag_count;
	char text[DIAG_TEXT];
	size_t text_used;
	char note[200]; /* sc_note() */
};

extern const uint8_t guest_image_start[], guest_image_end[];
extern const uint8_t guest32_image_start[], guest32_image_end[];

static const char *const reason_names[] = {
	[EXIT_NONE] = "none",
	[EXIT_GUEST_DONE] = "guest-done",
	[EXIT_HVC] = "hvc",
	[EXIT_SYSREG] = "sysreg",
	[EXIT_WFX] = "wfx",
	[EXIT_DABT] = "dabt",
	[EXIT_IABT] = "iabt",
	[EXIT_TRAP] = "trap",
	[EXIT_IRQ] = "irq",
	[EXIT_FIQ] = "fiq",
	[EXIT_SERROR] = "serror",
	[EXIT_TIMEOUT] = "timeout",
	[EXIT_BAD_SERVICE] = "bad-service",
	[EXIT_PSCI_CPU_ON] = "psci-cpu-on",
	[EXIT_PSCI_CPU_OFF] = "psci-cpu-off",
	[EXIT_SYSTEM_OFF] = "system-off",
	[EXIT_SYSTEM_RESET] = "system-reset",
};

const char *exit_reason_name(enum exit_reason r)
{
	return (unsigned)r < sizeof(reason_names) / sizeof(reason_names[0]) ? reason_names[r] : "?";
}

const char *sc_row_control_from_name(const void *row)
{
	static const char *const mdcr[] = {"tde", "tda",   "tdosa", "tdra",
					   "tpm", "tpmcr", "tpms",  "ttrf"};
	static char buf[64];
	const char *name = *(const char *const *)row;
	char ctl[24];
	size_t n = 0;

	for (const char *p = name + 1; *p && *p != ']' && n < sizeof(ctl) - 1; p++) {
		ctl[n++] = *p;
	}
	ctl[n] = 0;
	const char *dot = strchr(ctl, '.');
	char up[24];

	for (size_t i = 0; i <= n; i++) {
		up[i] = (char)(ctl[i] >= 'a' && ctl[i] <= 'z' ? ctl[i] - 'a' + 'A' : ctl[i]);
	}
	if (dot) { /* an FGT register and bit: grouped by register */
		up[dot - ctl] = 0;
		snprintf(buf, sizeof(buf), "%s_EL2 (FEAT_FGT, every implemented bit)", up);
		return buf;
	}
	const char *reg = "HCR_EL2";

	for (size_t i = 0; i < sizeof(mdcr) / sizeof(mdcr[0]); i++) {
		if (!strcmp(ctl, mdcr[i])) {
			reg = "MDCR_EL2";
		}
	}
	snprintf(buf, sizeof(buf), "%s.%s", reg, up);
	return buf;
}

const char *sc_row_fields_from_name(const void *row)
{
	static char buf[64];
	const char *name = *(const char *const *)row, *ctl = sc_row_control_from_name(row);
	size_t n = strlen(name);
	bool set = n > 6 && !strcmp(name + n - 6, "[trap]");

	if (strchr(ctl, ' ') || (!set && (n < 8 || strcmp(name + n - 8, "[notrap]")))) {
		return NULL;
	}
	snprintf(buf, sizeof(buf), "%c%s", set ? '+' : '-', ctl);
	return buf;
}

void sc_diag(struct scenario_ctx *c, const char *key, const char *fmt, ...)
{
	va_list ap;
	size_t room = DIAG_TEXT - c->text_used;

	if (c->diag_count >= DIAG_MAX || room < 2) {
		return;
	}
	char *dst = c->text + c->text_used;

	va_start(ap, fmt);
	int n = vsnprintf(dst, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		return;
	}
	c->text_used += (size_t)n < room ? (size_t)n + 1 : room;
	c->diag[c->diag_count++] = (struct tap_kv){key, dst};
}

static const char *result_str(struct instance_result *r, const char *str);

void sc_note(struct scenario_ctx *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(c->note, sizeof(c->note), fmt, ap);
	va_end(ap);
}

void sc_fail(struct scenario_ctx *c, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	c->failed = true;
	sc_diag(c, "failure", "%s", buf);
}

void sc_diag_exit(struct scenario_ctx *c, const struct exit *e)
{
	char desc[160];

	esr_describe(e->esr, desc, sizeof(desc));
	sc_diag(c, "exit", "%s", exit_reason_name(e->reason));
	sc_diag(c, "esr_el2", "0x%08llx  # %s", (unsigned long long)e->esr, desc);
	sc_diag(c, "far_el2", "0x%llx", (unsigned long long)e->far);
	sc_diag(c, "hpfar_el2", "0x%llx", (unsigned long long)e->hpfar);
	sc_diag(c, "elr_el2", "0x%llx", (unsigned long long)e->elr);
	sc_diag(c, "spsr_el2", "0x%llx", (unsigned long long)e->spsr);
}

bool sc_expect_u64(struct scenario_ctx *c, const char *what, uint64_t got, uint64_t expected)
{
	if (got == expected) {
		return true;
	}
	c->failed = true;
	sc_diag(c, "expected", "{ %s: 0x%llx }", what, (unsigned long long)expected);
	sc_diag(c, "got", "{ %s: 0x%llx }", what, (unsigned long long)got);
	return false;
}

bool sc_expect_esr(struct scenario_ctx *c, uint64_t got, uint64_t expected)
{
	char why[200];

	if (got == expected) {
		return true;
	}
	sc_expect_u64(c, "esr_el2", got, expected);
	esr_explain_diff(expected, got, why, sizeof(why));
	sc_diag(c, "esr_diff", "%s", why);
	return false;
}

bool sc_expect_reason(struct scenario_ctx *c, const struct exit *e, enum exit_reason expected)
{
	if (e->reason == expected) {
		return true;
	}
	sc_fail(c, "expected a %s exit, got %s", exit_reason_name(expected),
		exit_reason_name(e->reason));
	sc_diag_exit(c, e);
	return false;
}

bool sc_expect_exit(struct scenario_ctx *c, const struct exit *e, enum exit_reason reason,
		    uint64_t esr, uint64_t elr)
{
	if (!sc_expect_reason(c, e, reason)) {
		return false;
	}
	sc_diag_exit(c, e);
	sc_expect_esr(c, e->esr, esr);
	sc_expect_u64(c, "elr_el2", e->elr, elr);
	return true;
}

void sc_expect_el1_exceptions(struct scenario_ctx *c)
{
	c->el1_exceptions_expected = true;
}

bool sc_expect_done(struct scenario_ctx *c, const struct exit *e, uint64_t status)
{
	if (!sc_expect_reason(c, e, EXIT_GUEST_DONE)) {
		return false;
	}
	/*
	 * The runtime's vectors return from a synchronous EL1 exception, so an instruction that
	 * UNDEFs at EL1 would otherwise look like success.
	 */
	if (c->vcpu && (c->vcpu->reported & (1u << GREPORT_VECTOR)) &&
	    !c->el1_exceptions_expected) {
		sc_fail(c,
			"the guest took an unexpected exception at EL1 (vector 0x%llx, ESR_EL1 "
			"0x%llx, ELR_EL1 0x%llx)",
			(unsigned long long)c->vcpu->reports[GREPORT_VECTOR],
			(unsigned long long)c->vcpu->reports[GREPORT_ESR_EL1],
			(unsigned long long)c->vcpu->reports[GREPORT_ELR_EL1]);
		return false;
	}
	return sc_expect_u64(c, "guest_status", e->status, status);
}

void sc_expect_el1_exception(struct scenario_ctx *c, uint64_t vector, uint64_t esr, uint64_t elr)
{
	uint64_t got;

	if (sc_report(c, GREPORT_VECTOR, &got)) {
		sc_expect_u64(c, "vector_offset", got, vector);
	}
	if (sc_report(c, GREPORT_ESR_EL1, &got)) {
		sc_expect_u64(c, "esr_el1", got, esr);
	}
	if (sc_report(c, GREPORT_ELR_EL1, &got)) {
		sc_expect_u64(c, "elr_el1", got, elr);
	}
}

bool sc_report(struct scenario_ctx *c, unsigned key, uint64_t *value)
{
	if (!c->vcpu || key >= VCPU_REPORTS || !(c->vcpu->reported & (1u << key))) {
		sc_fail(c, "the guest never reported key %u", key);
		return false;
	}
	*value = c->vcpu->reports[key];
	return true;
}

struct vm *sc_vm(struct scenario_ctx *c)
{
	return c->vms[0];
}

struct vcpu *sc_vcpu(struct scenario_ctx *c)
{
	return c->vcpu;
}

struct vm *sc_add_vm(struct scenario_ctx *c, const struct sc_setup *s)
{
	if (c->vm_count == SC_MAX_VMS) {
		sc_fail(c, "more than %u VMs in one instance", SC_MAX_VMS);
		return NULL;
	}
	struct vm *vm = vm_create(&s->vm);

	if (!vm) {
		sc_fail(c, "vm_create failed (out of pages or bad config)");
		return NULL;
	}
	c->vms[c->vm_count++] = vm;
	const uint8_t *image = s->vcpu.aarch32 ? guest32_image_start : guest_image_start;
	const uint8_t *image_end = s->vcpu.aarch32 ? guest32_image_end : guest_image_end;

	uint64_t t = phase_begin();

	if (vm_load(vm, IPA(vm->ram_ipa), image, (size_t)(image_end - image))) {
		sc_fail(c, "guest image does not fit in guest RAM");
		return NULL;
	}
	phase_end(PHASE_IMAGE, t);
	static const uint64_t doorbell = 1;

	if (s->doorbell_channel) {
		vm_load(vm, IPA(GSYM(guest_channel)), &doorbell, sizeof(doorbell));
	}
	return vm;
}

void sc_drop_vm(struct scenario_ctx *c, struct vm *vm)
{
	unsigned kept = 0;

	for (unsigned i = 0; i < c->vcpu_count; i++) {
		struct vcpu *v = c->vcpus[i];

		if (v->vm != vm) {
			c->vcpus[kept++] = v;
			continue;
		}
		if (c->vcpu == v) {
			c->vcpu = NULL;
		}
		vcpu_destroy(v);
	}
	c->vcpu_count = kept;
	kept = 0;
	for (unsigned i = 0; i < c->vm_count; i++) {
		if (c->vms[i] != vm) {
			c->vms[kept++] = c->vms[i];
		}
	}
	c->vm_count = kept;
	vm_destroy(vm);
}

struct vcpu *sc_add_vcpu(struct scenario_ctx *c, struct vm *vm, const struct sc_setup *s)
{
	if (c->vcpu_count == SC_MAX_VCPUS) {
		sc_fail(c, "more than %u vCPUs in one instance", SC_MAX_VCPUS);
		return NULL;
	}
	struct vcpu_config cfg = s->vcpu;

	cfg.entry = s->vcpu.aarch32 ? G32SYM(guest32_start) : GSYM(guest_start);
	cfg.vbar = s->vcpu.aarch32 ? G32SYM(guest32_vectors) : GSYM(guest_vectors);
	cfg.x[0] = s->payload;
	for (int i = 0; i < 3; i++) {
		cfg.x[i + 1] = s->args[i];
	}
	uint64_t t = phase_begin();
	struct vcpu *v = vcpu_create(vm, &cfg);

	phase_end(PHASE_VCPU, t);
	if (!v) {
		sc_fail(c, "vcpu_create failed");
		return NULL;
	}
	c->vcpus[c->vcpu_count++] = v;
	if (!c->vcpu) {
		c->vcpu = v;
	}
	return v;
}

struct vcpu *sc_start(struct scenario_ctx *c, const struct sc_setup *s)
{
	struct vm *vm = sc_add_vm(c, s);

	return vm ? sc_add_vcpu(c, vm, s) : NULL;
}

struct exit sc_run_vcpu(struct scenario_ctx *c, struct vcpu *v)
{
	if (!v) {
		return (struct exit){.reason = EXIT_NONE};
	}
	c->vcpu = v;
	return vcpu_run(v);
}

struct exit sc_run(struct scenario_ctx *c)
{
	return sc_run_vcpu(c, c->vcpu);
}

/* Everything the instance created, vCPUs before the VMs they run in. */
static void sc_destroy_all(struct scenario_ctx *c)
{
	while (c->vcpu_count) {
		vcpu_destroy(c->vcpus[--c->vcpu_count]);
	}
	while (c->vm_count) {
		vm_destroy(c->vms[--c->vm_count]);
	}
}

/*
 * Nothing an instance leaves in the interrupt state may reach the next one: a guest that never
 * acknowledged, an interrupt the scenario took and did not deactivate, a virtual interface
 * left on. Checked like the canary, after every instance; the state is cleaned either way.
 */
static void leak_check(struct scenario_ctx *c)
{
	char what[200];

	if (gic_leak_check(what, sizeof(what))) {
		sc_fail(c, "leak: %s", what);
	}
	if (vgic_leak_check(what, sizeof(what))) {
		sc_fail(c, "leak: %s", what);
	}
}

/* One context per PE: instances run on every PE at once. */
static struct scenario_ctx contexts[CPU_MAX];

void runner_run_instance(const struct scenario *s, const void *row, const struct instance_pes *pes,
			 struct instance_result *r)
{
	struct scenario_ctx *c = &contexts[smp_this_cpu()];
	char why[160];
	const char *skip = s->requires ? s->requires(row, why, sizeof(why)) : NULL;

	result_init(r);
	if (skip) {
		result_skip(r, skip);
		return;
	}
	memset(c, 0, sizeof(*c));
	c->s = s;
	c->pes = pes;
	uint64_t t = phase_begin();

	s->run(c, row);
	phase_end(PHASE_SCENARIO, t);
	t = phase_begin();
	sc_destroy_all(c);
	leak_check(c);
	phase_end(PHASE_DESTROY, t);
	r->executed = true;
	r->status = c->failed ? TAP_FAIL : TAP_PASS;
	r->note = c->note[0] ? result_str(r, c->note) : NULL;
	result_add(r, "rule", s->rule);
	for (unsigned i = 0; i < c->diag_count; i++) {
		result_add(r, c->diag[i].key, c->diag[i].value);
	}
}

void result_init(struct instance_result *r)
{
	r->status = TAP_PASS;
	r->directive = TAP_DIR_NONE;
	r->reason = NULL;
	r->note = NULL;
	r->diag_count = 0;
	r->used = 0;
	r->executed = false;
	r->cpu = smp_this_cpu();
}

/* A copy of @str in @r's text, NULL when it is full. */
static const char *result_str(struct instance_result *r, const char *str)
{
	size_t n = strlen(str ? str : "") + 1;

	if (n > sizeof(r->text) - r->used) {
		return NULL;
	}
	char *dst = r->text + r->used;

	memcpy(dst, str ? str : "", n);
	r->used += n;
	return dst;
}

void result_add(struct instance_result *r, const char *key, const char *value)
{
	if (r->diag_count >= sizeof(r->diag) / sizeof(r->diag[0])) {
		return;
	}
	const char *k = result_str(r, key), *v = k ? result_str(r, value) : NULL;

	if (v) {
		r->diag[r->diag_count++] = (struct tap_kv){k, v};
	}
}

void result_skip(struct instance_result *r, const char *reason)
{
	r->directive = TAP_DIR_SKIP;
	r->reason = result_str(r, reason);
}

void result_todo(struct instance_result *r, const char *reason)
{
	r->directive = TAP_DIR_TODO;
	r->reason = result_str(r, reason);
}

void result_copy(struct instance_result *to, const struct instance_result *from)
{
	result_init(to);
	to->status = from->status;
	to->directive = from->directive;
	to->executed = from->executed;
	to->cpu = from->cpu;
	if (from->reason) {
		to->reason = result_str(to, from->reason);
	}
	if (from->note) {
		to->note = result_str(to, from->note);
	}
	for (unsigned i = 0; i < from->diag_count; i++) {
		result_add(to, from->diag[i].key, from->diag[i].value);
	}
}

/* The instance's PEs (struct scenario.pes): k = 0 is the running one. */
unsigned sc_pe_count(struct scenario_ctx *c)
{
	return c->pes ? c->pes->count : 1;
}

unsigned sc_pe(struct scenario_ctx *c, unsigned k)
{
	return c->pes && k < c->pes->count ? c->pes->cpu[k] : smp_this_cpu();
}

/*
 * A remote call's bound: a vCPU's whole watchdog budget (@ms: its own vcpu_config.timeout_ms,
 * or 0 for the default), twice, and 5 s to spare: a loaded host stalls a vCPU thread for
 * seconds (seen: 0.75 s), and only a PE that really stopped must end here.
 */
static uint64_t remote_timeout_us(unsigned ms)
{
	return 2000ull * (ms ? ms : vmm_timeout_ms()) + 5000000;
}

/* The bound of the call pending on each PE: a remote vCPU run's follows that vCPU's budget. */
static uint64_t remote_bound_us[CPU_MAX];

struct remote_run {
	struct vcpu *v;
	struct exit *e;
};

/* One pending remote run per PE of the instance (sc_run_vcpu_on_async()). */
static struct remote_run remote_runs[CPU_MAX];

/* On the other PE: run, then leave nothing of the vCPU in its registers. */
static void remote_run(void *arg)
{
	struct remote_run *rr = arg;

	*rr->e = vcpu_run(rr->v);
	vcpu_unload(rr->v);
}

int sc_run_vcpu_on_async(struct scenario_ctx *c, struct vcpu *v, unsigned k, struct exit *e)
{
	*e = (struct exit){.reason = EXIT_NONE};
	if (!v || k == 0 || k >= sc_pe_count(c)) {
		sc_fail(c,
			"sc_run_vcpu_on_async(): no vCPU, or PE #%u is not another of the "
			"instance's %u",
			k, sc_pe_count(c));
		return -1;
	}
	struct remote_run *rr = &remote_runs[sc_pe(c, k)];

	vcpu_unload(v);
	*rr = (struct remote_run){.v = v, .e = e};
	if (sc_on_pe_async(c, k, remote_run, rr)) {
		return -1;
	}
	remote_bound_us[sc_pe(c, k)] = remote_timeout_us(v->cfg.timeout_ms);
	return 0;
}

struct exit sc_run_vcpu_on(struct scenario_ctx *c, struct vcpu *v, unsigned k)
{
	struct exit e;

	if (!v || k == 0) {
		return sc_run_vcpu(c, v);
	}
	c->vcpu = v;
	if (sc_run_vcpu_on_async(c, v, k, &e) || sc_pe_wait(c, k)) {
		return (struct exit){.reason = EXIT_NONE};
	}
	return e;
}

int sc_on_pe_async(struct scenario_ctx *c, unsigned k, void (*fn)(void *), void *arg)
{
	if (k >= sc_pe_count(c)) {
		sc_fail(c, "the instance has %u PEs, no PE #%u", sc_pe_count(c), k);
		return -1;
	}
	if (k == 0) {
		fn(arg);
		return 0;
	}
	if (smp_call_async(sc_pe(c, k), fn, arg)) {
		sc_fail(c, "cpu %u does not take calls (not parked or not online)", sc_pe(c, k));
		return -1;
	}
	remote_bound_us[sc_pe(c, k)] = remote_timeout_us(0);
	return 0;
}

int sc_pe_wait(struct scenario_ctx *c, unsigned k)
{
	if (k == 0 || k >= sc_pe_count(c)) {
		return 0;
	}
	uint64_t bound_us = remote_bound_us[sc_pe(c, k)] ?: remote_timeout_us(0);

	if (smp_call_wait(sc_pe(c, k), bound_us)) {
		sc_fail(c, "cpu %u stopped answering (no return within %llu ms): now dead",
			sc_pe(c, k), (unsigned long long)bound_us / 1000);
		return -1;
	}
	return 0;
}

int sc_on_pe(struct scenario_ctx *c, unsigned k, void (*fn)(void *), void *arg)
{
	return sc_on_pe_async(c, k, fn, arg) ? -1 : sc_pe_wait(c, k);
}
