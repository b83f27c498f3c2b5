/* SPDX-License-Identifier: MIT */
/*
 * Matching a PE's MIDR_EL1/REVIDR_EL1 against the errata table (errata.h). Pure code: the
 * runner passes the registers in, the host tests pass QEMU's and boards' values.
 */
#include <stdio.h>
#include <string.h>

#include "errata.h"
#include "glob.h"
#include "midr.h"
#include "strbuf.h"

/* (variant, revision) as one number, so that a range compares like Linux's MIDR_RANGE. */
static unsigned var_rev(unsigned var, unsigned rev)
{
	return var << 4 | rev;
}

bool errata_core_affected(const struct errata_core *core, uint64_t midr, uint64_t revidr)
{
	unsigned var = midr_variant(midr), rev = midr_revision(midr), vr = var_rev(var, rev);
	bool in_range = false;

	if (midr_implementer(midr) != core->impl || midr_partnum(midr) != core->part) {
		return false;
	}
	for (unsigned i = 0; i < core->range_count && !in_range; i++) {
		const struct errata_range *r = &core->ranges[i];

		in_range =
			vr >= var_rev(r->var_lo, r->rev_lo) && vr <= var_rev(r->var_hi, r->rev_hi);
	}
	if (!in_range) {
		return false;
	}
	for (unsigned i = 0; i < core->fix_count; i++) {
		const struct errata_fix *f = &core->fixes[i];

		if (f->var == var && f->rev == rev && (revidr & f->revidr_mask)) {
			return false;
		}
	}
	return true;
}

const struct errata_core *errata_applies(const struct erratum *e, uint64_t midr, uint64_t revidr)
{
	for (unsigned i = 0; i < e->core_count; i++) {
		if (errata_core_affected(&e->cores[i], midr, revidr)) {
			return &e->cores[i];
		}
	}
	return NULL;
}

const struct erratum *errata_find(const char *id)
{
	for (size_t i = 0; i < errata_count; i++) {
		if (!strcmp(errata_table[i].id, id)) {
			return &errata_table[i];
		}
	}
	return NULL;
}

bool errata_reproduces(const struct erratum *e, const char *id)
{
	for (unsigned g = 0; g < e->repro_count; g++) {
		if (glob_match(e->repro[g], id)) {
			return true;
		}
	}
	return false;
}

const struct erratum *errata_of_instance(uint64_t midr, uint64_t revidr, const char *id)
{
	for (size_t i = 0; i < errata_count; i++) {
		const struct erratum *e = &errata_table[i];

		if (e->repro_count && errata_reproduces(e, id) && errata_applies(e, midr, revidr)) {
			return e;
		}
	}
	return NULL;
}

bool errata_any_reproducer(uint64_t midr, uint64_t revidr)
{
	for (size_t i = 0; i < errata_count; i++) {
		if (errata_table[i].repro_count && errata_applies(&errata_table[i], midr, revidr)) {
			return true;
		}
	}
	return false;
}

int errata_describe_cpu(uint64_t midr, uint64_t revidr, char *buf, size_t len)
{
	struct strbuf sb = STRBUF(buf, len);
	unsigned n = 0, with = 0;

	for (size_t i = 0; i < errata_count; i++) {
		if (errata_applies(&errata_table[i], midr, revidr)) {
			strbuf_printf(&sb, "%s%s", n++ ? " " : "", errata_table[i].id);
		}
	}
	if (!n) {
		strbuf_printf(&sb, "none known");
		return (int)sb.pos;
	}
	strbuf_printf(&sb, " (%u apply; with reproducers:", n);
	for (size_t i = 0; i < errata_count; i++) {
		if (errata_table[i].repro_count && errata_applies(&errata_table[i], midr, revidr)) {
			strbuf_printf(&sb, " %s", errata_table[i].id);
			with++;
		}
	}
	strbuf_printf(&sb, "%s)", with ? "" : " none");
	return (int)sb.pos;
}

/* "r0p0-r1p2", "r0p0", or "all" for the whole r0p0-r15p15. */
static void describe_range(struct strbuf *sb, const struct errata_range *r)
{
	if (r->var_lo == 0 && r->rev_lo == 0 && r->var_hi == 15 && r->rev_hi == 15) {
		strbuf_printf(sb, "all");
	} else if (r->var_lo == r->var_hi && r->rev_lo == r->rev_hi) {
		strbuf_printf(sb, "r%up%u", r->var_lo, r->rev_lo);
	} else if (r->var_hi == 15 && r->rev_hi == 15) {
		strbuf_printf(sb, "r%up%u and later", r->var_lo, r->rev_lo);
	} else {
		strbuf_printf(sb, "r%up%u-r%up%u", r->var_lo, r->rev_lo, r->var_hi, r->rev_hi);
	}
}

int errata_describe_cores(const struct erratum *e, char *buf, size_t len)
{
	struct strbuf sb = STRBUF(buf, len);

	for (unsigned i = 0; i < e->core_count; i++) {
		const struct errata_core *c = &e->cores[i];
		uint64_t midr = (uint64_t)c->impl << MIDR_IMPLEMENTER_SHIFT |
				(uint64_t)c->part << MIDR_PARTNUM_SHIFT;
		const char *name = midr_part_name(midr);

		if (name) {
			strbuf_printf(&sb, "%s%s ", i ? "; " : "", name);
		} else {
			strbuf_printf(&sb, "%simpl 0x%02x part 0x%03x ", i ? "; " : "", c->impl,
				      c->part);
		}
		for (unsigned r = 0; r < c->range_count; r++) {
			if (r) {
				strbuf_printf(&sb, ", ");
			}
			describe_range(&sb, &c->ranges[r]);
		}
		for (unsigned f = 0; f < c->fix_count; f++) {
			strbuf_printf(&sb, ", fixed on r%up%u by REVIDR_EL1 mask 0x%x",
				      c->fixes[f].var, c->fixes[f].rev,
				      (unsigned)c->fixes[f].revidr_mask);
		}
	}
	return (int)sb.pos;
}
