/*
 * Host tests of the TAP 13 producer (tap/tap.c): exact output for every kind
 * of line, sanitising, YAML quoting, counters, truncation and bail-out.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "tap.h"
#include "unit.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static char out_mem[8192];
static struct tap_buf out;
static unsigned writes;

static void counting_write(void *ctx, const char *s, size_t len)
{
	writes++;
	tap_buf_write(ctx, s, len);
}

/* A fresh stream writing into out_mem. */
static void fresh(struct tap *t)
{
	tap_buf_init(&out, out_mem, sizeof(out_mem));
	tap_init(t, counting_write, &out);
	writes = 0;
}

/* Forget what was printed so far, keep the stream state. */
static void clear(void)
{
	tap_buf_init(&out, out_mem, sizeof(out_mem));
	writes = 0;
}

static void test_header_plan(void)
{
	struct tap t;

	fresh(&t);
	unit_eq_u64(out.len, 0, "tap_init prints nothing");
	tap_header(&t);
	tap_plan(&t, 3);
	unit_eq_str(out.buf, "TAP version 13\n1..3\n", "header and plan");
	unit_eq_u64(t.planned, 3, "plan remembered");
	clear();
	tap_plan(&t, 0);
	unit_eq_str(out.buf, "1..0\n", "empty plan");
}

static void test_ok(void)
{
	struct tap t;
	const struct tap_result r = {.id = "trap.hvc.imm[0x0000]", .status = TAP_PASS};

	fresh(&t);
	tap_result(&t, &r);
	unit_eq_str(out.buf, "ok 1 - trap.hvc.imm[0x0000]\n", "ok line");
	clear();
	tap_result(&t, &r);
	unit_eq_str(out.buf, "ok 2 - trap.hvc.imm[0x0000]\n", "numbering is emitted + 1");
	clear();
	tap_ok(&t, "a.b.c");
	unit_eq_str(out.buf, "ok 3 - a.b.c\n", "tap_ok");
	unit_eq_u64(t.pass, 3, "pass counted");
	unit_eq_u64(t.emitted, 3, "emitted counted");
	unit_eq_u64(t.fail + t.skip + t.todo, 0, "nothing else counted");
}

static void test_not_ok_yaml(void)
{
	static const struct tap_kv diag[] = {
		{"rule", "stage-1 and stage-2 memory types combine to the more restrictive"},
		{"expected", "{ par_attr: 0x04 }"},
		{"got", "{ par_attr: 0xff }"},
		{"esr_el2", "0x93800047"},
		{"list", "[1, 2, 3]"},
	};
	const struct tap_result r = {
		.id = "stage2.attr[s1=normal-wb,s2=device-ngnre,fwb=0]",
		.status = TAP_FAIL,
		.diag = diag,
		.diag_count = ARRAY_SIZE(diag),
	};
	const struct tap_result bare = {.id = "x.y", .status = TAP_FAIL};
	const struct tap_result pass_diag = {
		.id = "x.z", .status = TAP_PASS, .diag = diag, .diag_count = ARRAY_SIZE(diag)};
	struct tap t;

	fresh(&t);
	tap_result(&t, &r);
	unit_eq_str(out.buf,
		    "not ok 1 - stage2.attr[s1=normal-wb,s2=device-ngnre,fwb=0]\n"
		    "  ---\n"
		    "  rule: stage-1 and stage-2 memory types combine to the more restrictive\n"
		    "  expected: { par_attr: 0x04 }\n"
		    "  got: { par_attr: 0xff }\n"
		    "  esr_el2: 0x93800047\n"
		    "  list: [1, 2, 3]\n"
		    "  ...\n",
		    "not ok with YAML block");
	unit_eq_u64(writes, 1, "result and YAML block reach the sink in one write");
	unit_eq_u64(t.fail, 1, "fail counted");

	clear();
	tap_result(&t, &bare);
	unit_eq_str(out.buf, "not ok 2 - x.y\n", "not ok without diagnostics has no block");
	clear();
	tap_result(&t, &pass_diag);
	unit_eq_str(out.buf, "ok 3 - x.z\n", "diagnostics of a pass are not printed");
	unit_eq_u64(t.fail, 2, "fail count");
	unit_eq_u64(t.pass, 1, "pass count");
}

static void test_skip_todo(void)
{
	static const struct tap_kv diag[] = {{"got", "0x1"}};
	const struct tap_result skip = {
		.id = "virq.lr.preempt",
		.status = TAP_PASS,
		.directive = TAP_DIR_SKIP,
		.reason = "needs >= 2 list registers",
	};
	const struct tap_result skip_fail = {
		.id = "a.b",
		.status = TAP_FAIL,
		.directive = TAP_DIR_SKIP,
		.reason = "needs FEAT_S2FWB (ID_AA64MMFR2_EL1.FWB=0)",
		.diag = diag,
		.diag_count = 1,
	};
	const struct tap_result todo_fail = {
		.id = "trap.tid3.id_aa64mmfr2",
		.status = TAP_FAIL,
		.directive = TAP_DIR_TODO,
		.reason = "known: qemu bug 1234",
		.diag = diag,
		.diag_count = 1,
	};
	const struct tap_result todo_pass = {
		.id = "c.d",
		.status = TAP_PASS,
		.directive = TAP_DIR_TODO,
		.reason = "erratum 832075",
	};
	const struct tap_result no_reason = {.id = "e.f", .directive = TAP_DIR_SKIP};
	const struct tap_result empty_reason = {
		.id = "e.g", .directive = TAP_DIR_TODO, .reason = ""};
	struct tap t;

	fresh(&t);
	tap_result(&t, &skip);
	unit_eq_str(out.buf, "ok 1 - virq.lr.preempt # SKIP needs >= 2 list registers\n", "SKIP");
	clear();
	tap_result(&t, &skip_fail);
	unit_eq_str(out.buf, "ok 2 - a.b # SKIP needs FEAT_S2FWB (ID_AA64MMFR2_EL1.FWB=0)\n",
		    "SKIP is ok and has no YAML block even with status FAIL");
	clear();
	tap_result(&t, &todo_fail);
	unit_eq_str(out.buf,
		    "not ok 3 - trap.tid3.id_aa64mmfr2 # TODO known: qemu bug 1234\n"
		    "  ---\n"
		    "  got: 0x1\n"
		    "  ...\n",
		    "failing TODO keeps not ok and its YAML block");
	clear();
	tap_result(&t, &todo_pass);
	unit_eq_str(out.buf, "ok 4 - c.d # TODO erratum 832075\n", "passing TODO");
	clear();
	tap_result(&t, &no_reason);
	unit_eq_str(out.buf, "ok 5 - e.f # SKIP\n", "SKIP without reason");
	clear();
	tap_result(&t, &empty_reason);
	unit_eq_str(out.buf, "ok 6 - e.g # TODO\n", "TODO with empty reason");
	clear();
	tap_skip(&t, "h.i", "no GICv2");
	unit_eq_str(out.buf, "ok 7 - h.i # SKIP no GICv2\n", "tap_skip");

	unit_eq_u64(t.skip, 4, "skip counted");
	unit_eq_u64(t.todo, 3, "todo counted whatever the status");
	unit_eq_u64(t.pass, 0, "skip and todo are not passes");
	unit_eq_u64(t.fail, 0, "failing TODO is not a fail");
	unit_eq_u64(t.emitted, 7, "emitted");
}

static void test_sanitise(void)
{
	const struct tap_result hash_id = {.id = "a#b\nc\rd# SKIP", .status = TAP_PASS};
	const struct tap_result no_id = {.id = NULL, .status = TAP_FAIL};
	const struct tap_result empty_id = {.id = "", .status = TAP_PASS};
	const struct tap_result reason_nl = {
		.id = "x", .directive = TAP_DIR_SKIP, .reason = "line one\nline two\r\n# three"};
	struct tap t;

	fresh(&t);
	tap_result(&t, &hash_id);
	unit_eq_str(out.buf, "ok 1 - a_b c d_ SKIP\n", "'#' and line breaks removed from id");
	clear();
	tap_result(&t, &no_id);
	unit_eq_str(out.buf, "not ok 2\n", "NULL id");
	clear();
	tap_result(&t, &empty_id);
	unit_eq_str(out.buf, "ok 3\n", "empty id");
	clear();
	tap_result(&t, &reason_nl);
	unit_eq_str(out.buf, "ok 4 - x # SKIP line one line two  # three\n",
		    "line breaks in reason become spaces");
}

/* The YAML value written for @value under key "k". */
static const char *yaml_of(const char *key, const char *value)
{
	const struct tap_kv kv = {key, value};
	const struct tap_result r = {.id = "q", .status = TAP_FAIL, .diag = &kv, .diag_count = 1};
	static char line[1024];
	struct tap t;
	const char *start, *end;

	fresh(&t);
	tap_result(&t, &r);
	start = strstr(out.buf, "  ---\n  ");
	end = strstr(out.buf, "\n  ...\n");
	if (start == NULL || end == NULL || end < start + 8) {
		return "(no YAML block)";
	}
	start += 8;
	memcpy(line, start, (size_t)(end - start));
	line[end - start] = '\0';
	return line;
}

static void test_yaml_quoting(void)
{
	static const struct {
		const char *value;
		const char *yaml;
		const char *what;
	} cases[] = {
		{"0x5a004854", "k: 0x5a004854", "hex number is plain"},
		{"-1", "k: -1", "negative number is plain"},
		{"DABT_LOW", "k: DABT_LOW", "word is plain"},
		{"a b c", "k: a b c", "inner spaces are plain"},
		{"C\\path", "k: C\\path", "backslash alone is plain"},
		{"", "k: \"\"", "empty is quoted"},
		{NULL, "k: \"\"", "NULL is an empty string"},
		{"a:b", "k: \"a:b\"", "colon is quoted"},
		{"0x1 # comment", "k: \"0x1 # comment\"", "hash is quoted"},
		{" lead", "k: \" lead\"", "leading space is quoted"},
		{"trail ", "k: \"trail \"", "trailing space is quoted"},
		{"say \"hi\"", "k: \"say \\\"hi\\\"\"", "double quotes are escaped"},
		{"it's", "k: \"it's\"", "single quote is quoted"},
		{"l1\nl2", "k: \"l1\\nl2\"", "newline is escaped"},
		{"t\tr\r", "k: \"t\\tr\\r\"", "tab and CR are escaped"},
		{"\x01\x7f", "k: \"\\x01\\x7f\"", "other control characters are hex-escaped"},
		{"C:\\x", "k: \"C:\\\\x\"", "backslash is escaped inside quotes"},
		{"~", "k: \"~\"", "lone tilde (YAML null) is quoted"},
		{"|", "k: \"|\"", "block scalar indicator is quoted"},
		{">x", "k: \">x\"", "folded indicator is quoted"},
		{"-", "k: \"-\"", "lone dash is quoted"},
		{"- x", "k: \"- x\"", "sequence entry is quoted"},
		{"&anchor", "k: \"&anchor\"", "anchor is quoted"},
		{"*alias", "k: \"*alias\"", "alias is quoted"},
		{"{ esr: 0x5a004854 }", "k: { esr: 0x5a004854 }", "flow mapping as is"},
		{"[0x1, 0x2]", "k: [0x1, 0x2]", "flow sequence as is"},
		{"{ a: 1,\n b: 2 }", "k: { a: 1,  b: 2 }", "flow value kept on one line"},
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		unit_eq_str(yaml_of("k", cases[i].value), cases[i].yaml, cases[i].what);
	}
	unit_eq_str(yaml_of("bad key:x", "1"), "bad_key_x: 1", "key sanitised");
	unit_eq_str(yaml_of(NULL, "1"), "_: 1", "NULL key");
	unit_eq_str(yaml_of("", "1"), "_: 1", "empty key");
	unit_eq_str(yaml_of(".dot", "1"), "_dot: 1", "key starts with a word character");
	unit_eq_str(yaml_of("esr_el2", "1"), "esr_el2: 1", "ordinary key untouched");
}

static void test_comment(void)
{
	char big[700];
	char want[TAP_LINE_MAX + 8];
	struct tap t;

	fresh(&t);
	tap_comment(&t, "hyptap %d.%d midr=0x%08x", 0, 1, 0x411fd070u);
	unit_eq_str(out.buf, "# hyptap 0.1 midr=0x411fd070\n", "formatted comment");
	clear();
	tap_comment(&t, "line %s\nline %s", "a", "b");
	unit_eq_str(out.buf, "# line a\n# line b\n", "each embedded line gets its own #");
	clear();
	tap_comment(&t, "a\n");
	unit_eq_str(out.buf, "# a\n", "one trailing newline is ignored");
	clear();
	tap_comment(&t, "a\n\nb\n\n");
	unit_eq_str(out.buf, "# a\n#\n# b\n#\n", "blank lines are bare #");
	clear();
	tap_comment(&t, "%s", "");
	unit_eq_str(out.buf, "#\n", "empty comment");
	clear();
	tap_comment(&t, "crlf\r\nx\ty\001z");
	unit_eq_str(out.buf, "# crlf\n# x\ty z\n", "CR dropped, tab kept, control char blanked");
	unit_eq_u64(t.emitted, 0, "comments are not results");

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	clear();
	tap_comment(&t, "%s", big);
	strcpy(want, "# ");
	memset(want + 2, 'x', TAP_LINE_MAX - 4);
	strcpy(want + 2 + TAP_LINE_MAX - 4, "...\n");
	unit_eq_str(out.buf, want, "long comment truncated with ...");
}

static void test_long_id(void)
{
	static char id[1500];
	static char want[1600];
	const struct tap_result r = {.id = id, .status = TAP_PASS};
	struct tap t;

	memset(id, 'i', sizeof(id) - 1);
	id[sizeof(id) - 1] = '\0';
	strcpy(want, "ok 1 - ");
	strcat(want, id);
	strcat(want, "\n");
	fresh(&t);
	tap_result(&t, &r);
	unit_eq_str(out.buf, want, "id longer than the line buffer is written whole");
	unit_ok(writes > 1, "in several writes (%u)", writes);
}

static void test_bail_out(void)
{
	struct tap t;

	fresh(&t);
	tap_plan(&t, 2);
	tap_ok(&t, "a");
	clear();
	tap_bail_out(&t, "bad bootarg \"%s\"\nsecond line", "hyptap.repeat=abc");
	unit_eq_str(out.buf, "Bail out! bad bootarg \"hyptap.repeat=abc\" second line\n",
		    "bail out line");
	unit_ok(t.bailed, "bailed set");
	clear();
	tap_ok(&t, "b");
	tap_plan(&t, 5);
	tap_header(&t);
	tap_bail_out(&t, "again");
	unit_eq_str(out.buf, "", "results, plans and further bail-outs dropped after bail-out");
	unit_eq_u64(t.emitted, 1, "dropped result not counted");
	unit_eq_u64(t.planned, 2, "plan unchanged");
	tap_comment(&t, "still here");
	tap_summary(&t, 5);
	unit_eq_str(out.buf,
		    "# still here\n"
		    "# summary: pass=1 fail=0 skip=0 todo=0 planned=2 emitted=1 ms=5\n",
		    "comments and summary still printed");

	fresh(&t);
	tap_bail_out(&t, "%s", "");
	unit_eq_str(out.buf, "Bail out!\n", "bail out without reason");
}

static void test_summary(void)
{
	static const struct tap_kv diag[] = {{"got", "1"}};
	const struct tap_result fail = {
		.id = "f", .status = TAP_FAIL, .diag = diag, .diag_count = 1};
	const struct tap_result todo = {.id = "t", .status = TAP_FAIL, .directive = TAP_DIR_TODO};
	const struct tap_result todo_ok = {
		.id = "t", .status = TAP_PASS, .directive = TAP_DIR_TODO};
	struct tap t;

	fresh(&t);
	tap_header(&t);
	tap_plan(&t, 8);
	tap_ok(&t, "p1");
	tap_ok(&t, "p2");
	tap_result(&t, &fail);
	tap_skip(&t, "s1", "r");
	tap_skip(&t, "s2", NULL);
	tap_result(&t, &todo);
	tap_result(&t, &todo_ok);
	clear();
	tap_summary(&t, 1234);
	unit_eq_str(out.buf, "# summary: pass=2 fail=1 skip=2 todo=2 planned=8 emitted=7 ms=1234\n",
		    "summary counters");

	fresh(&t);
	tap_summary(&t, 4294967295ul);
	unit_eq_str(out.buf,
		    "# summary: pass=0 fail=0 skip=0 todo=0 planned=0 emitted=0 ms=4294967295\n",
		    "empty summary");
}

static void test_buf_sink(void)
{
	char small[8];
	struct tap_buf b;
	struct tap t;

	tap_buf_init(&b, small, sizeof(small));
	tap_init(&t, tap_buf_write, &b);
	tap_plan(&t, 12);
	unit_eq_str(small, "1..12\n", "fits");
	unit_ok(!b.overflow, "no overflow yet");
	tap_plan(&t, 3);
	unit_eq_str(small, "1..12\n1", "truncated and NUL-terminated");
	unit_ok(b.overflow, "overflow flagged");
	unit_eq_u64(b.len, 7, "len stops at size - 1");

	tap_init(&t, NULL, NULL);
	tap_ok(&t, "no sink");
	unit_eq_u64(t.emitted, 1, "NULL sink counts but writes nothing");
}

int main(void)
{
	test_header_plan();
	test_ok();
	test_not_ok_yaml();
	test_skip_todo();
	test_sanitise();
	test_yaml_quoting();
	test_comment();
	test_long_id();
	test_bail_out();
	test_summary();
	test_buf_sink();
	return unit_done();
}
