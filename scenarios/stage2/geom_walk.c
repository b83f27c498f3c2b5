/* SPDX-License-Identifier: MIT */
/* Shared by the stage2.geom families (geom_walk.h). */
#include "geom_walk.h"

#include <stdio.h>

#include "arch/el2.h"
#include "cpu_id.h"
#include "smp.h"

/* PAR_EL1 with F = 1 (AT on a fault): FST[6:1], PTW (8), S (9). */
#define PAR_FST_SHIFT 1
#define PAR_FST_MASK  0x3fULL
#define PAR_PTW	      BIT(8)
#define PAR_S	      BIT(9)

const struct s2_geom_cpu *geom_cpu(void)
{
	static struct s2_geom_cpu per_cpu[CPU_MAX];
	static bool done[CPU_MAX];
	unsigned i = smp_this_cpu();

	if (!done[i]) {
		s2_geom_cpu_init(&per_cpu[i], cpu_id_regs()->mmfr0, cpu_id_regs()->mmfr2);
		done[i] = true;
	}
	return &per_cpu[i];
}

struct s2_vtcr geom_vtcr_fields(uint64_t vtcr)
{
	static const unsigned tg0[4] = {12, 16, 14, 12}; /* 0b11 reserved: not produced here */

	return (struct s2_vtcr){
		.granule_shift = tg0[(vtcr >> VTCR_TG0_SHIFT) & 3],
		.t0sz = (unsigned)(vtcr & VTCR_T0SZ_MASK),
		.sl0 = (unsigned)((vtcr & VTCR_SL0_MASK) >> VTCR_SL0_SHIFT),
		.sl2 = (vtcr & VTCR_SL2) != 0,
		.ds = (vtcr & VTCR_DS) != 0,
		.ps = (unsigned)((vtcr & VTCR_PS_MASK) >> VTCR_PS_SHIFT),
	};
}

bool geom_walk_input(struct vm *vm, uint64_t ipa, uint64_t leaf_oa, struct s2_walk_input *in)
{
	const struct pgt_geom *g = &vm->geom;
	const uint64_t *table = vm->root;

	*in = (struct s2_walk_input){
		.ipa = ipa, .baddr = (uintptr_t)vm->root | vm->vttbr_baddr_or, .leaf_oa = leaf_oa};
	for (int level = g->start_level; level <= 3; level++) {
		uint64_t desc = pgt_read_desc(&table[pgt_index(g, level, ipa)]);

		if (!pgt_desc_is_valid(desc)) {
			return false;
		}
		if (!pgt_desc_is_table(desc, level)) {
			in->leaf_level = level;
			return true;
		}
		in->next_table[level + 1] = pgt_desc_oa(g, desc);
		table = (const uint64_t *)(uintptr_t)in->next_table[level + 1];
	}
	return false;
}

uint64_t *geom_table_desc(struct vm *vm, uint64_t ipa, int level)
{
	const struct pgt_geom *g = &vm->geom;
	uint64_t *table = vm->root;

	for (int l = g->start_level; l < 3; l++) {
		uint64_t *ptep = &table[pgt_index(g, l, ipa)];
		uint64_t desc = pgt_read_desc(ptep);

		if (!pgt_desc_is_table(desc, l)) {
			return NULL;
		}
		if (l == level) {
			return ptep;
		}
		table = (uint64_t *)(uintptr_t)pgt_desc_oa(g, desc);
	}
	return NULL;
}

static const char *const fault_names[] = {
	[S2_FAULT_NONE] = "none",
	[S2_FAULT_TRANSLATION] = "translation",
	[S2_FAULT_ADDRESS_SIZE] = "address-size",
};

/* The PAR_EL1 value an outcome gives, with the bits the check compares. */
static bool par_matches(uint64_t par, const struct s2_walk_result *r)
{
	if (r->fault == S2_FAULT_NONE) {
		return !(par & PAR_F) && (par & PAR_PA_MASK) == (r->pa & PAR_PA_MASK);
	}
	return (par & PAR_F) && ((par >> PAR_FST_SHIFT) & PAR_FST_MASK) == s2_fsc(r) &&
	       (par & PAR_S) && !(par & PAR_PTW);
}

void geom_check_at(struct scenario_ctx *c, const struct s2_geom_set *set,
		   const struct s2_walk_input *in, const char *what)
{
	struct s2_walk_result r[S2_GEOM_MAX];
	char buf[160];
	size_t len = 0;
	uint64_t par;

	if (vcpu_at_s12(sc_vcpu(c), AT_S12E1R, in->ipa, &par)) {
		sc_fail(c, "vcpu_at_s12 refused the vCPU");
		return;
	}
	for (unsigned i = 0; i < set->n; i++) {
		s2_walk_expect(&set->v[i], in, &r[i]);
		if (par_matches(par, &r[i])) {
			return;
		}
	}
	sc_fail(c, "%s: AT S12E1R of IPA 0x%llx gave PAR_EL1 0x%016llx, not a permitted outcome",
		what, (unsigned long long)in->ipa, (unsigned long long)par);
	buf[0] = '\0';
	for (unsigned i = 0; i < set->n && len < sizeof(buf); i++) {
		if (r[i].fault == S2_FAULT_NONE) {
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%spa=0x%llx",
						i ? " | " : "", (unsigned long long)r[i].pa);
		} else {
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s fault level %d (F=1 FST=0x%02x S=1 PTW=0)",
						i ? " | " : "", fault_names[r[i].fault], r[i].level,
						s2_fsc(&r[i]));
		}
	}
	sc_diag(c, "expected", "{ %s: \"%s\" }", what, buf);
	sc_diag(c, "got", "{ %s.par_el1: 0x%016llx }", what, (unsigned long long)par);
}
