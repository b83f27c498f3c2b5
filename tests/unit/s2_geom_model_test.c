/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/s2_geom_model.c against vectors checked by hand from the Arm ARM
 * (DDI 0487 K.a): the ID_AA64MMFR0_EL1 TGran/TGran_2/PARange encodings, the pseudocode
 * functions named at each vector, and the stage2.geom.map row list (s2_geom_rows.h): every row
 * is what the oracle says and every legal combination has a row.
 */
#include "s2_geom_model.h"
#include "s2_geom_rows.h"
#include "unit.h"

/*
 * ID_AA64MMFR0_EL1 values. Cortex-A57 r1p0 (TRM): PARange 0b0100 (44 bits), TGran4 0b0000,
 * TGran64 0b0000, TGran16 0b0000 (none), TGran*_2 0b0000 (as stage 1). Cortex-A53: PARange
 * 0b0010 (40 bits). A "full" CPU: PARange 0b0110 (FEAT_LPA), TGran4_2 = TGran16_2 = 0b0011
 * (FEAT_LPA2), TGran64_2 = 0b0010, TGran16 = 0b0010, TGran4 = 0b0001; ID_AA64MMFR2_EL1.ST = 1.
 */
#define MMFR0_A57  0x00001124ULL
#define MMFR0_A53  0x00001122ULL
#define MMFR0_FULL 0x0000032310201126ULL
#define MMFR2_TTST (1ULL << 28)
/* FEAT_LPA without FEAT_LPA2: PARange 52, the _2 fields 0b0010. */
#define MMFR0_LPA 0x0000022200101126ULL

static struct s2_geom_cpu cpu(uint64_t mmfr0, uint64_t mmfr2)
{
	struct s2_geom_cpu c;

	s2_geom_cpu_init(&c, mmfr0, mmfr2);
	return c;
}

static struct s2_vtcr vtcr(unsigned gs, unsigned t0sz, unsigned sl0, bool ds, unsigned ps)
{
	return (struct s2_vtcr){
		.granule_shift = gs, .t0sz = t0sz, .sl0 = sl0, .sl2 = false, .ds = ds, .ps = ps};
}

/* VTCR_EL2 with SL2 = 1 (bit 33): 4KB start level -1 with SL0 = 0 and DS = 1. */
static struct s2_vtcr vtcr_sl2(unsigned t0sz, unsigned sl0, bool ds, unsigned ps)
{
	struct s2_vtcr v = vtcr(12, t0sz, sl0, ds, ps);

	v.sl2 = true;
	return v;
}

/* A legal value: one interpretation, no fault, with this start level, tables and OA size. */
static void expect_legal(const struct s2_geom_cpu *c, struct s2_vtcr v, int level, unsigned tables,
			 unsigned oa_bits, const char *what)
{
	struct s2_geom_set s;

	s2_geom_decide(c, &v, &s);
	unit_ok(s.n == 1 && !s.v[0].fault, "%s: legal (n %u, fault %d)", what, s.n,
		s.n ? s.v[0].fault : -1);
	unit_ok(s.v[0].start_level == level, "%s: start level %d (got %d)", what, level,
		s.v[0].start_level);
	unit_ok(s.v[0].root_tables == tables, "%s: %u root tables (got %u)", what, tables,
		s.v[0].root_tables);
	unit_ok(s.v[0].oa_bits == oa_bits, "%s: %u-bit OA (got %u)", what, oa_bits, s.v[0].oa_bits);
	unit_ok(s.v[0].ia_bits == 64 - v.t0sz, "%s: %u-bit IA", what, 64 - v.t0sz);
}

/* Only a level 0 Translation fault is permitted. */
static void expect_fault(const struct s2_geom_cpu *c, struct s2_vtcr v, const char *what)
{
	struct s2_geom_set s;

	s2_geom_decide(c, &v, &s);
	unit_ok(s.n == 1 && s.v[0].fault, "%s: level 0 Translation fault only (n %u)", what, s.n);
}

/* Fault, or treated as @ia_bits with this start level (IMPLEMENTATION DEFINED). */
static void expect_fault_or(const struct s2_geom_cpu *c, struct s2_vtcr v, unsigned ia_bits,
			    int level, const char *what)
{
	struct s2_geom_set s;

	s2_geom_decide(c, &v, &s);
	unit_ok(s.n == 2 && s.v[0].fault && !s.v[1].fault, "%s: fault or clamp (n %u)", what, s.n);
	unit_ok(s.v[1].ia_bits == ia_bits && s.v[1].start_level == level,
		"%s: treated as %u bits from level %d (got %u, %d)", what, ia_bits, level,
		s.v[1].ia_bits, s.v[1].start_level);
}

static void test_cpu_init(void)
{
	struct s2_geom_cpu c = cpu(MMFR0_A57, 0);
	char why[128];

	unit_ok(c.pa_bits == 44 && c.gran4 && !c.gran16 && c.gran64 && !c.lpa && !c.lpa2 && !c.ttst,
		"A57: 44-bit PA, 4KB and 64KB (TGran*_2 = 0: as stage 1), no LPA/LPA2/TTST");
	unit_ok(s2_granule_why(&c, 14, why, sizeof(why)) != NULL &&
			!strcmp(why, "needs the 16KB stage 2 granule "
				     "(ID_AA64MMFR0_EL1.TGran16_2=0, TGran16=0)"),
		"A57: 16KB SKIP reason names the fields (%s)", why);
	c = cpu(MMFR0_A53, 0);
	unit_ok(c.pa_bits == 40, "A53: 40-bit PA");
	c = cpu(MMFR0_FULL, MMFR2_TTST);
	unit_ok(c.pa_bits == 52 && c.gran4 && c.gran16 && c.gran64 && c.lpa && c.lpa2 && c.ttst,
		"full: 52-bit PA, every granule, LPA, LPA2 (TGran4_2 = 0b0011), TTST");
	c = cpu(MMFR0_LPA, 0);
	unit_ok(c.lpa && !c.lpa2, "PARange 0b0110 with TGran*_2 = 0b0010: LPA without LPA2");
	/* TGran4_2 = 0b0001: not at stage 2, whatever stage 1 says. */
	c = cpu(0x0000010000001124ULL, 0);
	unit_ok(!c.gran4, "TGran4_2 = 0b0001: no 4KB at stage 2");
}

static void test_start_levels(void)
{
	struct s2_geom_cpu a57 = cpu(MMFR0_A57, 0), a53 = cpu(MMFR0_A53, 0);
	struct s2_geom_cpu full = cpu(MMFR0_FULL, MMFR2_TTST);

	/* D8 "Concatenated translation tables": 4KB, 40-bit IPA from level 1 = 2 tables. */
	expect_legal(&a57, vtcr(12, 24, 1, false, 2), 1, 2, 40, "4KB 40-bit SL0=1");
	/* S2InvalidSL(): 4KB SL0 = 0b10 (level 0) needs PAMax >= 44. */
	expect_legal(&a57, vtcr(12, 24, 2, false, 4), 0, 1, 44, "A57 4KB 40-bit level 0");
	expect_fault(&a53, vtcr(12, 24, 2, false, 2), "A53 4KB SL0=0b10 (PAMax 40 < 44)");
	/* S2InconsistentSL(): level 2 resolves 22..34 bits for 4KB. */
	expect_fault(&a57, vtcr(12, 24, 0, false, 2), "4KB 40-bit from level 2 (max 34)");
	expect_legal(&a57, vtcr(12, 30, 0, false, 2), 2, 16, 40, "4KB 34-bit from level 2: 16");
	expect_fault(&a57, vtcr(12, 34, 1, false, 2), "4KB 30-bit from level 1 (min 31)");
	expect_legal(&a57, vtcr(12, 33, 1, false, 2), 1, 1, 40, "4KB 31-bit from level 1");
	expect_legal(&a57, vtcr(12, 33, 0, false, 2), 2, 2, 40, "4KB 31-bit from level 2: 2");
	/* S2InvalidSL(): SL0 = 0b11 is level 3 only with FEAT_TTST for 4KB, never for 64KB. */
	expect_fault(&a57, vtcr(12, 39, 3, false, 2), "4KB SL0=0b11 without TTST");
	expect_legal(&full, vtcr(12, 39, 3, false, 2), 3, 16, 40, "4KB 25-bit level 3 (TTST)");
	expect_fault(&full, vtcr(16, 22, 3, false, 2), "64KB SL0=0b11 reserved");
	/* 64KB: level 2 resolves 30..46 bits; 46 bits = 17 bits at level 2 = 16 tables. */
	expect_legal(&full, vtcr(16, 18, 1, false, 4), 2, 16, 44, "64KB 46-bit level 2: 16");
	expect_legal(&a57, vtcr(16, 22, 1, false, 4), 2, 1, 44, "64KB 42-bit level 2: 1");
	expect_fault(&full, vtcr(16, 17, 1, false, 4), "64KB 47-bit from level 2 (max 46)");
	expect_fault_or(&a57, vtcr(16, 18, 1, false, 4), 44, 2, "A57 64KB 46-bit > PA 44");
	/* 16KB SL0 = 0b11 (level 0) needs DS = 1 and 52 bits. */
	expect_fault(&full, vtcr(14, 16, 3, false, 5), "16KB SL0=0b11 with DS = 0");
	expect_legal(&full, vtcr(14, 12, 3, true, 6), 0, 1, 52, "16KB 52-bit level 0 DS");
	/* 4KB 52-bit: level 0 with 16 tables (13 bits), DS = 1. */
	expect_legal(&full, vtcr(12, 12, 2, true, 6), 0, 16, 52, "4KB 52-bit level 0 DS: 16");
	expect_legal(&full, vtcr(12, 15, 2, true, 6), 0, 2, 52, "4KB 49-bit level 0 DS: 2");
	/* 64KB 52-bit from level 1 (FEAT_LPA): 10 bits in one table. */
	expect_legal(&full, vtcr(16, 12, 2, false, 6), 1, 1, 52, "64KB 52-bit level 1");
	/*
	 * AArch64.S2StartLevel(): 4KB SL2:SL0 = 0b100 is level -1. S2InconsistentSL(): level -1
	 * resolves from levels * stride + granule + 1 = 4 * 9 + 12 + 1 = 49 bits, so 49..52-bit
	 * IPAs (1..4 bits, IA[51:48]) in one table of 2..16 entries: nothing to concatenate.
	 */
	expect_legal(&full, vtcr_sl2(12, 0, true, 6), -1, 1, 52, "4KB 52-bit SL2 level -1");
	expect_legal(&full, vtcr_sl2(15, 0, true, 6), -1, 1, 52, "4KB 49-bit SL2 level -1");
	{
		struct s2_vtcr v52 = vtcr_sl2(12, 0, true, 6), v49 = vtcr_sl2(15, 0, true, 6);
		struct s2_geom_set s;

		s2_geom_decide(&full, &v52, &s);
		unit_ok(s.v[0].root_bits == 4, "4KB 52-bit level -1 resolves 4 bits (got %u)",
			s.v[0].root_bits);
		s2_geom_decide(&full, &v49, &s);
		unit_ok(s.v[0].root_bits == 1, "4KB 49-bit level -1 resolves 1 bit (got %u)",
			s.v[0].root_bits);
	}
	expect_fault(&full, vtcr_sl2(16, 0, true, 6), "4KB 48-bit SL2 level -1 (min 49)");
	/* S2InvalidSL(): SL2:SL0 = 0b101 is reserved. */
	expect_fault(&full, vtcr_sl2(12, 1, true, 6), "4KB SL2:SL0 = 0b101 reserved");
	/* GetS2TTWParams(): SL2 is used only with DS = 1; else SL0 = 0 is level 2 (34 bits). */
	expect_legal(&full, vtcr_sl2(30, 0, false, 6), 2, 16, 52, "4KB SL2 without DS: level 2");
}

static void test_txsz(void)
{
	struct s2_geom_cpu a57 = cpu(MMFR0_A57, 0), full = cpu(MMFR0_FULL, MMFR2_TTST);
	struct s2_geom_cpu lpa = cpu(MMFR0_LPA, 0);

	/* S2TxSZFaults(): below S2MinTxSZ() (64 - 44 = 20) without FEAT_LPA: fault or clamp. */
	expect_fault_or(&a57, vtcr(12, 16, 2, false, 4), 44, 0, "A57 4KB T0SZ 16 < 20");
	/* ... and the clamped value still meets S2InconsistentSL(): 44 bits from level 1 no. */
	expect_fault(&a57, vtcr(12, 16, 1, false, 4), "A57 4KB T0SZ 16, level 1: both fault");
	/* With FEAT_LPA a T0SZ below the minimum faults: 4KB DS = 0 minimum is 16 (48 bits). */
	expect_fault(&full, vtcr(12, 15, 2, false, 6), "LPA 4KB T0SZ 15 DS=0");
	expect_fault(&lpa, vtcr(14, 12, 2, false, 6), "LPA 16KB T0SZ 12 DS=0");
	/* Above AArch64.MaxTxSZ() (39 without TTST): fault or treated as 39. */
	expect_fault_or(&a57, vtcr(12, 40, 0, false, 2), 25, 2, "A57 4KB T0SZ 40 > 39");
	expect_fault_or(&a57, vtcr(16, 45, 0, false, 2), 25, 3, "A57 64KB T0SZ 45 > 39");
	/* With TTST the maximum is 48 (47 for 64KB). */
	expect_legal(&full, vtcr(12, 48, 3, false, 2), 3, 1, 40, "TTST 4KB T0SZ 48");
	expect_fault_or(&full, vtcr(16, 48, 0, false, 2), 17, 3, "TTST 64KB T0SZ 48 > 47");
	/* DS has no effect for 64KB (GetS2TTWParams()), nor without FEAT_LPA2. */
	expect_fault(&lpa, vtcr(12, 12, 2, true, 6), "no LPA2: DS ignored, 4KB T0SZ 12 faults");
}

static void test_ps(void)
{
	struct s2_geom_cpu a57 = cpu(MMFR0_A57, 0), full = cpu(MMFR0_FULL, MMFR2_TTST);
	struct s2_geom_cpu lpa = cpu(MMFR0_LPA, 0);

	/* AArch64.PhysicalAddressSize(): Min(PS, max), max = PAMax capped at 48 (or 52). */
	expect_legal(&a57, vtcr(12, 24, 1, false, 7), 1, 2, 44, "A57 PS 0b111: 44 bits");
	expect_legal(&a57, vtcr(12, 24, 1, false, 5), 1, 2, 44, "A57 PS 48: 44 bits");
	expect_legal(&a57, vtcr(12, 24, 1, false, 0), 1, 2, 32, "A57 PS 0b000: 32 bits");
	expect_legal(&a57, vtcr(12, 24, 1, false, 3), 1, 2, 42, "A57 PS 0b011: 42 bits");
	expect_legal(&full, vtcr(12, 24, 1, false, 6), 1, 2, 52, "LPA+LPA2 4KB DS=0 PS 52: 52");
	expect_legal(&lpa, vtcr(12, 24, 1, false, 6), 1, 2, 48, "LPA only, 4KB PS 52: 48");
	expect_legal(&lpa, vtcr(16, 24, 1, false, 7), 2, 1, 52, "LPA only, 64KB PS 0b111: 52");
}

/*
 * A walk from level -1 (4KB, DS = 1, 52-bit IPA): AArch64.S2Walk() checks the table address held
 * at level -1 against PS like any other ("Detect Address Size Fault by table descriptor"), at
 * level -1 (FSC 0b101001); StageOA() adds the page offset.
 */
static void test_walk_level_m1(void)
{
	struct s2_geom_cpu full = cpu(MMFR0_FULL, MMFR2_TTST);
	struct s2_vtcr v = vtcr_sl2(12, 0, true, 5); /* PS 48 bits */
	struct s2_geom_set s;
	struct s2_walk_input in = {
		.ipa = 0xfffffffffff12ULL,
		.baddr = 0x40000000,
		.next_table = {0x40001000, 0x40002000, 0x40003000, 0x40004000, 0},
		.leaf_level = 3,
		.leaf_oa = 0x40100000};
	struct s2_walk_result r;

	s2_geom_decide(&full, &v, &s);
	unit_ok(s.n == 1 && !s.v[0].fault && s.v[0].start_level == -1 && s.v[0].oa_bits == 48,
		"52-bit IPA from level -1, PS 48: legal");
	s2_walk_expect(&s.v[0], &in, &r);
	unit_ok(r.fault == S2_FAULT_NONE && r.pa == 0x40100f12, "level -1 walk: PA 0x40100f12");
	in.next_table[-1 + 1] |= 1ULL << 49;
	s2_walk_expect(&s.v[0], &in, &r);
	unit_ok(r.fault == S2_FAULT_ADDRESS_SIZE && r.level == -1 && s2_fsc(&r) == 0x29,
		"level -1 table descriptor above 2^48: Address size fault level -1 (0x29)");
	in.next_table[-1 + 1] = 0x40001000;
	in.next_table[0 + 1] |= 1ULL << 48;
	s2_walk_expect(&s.v[0], &in, &r);
	unit_ok(r.fault == S2_FAULT_ADDRESS_SIZE && r.level == 0 && s2_fsc(&r) == 0x00,
		"level 0 table descriptor above 2^48: Address size fault level 0");
}

static void test_walk(void)
{
	struct s2_geom_cpu a57 = cpu(MMFR0_A57, 0);
	struct s2_vtcr v = vtcr(12, 24, 1, false, 0); /* 40-bit IPA, level 1, PS 32 bits */
	struct s2_geom_set s;
	struct s2_walk_input in = {
		.ipa = 0x12345678,
		.baddr = 0x40000000,
		.next_table = {0, 0, 0x40001000, 0x40002000, 0}, /* [level + 1] */
		.leaf_level = 3,
		.leaf_oa = 0x40100000};
	struct s2_walk_result r;

	s2_geom_decide(&a57, &v, &s);
	s2_walk_expect(&s.v[0], &in, &r);
	unit_ok(r.fault == S2_FAULT_NONE && r.pa == 0x40100678, "page walk: PA 0x40100678");
	in.ipa = 1ULL << 40;
	s2_walk_expect(&s.v[0], &in, &r);
	unit_ok(r.fault == S2_FAULT_TRANSLATION && r.level == 0 && s2_fsc(&r) == 0x04,
		"IPA 2^40 in a 40-bit space: IPAIsOutOfRange(), Translation fault level 0");
	in.ipa = 0x12345678;
	in.baddr |= 1ULL << 32;
	s2_walk_expect(&s.v[0], &in, &r);
	unit_ok(r.fault == S2_FAULT_ADDRESS_SIZE && r.level == 0 && s2_fsc(&r) == 0x00,
		"BADDR bit 32 with PS 32: Address size fault level 0");
	in.baddr = 0x40000000;
	in.next_table[2 + 1] |= 1ULL << 35;
	s2_walk_expect(&s.v[0], &in, &r);
	unit_ok(r.fault == S2_FAULT_ADDRESS_SIZE && r.level == 2 && s2_fsc(&r) == 0x02,
		"level-2 table descriptor pointing above 2^32: Address size fault level 2");
	in.next_table[2 + 1] = 0x40002000;
	in.leaf_oa |= 1ULL << 32;
	s2_walk_expect(&s.v[0], &in, &r);
	unit_ok(r.fault == S2_FAULT_ADDRESS_SIZE && r.level == 3 && s2_fsc(&r) == 0x03,
		"page OA bit 32 with PS 32: Address size fault level 3");
	v.ps = 1; /* 36 bits: the same walk translates */
	s2_geom_decide(&a57, &v, &s);
	s2_walk_expect(&s.v[0], &in, &r);
	unit_ok(r.fault == S2_FAULT_NONE && r.pa == 0x140100678, "PS 36: OA 0x140100678");
	in.leaf_level = 2; /* a 2MB block: the offset inside it comes from the IPA */
	in.leaf_oa = 0x40200000;
	s2_walk_expect(&s.v[0], &in, &r);
	unit_ok(r.fault == S2_FAULT_NONE && r.pa == 0x40345678, "2MB block: PA 0x40345678");
	r.fault = S2_FAULT_TRANSLATION;
	r.level = -1;
	unit_eq_u64(s2_fsc(&r), 0x2b, "Translation fault level -1: 0b101011");
	test_walk_level_m1();
}

/* Every row of stage2.geom.map is legal with its numbers; every legal combination is a row. */
#define COUNT_ROW(gn, gs, ipa, lvl, n, ds, sfx) +1
#define CHECK_ROW(gn, gs, ipa, lvl, n, ds, sfx) check_row(&full, gs, ipa, lvl, n, ds);

static bool legal(const struct s2_geom_cpu *c, unsigned gs, unsigned ipa, int lvl, bool ds,
		  struct s2_geom *g)
{
	struct s2_vtcr v = vtcr(gs, 64 - ipa, 0, ds, 6);
	struct s2_geom_set s;

	if (!s2_start_level_sl0(gs, lvl, &v.sl0, &v.sl2)) {
		return false;
	}
	s2_geom_decide(c, &v, &s);
	if (g) {
		*g = s.v[0];
	}
	/* The level asked for: without DS, SL2 is ignored and SL0 = 0 means level 2. */
	return s.n == 1 && !s.v[0].fault && s.v[0].start_level == lvl;
}

static void check_row(const struct s2_geom_cpu *c, unsigned gs, unsigned ipa, int lvl, unsigned n,
		      bool ds)
{
	struct s2_geom g = {.root_tables = 0};

	unit_ok(legal(c, gs, ipa, lvl, ds, &g) && g.root_tables == n && g.start_level == lvl,
		"row %uKB ipa=%u start=%d concat=%u ds=%d: legal, %u tables", 1u << (gs - 10), ipa,
		lvl, n, ds, g.root_tables);
	unit_ok(ds == !legal(c, gs, ipa, lvl, false, NULL),
		"row %uKB ipa=%u start=%d: DS = 1 exactly where DS = 0 is not legal",
		1u << (gs - 10), ipa, lvl);
}

static void test_rows(void)
{
	struct s2_geom_cpu full = cpu(MMFR0_FULL, MMFR2_TTST);
	static const unsigned granules[] = {12, 14, 16};
	unsigned rows = 0 S2_GEOM_MAP_ROWS(COUNT_ROW), combos = 0;

	S2_GEOM_MAP_ROWS(CHECK_ROW)
	for (unsigned i = 0; i < 3; i++) {
		for (unsigned ipa = 12; ipa <= 56; ipa++) {
			for (int lvl = -1; lvl <= 3; lvl++) {
				combos += legal(&full, granules[i], ipa, lvl, false, NULL) ||
					  legal(&full, granules[i], ipa, lvl, true, NULL);
			}
		}
	}
	unit_eq_u64(rows, combos, "the row list has every legal (granule, IPA, level)");
	/* 142 for levels 0..3, and 4KB level -1 with 49..52 bits (SL2, DS = 1): 146. */
	unit_eq_u64(rows, 146, "146 rows");
}

int main(void)
{
	test_cpu_init();
	test_start_levels();
	test_txsz();
	test_ps();
	test_walk();
	test_rows();
	return unit_done();
}
