/* SPDX-License-Identifier: MIT */
/*
 * The errata database: which published errata of which cores touch what hyptap checks (EL2,
 * stage 2, the vGIC, the timers, trapping), on which revisions, which rule each breaks, where
 * it is published, and which scenarios reproduce it. The table is data (kernel/errata_table.c);
 * matching a MIDR/REVIDR against it is pure code (kernel/errata.c), unit-tested on the host.
 * docs/errata.md is generated from the same table (ci/gen-errata).
 */
#ifndef KERNEL_ERRATA_H
#define KERNEL_ERRATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** Most cores one erratum entry names, revision ranges per core, fixes, reproducer globs. */
#define ERRATA_CORES_MAX  2
#define ERRATA_RANGES_MAX 2
#define ERRATA_FIXES_MAX  1
#define ERRATA_GLOBS_MAX  4

/** Longest erratum id ("834220", Fujitsu's "010001"), NUL included. */
#define ERRATA_ID_MAX 12

/**
 * struct errata_range - affected revisions rVpR, both ends included, compared as (variant,
 * revision) pairs: r0p0-r1p2 holds r0p9 but not r1p3. Linux's MIDR_RANGE(model, v_min, r_min,
 * v_max, r_max) has the same meaning.
 */
struct errata_range {
	uint8_t var_lo, rev_lo, var_hi, rev_hi;
};

/** struct errata_fix - on revision rVpR, a set REVIDR_EL1 bit in @revidr_mask means "fixed". */
struct errata_fix {
	uint8_t var, rev;
	uint32_t revidr_mask;
};

/** struct errata_core - one affected core: MIDR Implementer and PartNum, its ranges and fixes. */
struct errata_core {
	uint8_t impl;
	uint16_t part;
	struct errata_range ranges[ERRATA_RANGES_MAX];
	unsigned range_count;
	struct errata_fix fixes[ERRATA_FIXES_MAX];
	unsigned fix_count;
};

/**
 * struct erratum - one published erratum.
 * @id:       the vendor's number, as published ("834220"; Fujitsu's "010001").
 * @title:    what goes wrong, one line.
 * @rule:     the architectural rule it breaks (Arm ARM rule or pseudocode name), one line.
 * @sden:     the vendor's errata notice (Arm's Software Developer Errata Notice and its document
 *            id where a public copy names it).
 * @linux_cap: the Linux Kconfig option and capability working around it, and its
 *            Documentation/arch/arm64/silicon-errata.rst entry; NULL when Linux has none.
 * @cores:    the affected cores, @core_count of them.
 * @repro:    globs of the scenario ids that reproduce it ("errata.834220.*", or an existing
 *            scenario that builds the same condition), @repro_count of them.
 * @no_repro: when @repro_count is 0: why the erratum's conditions cannot be built from EL2.
 */
struct erratum {
	const char *id;
	const char *title;
	const char *rule;
	const char *sden;
	const char *linux_cap;
	struct errata_core cores[ERRATA_CORES_MAX];
	unsigned core_count;
	const char *repro[ERRATA_GLOBS_MAX];
	unsigned repro_count;
	const char *no_repro;
};

/** The table (kernel/errata_table.c), in id order, and its length. */
extern const struct erratum errata_table[];
extern const size_t errata_count;

/**
 * errata_core_affected() - whether @core's ranges hold @midr's part and revision, and no fix
 * bit for that revision is set in @revidr. Bits of @midr above [31:0] are ignored.
 */
bool errata_core_affected(const struct errata_core *core, uint64_t midr, uint64_t revidr);

/** errata_applies() - the core of @e that a PE with @midr/@revidr is, affected; else NULL. */
const struct errata_core *errata_applies(const struct erratum *e, uint64_t midr, uint64_t revidr);

/** errata_find() - the entry whose id is @id exactly, or NULL. */
const struct erratum *errata_find(const char *id);

/** errata_reproduces() - whether scenario instance @id matches one of @e's reproducer globs. */
bool errata_reproduces(const struct erratum *e, const char *id);

/**
 * errata_of_instance() - the first erratum that applies to a PE with @midr/@revidr and that
 * instance @id reproduces, or NULL: what the runner annotates "# TODO erratum N".
 */
const struct erratum *errata_of_instance(uint64_t midr, uint64_t revidr, const char *id);

/** errata_any_reproducer() - whether any erratum with reproducers applies to @midr/@revidr. */
bool errata_any_reproducer(uint64_t midr, uint64_t revidr);

/**
 * errata_describe_cpu() - the header's list for one PE: "832075 834220 1319537 1742098 (4
 * apply; with reproducers: 834220)", or "none known" when none applies.
 *
 * Return: the length of the full text, as snprintf(): >= @len means truncated.
 */
int errata_describe_cpu(uint64_t midr, uint64_t revidr, char *buf, size_t len);

/**
 * errata_describe_cores() - "Cortex-A57 r0p0-r1p2; Cortex-A72 all, fixed on r0p4 by REVIDR
 * bit 8": the affected cores and revisions of @e, for listings and docs.
 *
 * Return: as errata_describe_cpu().
 */
int errata_describe_cores(const struct erratum *e, char *buf, size_t len);

#endif /* KERNEL_ERRATA_H */
