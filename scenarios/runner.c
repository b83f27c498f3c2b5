/* SPDX-License-Identifier: MIT */
/*
 * The suite runner: parse the bootargs, expand the scenario table into instances, print the
 * header and the plan, run every selected instance on a fresh VM, emit exactly one TAP result
 * per planned instance, check the harness's canary and page count after each, summarise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "bootargs.h"
#include "console.h"
#include "counter.h"
#include "cpu_features.h"
#include "cpu_id.h"
#include "dispatch.h"
#include "errata_annotate.h"
#include "fw_state.h"
#include "gic_info.h"
#include "glob.h"
#include "kernel.h"
#include "midr.h"
#include "net.h"
#include "phase_time.h"
#include "platform.h"
#include "run_stats.h"
#include "runner.h"
#include "sample.h"
#include "strbuf.h"
#include "tap.h"
#include "vmm.h"

extern const struct scenario __scenarios_start[], __scenarios_end[];

#define ID_MAX	     ERRATA_ANNOTATE_ID_MAX
#define CANARY_WORDS 64
#define CANARY(i)    (0xc0ffee0000000000ULL ^ ((uint64_t)(i)*0x9e3779b97f4a7c15ULL))

/* Harness memory a guest must never reach: checked after every instance. */
static volatile uint64_t canary[CANARY_WORDS];

const volatile void *runner_canary(void)
{
	return canary;
}

/* One selected instance; its id is instance_id() of the two, not stored (thousands of them). */
struct instance {
	const struct scenario *s;
	const void *row;
	uint32_t us;   /* hyptap.timing: microseconds, summed over hyptap.repeat */
	bool executed; /* not a SKIP */
};

/* A sampled family of this boot, for the "# sample" comment after the header. */
struct sample_note {
	const struct scenario *s;
	size_t kept, rows;
};

#define SAMPLE_NOTES 64

static struct tap tap;
/* The console, and with hyptap.report the collector too (tap_split.h). */
static struct tap_split split;
static struct bootargs args;

const struct bootargs *runner_bootargs(void)
{
	return &args;
}
static struct sample_note sample_notes[SAMPLE_NOTES];
static unsigned sample_note_count;

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

/*
 * Which rows of @s this boot runs (@keep, row_count entries): all of them, unless the family is
 * sampled (struct scenario.sample) and hyptap.exhaustive is not given.
 */
static bool rows_sampled(const struct scenario *s, bool *keep)
{
	size_t rows = s->row_count;

	for (size_t r = 0; r < rows; r++) {
		keep[r] = true;
	}
	if (!s->sample || args.exhaustive || rows <= s->sample) {
		return true;
	}

	struct sample_item *items = malloc(rows * sizeof(*items));
	char(*ids)[ID_MAX] = malloc(rows * sizeof(*ids));

	if (!items || !ids) {
		free(ids);
		free(items);
		return false;
	}
	for (size_t r = 0; r < rows; r++) {
		instance_id(ids[r], s, row_at(s, r));
		items[r] = (struct sample_item){
			.id = ids[r],
			.stratum = s->sample_stratum ? s->sample_stratum(row_at(s, r)) : 0,
			.index = r,
		};
	}

	size_t kept = sample_select(items, rows, s->sample, args.seed, keep);

	if (sample_note_count < SAMPLE_NOTES) {
		sample_notes[sample_note_count++] = (struct sample_note){s, kept, rows};
	}
	free(ids);
	free(items);
	return true;
}

/* Expand the table into the selected instances, in id order; NULL when the heap is too small. */
static struct instance *instances_build(unsigned *count)
{
	size_t n = (size_t)(__scenarios_end - __scenarios_start);
	const struct scenario **sorted = malloc(n * sizeof(*sorted));
	size_t total = 0;

	if (!sorted) {
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		sorted[i] = &__scenarios_start[i];
		total += sorted[i]->row_count ? sorted[i]->row_count : 1;
	}
	qsort(sorted, n, sizeof(*sorted), scenario_cmp);

	struct instance *list = calloc(total, sizeof(*list));
	bool *keep = malloc(total * sizeof(*keep));
	unsigned k = 0;

	if (!list || !keep) {
		free(keep);
		free(list);
		free(sorted);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		const struct scenario *s = sorted[i];
		size_t rows = s->row_count ? s->row_count : 1;

		keep[0] = true;
		if (s->row_count && !rows_sampled(s, keep)) {
			free(keep);
			free(list);
			free(sorted);
			return NULL;
		}
		for (size_t r = 0; r < rows; r++) {
			struct instance *in = &list[k];
			char id[ID_MAX];

			in->s = s;
			in->row = row_at(s, r);
			instance_id(id, s, in->row);
			if ((keep[r] || bootargs_names(&args, id)) && bootargs_selects(&args, id) &&
			    errata_selects(&args, id)) {
				k++;
			}
		}
	}
	free(keep);
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
			char id[ID_MAX];

			instance_id(id, list[i].s, list[i].row);
			hit = glob_match(args.only[g], id);
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
	char gic[384];

	midr_describe(midr, core, sizeof(core));
	snprintf(granules, sizeof(granules), "%s%s%s", vmm_caps.gran4 ? "4k," : "",
		 vmm_caps.gran16 ? "16k," : "", vmm_caps.gran64 ? "64k," : "");
	granules[strlen(granules) - 1] = 0;
	tap_comment(&tap,
		    "hyptap " HYPTAP_VERSION " model=\"%s\" midr=0x%08llx (%s) revidr=0x%llx el=2 "
		    "entry_el=%u load=0x%lx boot=%s firmware=\"%s\" gic=v%u lrs=%u vmid=%u ipa=%u "
		    "granules=%s",
		    platform.model, (unsigned long long)midr, core,
		    (unsigned long long)read_revidr_el1(), kernel_entry_el,
		    (unsigned long)kernel_load_base, platform.boot, platform.firmware,
		    platform.gic_version, vmm_caps.lrs, vmm_caps.vmid_bits, vmm_caps.ipa_bits,
		    granules);
	gic_info_describe(platform.gic_version, platform.gicd.base, platform.gich.base, gic,
			  sizeof(gic));
	tap_comment(&tap, "gic: %s", gic);
	fw_state_describe(gic, sizeof(gic));
	tap_comment(&tap, "firmware left: %s", gic);
	errata_print_cpu(&tap, 0, midr, read_revidr_el1());
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

static void print_sample_notes(void)
{
	for (unsigned i = 0; i < sample_note_count; i++) {
		const struct sample_note *n = &sample_notes[i];

		tap_comment(
			&tap,
			"sample: %s runs %lu of its %lu rows (hyptap.seed=%llu; hyptap.exhaustive "
			"runs all)",
			n->s->id, (unsigned long)n->kept, (unsigned long)n->rows,
			(unsigned long long)args.seed);
	}
}

static void print_stats(const char *kind, const char *name, size_t name_len,
			const struct instance *from, size_t n, uint32_t *us, bool *ran,
			uint32_t *scratch)
{
	struct run_stats st;

	for (size_t i = 0; i < n; i++) {
		us[i] = from[i].us;
		ran[i] = from[i].executed;
	}
	run_stats_compute(us, ran, n, scratch, &st);
	tap_comment(&tap,
		    "%s %.*s instances=%u executed=%u total_us=%llu exec_us=%llu median_us=%u "
		    "max_us=%u",
		    kind, (int)name_len, name, st.instances, st.executed,
		    (unsigned long long)st.total_us, (unsigned long long)st.exec_us, st.median_us,
		    st.max_us);
}

/*
 * "# time-phase": each phase's sum over the run (phase_time.h), in microseconds of the counter
 * (the phases of the scenario's own set-up, vm_*, image and vcpu, are part of "scenario" too;
 * vm_restore is part of destroy), then the counts that go with them.
 */
static void print_phases(void)
{
	char text[512];
	struct strbuf sb = STRBUF(text, sizeof(text));

	strbuf_printf(&sb, "time-phase");
	for (enum phase p = 0; p < PHASES; p++) {
		strbuf_printf(&sb, " %s_us=%llu", phase_name(p),
			      (unsigned long long)counter_ticks_to_us(phase_ticks(p)));
	}
	for (enum phase_count k = 0; k < COUNTS; k++) {
		strbuf_printf(&sb, " %s=%llu", phase_count_name(k),
			      (unsigned long long)phase_counted(k));
	}
	tap_comment_text(&tap, text);
}

/*
 * hyptap.timing: "# time <scenario id> ..." per scenario and "# time-area <area> ..." per area
 * (the id's first component), for ci/bench.sh. Instances are in id order, so a scenario's and
 * an area's instances are consecutive.
 */
static void print_timing(const struct instance *list, unsigned count)
{
	uint32_t *us = malloc(count * sizeof(*us)), *scratch = malloc(count * sizeof(*scratch));
	bool *ran = malloc(count * sizeof(*ran));

	for (unsigned i = 0, j; i < count; i = j) {
		for (j = i + 1; j < count && list[j].s == list[i].s; j++) {
		}
		print_stats("time", list[i].s->id, strlen(list[i].s->id), &list[i], j - i, us, ran,
			    scratch);
	}
	for (unsigned i = 0, j; i < count; i = j) {
		const char *area = list[i].s->id;
		size_t len = run_stats_area_len(area);

		for (j = i + 1; j < count && run_stats_area_len(list[j].s->id) == len &&
				!strncmp(list[j].s->id, area, len);
		     j++) {
		}
		print_stats("time-area", area, len, &list[i], j - i, us, ran, scratch);
	}
	/* The whole run at once: its median per executed instance is the fresh VM's figure. */
	print_stats("time-suite", "all", 3, list, count, us, ran, scratch);
	print_phases();
	free(ran);
	free(scratch);
	free(us);
}

/*
 * What dispatch.c runs: items in TAP order. Item i is instance (i / per) % count of the list,
 * where per is 1, or the pool's size with hyptap.on=all (then on pool[i % per]); hyptap.repeat
 * repeats the whole sequence.
 */
static struct {
	struct instance *list;
	unsigned count, per;
	struct dispatch d;
	unsigned long t0;
	bool several;	   /* more than one PE takes items: say which ran each */
	unsigned last_cpu; /* the PE of the point printed last (CPU_MAX before the first) */
} run = {.last_cpu = CPU_MAX};

static struct instance *item_instance(unsigned i)
{
	return &run.list[(i / run.per) % run.count];
}

static const struct scenario *item_scenario(unsigned i)
{
	return item_instance(i)->s;
}

static void item_id(unsigned i, char *id)
{
	const struct instance *in = item_instance(i);

	instance_id(id, in->s, in->row);
	if (run.d.pinned) {
		size_t n = strlen(id);

		snprintf(id + n, ID_MAX - n, "@cpu%u", run.d.pool[i % run.per]);
	}
}

/* The harness's own memory and pages, after every instance: a change ends the run. */
static void harness_check(unsigned i, size_t pages_before)
{
	const char *what = NULL;
	char id[ID_MAX], msg[ID_MAX + 96];

	if (!canary_intact()) {
		what = "harness memory changed";
	} else if (vmm_pages_of_this_cpu() != pages_before) {
		what = "pages leaked";
	}
	if (!what) {
		return;
	}
	item_id(i, id); /* only now: a formatted id per instance is work the printer does anyway */
	snprintf(msg, sizeof(msg), "Bail out! %s during %s (cpu %u)\n", what, id, smp_this_cpu());
	console_write_urgent(msg, strlen(msg));
	kernel_exit(255);
}

static void item_run(unsigned i, const struct instance_pes *pes, struct instance_result *r)
{
	struct instance *in = item_instance(i);
	const struct scenario *s = in->s;
	size_t pages = vmm_pages_of_this_cpu();
	uint64_t t = read_cntpct_el0();
	char why[96];

	if (s->pes >= 2 && pes->count < s->pes) {
		result_init(r);
		snprintf(why, sizeof(why), "needs %u PEs at once, %u online and selected", s->pes,
			 pes->count);
		result_skip(r, why);
	} else {
		runner_run_instance(s, in->row, pes, r);
		errata_annotate(r, s, in->row, instance_id);
	}
	__atomic_add_fetch(&in->us, (uint32_t)counter_ticks_to_us(read_cntpct_el0() - t),
			   __ATOMIC_RELAXED);
	in->executed = r->executed;
	t = phase_begin();
	harness_check(i, pages);
	phase_end(PHASE_CHECK, t);
	if (run.several && r->status == TAP_FAIL) {
		snprintf(why, sizeof(why), "%u", smp_this_cpu());
		result_add(r, "cpu", why);
	}
}

/*
 * The compact form leaves out a failure's "rule" when it is its scenario's (context.c puts it
 * first): a fact of the image, which ci/tap-expand puts back from the listing. A rule of the
 * harness's own (dispatch.c: a PE that died) is this run's, and stays.
 */
static size_t diag_skipped(const struct scenario *s, const struct instance_result *r)
{
	bool own_rule = r->diag_count != 0 && !strcmp(r->diag[0].key, "rule") && s->rule &&
			!strcmp(r->diag[0].value, s->rule);

	return tap.form == TAP_FORM_COMPACT && own_rule ? 1 : 0;
}

static void item_print(unsigned i, const struct instance_result *r)
{
	size_t left_out = diag_skipped(item_scenario(i), r);
	uint64_t t = phase_begin();
	char id[ID_MAX];

	item_id(i, id);
	tap_result(&tap, &(struct tap_result){
				 .id = id,
				 .status = r->status,
				 .directive = r->directive,
				 .reason = r->reason,
				 .diag = r->diag + left_out,
				 .diag_count = r->diag_count - left_out,
			 });
	/* The compact form says which PE ran a point only when it is not the one before's. */
	if (run.several && (tap.form != TAP_FORM_COMPACT || r->cpu != run.last_cpu)) {
		tap_comment(&tap, "cpu %u", r->cpu);
	}
	run.last_cpu = r->cpu;
	if (r->note) {
		tap_comment(&tap, "%s", r->note);
	}
	phase_end(PHASE_PRINT, t);
}

/* The report's last bytes acknowledged and the connection closed; what it cost, on the console. */
static void report_end(void)
{
	char note[160];

	net_report_close(note, sizeof(note));
	if (note[0]) {
		tap_comment(&tap, "%s", note);
	}
}

static void __attribute__((noreturn)) run_finish(void)
{
	if (args.timing) {
		struct dispatch_stats st;

		print_timing(run.list, run.count);
		dispatch_get_stats(&st);
		/* The queue's own cost: the lock and bookkeeping of a claim, and the time PEs
		 * waited for the in-order window. */
		tap_comment(&tap,
			    "queue: cpus=%u instances=%u claims=%llu wait_us=%llu "
			    "claim_ns_per_instance=%llu",
			    run.d.pool_count, run.d.items, (unsigned long long)st.claims,
			    (unsigned long long)st.wait_us,
			    (unsigned long long)(st.claims ? st.claim_us * 1000 / st.claims : 0));
	}
	tap_summary(&tap, kernel_uptime_ms() - run.t0);
	report_end();
	kernel_exit(tap.fail > 255 ? 255 : (int)tap.fail);
}

/* "hyptap.KEY=GLOB,GLOB... " (nothing when @count is 0). */
static void selection_add(struct strbuf *sb, const char *key, const char *const *globs,
			  unsigned count)
{
	for (unsigned g = 0; g < count; g++) {
		strbuf_printf(sb, "%s%s%s", g ? "," : key, globs[g], g + 1 == count ? " " : "");
	}
}

/*
 * What the host needs to put the ids back into a compact stream, and the digest that proves its
 * listing is this image's (docs/design-notes.md "A compact console"): FNV-1a 64 over, in plan
 * order, each family's "<family id>\t<rule>\n" before its first instance and each instance's
 * "<id>\n"; how items repeat (hyptap.repeat, and hyptap.on=all over the pool's PEs); the
 * selection bootargs to list them with, last (they may hold any printable byte).
 */
static void print_compact_header(const struct instance *list, unsigned count)
{
	static char text[sizeof(args.storage) + 256];
	struct strbuf sb = STRBUF(text, sizeof(text));
	uint64_t h = TAP_DIGEST_INIT;

	for (unsigned i = 0; i < count; i++) {
		const struct scenario *s = list[i].s;
		char id[ID_MAX];

		if (i == 0 || list[i - 1].s != s) {
			h = tap_digest(tap_digest(h, s->id), "\t");
			h = tap_digest(tap_digest(h, s->rule ? s->rule : ""), "\n");
		}
		instance_id(id, s, list[i].row);
		h = tap_digest(tap_digest(h, id), "\n");
	}
	strbuf_printf(&sb, "compact: digest=fnv1a64:%016llx instances=%u repeat=%u on=%s pool=",
		      (unsigned long long)h, count, args.repeat,
		      args.on == BOOTARGS_ON_ALL ? "all" : "any");
	for (unsigned k = 0; k < run.d.pool_count; k++) {
		strbuf_printf(&sb, "%s%u", k ? "," : "", run.d.pool[k]);
	}
	strbuf_printf(&sb, " selection=");
	selection_add(&sb, "hyptap.only=", args.only, args.only_count);
	selection_add(&sb, "hyptap.skip=", args.skip, args.skip_count);
	selection_add(&sb, "hyptap.errata=", args.errata, args.errata_count);
	if (args.seed_set) {
		strbuf_printf(&sb, "hyptap.seed=%llu ", (unsigned long long)args.seed);
	}
	if (args.exhaustive) {
		strbuf_printf(&sb, "hyptap.exhaustive ");
	}
	if (sb.pos != 0 && sb.pos < sizeof(text) && text[sb.pos - 1] == ' ') {
		text[sb.pos - 1] = '\0';
	}
	tap_comment_text(&tap, text);
	tap_comment(&tap,
		    "compact: passes and SKIPs carry no id (a bare SKIP has the reason of the "
		    "one before), failures leave out their scenario's rule, a \"# cpu N\" is left "
		    "out when it is the point before's: ci/tap-expand puts them back from this "
		    "image's hyptap.list");
}

/*
 * hyptap.list's line before a scenario's first instance, what ci/gen-stage2 documents and
 * ci/tap-expand puts back into a compact stream: never cut, whatever the rule's length.
 */
static void list_family(const struct scenario *s)
{
	static char text[ID_MAX + 4096];
	struct strbuf sb = STRBUF(text, sizeof(text));

	strbuf_printf(&sb, "family %s\trows=%lu\tsample=%u\trule=%s", s->id,
		      (unsigned long)(s->row_count ? s->row_count : 1), s->sample,
		      s->rule ? s->rule : "");
	tap_comment_text(&tap, text);
}

/*
 * hyptap.list's "# feature <name>\t<present | needs ... (the ID fields read)>" lines: what this
 * CPU implements of the cpu_features.h table and the ICH_VTR_EL2 trap capabilities, so
 * docs/coverage.md can tell a gap no model could run from one not written yet.
 */
static void list_features(void)
{
	static const struct {
		const char *name;
		uint64_t bit;
	} vtr[] = {{"ICH_VTR_EL2.SEIS", ICH_VTR_SEIS},
		   {"ICH_VTR_EL2.TDS", ICH_VTR_TDS},
		   {"ICH_VTR_EL2.DVIM", ICH_VTR_DVIM}};
	const struct id_regs *ids = cpu_id_regs();
	char why[160];

	for (unsigned f = CPU_ANY + 1; f < CPU_FEATURES; f++) {
		const char *missing = cpu_feature_missing(ids, f, why, sizeof(why));

		tap_comment(&tap, "feature %s\t%s", cpu_feature_name(f),
			    missing ? missing : "present");
	}
	for (unsigned i = 0; i < sizeof(vtr) / sizeof(vtr[0]); i++) {
		bool has = ids->gic_version == 3 && (ids->ich_vtr & vtr[i].bit);

		tap_comment(&tap, "feature %s\t%s", vtr[i].name,
			    has ? "present" : "absent (ICH_VTR_EL2 bit clear, or no GICv3)");
	}
}

/*
 * hyptap.list's line for one instance: the id, for trap scenarios "\tec=...\tcontrol=..."
 * (docs/traps.md), for those that declare them "\tfields=..." (docs/coverage.md); never cut.
 */
static void list_instance(const struct scenario *s, const void *row, const char *id)
{
	static char text[ID_MAX + 4096];
	struct strbuf sb = STRBUF(text, sizeof(text));
	const char *fields = s->row_fields ? s->row_fields(row) : s->fields;

	strbuf_printf(&sb, "%s", id);
	if (s->ec) {
		strbuf_printf(&sb, "\tec=%s\tcontrol=%s", s->ec,
			      s->row_control ? s->row_control(row) : s->control);
	}
	if (fields) {
		strbuf_printf(&sb, "\tfields=%s", fields);
	}
	tap_comment_text(&tap, text);
}

/* Instance @i of the list being checked, for errata_selection_error(). */
static void listed_id(unsigned i, char *buf, size_t len)
{
	(void)len; /* ID_MAX is ERRATA_ANNOTATE_ID_MAX */
	instance_id(buf, run.list[i].s, run.list[i].row);
}

/* One header line per PE the DTB describes, when there is more than one. */
static void print_cpus(void)
{
	static const char *const states[] = {[CPU_ABSENT] = "absent",
					     [CPU_OFFLINE] = "offline",
					     [CPU_ONLINE] = "online",
					     [CPU_DEAD] = "dead"};

	if (smp_cpu_count() < 2) {
		return;
	}
	for (unsigned i = 0; i < smp_cpu_count(); i++) {
		const struct cpu *c = smp_cpu(i);
		char core[64] = "-", rc[200] = "";

		if (c->midr) {
			midr_describe(c->midr, core, sizeof(core));
		}
		if (c->state == CPU_OFFLINE) {
			snprintf(rc, sizeof(rc), " (CPU_ON: %lld %s)", (long long)c->psci_rc,
				 smp_psci_rc_name(c->psci_rc));
		} else if (c->state == CPU_ABSENT && c->absent_why) {
			snprintf(rc, sizeof(rc), " (%s)", c->absent_why);
		} else if (c->state == CPU_DEAD) {
			snprintf(rc, sizeof(rc), " (%.160s)", c->why_dead);
		}
		tap_comment(&tap,
			    "cpu %u: mpidr=0x%llx midr=0x%08llx (%s) revidr=0x%llx state=%s%s", i,
			    (unsigned long long)c->mpidr, (unsigned long long)c->midr, core,
			    (unsigned long long)c->revidr, states[c->state], rc);
		if (i && c->state == CPU_ONLINE) {
			errata_print_cpu(&tap, i, c->midr, c->revidr);
		}
	}
	if (platform.cpus_left_off) {
		tap_comment(&tap, "cpus: %u more in the DTB than hyptap drives (CPU_MAX %u)",
			    platform.cpus_left_off, CPU_MAX);
	}
}

/* A secondary's vmm state, before it takes work (vmm_init() did the boot CPU's). */
static void cpu_setup(void *arg)
{
	(void)arg;
	vmm_init_cpu();
}

/*
 * Every secondary that came up sets up its EL2 state for the vmm, bounded: a PE that faults
 * there (QEMU 7.2 with EL3 starts secondaries without the EL3 set-up of the boot CPU: ZCR_EL2,
 * and with SVE off the FGT registers, trap to an EL3 that has nothing behind it) is reported
 * dead in the header and left out, instead of sitting in the pool without ever answering.
 */
static void setup_secondaries(void)
{
	for (unsigned i = 1; i < smp_cpu_count(); i++) {
		if (smp_cpu(i)->state == CPU_ONLINE && smp_call(i, cpu_setup, NULL, 500000)) {
			smp_mark_dead(i, "did not finish its EL2 set-up for the vmm within 500 ms "
					 "(vmm_init_cpu(): ZCR_EL2, the FGT registers, HCRX_EL2, "
					 "HCR_EL2, CPTR_EL2, VTTBR_EL2, VBAR_EL2)");
		}
	}
}

/* The selected PEs that came up: they take the items. */
static void pool_build(struct dispatch *d)
{
	d->pool_count = 0;
	for (unsigned i = 0; i < smp_cpu_count(); i++) {
		if ((args.cpus_mask >> i & 1) && smp_cpu(i)->state == CPU_ONLINE) {
			d->pool[d->pool_count++] = i;
		}
	}
}

/* A KIND of hyptap.bench_max= that names no bench.exit.KIND scenario, or NULL. */
static const char *unknown_bench_kind(void)
{
	for (unsigned k = 0; k < args.bench_max_count; k++) {
		char id[ID_MAX];
		bool found = false;

		snprintf(id, sizeof(id), "bench.exit.%s", args.bench_max[k].kind);
		for (const struct scenario *s = __scenarios_start; s < __scenarios_end && !found;
		     s++) {
			found = !strcmp(s->id, id);
		}
		if (!found) {
			return args.bench_max[k].kind;
		}
	}
	return NULL;
}

static int run_suite(void)
{
	char err[256];
	unsigned count;
	unsigned long t0 = kernel_uptime_ms();

	tap_split_init(&split, tap_console, NULL);
	tap_init(&tap, tap_split_write, &split);
	tap_header(&tap);
	if (bootargs_parse(&args, platform.bootargs, err, sizeof(err))) {
		tap_bail_out(&tap, "%s", err);
		return 255;
	}
	console_use_semihosting(args.console == BOOTARGS_CONSOLE_SEMIHOSTING);
	if (net_setup(&tap, &split, &args, platform.bootargs, err, sizeof(err))) {
		tap_bail_out(&tap, "%s", err);
		return 255;
	}
	kernel_set_exit_semihosting(args.exit == BOOTARGS_EXIT_SEMIHOSTING);
	/*
	 * The compact form is the console's: with a TCP report the one writer feeds both channels
	 * (tap_split), the collector must get the full stream, and the console already carries
	 * the split's own short lines.
	 */
	tap_set_form(&tap, args.tap == BOOTARGS_TAP_COMPACT && !args.report.port ? TAP_FORM_COMPACT
										 : TAP_FORM_FULL);
	if (vmm_init(platform.gic_version, err, sizeof(err))) {
		tap_bail_out(&tap, "%s", err);
		return 255;
	}
	if (args.timeout_ms) {
		vmm_set_timeout_ms(args.timeout_ms);
	}
	phase_time_on = args.timing;
	vmm_set_fresh_vm_full(args.fresh_vm_full);

	struct instance *list = instances_build(&count);

	if (!list) {
		tap_bail_out(
			&tap,
			"out of heap memory for the instance list (kernel/syscalls.c HEAP_SIZE)");
		return 255;
	}

	const char *bad = unmatched_only_glob(list, count);

	if (bad) {
		tap_bail_out(
			&tap,
			"hyptap.only glob \"%s\" selects no scenario (hyptap.list lists them%s)",
			bad,
			sample_note_count ? "; rows outside this boot's sample of a family run "
					    "with hyptap.exhaustive"
					  : "");
		return 255;
	}
	run.list = list;
	if (errata_selection_error(&args, count, listed_id, err, sizeof(err))) {
		tap_bail_out(&tap, "%s", err);
		return 255;
	}
	if ((bad = unknown_bench_kind())) {
		tap_bail_out(&tap,
			     "hyptap.bench_max: no scenario bench.exit.%s (hyptap.list lists them)",
			     bad);
		return 255;
	}
	if (args.list) {
		list_features();
		for (unsigned i = 0; i < count; i++) {
			const struct scenario *s = list[i].s;
			char id[ID_MAX];

			/* Before a scenario's first instance: what ci/gen-stage2 documents. */
			instance_id(id, s, list[i].row);
			if (i == 0 || list[i - 1].s != s) {
				list_family(s);
			}
			list_instance(s, list[i].row, id);
			errata_list_id(&tap, id);
		}
		errata_list_table(&tap);
		static const char plan[] = "1..0 # SKIP listing only\n";

		tap_split_write(&split, plan, sizeof(plan) - 1);
		return 0;
	}
	if (!count) {
		tap_bail_out(&tap, "hyptap.skip leaves no scenario to run");
		return 255;
	}

	smp_boot_secondaries(args.cpus_mask);
	setup_secondaries();
	pool_build(&run.d);
	if (!run.d.pool_count) {
		tap_bail_out(&tap, "hyptap.cpus selects no PE that is online");
		return 255;
	}
	print_header();
	print_cpus();
	if (tap.form == TAP_FORM_COMPACT) {
		print_compact_header(list, count);
	}
	if (args.seed_set) {
		/* Recorded so a run can be reproduced: it chooses the sampled families' rows. */
		tap_comment(&tap, "seed=%llu", (unsigned long long)args.seed);
	}
	print_sample_notes();
	run.list = list;
	run.count = count;
	run.d.pinned = args.on == BOOTARGS_ON_ALL;
	run.per = run.d.pinned ? run.d.pool_count : 1;
	run.several = run.d.pool_count > 1;
	run.d.items = count * run.per * args.repeat;
	run.d.scenario = item_scenario;
	run.d.run = item_run;
	run.d.print = item_print;
	run.d.finish = run_finish;
	/* Far beyond any instance's watchdog budget: only a PE that stopped answering gets here. */
	run.d.deadline_us = 5000000ull + 20000ull * vmm_timeout_ms();
	run.d.fault_cpu = args.pe_fault == BOOTARGS_PE_FAULT_NONE ? -1 : (int)args.pe_fault_cpu;
	run.d.fault_crash = args.pe_fault == BOOTARGS_PE_FAULT_CRASH;
	tap_plan(&tap, run.d.items);
	tap_comment(&tap, "boot to plan: %lu ms", t0);
	run.t0 = t0;
	canary_fill();
	dispatch_run(&run.d);
}

int hyptap_run(void)
{
	int rc = run_suite();

	report_end();
	return rc;
}
