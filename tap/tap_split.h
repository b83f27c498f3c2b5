/*
 * A TAP sink that feeds two channels: the full stream to a collector (TAP over TCP) and, on the
 * console, a stream that is still complete TAP but short: a passing or skipped point is "ok N"
 * (with its directive keyword), everything else (header, plan, comments, failures with their
 * YAML, Bail out!, summary) verbatim. Once the full channel is gone (lost or closed) the console
 * gets every line verbatim again, so the console's stream is complete at every moment
 * (docs/design-notes.md, "TAP over TCP").
 *
 * Pure code over two struct tap sinks: the image puts the UART and net/report.c behind it, the
 * host tests two memory buffers.
 */
#ifndef HYPTAP_TAP_SPLIT_H
#define HYPTAP_TAP_SPLIT_H

#include <stdbool.h>
#include <stddef.h>

#include "tap.h"

/** Bytes of stream kept before the full channel is attached, replayed to it then. */
#define TAP_SPLIT_PENDING 4096

/** Where the full channel is: not yet there, taking the stream, gone. */
enum tap_split_state { TAP_SPLIT_BEFORE, TAP_SPLIT_ATTACHED, TAP_SPLIT_DETACHED };

/**
 * struct tap_split - the state of one split stream. Set up with tap_split_init(), pass
 * tap_split_write as the struct tap's sink and the struct tap_split as its context.
 * @console, @console_ctx: the short channel (always there).
 * @full, @full_ctx:       the full channel, from tap_split_attach().
 * @state:                 where the full channel is.
 * @pending:               the stream so far while TAP_SPLIT_BEFORE (@pending_len bytes);
 *                         @pending_overflow when it did not fit.
 * @line, @line_len:       the line being assembled (lines are routed whole).
 * @out_console, @out_full: what one tap_split_write() routes, handed on at its end.
 */
struct tap_split {
	tap_write_fn console;
	void *console_ctx;
	tap_write_fn full;
	void *full_ctx;
	enum tap_split_state state;
	char pending[TAP_SPLIT_PENDING];
	size_t pending_len;
	bool pending_overflow;
	char line[TAP_LINE_MAX];
	size_t line_len;
	struct tap_buf out_console, out_full;
	char out_console_buf[2 * TAP_LINE_MAX], out_full_buf[2 * TAP_LINE_MAX];
};

/** tap_split_init() - @s in TAP_SPLIT_BEFORE: everything to @console, verbatim. */
void tap_split_init(struct tap_split *s, tap_write_fn console, void *console_ctx);

/** tap_split_write() - the struct tap sink: route whole lines of @str[@len]. */
void tap_split_write(void *ctx, const char *str, size_t len);

/**
 * tap_split_attach() - the full channel is there: replay the stream so far to @full, then give it
 * every line while the console gets the short form.
 * Return: 0, or -1 (nothing changes) if the stream so far did not fit TAP_SPLIT_PENDING or the
 * state is not TAP_SPLIT_BEFORE.
 */
int tap_split_attach(struct tap_split *s, tap_write_fn full, void *full_ctx);

/**
 * tap_split_detach() - the full channel is gone: from the next line on, the console gets every
 * line verbatim. @why, if not NULL, is written to the console as the comment "# @why" (one
 * line). May be called from inside @full (the line being routed then reaches the console whole).
 */
void tap_split_detach(struct tap_split *s, const char *why);

/**
 * tap_split_short() - the console form of one TAP line @line[@len] (with its '\n') into @out
 * (at least @len + 1 bytes): "ok N" plus " # SKIP" or " # TODO" for an "ok" result line, the line
 * itself otherwise. Return: the length written.
 */
size_t tap_split_short(const char *line, size_t len, char *out);

#endif
