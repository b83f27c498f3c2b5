/*
 * Deterministic mutation fuzzing of the ACPI parser and the ACPI-to-DTB builder over the QEMU
 * tables of tests/acpi/. Every case must end in a clear error ("ACPI ..." from the parser, or
 * "DTB ..." from platform_parse() on the DTB built) or a valid platform: never a crash
 * (ASan/UBSan; each table is copied into a heap block of exactly its readable length, so a
 * read past what the map granted is caught), a hang (an alarm per case), an unclear or cut
 * message, or a "valid" result that breaks a promise of acpi.h (checked by an oracle that
 * shares no code with the parser).
 *
 * Input kinds: bit flips and byte changes (checksum left wrong, or restored so the mutation
 * reaches the fields), field writes of values a parser gets wrong, table length fields, the
 * bytes readable cut short, pointers (RSDP's XSDT, XSDT entries) moved onto other tables or
 * into them, and MADT entry splices (delete, duplicate, append a mutated copy).
 *
 *   ACPI_FUZZ_SCALE=N     N times the cases of `make check`
 *   ACPI_FUZZ_CASE=K/F/I  run only case I of kind K on fixture F
 *   ACPI_FUZZ_CLASSES=1   list every error message seen, numbers elided, with its count
 *   ACPI_FUZZ_SEEDS=DIR   write each fixture as one flat memory window (the libFuzzer
 *                         target's input, tests/fuzz/acpi_fuzzer.c) to DIR and stop
 */
#include <libfdt.h>
#include <sanitizer/common_interface_defs.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "acpi.h"
#include "acpi_fixture.h"
#include "dtb_edit.h"
#include "fuzz_messages.h"
#include "fuzz_rng.h"
#include "platform.h"
#include "unit.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define HANG_SECONDS  5
#define DTB_MAX	      (128 * 1024)

static const char *const fixtures[] = {"qemu-7.2-gicv2", "qemu-7.2-gicv3", "qemu-10.0-gicv2",
				       "qemu-10.0-gicv3", "qemu-10.0-gicv3-smp20"};
static struct fixture fx[ARRAY_SIZE(fixtures)];
static const struct mem_range ram_512m = {0x40000000, 0x20000000};

/* ---- the working copy: the fixture's tables, each in a block of exactly its length ------- */

static struct fixture work;

static void work_from(const struct fixture *f)
{
	fixture_free(&work);
	work = *f;
	work.mem.ctx = &work;
	for (unsigned i = 0; i < f->count; i++) {
		work.t[i].p = malloc(f->t[i].alloc);
		memcpy(work.t[i].p, f->t[i].p, f->t[i].alloc);
	}
}

/* Before the parse: each table into an exact-size block (ASan's bounds are the map's). */
static void work_seal(void)
{
	for (unsigned i = 0; i < work.count; i++) {
		struct fixture_table *t = &work.t[i];
		uint8_t *exact = malloc(t->len ? t->len : 1);

		memcpy(exact, t->p, t->len);
		free(t->p);
		t->p = exact;
		t->alloc = t->len;
	}
}

static uint64_t interesting(struct rng *r, uint64_t near)
{
	static const uint64_t fixed[] = {
		0,	    1,		2,	  3,	      4,	  8,	      15,
		16,	    31,		32,	  35,	      36,	  44,	      76,
		80,	    0x7f,	0x80,	  0xff,	      0x100,	  0xffff,     0x10000,
		0x08000000, 0x09000000, 1u << 31, 0xffffffff, UINT64_MAX, 0x5c430018, 0x5c43fe98};

	switch (rng_below(r, 4)) {
	case 0:
		return fixed[rng_below(r, ARRAY_SIZE(fixed))];
	case 1:
		return near + rng_below(r, 17) - 8;
	case 2:
		return near * 2;
	default:
		return rng_next(r);
	}
}

static struct fixture_table *pick_table(struct rng *r)
{
	return &work.t[rng_below(r, work.count)];
}

/* ---- mutators ---------------------------------------------------------------------------- */

static void mut_bits(struct rng *r)
{
	struct fixture_table *t = pick_table(r);
	bool fix = rng_below(r, 4) != 0;

	for (uint32_t n = 1 + rng_below(r, 6); n; n--) {
		uint32_t pos = rng_below(r, t->len);

		if (rng_below(r, 2)) {
			t->p[pos] ^= (uint8_t)(1u << rng_below(r, 8));
		} else {
			t->p[pos] = (uint8_t)rng_next(r);
		}
	}
	if (fix) {
		fixture_fix(t);
	}
}

static void mut_field(struct rng *r)
{
	struct fixture_table *t = pick_table(r);
	static const unsigned widths[] = {1, 2, 4, 8};
	unsigned w = widths[rng_below(r, 4)];
	uint32_t off;

	if (t->len <= w) {
		return;
	}
	off = rng_below(r, t->len - w);
	fixture_put(t->p + off, interesting(r, fixture_get(t->p + off, w < 4 ? w : 4)), w);
	fixture_fix(t);
}

static void mut_length(struct rng *r)
{
	struct fixture_table *t = pick_table(r);
	uint32_t off = strcmp(t->sig, "rsdp") ? 4 : 20;
	uint32_t len = (uint32_t)interesting(r, fixture_get(t->p + off, 4));

	fixture_put(t->p + off, len, 4);
	if (rng_below(r, 2) && len <= t->alloc) {
		t->len = len; /* the bytes readable follow the length */
	}
	fixture_fix(t);
}

static void mut_truncate(struct rng *r)
{
	struct fixture_table *t = pick_table(r);

	t->len = rng_below(r, t->len);
}

/* The RSDP's XSDT address or an XSDT entry onto another table, into one, or nowhere. */
static void mut_pointer(struct rng *r)
{
	struct fixture_table *x = fixture_table(&work, "xsdt"), *to = pick_table(r);
	uint64_t v = to->pa + (rng_below(r, 3) ? 0 : rng_below(r, to->len + 8));

	if (rng_below(r, 3) == 0) {
		fixture_set(&work, "rsdp", 24, rng_below(r, 8) ? v : interesting(r, v), 8);
		return;
	}
	fixture_put(x->p + 36 + 8 * rng_below(r, (x->len - 36) / 8), v, 8);
	fixture_fix(x);
}

/* Delete, duplicate, or append a mutated copy of a MADT entry. */
static void mut_madt(struct rng *r)
{
	struct fixture_table *t = fixture_table(&work, "apic");
	uint32_t offs[64], n = 0, len = fixture_get(t->p + 4, 4), off;
	uint8_t entry[256];

	for (off = 44; off + 2 <= len && t->p[off + 1] >= 2 && n < 64; off += t->p[off + 1]) {
		offs[n++] = off;
	}
	if (!n) {
		return;
	}
	off = offs[rng_below(r, n)];
	memcpy(entry, t->p + off, t->p[off + 1]);
	switch (rng_below(r, 3)) {
	case 0:
		fixture_madt_remove(&work, off);
		return;
	case 1:
		break;
	default:
		entry[rng_below(r, entry[1])] = (uint8_t)rng_next(r);
		break;
	}
	if (len + entry[1] <= t->alloc) {
		fixture_madt_append(&work, entry, entry[1]);
	}
}

struct kind {
	const char *name;
	void (*mutate)(struct rng *r);
	unsigned cases;
	unsigned tried, valid, errors, failed;
};

static struct kind kinds[] = {
	{.name = "bits", .mutate = mut_bits, .cases = 800},
	{.name = "field", .mutate = mut_field, .cases = 1200},
	{.name = "length", .mutate = mut_length, .cases = 400},
	{.name = "truncate", .mutate = mut_truncate, .cases = 200},
	{.name = "pointer", .mutate = mut_pointer, .cases = 300},
	{.name = "madt", .mutate = mut_madt, .cases = 600},
};

/* ---- the oracle -------------------------------------------------------------------------- */

static bool ppi(uint32_t gsiv)
{
	return gsiv >= 16 && gsiv <= 31;
}

/* NULL if @a keeps every promise of acpi.h, else the promise it breaks. */
static const char *acpi_broken(const struct acpi_platform *a)
{
	if (a->gic_version != 2 && a->gic_version != 3) {
		return "GIC version";
	}
	if (!a->gicd) {
		return "GICD base 0";
	}
	if (a->gic_version == 3 &&
	    (!a->gicr_count || a->gicr_count > PLATFORM_MAX_GICR || a->gicc || a->gich)) {
		return "GICv3 frames";
	}
	for (unsigned i = 0; i < a->gicr_count; i++) {
		if (!a->gicr[i].size || a->gicr[i].base + a->gicr[i].size < a->gicr[i].base) {
			return "a GICR range empty or wrapping";
		}
	}
	if (a->gic_version == 2 &&
	    (!a->gicc || a->gicr_count || a->its_count || !a->gich != !a->gicv)) {
		return "GICv2 frames";
	}
	if (a->its_count > ACPI_MAX_ITS) {
		return "ITS count";
	}
	if (a->maint_gsiv && !ppi(a->maint_gsiv)) {
		return "maintenance interrupt not a PPI";
	}
	for (unsigned i = 0; i < ACPI_TIMER_COUNT; i++) {
		bool optional = i == ACPI_TIMER_SEC_EL1 || i == ACPI_TIMER_VIRT_EL2;

		if (!ppi(a->timer[i].gsiv) && !(optional && !a->timer[i].gsiv)) {
			return "a timer GSIV not a PPI";
		}
	}
	if ((a->uart_kind != UART_PL011 && a->uart_kind != UART_NS16550) || !a->uart_base ||
	    a->uart_reg_shift > 3) {
		return "console UART";
	}
	if (!a->cpu_count || a->cpu_count > ACPI_MAX_CPUS) {
		return "CPU count";
	}
	for (unsigned i = 0; i < a->cpu_count; i++) {
		if (a->cpus[i] & ~PLATFORM_MPIDR_AFF_MASK) {
			return "an MPIDR with non-affinity bits";
		}
		for (unsigned j = 0; j < i; j++) {
			if (a->cpus[i] == a->cpus[j]) {
				return "two CPUs with one MPIDR";
			}
		}
	}
	if (!memchr(a->oem_id, 0, sizeof(a->oem_id)) ||
	    !memchr(a->oem_table_id, 0, sizeof(a->oem_table_id))) {
		return "OEM strings not terminated";
	}
	return NULL;
}

/* ---- running cases ----------------------------------------------------------------------- */

static char current[128];

static void on_alarm(int sig)
{
	static const char msg[] = "Bail out! hang: no result after 5 s in case ";

	(void)sig;
	(void)!write(1, msg, sizeof(msg) - 1);
	(void)!write(1, current, strlen(current));
	(void)!write(1, "\n", 1);
	_exit(1);
}

static void on_death(void)
{
	printf("# crash in case %s (reproduce: ACPI_FUZZ_CASE=%s build/host/acpi_fuzz_test)\n",
	       current, current);
	fflush(stdout);
}

/* Parse and build the working copy; NULL, or what went wrong. @valid: it was a platform. */
static const char *run_parse(char *err, size_t errlen, bool *valid)
{
	static struct acpi_platform a;
	static struct platform p;
	static uint8_t dtb[DTB_MAX] __attribute__((aligned(8)));
	const char *broken;
	int rc;

	*valid = false;
	work_seal();
	alarm(HANG_SECONDS);
	rc = acpi_parse(&work.mem, work.rsdp, &a, err, errlen);
	alarm(0);
	if (rc) {
		return rc == -1 ? message_broken(err, errlen, "ACPI ")
				: "a return value not 0 or -1";
	}
	broken = acpi_broken(&a);
	if (broken) {
		return broken;
	}
	alarm(HANG_SECONDS);
	rc = acpi_fdt_build_from(&work.mem, work.rsdp, &ram_512m, 1, dtb, sizeof(dtb), err, errlen);
	alarm(0);
	if (rc) {
		return "acpi_parse() accepted the tables but the DTB was not built";
	}
	if (fdt_check_full(dtb, fdt_totalsize(dtb))) {
		return "the DTB built fails fdt_check_full()";
	}
	rc = edit_parse_at(dtb, fdt_totalsize(dtb), EDIT_DTB_PA, &p, err, errlen);
	if (rc) {
		/* Devices the tables put in RAM or on each other: platform_parse()'s to refuse. */
		return message_broken(err, errlen, "DTB ");
	}
	*valid = true;
	if (p.gic_version != a.gic_version ||
	    p.cpu_count != (a.cpu_count < PLATFORM_MAX_CPUS ? a.cpu_count : PLATFORM_MAX_CPUS)) {
		return "platform_parse() of the DTB disagrees with the tables on the GIC or CPUs";
	}
	return NULL;
}

static bool run_case(struct kind *k, unsigned fi, unsigned index)
{
	struct rng r = {((uint64_t)(k - kinds) << 48) ^ ((uint64_t)fi << 32) ^ index};
	char err[256];
	const char *broken;
	bool valid;

	snprintf(current, sizeof(current), "%s/%u/%u", k->name, fi, index);
	work_from(&fx[fi]);
	for (uint32_t n = 1 + rng_below(&r, 2); n; n--) {
		k->mutate(&r);
	}
	broken = run_parse(err, sizeof(err), &valid);
	k->tried++;
	if (valid) {
		k->valid++;
	} else {
		k->errors++;
		note_class(err);
	}
	if (broken && ++k->failed <= 5) {
		unit_diag("case %s (%s): %s; message: %s\nreproduce: ACPI_FUZZ_CASE=%s "
			  "build/host/acpi_fuzz_test",
			  current, fixtures[fi], broken, err, current);
	}
	return !broken;
}

static int run_one(const char *spec)
{
	char name[32];
	unsigned fi, index;

	if (sscanf(spec, "%31[^/]/%u/%u", name, &fi, &index) != 3 || fi >= ARRAY_SIZE(fx)) {
		edit_die("ACPI_FUZZ_CASE=%s: expected KIND/FIXTURE/INDEX", spec);
	}
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		if (!strcmp(kinds[k].name, name)) {
			unit_ok(run_case(&kinds[k], fi, index), "case %s", spec);
			return unit_done();
		}
	}
	edit_die("ACPI_FUZZ_CASE=%s: no kind %s", spec, name);
}

/* The libFuzzer target's seeds: each fixture as one window of memory from its RSDP on. */
static int write_seeds(const char *dir)
{
	for (size_t i = 0; i < ARRAY_SIZE(fx); i++) {
		static uint8_t window[1 << 16];
		char path[512];
		uint64_t end = 0;
		FILE *out;

		memset(window, 0, sizeof(window));
		for (unsigned k = 0; k < fx[i].count; k++) {
			const struct fixture_table *t = &fx[i].t[k];

			if (t->pa < fx[i].rsdp || t->pa + t->len - fx[i].rsdp > sizeof(window)) {
				continue; /* outside the window (the DSDT, below the RSDP) */
			}
			memcpy(window + (t->pa - fx[i].rsdp), t->p, t->len);
			end = t->pa + t->len - fx[i].rsdp > end ? t->pa + t->len - fx[i].rsdp : end;
		}
		snprintf(path, sizeof(path), "%s/%s.bin", dir, fixtures[i]);
		out = fopen(path, "wb");
		if (!out || fwrite(window, 1, end, out) != end || fclose(out)) {
			edit_die("%s: cannot write", path);
		}
	}
	return 0;
}

int main(void)
{
	const char *scale_env = getenv("ACPI_FUZZ_SCALE"), *only = getenv("ACPI_FUZZ_CASE");
	unsigned scale = scale_env ? (unsigned)strtoul(scale_env, NULL, 10) : 1;
	struct timespec t0, t1;
	unsigned total = 0;

	signal(SIGALRM, on_alarm);
	__sanitizer_set_death_callback(on_death);
	for (size_t i = 0; i < ARRAY_SIZE(fixtures); i++) {
		fixture_load(&fx[i], fixtures[i]);
	}
	if (getenv("ACPI_FUZZ_SEEDS")) {
		return write_seeds(getenv("ACPI_FUZZ_SEEDS"));
	}
	if (only) {
		return run_one(only);
	}
	for (size_t i = 0; i < ARRAY_SIZE(fixtures); i++) {
		char err[256];
		bool valid;
		const char *broken;

		work_from(&fx[i]);
		broken = run_parse(err, sizeof(err), &valid);
		if (!unit_ok(!broken && valid, "fixture %s is a valid platform", fixtures[i])) {
			unit_diag("%s: %s", broken ? broken : "", err);
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		for (unsigned fi = 0; fi < ARRAY_SIZE(fx); fi++) {
			for (unsigned i = 0; i < kinds[k].cases * scale; i++) {
				run_case(&kinds[k], fi, i);
			}
		}
		if (!unit_ok(!kinds[k].failed,
			     "%s: %u cases over %zu fixtures end in a clear error or a valid "
			     "platform (%u valid, %u errors)",
			     kinds[k].name, kinds[k].tried, ARRAY_SIZE(fx), kinds[k].valid,
			     kinds[k].errors)) {
			unit_diag("%u of %u cases failed", kinds[k].failed, kinds[k].tried);
		}
		total += kinds[k].tried;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	unit_diag("%u cases in %.2f s; %u distinct error messages (numbers elided)%s", total,
		  (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
		  class_count, getenv("ACPI_FUZZ_CLASSES") ? ":" : "");
	fuzz_print_classes("ACPI_FUZZ_CLASSES");
	fixture_free(&work);
	for (size_t i = 0; i < ARRAY_SIZE(fx); i++) {
		fixture_free(&fx[i]);
	}
	return unit_done();
}
