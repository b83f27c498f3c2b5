/* SPDX-License-Identifier: MIT */
/*
 * The virq.lr.* instance (lr_run.h): load the row into a fresh vCPU, run gp_virq_lr, and step
 * the vGIC oracle through what the guest did, checking each value on the way.
 */
#include <stdio.h>
#include <string.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "gic_model.h"
#include "lr_run.h"
#include "scenario.h"

/* The encoding width of a row's values: everything an LR can hold, whatever the CPU keeps. */
static const struct vgic_vtr lr_full_width = {
	.list_regs = VGIC_LRS_MAX, .pri_bits = 8, .pre_bits = 7, .id_bits = 24};

const char *vlr_requires(const void *row, char *why, size_t len)
{
	const struct vlr_row *r = row;
	uint64_t raw;
	struct vgic_vtr vtr;

	if (vmm_caps.gic_version != 3) {
		snprintf(why, len, "needs the GICv3 list registers (GIC version %u)",
			 vmm_caps.gic_version);
		return why;
	}
	raw = read_ich_vtr_el2();
	vtr = vgic_vtr_decode(raw);
	if (r->nlr > vtr.list_regs) {
		snprintf(why, len, "needs %u list registers (ICH_VTR_EL2.ListRegs=%u: %u)", r->nlr,
			 (unsigned)ICH_VTR_LISTREGS(raw), vtr.list_regs);
		return why;
	}
	if (r->pri_bits > vtr.pri_bits) {
		snprintf(why, len, "needs %u priority bits (ICH_VTR_EL2.PRIbits=%u: %u bits)",
			 r->pri_bits, (unsigned)ICH_VTR_PRIBITS(raw), vtr.pri_bits);
		return why;
	}
	if (r->pri_bits_below && vtr.pri_bits >= r->pri_bits_below) {
		snprintf(why, len,
			 "checks an unimplemented priority bit: needs fewer than %u priority bits "
			 "(ICH_VTR_EL2.PRIbits=%u: %u bits)",
			 r->pri_bits_below, (unsigned)ICH_VTR_PRIBITS(raw), vtr.pri_bits);
		return why;
	}
	if (r->pre_bits > vtr.pre_bits) {
		snprintf(why, len, "needs %u preemption bits (ICH_VTR_EL2.PREbits=%u: %u bits)",
			 r->pre_bits, (unsigned)ICH_VTR_PREBITS(raw), vtr.pre_bits);
		return why;
	}
	return NULL;
}

/* The guest's ICV_CTLR/BPR/IGRPEN/PMR writes, in its order, applied to @vmcr (gic_model.h). */
static uint64_t guest_writes(const struct vlr_row *r, uint64_t vtr, uint64_t vmcr)
{
	struct icv_state icv = {.vtr = vtr, .vmcr = vmcr};

	if (r->flags & VF_WRITE_CTL) {
		icv_write(&icv, ICV_CTLR, (r->ctl & VCTL_CBPR) ? 1 : 0);
		icv_write(&icv, ICV_BPR0, r->ctl & 7);
		icv_write(&icv, ICV_BPR1, (r->ctl >> 8) & 7);
		icv_write(&icv, ICV_IGRPEN0, (r->ctl & VCTL_IGRPEN0) ? 1 : 0);
		icv_write(&icv, ICV_IGRPEN1, (r->ctl & VCTL_IGRPEN1) ? 1 : 0);
	}
	if (r->flags & VF_WRITE_PMR) {
		icv_write(&icv, ICV_PMR, r->pmr);
	}
	return icv.vmcr;
}

/* ICV_HPPIR<g>: one of the candidates' values (or 1023 when none). */
static void check_hppir(struct scenario_ctx *c, const struct vgic_state *s, unsigned g,
			unsigned key)
{
	uint32_t set = vgic_hppi_candidates(s);
	uint64_t v;

	if (!sc_report(c, key, &v)) {
		return;
	}
	for (unsigned n = 0; n < VGIC_LRS_MAX; n++) {
		if ((set & (1u << n)) && vgic_hppir(s, g, (int)n) == v) {
			return;
		}
	}
	sc_expect_u64(c, g ? "icv_hppir1" : "icv_hppir0", v, vgic_hppir(s, g, vgic_hppi_first(s)));
	if (set & (set - 1)) {
		sc_diag(c, "hppi_candidates", "0x%x (equal priorities: any of them)", set);
	}
}

/*
 * An ICV_IAR<g> read that returned @v: accept any candidate whose acknowledge returns @v and
 * continue with that choice; otherwise fail against the first candidate's result.
 */
static void step_ack(struct scenario_ctx *c, struct vgic_state *s, unsigned g, uint64_t v,
		     const char *what)
{
	uint32_t set = vgic_hppi_candidates(s);
	struct vgic_state t;

	for (unsigned n = 0; n < VGIC_LRS_MAX; n++) {
		if (set & (1u << n)) {
			t = *s;
			if (vgic_ack(&t, g, (int)n) == v) {
				*s = t;
				return;
			}
		}
	}
	t = *s;
	sc_expect_u64(c, what, v, vgic_ack(s, g, vgic_hppi_first(&t)));
	if (set & (set - 1)) {
		sc_diag(c, "hppi_candidates", "0x%x (equal priorities: any of them)", set);
	}
}

/* The unmasked window: the vector taken (or not) must be a permitted vgic_signal(). */
static void step_window(struct scenario_ctx *c, struct vgic_state *s)
{
	struct vcpu *v = sc_vcpu(c);
	unsigned sig = vgic_signal(s);
	uint64_t vec, intid;

	if (!(v->reported & (1u << VK_VECTOR))) {
		if (!(sig & VGIC_SIG_NONE)) {
			sc_fail(c, "a v%s was due in the %u-iteration unmasked window, none taken",
				(sig & VGIC_SIG_VIRQ) ? "IRQ" : "FIQ", VLR_WINDOW);
		}
		return;
	}
	vec = v->reports[VK_VECTOR];
	if (!(vec == 0x280 && (sig & VGIC_SIG_VIRQ)) && !(vec == 0x300 && (sig & VGIC_SIG_VFIQ))) {
		sc_fail(c, "vector 0x%llx taken in the unmasked window; permitted: %s%s%s",
			(unsigned long long)vec, (sig & VGIC_SIG_NONE) ? "none " : "",
			(sig & VGIC_SIG_VIRQ) ? "0x280 (vIRQ) " : "",
			(sig & VGIC_SIG_VFIQ) ? "0x300 (vFIQ)" : "");
		return;
	}
	if (sc_report(c, VK_VEC_INTID, &intid)) {
		step_ack(c, s, vec == 0x280 ? 1 : 0, intid,
			 vec == 0x280 ? "vector_icv_iar1" : "vector_icv_iar0");
	}
}

/* Set the active priority bit of every active LR, as an acknowledge would have. */
static void set_acked_aprs(struct vgic_state *s)
{
	for (unsigned n = 0; n < s->vtr.list_regs; n++) {
		const struct vgic_lr *lr = &s->lr[n];

		if (lr->state & VGIC_LR_ACTIVE) {
			unsigned bit = vgic_apr_bit(s, lr->priority, lr->group);

			s->apr[lr->group][bit / 32] |= 1u << (bit % 32);
		}
	}
}

/* The ICV_AP<g>R<n> the guest reads: the register of the first pending LR's priority bit. */
static unsigned apr_to_read(const struct vgic_state *s)
{
	int n = vgic_hppi_first(s);
	unsigned reg = n < 0 ? 0 : vgic_apr_bit(s, s->lr[n].priority, s->lr[n].group) / 32;

	return reg < vgic_apr_count(&s->vtr) ? reg : 0;
}

/* After the run: what the vmm saved of the virtual interface against the oracle's state. */
static void check_saved(struct scenario_ctx *c, const struct vgic_state *s)
{
	const struct vgic_cpu *g = &sc_vcpu(c)->vgic;
	uint32_t lrs_mask = (uint32_t)((1ULL << s->vtr.list_regs) - 1);
	char what[32];

	for (unsigned n = 0; n < s->vtr.list_regs; n++) {
		snprintf(what, sizeof(what), "ich_lr%u_el2", n);
		sc_expect_u64(c, what, g->lr[n], vgic_lr_encode(&s->lr[n], &s->vtr));
	}
	for (unsigned n = 0; n < vgic_apr_count(&s->vtr); n++) {
		snprintf(what, sizeof(what), "ich_ap0r%u_el2", n);
		sc_expect_u64(c, what, g->ap0r[n], s->apr[0][n]);
		snprintf(what, sizeof(what), "ich_ap1r%u_el2", n);
		sc_expect_u64(c, what, g->ap1r[n], s->apr[1][n]);
	}
	sc_expect_u64(c, "ich_eisr_el2", g->eisr & lrs_mask, vgic_eisr(s));
	sc_expect_u64(c, "ich_elrsr_el2", g->elrsr & lrs_mask, vgic_elrsr(s));
	sc_expect_u64(c, "ich_misr_el2", g->misr, vgic_misr(s));
}

void vlr_run(struct scenario_ctx *c, const void *row)
{
	const struct vlr_row *r = row;
	uint64_t vtr = read_ich_vtr_el2(), written[VGIC_LRS_MAX], v;
	struct vgic_state s;
	struct vcpu *vc;
	unsigned apr_n;

	vgic_state_init(&s, vtr, r->vmcr, ICH_HCR_EN);
	for (unsigned n = 0; n < r->nlr; n++) {
		written[n] = vgic_lr_encode(&r->lr[n], &lr_full_width);
		s.lr[n] = vgic_lr_decode(written[n], &s.vtr);
	}
	if (r->acked) {
		struct vgic_state after = s;

		after.vmcr = guest_writes(r, vtr, r->vmcr);
		set_acked_aprs(&after);
		memcpy(s.apr, after.apr, sizeof(s.apr));
	}
	apr_n = apr_to_read(&s);
	vc = sc_start(c, &(struct sc_setup){
				 .payload = GSYM(gp_virq_lr),
				 .args = {r->flags | apr_n << VF_APR_SHIFT, r->pmr, r->ctl},
				 .vcpu.ich_hcr = ICH_HCR_EN,
				 .vcpu.ich_vmcr = r->vmcr,
			 });
	if (!vc) {
		return;
	}
	for (unsigned n = 0; n < r->nlr; n++) {
		vc->vgic.lr[n] = written[n];
	}
	for (unsigned n = 0; n < VGIC_APRS_MAX; n++) {
		vc->vgic.ap0r[n] = s.apr[0][n];
		vc->vgic.ap1r[n] = s.apr[1][n];
	}
	struct exit e = sc_run(c);

	sc_diag(c, "ich_vtr_el2", "0x%llx", (unsigned long long)vtr);
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	s.vmcr = guest_writes(r, vtr, s.vmcr);
	if (r->flags & VF_UNMASK) {
		step_window(c, &s);
	}
	check_hppir(c, &s, 0, VK_HPPIR0);
	check_hppir(c, &s, 1, VK_HPPIR1);
	if (sc_report(c, VK_RPR, &v)) {
		sc_expect_u64(c, "icv_rpr", v, vgic_rpr(&s));
	}
	for (unsigned i = 0; i < 2; i++) {
		unsigned g = (r->flags & VF_IAR1_FIRST) ? 1 - i : i;

		if (sc_report(c, g ? VK_IAR1 : VK_IAR0, &v)) {
			step_ack(c, &s, g, v, g ? "icv_iar1" : "icv_iar0");
		}
	}
	if (sc_report(c, VK_RPR_ACK, &v)) {
		sc_expect_u64(c, "icv_rpr_after_iar", v, vgic_rpr(&s));
	}
	if (sc_report(c, VK_AP0R, &v)) {
		sc_expect_u64(c, "icv_ap0r_n", v, s.apr[0][apr_n]);
	}
	if (sc_report(c, VK_AP1R, &v)) {
		sc_expect_u64(c, "icv_ap1r_n", v, s.apr[1][apr_n]);
	}
	check_saved(c, &s);
}
