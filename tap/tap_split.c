/*
 * The two-channel TAP sink (tap_split.h): lines are assembled, then each goes whole to the full
 * channel and in short or verbatim form to the console. What one tap_split_write() routes is
 * gathered per channel and handed on at its end, so a record the TAP writer wrote in one call
 * (a result and its YAML block) still reaches each sink in one call.
 */
#include <string.h>

#include "tap_split.h"

void tap_split_init(struct tap_split *s, tap_write_fn console, void *console_ctx)
{
	memset(s, 0, sizeof(*s));
	s->console = console;
	s->console_ctx = console_ctx;
	s->state = TAP_SPLIT_BEFORE;
	tap_buf_init(&s->out_console, s->out_console_buf, sizeof(s->out_console_buf));
	tap_buf_init(&s->out_full, s->out_full_buf, sizeof(s->out_full_buf));
}

/* Hand on what is gathered for one channel. */
static void flush_out(struct tap_buf *b, tap_write_fn fn, void *ctx)
{
	if (b->len != 0 && fn != NULL) {
		fn(ctx, b->buf, b->len);
	}
	b->len = 0;
	b->overflow = false;
}

/* Gather @len bytes for one channel, handing on first when they would not fit. */
static void out_put(struct tap_buf *b, tap_write_fn fn, void *ctx, const char *str, size_t len)
{
	if (b->len + len >= b->size) {
		flush_out(b, fn, ctx);
	}
	if (len >= b->size) {
		fn(ctx, str, len);
		return;
	}
	tap_buf_write(b, str, len);
}

static void to_console(struct tap_split *s, const char *str, size_t len)
{
	out_put(&s->out_console, s->console, s->console_ctx, str, len);
}

size_t tap_split_short(const char *line, size_t len, char *out)
{
	size_t n = 3, k;

	if (len < 4 || memcmp(line, "ok ", 3) != 0 || line[3] < '0' || line[3] > '9') {
		memcpy(out, line, len);
		return len;
	}
	memcpy(out, "ok ", 3);
	for (; n < len && line[n] >= '0' && line[n] <= '9'; n++) {
		out[n] = line[n];
	}
	/* The writer keeps '#' out of ids: the first " # " starts the directive. */
	for (k = n; k + 2 < len && memcmp(line + k, " # ", 3) != 0; k++) {
	}
	if (k + 2 < len) {
		size_t w = k + 3, e = w;

		while (e < len && line[e] != ' ' && line[e] != '\n') {
			e++;
		}
		memcpy(out + n, line + k, e - k);
		n += e - k;
	}
	out[n++] = '\n';
	return n;
}

/* One whole line (or a fragment too long for the line buffer) to the channels. */
static void route(struct tap_split *s, const char *line, size_t len, bool whole)
{
	char brief[TAP_LINE_MAX + 1];

	switch (s->state) {
	case TAP_SPLIT_BEFORE:
		to_console(s, line, len);
		if (s->pending_len + len > sizeof(s->pending)) {
			s->pending_overflow = true;
		} else {
			memcpy(s->pending + s->pending_len, line, len);
			s->pending_len += len;
		}
		return;
	case TAP_SPLIT_ATTACHED:
		out_put(&s->out_full, s->full, s->full_ctx, line, len);
		if (s->state == TAP_SPLIT_ATTACHED && whole) {
			to_console(s, brief, tap_split_short(line, len, brief));
			return;
		}
		to_console(s, line, len);
		return;
	case TAP_SPLIT_DETACHED:
		to_console(s, line, len);
		return;
	}
}

void tap_split_write(void *ctx, const char *str, size_t len)
{
	struct tap_split *s = ctx;

	for (size_t i = 0; i < len; i++) {
		s->line[s->line_len++] = str[i];
		if (str[i] == '\n' || s->line_len == sizeof(s->line)) {
			route(s, s->line, s->line_len, str[i] == '\n');
			s->line_len = 0;
		}
	}
	if (s->state == TAP_SPLIT_ATTACHED) {
		flush_out(&s->out_full, s->full, s->full_ctx);
	}
	flush_out(&s->out_console, s->console, s->console_ctx);
}

int tap_split_attach(struct tap_split *s, tap_write_fn full, void *full_ctx)
{
	if (s->state != TAP_SPLIT_BEFORE || s->pending_overflow || full == NULL) {
		return -1;
	}
	s->full = full;
	s->full_ctx = full_ctx;
	s->state = TAP_SPLIT_ATTACHED;
	if (s->pending_len != 0) {
		full(full_ctx, s->pending, s->pending_len);
	}
	return 0;
}

void tap_split_detach(struct tap_split *s, const char *why)
{
	s->state = TAP_SPLIT_DETACHED;
	/* What was gathered for the full channel has no taker any more. */
	s->out_full.len = 0;
	if (why != NULL) {
		to_console(s, "# ", 2);
		for (; *why != '\0'; why++) {
			char c = *why == '\n' || *why == '\r' ? ' ' : *why;

			to_console(s, &c, 1);
		}
		to_console(s, "\n", 1);
	}
	flush_out(&s->out_console, s->console, s->console_ctx);
}
