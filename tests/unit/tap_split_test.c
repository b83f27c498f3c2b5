/*
 * Host tests of the two-channel TAP sink (tap/tap_split.c): the console's short form, the full
 * channel's copy of the stream from its start, a channel lost inside a write, and the console's
 * stream complete in every case.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "tap.h"
#include "tap_split.h"
#include "unit.h"

static char con_mem[16384], full_mem[16384];
static struct tap_buf con, full;
static struct tap_split split;
static unsigned full_writes, lose_at; /* lose the full channel at this write (0: never) */

static void full_write(void *ctx, const char *s, size_t len)
{
	full_writes++;
	if (lose_at && full_writes == lose_at) {
		tap_split_detach(&split, "report: lost");
		return;
	}
	tap_buf_write(ctx, s, len);
}

static void fresh(struct tap *t)
{
	tap_buf_init(&con, con_mem, sizeof(con_mem));
	tap_buf_init(&full, full_mem, sizeof(full_mem));
	full_writes = lose_at = 0;
	tap_split_init(&split, tap_buf_write, &con);
	tap_init(t, tap_split_write, &split);
}

static const struct tap_kv diag[] = {{"rule", "r"}, {"got", "1"}};

/* The same short stream in every test: a header, a plan, a pass, a skip, a failure, a TODO. */
static void stream(struct tap *t)
{
	tap_ok(t, "a.b[x=1]");
	tap_skip(t, "a.c", "needs FEAT_X");
	tap_result(t, &(struct tap_result){
			      .id = "a.d", .status = TAP_FAIL, .diag = diag, .diag_count = 2});
	tap_result(t, &(struct tap_result){.id = "a.e",
					   .status = TAP_PASS,
					   .directive = TAP_DIR_TODO,
					   .reason = "known"});
	tap_summary(t, 5);
}

static const char full_stream[] =
	"TAP version 13\n1..4\nok 1 - a.b[x=1]\n"
	"ok 2 - a.c # SKIP needs FEAT_X\nnot ok 3 - a.d\n  ---\n"
	"  rule: r\n  got: 1\n  ...\nok 4 - a.e # TODO known\n"
	"# summary: pass=1 fail=1 skip=1 todo=1 planned=4 emitted=4 ms=5\n";

static void test_before(void)
{
	struct tap t;

	fresh(&t);
	tap_header(&t);
	tap_plan(&t, 4);
	stream(&t);
	unit_eq_str(con.buf, full_stream, "no full channel: the console has everything verbatim");
}

static void test_attached(void)
{
	struct tap t;

	fresh(&t);
	tap_header(&t);
	tap_comment(&t, "net: up");
	unit_ok(tap_split_attach(&split, full_write, &full) == 0, "attach");
	unit_eq_str(full.buf, "TAP version 13\n# net: up\n", "the stream so far replayed");
	tap_plan(&t, 4);
	stream(&t);
	unit_eq_str(con.buf,
		    "TAP version 13\n# net: up\n1..4\nok 1\nok 2 # SKIP\nnot ok 3 - a.d\n  ---\n"
		    "  rule: r\n  got: 1\n  ...\nok 4 # TODO\n"
		    "# summary: pass=1 fail=1 skip=1 todo=1 planned=4 emitted=4 ms=5\n",
		    "the console: passes and skips short, the rest verbatim");
	unit_eq_str(full.buf + strlen("TAP version 13\n# net: up\n"),
		    full_stream + strlen("TAP version 13\n"),
		    "the full channel: every line verbatim");
	unit_ok(tap_split_attach(&split, full_write, &full) == -1, "a second attach is refused");
	tap_split_detach(&split, NULL);
	tap_ok(&t, "a.f");
	unit_ok(strstr(con.buf, "ok 5 - a.f\n") != NULL, "after the close: verbatim again");
}

static void test_lost(void)
{
	struct tap t;

	fresh(&t);
	tap_header(&t);
	tap_split_attach(&split, full_write, &full);
	tap_plan(&t, 4);
	lose_at = 4; /* replay, plan, ok 1: lost at ok 2's write */
	stream(&t);
	unit_eq_str(con.buf,
		    "TAP version 13\n1..4\nok 1\nok 2 # SKIP\n# report: lost\n"
		    "not ok 3 - a.d\n  ---\n  rule: r\n  got: 1\n  ...\nok 4 - a.e # TODO known\n"
		    "# summary: pass=1 fail=1 skip=1 todo=1 planned=4 emitted=4 ms=5\n",
		    "lost while sending ok 2 (short on the console already): the comment, then the "
		    "rest verbatim");
	unit_eq_str(full.buf, "TAP version 13\n1..4\nok 1 - a.b[x=1]\n",
		    "the full channel has what it took before");
}

static void test_pending_overflow(void)
{
	struct tap t;

	fresh(&t);
	for (int i = 0; i < 100; i++) {
		tap_comment(&t, "%080d", i);
	}
	unit_ok(tap_split_attach(&split, full_write, &full) == -1,
		"attach refused when the stream so far did not fit");
	unit_eq_u64(full.len, 0, "nothing sent then");
}

static void test_short(void)
{
	char out[64];
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"ok 12 - x.y[a=b]\n", "ok 12\n"},
		{"ok 7 - x # SKIP why\n", "ok 7 # SKIP\n"},
		{"ok 7 - x # TODO known: bug\n", "ok 7 # TODO\n"},
		{"not ok 3 - x\n", "not ok 3 - x\n"},
		{"# ok 3\n", "# ok 3\n"},
		{"ok\n", "ok\n"},
		{"okay 1\n", "okay 1\n"},
		{"1..5\n", "1..5\n"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = tap_split_short(cases[i].in, strlen(cases[i].in), out);

		out[n] = '\0';
		unit_eq_str(out, cases[i].out, cases[i].in);
	}
}

int main(void)
{
	test_before();
	test_attached();
	test_lost();
	test_pending_overflow();
	test_short();
	return unit_done();
}
