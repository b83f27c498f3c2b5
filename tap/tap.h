/*
 * TAP version 13 producer.
 *
 * Everything is written through a sink callback, so the same code prints to
 * the UART in the image and into a memory buffer in the host unit tests. No
 * allocation: each call formats into a fixed-size stack buffer and hands the
 * sink whole lines whenever they fit (TAP_LINE_MAX bytes).
 *
 * The producer keeps the stream parseable whatever it is given: ids cannot
 * contain '#' or line breaks, directive reasons are one line, YAML values that
 * are not plain scalars are double-quoted with escapes.
 */
#ifndef HYPTAP_TAP_H
#define HYPTAP_TAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** Size of the formatting buffers; longer comments are truncated ("..."). */
#define TAP_LINE_MAX 512

/** A compact stream numbers every this many'th point ("ok 100"): a check for ci/tap-expand. */
#define TAP_COMPACT_CHECKPOINT 100

/** FNV-1a 64-bit offset basis: the value of tap_digest() over nothing. */
#define TAP_DIGEST_INIT 0xcbf29ce484222325ull

/** Output sink: write @len bytes of @s (not NUL-terminated) somewhere. */
typedef void (*tap_write_fn)(void *ctx, const char *s, size_t len);

/** Verdict of one test point. */
enum tap_status { TAP_PASS, TAP_FAIL };

/** Optional TAP directive of one test point. */
enum tap_directive { TAP_DIR_NONE, TAP_DIR_SKIP, TAP_DIR_TODO };

/**
 * How result lines are written (hyptap.tap, docs/design-notes.md "A compact console").
 * @TAP_FORM_FULL:    every point as "ok N - id", with its directive and reason.
 * @TAP_FORM_COMPACT: for a slow UART. A pass is "ok", a SKIP "ok # SKIP reason", or
 *                    "ok # SKIP" when the reason is the previous SKIP's; every
 *                    TAP_COMPACT_CHECKPOINT'th of these carries its number. Failures and TODOs,
 *                    and a SKIP without reason, are written in full form. The host puts the ids
 *                    back from the image's own listing (ci/tap-expand).
 */
enum tap_form { TAP_FORM_FULL, TAP_FORM_COMPACT };

/** One line of a YAML diagnostic block, printed as "  key: value". */
struct tap_kv {
	const char *key;
	const char *value;
};

/**
 * struct tap_result - one test point.
 * @id:         test id, e.g. "trap.hvc.imm[0x0000]"; '#' is replaced by '_' and control
 *              characters by spaces. NULL or "" prints no description.
 * @status:     TAP_PASS ("ok") or TAP_FAIL ("not ok").
 * @directive:  TAP_DIR_SKIP is always printed as "ok N - id # SKIP reason" whatever @status;
 *              TAP_DIR_TODO prints "# TODO reason" after the honest status.
 * @reason:     reason of a SKIP/TODO directive, may be NULL; line breaks become spaces.
 * @diag:       YAML block lines, printed when @status is TAP_FAIL and the point is not a
 *              SKIP (so also for TODO failures).
 * @diag_count: number of entries in @diag.
 */
struct tap_result {
	const char *id;
	enum tap_status status;
	enum tap_directive directive;
	const char *reason;
	const struct tap_kv *diag;
	size_t diag_count;
};

/**
 * struct tap - state of one TAP stream.
 * @write:   output sink.
 * @ctx:     opaque argument of @write.
 * @planned: count given to tap_plan().
 * @emitted: result lines printed so far (the next one is numbered emitted + 1).
 * @pass:    results "ok" without directive.
 * @fail:    results "not ok" without directive.
 * @skip:    results with a SKIP directive.
 * @todo:    results with a TODO directive, passing or failing.
 * @bailed:  tap_bail_out() was called; later results, plans and headers are dropped.
 * @form:    how result lines are written (TAP_FORM_FULL after tap_init()).
 * @last_skip: TAP_FORM_COMPACT: the reason of the last SKIP written with one, when
 *           @last_skip_set (a reason that does not fit is not kept: the next is written out).
 */
struct tap {
	tap_write_fn write;
	void *ctx;
	unsigned planned, emitted, pass, fail, skip, todo;
	bool bailed;
	enum tap_form form;
	bool last_skip_set;
	char last_skip[TAP_LINE_MAX];
};

/**
 * struct tap_buf - a sink that appends to a caller-provided memory buffer.
 * @buf:      destination; kept NUL-terminated when @size > 0.
 * @size:     capacity of @buf in bytes, including the terminating NUL.
 * @len:      bytes stored so far (excluding the NUL).
 * @overflow: set when some output did not fit and was dropped.
 *
 * Pass tap_buf_write as the sink and a struct tap_buf as its context.
 */
struct tap_buf {
	char *buf;
	size_t size;
	size_t len;
	bool overflow;
};

/** tap_buf_init() - make @b an empty buffer sink over @buf[@size]. */
void tap_buf_init(struct tap_buf *b, char *buf, size_t size);

/** tap_buf_write() - sink callback appending to the struct tap_buf @ctx. */
void tap_buf_write(void *ctx, const char *s, size_t len);

/** tap_init() - reset @t to an empty stream writing to @write(@ctx, ...). Prints nothing. */
void tap_init(struct tap *t, tap_write_fn write, void *ctx);

/** tap_set_form() - write the results from now on in @form. */
void tap_set_form(struct tap *t, enum tap_form form);

/** tap_header() - print "TAP version 13". */
void tap_header(struct tap *t);

/** tap_plan() - print the plan "1..@count" and remember @count as planned. */
void tap_plan(struct tap *t, unsigned count);

/**
 * tap_comment() - print a printf-formatted diagnostic "# ..." line.
 *
 * Each embedded newline starts a new "# " line; one trailing newline is ignored.
 * Output longer than TAP_LINE_MAX is truncated and ends in "...".
 */
void tap_comment(struct tap *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/**
 * tap_comment_text() - print @text as "# " comment lines, however long: each newline starts a
 * new comment line, control characters other than tabs become spaces (what a listing line whose
 * text the host reads back whole needs; tap_comment() cuts at TAP_LINE_MAX).
 */
void tap_comment_text(struct tap *t, const char *text);

/**
 * tap_result() - print the next numbered result line and update the counters.
 *
 * A failing point (other than SKIP) with diagnostics is followed by a YAML block
 * ("  ---", "  key: value"..., "  ..."). Ignored after tap_bail_out().
 */
void tap_result(struct tap *t, const struct tap_result *r);

/** tap_ok() - shorthand for a passing result @id without directive or diagnostics. */
void tap_ok(struct tap *t, const char *id);

/** tap_skip() - shorthand for "ok N - @id # SKIP @reason". */
void tap_skip(struct tap *t, const char *id, const char *reason);

/**
 * tap_bail_out() - print "Bail out! reason" (printf-formatted, one line) and mark @t bailed.
 *
 * Only the first bail-out is printed.
 */
void tap_bail_out(struct tap *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/**
 * tap_summary() - print the closing counters comment:
 * "# summary: pass=P fail=F skip=S todo=T planned=N emitted=E ms=MS".
 */
void tap_summary(struct tap *t, unsigned long ms);

/**
 * tap_digest() - @h extended by the bytes of the string @s: FNV-1a 64-bit, begun at
 * TAP_DIGEST_INIT. What a compact stream's header certifies its ids with (ci/tap-expand
 * computes the same over the image's listing).
 */
uint64_t tap_digest(uint64_t h, const char *s);

#endif /* HYPTAP_TAP_H */
