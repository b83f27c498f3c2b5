/* SPDX-License-Identifier: MIT */
/*
 * The runner's side of the errata table (errata_annotate.c): header lines, hyptap.errata,
 * the "# TODO erratum N" annotation, hyptap.list's view of the table.
 */
#ifndef SCENARIOS_ERRATA_ANNOTATE_H
#define SCENARIOS_ERRATA_ANNOTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bootargs.h"
#include "errata.h"
#include "runner.h"
#include "scenario.h"
#include "tap.h"

/** Room for an instance id (the runner's ID_MAX). */
#define ERRATA_ANNOTATE_ID_MAX 160

/** The header's "# errata: cpu N (core rNpM revidr=0x..): 832075 834220 ..." line. */
void errata_print_cpu(struct tap *t, unsigned cpu, uint64_t midr, uint64_t revidr);

/**
 * errata_selects() - hyptap.errata: whether instance @id reproduces one of the errata given
 * (true for every id when none is given). Unknown errata select nothing; the runner reports
 * them with errata_selection_error().
 */
bool errata_selects(const struct bootargs *a, const char *id);

/**
 * errata_selection_error() - check hyptap.errata against the @count selected instances (ids
 * by @id_of): an erratum not in the table, one without a reproducer, or one no selected
 * instance reproduces is an error, like an hyptap.only glob that selects nothing.
 *
 * Return: 0, or -1 with the Bail out! text in @err.
 */
int errata_selection_error(const struct bootargs *a, unsigned count,
			   void (*id_of)(unsigned i, char *buf, size_t len), char *err, size_t len);

/**
 * errata_annotate() - on the PE that ran the instance: if an erratum that applies to this PE
 * names the instance as its reproducer, mark @r "# TODO erratum N" (its status kept) and add
 * the erratum's text to its YAML. @id_of formats the instance's id (only when some erratum with
 * reproducers applies to this PE at all).
 */
void errata_annotate(struct instance_result *r, const struct scenario *s, const void *row,
		     void (*id_of)(char *buf, const struct scenario *s, const void *row));

/** hyptap.list: "#   errata=N" after instance @id for each erratum it reproduces. */
void errata_list_id(struct tap *t, const char *id);

/** hyptap.list: one "# erratum N\tcores=...\ttitle=...\treproducers=..." line per entry. */
void errata_list_table(struct tap *t);

#endif /* SCENARIOS_ERRATA_ANNOTATE_H */
