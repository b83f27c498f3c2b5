/* SPDX-License-Identifier: MIT */
/*
 * The runner's side of the errata table (kernel/errata.h): the header's per-PE errata lines,
 * hyptap.errata's selection and its checks, the "# TODO erratum N" annotation of a reproducer
 * that ran on an affected PE, and what hyptap.list shows of the table. The matching itself is
 * pure code in kernel/errata.c; this file only reads the PE's MIDR/REVIDR and prints.
 */
#include <stdio.h>
#include <string.h>

#include "arch/sysreg.h"
#include "errata_annotate.h"
#include "midr.h"
#include "strbuf.h"

void errata_print_cpu(struct tap *t, unsigned cpu, uint64_t midr, uint64_t revidr)
{
	char core[64], list[320];

	midr_describe(midr, core, sizeof(core));
	errata_describe_cpu(midr, revidr, list, sizeof(list));
	tap_comment(t, "errata: cpu %u (%s revidr=0x%llx): %s", cpu, core,
		    (unsigned long long)revidr, list);
}

bool errata_selects(const struct bootargs *a, const char *id)
{
	for (unsigned i = 0; i < a->errata_count; i++) {
		const struct erratum *e = errata_find(a->errata[i]);

		if (e && errata_reproduces(e, id)) {
			return true;
		}
	}
	return a->errata_count == 0;
}

int errata_selection_error(const struct bootargs *a, unsigned count,
			   void (*id_of)(unsigned i, char *buf, size_t len), char *err, size_t len)
{
	for (unsigned k = 0; k < a->errata_count; k++) {
		const struct erratum *e = errata_find(a->errata[k]);
		char id[ERRATA_ANNOTATE_ID_MAX];
		bool hit = false;

		if (!e) {
			snprintf(err, len,
				 "hyptap.errata: erratum %s is not in the errata table "
				 "(hyptap.list lists the table, docs/errata.md describes it)",
				 a->errata[k]);
			return -1;
		}
		if (!e->repro_count) {
			snprintf(err, len, "hyptap.errata: erratum %s has no reproducer: %s", e->id,
				 e->no_repro);
			return -1;
		}
		for (unsigned i = 0; i < count && !hit; i++) {
			id_of(i, id, sizeof(id));
			hit = errata_reproduces(e, id);
		}
		if (!hit) {
			snprintf(err, len,
				 "hyptap.errata: no selected scenario reproduces erratum %s (its "
				 "reproducers: %s%s%s)",
				 e->id, e->repro[0], e->repro_count > 1 ? ", " : "",
				 e->repro_count > 1 ? e->repro[1] : "");
			return -1;
		}
	}
	return 0;
}

void errata_annotate(struct instance_result *r, const struct scenario *s, const void *row,
		     void (*id_of)(char *buf, const struct scenario *s, const void *row))
{
	uint64_t midr = read_midr_el1(), revidr = read_revidr_el1();
	char id[ERRATA_ANNOTATE_ID_MAX], core[160], why[ERRATA_ID_MAX + 16];
	const struct erratum *e;

	/* Most PEs (QEMU's max, every unaffected core) stop here, before formatting an id. */
	if (r->directive == TAP_DIR_SKIP || !errata_any_reproducer(midr, revidr)) {
		return;
	}
	id_of(id, s, row);
	e = errata_of_instance(midr, revidr, id);
	if (!e) {
		return;
	}
	snprintf(why, sizeof(why), "erratum %s", e->id);
	result_todo(r, why);
	/* YAML of a failure (tap.h prints none for a pass): the erratum, as the table says. */
	errata_describe_cores(e, core, sizeof(core));
	result_add(r, "erratum", e->id);
	result_add(r, "erratum_title", e->title);
	result_add(r, "erratum_cores", core);
	result_add(r, "erratum_rule", e->rule);
	result_add(r, "erratum_source", e->sden);
	if (e->linux_cap) {
		result_add(r, "erratum_linux", e->linux_cap);
	}
}

void errata_list_id(struct tap *t, const char *id)
{
	for (size_t i = 0; i < errata_count; i++) {
		if (errata_reproduces(&errata_table[i], id)) {
			tap_comment(t, "  errata=%s", errata_table[i].id);
		}
	}
}

void errata_list_table(struct tap *t)
{
	static char text[2048];

	for (size_t i = 0; i < errata_count; i++) {
		const struct erratum *e = &errata_table[i];
		struct strbuf sb = STRBUF(text, sizeof(text));
		char core[160];

		errata_describe_cores(e, core, sizeof(core));
		strbuf_printf(&sb, "erratum %s\tcores=%s\ttitle=%s\treproducers=", e->id, core,
			      e->title);
		for (unsigned g = 0; g < e->repro_count; g++) {
			strbuf_printf(&sb, "%s%s", g ? "," : "", e->repro[g]);
		}
		if (!e->repro_count) {
			strbuf_printf(&sb, "none (%s)", e->no_repro);
		}
		tap_comment_text(t, text);
	}
}
