/* SPDX-License-Identifier: MIT */
/*
 * trap.route.el1: exceptions an EL1 guest causes that the architecture takes at EL1 (HCR_EL2
 * TGE = 0, no EL2 trap control set): its own SVC, UDF, PC and SP alignment faults, alignment
 * faults on data, instruction aborts in its own stage 1, and illegal execution state. Each must
 * appear on the guest's own vector (0x200 from EL1h, 0x000 from EL1t) with the ESR_EL1,
 * ELR_EL1 and FAR_EL1 that exc_route() computes, and the run must end without any exit to EL2
 * but the runtime's own service calls.
 *
 * Rows with a stage 1 MMU get a table the vmm side builds in guest RAM with the generic walker
 * (one level-1 table, 4K granule, 32-bit VA): the guest RAM GiB identity-mapped as Normal
 * memory (EL1 RWX), the same IPAs again at VA 0 as Device-nGnRnE (XN), nothing above 2 GiB.
 * The expected fault level of an unmapped fetch is the walker's software lookup of that table.
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/pte.h"
#include "hvc.h"
#include "pgtable.h"
#include "route_check.h"
#include "route_model.h"
#include "scenario.h"

#define S1_VA_BITS	  32
#define S1_TABLE_IPA	  (GUEST_RAM_IPA + 0x80000) /* past the guest image, below the stacks */
#define S1_BLOCK	  (1ULL << 30)
#define S1_DEVICE_VA(ipa) ((ipa)-GUEST_RAM_IPA) /* the Device alias of a guest RAM IPA */
#define S1_UNMAPPED_VA	  0x80001000ULL

/* MAIR_EL1: attribute 0 Device-nGnRnE, attribute 1 Normal write-back. */
#define S1_MAIR	       (MAIR_DEVICE_nGnRnE | MAIR_NORMAL_WB << 8)
#define S1_ATTR_NORMAL (PTE_S1_ATTRIDX(1) | PTE_AF | PTE_SH_INNER | PTE_S1_UXN)
#define S1_ATTR_DEVICE (PTE_S1_ATTRIDX(0) | PTE_AF | PTE_S1_PXN | PTE_S1_UXN)
/*
 * TCR_EL1: T0SZ 32 (start level 1), 4K granule, Non-cacheable walks (the guest runs with
 * SCTLR_EL1.C = 0), no TTBR1 walks, IPS 0 (32-bit IPA: guest RAM is below 4 GiB).
 */
#define S1_TCR (TCR_T0SZ(64 - S1_VA_BITS) | TCR_TG0_4K | TCR_EL1_EPD1)

/* Where the runtime ends the run after an exception on @vector (guest/start.S). */
#define STATUS_AFTER_SPX 0		   /* vector 0x200 resumes past the instruction */
#define STATUS_AFTER_SP0 GSTATUS_UNHANDLED /* vector 0x000 reports and gives up */

struct route_row {
	const char *name;
	uint64_t payload;
	uint64_t arg; /* x0 */
	struct exc_event ev;
	uint64_t sctlr; /* SCTLR_EL1 bits: M, A, SA */
	bool loads;	/* EXC_NONE: the load reports bytes 1..8 of gl_align_data */
};

#define EV1(kind_, label, ...) .ev = {.kind = kind_, .el = 1, .pc = GSYM(label), __VA_ARGS__}
#define EV1T(kind_, label, ...)                                                                    \
	.ev = {.kind = kind_, .el = 1, .sp0 = true, .pc = GSYM(label), __VA_ARGS__}

#define ALIGN_DATA1 (GSYM(gl_align_data) + 1)

static const struct route_row route_rows[] = {
	{"[svc]", GSYM(gp_el1_svc), 0, EV1(EXC_SVC, gl_el1_svc, .imm = 0x5a5a)},
	{"[udf]", GSYM(gp_udf), 0, EV1(EXC_UNDEFINED, gl_udf)},
	{"[pc-align]", GSYM(gp_el1t_pc_align), 0,
	 EV1T(EXC_PC_ALIGN, gl_el1t_pc_align, .va = GSYM(gl_el1_pc_target) + 2)},
	{"[sp-align,sa=1]", GSYM(gp_el1t_sp_align), 0, EV1T(EXC_SP_ALIGN, gl_el1t_sp_align),
	 .sctlr = SCTLR_SA},
	{"[sp-align,sa=0]", GSYM(gp_el1t_sp_align), 0, EV1T(EXC_NONE, gl_el1t_sp_align)},
	/* MMU off: every data access is Device-nGnRnE, so unaligned ones fault whatever A is. */
	{"[ldr-unaligned,mmu-off]", GSYM(gp_el1_ld_unaligned), ALIGN_DATA1,
	 EV1(EXC_DATA_ALIGN, gl_el1_ld_unaligned, .va = ALIGN_DATA1)},
	{"[str-unaligned,mmu-off]", GSYM(gp_el1_st_unaligned), ALIGN_DATA1,
	 EV1(EXC_DATA_ALIGN, gl_el1_st_unaligned, .va = ALIGN_DATA1, .is_write = true)},
	{"[ldr-unaligned,s1-device]", GSYM(gp_el1_ld_unaligned), S1_DEVICE_VA(ALIGN_DATA1),
	 EV1(EXC_DATA_ALIGN, gl_el1_ld_unaligned, .va = S1_DEVICE_VA(ALIGN_DATA1)),
	 .sctlr = SCTLR_M},
	{"[ldr-unaligned,s1-normal,a=1]", GSYM(gp_el1_ld_unaligned), ALIGN_DATA1,
	 EV1(EXC_DATA_ALIGN, gl_el1_ld_unaligned, .va = ALIGN_DATA1), .sctlr = SCTLR_M | SCTLR_A},
	{"[ldr-unaligned,s1-normal,a=0]", GSYM(gp_el1_ld_unaligned), ALIGN_DATA1,
	 EV1(EXC_NONE, gl_el1_ld_unaligned), .sctlr = SCTLR_M, .loads = true},
	{"[iabt-s1-unmapped]", GSYM(gp_el1t_jump), S1_UNMAPPED_VA,
	 .ev = {.kind = EXC_INSN_S1_TRANS,
		.el = 1,
		.sp0 = true,
		.pc = S1_UNMAPPED_VA,
		.va = S1_UNMAPPED_VA},
	 .sctlr = SCTLR_M},
	/* ERET to EL2h from EL1t: illegal return, IL set, the target instruction faults. */
	{"[illegal-eret]", GSYM(gp_el1t_illegal_eret), 0,
	 EV1T(EXC_ILLEGAL_STATE, gl_el1_illegal_target)},
};

/* Level-1 blocks only: the walker never needs a next-level table. */
static void *s1_no_alloc(void *ctx, size_t size)
{
	(void)ctx;
	(void)size;
	return NULL;
}

static void s1_no_free(void *ctx, void *table, size_t size)
{
	(void)ctx;
	(void)table;
	(void)size;
}

/*
 * Build the guest's stage 1 table into guest RAM at S1_TABLE_IPA (vm_load cleans it to the
 * PoC for the guest's Non-cacheable walks). Returns the level at which @va faults, or
 * PGT_LEVEL_NONE if it translates; ~0u - 1 if the table cannot be built.
 */
static unsigned s1_build(struct scenario_ctx *c, uint64_t va)
{
	struct pgt_geom g;
	uint64_t root[8] = {0}; /* 32-bit VA, 4K granule: four level-1 entries, 64 bytes at least */
	struct pgt_mm mm = {.alloc_table = s1_no_alloc, .free_table = s1_no_free};
	unsigned flags = PGT_MAP_MAX_LEVEL(1);

	if (pgt_geom_init(&g, 12, S1_VA_BITS) || pgt_root_size(&g) != sizeof(root) ||
	    pgt_map(&g, root, GUEST_RAM_IPA, GUEST_RAM_IPA, S1_BLOCK, S1_ATTR_NORMAL, flags, &mm) ||
	    pgt_map(&g, root, 0, GUEST_RAM_IPA, S1_BLOCK, S1_ATTR_DEVICE, flags, &mm) ||
	    vm_load(sc_vm(c), IPA(S1_TABLE_IPA), root, pgt_root_size(&g))) {
		sc_fail(c, "cannot build the guest's stage 1 table");
		return ~0u - 1;
	}
	return pgt_fault_level(&g, root, va);
}

/* Little-endian doubleword at @p: what an unaligned LDR Xt of Normal memory returns. */
static uint64_t le64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--) {
		v = v << 8 | p[i];
	}
	return v;
}

static void run_route(struct scenario_ctx *c, const void *row)
{
	const struct route_row *r = row;
	struct exc_event ev = r->ev;
	bool mmu = r->sctlr & SCTLR_M;
	struct sc_setup s = {.payload = r->payload, .args = {r->arg}, .vcpu.sctlr_el1 = r->sctlr};

	if (mmu) {
		s.vcpu.tcr_el1 = S1_TCR;
		s.vcpu.ttbr0_el1 = S1_TABLE_IPA;
		s.vcpu.mair_el1 = S1_MAIR;
	}
	if (!sc_start(c, &s)) {
		return;
	}
	if (mmu) {
		unsigned level = s1_build(c, S1_UNMAPPED_VA);

		if (level == ~0u - 1) {
			return;
		}
		if (ev.kind == EXC_INSN_S1_TRANS) {
			if (level == PGT_LEVEL_NONE) {
				sc_fail(c, "VA 0x%llx is mapped: the row is wrong",
					(unsigned long long)ev.va);
				return;
			}
			ev.level = level;
			sc_diag(c, "fault_level", "%u", level);
		}
	}
	struct exc_expect x = exc_route(&ev, &(struct exc_ctl){0});
	struct exit e = sc_run(c);
	uint64_t value;

	if (x.taken) {
		route_expect_el1(c, &e, &x, x.vector == 0 ? STATUS_AFTER_SP0 : STATUS_AFTER_SPX);
		return;
	}
	if (sc_expect_done(c, &e, 0) && r->loads && sc_report(c, GREPORT_USER, &value)) {
		const uint8_t *data = vm_ram_ptr(sc_vm(c), IPA(ALIGN_DATA1), 8);

		sc_expect_u64(c, "loaded", value, data ? le64(data) : 0);
	}
}

SCENARIO(trap_route_el1, .id = "trap.route.el1",
	 .rule = "an EL1 guest's own SVC, UDF, PC/SP alignment faults, data alignment faults, "
		 "stage 1 instruction aborts and illegal execution state are taken at EL1 (vector "
		 "0x200 from EL1h, 0x000 from EL1t) with the architected ESR/ELR/FAR_EL1, never at "
		 "EL2",
	 SCENARIO_ROWS(route_rows), .run = run_route, .ec = "0x15 0x00 0x22 0x26 0x25 0x21 0x0E",
	 .control = "none: the guest's own EL1 exceptions never reach EL2");
