/* SPDX-License-Identifier: MIT */
/* The host side of the vGIC script: see vgic_script.h. */
#include "vgic_script.h"

#include <stdio.h>
#include <string.h>

#include "arch/el2.h"
#include "cpu_id.h"
#include "hvc.h"
#include "smp.h"

/*
 * The states the next op leads to: not on the stack, which is small (a state is ~0.5 KiB), and
 * one set per PE, as instances run on every PE at once.
 */
static struct vs_next {
	struct vgic_state s[VS_STATES_MAX];
	uint32_t pdeact[VS_STATES_MAX];
	const char *rule[VS_STATES_MAX];
	unsigned count;
	bool overflow;
} vs_next[CPU_MAX];
#define NEXT (&vs_next[smp_this_cpu()])

void vs_args(const uint16_t ops[VS_OPS_MAX], uint64_t args[3])
{
	for (unsigned a = 0; a < 3; a++) {
		args[a] = 0;
		for (unsigned k = 0; k < 4; k++) {
			args[a] |= (uint64_t)ops[a * 4 + k] << (16 * k);
		}
	}
}

unsigned vs_op_count(const struct vs_run *r)
{
	unsigned n = 0;

	while (n < VS_OPS_MAX && r->ops[n] >> VS_OP_SHIFT != VS_END) {
		n++;
	}
	return n;
}

void vs_begin(struct vs_run *r, struct scenario_ctx *c, const uint16_t *ops, uint64_t vmcr,
	      uint64_t hcr)
{
	*r = (struct vs_run){
		.c = c, .v = sc_vcpu(c), .ops = ops, .count = 1, .next_key = GREPORT_USER};
	vgic_state_init(&r->s[0], cpu_id_regs()->ich_vtr, vmcr, hcr);
	r->rule[0] = "initial state";
}

void vs_set_lr(struct vs_run *r, unsigned n, const struct vgic_lr *lr)
{
	uint64_t raw = (uint64_t)lr->state << 62 | (uint64_t)(lr->priority & 0xff) << 48 |
		       (lr->vintid & 0xffffffffULL);

	/* The raw value is built from the ICH_LR<n>_EL2 field layout, not by the oracle. */
	if (lr->group) {
		raw |= ICH_LR_GROUP;
	}
	if (lr->hw) {
		raw |= ICH_LR_HW | (uint64_t)(lr->pintid & 0x1fff) << 32;
	} else if (lr->eoi) {
		raw |= ICH_LR_EOI;
	}
	r->v->vgic.lr[n] = raw;
	for (unsigned i = 0; i < r->count; i++) {
		r->s[i].lr[n] = vgic_lr_decode(raw, &r->s[i].vtr);
	}
}

void vs_set_active_priority(struct vs_run *r, unsigned priority, unsigned group)
{
	unsigned bit = vgic_apr_bit(&r->s[0], priority, group);
	uint64_t *apr = group ? r->v->vgic.ap1r : r->v->vgic.ap0r;

	apr[bit / 32] |= 1ULL << (bit % 32);
	for (unsigned i = 0; i < r->count; i++) {
		r->s[i].apr[group][bit / 32] |= 1u << (bit % 32);
	}
}

static bool lr_equal(const struct vgic_lr *a, const struct vgic_lr *b)
{
	return a->state == b->state && a->hw == b->hw && a->group == b->group &&
	       a->priority == b->priority && a->vintid == b->vintid && a->pintid == b->pintid &&
	       a->eoi == b->eoi;
}

static bool state_equal(const struct vgic_state *a, const struct vgic_state *b)
{
	if (a->vmcr != b->vmcr || a->hcr != b->hcr || memcmp(a->apr, b->apr, sizeof(a->apr))) {
		return false;
	}
	for (unsigned n = 0; n < VGIC_LRS_MAX; n++) {
		if (!lr_equal(&a->lr[n], &b->lr[n])) {
			return false;
		}
	}
	return true;
}

/* Keep @s (reached by @rule, with @pdeact) as a state after the current op, once. */
static void keep(const struct vgic_state *s, uint32_t pdeact, const char *rule)
{
	for (unsigned i = 0; i < NEXT->count; i++) {
		if (NEXT->pdeact[i] == pdeact && state_equal(&NEXT->s[i], s)) {
			return;
		}
	}
	if (NEXT->count == VS_STATES_MAX) {
		NEXT->overflow = true;
		return;
	}
	NEXT->s[NEXT->count] = *s;
	NEXT->pdeact[NEXT->count] = pdeact;
	NEXT->rule[NEXT->count++] = rule;
}

static bool is_read(unsigned code)
{
	return code == VS_IAR0 || code == VS_IAR1 || code == VS_RPR || code == VS_HPPIR0 ||
	       code == VS_HPPIR1 || code == VS_WAIT;
}

/* The vector a VS_WAIT reports for the signal outcome @sig (VGIC_SIG_*). */
static uint64_t wait_vector(unsigned sig)
{
	return sig == VGIC_SIG_VIRQ ? VS_VEC_IRQ : sig == VGIC_SIG_VFIQ ? VS_VEC_FIQ : 0;
}

/* A read from state @i predicts @val (listed in @pred); keep @s if the guest read that. */
static void predict(const struct vs_run *r, unsigned i, uint64_t val, const struct vgic_state *s,
		    uint64_t got, char *pred, size_t len)
{
	size_t used = strlen(pred);

	snprintf(pred + used, len - used, "%s0x%llx", used ? " or " : "", (unsigned long long)val);
	if (val == got) {
		keep(s, r->pdeact[i], r->rule[i]);
	}
}

/*
 * Step state @i by op @code/@arg. Reads keep the states that predict @got, adding each
 * prediction to @pred; writes keep every permitted outcome. False if the oracle gives none.
 */
static bool step(struct vs_run *r, unsigned i, unsigned code, unsigned arg, uint64_t got,
		 char *pred, size_t len)
{
	const struct vgic_state *s = &r->s[i];
	struct vgic_outcome out[VGIC_OUTCOMES_MAX];
	struct vgic_state t;
	uint64_t bit;
	unsigned n, g = (code == VS_IAR1 || code == VS_HPPIR1 || code == VS_EOIR1) ? 1 : 0;
	uint32_t cand = vgic_hppi_candidates(s);

	switch (code) {
	case VS_IAR0:
	case VS_IAR1:
	case VS_HPPIR0:
	case VS_HPPIR1:
		/* Each equal-priority candidate may be the one (IMPLEMENTATION DEFINED). */
		for (int hppi = cand ? 0 : -1; hppi < (cand ? VGIC_LRS_MAX : 0); hppi++) {
			if (hppi >= 0 && !(cand & (1u << hppi))) {
				continue;
			}
			t = *s;
			if (code == VS_IAR0 || code == VS_IAR1) {
				predict(r, i, vgic_ack(&t, g, hppi), &t, got, pred, len);
			} else {
				predict(r, i, vgic_hppir(&t, g, hppi), &t, got, pred, len);
			}
		}
		return true;
	case VS_RPR:
		predict(r, i, vgic_rpr(s), s, got, pred, len);
		return true;
	case VS_WAIT:
		for (unsigned sig = VGIC_SIG_NONE; sig <= VGIC_SIG_VFIQ; sig <<= 1) {
			if (vgic_signal(s) & sig) {
				predict(r, i, wait_vector(sig), s, got, pred, len);
			}
		}
		return true;
	case VS_EOIR0:
	case VS_EOIR1:
	case VS_DIR:
		n = code == VS_DIR ? vgic_dir(s, arg, out) : vgic_eoir(s, g, arg, out);
		for (unsigned k = 0; k < n; k++) {
			uint32_t pd = r->pdeact[i];

			if (out[k].pdeact >= 0 && out[k].pdeact < 32) {
				pd |= 1u << out[k].pdeact;
			}
			keep(&out[k].s, pd, out[k].rule);
		}
		return n > 0;
	case VS_IGRPEN0:
	case VS_IGRPEN1:
		t = *s;
		bit = code == VS_IGRPEN0 ? ICH_VMCR_VENG0 : ICH_VMCR_VENG1;
		t.vmcr = (arg & 1) ? t.vmcr | bit : t.vmcr & ~bit;
		keep(&t, r->pdeact[i], r->rule[i]);
		return true;
	default: /* VS_SYNC, VS_CNTV_CTL: no change to the virtual interface */
		keep(s, r->pdeact[i], r->rule[i]);
		return true;
	}
}

static const char *const op_names[VS_OP_COUNT] = {
	"end",
	"ICV_IAR0_EL1",
	"ICV_IAR1_EL1",
	"ICV_EOIR0_EL1",
	"ICV_EOIR1_EL1",
	"ICV_DIR_EL1",
	"ICV_RPR_EL1",
	"ICV_HPPIR0_EL1",
	"ICV_HPPIR1_EL1",
	"ICV_IGRPEN0_EL1",
	"ICV_IGRPEN1_EL1",
	"sync",
	"wait (vector taken)",
	"CNTV_CTL_EL0",
};

bool vs_replay(struct vs_run *r, unsigned until)
{
	unsigned end = vs_op_count(r);

	for (; r->next_op < until && r->next_op < end; r->next_op++) {
		unsigned code = r->ops[r->next_op] >> VS_OP_SHIFT;
		unsigned arg = r->ops[r->next_op] & VS_ARG_MASK;
		uint64_t got = 0;
		char pred[160] = "";
		char what[64];

		if (is_read(code) && !sc_report(r->c, r->next_key++, &got)) {
			return false;
		}
		NEXT->count = 0;
		NEXT->overflow = false;
		for (unsigned i = 0; i < r->count; i++) {
			if (!step(r, i, code, arg, got, pred, sizeof(pred))) {
				sc_fail(r->c,
					"op %u (%s 0x%x): the oracle gives no defined outcome "
					"(UNPREDICTABLE): the row is wrong",
					r->next_op, op_names[code], arg);
				return false;
			}
		}
		if (NEXT->overflow) {
			sc_fail(r->c, "op %u: more than %u permitted states: the row is too loose",
				r->next_op, VS_STATES_MAX);
			return false;
		}
		if (NEXT->count == 0) {
			snprintf(what, sizeof(what), "op %u %s", r->next_op, op_names[code]);
			sc_diag(r->c, "expected", "{ %s: %s }", what, pred);
			sc_diag(r->c, "got", "{ %s: 0x%llx }", what, (unsigned long long)got);
			sc_diag(r->c, "history", "%s", r->rule[0]);
			sc_fail(r->c, "no permitted history explains the value the guest read");
			return false;
		}
		memcpy(r->s, NEXT->s, sizeof(NEXT->s[0]) * NEXT->count);
		memcpy(r->pdeact, NEXT->pdeact, sizeof(NEXT->pdeact[0]) * NEXT->count);
		memcpy(r->rule, NEXT->rule, sizeof(NEXT->rule[0]) * NEXT->count);
		r->count = NEXT->count;
	}
	return true;
}

/* Whether the vCPU's virtual interface after the run is state @i (LRs, APRs, ICH_HCR_EL2). */
static bool state_matches(const struct vs_run *r, unsigned i)
{
	const struct vgic_state *s = &r->s[i];
	const struct vgic_cpu *g = &r->v->vgic;

	for (unsigned n = 0; n < s->vtr.list_regs && n < VGIC_LRS_MAX; n++) {
		if (g->lr[n] != vgic_lr_encode(&s->lr[n], &s->vtr)) {
			return false;
		}
	}
	for (unsigned n = 0; n < vgic_apr_count(&s->vtr) && n < VGIC_APRS_MAX; n++) {
		if (g->ap0r[n] != s->apr[0][n] || g->ap1r[n] != s->apr[1][n]) {
			return false;
		}
	}
	return g->hcr == s->hcr;
}

/* Fail with every difference between the vCPU and state @i. */
static void state_diff(struct vs_run *r, unsigned i)
{
	const struct vgic_state *s = &r->s[i];
	const struct vgic_cpu *g = &r->v->vgic;
	char what[32];

	for (unsigned n = 0; n < s->vtr.list_regs && n < VGIC_LRS_MAX; n++) {
		snprintf(what, sizeof(what), "ich_lr%u_el2", n);
		sc_expect_u64(r->c, what, g->lr[n], vgic_lr_encode(&s->lr[n], &s->vtr));
	}
	for (unsigned n = 0; n < vgic_apr_count(&s->vtr) && n < VGIC_APRS_MAX; n++) {
		snprintf(what, sizeof(what), "ich_ap0r%u_el2", n);
		sc_expect_u64(r->c, what, g->ap0r[n], s->apr[0][n]);
		snprintf(what, sizeof(what), "ich_ap1r%u_el2", n);
		sc_expect_u64(r->c, what, g->ap1r[n], s->apr[1][n]);
	}
	sc_expect_u64(r->c, "ich_hcr_el2", g->hcr, s->hcr);
}

int vs_finish(struct vs_run *r, uint32_t pwatch, uint32_t pinactive)
{
	if (!vs_replay(r, VS_OPS_MAX)) {
		return -1;
	}
	for (unsigned i = 0; i < r->count; i++) {
		if (state_matches(r, i) && (r->pdeact[i] & pwatch) == pinactive) {
			return (int)i;
		}
	}
	/* Report against the first permitted history whose physical side matches, if any. */
	unsigned first = 0;

	for (unsigned i = 0; i < r->count; i++) {
		if ((r->pdeact[i] & pwatch) == pinactive) {
			first = i;
			break;
		}
	}
	sc_diag(r->c, "permitted_histories", "%u", r->count);
	sc_diag(r->c, "history", "%s", r->rule[first]);
	state_diff(r, first);
	sc_expect_u64(r->c, "physically deactivated (INTID bits)", pinactive,
		      r->pdeact[first] & pwatch);
	return -1;
}

bool vs_expect_physical(struct vs_run *r, uint32_t pwatch, uint32_t pinactive)
{
	unsigned kept = 0;

	for (unsigned i = 0; i < r->count; i++) {
		if ((r->pdeact[i] & pwatch) == pinactive) {
			r->s[kept] = r->s[i];
			r->pdeact[kept] = r->pdeact[i];
			r->rule[kept++] = r->rule[i];
		}
	}
	if (kept == 0) {
		sc_diag(r->c, "history", "%s", r->rule[0]);
		sc_expect_u64(r->c, "physically deactivated (INTID bits)", pinactive,
			      r->pdeact[0] & pwatch);
		return false;
	}
	r->count = kept;
	return true;
}
