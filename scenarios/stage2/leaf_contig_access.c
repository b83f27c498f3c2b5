/* SPDX-License-Identifier: MIT */
/*
 * stage2.leaf.contig.access: stage2.leaf.contig's groups seen through real guest loads, which
 * go through the stage-2 TLB (AT may walk the tables afresh). A 4K level-3 group of 16 pages
 * at IPA 4 GiB maps guest RAM; every page of guest RAM from 64 KiB up holds its own number in
 * its first doubleword, so the value a load returns names the page it reached. The guest loads
 * three entries of the group, the odd one first (guest/leaf.S gp_leaf_load3), and each value
 * must be that of one of the PAs s2_desc_contig_permitted() allows for that entry
 * (scenarios/model/s2_desc_model.c): for a correct group its own page only; with one entry's
 * OA moved two groups up (oa) or every OA one page up (unaligned), its own page or the page the
 * group gives when any one entry is cached for all 16 (D8.7.1.1, RJQQTC). Rows whose permitted
 * outcomes include a fault (TLB conflict, holes) stay with AT in stage2.leaf.contig.
 */
#include "arch/pte.h"
#include "hvc.h"
#include "leaf_map.h"

enum access_kind { A_OK, A_OA, A_UNALIGNED };

struct leaf_contig_access_row {
	const char *name;
	enum access_kind kind;
};

static const struct leaf_contig_access_row leaf_contig_access_rows[] = {
	{"[4k,l3,ok]", A_OK},
	{"[4k,l3,oa]", A_OA},
	{"[4k,l3,unaligned]", A_UNALIGNED},
};

#define GROUP_IA     (1ULL << 32)
#define GROUP_N	     16
#define PAGE	     0x1000ULL
#define GROUP_RAM    0x10000ULL /* offset in guest RAM of the group's frames */
#define ACCESS_RAM   (256u << 10)
#define PAGE_MARK(p) (0x1eaf000000ULL | (p)) /* the value at the start of RAM page @p */

/* Stage-1-off loads are Device, so the marks are written to the Point of Coherency. */
static bool mark_pages(struct vm *vm)
{
	for (uint64_t p = GROUP_RAM / PAGE; p < ACCESS_RAM / PAGE; p++) {
		uint64_t mark = PAGE_MARK(p);

		if (vm_load(vm, IPA(vm->ram_ipa + p * PAGE), &mark, sizeof(mark))) {
			return false;
		}
	}
	return true;
}

static void build_group(const struct leaf_contig_access_row *r, const struct leaf_vm *lv,
			uint64_t *g)
{
	uint64_t base = (uintptr_t)lv->vm->ram + GROUP_RAM;

	for (unsigned k = 0; k < GROUP_N; k++) {
		uint64_t oa = base + k * PAGE;

		if (r->kind == A_OA && k == GROUP_N - 1) {
			oa += 2 * GROUP_N * PAGE;
		} else if (r->kind == A_UNALIGNED) {
			oa += PAGE;
		}
		g[k] = leaf_oa_desc(lv, oa) | LEAF_ATTR | PTE_CONT | 3;
	}
}

/* The value a load of @ia may return: the mark of any permitted outcome's page. */
static bool value_permitted(const struct leaf_vm *lv, const struct s2_desc_permitted *p, uint64_t v)
{
	for (unsigned i = 0; i < p->n; i++) {
		if (p->v[i].kind == S2D_LEAF &&
		    v == PAGE_MARK((p->v[i].pa - (uintptr_t)lv->vm->ram) / PAGE)) {
			return true;
		}
	}
	return false;
}

static void run_leaf_contig_access(struct scenario_ctx *c, const void *row)
{
	const struct leaf_contig_access_row *r = row;
	const unsigned probes[] = {r->kind == A_OA ? GROUP_N - 1 : GROUP_N / 2, 0, 5};
	uint64_t g[GROUP_N], path[4];
	struct sc_setup s = {
		.payload = GSYM(gp_leaf_load3),
		.args = {GROUP_IA + probes[0] * PAGE, GROUP_IA + probes[1] * PAGE,
			 GROUP_IA + probes[2] * PAGE},
		.vm = {.ram_size = ACCESS_RAM, .ram_pages_only = true},
	};
	struct leaf_vm lv;

	if (!leaf_start_with(c, &s, &lv)) {
		return;
	}
	if (!mark_pages(lv.vm)) {
		sc_fail(c, "could not mark the guest RAM pages");
		return;
	}
	uint64_t *slot = leaf_slot(c, &lv, GROUP_IA, 3, 4);

	if (!slot) {
		return;
	}
	leaf_path(&lv, GROUP_IA, path);
	build_group(r, &lv, g);
	leaf_write(slot, g, GROUP_N);

	struct exit e = sc_run(c);

	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	for (unsigned i = 0; i < 3; i++) {
		uint64_t ia = GROUP_IA + probes[i] * PAGE, got;
		struct s2_desc_permitted p;

		if (!sc_report(c, GREPORT_USER + i, &got)) {
			return;
		}
		/* Consistent Contiguous bits: FEAT_BBM does not enter (bbm = 2 is never used). */
		if (!s2_desc_contig_permitted(&lv.cfg, lv.start_level, path, 3, g, ia, 2, &p)) {
			sc_fail(c, "the oracle cannot model the group: the row is wrong");
			return;
		}
		if (!value_permitted(&lv, &p, got)) {
			sc_fail(c,
				"a load of IPA 0x%llx returned 0x%llx, the mark of no permitted "
				"page",
				(unsigned long long)ia, (unsigned long long)got);
			for (unsigned k = 0; k < p.n; k++) {
				uint64_t page = (p.v[k].pa - (uintptr_t)lv.vm->ram) / PAGE;

				sc_diag(c, "permitted_pa", "0x%llx (mark 0x%llx)",
					(unsigned long long)p.v[k].pa,
					(unsigned long long)PAGE_MARK(page));
			}
		}
	}
}

SCENARIO(stage2_leaf_contig_access, .id = "stage2.leaf.contig.access",
	 .rule = "a guest load through a group of 4K pages with the Contiguous bit reaches the "
		 "entry's own page when the group is correct, and its own page or the one the "
		 "group gives when any one entry is cached for all 16 when an OA is misprogrammed "
		 "(D8.7.1.1 RJQQTC)",
	 SCENARIO_ROWS(leaf_contig_access_rows), .run = run_leaf_contig_access);
