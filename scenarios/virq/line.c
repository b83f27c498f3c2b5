/* SPDX-License-Identifier: MIT */
/*
 * virq.line.*: the virtual interrupt lines. HCR_EL2.VI / VF (and, with GICv3, the virtual CPU
 * interface's signal from a list register) with HCR_EL2.IMO / FMO / TGE, against the
 * PSTATE.I / F and Exception level of the code that runs: the guest opens the masks (MSR
 * DAIFClr at EL1h or EL1t, an ERET to EL0) and must take the interrupt on exactly the vector
 * vline_expect() names, at the context synchronization after the unmask, with SPSR_EL1 the
 * state it came from; or it spins a bounded window (LINE_WINDOW_ITERS loop iterations, each a
 * branch where a pending interrupt can be taken) and reports that nothing came, with ISR_EL1
 * read inside the window. The guest code and its vectors are guest/virq_line.S.
 *
 * virq.line.change (and the lr=... rows of virq.line.ich) change the line while the guest is
 * stopped at a yield (HVC #VL_YIELD_IMM): the vmm loads HCR_EL2 and the list registers at every
 * vcpu_run(), so the guest resumes with the new line. EL2 itself is virq.line.el2
 * (line_el2.c), physical interrupts virq.line.phys (line_phys.c).
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "gic_model.h"
#include "line.h"
#include "scenario.h"
#include "virq_line_abi.h"
#include "vgic_model.h"
#include "virq_line_model.h"

#define LINE_LR_VINTID 40 /* any vINTID: the guest never acknowledges it */

/* The virtual CPU interface of the ich rows: both groups on, nothing masked by priority. */
#define LINE_VMCR (ICH_VMCR_VENG0 | ICH_VMCR_VENG1 | ICH_VMCR_VPMR(0xff))

/* When list register 0 holds the row's interrupt. */
enum line_lr_when {
	LR_FROM_START,	  /* written before the first run */
	LR_AT_YIELD,	  /* written while the guest is stopped at its yield */
	LR_GONE_AT_YIELD, /* written before the first run, invalid from the yield on */
};

struct line_row {
	const char *name;
	uint64_t hcr;	    /* VI, VF, TGE set for the vCPU */
	uint64_t hcr_clear; /* IMO, FMO cleared from the vmm's base */
	enum vline_where where;
	bool i, f; /* PSTATE.I / F in the window (1 = masked) */
	/* virq.line.ich: ICH_HCR_EL2.En, ICH_VMCR_EL2 and list register 0 */
	bool ich, en;
	uint64_t vmcr;
	struct vgic_lr lr; /* list register 0 (vgic_model's decoded form) */
	/* virq.line.change: HCR_EL2 bits flipped while the guest is stopped at its yield */
	uint64_t hcr_change;
	unsigned yield; /* VL_YIELD_*: before or after the guest opens the masks */
	enum line_lr_when lr_when;
};

/* The oracle's view of a row. */
static struct vline_state line_state(const struct line_row *r)
{
	uint64_t hcr = r->hcr ^ r->hcr_change; /* the line once the window runs */
	struct vline_state s = {
		.vi = hcr & HCR_VI,
		.vf = hcr & HCR_VF,
		.imo = !(r->hcr_clear & HCR_IMO),
		.fmo = !(r->hcr_clear & HCR_FMO),
		.tge = r->hcr & HCR_TGE,
		.i = r->i,
		.f = r->f,
		.where = r->where,
	};

	if (r->ich) {
		/* The virtual CPU interface's signal is the vGIC oracle's (one outcome: one LR). */
		struct vgic_state g;

		vgic_state_init(&g, read_ich_vtr_el2(), r->vmcr, r->en ? ICH_HCR_EN : 0);
		if (r->lr_when != LR_GONE_AT_YIELD) {
			g.lr[0] = r->lr;
		}
		unsigned sig = vgic_signal(&g);

		s.cpuif_irq = sig == VGIC_SIG_VIRQ;
		s.cpuif_fiq = sig == VGIC_SIG_VFIQ;
	}
	return s;
}

static uint64_t line_lr_value(const struct vgic_lr *lr)
{
	struct vgic_vtr vtr = vgic_vtr_decode(read_ich_vtr_el2());

	return vgic_lr_encode(lr, &vtr);
}

/* Where an interrupt unmasked by the row's payload may be taken: [first, last]. */
struct line_elr {
	uint64_t first, last;
};

static const uint64_t clr_payloads[2][2] = {
	/* [i][f]: DAIFClr #3, #2 (I only), #1 (F only), none */
	{GSYM(gp_vline_clr_if), GSYM(gp_vline_clr_i)},
	{GSYM(gp_vline_clr_f), GSYM(gp_vline_clr_none)},
};
static const struct line_elr clr_elrs[2][2] = {
	{{GSYM(gl_vline_isb_if), GSYM(gl_vline_post_if)},
	 {GSYM(gl_vline_isb_i), GSYM(gl_vline_post_i)}},
	{{GSYM(gl_vline_isb_f), GSYM(gl_vline_post_f)},
	 {GSYM(gl_vline_isb_none), GSYM(gl_vline_post_none)}},
};

static uint64_t line_masks(const struct line_row *r)
{
	return SPSR_D | SPSR_A | (r->i ? SPSR_I : 0) | (r->f ? SPSR_F : 0);
}

/* The guest for @r: payload, arguments and entry state; @elr where a taken one may be. */
static void line_setup(const struct line_row *r, struct sc_setup *s, struct line_elr *elr)
{
	s->vcpu.hcr = r->hcr;
	s->vcpu.hcr_clear = r->hcr_clear;
	s->vcpu.timeout_ms = (r->hcr_clear & HCR_IMO) ? LINE_IMO0_TIMEOUT_MS : 0;
	if (r->ich) {
		s->vcpu.ich_hcr = r->en ? ICH_HCR_EN : 0;
		s->vcpu.ich_vmcr = r->vmcr;
	}
	if (r->where == VLINE_EL0 && (r->hcr & HCR_TGE)) {
		/* TGE = 1: EL1 cannot run; the vmm enters EL0 with the masks itself. */
		s->payload = GSYM(gp_vline_el0_direct);
		s->args[0] = LINE_WINDOW_ITERS;
		s->vcpu.spsr = SPSR_M_EL0t | line_masks(r);
		*elr = (struct line_elr){GSYM(guest_start), GSYM(gl_vline_el0_post)};
	} else if (r->where == VLINE_EL0) {
		s->payload = GSYM(gp_vline_el0);
		s->args[0] = SPSR_M_EL0t | line_masks(r);
		s->args[1] = LINE_WINDOW_ITERS;
		*elr = (struct line_elr){GSYM(gl_vline_el0), GSYM(gl_vline_el0_post)};
	} else {
		s->payload = clr_payloads[r->i][r->f];
		s->args[0] = r->where == VLINE_EL1T;
		s->args[1] = LINE_WINDOW_ITERS;
		s->args[2] = r->yield;
		*elr = clr_elrs[r->i][r->f];
		if (r->yield == VL_YIELD_AFTER) {
			/* Open since before the yield: taken anywhere once the guest resumes. */
			*elr = (struct line_elr){GSYM(gl_vline_yielded), GSYM(gl_vline_window_end)};
		}
	}
}

static uint64_t line_spsr_mode(enum vline_where w)
{
	return w == VLINE_EL0 ? SPSR_M_EL0t : w == VLINE_EL1T ? SPSR_M_EL1t : SPSR_M_EL1h;
}

static uint64_t line_isr(const struct vline_expect *x)
{
	return (x->isr_i ? SPSR_I : 0) | (x->isr_f ? SPSR_F : 0); /* ISR_EL1.I/F: bits 7/6 */
}

static void diag_expect(struct scenario_ctx *c, const struct vline_expect *x)
{
	sc_diag(c, "oracle", "irq %s (0x%llx), fiq %s (0x%llx), ISR_EL1.I/F %d/%d",
		x->irq ? "taken" : "not taken", (unsigned long long)x->irq_vector,
		x->fiq ? "taken" : "not taken", (unsigned long long)x->fiq_vector, x->isr_i,
		x->isr_f);
}

/* The guest took an exception on its vectors: the one (or one of the two) the oracle names. */
static void expect_taken(struct scenario_ctx *c, const struct line_row *r,
			 const struct vline_expect *x, const struct line_elr *elr)
{
	uint64_t vector, got_elr, spsr, isr;

	if (!sc_report(c, VL_REPORT_VECTOR, &vector) || !sc_report(c, VL_REPORT_ELR, &got_elr) ||
	    !sc_report(c, VL_REPORT_SPSR, &spsr) || !sc_report(c, VL_REPORT_ISR, &isr)) {
		return;
	}
	bool irq = x->irq && vector == x->irq_vector, fiq = x->fiq && vector == x->fiq_vector;

	if (!irq && !fiq) {
		diag_expect(c, x);
		sc_fail(c, "taken on vector 0x%llx (%s), ELR_EL1 0x%llx",
			(unsigned long long)vector, vline_vector_name(vector),
			(unsigned long long)got_elr);
		return;
	}
	if (got_elr < elr->first || got_elr > elr->last) {
		sc_fail(c,
			"ELR_EL1 0x%llx is outside [0x%llx, 0x%llx]: the context synchronization "
			"after the unmask or the instruction after it (after a yield with the mask "
			"open: the window)",
			(unsigned long long)got_elr, (unsigned long long)elr->first,
			(unsigned long long)elr->last);
	}
	/* SPSR_EL1: the mode and masks it was taken from (M[4:0], D, A, I, F). */
	sc_expect_u64(c, "spsr_el1", spsr & 0x3df, line_spsr_mode(r->where) | line_masks(r));
	sc_expect_u64(c, "isr_el1", isr & (SPSR_I | SPSR_F), line_isr(x));
}

static void run_line(struct scenario_ctx *c, const void *row)
{
	const struct line_row *r = row;
	struct vline_state st = line_state(r);
	struct vline_expect x = vline_expect(&st);
	struct sc_setup s = {0};
	struct line_elr elr;

	line_setup(r, &s, &elr);
	struct vcpu *v = sc_start(c, &s);

	if (!v) {
		return;
	}
	if (r->ich && r->lr_when != LR_AT_YIELD) {
		v->vgic.lr[0] = line_lr_value(&r->lr);
	}
	struct exit e = sc_run(c);

	if (r->yield != VL_YIELD_NONE) {
		/* Stopped at the yield with nothing taken yet: change the line, resume. */
		if (!sc_expect_reason(c, &e, EXIT_HVC) ||
		    !sc_expect_u64(c, "hvc_imm", e.esr & 0xffff, VL_YIELD_IMM)) {
			return;
		}
		v->hcr ^= r->hcr_change;
		if (r->ich) {
			/* The vmm loads the vCPU's list registers at every vcpu_run(). */
			v->vgic.lr[0] = r->lr_when == LR_GONE_AT_YIELD ? 0 : line_lr_value(&r->lr);
		}
		e = sc_run(c);
	}
	if (x.irq || x.fiq) {
		sc_expect_el1_exceptions(c);
		if (sc_expect_done(c, &e, VL_STATUS_TAKEN)) {
			expect_taken(c, r, &x, &elr);
		}
		return;
	}
	if (!sc_expect_done(c, &e, VL_STATUS_QUIET)) {
		uint64_t vector;

		if (e.reason == EXIT_GUEST_DONE && e.status == VL_STATUS_TAKEN &&
		    sc_report(c, VL_REPORT_VECTOR, &vector)) {
			diag_expect(c, &x);
			sc_diag(c, "taken", "vector 0x%llx (%s)", (unsigned long long)vector,
				vline_vector_name(vector));
		}
		return;
	}
	uint64_t isr;

	/* EL0 cannot read ISR_EL1: only the EL1 window reports it. */
	if (r->where != VLINE_EL0 && sc_report(c, VL_REPORT_ISR, &isr)) {
		sc_expect_u64(c, "isr_el1", isr & (SPSR_I | SPSR_F), line_isr(&x));
	}
}

/* A row: name, HCR_EL2 set, HCR_EL2 cleared, where, PSTATE.I, PSTATE.F, then the rest. */
#define ROW(name_, hcr_, clear_, where_, i_, f_, ...)                                              \
	{                                                                                          \
		.name = (name_), .hcr = (hcr_), .hcr_clear = (clear_), .where = (where_),          \
		.i = (i_), .f = (f_), __VA_ARGS__                                                  \
	}
/* virq.line.change: HCR_EL2 bits flipped at the yield, and when the guest yields. */
#define CHANGE(flip_, yield_) .hcr_change = (flip_), .yield = (yield_)
#define IMO		      HCR_IMO
#define FMO		      HCR_FMO

static const struct line_row vi_rows[] = {
	ROW("[imo=1,el1h,i=0]", HCR_VI, 0, VLINE_EL1H, false, true),
	ROW("[imo=1,el1h,i=1]", HCR_VI, 0, VLINE_EL1H, true, true),
	/* PSTATE.F open does not let an IRQ in. */
	ROW("[imo=1,el1h,i=1,f=0]", HCR_VI, 0, VLINE_EL1H, true, false),
	ROW("[imo=1,el1h,i=0,f=0]", HCR_VI, 0, VLINE_EL1H, false, false),
	ROW("[imo=1,el1t,i=0]", HCR_VI, 0, VLINE_EL1T, false, true),
	ROW("[imo=1,el1t,i=1]", HCR_VI, 0, VLINE_EL1T, true, true),
	ROW("[imo=1,el0,i=0]", HCR_VI, 0, VLINE_EL0, false, true),
	ROW("[imo=1,el0,i=1]", HCR_VI, 0, VLINE_EL0, true, true),
	/* IMO = 0: VI has no effect (the watchdog cannot end these: the window does). */
	ROW("[imo=0,el1h,i=0]", HCR_VI, IMO, VLINE_EL1H, false, false),
	ROW("[imo=0,el1h,i=1]", HCR_VI, IMO, VLINE_EL1H, true, false),
	ROW("[imo=0,fmo=1,el0,i=0]", HCR_VI, IMO, VLINE_EL0, false, false),
};

static const struct line_row vf_rows[] = {
	ROW("[fmo=1,el1h,f=0]", HCR_VF, 0, VLINE_EL1H, true, false),
	ROW("[fmo=1,el1h,f=1]", HCR_VF, 0, VLINE_EL1H, true, true),
	/* PSTATE.I open does not let a FIQ in. */
	ROW("[fmo=1,el1h,f=1,i=0]", HCR_VF, 0, VLINE_EL1H, false, true),
	ROW("[fmo=1,el1t,f=0]", HCR_VF, 0, VLINE_EL1T, true, false),
	ROW("[fmo=1,el0,f=0]", HCR_VF, 0, VLINE_EL0, true, false),
	ROW("[fmo=1,el0,f=1]", HCR_VF, 0, VLINE_EL0, true, true),
	/* FMO = 0 (IMO stays 1, so the watchdog still works): VF has no effect. */
	ROW("[fmo=0,el1h,f=0]", HCR_VF, FMO, VLINE_EL1H, false, false),
	ROW("[fmo=0,el1h,f=1]", HCR_VF, FMO, VLINE_EL1H, false, true),
	ROW("[fmo=0,el0,f=0]", HCR_VF, FMO, VLINE_EL0, false, false),
};

/* Both lines: both are taken in turn; which first is not architected (either is accepted). */
static const struct line_row both_rows[] = {
	ROW("[imo=1,fmo=1,el1h,i=0,f=0]", HCR_VI | HCR_VF, 0, VLINE_EL1H, false, false),
	ROW("[imo=1,fmo=0,el1h,i=0,f=0]", HCR_VI | HCR_VF, FMO, VLINE_EL1H, false, false),
	ROW("[imo=0,fmo=1,el1h,i=0,f=0]", HCR_VI | HCR_VF, IMO, VLINE_EL1H, false, false),
	ROW("[imo=1,fmo=1,el1h,i=1,f=1]", HCR_VI | HCR_VF, 0, VLINE_EL1H, true, true),
};

/* TGE = 1 (E2H = 0): virtual interrupts are disabled; the guest runs at EL0, masks open. */
static const struct line_row tge_rows[] = {
	ROW("[vi=1,el0,i=0]", HCR_VI | HCR_TGE, 0, VLINE_EL0, false, false),
	ROW("[vf=1,el0,f=0]", HCR_VF | HCR_TGE, 0, VLINE_EL0, false, false),
};

#define ICH(en_, vmcr_, group1_, prio_)                                                            \
	.ich = true, .en = (en_), .vmcr = (vmcr_),                                                 \
	.lr = {.state = VGIC_LR_PENDING,                                                           \
	       .group = (group1_),                                                                 \
	       .priority = (prio_),                                                                \
	       .vintid = LINE_LR_VINTID}

static const struct line_row ich_rows[] = {
	ROW("[en=1,lr=g1,imo=1,i=0]", 0, 0, VLINE_EL1H, false, true, ICH(true, LINE_VMCR, true, 0)),
	ROW("[en=1,lr=g1,imo=1,i=1]", 0, 0, VLINE_EL1H, true, true, ICH(true, LINE_VMCR, true, 0)),
	ROW("[en=1,lr=g1,imo=1,el0,i=0]", 0, 0, VLINE_EL0, false, true,
	    ICH(true, LINE_VMCR, true, 0)),
	ROW("[en=0,lr=g1,imo=1,i=0]", 0, 0, VLINE_EL1H, false, true,
	    ICH(false, LINE_VMCR, true, 0)),
	ROW("[en=1,lr=g1,veng1=0,imo=1,i=0]", 0, 0, VLINE_EL1H, false, true,
	    ICH(true, LINE_VMCR & ~ICH_VMCR_VENG1, true, 0)),
	/* Priority 0 is not below a priority mask of 0: nothing is signalled. */
	ROW("[en=1,lr=g1,vpmr=0,imo=1,i=0]", 0, 0, VLINE_EL1H, false, true,
	    ICH(true, LINE_VMCR & ~ICH_VMCR_VPMR(0xff), true, 0)),
	ROW("[en=1,lr=g1,imo=0,i=0]", 0, IMO, VLINE_EL1H, false, false,
	    ICH(true, LINE_VMCR, true, 0)),
	ROW("[en=1,lr=g0,fmo=1,f=0]", 0, 0, VLINE_EL1H, true, false,
	    ICH(true, LINE_VMCR, false, 0)),
	ROW("[en=1,lr=g0,fmo=1,f=1]", 0, 0, VLINE_EL1H, true, true, ICH(true, LINE_VMCR, false, 0)),
	ROW("[en=1,lr=g0,fmo=0,f=0]", 0, FMO, VLINE_EL1H, false, false,
	    ICH(true, LINE_VMCR, false, 0)),
	/* The OR: VI alone with the interface disabled, and VI with a signalling LR. */
	ROW("[en=0,lr=g1,vi=1,imo=1,i=0]", HCR_VI, 0, VLINE_EL1H, false, true,
	    ICH(false, LINE_VMCR, true, 0)),
	ROW("[en=1,lr=g1,vi=1,imo=1,i=0]", HCR_VI, 0, VLINE_EL1H, false, true,
	    ICH(true, LINE_VMCR, true, 0)),
	/* The LR written while the guest runs with the mask open, or emptied before it opens it. */
	ROW("[en=1,lr=0->g1,imo=1,i=0]", 0, 0, VLINE_EL1H, false, true,
	    ICH(true, LINE_VMCR, true, 0), CHANGE(0, VL_YIELD_AFTER), .lr_when = LR_AT_YIELD),
	ROW("[en=1,lr=g1->0,imo=1,i=0]", 0, 0, VLINE_EL1H, false, true,
	    ICH(true, LINE_VMCR, true, 0), CHANGE(0, VL_YIELD_BEFORE), .lr_when = LR_GONE_AT_YIELD),
	ROW("[en=1,lr=none,vi=1,imo=1,i=0]", HCR_VI, 0, VLINE_EL1H, false, true, .ich = true,
	    .en = true, .vmcr = LINE_VMCR),
};

/*
 * EL2 changes the line while the guest is stopped at a yield: asserted once the masks are
 * open (taken as soon as the guest resumes), or withdrawn before it opens them (nothing).
 */

static const struct line_row change_rows[] = {
	ROW("[vi=0->1,i=0]", 0, 0, VLINE_EL1H, false, true, CHANGE(HCR_VI, VL_YIELD_AFTER)),
	ROW("[vi=0->1,i=1]", 0, 0, VLINE_EL1H, true, true, CHANGE(HCR_VI, VL_YIELD_AFTER)),
	ROW("[vi=1->0,i=0]", HCR_VI, 0, VLINE_EL1H, false, true, CHANGE(HCR_VI, VL_YIELD_BEFORE)),
	ROW("[vf=0->1,f=0]", 0, 0, VLINE_EL1H, true, false, CHANGE(HCR_VF, VL_YIELD_AFTER)),
	ROW("[vf=1->0,f=0]", HCR_VF, 0, VLINE_EL1H, true, false, CHANGE(HCR_VF, VL_YIELD_BEFORE)),
	ROW("[vi=1->vf=1,i=0,f=0]", HCR_VI, 0, VLINE_EL1H, false, false,
	    CHANGE(HCR_VI | HCR_VF, VL_YIELD_BEFORE)),
};

/* The list register rows need the GICv3 virtual CPU interface (ICH_* registers). */
static const char *ich_requires(const void *row, char *why, size_t len)
{
	(void)row;
	if (vmm_caps.gic_version == 3) {
		return NULL;
	}
	snprintf(why, len, "GIC version %u: no ICH_* list registers (GICv3 system registers)",
		 vmm_caps.gic_version);
	return why;
}

#define LINE_RULE_TAIL                                                                             \
	" (vector 0x080/0x100 from EL1t, 0x280/0x300 from EL1h, 0x480/0x500 from EL0), taken at "  \
	"the ISB after MSR DAIFClr (or the ERET to EL0) or the instruction after it, SPSR_EL1 "    \
	"the "                                                                                     \
	"state it came from; otherwise not taken within " LINE_WINDOW_RULE ", and ISR_EL1.I/F "    \
	"show the virtual line when IMO/FMO = 1"

SCENARIO(virq_line_vi, .id = "virq.line.vi",
	 .rule = "HCR_EL2.VI = 1 is a virtual IRQ to EL1 only when HCR_EL2.IMO = 1 (TGE = 0), "
		 "masked by PSTATE.I alone" LINE_RULE_TAIL,
	 SCENARIO_ROWS(vi_rows), .run = run_line, .control = "HCR_EL2.VI",
	 .fields = "+HCR_EL2.VI +-HCR_EL2.IMO");
SCENARIO(virq_line_vf, .id = "virq.line.vf",
	 .rule = "HCR_EL2.VF = 1 is a virtual FIQ to EL1 only when HCR_EL2.FMO = 1 (TGE = 0), "
		 "masked by PSTATE.F alone" LINE_RULE_TAIL,
	 SCENARIO_ROWS(vf_rows), .run = run_line, .control = "HCR_EL2.VF",
	 .fields = "+HCR_EL2.VF +-HCR_EL2.FMO");
SCENARIO(virq_line_both, .id = "virq.line.both",
	 .rule = "HCR_EL2.VI and VF together: each is taken when its IMO/FMO is 1 and its mask "
		 "open; with both, either may be taken first (no architected order)" LINE_RULE_TAIL,
	 SCENARIO_ROWS(both_rows), .run = run_line, .control = "HCR_EL2.VI, HCR_EL2.VF");
SCENARIO(
	virq_line_tge, .id = "virq.line.tge",
	.rule = "HCR_EL2.TGE = 1 (E2H = 0) disables virtual interrupts: VI/VF are not taken at EL0 "
		"with PSTATE.I/F clear within " LINE_WINDOW_RULE,
	SCENARIO_ROWS(tge_rows), .run = run_line, .control = "HCR_EL2.TGE");
SCENARIO(virq_line_change, .id = "virq.line.change",
	 .rule = "HCR_EL2.VI/VF are levels that EL2 may change while the guest runs: set while the "
		 "guest's mask is open, the interrupt is taken as soon as the guest resumes; "
		 "cleared before it opens the mask, nothing is taken" LINE_RULE_TAIL,
	 SCENARIO_ROWS(change_rows), .run = run_line, .control = "HCR_EL2.VI, HCR_EL2.VF",
	 .fields = "+-HCR_EL2.VI +-HCR_EL2.VF");
SCENARIO(virq_line_ich, .id = "virq.line.ich",
	 .rule = "GICv3: the virtual IRQ (FIQ) is the OR of HCR_EL2.VI (VF) and the virtual CPU "
		 "interface's signal; a pending Group 1 (0) list register of priority 0 is "
		 "signalled only with ICH_HCR_EL2.En = 1 and ICH_VMCR_EL2.VENG1 (VENG0) = 1, and "
		 "taken only with IMO (FMO) = 1" LINE_RULE_TAIL,
	 SCENARIO_ROWS(ich_rows), .requires = ich_requires, .run = run_line,
	 .control = "ICH_HCR_EL2.En",
	 .fields = "+-ICH_HCR_EL2.En +-ICH_VMCR_EL2.VENG1 +-HCR_EL2.IMO +-HCR_EL2.FMO");
