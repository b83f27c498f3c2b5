/* SPDX-License-Identifier: MIT */
/*
 * The step machine of virq.maint and virq.leak.maint (maint_run.h). The oracle state is built
 * from what the scenario writes (ICH_VTR_EL2 read once, the initial HCR, VMCR and LRs, every
 * edit between runs) and stepped with the oracle's own ack/EOI/DIR functions as the guest acts;
 * the list registers the hardware holds are never read into it.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "counter.h"
#include "esr_model.h"
#include "gic.h"
#include "maint_run.h"

#define ICC_IAR_INTID(v) ((unsigned)(v)&0xffffff) /* INTID, bits [23:0] (ICC_IAR1_EL1) */

const char *maint_requires(unsigned lrs, char *why, size_t len)
{
	if (vmm_caps.gic_version != 3) {
		snprintf(why, len, "needs the GICv3 virtual interface (GIC version %u)",
			 vmm_caps.gic_version);
		return why;
	}
	if (!gic_maint_intid()) {
		snprintf(why, len,
			 "needs a maintenance interrupt (no PPI in the GIC node's interrupts)");
		return why;
	}
	if (vmm_caps.lrs < lrs) {
		snprintf(why, len, "needs %u list registers (ICH_VTR_EL2.ListRegs=%u)", lrs,
			 vmm_caps.lrs - 1);
		return why;
	}
	return NULL;
}

void maint_irq(bool on)
{
	unsigned intid = gic_maint_intid();

	/* Any priority the harness's ICC_PMR_EL1 (0xff) lets through; firmware may leave 0xff. */
	gic_irq_set_priority(intid, 0x80);
	gic_irq_enable(intid, on);
}

/* The window in CNTVCT_EL0 ticks (the guest's counter runs at CNTFRQ_EL0). */
static uint64_t window_ticks(void)
{
	uint64_t t = counter_us_to_ticks(MAINT_WINDOW_US);

	return t ? t : 1;
}

static const char *const guest_op_names[VMAINT_OPS] = {
	[VMAINT_NONE] = "nothing",
	[VMAINT_IAR0] = "reads ICV_IAR0_EL1",
	[VMAINT_IAR1] = "reads ICV_IAR1_EL1",
	[VMAINT_EOIR0] = "writes ICV_EOIR0_EL1 =",
	[VMAINT_EOIR1] = "writes ICV_EOIR1_EL1 =",
	[VMAINT_DIR] = "writes ICV_DIR_EL1 =",
	[VMAINT_IGRPEN0] = "writes ICV_IGRPEN0_EL1 =",
	[VMAINT_IGRPEN1] = "writes ICV_IGRPEN1_EL1 =",
	[VMAINT_HPPIR1] = "reads ICV_HPPIR1_EL1",
	[VMAINT_EXIT] = "returns",
};

/* "step 3: guest writes ICV_EOIR1_EL1 = 40", "step 1: ICH_HCR_EL2 |= 0x2", ... */
static void op_text(const struct maint_op *op, unsigned index, char *buf, size_t len)
{
	unsigned long long a = (unsigned long long)op->arg;

	switch (op->kind) {
	case MOP_GUEST: {
		const char *n = op->guest < VMAINT_OPS ? guest_op_names[op->guest] : "?";
		bool operand = n[0] && n[__builtin_strlen(n) - 1] == '=';

		if (operand) {
			snprintf(buf, len, "step %u: guest %s %llu", index, n, a);
		} else {
			snprintf(buf, len, "step %u: guest %s", index, n);
		}
		return;
	}
	case MOP_HCR_SET:
		snprintf(buf, len, "step %u: ICH_HCR_EL2 |= 0x%llx", index, a);
		return;
	case MOP_HCR_CLR:
		snprintf(buf, len, "step %u: ICH_HCR_EL2 &= ~0x%llx", index, a);
		return;
	case MOP_VMCR_SET:
		snprintf(buf, len, "step %u: ICH_VMCR_EL2 |= 0x%llx", index, a);
		return;
	case MOP_VMCR_CLR:
		snprintf(buf, len, "step %u: ICH_VMCR_EL2 &= ~0x%llx", index, a);
		return;
	case MOP_LR:
		snprintf(buf, len, "step %u: ICH_LR%u_EL2 = 0x%016llx", index, op->lr, a);
		return;
	case MOP_EOICOUNT:
		snprintf(buf, len, "step %u: ICH_HCR_EL2.EOIcount = %llu", index, a);
		return;
	case MOP_END:
		snprintf(buf, len, "step %u: entry", index);
		return;
	}
}

/* The oracle's single outcome of an EOI or DIR; a row never relies on a permitted choice. */
static bool take_outcome(struct maint_vcpu *m, unsigned n, const struct vgic_outcome *out,
			 const char *at)
{
	if (n != 1) {
		sc_fail(m->c,
			"%s: the oracle permits %u outcomes here; the row must not depend on "
			"an IMPLEMENTATION DEFINED or UNPREDICTABLE choice",
			at, n);
		return false;
	}
	m->model = out[0].s;
	return true;
}

/* The highest priority pending LR; rows never hold two pending at the same priority. */
static bool hppi(struct maint_vcpu *m, int *lr, const char *at)
{
	if (__builtin_popcount(vgic_hppi_candidates(&m->model)) > 1) {
		sc_fail(m->c, "%s: equal-priority pending LRs (IMPLEMENTATION DEFINED choice)", at);
		return false;
	}
	*lr = vgic_hppi_first(&m->model);
	return true;
}

/*
 * The guest's action on the oracle: what it reads into x0 (@result) and the state afterwards.
 * ICV_IGRPEN<g>_EL1.Enable is an alias of ICH_VMCR_EL2.VENG<g> (IHI 0069, ICV_IGRPEN0_EL1 and
 * ICV_IGRPEN1_EL1), so the write lands in the VMCR the oracle reads.
 */
static bool model_guest_op(struct maint_vcpu *m, const struct maint_op *op, uint64_t *result,
			   const char *at)
{
	struct vgic_outcome out[VGIC_OUTCOMES_MAX];
	int lr;

	*result = 0;
	switch (op->guest) {
	case VMAINT_NONE:
		return true;
	case VMAINT_IAR0:
	case VMAINT_IAR1:
		if (!hppi(m, &lr, at)) {
			return false;
		}
		*result = vgic_ack(&m->model, op->guest == VMAINT_IAR1, lr);
		return true;
	case VMAINT_HPPIR1:
		if (!hppi(m, &lr, at)) {
			return false;
		}
		*result = vgic_hppir(&m->model, 1, lr);
		return true;
	case VMAINT_EOIR0:
	case VMAINT_EOIR1:
		return take_outcome(
			m, vgic_eoir(&m->model, op->guest == VMAINT_EOIR1, (uint32_t)op->arg, out),
			out, at);
	case VMAINT_DIR:
		return take_outcome(m, vgic_dir(&m->model, (uint32_t)op->arg, out), out, at);
	case VMAINT_IGRPEN0:
	case VMAINT_IGRPEN1: {
		uint64_t eng = op->guest == VMAINT_IGRPEN0 ? ICH_VMCR_VENG0 : ICH_VMCR_VENG1;

		m->model.vmcr = (m->model.vmcr & ~eng) | (op->arg & 1 ? eng : 0);
		return true;
	}
	}
	sc_fail(m->c, "%s: not a step operation", at);
	return false;
}

static uint64_t with_eoicount(uint64_t hcr, uint64_t n)
{
	return (hcr & ~(0x1fULL << ICH_HCR_EOICOUNT_SHIFT)) | (n & 0x1f) << ICH_HCR_EOICOUNT_SHIFT;
}

/* The hypervisor's edit, made the same way to the vCPU's state and to the oracle's. */
static void host_op(struct maint_vcpu *m, const struct maint_op *op)
{
	struct vgic_cpu *g = &m->v->vgic;
	struct vgic_state *s = &m->model;

	switch (op->kind) {
	case MOP_HCR_SET:
		g->hcr |= op->arg;
		s->hcr |= op->arg;
		return;
	case MOP_HCR_CLR:
		g->hcr &= ~op->arg;
		s->hcr &= ~op->arg;
		return;
	case MOP_VMCR_SET:
		g->vmcr |= op->arg;
		s->vmcr |= op->arg;
		return;
	case MOP_VMCR_CLR:
		g->vmcr &= ~op->arg;
		s->vmcr &= ~op->arg;
		return;
	case MOP_LR:
		g->lr[op->lr] = op->arg;
		s->lr[op->lr] = vgic_lr_decode(op->arg, &s->vtr);
		return;
	case MOP_EOICOUNT:
		g->hcr = with_eoicount(g->hcr, op->arg);
		s->hcr = with_eoicount(s->hcr, op->arg);
		return;
	case MOP_END:
	case MOP_GUEST:
		return;
	}
}

/* The status registers the vCPU's exit saved against the oracle's; the first mismatch fails. */
static bool expect_state(struct maint_vcpu *m, const char *at, const char *when)
{
	const struct vgic_cpu *g = &m->v->vgic;
	const struct vgic_state *s = &m->model;
	uint64_t misr = vgic_misr(s), eisr = vgic_eisr(s), elrsr = vgic_elrsr(s);
	uint64_t eoicount = ICH_HCR_EOICOUNT(s->hcr);
	struct scenario_ctx *c = m->c;

	if (g->misr == misr && g->eisr == eisr && g->elrsr == elrsr &&
	    ICH_HCR_EOICOUNT(g->hcr) == eoicount) {
		return true;
	}
	sc_diag(c, "at", "%s, %s", at, when);
	sc_expect_u64(c, "ich_misr_el2", g->misr, misr);
	sc_expect_u64(c, "ich_eisr_el2", g->eisr, eisr);
	sc_expect_u64(c, "ich_elrsr_el2", g->elrsr, elrsr);
	sc_expect_u64(c, "ich_hcr_el2.eoicount", ICH_HCR_EOICOUNT(g->hcr), eoicount);
	sc_diag(c, "ich_hcr_el2", "0x%llx", (unsigned long long)g->hcr);
	sc_diag(c, "ich_vmcr_el2", "0x%llx", (unsigned long long)g->vmcr);
	sc_diag(c, "ich_lr0-3_el2", "[0x%016llx, 0x%016llx, 0x%016llx, 0x%016llx]",
		(unsigned long long)g->lr[0], (unsigned long long)g->lr[1],
		(unsigned long long)g->lr[2], (unsigned long long)g->lr[3]);
	return false;
}

/*
 * A physical IRQ exit during step @st: it must be the maintenance interrupt, and the oracle
 * must have it asserted (@want). The handler deactivates it after taking @st->storm of them
 * with the condition left true and then applying @st->clear; one more after that is a failure.
 */
static bool irq_exit(struct maint_vcpu *m, const struct exit *e, const struct maint_step *st,
		     const char *at, bool want, unsigned *taken)
{
	unsigned maint = gic_maint_intid(), intid = ICC_IAR_INTID(e->intid);
	struct scenario_ctx *c = m->c;
	bool ok;

	if (intid != maint) {
		sc_fail(c, "%s: EXIT_IRQ with INTID %u, not the maintenance interrupt %u", at,
			intid, maint);
		if (intid < 1020) {
			gic_deactivate(e->intid);
		}
		return false;
	}
	m->irqs++;
	++*taken;
	if (!want) {
		sc_fail(c,
			"%s: the maintenance interrupt arrived, but the condition is false "
			"(oracle: ICH_MISR_EL2 = 0x%x, ICH_HCR_EL2.En = %u)",
			at, vgic_misr(&m->model), (unsigned)(m->model.hcr & ICH_HCR_EN));
		expect_state(m, at, "at the maintenance interrupt");
		gic_deactivate(e->intid);
		return false;
	}
	ok = expect_state(m, at,
			  *taken > 1 ? "at a repeated maintenance interrupt"
				     : "at the maintenance interrupt");
	if (*taken > st->storm + 1) {
		sc_fail(c,
			"%s: the maintenance interrupt came again after the handler cleared the "
			"condition",
			at);
		m->v->vgic.hcr &= ~ICH_HCR_EN; /* no storm beyond this one */
		gic_deactivate(e->intid);
		return false;
	}
	if (*taken == st->storm + 1 && st->abandon) {
		m->abandoned = true; /* the condition stays true: the vCPU is never resumed */
		gic_deactivate(e->intid);
		return ok;
	}
	if (*taken == st->storm + 1) {
		host_op(m, &st->clear);
		if (vgic_maint_asserted(&m->model)) {
			sc_fail(c, "%s: the row's clear leaves the condition true", at);
			ok = false;
		}
	}
	gic_deactivate(e->intid);
	return ok;
}

/* A physical FIQ the vmm acknowledged (a Group 0 interrupt, never expected) is deactivated. */
static void release_fiq(const struct exit *e)
{
	if (e->reason == EXIT_FIQ && ICC_IAR_INTID(e->intid) < 1020) {
		gic_deactivate(e->intid);
	}
}

/* Run from an action to the guest's next yield; @first: the entry, not a resume at a yield. */
static bool run_step(struct maint_vcpu *m, const struct maint_step *st, const char *at,
		     uint64_t result, bool first)
{
	struct scenario_ctx *c = m->c;
	bool want = vgic_maint_asserted(&m->model);
	unsigned taken = 0;
	struct exit e;

	if (!first) {
		m->v->ctx.x[0] = st->op.kind == MOP_GUEST ? st->op.guest : VMAINT_NONE;
		m->v->ctx.x[1] = st->op.arg;
	}
	for (;;) {
		e = sc_run_vcpu(c, m->v);
		if (e.reason != EXIT_IRQ) {
			break;
		}
		if (!irq_exit(m, &e, st, at, want, &taken)) {
			return false;
		}
		if (m->abandoned) {
			return true;
		}
	}
	if (e.reason != EXIT_HVC || e.esr != esr_expect_hvc64(1) ||
	    e.elr != GSYM(gl_vmaint_yield)) {
		/* Not the yield: the raw exit into the diagnosis, once, and no further step. */
		release_fiq(&e);
		sc_diag(c, "at", "%s", at);
		if (sc_expect_exit(c, &e, EXIT_HVC, esr_expect_hvc64(1), GSYM(gl_vmaint_yield))) {
			sc_fail(c, "%s: not the guest's yield", at);
		}
		return false;
	}
	if (want && taken == 0) {
		sc_fail(c,
			"%s: no maintenance interrupt within %u us, though ICH_HCR_EL2.En = 1 and "
			"the oracle has ICH_MISR_EL2 = 0x%x",
			at, MAINT_WINDOW_US, vgic_misr(&m->model));
		expect_state(m, at, "at the yield");
		return false;
	}
	if (want && taken != st->storm + 1) {
		sc_fail(c,
			"%s: %u maintenance interrupts with the condition left true, %u expected",
			at, taken - 1, st->storm);
		return false;
	}
	if (!expect_state(m, at, want ? "at the yield after the handler" : "at the yield")) {
		return false;
	}
	if (!first && st->op.kind == MOP_GUEST && m->v->ctx.x[0] != result) {
		sc_diag(c, "at", "%s", at);
		sc_expect_u64(c, "guest_read", m->v->ctx.x[0], result);
		return false;
	}
	return true;
}

bool maint_step(struct maint_vcpu *m, const struct maint_step *st, unsigned index)
{
	char at[96];
	uint64_t result = 0;

	op_text(&st->op, index, at, sizeof(at));
	if (st->op.kind == MOP_GUEST) {
		if (!model_guest_op(m, &st->op, &result, at)) {
			return false;
		}
	} else {
		host_op(m, &st->op);
	}
	return run_step(m, st, at, result, false);
}

bool maint_run_setup(struct maint_vcpu *m, struct scenario_ctx *c, struct vm *vm,
		     const struct maint_setup *s)
{
	if (!maint_vcpu_start(m, c, vm, s->hcr, s->vmcr, s->lr, s->lrs)) {
		return false;
	}
	for (unsigned i = 0; i < MAINT_ROW_STEPS && s->step[i].op.kind != MOP_END; i++) {
		if (!maint_step(m, &s->step[i], i + 1)) {
			return false;
		}
		if (m->abandoned) {
			return true;
		}
	}
	return true;
}

bool maint_vcpu_start(struct maint_vcpu *m, struct scenario_ctx *c, struct vm *vm, uint64_t hcr,
		      uint64_t vmcr, const uint64_t *lr, unsigned lrs)
{
	struct sc_setup s = {
		.payload = GSYM(gp_vmaint),
		.args = {window_ticks()},
		.vcpu.ich_hcr = hcr,
		.vcpu.ich_vmcr = vmcr,
	};
	static const struct maint_step entry = {.op = {MOP_END}};

	*m = (struct maint_vcpu){.c = c};
	m->v = vm ? sc_add_vcpu(c, vm, &s) : sc_start(c, &s);
	if (!m->v) {
		return false;
	}
	vgic_state_init(&m->model, read_ich_vtr_el2(), vmcr, hcr);
	for (unsigned n = 0; n < lrs; n++) {
		m->v->vgic.lr[n] = lr[n];
		m->model.lr[n] = vgic_lr_decode(lr[n], &m->model.vtr);
	}
	return run_step(m, &entry, "step 0: entry", 0, true);
}

bool maint_vcpu_finish(struct maint_vcpu *m)
{
	m->v->ctx.x[0] = VMAINT_EXIT;
	m->v->ctx.x[1] = 0;
	struct exit e = sc_run_vcpu(m->c, m->v);

	if (e.reason == EXIT_IRQ && ICC_IAR_INTID(e.intid) < 1020) {
		gic_deactivate(e.intid); /* the expectation below fails; nothing stays active */
	}
	release_fiq(&e);
	return sc_expect_done(m->c, &e, 0);
}
