/* SPDX-License-Identifier: MIT */
/* One vCPU of a vSGI instance: its record and its oracle prediction (see sgi_vcpu.h). */
#include "virq/sgi_vcpu.h"

#include "arch/el2.h"
#include "kalloc.h"
#include "scenario.h"

uint64_t vsgi_vmcr(void)
{
	return ICH_VMCR_VENG0 | ICH_VMCR_VENG1 | ICH_VMCR_VFIQEN | ICH_VMCR_VPMR(0xff);
}

/* At most VGIC_LRS_MAX rounds: each EOI retires an LR. */
struct vsgi_expect vsgi_predict(const struct vgic_state *start)
{
	struct vgic_state s = *start;
	struct vsgi_expect e = {0};

	for (unsigned k = 0; k < VGIC_LRS_MAX; k++) {
		unsigned sig = vgic_signal(&s);
		struct vgic_outcome out[VGIC_OUTCOMES_MAX];

		if (sig & (sig - 1)) {
			e.ambiguous =
				true; /* equal-priority candidates: not a row of these tables */
		}
		if (!(sig & (VGIC_SIG_VIRQ | VGIC_SIG_VFIQ))) {
			break;
		}
		unsigned group = (sig & VGIC_SIG_VIRQ) ? 1 : 0;
		uint32_t id = vgic_ack(&s, group, vgic_hppi_first(&s));

		if (id >= 1020) {
			break;
		}
		e.mask[group] |= 1ULL << (id & 63);
		e.taken++;
		if (vgic_eoir(&s, group, id, out) != 1) {
			e.ambiguous = true;
		}
		s = out[0].s;
	}
	for (unsigned g = 0; g < 2; g++) {
		struct vgic_state t = s;

		e.hppir[g] = vgic_hppir(&s, g, vgic_hppi_first(&s));
		e.iar[g] = vgic_ack(&t, g, vgic_hppi_first(&t));
	}
	e.lr0 = vgic_lr_encode(&s.lr[0], &s.vtr);
	return e;
}

/*
 * The guest wrote its record with the MMU off, i.e. non-cacheable: clean and invalidate the
 * harness's lines before reading.
 */
const uint64_t *vsgi_record(struct vm *vm, unsigned i)
{
	const uint64_t *r = vm_ram_ptr(vm, IPA(GSYM(gl_vsgi_results) + VSGI_RECORD * i),
				       VSGI_R_WORDS * sizeof(uint64_t));

	if (r) {
		kcache_clean_inval(r, VSGI_R_WORDS * sizeof(uint64_t));
	}
	return r;
}

void vsgi_expect_vcpu(struct scenario_ctx *c, struct vcpu *v, const uint64_t *rec, uint64_t mpidr,
		      const struct vsgi_expect *x)
{
	static const char *const keys[] = {"irq_mask", "fiq_mask", "taken", "spurious",
					   "hppir1",   "hppir0",   "iar1",  "iar0"};
	uint64_t want[] = {x->mask[1],	x->mask[0],  x->taken,	0,
			   x->hppir[1], x->hppir[0], x->iar[1], x->iar[0]};

	if (!sc_expect_u64(c, "record_done", rec[VSGI_R_DONE], VSGI_DONE)) {
		return;
	}
	sc_expect_u64(c, "mpidr_el1", rec[VSGI_R_MPIDR], mpidr);
	for (unsigned k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		sc_expect_u64(c, keys[k], rec[VSGI_R_IRQ_MASK + k], want[k]);
	}
	sc_expect_u64(c, "ich_lr0_el2", v->vgic.lr[0], x->lr0);
}
