/* SPDX-License-Identifier: MIT */
/*
 * The virq.v2.* engine (v2_run.h): one fresh VM per row with the GICV frame mapped at the GICC
 * IPA, the row's GICH_* state loaded, the row's script run by guest/virq_v2.S, and at every
 * stop the vCPU's saved GICH_* state compared with the oracle's.
 */
#include <stdio.h>
#include <string.h>

#include "arch/esr.h"
#include "gic.h"
#include "kalloc.h"
#include "v2_run.h"

/* Guest RAM each vCPU's script and results use, clear of the guest image and the stack. */
#define V2_SCRIPT_IPA(i)  (GUEST_RAM_IPA + 0x80000 + (i)*0x2000ULL)
#define V2_RESULTS_IPA(i) (V2_SCRIPT_IPA(i) + 0x1000)

const char *v2_requires(unsigned lrs, char *why, size_t len)
{
	uint32_t vtr = vgic_v2_vtr();

	if (vmm_caps.gic_version != 2) {
		snprintf(why, len, "needs GICv2 (the DTB's GIC is v%u)", vmm_caps.gic_version);
		return why;
	}
	if (!vtr) {
		snprintf(why, len,
			 "needs the GICv2 virtualization extensions (no GICH/GICV "
			 "reg entries in the DTB's GIC node)");
		return why;
	}
	if (vgic_v2_lrs() < lrs) {
		snprintf(why, len, "needs %u list registers (GICH_VTR.ListRegs=%u)", lrs,
			 (unsigned)GICH_VTR_LISTREGS(vtr));
		return why;
	}
	return NULL;
}

static const char *const event_names[] = {
	[V2M_EV_SYNC] = "sync",
	[V2M_EV_MAINT] = "maintenance",
	[V2M_EV_DONE] = "end",
};

static void expect32(struct scenario_ctx *c, const char *at, const char *reg, uint32_t got,
		     uint32_t expected)
{
	char what[64];

	snprintf(what, sizeof(what), "%s.%s", at, reg);
	sc_expect_u64(c, what, got, expected);
}

/* The GICH_* state the vmm saved at this stop against the oracle's. */
static void expect_state(struct scenario_ctx *c, const char *at, const struct vgic_v2_cpu *g,
			 const struct v2m_event *ev)
{
	char reg[16];

	for (unsigned n = 0; n < v2m_lrs(&ev->state); n++) {
		snprintf(reg, sizeof(reg), "gich_lr%u", n);
		expect32(c, at, reg, g->lr[n], ev->state.lr[n]);
	}
	expect32(c, at, "gich_hcr", g->hcr, ev->state.hcr);
	expect32(c, at, "gich_vmcr", g->vmcr, ev->state.vmcr);
	expect32(c, at, "gich_apr", g->apr, ev->state.apr);
	expect32(c, at, "gich_misr", g->misr, ev->misr);
	expect32(c, at, "gich_eisr0", g->eisr[0], ev->eisr0);
	expect32(c, at, "gich_elrsr0", g->elrsr[0], ev->elrsr0);
}

/* The exit that ends a stretch of the guest: the one the oracle's event @ev says. */
static bool expect_stop(struct scenario_ctx *c, const struct exit *e, const struct v2m_event *ev)
{
	switch (ev->kind) {
	case V2M_EV_SYNC:
		if (e->reason == EXIT_HVC && (e->esr & ESR_ISS_MASK) == V2_SYNC_IMM) {
			return true;
		}
		break;
	case V2M_EV_MAINT:
		if (e->reason == EXIT_IRQ && e->intid == gic_maint_intid()) {
			return true;
		}
		break;
	case V2M_EV_DONE:
		return sc_expect_done(c, e, 0);
	}
	sc_fail(c,
		"the guest stopped with a %s exit (intid %u) where the oracle stops at its %s "
		"at script step %u",
		exit_reason_name(e->reason), e->intid, event_names[ev->kind], ev->step);
	sc_diag_exit(c, e);
	return false;
}

static void expect_results(struct scenario_ctx *c, unsigned vcpu, const struct v2m_trace *t)
{
	const uint32_t *got = vm_ram_ptr(sc_vm(c), IPA(V2_RESULTS_IPA(vcpu)), sizeof(t->result));
	char at[16], reg[16];

	if (!got) {
		sc_fail(c, "no guest RAM for the results");
		return;
	}
	kcache_clean_inval(got, sizeof(t->result));
	for (unsigned i = 0; i < t->results_certain; i++) {
		snprintf(at, sizeof(at), "guest%u", vcpu);
		snprintf(reg, sizeof(reg), "result%u", i);
		expect32(c, vcpu ? at : "guest", reg, got[i], t->result[i]);
	}
}

/* The vCPU of @k, its script and results in the VM's RAM (the first one creates the VM). */
static struct vcpu *start_vcpu(struct scenario_ctx *c, unsigned i, const struct v2_case *k)
{
	static const uint32_t zeroes[V2M_MAX_RESULTS];
	struct sc_setup s = {
		.payload = GSYM(gp_v2_script),
		.args = {V2_SCRIPT_IPA(i), V2_RESULTS_IPA(i), GUEST_GICV_IPA},
	};
	struct vcpu *v = i ? sc_add_vcpu(c, sc_vm(c), &s) : sc_start(c, &s);

	if (!v) {
		return NULL;
	}
	if ((!i && vgic_v2_map_gicv(sc_vm(c))) ||
	    vm_load(sc_vm(c), IPA(V2_SCRIPT_IPA(i)), k->script, sizeof(k->script)) ||
	    vm_load(sc_vm(c), IPA(V2_RESULTS_IPA(i)), zeroes, sizeof(zeroes))) {
		sc_fail(c, "could not map the GICV frame or load the script");
		return NULL;
	}
	v->gicv2 = (struct vgic_v2_cpu){.hcr = k->hcr, .vmcr = k->vmcr, .apr = k->apr};
	memcpy(v->gicv2.lr, k->lr, sizeof(k->lr));
	return v;
}

/*
 * Run vCPU @i of the instance to its next stop, the oracle's event @ev of it, and compare.
 * Returns whether the guest stopped where the oracle says (and may go on).
 */
static bool run_to_stop(struct scenario_ctx *c, struct vcpu *v, unsigned i, unsigned n,
			const struct v2_case *k, const struct v2m_event *ev, unsigned evno)
{
	char at[32];
	struct exit e = sc_run_vcpu_on(c, v, evno < 32 ? (k->pe1_stops >> evno) & 1 : 0);
	bool ok = expect_stop(c, &e, ev);

	/*
	 * The vmm acknowledged the IRQ and dropped its priority; the line itself fell when the vmm
	 * cleared GICH_HCR at the exit, so the deactivation ends it.
	 */
	if ((e.reason == EXIT_IRQ || e.reason == EXIT_FIQ) && e.intid < 1020) {
		gic_deactivate(e.intid);
	}
	if (!ok) {
		return false;
	}
	if (n > 1) {
		snprintf(at, sizeof(at), "vcpu%u.%s%u", i, event_names[ev->kind], evno);
	} else {
		snprintf(at, sizeof(at), "%s%u", event_names[ev->kind], evno);
	}
	expect_state(c, at, &v->gicv2, ev);
	if (k->at_stop) {
		k->at_stop(c, at, ev);
	}
	return true;
}

void v2_run_cases(struct scenario_ctx *c, const struct v2_case *const *k, unsigned n,
		  struct v2m_trace *t)
{
	struct vcpu *v[V2_VCPUS_MAX];
	unsigned maint = 0, rounds = 0;
	bool ok = true;

	for (unsigned i = 0; i < n; i++) {
		struct v2m_state init = {.vtr = vgic_v2_vtr(),
					 .hcr = k[i]->hcr,
					 .vmcr = k[i]->vmcr,
					 .apr = k[i]->apr};

		memcpy(init.lr, k[i]->lr, sizeof(k[i]->lr));
		v2m_run(&init, k[i]->script, k[i]->maint, &t[i]);
		if (t[i].event[t[i].events - 1].state.ambiguous) {
			sc_fail(c, "the row depends on a choice the architecture leaves open: %s",
				t[i].event[t[i].events - 1].state.ambiguous);
			return;
		}
		rounds = t[i].events > rounds ? t[i].events : rounds;
		maint = k[i]->maint ? gic_maint_intid() : maint;
	}
	for (unsigned i = 0; i < n; i++) {
		if (!(v[i] = start_vcpu(c, i, k[i]))) {
			return;
		}
	}
	if (maint) {
		gic_irq_set_priority(maint, 0x80);
		gic_irq_enable(maint, true);
	}
	/* Round robin: each vCPU to its next stop, so each resumes after the others ran. */
	bool done[V2_VCPUS_MAX] = {false};

	for (unsigned r = 0; r < rounds && ok; r++) {
		for (unsigned i = 0; i < n && ok; i++) {
			if (done[i] || r >= t[i].events) {
				continue;
			}
			ok = run_to_stop(c, v[i], i, n, k[i], &t[i].event[r], r);
			done[i] = t[i].event[r].kind != V2M_EV_SYNC;
		}
	}
	if (maint) {
		gic_irq_enable(maint, false);
	}
	for (unsigned i = 0; i < n && ok; i++) {
		expect_results(c, i, &t[i]); /* the guests got as far as the oracle says */
	}
}

void v2_run_case(struct scenario_ctx *c, const struct v2_case *k, struct v2m_trace *t)
{
	v2_run_cases(c, &k, 1, t);
}

const char *v2_row_requires(const void *row, char *why, size_t len)
{
	return v2_requires(((const struct v2_row *)row)->k.lrs, why, len);
}

void v2_row_run(struct scenario_ctx *c, const void *row)
{
	struct v2m_trace t;

	v2_run_case(c, &((const struct v2_row *)row)->k, &t);
}

const char *v2_maint_row_requires(const void *row, char *why, size_t len)
{
	const char *no = v2_row_requires(row, why, len);

	if (!no && !gic_maint_intid()) {
		snprintf(why, len,
			 "needs the maintenance PPI (no \"interrupts\" in the DTB's "
			 "GICv2 node)");
		return why;
	}
	return no;
}
