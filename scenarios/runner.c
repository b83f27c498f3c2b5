/* SPDX-License-Identifier: MIT */
/*
 * The suite runner: parse the bootargs, expand the scenario table into instances, print the
 * header and the plan, run every selected instance on a fresh VM, emit exactly one TAP result
 * per planned instance, check the harness's canary and page count after each, summarise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/sysreg.h"
#include "bootargs.h"
#include "console.h"
#include "glob.h"
#include "kernel.h"
#include "midr.h"
#include "platform.h"
#include "runner.h"
#include "tap.h"
#include "vmm.h"

extern const struct scenario __scenarios_start[], __scenarios_end[];

#define ID_MAX	     160
#define CANARY_WORDS 64
#define CANARY(i)    (0xc0ffee0000000000ULL ^ ((uint64_t)(i)*0x9e3779b97f4a7c15ULL))

/* Harness memory a guest must never reach: checked after every instance. */
static volatile uint64_t canary[CANARY_WORDS];

const volatile void *runner_canary(void)
{
	return canary;
}

struct instance {
	const struct scenario *s;
	const void *row;
	char id[ID_MAX];
};

static struct tap tap;
static struct bootargs args;

static void tap_console(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	console_write(s, len);
}

static int scenario_cmp(const void *a, const void *b)
{
	const struct scenario *const *x = a, *const *y = b;

	return strcmp((*x)->id, (*y)->id);
}

static const void *row_at(const struct scenario *s, size_t i)
{
	return s->row_count ? (const char *)s->rows + i * s->row_size : NULL;
}

static void instance_id(char *buf, const struct scenario *s, const void *row)
{
	snprintf(buf, ID_MAX, "%s%s", s->id, row ? *(const char *const *)row : "");
}

/* Expand the table into the selected instances, in id order. */
static struct instance *instances_build(unsigned *count)
{
	size_t n = (size_t)(__scenarios_end - __scenarios_start);
	const struct scenario **sorted = malloc(n * sizeof(*sorted));
	size_t total = 0;

	for (size_t i = 0; i < n; i++) {
		sorted[i] = &__scenarios_start[i];
		total += sorted[i]->row_count ? sorted[i]->row_count : 1;
	}
	qsort(sorted, n, sizeof(*sorted), scenario_cmp);

	struct instance *list = malloc(total * sizeof(*list));
	unsigned k = 0;

	for (size_t i = 0; i < n; i++) {
		const struct scenario *s = sorted[i];
		size_t rows = s->row_count ? s->row_count : 1;

		for (size_t r = 0; r < rows; r++) {
			struct instance *in = &list[k];

			in->s = s;
			in->row = row_at(s, r);
			instance_id(in->id, s, in->row);
			if (bootargs_selects(&args, in->id)) {
				k++;
			}
		}
	}
	free(sorted);
	*count = k;
	return list;
}

/* DESIGN §8: a glob of hyptap.only that selects nothing is an error, not an empty run. */
static const char *unmatched_only_glob(const struct instance *list, unsigned count)
{
	for (unsigned g = 0; g < args.only_count; g++) {
		bool hit = false;

		for (unsigned i = 0; i < count && !hit; i++) {
			hit = glob_match(args.only[g], list[i].id);
		}
		if (!hit) {
			return args.only[g];
		}
	}
	return NULL;
}

static void print_header(void)
{
	char core[64];
	uint64_t midr = read_midr_el1();
	char granules[16] = "";

	midr_describe(midr, core, sizeof(core));
	snprintf(granules, sizeof(granules), "%s%s%s", vmm_caps.gran4 ? "4k," : "",
		 vmm_caps.gran16 ? "16k," : "", vmm_caps.gran64 ? "64k," : "");
	granules[strlen(granules) - 1] = 0;
	tap_comment(&tap,
		    "hyptap " HYPTAP_VERSION " model=\"%s\" midr=0x%08llx (%s) revidr=0x%llx el=2 "
		    "entry_el=%u load=0x%lx gic=v%u lrs=%u vmid=%u ipa=%u granules=%s",
		    platform.model, (unsigned long long)midr, core,
		    (unsigned long long)read_revidr_el1(), kernel_entry_el,
		    (unsigned long)kernel_load_base, platform.gic_version, vmm_caps.lrs,
		    vmm_caps.vmid_bits, vmm_caps.ipa_bits, granules);
}

static void canary_fill(void)
{
	for (unsigned i = 0; i < CANARY_WORDS; i++) {
		canary[i] = CANARY(i);
	}
}

static bool canary_intact(void)
{
	for (unsigned i = 0; i < CANARY_WORDS; i++) {
		if (canary[i] != CANARY(i)) {
			return false;
		}
	}
	return true;
}

int hyptap_run(void)
{
	char err[200];
	unsigned count;
	unsigned long t0 = kernel_uptime_ms();

	tap_init(&tap, tap_console, NULL);
	tap_header(&tap);
	if (bootargs_parse(&args, platform.bootargs, err, sizeof(err))) {
		tap_bail_out(&tap, "%s", err);
		return 255;
	}
	kernel_set_exit_semihosting(args.exit == BOOTARGS_EXIT_SEMIHOSTING);
	if (vmm_init(platform.gic_version, err, sizeof(err))) {
		tap_bail_out(&tap, "%s", err);
		return 255;
	}
	if (args.timeout_ms) {
		vmm_set_timeout_ms(args.timeout_ms);
	}

	struct instance *list = instances_build(&count);
	const char *bad = unmatched_only_glob(list, count);

	if (bad) {
		tap_bail_out(&tap,
			     "hyptap.only glob \"%s\" selects no scenario (hyptap.list lists them)",
			     bad);
		return 255;
	}
	if (args.list) {
		for (unsigned i = 0; i < count; i++) {
			const struct scenario *s = list[i].s;

			if (!s->ec) {
				tap_comment(&tap, "%s", list[i].id);
				continue;
			}
			tap_comment(&tap, "%s\tec=%s\tcontrol=%s", list[i].id, s->ec,
				    s->row_control ? s->row_control(list[i].row) : s->control);
		}
		console_puts("1..0 # SKIP listing only\n");
		return 0;
	}
	if (!count) {
		tap_bail_out(&tap, "hyptap.skip leaves no scenario to run");
		return 255;
	}

	print_header();
	if (args.seed_set) {
		/* Recorded so a run can be reproduced; no scenario draws random values yet. */
		tap_comment(&tap, "seed=%llu", (unsigned long long)args.seed);
	}
	tap_plan(&tap, count * args.repeat);
	tap_comment(&tap, "boot to plan: %lu ms", t0);
	canary_fill();

	size_t pages_idle = vmm_pages_in_use();

	for (unsigned rep = 0; rep < args.repeat; rep++) {
		for (unsigned i = 0; i < count; i++) {
			runner_run_instance(&tap, list[i].s, list[i].row, list[i].id);
			if (!canary_intact()) {
				tap_bail_out(&tap,
					     "harness memory changed during %s (canary at %p)",
					     list[i].id, (void *)canary);
				return 255;
			}
			if (vmm_pages_in_use() != pages_idle) {
				tap_bail_out(&tap, "%s leaked %ld pages", list[i].id,
					     (long)(vmm_pages_in_use() - pages_idle));
				return 255;
			}
		}
	}
	tap_summary(&tap, kernel_uptime_ms() - t0);
	free(list);
	return tap.fail > 255 ? 255 : (int)tap.fail;
}
