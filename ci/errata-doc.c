/* SPDX-License-Identifier: MIT */
/*
 * errata-doc LISTING > docs/errata.md: the errata table (kernel/errata_table.c) as a page, with
 * what each QEMU model of make check is affected by (tests/unit/qemu_models.h) and the scenario
 * ids of the image's hyptap.list (LISTING) that each erratum's reproducer globs select. Built
 * for the host from the image's own sources, so the page cannot say something the image does
 * not. A reproducer glob that selects no scenario of the listing is an error (exit 1, named on
 * stderr, and marked in the page), never a silent empty match. Run by ci/gen-errata.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errata.h"
#include "glob.h"
#include "midr.h"
#include "qemu_models.h"

#define IDS_MAX 20000
#define ID_LEN	160

static char (*ids)[ID_LEN];
static size_t id_count;

/* The listing's instance lines: "# <id>" or "# <id>\t<fields>" (Hyptap::Listing's rule). */
static void read_listing(const char *path)
{
	FILE *f = fopen(path, "r");
	char line[8192];

	if (!f) {
		perror(path);
		exit(2);
	}
	ids = calloc(IDS_MAX, sizeof(*ids));
	while (ids && fgets(line, sizeof(line), f) && id_count < IDS_MAX) {
		size_t n;

		if (strncmp(line, "# ", 2) ||
		    !((line[2] >= 'a' && line[2] <= 'z') || (line[2] >= '0' && line[2] <= '9'))) {
			continue;
		}
		n = strcspn(line + 2, " \t\n");
		if ((line[2 + n] != '\t' && line[2 + n] != '\n' && line[2 + n] != '\0') ||
		    n >= ID_LEN) {
			continue;
		}
		memcpy(ids[id_count], line + 2, n);
		ids[id_count++][n] = '\0';
	}
	fclose(f);
	if (!id_count) {
		fprintf(stderr, "errata-doc: %s lists no scenario\n", path);
		exit(2);
	}
}

static size_t glob_hits(const char *glob, const char **first)
{
	size_t n = 0;

	for (size_t i = 0; i < id_count; i++) {
		if (glob_match(glob, ids[i]) && !n++) {
			*first = ids[i];
		}
	}
	return n;
}

static void models(void)
{
	char core[64], list[512];

	printf("## What the QEMU models of `make check` are affected by\n\n");
	printf("MIDR and REVIDR as QEMU's sources set them (`tests/unit/qemu_models.h`, checked "
	       "by\n"
	       "`tests/unit/errata_test.c` against lists written by hand). Under QEMU no erratum\n"
	       "reproduces: the model is not the silicon. These lines are what the boot header's\n"
	       "`# errata:` line says on each model, and where a reproducer's result is marked\n"
	       "`# TODO erratum N`.\n\n");
	printf("| `-cpu` | QEMU | MIDR | REVIDR | core | errata that apply |\n");
	printf("| --- | --- | --- | --- | --- | --- |\n");
	for (size_t i = 0; i < QEMU_MODEL_COUNT; i++) {
		const struct qemu_model *m = &qemu_models[i];

		midr_describe(m->midr, core, sizeof(core));
		errata_describe_cpu(m->midr, m->revidr, list, sizeof(list));
		printf("| %s | %s | 0x%08llx | 0x%llx | %s | %s |\n", m->cpu, m->qemu,
		       (unsigned long long)m->midr, (unsigned long long)m->revidr, core, list);
	}
	printf("\n");
}

/* The reproducers of @e and what they select; false when a glob selects nothing. */
static bool reproducers(const struct erratum *e)
{
	bool ok = true;

	if (!e->repro_count) {
		printf("- reproducers: none. %c%s.\n", e->no_repro[0] - 'a' + 'A', e->no_repro + 1);
		return true;
	}
	printf("- reproducers (`hyptap.errata=%s`):", e->id);
	for (unsigned g = 0; g < e->repro_count; g++) {
		const char *first = NULL;
		size_t n = glob_hits(e->repro[g], &first);

		if (n) {
			printf("%s `%s` (%zu instance%s, e.g. `%s`)", g ? ";" : "", e->repro[g], n,
			       n == 1 ? "" : "s", first);
		} else {
			printf("%s `%s` (**selects no scenario of this image**)", g ? ";" : "",
			       e->repro[g]);
			fprintf(stderr,
				"errata-doc: erratum %s: reproducer glob %s selects no scenario of "
				"the image's hyptap.list\n",
				e->id, e->repro[g]);
			ok = false;
		}
	}
	printf("\n");
	return ok;
}

static bool table(void)
{
	char core[256];
	bool ok = true;

	printf("## The table\n\n");
	for (size_t i = 0; i < errata_count; i++) {
		const struct erratum *e = &errata_table[i];

		errata_describe_cores(e, core, sizeof(core));
		printf("### %s: %s\n\n", e->id, e->title);
		printf("- affected: %s\n", core);
		printf("- rule broken: %s\n", e->rule);
		printf("- source: %s\n", e->sden);
		printf("- Linux: %s\n", e->linux_cap ? e->linux_cap : "no workaround");
		ok = reproducers(e) && ok;
		printf("\n");
	}
	return ok;
}

static void summary(void)
{
	size_t with = 0;

	for (size_t i = 0; i < errata_count; i++) {
		with += errata_table[i].repro_count != 0;
	}
	printf("%zu errata in the table, %zu with reproducer globs, %zu without (each with the\n"
	       "reason).\n\n",
	       errata_count, with, errata_count - with);
	printf("With reproducers:");
	for (size_t i = 0; i < errata_count; i++) {
		if (errata_table[i].repro_count) {
			printf(" %s", errata_table[i].id);
		}
	}
	printf(".\n\n");
}

static void left_out(void)
{
	printf("## Left out, and why\n\n"
	       "- Cortex-A53 826319, 827319, 824069, 819472 (Linux ARM64_WORKAROUND_CLEAN_CACHE, "
	       "r0p0-r0p2 and r0p0-r0p1): interconnect\n"
	       "  transactions and cache-line state under cache maintenance by VA. They touch "
	       "neither "
	       "EL2, stage 2,\n"
	       "  the vGIC, the timers nor trapping (Linux's workaround traps EL0 cache "
	       "maintenance "
	       "with SCTLR_EL1.UCI,\n"
	       "  an EL1 matter), and no TAP verdict can observe them.\n"
	       "- Trace-buffer errata (2119858, 2139208, 2224489, 2253138; Cortex-A510 2038923, "
	       "2064142, 1902691):\n"
	       "  TRBE behaviour, which hyptap does not drive. The TSB flush errata 2054223 and "
	       "2067961 are in the\n"
	       "  table because a hypervisor's world switch issues TSB CSYNC.\n"
	       "- Errata Linux lists without a revision range (Cortex-A57 852523, Cortex-A72 "
	       "853709, "
	       "Neoverse-N1\n"
	       "  1349291, Neoverse-V1 1619801): the table states only ranges it can cite.\n"
	       "- Errata of cores no QEMU model is based on and that touch nothing hyptap checks "
	       "(Cortex-A510 2051678,\n"
	       "  2457168, 2658417; Cortex-A77 and Neoverse-N1 1542419, instruction-cache "
	       "coherency), and other\n"
	       "  implementers' cores (Cavium, Qualcomm, HiSilicon, NVIDIA, Ampere).\n\n");
}

static void usage_notes(void)
{
	printf("## In a run\n\n"
	       "- Header: `# errata: cpu N (<core rNpM> revidr=0x...): <ids> (K apply; with "
	       "reproducers: <ids>)`\n"
	       "  after the hyptap header line for the boot PE and after each secondary's `cpu N:` "
	       "line, or\n"
	       "  `none known` (QEMU's `max` has implementer 0).\n"
	       "- A reproducer that ran on a PE its erratum applies to is printed with its honest "
	       "status and\n"
	       "  `# TODO erratum N`: `ok ... # TODO erratum N` (the condition did not show) or "
	       "`not "
	       "ok ... # TODO\n"
	       "  erratum N` (it did, or something else failed). TAP does not count a TODO point, "
	       "so both pass\n"
	       "  `ci/tap-gate`; LAVA records it as `unknown`. The erratum's text (`erratum`, "
	       "`erratum_title`,\n"
	       "  `erratum_cores`, `erratum_rule`, `erratum_source`, `erratum_linux`) is added to "
	       "the point's YAML,\n"
	       "  which the image prints for a failing point only: a passing TODO carries its "
	       "erratum's number in\n"
	       "  the directive, and the text is here and in the header.\n"
	       "- `hyptap.errata=N[,N]` selects exactly the reproducers of those errata (with "
	       "`hyptap.only` and\n"
	       "  `hyptap.skip` applied as well). An erratum not in the table, one without a "
	       "reproducer, or one\n"
	       "  whose reproducers select nothing is a `Bail out!` naming it.\n"
	       "- `hyptap.list` prints `#   errata=N` after each listed id that reproduces erratum "
	       "N, "
	       "and one\n"
	       "  `# erratum N\\tcores=...\\ttitle=...\\treproducers=...` line per table entry.\n"
	       "- Baselines: a reproducer annotated TODO is no deviation for `ci/baseline` to "
	       "list; "
	       "an entry for\n"
	       "  it left in `results/*.expect` is stale and fails the gate "
	       "(docs/baselines.md).\n\n");
}

int main(int argc, char **argv)
{
	bool ok;

	if (argc != 2) {
		fprintf(stderr, "usage: errata-doc LISTING (the image's hyptap.list output)\n");
		return 2;
	}
	read_listing(argv[1]);
	printf("# Errata\n\n");
	printf("Generated by `make docs` (ci/gen-errata, ci/errata-doc.c) from the errata table\n"
	       "(`kernel/errata_table.c`) and the image's `hyptap.list`; `make check` fails when "
	       "this\n"
	       "file is stale or a reproducer glob selects no scenario.\n\n");
	printf("The table holds the published errata of the cores QEMU models (and their close "
	       "relatives)\n"
	       "that break something hyptap checks: EL2, stage 2, the vGIC, the timers, trapping "
	       "and exception\n"
	       "syndromes. Affected revisions and REVIDR fix bits come from Linux's\n"
	       "`arch/arm64/kernel/cpu_errata.c` (`cpufeature.c` for 1024718, `cputype.h` for "
	       "Fujitsu 010001),\n"
	       "never guessed; what goes wrong from the Linux Kconfig help text and the vendor's "
	       "notice.\n\n");
	summary();
	models();
	ok = table();
	left_out();
	usage_notes();
	free(ids);
	return ok ? 0 : 1;
}
