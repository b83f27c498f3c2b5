/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the errata table and its matching (kernel/errata_table.c, kernel/errata.c).
 * The oracle is written by hand from the table's sources (Linux cpu_errata.c ranges): for each
 * MIDR/REVIDR the list of errata that apply, never computed with the matcher under test.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "errata.h"
#include "midr.h"
#include "qemu_models.h"
#include "strbuf.h"
#include "unit.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* The matcher's answer as "id id ...", to compare with a hand-written list. */
static const char *applying(uint64_t midr, uint64_t revidr)
{
	static char buf[512];
	struct strbuf sb = STRBUF(buf, sizeof(buf));

	buf[0] = '\0';
	for (size_t i = 0; i < errata_count; i++) {
		if (errata_applies(&errata_table[i], midr, revidr)) {
			strbuf_printf(&sb, "%s%s", sb.pos ? " " : "", errata_table[i].id);
		}
	}
	return buf;
}

struct expect {
	const char *cpu, *qemu;
	const char *errata; /* by hand, from the ranges in errata_table.c's sources */
};

/*
 * What each QEMU model is affected by. a64fx r1p0: Fujitsu 010001 (v0r0, v1r0). cortex-a53 r0p4:
 * 843419 (r0p0-r0p4) unless REVIDR bit 8, 845719 (r0p0-r0p4). cortex-a55 r2p0: 1024718 (all),
 * 1530923 (r0p0-r2p0, its last revision), 2441007 (all). cortex-a57 r1p0: 832075 and 834220
 * (r0p0-r1p2), 1319537 (all), 1742098 (r0p1 on). cortex-a72 r0p3: 1319367, 1655431 (all).
 * cortex-a710 r2p1: 2054223, 3324338 (all). cortex-a76 and neoverse-n1 r4p1: past every
 * range (1165522 to r2p0, 1286807 to r3p0, 1188873 to r2p0, 1418040 and 1463225 to r3p1) but
 * the SSBS erratum 3324349 (all). neoverse-n2 r0p3: 2067961, 3324339. neoverse-v1 r1p2: 3324341.
 */
static const struct expect qemu_expect[] = {
	{"a64fx", "7.2 10.0", "010001"},
	{"cortex-a35", "7.2 10.0", ""},
	{"cortex-a53", "7.2", "843419 845719"},
	{"cortex-a53", "10.0", "845719"},
	{"cortex-a55", "10.0", "1024718 1530923 2441007"},
	{"cortex-a57", "7.2 10.0", "832075 834220 1319537 1742098"},
	{"cortex-a72", "7.2 10.0", "1319367 1655431"},
	{"cortex-a710", "10.0", "2054223 3324338"},
	{"cortex-a76", "7.2 10.0", "3324349"},
	{"max", "7.2 10.0", ""},
	{"neoverse-n1", "7.2 10.0", "3324349"},
	{"neoverse-n2", "10.0", "2067961 3324339"},
	{"neoverse-v1", "10.0", "3324341"},
};

static void test_qemu_models(void)
{
	unit_eq_u64(ARRAY_SIZE(qemu_expect), QEMU_MODEL_COUNT, "an expectation per QEMU model");
	for (size_t i = 0; i < QEMU_MODEL_COUNT && i < ARRAY_SIZE(qemu_expect); i++) {
		const struct qemu_model *m = &qemu_models[i];
		char name[64];

		unit_ok(!strcmp(m->cpu, qemu_expect[i].cpu) &&
				!strcmp(m->qemu, qemu_expect[i].qemu),
			"model %zu is %s (QEMU %s)", i, qemu_expect[i].cpu, qemu_expect[i].qemu);
		snprintf(name, sizeof(name), "-cpu %s, QEMU %s", m->cpu, m->qemu);
		unit_eq_str(applying(m->midr, m->revidr), qemu_expect[i].errata, name);
	}
}

/* Range ends, fix bits, other implementers: single MIDRs with their lists by hand. */
static const struct {
	uint64_t midr, revidr;
	const char *errata, *what;
} edges[] = {
	{0x410fd070, 0, "832075 834220 1319537", "A57 r0p0: before 1742098's r0p1"},
	{0x410fd071, 0, "832075 834220 1319537 1742098", "A57 r0p1: 1742098 starts"},
	{0x411fd072, 0, "832075 834220 1319537 1742098", "A57 r1p2: last of 832075/834220"},
	{0x411fd073, 0, "1319537 1742098", "A57 r1p3: past r0p0-r1p2"},
	{0x412fd070, 0, "1319537 1742098", "A57 r2p0: a variant past the range"},
	{0x410fd079, 0, "832075 834220 1319537 1742098", "A57 r0p9: inside r0p0-r1p2"},
	{0xffffffff411fd070ULL, 0, "832075 834220 1319537 1742098", "MIDR bits [63:32] ignored"},
	{0x410fd034, 0x100, "845719", "A53 r0p4 with REVIDR bit 8: 843419 fixed"},
	{0x410fd034, 0x80, "843419 845719", "A53 r0p4, REVIDR bit 7 only: not the fix bit"},
	{0x410fd034, 0xffffffff, "845719", "A53 r0p4, every REVIDR bit"},
	{0x410fd033, 0x100, "843419 845719", "A53 r0p3: the fix bit means nothing there"},
	{0x410fd035, 0, "", "A53 r0p5: past r0p4"},
	{0x411fd030, 0, "", "A53 r1p0: another variant"},
	{0x412fd0b0, 0, "1165522 1188873 1286807 1418040 1463225 3324349", "A76 r2p0"},
	{0x412fd0b1, 0, "1286807 1418040 1463225 3324349", "A76 r2p1: past 1165522/1188873"},
	{0x413fd0b0, 0, "1286807 1418040 1463225 3324349", "A76 r3p0: last of 1286807"},
	{0x413fd0b1, 0, "1418040 1463225 3324349", "A76 r3p1: last of 1418040/1463225"},
	{0x413fd0b2, 0, "3324349", "A76 r3p2"},
	{0x410fd0c0, 0, "1188873 1418040 3324349", "N1 r0p0: no A76-only errata"},
	{0x413fd0c1, 0, "1418040 3324349", "N1 r3p1 (Ampere Altra)"},
	{0x410fd050, 0, "1024718 1530923 2441007", "A55 r0p0"},
	{0x412fd051, 0, "1024718 2441007", "A55 r2p1: past 1530923"},
	{0x460f0010, 0, "010001", "A64FX r0p0"},
	{0x460f0011, 0, "", "A64FX r0p1: only v0r0 and v1r0"},
	{0x462f0010, 0, "", "A64FX r2p0"},
	{0x410fd460, 0, "2077057 2441009 3117295", "A510 r0p0"},
	{0x410fd463, 0, "2441009 3117295", "A510 r0p3: past 2077057's r0p2"},
	{0x411fd461, 0, "2441009 3117295", "A510 r1p1: last of 2441009"},
	{0x411fd462, 0, "3117295", "A510 r1p2: 2441009 fixed"},
	{0x410fd801, 0, "2966298", "A520 r0p1"},
	{0x411fd800, 0, "", "A520 r1p0"},
	{0x410fd090, 0, "858921", "A73"},
	{0x411fd0d0, 0, "1508412", "A77 r1p0"},
	{0x411fd0d1, 0, "", "A77 r1p1"},
	{0x410fd820, 0, "3194386", "X4"},
	{0x410fd4d0, 0, "2645198", "A715"},
	{0x510fd070, 0, "", "part 0xd07 of another implementer (Qualcomm)"},
	{0x000fd070, 0, "", "part 0xd07 of implementer 0"},
	{0x410fd040, 0, "", "Cortex-A35: none known"},
	{0x410fd4f0, 0, "", "Neoverse-V2 (not in the table)"},
};

static void test_edges(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(edges); i++) {
		unit_eq_str(applying(edges[i].midr, edges[i].revidr), edges[i].errata,
			    edges[i].what);
	}
}

/* The table itself: ids unique and in numeric order, every field there, ranges well formed. */
static void test_table(void)
{
	bool ok = true;

	unit_ok(errata_count >= 30, "the table has %zu entries", errata_count);
	for (size_t i = 0; i < errata_count; i++) {
		const struct erratum *e = &errata_table[i];
		bool entry = e->id && e->title && e->rule && e->sden && e->core_count &&
			     e->core_count <= ERRATA_CORES_MAX &&
			     e->repro_count <= ERRATA_GLOBS_MAX &&
			     (e->repro_count ? e->no_repro == NULL : e->no_repro != NULL) &&
			     strlen(e->id) < ERRATA_ID_MAX &&
			     strspn(e->id, "0123456789") == strlen(e->id);

		if (i && strtoul(errata_table[i - 1].id, NULL, 10) >= strtoul(e->id, NULL, 10)) {
			entry = false;
		}
		for (unsigned c = 0; entry && c < e->core_count; c++) {
			const struct errata_core *k = &e->cores[c];
			uint64_t midr = (uint64_t)k->impl << 24 | (uint64_t)k->part << 4;

			entry = k->range_count && k->range_count <= ERRATA_RANGES_MAX &&
				midr_part_name(midr) != NULL;
			for (unsigned r = 0; entry && r < k->range_count; r++) {
				const struct errata_range *g = &k->ranges[r];

				entry = g->var_hi < 16 && g->rev_hi < 16 &&
					(g->var_lo << 4 | g->rev_lo) <=
						(g->var_hi << 4 | g->rev_hi);
			}
		}
		if (!entry) {
			unit_diag("entry %zu (%s) is malformed or out of order", i,
				  e->id ? e->id : "?");
			ok = false;
		}
	}
	unit_ok(ok, "every entry: id digits in order, text, cores known, ranges well formed, "
		    "reproducers or a reason");
	unit_ok(errata_find("834220") == &errata_table[2], "errata_find 834220");
	unit_ok(errata_find("010001") == &errata_table[0], "errata_find keeps leading zeros");
	unit_ok(errata_find("10001") == NULL, "10001 is not 010001");
	unit_ok(errata_find("83422") == NULL, "no prefix match");
	unit_ok(errata_find("") == NULL, "empty id");
}

static void test_instances(void)
{
	static const char at[] = "stage2.attr.atfault[s1-ro-over-s2-trans-l3,at=S12E1W]";
	const struct erratum *e834220 = errata_find("834220"), *e1319537 = errata_find("1319537");

	unit_ok(errata_of_instance(0x411fd070, 0, at) == e834220,
		"A57 r1p0: the AT form -> 834220");
	unit_ok(errata_of_instance(0x411fd070, 0, "errata.834220.s2-fault") == e834220,
		"A57: errata.834220.* -> 834220");
	unit_ok(errata_of_instance(0x411fd073, 0, at) == NULL, "A57 r1p3 is not affected");
	unit_ok(errata_of_instance(0x410fd083, 0, at) == NULL, "A72: not a reproducer there");
	unit_ok(errata_of_instance(0x000f0510, 0, at) == NULL, "QEMU max: nothing applies");
	unit_ok(errata_of_instance(0x411fd070, 0, "errata.834220") == NULL,
		"errata.834220 without a case does not match errata.834220.*");
	unit_ok(errata_of_instance(0x411fd070, 0, "stage2.attr.atfault[s1-ro,at=S12E0R]") == NULL,
		"another row of the family is no reproducer");
	unit_ok(errata_of_instance(0x411fd070, 0, "errata.1319367.tlb") == e1319537,
		"A57: the shared speculative-AT reproducer -> 1319537");
	unit_ok(errata_of_instance(0x410fd083, 0, "errata.1319367.tlb") == errata_find("1319367"),
		"A72: the same reproducer -> 1319367");
	unit_ok(errata_any_reproducer(0x411fd070, 0), "A57 has errata with reproducers");
	unit_ok(!errata_any_reproducer(0x414fd0b1, 0), "A76 r4p1: only 3324349, no reproducer");
	unit_ok(!errata_any_reproducer(0x000f0510, 0), "max: none");
}

static void test_describe(void)
{
	char buf[256], small[8];
	int n;

	errata_describe_cpu(0x411fd070, 0, buf, sizeof(buf));
	unit_eq_str(buf,
		    "832075 834220 1319537 1742098 (4 apply; with reproducers: 834220 1319537)",
		    "A57 header list");
	errata_describe_cpu(0x000f0510, 0, buf, sizeof(buf));
	unit_eq_str(buf, "none known", "max header list");
	errata_describe_cpu(0x414fd0b1, 0, buf, sizeof(buf));
	unit_eq_str(buf, "3324349 (1 apply; with reproducers: none)", "A76 r4p1 header list");
	n = errata_describe_cpu(0x411fd070, 0, small, sizeof(small));
	unit_eq_str(small, "832075 ", "truncated to 7 characters, NUL-terminated");
	unit_eq_u64(n,
		    strlen("832075 834220 1319537 1742098 (4 apply; with reproducers: 834220 "
			   "1319537)"),
		    "returns the full length");

	errata_describe_cores(errata_find("843419"), buf, sizeof(buf));
	unit_eq_str(buf, "Cortex-A53 r0p0-r0p4, fixed on r0p4 by REVIDR_EL1 mask 0x100", "843419");
	errata_describe_cores(errata_find("1742098"), buf, sizeof(buf));
	unit_eq_str(buf, "Cortex-A57 r0p1 and later", "1742098");
	errata_describe_cores(errata_find("3324349"), buf, sizeof(buf));
	unit_eq_str(buf, "Cortex-A76 all; Neoverse-N1 all", "3324349");
	errata_describe_cores(errata_find("010001"), buf, sizeof(buf));
	unit_eq_str(buf, "A64FX r0p0, r1p0", "010001");
}

int main(void)
{
	test_qemu_models();
	test_edges();
	test_table();
	test_instances();
	test_describe();
	return unit_done();
}
