/* SPDX-License-Identifier: MIT */
/*
 * smp.fb.tlbi, smp.fb.ic: HCR_EL2.FB (force broadcast). Two vCPUs of one VM (xpe_probe.h):
 * v[1] stays in the guest on PE 1, v[0] runs on PE 0. Both read the probe VA through their
 * own (flat) stage 1 (page 1) or run gl_xp_patch (MOVZ X1, #1), so each PE may cache the
 * translation or the instruction. Then the guest itself, on v[0] at EL1 on PE 0, changes its
 * stage-1 descriptor to page 2 and issues the non-broadcast TLBI VMALLE1 or TLBI VAE1 (or
 * rewrites the instruction to MOVZ X1, #2 and issues IC IALLU), with DSB ISH and ISB, and v[1]
 * reads (or runs) again.
 *
 * With FB = 1 these instructions, executed at EL1, are broadcast within the Inner Shareable
 * domain (Arm ARM, HCR_EL2.FB): PE 1 must see page 2 (MOVZ #2) only. With FB = 0 they act on
 * PE 0 only: PE 1 may see either, exactly page 1 or page 2. PE 0 sees the new one either way.
 * The TLB sets come from tlb_model.c (stage-1 entries keyed by the VA, one TLB per PE); the
 * instruction's is the same rule for the instruction cache: {old, new} or {new}.
 */
#include "arch/el2.h"
#include "cpu_id.h"
#include "xpe_probe.h"

struct fb_row {
	const char *name;
	bool fb;
	unsigned op; /* XP_OP_S1_VMALLE1, XP_OP_S1_VAE1, XP_OP_IC_IALLU */
};

static const struct fb_row fb_tlbi_rows[] = {
	{"[fb=0,vmalle1]", false, XP_OP_S1_VMALLE1},
	{"[fb=1,vmalle1]", true, XP_OP_S1_VMALLE1},
	{"[fb=0,vae1]", false, XP_OP_S1_VAE1},
	{"[fb=1,vae1]", true, XP_OP_S1_VAE1},
};

static const struct fb_row fb_ic_rows[] = {
	{"[fb=0,ic-iallu]", false, XP_OP_IC_IALLU},
	{"[fb=1,ic-iallu]", true, XP_OP_IC_IALLU},
};

/* One read of the probe VA by v[@k]: its page must be in the model's set for PE @k. */
static bool read_va(struct scenario_ctx *c, struct xpe *x, struct tlb_model *m, unsigned k,
		    unsigned out, const char *what)
{
	uint32_t permitted = tlb_model_read_va(m, k, &x->p.regime, PROBE_IPA, out, 3);

	sc_diag(c, "step", "%s (vcpu %u on cpu %u)", what, k, sc_pe(c, k));
	if (!permitted) {
		sc_fail(c, "the tlb model is full");
		return false;
	}
	return xpe_op(c, x, k, XP_OP_READ, 0, 0, NULL) &&
	       s2probe_check(c, what, xpe_read_out(x, k), permitted);
}

static void run_fb_tlbi(struct scenario_ctx *c, const void *row)
{
	const struct fb_row *r = row;
	struct xpe x;
	struct tlb_model m;
	const struct tlb_inval op = {.kind = r->op == XP_OP_S1_VAE1 ? TLBI_SCOPE_VAE1
								    : TLBI_SCOPE_VMALLE1,
				     .va = PROBE_IPA,
				     .broadcast = r->fb};

	if (!xpe_setup(c, &x, r->fb ? HCR_FB : 0)) {
		return;
	}
	tlb_model_init(&m, cpu_has(cpu_id_regs(), CPU_VMID16));

	uint64_t desc = s2probe_s1_page_desc(s2probe_page_ipa(&x.p, 1));

	if (xpe_start1(c, &x) && read_va(c, &x, &m, 1, x.p.out[0], "first read on PE 1") &&
	    read_va(c, &x, &m, 0, x.p.out[0], "first read on PE 0") &&
	    xpe_op(c, &x, 0, r->op, desc, s2probe_s1_desc_va(&x.p), NULL)) {
		tlb_model_tlbi_on(&m, 0, &x.p.regime, &op);
		read_va(c, &x, &m, 1, x.p.out[1], "read on PE 1 after the guest's change on PE 0");
		read_va(c, &x, &m, 0, x.p.out[1], "read on PE 0 after its change");
	}
	xpe_finish(c, &x);
	s2probe_release(&x.p);
}

/* x1 of gl_xp_patch run by v[@k]: @fresh only, or also @stale. */
static bool call(struct scenario_ctx *c, struct xpe *x, unsigned k, uint64_t fresh, bool stale_ok,
		 uint64_t stale, const char *what)
{
	sc_diag(c, "step", "%s (vcpu %u on cpu %u)", what, k, sc_pe(c, k));
	if (!xpe_op(c, x, k, XP_OP_CALL, 0, 0, NULL)) {
		return false;
	}
	uint64_t got = xpe_mb(x, k, XP_OUT0);

	if (got == fresh || (stale_ok && got == stale)) {
		return true;
	}
	sc_fail(c, "%s: gl_xp_patch gave x1 = %llu", what, (unsigned long long)got);
	sc_diag(c, "expected", stale_ok ? "x1 = %llu or %llu" : "x1 = %llu",
		(unsigned long long)fresh, (unsigned long long)stale);
	return false;
}

static void run_fb_ic(struct scenario_ctx *c, const void *row)
{
	const struct fb_row *r = row;
	struct xpe x;

	if (!xpe_setup(c, &x, r->fb ? HCR_FB : 0)) {
		return;
	}
	if (xpe_start1(c, &x) && call(c, &x, 1, 1, false, 0, "first run on PE 1") &&
	    call(c, &x, 0, 1, false, 0, "first run on PE 0") &&
	    xpe_op(c, &x, 0, XP_OP_IC_IALLU, XP_MOVZ_X1(2), GSYM(gl_xp_patch), NULL)) {
		call(c, &x, 1, 2, !r->fb, 1, "run on PE 1 after the guest's rewrite on PE 0");
		call(c, &x, 0, 2, false, 0, "run on PE 0 after its rewrite");
	}
	xpe_finish(c, &x);
	s2probe_release(&x.p);
}

SCENARIO(smp_fb_ic, .id = "smp.fb.ic",
	 .rule = "a guest rewrites an instruction on PE 0 (DC CVAU, DSB ISH, IC IALLU, DSB ISH, "
		 "ISB) that its vCPU on PE 1 had run: with HCR_EL2.FB = 1 the IC IALLU is "
		 "broadcast to the Inner Shareable domain and PE 1 (after an ISB) runs the new "
		 "instruction only; with FB = 0 it may run the old or the new one, exactly those",
	 SCENARIO_ROWS(fb_ic_rows), .run = run_fb_ic, .pes = 2, .fields = "+-HCR_EL2.FB");

SCENARIO(smp_fb_tlbi, .id = "smp.fb.tlbi",
	 .rule = "a guest changes its stage-1 descriptor on PE 0 and issues TLBI VMALLE1 or TLBI "
		 "VAE1 (DSB ISH, ISB) at EL1: with HCR_EL2.FB = 1 they are broadcast to the Inner "
		 "Shareable domain and its vCPU on PE 1 sees the new page only; with FB = 0 it may "
		 "see the old or the new page, exactly those; PE 0 sees the new page "
		 "(tlb_model.c, stage-1 entries, one TLB per PE)",
	 SCENARIO_ROWS(fb_tlbi_rows), .run = run_fb_tlbi, .pes = 2, .fields = "+-HCR_EL2.FB");
