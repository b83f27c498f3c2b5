/* SPDX-License-Identifier: MIT */
/*
 * errata.834220.xpage: a load that crosses a page boundary where stage 1 faults and stage 2
 * has no mapping (Cortex-A57 r0p0-r1p2 erratum 834220, "Stage 2 translation fault might be
 * incorrectly reported in presence of a Stage 1 fault": Linux ARM64_ERRATUM_834220; KVM
 * works around it in __populate_fault_info()/__get_fault_info(), kvm/hyp/include/hyp/
 * fault.h, by not trusting HPFAR_EL2 for any stage-2 fault that is not on a stage-1 walk and
 * re-entering the guest when AT S1E1R of FAR_EL2 faults at stage 1).
 *
 * The guest runs with its MMU on: TTBR0_EL1 maps guest RAM flat (one 1 GiB block, EL1-only,
 * executable at EL0 and EL1) and two 4KB pages at XPAGE_VA, each Normal (EL0 and EL1 may
 * read), Normal EL1-only, or Device-nGnRE at stage 1, whose IPAs stage 2 maps (to guest RAM)
 * or not (the pages after guest RAM). An 8-byte LDR at 4 bytes below the boundary, from EL1
 * or from EL0, touches both.
 *
 * The oracle (scenarios/model/xpage_fault_model.c) gives the permitted outcomes: the fault
 * of either part that faults, a part's stage-1 fault (Device alignment, or EL0 permission)
 * to EL1 and only a part without one to EL2 (stage-2 Translation fault at the level our
 * stage-2 walk stops, read by the stage-2 walk oracle from the tables; FAR_EL2 in that part,
 * HPFAR_EL2 its page). The rows where both parts fault at stage 1 admit no EL2 exit at all.
 *
 * How the erratum shows on an affected core: in a row whose parts both fault at stage 1, an
 * EL2 Data Abort with a stage-2 Translation fault instead of the guest's own Data Abort
 * ("not ok", EXIT_DABT where an EL1 exception was required); in the mixed rows, a stage-2
 * fault whose FAR_EL2/HPFAR_EL2 name the page whose stage 1 faults (wrong HPFAR). Under QEMU
 * and on unaffected cores every row passes.
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/pte.h"
#include "esr_model.h"
#include "hvc.h"
#include "s2_walk_model.h"
#include "scenario.h"
#include "xpage_fault_model.h"

#define XPAGE_VA     0x80000000ULL	/* the low page; the boundary is at + 0x1000 */
#define XPAGE_ACCESS (XPAGE_VA + 0xffc) /* 4 bytes in each page */

/* Guest-RAM offsets of the stage-1 tables and of the two mapped pages' frames. */
#define TBL_L1 0xe0000
#define TBL_L2 0xe1000
#define TBL_L3 0xe2000
#define FRAME0 0xe3000 /* + 0x1000 * page */

/* IPAs stage 2 leaves unmapped: the pages after the 1 MiB of guest RAM (mapped with pages). */
#define UNMAPPED0 0x40100000ULL

/* MAIR_EL1: slot 0 Normal Write-Back, slot 1 Device-nGnRE. */
#define XPAGE_MAIR    0x04ffULL
#define ATTR_NORMAL   (PTE_S1_ATTRIDX(0) | PTE_SH_INNER | PTE_AF)
#define ATTR_DEVICE   (PTE_S1_ATTRIDX(1) | PTE_AF)
#define S1_TABLE      3ULL
#define S1_PAGE	      3ULL
#define S1_BLOCK      1ULL
#define S1_XN_EL0_EL1 (PTE_S1_UXN | PTE_S1_PXN)

/* TCR_EL1: TTBR0 only, 39-bit VAs (level-1 start), 4K granule, WB walks, 40-bit IPS. */
#define XPAGE_TCR                                                                                  \
	(TCR_T0SZ(25) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER | TCR_TG0_4K |             \
	 TCR_EL1_EPD1 | 2ULL << TCR_EL1_IPS_SHIFT)

/* Stage 1 of one page. */
enum xpage_s1 {
	S1_NORMAL,  /* Normal WB, AP = 0b01: EL1 and EL0 read/write */
	S1_EL1ONLY, /* Normal WB, AP = 0b00: EL0 has no data access */
	S1_DEVICE,  /* Device-nGnRE, AP = 0b01 */
};

struct xpage_row {
	const char *name;
	bool el0;
	enum xpage_s1 s1[2];
	bool s2_mapped[2];
};

#define N S1_NORMAL
#define E S1_EL1ONLY
#define D S1_DEVICE
#define M true
#define U false
static const struct xpage_row xpage_rows[] = {
	{"[el1,dev+dev,s2=none+none]", false, {D, D}, {U, U}},
	{"[el1,dev+dev,s2=map+none]", false, {D, D}, {M, U}},
	{"[el1,dev+normal,s2=map+none]", false, {D, N}, {M, U}},
	{"[el1,normal+dev,s2=none+map]", false, {N, D}, {U, M}},
	{"[el1,normal+normal,s2=map+none]", false, {N, N}, {M, U}},
	{"[el0,el1only+el1only,s2=none+none]", true, {E, E}, {U, U}},
	{"[el0,el1only+el1only,s2=map+none]", true, {E, E}, {M, U}},
	{"[el0,el1only+normal,s2=map+none]", true, {E, N}, {M, U}},
	{"[el0,normal+el1only,s2=none+map]", true, {N, E}, {U, M}},
	{"[el0,normal+normal,s2=map+none]", true, {N, N}, {M, U}},
	{"[el0,dev+dev,s2=none+none]", true, {D, D}, {U, U}},
};
#undef N
#undef E
#undef D
#undef M
#undef U

static uint64_t page_ipa(const struct xpage_row *r, unsigned n)
{
	return r->s2_mapped[n] ? GUEST_RAM_IPA + FRAME0 + 0x1000 * n : UNMAPPED0 + 0x1000 * n;
}

static uint64_t page_desc(const struct xpage_row *r, unsigned n)
{
	static const uint64_t attr[] = {
		[S1_NORMAL] = ATTR_NORMAL | PTE_S1_AP_EL0 | S1_XN_EL0_EL1,
		[S1_EL1ONLY] = ATTR_NORMAL | S1_XN_EL0_EL1,
		[S1_DEVICE] = ATTR_DEVICE | PTE_S1_AP_EL0 | S1_XN_EL0_EL1,
	};

	return page_ipa(r, n) | attr[r->s1[n]] | S1_PAGE;
}

static int put(struct vm *vm, uint64_t table_off, unsigned index, uint64_t desc)
{
	return vm_load(vm, IPA(GUEST_RAM_IPA + table_off + 8 * index), &desc, sizeof(desc));
}

/* Level 1: [1] guest RAM (flat, EL1-only data, executable), [2] -> level 2 -> level 3. */
static int build_s1(struct vm *vm, const struct xpage_row *r)
{
	uint64_t ram = GUEST_RAM_IPA | ATTR_NORMAL | S1_BLOCK;
	unsigned l3 = (XPAGE_VA >> 12) & 0x1ff;

	return put(vm, TBL_L1, GUEST_RAM_IPA >> 30, ram) ||
	       put(vm, TBL_L1, XPAGE_VA >> 30, (GUEST_RAM_IPA + TBL_L2) | S1_TABLE) ||
	       put(vm, TBL_L2, (XPAGE_VA >> 21) & 0x1ff, (GUEST_RAM_IPA + TBL_L3) | S1_TABLE) ||
	       put(vm, TBL_L3, l3, page_desc(r, 0)) || put(vm, TBL_L3, l3 + 1, page_desc(r, 1));
}

/* The harness runs identity-mapped at EL2: a table's PA is its address. */
static uint64_t read_phys(void *ctx, uint64_t pa)
{
	(void)ctx;
	return *(volatile const uint64_t *)(uintptr_t)pa;
}

/* The oracle's stage-2 verdict on a read of @ipa, from our tables as the hardware walks them. */
static unsigned s2_read_fsc(const struct vm *vm, uint64_t ipa)
{
	struct s2w_regime reg = {.vtcr = vm->vtcr, .baddr = (uint64_t)(uintptr_t)vm->root};
	struct s2w_walk w;
	struct s2_outcome o;

	s2w_walk(&reg, read_phys, NULL, ipa, &w);
	s2_access_outcome(&reg, &w, S2_ACC_READ, &o);
	return o.fault ? o.fsc : 0;
}

static void model_access(const struct vm *vm, const struct xpage_row *r, struct xpage_access *a)
{
	*a = (struct xpage_access){.va = XPAGE_ACCESS, .size = 8, .el0 = r->el0};
	for (unsigned n = 0; n < 2; n++) {
		a->page[n] = (struct xpage_page){.s1_device = r->s1[n] == S1_DEVICE,
						 .s1_el0_read = r->s1[n] != S1_EL1ONLY,
						 .ipa = page_ipa(r, n),
						 .s2_fsc = s2_read_fsc(vm, page_ipa(r, n))};
	}
}

/* What happened, in the oracle's terms; false if the run ended in a way no outcome names. */
static bool observe(struct scenario_ctx *c, const struct xpage_row *r, const struct exit *e,
		    struct xpage_outcome *o)
{
	uint64_t load = r->el0 ? GSYM(gl_xpage_ldr_el0) : GSYM(gl_xpage_ldr_el1);
	uint64_t vector, esr, elr, far;

	if (e->reason == EXIT_DABT) {
		struct dabt_access ldr_x2 = {
			.size_log2 = 3, .rt = 2, .sf = true, .valid_syndrome = true};

		*o = (struct xpage_outcome){.to = XPAGE_EL2,
					    .fsc = e->esr & ESR_ISS_ABT_FSC_MASK,
					    .far = e->far,
					    .hpfar_ipa = ((e->hpfar >> 4) & ((1ULL << 40) - 1))
							 << 12};
		sc_expect_exit(c, e, EXIT_DABT, esr_expect_dabt_s2(&ldr_x2, o->fsc), load);
		return true;
	}
	sc_expect_el1_exceptions(c);
	if (!sc_expect_done(c, e, 0)) {
		return false;
	}
	if (!(sc_vcpu(c)->reported & (1u << GREPORT_VECTOR))) {
		*o = (struct xpage_outcome){.to = XPAGE_DONE};
		return true;
	}
	if (!sc_report(c, GREPORT_VECTOR, &vector) || !sc_report(c, GREPORT_ESR_EL1, &esr) ||
	    !sc_report(c, GREPORT_ELR_EL1, &elr) || !sc_report(c, GREPORT_FAR_EL1, &far)) {
		return false;
	}
	sc_expect_u64(c, "vector_offset", vector, r->el0 ? 0x400 : 0x200);
	if (r->el0 && esr == esr_expect_svc64(0x834)) {
		/* The load completed: the SVC after it was taken. */
		sc_expect_u64(c, "elr_el1", elr, GSYM(gl_xpage_svc_el0) + 4);
		*o = (struct xpage_outcome){.to = XPAGE_DONE};
		return true;
	}
	*o = (struct xpage_outcome){.to = XPAGE_EL1, .fsc = esr & ESR_ISS_ABT_FSC_MASK, .far = far};
	sc_expect_u64(c, "esr_el1", esr, xpage_esr_el1(r->el0, o->fsc));
	sc_expect_u64(c, "elr_el1", elr, load);
	return true;
}

static const char *outcome_name(enum xpage_to to)
{
	return to == XPAGE_EL2 ? "stage-2 fault to EL2" : to == XPAGE_EL1 ? "fault to EL1" : "done";
}

static void run_xpage(struct scenario_ctx *c, const void *row)
{
	const struct xpage_row *r = row;
	struct sc_setup s = {
		.payload = r->el0 ? GSYM(gp_xpage_ldr_el0) : GSYM(gp_xpage_ldr_el1),
		.args = {XPAGE_ACCESS},
		.vm = {.ram_pages_only = true},
		.vcpu = {.tcr_el1 = XPAGE_TCR,
			 .ttbr0_el1 = GUEST_RAM_IPA + TBL_L1,
			 .mair_el1 = XPAGE_MAIR,
			 .sctlr_el1 = SCTLR_M | SCTLR_C | SCTLR_I},
	};

	if (!sc_start(c, &s)) {
		return;
	}
	if (build_s1(sc_vm(c), r)) {
		sc_fail(c, "could not build the stage-1 tables");
		return;
	}
	struct xpage_access a;

	model_access(sc_vm(c), r, &a);
	for (unsigned n = 0; n < 2; n++) {
		sc_diag(c, n ? "page1" : "page0",
			"ipa 0x%llx, stage-1 fault 0x%x, stage-2 fault 0x%x",
			(unsigned long long)a.page[n].ipa, xpage_s1_fsc(&a.page[n], r->el0),
			a.page[n].s2_fsc);
	}

	struct exit e = sc_run(c);
	struct xpage_outcome seen;
	const char *why = "";

	if (!observe(c, r, &e, &seen)) {
		return;
	}
	if (!xpage_permitted(&a, &seen, &why)) {
		sc_fail(c, "%s (fsc 0x%x, far 0x%llx, hpfar ipa 0x%llx) is not permitted: %s",
			outcome_name(seen.to), seen.fsc, (unsigned long long)seen.far,
			(unsigned long long)seen.hpfar_ipa, why);
	}
}

SCENARIO(errata_834220_xpage, .id = "errata.834220.xpage",
	 .rule = "R_XCHFJ fault priority (an Alignment fault caused by the memory type, then a "
		 "Permission fault, then a stage-2 fault on the access): each part of a load that "
		 "crosses a page boundary is translated by stage 1 first and by stage 2 only "
		 "without a stage-1 fault (AArch64.FirstStageTranslate, then "
		 "AArch64.SecondStageTranslate if !IsFault(S1)); the Device-memory "
		 "Alignment fault and the EL0 Permission fault are stage-1 faults taken to EL1, "
		 "so only a part without one may report a stage-2 fault, with FAR_EL2 in that "
		 "part and HPFAR_EL2 its IPA; the two parts are unordered",
	 SCENARIO_ROWS(xpage_rows), .run = run_xpage, .ec = "0x24 0x25",
	 .control = "stage 1 + stage 2 fault priority (VTTBR_EL2, HCR_EL2.VM)");
