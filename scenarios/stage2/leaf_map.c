/* SPDX-License-Identifier: MIT */
/* The stage2.leaf test bench (leaf_map.h). */
#include "leaf_map.h"

#include <stdio.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/pte.h"
#include "arch/sysreg.h"
#include "cpu_id.h"
#include "esr_model.h"
#include "mmu.h"

/* The oracle's view of the VM: VTCR_EL2 as the vmm will load it, and the CPU's PARange. */
static struct s2_desc_cfg cfg_of(const struct vm *vm)
{
	uint64_t vtcr = vm->vtcr, tg0 = vtcr & (3ULL << VTCR_TG0_SHIFT);

	return (struct s2_desc_cfg){
		.granule_shift = tg0 == VTCR_TG0_4K    ? 12
				 : tg0 == VTCR_TG0_16K ? 14
						       : 16,
		.ds = (vtcr & VTCR_DS) != 0,
		.ps_bits = mmu_parange_bits((unsigned)FIELD_GET(vtcr, VTCR_PS_SHIFT, 3)),
		.pa_max = mmu_parange_bits((unsigned)MMFR0_PARANGE(cpu_id_regs()->mmfr0)),
	};
}

bool leaf_start_with(struct scenario_ctx *c, const struct sc_setup *s, struct leaf_vm *lv)
{
	if (!sc_start(c, s)) {
		return false;
	}
	lv->vm = sc_vm(c);
	lv->cfg = cfg_of(lv->vm);
	lv->start_level = lv->vm->geom.start_level;
	return true;
}

bool leaf_start(struct scenario_ctx *c, unsigned granule_shift, unsigned ipa_bits, uint64_t payload,
		uint64_t arg, struct leaf_vm *lv)
{
	struct sc_setup s = {.payload = payload,
			     .args = {arg},
			     .vm = {.granule_shift = granule_shift,
				    .ipa_bits = ipa_bits,
				    .ram_size = LEAF_RAM_SIZE,
				    .ram_pages_only = true}};

	return leaf_start_with(c, &s, lv);
}

void leaf_set_vtcr(struct leaf_vm *lv, unsigned ps_bits, bool ds)
{
	uint64_t vtcr = lv->vm->vtcr & ~VTCR_DS;

	/* VTCR_EL2.PS uses the ID_AA64MMFR0_EL1.PARange encoding. */
	for (unsigned enc = 0; ps_bits && mmu_parange_bits(enc); enc++) {
		if (mmu_parange_bits(enc) == ps_bits) {
			vtcr = (vtcr & ~LEAF_VTCR_PS_MASK) | (uint64_t)enc << VTCR_PS_SHIFT;
		}
	}
	lv->vm->vtcr = vtcr | (ds ? VTCR_DS : 0);
	lv->cfg = cfg_of(lv->vm);
}

struct first_leaf {
	uint64_t *ptep;
	unsigned level;
};

static int record_first_leaf(const struct pgt_walk_ctx *w)
{
	struct first_leaf *f = w->arg;

	if (!f->ptep) {
		f->ptep = w->ptep;
		f->level = w->level;
	}
	return PGT_OK;
}

/* The first non-table entry on @ia's walk in the vmm's own table, and its level. */
static struct first_leaf find_leaf(struct leaf_vm *lv, uint64_t ia)
{
	struct first_leaf f = {0};
	struct pgt_visitor v = {.leaf = record_first_leaf, .flags = PGT_WALK_LEAF};

	pgt_walk(&lv->vm->geom, lv->vm->root, ia, 1, &v, &f);
	return f;
}

uint64_t *leaf_slot(struct scenario_ctx *c, struct leaf_vm *lv, uint64_t ia, unsigned level,
		    unsigned span_log2)
{
	uint64_t granule = 1ULL << lv->cfg.granule_shift;
	struct first_leaf f = find_leaf(lv, ia);

	if (f.ptep && f.level < level) {
		uint64_t near = ia ^ 1ULL << (s2_desc_level_shift(lv->cfg.granule_shift, level) +
					      span_log2);

		/* A page at @near builds the tables down to level 3 beside @ia's entries. */
		if (vm_map(lv->vm, IPA(near & ~(granule - 1)), PADDR((uintptr_t)lv->vm->ram),
			   granule, LEAF_ATTR)) {
			sc_fail(c, "vm_map of the neighbour page at 0x%llx failed",
				(unsigned long long)near);
			return NULL;
		}
		f = find_leaf(lv, ia);
	}
	if (!f.ptep || f.level != level || pgt_read_desc(f.ptep) != 0) {
		sc_fail(c, "no free level-%u entry for IPA 0x%llx (walk stops at level %u)", level,
			(unsigned long long)ia, f.level);
		return NULL;
	}
	return f.ptep;
}

static int record_table_at(const struct pgt_walk_ctx *w)
{
	struct first_leaf *f = w->arg;

	if (w->level == (int)f->level) {
		f->ptep = w->ptep;
	}
	return PGT_OK;
}

uint64_t *leaf_table_desc(struct leaf_vm *lv, uint64_t ia, unsigned level)
{
	struct first_leaf f = {.level = level};
	struct pgt_visitor v = {.table_pre = record_table_at, .flags = PGT_WALK_TABLE_PRE};

	pgt_walk(&lv->vm->geom, lv->vm->root, ia, 1, &v, &f);
	return f.ptep;
}

void leaf_write(uint64_t *ptep, const uint64_t *desc, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		pgt_write_desc(ptep + i, desc[i]);
	}
	dsb_ishst();
}

struct path_rec {
	uint64_t *path;
	unsigned n;
};

static int record_desc(const struct pgt_walk_ctx *w)
{
	struct path_rec *r = w->arg;

	if (r->n < 4) {
		r->path[r->n++] = pgt_read_desc(w->ptep);
	}
	return PGT_OK;
}

unsigned leaf_path(struct leaf_vm *lv, uint64_t ia, uint64_t path[4])
{
	struct path_rec r = {.path = path};
	struct pgt_visitor v = {.leaf = record_desc,
				.table_pre = record_desc,
				.flags = PGT_WALK_LEAF | PGT_WALK_TABLE_PRE};

	pgt_walk(&lv->vm->geom, lv->vm->root, ia, 1, &v, &r);
	return r.n;
}

uint64_t leaf_oa_desc(const struct leaf_vm *lv, uint64_t oa)
{
	uint64_t desc = oa & ((1ULL << 48) - 1);

	if (lv->cfg.granule_shift == 16) {
		desc |= ((oa >> 48) & 0xf) << 12; /* OA[51:48] in [15:12] (FEAT_LPA) */
	} else if (lv->cfg.ds) {
		desc |= ((oa >> 50) & 3) << 8; /* OA[51:50] in [9:8]; OA[49:48] in place */
		desc |= oa & (3ULL << 48);
	}
	return desc;
}

static const char *outcome_name(enum s2_desc_kind k)
{
	static const char *const names[] = {
		[S2D_TABLE] = "table",
		[S2D_LEAF] = "translates",
		[S2D_FAULT_TRANSLATION] = "translation-fault",
		[S2D_FAULT_ADDR_SIZE] = "address-size-fault",
		[S2D_FAULT_ACCESS] = "access-flag-fault",
		[S2D_FAULT_PERMISSION] = "permission-fault",
		[S2D_TLB_CONFLICT] = "tlb-conflict",
	};

	return names[k];
}

static void diag_permitted(struct scenario_ctx *c, const struct s2_desc_permitted *p, bool write)
{
	char buf[S2D_OUTCOMES_MAX * 48 + 32];
	size_t len = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < p->n && len < sizeof(buf); i++) {
		struct s2_desc_outcome o = s2_desc_for_access(p->v[i], write);

		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s/L%u/par=0x%llx",
					i ? " | " : "", outcome_name(o.kind), o.level,
					(unsigned long long)s2_desc_par_expect(&o));
	}
	if (p->any_translation && len < sizeof(buf)) {
		snprintf(buf + len, sizeof(buf) - len, " | any translation (BBM 0)");
	}
	sc_diag(c, write ? "permitted_w" : "permitted_r", "%s", buf);
}

void leaf_check_at(struct scenario_ctx *c, uint64_t ia, const struct s2_desc_permitted *p,
		   unsigned ops)
{
	static const enum at_s12_op at[] = {AT_S12E1R, AT_S12E1W};

	for (unsigned i = 0; i < 2; i++) {
		bool write = at[i] == AT_S12E1W;
		uint64_t par;

		if (!(ops & (write ? LEAF_AT_W : LEAF_AT_R))) {
			continue;
		}
		if (vcpu_at_s12(sc_vcpu(c), at[i], ia, &par)) {
			sc_fail(c, "vcpu_at_s12 refused the vCPU");
			return;
		}
		if (!s2_desc_permitted_par(p, par, write)) {
			sc_fail(c, "AT S12E1%c of IPA 0x%llx: PAR_EL1 0x%016llx is not permitted",
				write ? 'W' : 'R', (unsigned long long)ia, (unsigned long long)par);
			diag_permitted(c, p, write);
		}
	}
}

void leaf_check_guest_load(struct scenario_ctx *c, uint64_t ia, const struct s2_desc_outcome *o)
{
	const struct dabt_access load = {
		.size_log2 = 3, .rt = 2, .sf = true, .valid_syndrome = true};
	struct exit e = sc_run(c);

	if (!sc_expect_exit(c, &e, EXIT_DABT, esr_expect_dabt_s2(&load, s2_desc_fsc(o)),
			    GSYM(gl_s2_ldr_x2))) {
		return;
	}
	sc_expect_u64(c, "far_el2", e.far, far_expect_dabt(ia));
	sc_expect_u64(c, "hpfar_el2", e.hpfar, hpfar_expect(ia));
	vcpu_skip_insn(sc_vcpu(c));
	e = sc_run(c);
	sc_expect_done(c, &e, 0);
}

const char *leaf_ipa_missing(unsigned granule_shift, unsigned ipa_bits, unsigned level,
			     uint64_t ia_end, char *why, size_t len)
{
	unsigned ipa = ipa_bits && ipa_bits < vmm_caps.ipa_bits ? ipa_bits : vmm_caps.ipa_bits;
	unsigned stride = granule_shift - 3;
	/* vm_create() starts at the deepest level that resolves the IPA with <= 16 root tables. */
	unsigned below = level == 3 ? 0 : s2_desc_level_shift(granule_shift, level + 1);
	bool has_table = level == 3 || (ipa > below && ipa - below > stride + 4);

	if (has_table && (ipa >= 64 || ia_end <= 1ULL << ipa)) {
		return NULL;
	}
	snprintf(why, len,
		 "needs an IPA size with a level-%u table holding 0x%llx "
		 "(ID_AA64MMFR0_EL1.PARange=%u: "
		 "%u-bit IPA)",
		 level, (unsigned long long)ia_end - 1,
		 (unsigned)MMFR0_PARANGE(cpu_id_regs()->mmfr0), ipa);
	return why;
}
