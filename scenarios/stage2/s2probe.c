/* SPDX-License-Identifier: MIT */
/* The stage2.vmid / stage2.tlbi probe (s2probe.h). */
#include <stdio.h>
#include <string.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/pte.h"
#include "esr_model.h"
#include "kalloc.h"
#include "s1_table.h"
#include "s2probe.h"

/*
 * A small RAM (zeroing and cleaning 1 MiB per VM would dominate the instance's time): the guest
 * image at its start, stage-1 tables (if any) 128K below its top, the probe pages 64K below
 * it, the stack above them.
 */
#define PROBE_RAM_SIZE	 0x40000
#define PROBE_TOP_OFFSET 0x10000 /* probe pages this far below the top of RAM */
#define PROBE_S2ATTR	 (PTE_AF | PTE_SH_INNER | PTE_S2AP_RW | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB))

extern const uint8_t guest_image_start[], guest_image_end[];

/*
 * Stage 1 on (s2probe_add(@s1)): flat tables in guest RAM, 128K below its top: level 1 ->
 * level 2 with guest RAM as a 2 MiB block and PROBE_IPA through a level 3 page, all Normal WB
 * (MAIR_EL1 slot 0), EL1 read/write. 39-bit VAs from TTBR0_EL1, 4K granule, WB walks.
 */
#define S1_TOP_OFFSET 0x20000
#define S1_L3_OFFSET  0x2000  /* the level-3 table (of PROBE_IPA) from the level-1 one */
#define FREE_OFFSET   0x18000 /* a page no one uses, below the probe pages */
#define S1_ATTRS      (PTE_S1_ATTRIDX(0) | PTE_SH_INNER | PTE_AF)
#define S1_TCR_EL1                                                                                 \
	(TCR_T0SZ(25) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER | TCR_TG0_4K | TCR_EL1_EPD1)

static int s1_build(struct vm *vm, uint64_t l1)
{
	uint64_t l2 = l1 + 0x1000, l3 = l1 + S1_L3_OFFSET;
	uint64_t attrs = S1_ATTRS;

	_Static_assert((PROBE_IPA >> 30) == (GUEST_RAM_IPA >> 30), "one level-1 entry for both");
	return s1_put_desc(vm, l1, PROBE_IPA, 30, l2 | S1_DESC_TABLE) ||
	       s1_put_desc(vm, l2, PROBE_IPA, 21, l3 | S1_DESC_TABLE) ||
	       s1_put_desc(vm, l2, vm->ram_ipa, 21,
			   (vm->ram_ipa & ~0x1fffffULL) | attrs | S1_DESC_BLOCK) ||
	       s1_put_desc(vm, l3, PROBE_IPA, 12, s2probe_s1_page_desc(PROBE_IPA));
}

uint64_t s2probe_s1_page_desc(uint64_t ipa)
{
	return ipa | S1_ATTRS | S1_DESC_PAGE;
}

static uint64_t s1_l1(const struct vm_config *cfg)
{
	return (cfg->ram_ipa ? cfg->ram_ipa : GUEST_RAM_IPA) + PROBE_RAM_SIZE - S1_TOP_OFFSET;
}

uint64_t s2probe_s1_desc_va(const struct s2probe *p)
{
	/* PROBE_IPA is the first entry of its level-3 table (PROBE_IPA is 2 MiB aligned). */
	_Static_assert((PROBE_IPA & 0x1fffff) == 0, "PROBE_IPA is entry 0 of its level 3 table");
	return p->vm->ram_ipa + PROBE_RAM_SIZE - S1_TOP_OFFSET + S1_L3_OFFSET;
}

uint64_t s2probe_free_ipa(const struct s2probe *p)
{
	return p->vm->ram_ipa + p->vm->ram_size - FREE_OFFSET;
}

void s2probe_s1_config(const struct vm_config *cfg, struct vcpu_config *v)
{
	v->tcr_el1 = S1_TCR_EL1;
	v->ttbr0_el1 = s1_l1(cfg);
	v->mair_el1 = MAIR_NORMAL_WB;
	v->sctlr_el1 = SCTLR_M | SCTLR_C | SCTLR_I;
}

uint64_t s2probe_page_ipa(const struct s2probe *p, unsigned k)
{
	return p->vm->ram_ipa + p->vm->ram_size - PROBE_TOP_OFFSET + 0x1000ULL * k;
}

static volatile uint64_t *page_words(struct s2probe *p, unsigned k)
{
	return p->block[k] ? (volatile uint64_t *)p->block[k]
			   : vm_ram_ptr(p->vm, IPA(s2probe_page_ipa(p, k)), 0x1000);
}

/* Two 2 MiB blocks from the page arena for a level-2 probe (not zeroed: only words 0-2 count). */
static bool alloc_blocks(struct s2probe *p)
{
	for (unsigned k = 0; k < PROBE_PAGES; k++) {
		if (!(p->block[k] = kalloc_pages(PROBE_BLOCK_SIZE / 4096, PROBE_BLOCK_SIZE))) {
			return false;
		}
	}
	return true;
}

void s2probe_release(struct s2probe *p)
{
	for (unsigned k = 0; k < PROBE_PAGES; k++) {
		if (p->block[k]) {
			kfree_pages(p->block[k], PROBE_BLOCK_SIZE / 4096);
			p->block[k] = NULL;
		}
	}
}

bool s2probe_add(struct scenario_ctx *c, struct s2probe *p, const struct vm_config *cfg,
		 unsigned first_out, bool s1, bool block)
{
	struct sc_setup s = {.payload = GSYM(gp_s2probe), .args = {PROBE_IPA}, .vm = *cfg};
	uint64_t l1 = s1_l1(cfg);

	if (s1) {
		s2probe_s1_config(cfg, &s.vcpu);
	}
	s.vm.ram_size = PROBE_RAM_SIZE;
	*p = (struct s2probe){.level = block ? 2 : 3, .size = block ? PROBE_BLOCK_SIZE : 0x1000};
	if ((size_t)(guest_image_end - guest_image_start) > PROBE_RAM_SIZE - S1_TOP_OFFSET) {
		sc_fail(c, "the guest image reaches the probe pages: raise PROBE_RAM_SIZE");
		return false;
	}
	if (first_out + PROBE_PAGES > TLB_OUTPUTS || !(p->vm = sc_add_vm(c, &s)) ||
	    !(p->vcpu = sc_add_vcpu(c, p->vm, &s)) || (block && !alloc_blocks(p))) {
		sc_fail(c, "probe VM setup failed");
		return false;
	}
	p->regime = (struct tlb_regime){.vmid = p->vm->vmid,
					.vs = (p->vm->vtcr & VTCR_VS) != 0,
					.granule_shift = p->vm->geom.granule_shift};
	for (unsigned k = 0; k < PROBE_PAGES; k++) {
		uint64_t words[3] = {PROBE_W0 | (first_out + k), PROBE_W1 | (first_out + k), 0};

		p->out[k] = first_out + k;
		if (block) {
			memcpy(p->block[k], words, sizeof(words));
			kcache_clean_inval(p->block[k], sizeof(words));
		} else {
			vm_load(p->vm, IPA(s2probe_page_ipa(p, k)), words, sizeof(words));
		}
	}
	if (s1 && s1_build(p->vm, l1)) {
		sc_fail(c, "could not build the probe's stage-1 tables");
		return false;
	}
	return s2probe_map(c, p, 0);
}

static bool map_attr(struct scenario_ctx *c, struct s2probe *p, unsigned k, uint64_t s2attr)
{
	if (vm_map(p->vm, IPA(PROBE_IPA), PADDR((uintptr_t)page_words(p, k)), p->size, s2attr)) {
		sc_fail(c, "vm_map of the probe page failed");
		return false;
	}
	p->mapped = p->out[k];
	return true;
}

bool s2probe_map(struct scenario_ctx *c, struct s2probe *p, unsigned k)
{
	return map_attr(c, p, k, PROBE_S2ATTR);
}

bool s2probe_map_ro(struct scenario_ctx *c, struct s2probe *p, unsigned k)
{
	return map_attr(c, p, k, PROBE_S2ATTR & ~PTE_S2AP_W);
}

bool s2probe_unmap(struct scenario_ctx *c, struct s2probe *p)
{
	if (vm_unmap(p->vm, IPA(PROBE_IPA), p->size)) {
		sc_fail(c, "vm_unmap of the probe page failed");
		return false;
	}
	p->mapped = TLB_FAULT;
	return true;
}

unsigned s2probe_classify(uint64_t w0, uint64_t w1)
{
	uint64_t o0 = w0 & 0xffff, o1 = w1 & 0xffff;

	if ((w0 & ~0xffffULL) != PROBE_W0 || (w1 & ~0xffffULL) != PROBE_W1 || o0 != o1 ||
	    o0 == TLB_FAULT || o0 >= TLB_OUTPUTS) {
		return PROBE_MIX;
	}
	return (unsigned)o0;
}

bool s2probe_run(struct scenario_ctx *c, struct s2probe *p, uint64_t store, unsigned *obs)
{
	return s2probe_run_on(c, p, 0, store, obs);
}

bool s2probe_run_on(struct scenario_ctx *c, struct s2probe *p, unsigned k, uint64_t store,
		    unsigned *obs)
{
	static const struct dabt_access ldr_x1 = {
		.size_log2 = 3, .rt = 1, .sf = true, .valid_syndrome = true};

	p->vcpu->ctx.x[3] = store;
	struct exit e = sc_run_vcpu_on(c, p->vcpu, k);

	if (e.reason == EXIT_DABT) {
		sc_diag(c, "fault_ipa", "0x%llx", (unsigned long long)exit_fault_ipa(&e));
		if (!sc_expect_exit(c, &e, EXIT_DABT,
				    esr_expect_dabt_s2(&ldr_x1, ESR_FSC_TRANS(p->level)),
				    GSYM(gl_s2probe_ldr)) ||
		    !sc_expect_u64(c, "fault_ipa", exit_fault_ipa(&e), PROBE_IPA)) {
			return false;
		}
		*obs = TLB_FAULT;
		return true;
	}
	if (!sc_expect_exit(c, &e, EXIT_HVC, esr_expect_hvc64(1), GSYM(gl_s2probe_yield))) {
		return false;
	}
	*obs = s2probe_classify(p->vcpu->ctx.x[1], p->vcpu->ctx.x[2]);
	if (*obs == PROBE_MIX) {
		sc_diag(c, "read", "0x%016llx 0x%016llx", (unsigned long long)p->vcpu->ctx.x[1],
			(unsigned long long)p->vcpu->ctx.x[2]);
	}
	return true;
}

static void obs_name(unsigned obs, char *buf, size_t len)
{
	if (obs == TLB_FAULT) {
		snprintf(buf, len, "fault");
	} else if (obs == PROBE_MIX) {
		snprintf(buf, len, "mix");
	} else {
		snprintf(buf, len, "page%u", obs);
	}
}

bool s2probe_check(struct scenario_ctx *c, const char *what, unsigned obs, uint32_t permitted)
{
	char got[16], set[96] = "", one[16];
	size_t n = 0;

	if (obs < TLB_OUTPUTS && (permitted & TLB_OBS(obs))) {
		return true;
	}
	for (unsigned o = 0; o < TLB_OUTPUTS; o++) {
		if (permitted & TLB_OBS(o)) {
			obs_name(o, one, sizeof(one));
			n += (size_t)snprintf(set + n, sizeof(set) - n, "%s%s", n ? ", " : "", one);
			if (n >= sizeof(set)) {
				break;
			}
		}
	}
	obs_name(obs, got, sizeof(got));
	sc_fail(c, "%s: the guest saw %s", what, got);
	sc_diag(c, "expected", "one of [%s]", set);
	sc_diag(c, "got", "%s", got);
	return false;
}

unsigned s2probe_store_out(struct s2probe *ps, unsigned n, uint64_t store)
{
	unsigned found = PROBE_MIX, hits = 0;

	for (unsigned i = 0; i < n; i++) {
		for (unsigned k = 0; k < PROBE_PAGES; k++) {
			volatile uint64_t *w = page_words(&ps[i], k);

			/* The guest stored with its caches off: drop any line EL2 may hold. */
			kcache_clean_inval((const void *)&w[2], sizeof(w[2]));
			if (w[2] == store) {
				found = ps[i].out[k];
				hits++;
			}
		}
	}
	return hits == 1 ? found : PROBE_MIX;
}
