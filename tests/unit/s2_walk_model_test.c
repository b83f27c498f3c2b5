/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/s2_walk_model.c against tables and outcomes checked by hand
 * from the Arm ARM (DDI 0487): the stage-2 walk (AArch64.S2Walk(): start level from SL0/TG0,
 * concatenated roots, block levels per granule, bits[1:0] = 0b01 at level 3 invalid, OA
 * beyond PS an Address size fault, IPA beyond T0SZ a level-0 Translation fault) and the
 * fault rules of AArch64.S2Translate() (AF, S2AP, XN/XNX, DBM with HD, HCR_EL2.PTW for walks
 * to Device memory, WnR of faults on the stage-1 walk).
 */
#include "arch/esr.h"
#include "s2_walk_model.h"
#include "unit.h"

/* A sparse fake physical memory: up to 32 descriptors at chosen PAs, the rest zero. */
struct fake_mem {
	unsigned n;
	uint64_t pa[32], val[32];
};

static void poke(struct fake_mem *m, uint64_t pa, uint64_t val)
{
	m->pa[m->n] = pa;
	m->val[m->n++] = val;
}

static uint64_t peek(void *ctx, uint64_t pa)
{
	struct fake_mem *m = ctx;

	for (unsigned i = 0; i < m->n; i++) {
		if (m->pa[i] == pa) {
			return m->val[i];
		}
	}
	return 0;
}

#define TABLE(pa) ((pa) | 3ULL)
#define PAGE(pa)  ((pa) | 3ULL)
#define BLOCK(pa) ((pa) | 1ULL)
#define AF	  (1ULL << 10)
#define R	  (1ULL << 6)
#define W	  (1ULL << 7)
#define DBM	  (1ULL << 51)
#define WB	  (0xfULL << 2)
#define DEV	  (0x1ULL << 2)
#define XN(x)	  ((uint64_t)(x) << 53)

/* 4K granule, T0SZ 24 (40-bit IPA), SL0 0b01 (level 1), PS 0b010 (40 bits), HA/HD as given. */
static uint64_t vtcr_4k40(bool ha, bool hd)
{
	return 24 | 1ULL << 6 | 2ULL << 16 | (ha ? 1ULL << 21 : 0) | (hd ? 1ULL << 22 : 0);
}

/*
 * Root at 0x10000: two concatenated level-1 tables (IPA[39:30], 1024 entries). Entry 1
 * (IPA 1G..2G) -> level-2 table 0x20000; its entry 0 (IPA 0x40000000) -> level-3 table
 * 0x30000, entries 0..5 pages with the attributes under test. Entry 512 (IPA 512G, in the
 * second concatenated table at 0x11000) is a 1 GiB block at 4G.
 */
static void build_4k(struct fake_mem *m)
{
	m->n = 0;
	poke(m, 0x10000 + 8 * 1, TABLE(0x20000));
	poke(m, 0x20000 + 8 * 0, TABLE(0x30000));
	poke(m, 0x30000 + 8 * 0, PAGE(0x80000000) | AF | R | W | WB);
	poke(m, 0x30000 + 8 * 1, PAGE(0x80001000) | R | W | WB);	/* AF = 0 */
	poke(m, 0x30000 + 8 * 2, PAGE(0x80002000) | AF | R | WB);	/* read-only */
	poke(m, 0x30000 + 8 * 3, PAGE(0x80003000) | AF | R | DBM | WB); /* clean, DBM */
	poke(m, 0x30000 + 8 * 4, PAGE(0x80004000) | AF | R | W | DEV);	/* Device-nGnRE */
	poke(m, 0x30000 + 8 * 5, BLOCK(0x80005000) | AF | R | W | WB);	/* 0b01 at level 3 */
	poke(m, 0x30000 + 8 * 6, PAGE(0x80006000) | AF | R | W | WB | XN(2));
	poke(m, 0x30000 + 8 * 7, PAGE(0x80007000) | AF | R | W | WB | XN(1));
	poke(m, 0x30000 + 8 * 8, PAGE(0x80008000) | AF | R | W | WB | XN(3));
	poke(m, 0x10000 + 8 * 512, BLOCK(0x100000000) | AF | R | W | WB);
}

static void expect_walk(const struct s2w_regime *r, struct fake_mem *m, uint64_t ipa,
			enum s2w_status status, unsigned level, uint64_t oa, const char *what)
{
	struct s2w_walk w;

	s2w_walk(r, peek, m, ipa, &w);
	unit_ok(w.status == status && w.level == level && (status != S2W_OK || w.oa == oa),
		"%s: status %d level %u oa 0x%llx (got %d %u 0x%llx)", what, status, level,
		(unsigned long long)oa, w.status, w.level, (unsigned long long)w.oa);
}

static void expect_outcome(const struct s2w_regime *r, struct fake_mem *m, uint64_t ipa,
			   enum s2_access acc, bool fault, unsigned fsc, bool s1ptw, bool wnr,
			   uint64_t desc_after_set, const char *what)
{
	struct s2w_walk w;
	struct s2_outcome o;

	s2w_walk(r, peek, m, ipa, &w);
	s2_access_outcome(r, &w, acc, &o);
	unit_ok(o.fault == fault && (!fault || (o.fsc == fsc && o.wnr == wnr)) &&
			o.s1ptw == s1ptw && o.desc_after == (w.desc | desc_after_set),
		"%s: fault %d fsc 0x%x s1ptw %d wnr %d desc |= 0x%llx (got %d 0x%x %d %d 0x%llx)",
		what, fault, fsc, s1ptw, wnr, (unsigned long long)desc_after_set, o.fault, o.fsc,
		o.s1ptw, o.wnr, (unsigned long long)(o.desc_after ^ w.desc));
}

static void test_walk_4k(void)
{
	struct fake_mem m;
	struct s2w_regime r = {.vtcr = vtcr_4k40(false, false), .baddr = 0x10000};

	build_4k(&m);
	expect_walk(&r, &m, 0x40000123, S2W_OK, 3, 0x80000123, "4K page at level 3");
	expect_walk(&r, &m, 0x40009000, S2W_TRANSLATION, 3, 0, "4K invalid level-3 entry");
	expect_walk(&r, &m, 0x40005000, S2W_TRANSLATION, 3, 0, "4K 0b01 at level 3");
	expect_walk(&r, &m, 0x40200000, S2W_TRANSLATION, 2, 0, "4K invalid level-2 entry");
	expect_walk(&r, &m, 0xc0000000, S2W_TRANSLATION, 1, 0, "4K invalid level-1 entry");
	expect_walk(&r, &m, 0x8000001234, S2W_OK, 1, 0x100001234,
		    "4K 1G block in the second concatenated root table (IPA[39] = 1)");
	expect_walk(&r, &m, 1ULL << 40, S2W_TRANSLATION, 0, 0, "IPA beyond T0SZ: level 0");

	/* PS 0b000 (32 bits): the block at 4G is an Address size fault at its level (1). */
	r.vtcr &= ~(7ULL << 16);
	expect_walk(&r, &m, 0x8000000000, S2W_ADDR_SIZE, 1, 0, "OA beyond PS: address size");
	expect_walk(&r, &m, 0x40000000, S2W_OK, 3, 0x80000000, "OA within PS 32");

	/* SL0 0b10 (level 0) with T0SZ 24: two level-0 entries, no concatenation needed. */
	r.vtcr = 24 | 2ULL << 6 | 2ULL << 16;
	m.n = 0;
	poke(&m, 0x10000, TABLE(0x20000));
	poke(&m, 0x20000 + 8 * 1, BLOCK(0x40000000) | AF | R | W | WB);
	expect_walk(&r, &m, 0x40000010, S2W_OK, 1, 0x40000010, "4K start level 0, 1G block");
	poke(&m, 0x20000 + 8 * 2, TABLE(0x30000));
	poke(&m, 0x30000, BLOCK(0x40000000) | AF | R | W | WB);
	expect_walk(&r, &m, 0x80012345, S2W_OK, 2, 0x40012345, "4K 2M block at level 2");
	poke(&m, 0x10008, BLOCK(0x8000000000) | AF | R | W | WB);
	expect_walk(&r, &m, 0x8000000000, S2W_TRANSLATION, 0, 0, "4K block at level 0 (no LPA2)");
}

static void test_walk_16k_64k(void)
{
	struct fake_mem m = {0};
	/* 64K: TG0 0b01, T0SZ 24, SL0 0b01 = level 2 (IPA[39:29], 2048 entries). */
	struct s2w_regime r = {.vtcr = 24 | 1ULL << 6 | 1ULL << 14 | 2ULL << 16, .baddr = 0x100000};

	poke(&m, 0x100000 + 8 * 2, TABLE(0x200000));	       /* IPA 1G: index 2 */
	poke(&m, 0x200000 + 8 * 1, PAGE(0x90010000) | AF | R); /* IPA[28:16] = 1 */
	expect_walk(&r, &m, 0x40011234, S2W_OK, 3, 0x90011234, "64K page at level 3");
	poke(&m, 0x100000 + 8 * 3, BLOCK(0x60000000) | AF | R); /* 512M block */
	expect_walk(&r, &m, 0x61234567, S2W_OK, 2, 0x61234567, "64K 512M block at level 2");

	/* 16K: TG0 0b10, T0SZ 28 (36 bits), SL0 0b01 = level 2 (IPA[35:25], 2048 entries). */
	m.n = 0;
	r.vtcr = 28 | 1ULL << 6 | 2ULL << 14 | 2ULL << 16;
	poke(&m, 0x100000 + 8 * 32, BLOCK(0x42000000) | AF | R); /* IPA 1G: index 32 */
	expect_walk(&r, &m, 0x40001234, S2W_OK, 2, 0x42001234, "16K 32M block at level 2");
	poke(&m, 0x100000 + 8 * 33, TABLE(0x300000));
	expect_walk(&r, &m, 0x42000000, S2W_TRANSLATION, 3, 0, "16K invalid level-3 entry");
	poke(&m, 0x300000, BLOCK(0x50000000) | AF | R);
	expect_walk(&r, &m, 0x42000000, S2W_TRANSLATION, 3, 0, "16K 0b01 at level 3");
}

static void test_outcomes(void)
{
	struct fake_mem m;
	struct s2w_regime r = {.vtcr = vtcr_4k40(false, false), .baddr = 0x10000};

	build_4k(&m);
	/* Translation faults keep the access's WnR; on the walk S1PTW = 1, WnR = 0. */
	expect_outcome(&r, &m, 0x40009000, S2_ACC_WRITE, true, ESR_FSC_TRANS(3), false, true, 0,
		       "store to unmapped");
	expect_outcome(&r, &m, 0x40200000, S2_ACC_TTW_READ, true, ESR_FSC_TRANS(2), true, false, 0,
		       "walk read of unmapped: S1PTW, WnR 0");
	expect_outcome(&r, &m, 0xc0000000, S2_ACC_TTW_UPDATE, true, ESR_FSC_TRANS(1), true, true, 0,
		       "descriptor update to unmapped: S1PTW, WnR 1");
	/* AF = 0: Access flag fault without HA; with HA the hardware sets AF. */
	expect_outcome(&r, &m, 0x40001000, S2_ACC_READ, true, ESR_FSC_ACCESS(3), false, false, 0,
		       "load, AF 0, HA 0");
	expect_outcome(&r, &m, 0x40001000, S2_ACC_TTW_READ, true, ESR_FSC_ACCESS(3), true, false, 0,
		       "walk, AF 0, HA 0");
	/* Read-only: reads and walks pass, writes and descriptor updates fault, WnR 1. */
	expect_outcome(&r, &m, 0x40002000, S2_ACC_READ, false, 0, false, false, 0, "load RO");
	expect_outcome(&r, &m, 0x40002000, S2_ACC_TTW_READ, false, 0, true, false, 0, "walk RO");
	expect_outcome(&r, &m, 0x40002000, S2_ACC_WRITE, true, ESR_FSC_PERM(3), false, true, 0,
		       "store RO");
	expect_outcome(&r, &m, 0x40002000, S2_ACC_TTW_UPDATE, true, ESR_FSC_PERM(3), true, true, 0,
		       "AF/dirty update of a table in RO");
	expect_outcome(&r, &m, 0x40003000, S2_ACC_WRITE, true, ESR_FSC_PERM(3), false, true, 0,
		       "store to clean DBM page, HD 0");
	/* Device: a walk faults only with PTW = 1; data accesses never by PTW. */
	expect_outcome(&r, &m, 0x40004000, S2_ACC_TTW_READ, false, 0, true, false, 0,
		       "walk to Device, PTW 0: as Normal NC");
	r.ptw = true;
	expect_outcome(&r, &m, 0x40004000, S2_ACC_TTW_READ, true, ESR_FSC_PERM(3), true, false, 0,
		       "walk to Device, PTW 1: permission fault");
	expect_outcome(&r, &m, 0x40000000, S2_ACC_TTW_READ, false, 0, true, false, 0,
		       "walk to Normal, PTW 1");
	expect_outcome(&r, &m, 0x40004000, S2_ACC_READ, false, 0, false, false, 0,
		       "load from Device, PTW 1");
	expect_outcome(&r, &m, 0x8000000000, S2_ACC_TTW_READ, false, 0, true, false, 0,
		       "walk to a Normal 1G block, PTW 1");
	r.ptw = false;
	/* XN[1:0]: 0b10 forbids EL1; 0b01 forbids EL1 only with FEAT_XNX; 0b11 allows EL1. */
	expect_outcome(&r, &m, 0x40006000, S2_ACC_EXEC_EL1, true, ESR_FSC_PERM(3), false, false, 0,
		       "fetch XN 0b10");
	expect_outcome(&r, &m, 0x40007000, S2_ACC_EXEC_EL1, false, 0, false, false, 0,
		       "fetch XN 0b01 without XNX");
	r.xnx = true;
	expect_outcome(&r, &m, 0x40007000, S2_ACC_EXEC_EL1, true, ESR_FSC_PERM(3), false, false, 0,
		       "fetch XN 0b01 with XNX");
	expect_outcome(&r, &m, 0x40008000, S2_ACC_EXEC_EL1, false, 0, false, false, 0,
		       "fetch XN 0b11 with XNX");

	/* HA = 1: AF set by the access; HD = 1: a write to a clean DBM page sets S2AP[1]. */
	r = (struct s2w_regime){.vtcr = vtcr_4k40(true, false), .baddr = 0x10000};
	expect_outcome(&r, &m, 0x40001000, S2_ACC_READ, false, 0, false, false, AF,
		       "load, AF 0, HA 1: AF set");
	expect_outcome(&r, &m, 0x40001000, S2_ACC_TTW_READ, false, 0, true, false, AF,
		       "walk, AF 0, HA 1: AF set");
	expect_outcome(&r, &m, 0x40003000, S2_ACC_WRITE, true, ESR_FSC_PERM(3), false, true, 0,
		       "store to clean DBM page, HA 1 HD 0");
	r.vtcr = vtcr_4k40(true, true);
	expect_outcome(&r, &m, 0x40003000, S2_ACC_WRITE, false, 0, false, false, W,
		       "store to clean DBM page, HD 1: dirty");
	expect_outcome(&r, &m, 0x40003000, S2_ACC_READ, false, 0, false, false, 0,
		       "load from clean DBM page, HD 1: stays clean");
	expect_outcome(&r, &m, 0x40003000, S2_ACC_TTW_UPDATE, false, 0, true, true, W,
		       "descriptor update in a clean DBM table page, HD 1: dirty");
	expect_outcome(&r, &m, 0x40002000, S2_ACC_WRITE, true, ESR_FSC_PERM(3), false, true, 0,
		       "store to RO without DBM, HD 1");
}

static void test_memattr(void)
{
	unit_ok(s2_memattr_is_device(0x0, false) && s2_memattr_is_device(0x3, false),
		"MemAttr 0b00xx is Device (FWB 0)");
	unit_ok(!s2_memattr_is_device(0x5, false) && !s2_memattr_is_device(0x4, false),
		"MemAttr 0b01xx is Normal (FWB 0)");
	unit_ok(s2_memattr_is_device(0x1, true) && !s2_memattr_is_device(0x6, true) &&
			!s2_memattr_is_device(0x5, true),
		"FWB: MemAttr[2] = 0 Device, 0b101/0b110 Normal");
	/* Stage-1 hardware updates: AF with HA; AP[2] cleared by a write with HA, HD and DBM. */
	unit_eq_u64(s1_hw_update(0x40000003, true, false, false), 0x40000403, "S1 HA sets AF");
	unit_eq_u64(s1_hw_update(0x40000003, false, false, false), 0x40000003, "S1 no HA");
	unit_eq_u64(s1_hw_update(0x40000483 | DBM, true, true, true), 0x40000403 | DBM,
		    "S1 HD: write clears AP[2] of a DBM page");
	unit_eq_u64(s1_hw_update(0x40000483 | DBM, true, true, false), 0x40000483 | DBM,
		    "S1 HD: a read leaves a DBM page clean");
	unit_eq_u64(s1_hw_update(0x40000483, true, true, true), 0x40000483,
		    "S1 HD: no DBM, nothing to update (a permission fault at stage 1)");
	unit_ok(!s2_fault_wnr(S2_ACC_TTW_READ) && s2_fault_wnr(S2_ACC_TTW_UPDATE) &&
			s2_fault_wnr(S2_ACC_WRITE) && !s2_fault_wnr(S2_ACC_READ),
		"WnR: walk read 0, descriptor update 1, store 1, load 0");
}

int main(void)
{
	test_walk_4k();
	test_walk_16k_64k();
	test_outcomes();
	test_memattr();
	return unit_done();
}
