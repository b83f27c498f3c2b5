/* SPDX-License-Identifier: MIT */
/*
 * guest.fresh[<how>]: isolation between instances. One instance, two VMs in turn on one PE: the
 * first has its RAM written in one way (by its guest's stores with caches on to the start and
 * end of every page above the image, up to the last doubleword of RAM; by DC ZVA over image
 * pages; through a Non-cacheable alias IPA; by the harness; or with the pool's tracking given
 * up halfway), then goes; the second must find its RAM exactly as a fresh VM's: the guest image
 * at its start and zeroes everywhere else, checked from EL2 and by its guest through its own
 * MMU-off (Device, non-cacheable) view. Where the vmm pools RAM (vmm/vm_ram.c) the second VM
 * must get the first one's block, so the pool's restore is what is tested.
 */
#include <string.h>

#include "arch/el2.h"
#include "arch/pte.h"
#include "hvc.h"
#include "scenario.h"

extern const uint8_t guest_image_start[], guest_image_end[];

enum fresh_how { FRESH_STORE, FRESH_ZVA, FRESH_ALIAS_NC, FRESH_HARNESS, FRESH_UNTRACK };

struct fresh_row {
	const char *name;
	enum fresh_how how;
};

static const struct fresh_row fresh_rows[] = {
	{"[store]", FRESH_STORE},     {"[dc-zva]", FRESH_ZVA},	    {"[alias-nc]", FRESH_ALIAS_NC},
	{"[harness]", FRESH_HARNESS}, {"[untrack]", FRESH_UNTRACK},
};

#define PAGE	     4096ULL
#define ALIAS_IPA    0x50000000ULL /* outside RAM: a second IPA of one RAM page */
#define ALIAS_PAGE   0x80000ULL	   /* RAM offset of that page */
#define HARNESS_PAGE 0x90000ULL	   /* written through a vm_ram_ptr() pointer */
#define LOAD_PAGE    0xa0000ULL	   /* written by vm_load() */
#define PATTERN	     0x6861726e657373ULL
#define ALIAS_NC     (PTE_AF | PTE_S2AP_RW | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_NC))

static size_t image_len(void)
{
	return (size_t)(guest_image_end - guest_image_start);
}

static uint64_t image_pages_end(void)
{
	return (image_len() + PAGE - 1) & ~(PAGE - 1);
}

/* What gp_fresh_check sums: the image's doublewords, its last page padded with zeroes. */
static uint64_t image_sum(void)
{
	uint64_t sum = 0;

	for (size_t off = 0; off < image_pages_end(); off += 8) {
		uint64_t w = 0;

		if (off < image_len()) {
			memcpy(&w, guest_image_start + off,
			       image_len() - off < 8 ? image_len() - off : 8);
		}
		sum += w;
	}
	return sum;
}

/* The first VM: its RAM written as @r says. Returns it, or NULL with the instance failed. */
static struct vm *dirty_vm(struct scenario_ctx *c, const struct fresh_row *r)
{
	uint64_t ram = GUEST_RAM_IPA, top = GUEST_RAM_IPA + GUEST_RAM_SIZE;
	uint64_t from = ram + image_pages_end(), to = top, zva = 0;
	static const uint64_t pattern = PATTERN;

	if (r->how == FRESH_ZVA) {
		zva = GSYM(gp_fresh_check) & ~(PAGE - 1);
	} else if (r->how == FRESH_ALIAS_NC) {
		from = ALIAS_IPA;
		to = ALIAS_IPA + PAGE;
	} else if (r->how == FRESH_HARNESS) {
		from = to = 0;
	}
	/* HCR_EL2.DC: Normal write-back memory with stage 1 off, where DC ZVA is allowed. */
	struct vcpu *v =
		sc_start(c, &(struct sc_setup){.payload = GSYM(gp_fresh_dirty),
					       .args = {from, to, zva},
					       .vcpu.hcr = HCR_DC,
					       .doorbell_channel = r->how == FRESH_HARNESS});
	struct vm *vm = sc_vm(c);

	if (!v) {
		return NULL;
	}
	if (r->how == FRESH_ALIAS_NC &&
	    vm_map(vm, IPA(ALIAS_IPA), PADDR((uintptr_t)vm->ram + ALIAS_PAGE), PAGE, ALIAS_NC)) {
		sc_fail(c, "vm_map of the alias failed");
		return NULL;
	}
	if (r->how == FRESH_HARNESS) {
		*(volatile uint64_t *)vm_ram_ptr(vm, IPA(ram + HARNESS_PAGE), 8) = PATTERN;
		if (vm_load(vm, IPA(ram + LOAD_PAGE + PAGE - 8), &pattern, sizeof(pattern))) {
			sc_fail(c, "vm_load failed");
			return NULL;
		}
	}
	struct exit e = sc_run(c);

	if (!sc_expect_done(c, &e, 0)) {
		return NULL;
	}
	/* Halfway: a descriptor that needs HA = 0 ends the tracking of what the guest wrote. */
	if (r->how == FRESH_UNTRACK &&
	    vm_map(vm, IPA(ALIAS_IPA), PADDR((uintptr_t)vm->ram + ALIAS_PAGE), PAGE,
		   ALIAS_NC & ~PTE_AF)) {
		sc_fail(c, "vm_map of the AF = 0 alias failed");
		return NULL;
	}
	return vm;
}

/* The second VM's RAM from EL2: the image, then zeroes. */
static void check_ram(struct scenario_ctx *c, const struct vm *vm)
{
	for (size_t off = 0; off < vm->ram_size; off += 8) {
		uint64_t got, want = 0;

		memcpy(&got, vm->ram + off, 8);
		if (off < image_len()) {
			memcpy(&want, guest_image_start + off,
			       image_len() - off < 8 ? image_len() - off : 8);
		}
		if (got != want) {
			sc_fail(c, "RAM offset 0x%lx of the new VM holds 0x%llx, not 0x%llx",
				(unsigned long)off, (unsigned long long)got,
				(unsigned long long)want);
			return;
		}
	}
}

static void run_fresh(struct scenario_ctx *c, const void *row)
{
	const struct fresh_row *r = row;
	struct vm *first = dirty_vm(c, r);

	if (!first) {
		return;
	}
	uint8_t *block = first->ram;
	bool pooled = first->pooled;

	sc_diag(c, "pooled", "%s", pooled ? "yes" : "no");
	sc_drop_vm(c, first);
	struct vcpu *v = sc_start(
		c, &(struct sc_setup){.payload = GSYM(gp_fresh_check),
				      .args = {GUEST_RAM_IPA + image_pages_end(), image_sum(),
					       GUEST_RAM_IPA + GUEST_RAM_SIZE}});

	if (!v) {
		return;
	}
	if (pooled && sc_vm(c)->ram != block) {
		sc_fail(c, "the second VM did not get the first one's RAM block: the pool's "
			   "restore went untested");
	}
	check_ram(c, sc_vm(c));
	struct exit e = sc_run(c);
	uint64_t at, value;

	if (sc_expect_reason(c, &e, EXIT_GUEST_DONE) && e.status == 2 &&
	    sc_report(c, GREPORT_USER + 0, &at) && sc_report(c, GREPORT_USER + 1, &value)) {
		sc_diag(c, "guest_saw", "0x%llx at IPA 0x%llx", (unsigned long long)value,
			(unsigned long long)at);
	}
	sc_expect_done(c, &e, 0);
}

SCENARIO(guest_fresh, .id = "guest.fresh",
	 .rule = "every instance's VM starts from zeroed RAM holding only the guest image, "
		 "whatever the VM before it wrote to its RAM (stores and DC ZVA through any IPA, "
		 "cacheable or not, writes of the harness), seen by EL2 and by the guest",
	 SCENARIO_ROWS(fresh_rows), .run = run_fresh);
