/*
 * Host tests of the compact TAP form (tap/tap.c, TAP_FORM_COMPACT, hyptap.tap=compact): the
 * exact line of every kind of point, the "as before" SKIP reason and when it must not be used,
 * the numbered checkpoints, counters; the digest the header certifies the ids with (FNV-1a 64,
 * checked against the published test vectors), and untruncated comments (the listing's
 * family lines, which ci/tap-expand reads back whole).
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "tap.h"
#include "unit.h"

static char out_mem[1 << 16];
static struct tap_buf out;

static void fresh(struct tap *t)
{
	tap_buf_init(&out, out_mem, sizeof(out_mem));
	tap_init(t, tap_buf_write, &out);
	tap_set_form(t, TAP_FORM_COMPACT);
}

static void clear(void)
{
	tap_buf_init(&out, out_mem, sizeof(out_mem));
}

static void test_pass_and_checkpoint(void)
{
	struct tap t;
	bool all_short = true;

	fresh(&t);
	tap_ok(&t, "trap.hvc.imm[0x0000]");
	unit_eq_str(out.buf, "ok\n", "a pass carries no number and no id");
	for (unsigned n = 2; n < TAP_COMPACT_CHECKPOINT; n++) {
		clear();
		tap_ok(&t, "a.b");
		all_short &= strcmp(out.buf, "ok\n") == 0;
	}
	unit_ok(all_short, "points 2..%u are \"ok\"", TAP_COMPACT_CHECKPOINT - 1);
	clear();
	tap_ok(&t, "a.b");
	unit_eq_str(out.buf, "ok 100\n", "every 100th point is numbered");
	clear();
	tap_ok(&t, "a.b");
	unit_eq_str(out.buf, "ok\n", "and the next is not");
	unit_eq_u64(t.pass, 101, "passes counted");
	unit_eq_u64(t.emitted, 101, "points counted");
}

static void test_skip_reasons(void)
{
	struct tap t;

	fresh(&t);
	tap_skip(&t, "x.a", "needs FEAT_FGT (ID_AA64MMFR0_EL1.FGT=0)");
	tap_skip(&t, "x.b", "needs FEAT_FGT (ID_AA64MMFR0_EL1.FGT=0)");
	tap_ok(&t, "x.c");
	tap_skip(&t, "x.d", "needs FEAT_FGT (ID_AA64MMFR0_EL1.FGT=0)");
	tap_skip(&t, "x.e", "needs GICv2");
	tap_skip(&t, "x.f", "needs FEAT_FGT (ID_AA64MMFR0_EL1.FGT=0)");
	unit_eq_str(out.buf,
		    "ok # SKIP needs FEAT_FGT (ID_AA64MMFR0_EL1.FGT=0)\n"
		    "ok # SKIP\n"
		    "ok\n"
		    "ok # SKIP\n"
		    "ok # SKIP needs GICv2\n"
		    "ok # SKIP needs FEAT_FGT (ID_AA64MMFR0_EL1.FGT=0)\n",
		    "a SKIP gives its reason unless the SKIP before gave the same");
	unit_eq_u64(t.skip, 5, "skips counted");

	clear();
	tap_skip(&t, "x.g", "");
	tap_skip(&t, "x.h", NULL);
	tap_skip(&t, "x.i", "needs FEAT_FGT (ID_AA64MMFR0_EL1.FGT=0)");
	unit_eq_str(out.buf,
		    "ok 7 - x.g # SKIP\n"
		    "ok 8 - x.h # SKIP\n"
		    "ok # SKIP needs FEAT_FGT (ID_AA64MMFR0_EL1.FGT=0)\n",
		    "a SKIP without reason is written in full (a bare SKIP means 'as before'), and "
		    "the next reason is given again");

	clear();
	tap_skip(&t, "x.j", "a\nb");
	tap_skip(&t, "x.k", "a\nb");
	unit_eq_str(out.buf, "ok # SKIP a b\nok # SKIP\n", "a reason stays on its line");

	clear();
	tap_set_form(&t, TAP_FORM_COMPACT);
	tap_skip(&t, "x.l", "a\nb");
	unit_eq_str(out.buf, "ok # SKIP a b\n", "tap_set_form() forgets the reason before");
}

static void test_long_reason(void)
{
	static char why[TAP_LINE_MAX + 40];
	static char want[2 * sizeof(why) + 64];
	struct tap t;

	memset(why, 'r', sizeof(why) - 1);
	why[sizeof(why) - 1] = '\0';
	snprintf(want, sizeof(want), "ok # SKIP %s\nok # SKIP %s\n", why, why);
	fresh(&t);
	tap_skip(&t, "x.a", why);
	tap_skip(&t, "x.b", why);
	unit_eq_str(out.buf, want, "a reason too long to keep is given every time, never cut");
}

static void test_full_form_points(void)
{
	static const struct tap_kv diag[] = {{"expected", "{ esr_el2: 0x96000021 }"},
					     {"got", "{ esr_el2: 0x97c08021 }"}};
	const struct tap_result fail = {
		.id = "el2.align[a1]", .status = TAP_FAIL, .diag = diag, .diag_count = 2};
	const struct tap_result todo = {
		.id = "t.x", .status = TAP_FAIL, .directive = TAP_DIR_TODO, .reason = "erratum 1"};
	const struct tap_result todo_ok = {
		.id = "t.y", .status = TAP_PASS, .directive = TAP_DIR_TODO, .reason = "erratum 2"};
	const struct tap_result bare_fail = {.id = "f.z", .status = TAP_FAIL};
	struct tap t;

	fresh(&t);
	tap_ok(&t, "p");
	tap_result(&t, &fail);
	tap_result(&t, &todo);
	tap_result(&t, &todo_ok);
	tap_result(&t, &bare_fail);
	tap_ok(&t, "q");
	unit_eq_str(out.buf,
		    "ok\n"
		    "not ok 2 - el2.align[a1]\n"
		    "  ---\n"
		    "  expected: { esr_el2: 0x96000021 }\n"
		    "  got: { esr_el2: 0x97c08021 }\n"
		    "  ...\n"
		    "not ok 3 - t.x # TODO erratum 1\n"
		    "ok 4 - t.y # TODO erratum 2\n"
		    "not ok 5 - f.z\n"
		    "ok\n",
		    "failures and TODOs in full form, with their number, id and YAML");
	clear();
	tap_summary(&t, 7);
	unit_eq_str(out.buf, "# summary: pass=2 fail=2 skip=0 todo=2 planned=0 emitted=6 ms=7\n",
		    "the summary counts as the full form's does");
}

static void test_full_form_unchanged(void)
{
	struct tap t;

	tap_buf_init(&out, out_mem, sizeof(out_mem));
	tap_init(&t, tap_buf_write, &out);
	unit_eq_u64(t.form, TAP_FORM_FULL, "tap_init() gives the full form");
	tap_skip(&t, "x.a", "r");
	tap_skip(&t, "x.b", "r");
	tap_ok(&t, "x.c");
	unit_eq_str(out.buf, "ok 1 - x.a # SKIP r\nok 2 - x.b # SKIP r\nok 3 - x.c\n",
		    "the full form repeats every reason and id");
}

static void test_digest(void)
{
	unit_eq_u64(tap_digest(TAP_DIGEST_INIT, ""), 0xcbf29ce484222325ull, "FNV-1a 64 of \"\"");
	unit_eq_u64(tap_digest(TAP_DIGEST_INIT, "a"), 0xaf63dc4c8601ec8cull, "FNV-1a 64 of \"a\"");
	unit_eq_u64(tap_digest(TAP_DIGEST_INIT, "foobar"), 0x85944171f73967e8ull,
		    "FNV-1a 64 of \"foobar\"");
	unit_eq_u64(tap_digest(tap_digest(TAP_DIGEST_INIT, "foo"), "bar"),
		    tap_digest(TAP_DIGEST_INIT, "foobar"), "a digest extends piece by piece");
	unit_ok(tap_digest(TAP_DIGEST_INIT, "a.b\nc.d\n") !=
			tap_digest(TAP_DIGEST_INIT, "c.d\na.b\n"),
		"the order of the ids counts");
	unit_ok(tap_digest(TAP_DIGEST_INIT, "a.b\n") != tap_digest(TAP_DIGEST_INIT, "a.b\na.b\n"),
		"so does a repeated id");
}

static void test_comment_text(void)
{
	static char text[3 * TAP_LINE_MAX];
	static char want[sizeof(text) + 16];
	struct tap t;

	memset(text, 'x', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	memcpy(text, "family a.b\trows=1\trule=", 23);
	snprintf(want, sizeof(want), "# %s\n", text);
	fresh(&t);
	tap_comment_text(&t, text);
	unit_eq_str(out.buf, want, "a long comment line is written whole, its tab kept");
	clear();
	tap_comment_text(&t, "a\nb\r\001");
	unit_eq_str(out.buf, "# a\n# b \n", "newlines split it, CR dropped, control bytes blanked");
}

int main(void)
{
	test_pass_and_checkpoint();
	test_skip_reasons();
	test_long_reason();
	test_full_form_points();
	test_full_form_unchanged();
	test_digest();
	test_comment_text();
	return unit_done();
}
