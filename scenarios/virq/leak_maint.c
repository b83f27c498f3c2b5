/* SPDX-License-Identifier: MIT */
/*
 * virq.leak.maint: a vCPU ends on purpose with virtual-interrupt state left behind (a guest
 * that never acknowledges, list registers pending or active, EOIcount, a maintenance condition
 * true), and the next vCPU, in the same VM or a new one, must start clean: its virtual
 * interface is its own (ICH_LR<n>_EL2 empty, ICH_HCR_EL2 and ICH_VMCR_EL2 its configuration's,
 * no active priority), so ICH_ELRSR_EL2 reads every LR empty, ICH_MISR/EISR_EL2 and EOIcount 0,
 * ICV_HPPIR1_EL1 and ICV_IAR1_EL1 read 1023, and no maintenance interrupt comes within the
 * MAINT_WINDOW_US window. The first vCPU is never resumed (the runner destroys it with its
 * state). The runner's own leak check after the instance (scenarios/context.c) sees the
 * physical side: the maintenance PPI neither pending nor active, ICH_HCR_EL2 = 0.
 */
#include "arch/el2.h"
#include "gic_model.h"
#include "maint_run.h"

#define VMCR_BASE (ICH_VMCR_VPMR(0xff) | ICH_VMCR_VENG1)

struct leak_row {
	const char *name;
	bool same_vm;		  /* the clean vCPU runs in the dirty one's VM, else in a new VM */
	struct maint_setup dirty; /* the first vCPU, left as its steps end */
	uint64_t clean_hcr;	  /* ICH_HCR_EL2 of the second: sources a leak would assert */
};

/* clang-format off */
static const struct leak_row leak_rows[] = {
	/* Two interrupts pending, never acknowledged. */
	{"[never-ack,new-vm]", false, {2, ICH_HCR_EN, VMCR_BASE,
		{M_LRV(1, 1, 0x80, 40, 0), M_LRV(1, 1, 0x40, 41, 1)}, {{M_NOTHING, M_NOTHING, 0, false}}},
	 ICH_HCR_EN},
	{"[never-ack,same-vm]", true, {2, ICH_HCR_EN, VMCR_BASE,
		{M_LRV(1, 1, 0x80, 40, 0), M_LRV(1, 1, 0x40, 41, 1)}, {{M_NOTHING, M_NOTHING, 0, false}}},
	 ICH_HCR_EN},
	/* One acknowledged (active, an active priority), one pending and active, at destroy. */
	{"[active-at-destroy]", true, {2, ICH_HCR_EN, VMCR_BASE,
		{M_LRV(1, 1, 0x80, 40, 1), M_LRV(3, 1, 0xa0, 41, 0)}, {
		{M_GUEST(IAR1, 0), M_NOTHING, 0, false},
	}}, ICH_HCR_EN},
	/* EOIcount 3 with LRENPIE clear: a second vCPU with LRENPIE would see LRENP. */
	{"[eoicount-at-destroy]", false, {1, ICH_HCR_EN, VMCR_BASE | ICH_VMCR_VEOIM, {0}, {
		{M_GUEST(DIR, 50), M_NOTHING, 0, false},
		{M_GUEST(DIR, 51), M_NOTHING, 0, false},
		{M_GUEST(DIR, 52), M_NOTHING, 0, false},
	}}, ICH_HCR_EN | ICH_HCR_LRENPIE},
	/* Underflow true, its interrupt taken twice and deactivated, never cleared. */
	{"[maint-at-destroy]", false, {1, ICH_HCR_EN, VMCR_BASE, {0}, {
		{M_HCR_SET(ICH_HCR_UIE), M_NOTHING, 1, true},
	}}, ICH_HCR_EN},
	/* An EOI maintenance request left in ICH_EISR_EL2 (LR0 invalid with EOI = 1). */
	{"[eoi-at-destroy]", true, {1, ICH_HCR_EN, VMCR_BASE, {M_LRV(1, 1, 0x80, 40, 1)}, {
		{M_GUEST(IAR1, 0), M_NOTHING, 0, false},
		{M_GUEST(EOIR1, 40), M_NOTHING, 0, true},
	}}, ICH_HCR_EN},
};
/* clang-format on */

static const char *leak_requires(const void *row, char *why, size_t len)
{
	return maint_requires(((const struct leak_row *)row)->dirty.lrs, why, len);
}

/* The clean vCPU: nothing pending for it, nothing to maintain. */
static const struct maint_step clean_steps[] = {
	{M_GUEST(HPPIR1, 0), M_NOTHING, 0, false},
	{M_GUEST(IAR1, 0), M_NOTHING, 0, false},
};

static void run_leak(struct scenario_ctx *c, const void *row)
{
	const struct leak_row *r = row;
	struct maint_vcpu dirty, clean;
	struct vm *vm;
	unsigned i;

	maint_irq(true);
	if (!maint_run_setup(&dirty, c, NULL, &r->dirty)) {
		goto out;
	}
	vm = r->same_vm ? sc_vm(c) : sc_add_vm(c, &(struct sc_setup){0});
	if (!vm || !maint_vcpu_start(&clean, c, vm, r->clean_hcr, VMCR_BASE, NULL, 0)) {
		goto out;
	}
	for (i = 0; i < sizeof(clean_steps) / sizeof(clean_steps[0]); i++) {
		if (!maint_step(&clean, &clean_steps[i], i + 1)) {
			goto out;
		}
	}
	maint_vcpu_finish(&clean);
out:
	maint_irq(false);
}

SCENARIO(virq_leak_maint, .id = "virq.leak.maint",
	 .rule = "a vCPU destroyed with list registers pending or active, EOIcount != 0 or a "
		 "maintenance condition true leaves nothing to the next vCPU (same or new VM): "
		 "ICH_ELRSR_EL2 all LRs empty, ICH_MISR/EISR_EL2 and EOIcount 0, ICV_HPPIR1_EL1 "
		 "and ICV_IAR1_EL1 read 1023, no maintenance interrupt in a " MAINT_WINDOW_TEXT
		 " window",
	 SCENARIO_ROWS(leak_rows), .requires = leak_requires, .run = run_leak);
