/* SPDX-License-Identifier: MIT */
/*
 * smp.migrate.timer: the EL1 virtual timer moves with its vCPU. The guest (gp_migrate_timer,
 * guest/smp_migrate.S) reads CNTVCT_EL0 and arms CNTV (CVAL = count + LEAD, ENABLE) on PE
 * path[0], then, moved to path[1] (where a poison vCPU of another VM just ran with another
 * CNTVOFF_EL2), reads CNTVCT_EL0, CNTV_CVAL_EL0 and CNTV_CTL_EL0 and spins until the timer's PPI,
 * enabled on that PE only, takes it to EL2.
 *
 * From the timer oracle (timer_model.h) with the vCPU's CNTVOFF_EL2: each count read lies in
 * the physical-count window EL2 measured around its run, minus the offset, so the guest's
 * virtual count is monotonic across the move (QEMU's PEs share one physical count; on hardware
 * the system counter is common to all PEs); CVAL reads as written; CTL as ENABLE with ISTATUS
 * the condition (left out where it changes inside the window); the IRQ comes on the new PE,
 * with the timer's INTID, not before the condition (the count after the exit is past CVAL),
 * CNTV_CTL_EL0.ISTATUS = 1. The PE the vCPU left must not keep its timer running (the vmm
 * turns it off on unload; else its PPI fires there, for no vCPU): CNTV_CTL_EL0.ENABLE = 0 and
 * the PPI not pending there at the end.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "counter.h"
#include "gic.h"
#include "migrate.h"
#include "platform.h"
#include "timer_model.h"

#define LEAD_US		1000   /* CVAL this far ahead of the count at arming */
#define WAIT_US		200000 /* the guest's spin for the IRQ, past CVAL (a loaded host) */
#define TIMER_BUDGET_MS 500    /* the vCPU's watchdog budget: above the spin */
#define IRQ_PRIORITY	0xa0
#define POISON_CNTVOFF	0x0000555500000000ULL

struct timer_row {
	const char *name;
	uint64_t cntvoff;
	struct migrate_path path;
};

static const struct timer_row timer_rows[] = {
	{"[cntvoff=0,pe0>pe1]", 0, {1, {0, 1}}},
	{"[cntvoff=1<<40,pe0>pe1]", 1ULL << 40, {1, {0, 1}}},
	{"[cntvoff=1<<40,pe1>pe0]", 1ULL << 40, {1, {1, 0}}},
};

static const char *timer_requires(const void *row, char *why, size_t len)
{
	(void)row;
	if (!platform.timer_intid_virt) {
		snprintf(why, len, "the DTB timer node gives no virtual timer PPI");
		return why;
	}
	return NULL;
}

/* The PPI's state on one PE, read (and with .clean, cleaned up) there. */
struct ppi_state {
	bool clean;
	bool pending, active, enabled;
	uint64_t cntv_ctl;
};

static void ppi_enable(void *arg)
{
	(void)arg;
	gic_irq_set_priority(platform.timer_intid_virt, IRQ_PRIORITY);
	gic_irq_enable(platform.timer_intid_virt, true);
}

static void ppi_read(void *arg)
{
	struct ppi_state *s = arg;
	unsigned intid = platform.timer_intid_virt;

	s->cntv_ctl = read_cntv_ctl_el0();
	s->pending = gic_irq_pending(intid);
	s->active = gic_irq_active(intid);
	s->enabled = gic_irq_enabled(intid);
	if (!s->clean) {
		return;
	}
	/* As the harness had it, whatever happened: timer off, PPI disabled and inactive. */
	write_cntv_ctl_el0(0);
	isb();
	gic_irq_enable(intid, false);
	if (gic_irq_active(intid)) {
		gic_deactivate(intid);
	}
	gic_irq_set_pending(intid, false);
}

/* The PE the vCPU left (instance PE @k): its timer off, its PPI not pending. */
static void expect_left(struct scenario_ctx *c, unsigned k, const char *when)
{
	struct ppi_state s = {.clean = false};
	char what[64];

	if (sc_on_pe(c, k, ppi_read, &s)) {
		return;
	}
	snprintf(what, sizeof(what), "cntv_ctl_el0.enable of cpu %u %s", sc_pe(c, k), when);
	sc_expect_u64(c, what, s.cntv_ctl & CNT_CTL_ENABLE, 0);
	snprintf(what, sizeof(what), "timer ppi pending on cpu %u %s", sc_pe(c, k), when);
	sc_expect_u64(c, what, s.pending, 0);
}

/* The run on the new PE that must end in the timer's IRQ. */
static void expect_fire(struct scenario_ctx *c, struct vcpu *v, const struct exit *e, uint64_t cval,
			uint64_t seen)
{
	unsigned intid = platform.timer_intid_virt;

	if (e->reason == EXIT_HVC) {
		sc_fail(c, "the timer never fired on the new PE (the guest spun %u us past CVAL)",
			WAIT_US);
		sc_diag_exit(c, e);
		return;
	}
	if (!sc_expect_reason(c, e, EXIT_IRQ)) {
		return;
	}
	sc_expect_u64(c, "exit.intid", e->intid, intid);
	/* Saved by the unload after the run: the register as the IRQ left it. */
	sc_expect_u64(c, "cntv_ctl_el0 at the irq", v->el1.cntv_ctl_el0 & 7,
		      CNT_CTL_ENABLE | CNT_CTL_ISTATUS);
	if ((int64_t)(seen - v->cfg.cntvoff - cval) < 0) {
		sc_fail(c,
			"the IRQ came before the condition: virtual count 0x%llx after the "
			"exit, CVAL 0x%llx",
			(unsigned long long)(seen - v->cfg.cntvoff), (unsigned long long)cval);
	}
}

static void run_timer(struct scenario_ctx *c, const void *row)
{
	const struct timer_row *r = row;
	unsigned k0 = r->path.pe[0], k1 = r->path.pe[1];
	struct sc_setup s = {.payload = GSYM(gp_migrate_timer),
			     .args = {counter_us_to_ticks(LEAD_US), counter_us_to_ticks(WAIT_US)},
			     .vm.ram_size = MIGRATE_RAM_SIZE,
			     .vcpu = {.cntvoff = r->cntvoff,
				      .vmpidr = MIGRATE_VMPIDR,
				      .timeout_ms = TIMER_BUDGET_MS}};
	struct sc_setup ps = {.payload = GSYM(gp_migrate_gprs),
			      .args = {0x0b00000000000000ULL, 8},
			      .vm.ram_size = MIGRATE_RAM_SIZE,
			      .vcpu = {.cntvoff = POISON_CNTVOFF, .vmpidr = MIGRATE_POISON_VMPIDR}};
	struct vcpu *v = sc_start(c, &s), *p = NULL;
	struct vm *pvm = v ? sc_add_vm(c, &ps) : NULL;
	struct cnt_window w0, w1;
	struct ppi_state end = {.clean = true};
	uint64_t off = r->cntvoff, mask, want, seen;
	struct exit e;

	if (!pvm || !(p = sc_add_vcpu(c, pvm, &ps))) {
		return;
	}
	sc_diag(c, "moved", "cpu %u -> cpu %u", sc_pe(c, k0), sc_pe(c, k1));
	if (!migrate_poison(c, p, k0, 1, GSYM(gl_migrate_gprs_yield))) {
		return;
	}
	w0.before = read_cntpct_el0();
	e = sc_run_vcpu_on(c, v, k0);
	w0.after = read_cntpct_el0();
	if (!migrate_expect_yield(c, &e, 1, GSYM(gl_migrate_timer_armed), "arming run")) {
		return;
	}
	uint64_t c0 = v->ctx.x[20], cval = v->ctx.x[21];

	if (!migrate_poison(c, p, k1, 1, GSYM(gl_migrate_gprs_yield))) {
		return;
	}
	w1.before = read_cntpct_el0();
	e = sc_run_vcpu_on(c, v, k1);
	w1.after = read_cntpct_el0();
	if (!migrate_expect_yield(c, &e, 2, GSYM(gl_migrate_timer_read), "run after the move")) {
		return;
	}
	uint64_t c1 = v->ctx.x[22];

	if (!timer_count_ok(c0, w0, off) || !timer_count_ok(c1, w1, off)) {
		sc_fail(c,
			"CNTVCT_EL0 outside its window: 0x%llx in [0x%llx, 0x%llx] before the "
			"move, 0x%llx in [0x%llx, 0x%llx] after (physical count - CNTVOFF 0x%llx)",
			(unsigned long long)c0, (unsigned long long)(w0.before - off),
			(unsigned long long)(w0.after - off), (unsigned long long)c1,
			(unsigned long long)(w1.before - off), (unsigned long long)(w1.after - off),
			(unsigned long long)off);
	}
	sc_expect_u64(c, "cntv_cval_el0 after the move", v->ctx.x[23], cval);
	want = timer_ctl_expect(CNT_CTL_ENABLE, cval, w1, off, &mask);
	sc_expect_u64(c, "cntv_ctl_el0 after the move (defined bits)", v->ctx.x[24] & mask, want);
	expect_left(c, k0, "once the vCPU left it");

	/*
	 * The condition met before the last run, and the vCPU's timer loaded afresh by it: QEMU
	 * raises the PPI at once when CTL/CVAL are written with the condition met, but one that
	 * comes due later waits for its main-loop thread, which a loaded host (4 PEs on 2 cores)
	 * kept off the CPU past the guest's 200 ms spin (timer.irq saw 56 ms). The interrupt's
	 * latency is not the rule here; that the timer fires on the new PE is.
	 */
	while ((int64_t)(read_cntpct_el0() - off - cval) < 0 &&
	       read_cntpct_el0() - w1.after < counter_us_to_ticks(2 * LEAD_US)) {
	}
	vcpu_unload(v); /* loaded here if PE k1 is this one: its next run loads it again */
	if (sc_on_pe(c, k1, ppi_enable, NULL)) {
		return;
	}
	e = sc_run_vcpu_on(c, v, k1);
	seen = read_cntpct_el0();
	vcpu_unload(v); /* a run on PE 0 leaves it loaded: v->el1 is then the last unload's */
	expect_fire(c, v, &e, cval, seen);
	/* The vCPU is unloaded from k1 now: the timer must be off there, the PPI still active
	 * (the vmm acknowledged it; nothing deactivated it) but no longer pending. */
	if (!sc_on_pe(c, k1, ppi_read, &end)) {
		sc_expect_u64(c, "cntv_ctl_el0.enable of the PE after the unload",
			      end.cntv_ctl & CNT_CTL_ENABLE, 0);
		sc_expect_u64(c, "timer ppi pending after the unload", end.pending, 0);
	}
}

SCENARIO(smp_migrate_timer, .id = "smp.migrate.timer", .pes = 2,
	 .rule = "A vCPU moved between PEs keeps its EL1 virtual timer: CNTVOFF_EL2 is the "
		 "vCPU's (its CNTVCT_EL0 reads lie in the physical-count windows minus its offset, "
		 "monotonic across the move), CNTV_CVAL_EL0 and CNTV_CTL_EL0 read as armed, and "
		 "the timer armed before the move fires after it on the new PE (the PPI, not "
		 "before CVAL, ISTATUS = 1); the PE it left keeps no timer running",
	 SCENARIO_ROWS(timer_rows), .requires = timer_requires, .run = run_timer);
