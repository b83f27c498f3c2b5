/*
 * TAP version 13 producer (see tap.h and DESIGN.md section 7).
 *
 * Output is assembled in a struct tap_out, a TAP_LINE_MAX byte stack buffer
 * that is handed to the sink when it is full and at the end of each call, so
 * a short record (a result line and its YAML block, a comment) reaches the
 * sink in one write.
 *
 * The compact form (TAP_FORM_COMPACT) changes only how a passing or skipped point's line is
 * written: what the host can put back (the id, the number, a SKIP reason said just before) is
 * left out; what only this run knows is written.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "tap.h"

struct tap_out {
	struct tap *t;
	size_t len;
	char buf[TAP_LINE_MAX];
};

static void out_init(struct tap_out *o, struct tap *t)
{
	o->t = t;
	o->len = 0;
}

static void out_flush(struct tap_out *o)
{
	if (o->len != 0 && o->t->write != NULL) {
		o->t->write(o->t->ctx, o->buf, o->len);
	}
	o->len = 0;
}

static void out_putc(struct tap_out *o, char c)
{
	if (o->len == sizeof(o->buf)) {
		out_flush(o);
	}
	o->buf[o->len++] = c;
}

static void out_puts(struct tap_out *o, const char *s)
{
	while (*s != '\0') {
		out_putc(o, *s++);
	}
}

static void out_uint(struct tap_out *o, unsigned long v)
{
	char digits[24];
	size_t n = 0;

	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	while (n != 0) {
		out_putc(o, digits[--n]);
	}
}

static void out_hex2(struct tap_out *o, unsigned char v)
{
	static const char hex[] = "0123456789abcdef";

	out_putc(o, hex[v >> 4]);
	out_putc(o, hex[v & 0xf]);
}

static bool is_ctrl(char c)
{
	return (unsigned char)c < 0x20 || c == 0x7f;
}

/* A test id: no '#' (it would start a directive) and no line breaks. */
static void out_id(struct tap_out *o, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '#') {
			out_putc(o, '_');
		} else if (is_ctrl(*s)) {
			out_putc(o, ' ');
		} else {
			out_putc(o, *s);
		}
	}
}

/* Free text that must stay on one line (directive and bail-out reasons). */
static void out_oneline(struct tap_out *o, const char *s)
{
	for (; *s != '\0'; s++) {
		out_putc(o, is_ctrl(*s) ? ' ' : *s);
	}
}

static bool is_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-';
}

/*
 * A YAML mapping key as TAP::Parser's YAMLish reader accepts it: starts with a
 * word character, no spaces or colons.
 */
static void out_yaml_key(struct tap_out *o, const char *key)
{
	if (key == NULL || *key == '\0') {
		out_putc(o, '_');
		return;
	}
	if (*key == '.' || *key == '-') {
		out_putc(o, '_');
		key++;
	}
	for (; *key != '\0'; key++) {
		out_putc(o, is_key_char(*key) ? *key : '_');
	}
}

/*
 * Whether @v can be written as a YAML plain scalar that reads back unchanged,
 * by YAML and by TAP::Parser::YAMLish::Reader (which strips trailing blanks,
 * treats "~" as null and "|" / ">" as block scalars).
 */
static bool yaml_is_plain(const char *v)
{
	size_t len = strlen(v);

	if (len == 0 || v[0] == ' ' || v[len - 1] == ' ') {
		return false;
	}
	if (strchr(",&*!|>%@`]}~", v[0]) != NULL) {
		return false;
	}
	if ((v[0] == '-' || v[0] == '?') && (v[1] == '\0' || v[1] == ' ')) {
		return false;
	}
	for (; *v != '\0'; v++) {
		if (*v == ':' || *v == '#' || *v == '"' || *v == '\'' || is_ctrl(*v)) {
			return false;
		}
	}
	return true;
}

static void out_yaml_quoted(struct tap_out *o, const char *v)
{
	out_putc(o, '"');
	for (; *v != '\0'; v++) {
		switch (*v) {
		case '"':
			out_puts(o, "\\\"");
			break;
		case '\\':
			out_puts(o, "\\\\");
			break;
		case '\n':
			out_puts(o, "\\n");
			break;
		case '\r':
			out_puts(o, "\\r");
			break;
		case '\t':
			out_puts(o, "\\t");
			break;
		default:
			if (is_ctrl(*v)) {
				out_puts(o, "\\x");
				out_hex2(o, (unsigned char)*v);
			} else {
				out_putc(o, *v);
			}
			break;
		}
	}
	out_putc(o, '"');
}

static void out_yaml_value(struct tap_out *o, const char *v)
{
	if (v == NULL) {
		v = "";
	}
	if (v[0] == '{' || v[0] == '[') {
		/* Flow collection, written by the caller: keep it, on one line. */
		out_oneline(o, v);
	} else if (yaml_is_plain(v)) {
		out_puts(o, v);
	} else {
		out_yaml_quoted(o, v);
	}
}

/*
 * vsnprintf() into @buf[TAP_LINE_MAX]; output that does not fit is cut and
 * marked with a trailing "...".
 */
static void format_truncated(char *buf, const char *fmt, va_list ap)
{
	int n = vsnprintf(buf, TAP_LINE_MAX, fmt, ap);

	if (n < 0) {
		strcpy(buf, "(format error)");
	} else if ((size_t)n >= TAP_LINE_MAX) {
		memcpy(buf + TAP_LINE_MAX - 4, "...", 4);
	}
}

void tap_buf_init(struct tap_buf *b, char *buf, size_t size)
{
	b->buf = buf;
	b->size = size;
	b->len = 0;
	b->overflow = false;
	if (size != 0) {
		buf[0] = '\0';
	}
}

void tap_buf_write(void *ctx, const char *s, size_t len)
{
	struct tap_buf *b = ctx;
	size_t room = b->size != 0 ? b->size - 1 - b->len : 0;

	if (len > room) {
		len = room;
		b->overflow = true;
	}
	if (len == 0) {
		return;
	}
	memcpy(b->buf + b->len, s, len);
	b->len += len;
	b->buf[b->len] = '\0';
}

void tap_init(struct tap *t, tap_write_fn write, void *ctx)
{
	memset(t, 0, sizeof(*t));
	t->write = write;
	t->ctx = ctx;
}

void tap_set_form(struct tap *t, enum tap_form form)
{
	t->form = form;
	t->last_skip_set = false;
}

void tap_header(struct tap *t)
{
	struct tap_out o;

	if (t->bailed) {
		return;
	}
	out_init(&o, t);
	out_puts(&o, "TAP version 13\n");
	out_flush(&o);
}

void tap_plan(struct tap *t, unsigned count)
{
	struct tap_out o;

	if (t->bailed) {
		return;
	}
	t->planned = count;
	out_init(&o, t);
	out_puts(&o, "1..");
	out_uint(&o, count);
	out_putc(&o, '\n');
	out_flush(&o);
}

void tap_comment_text(struct tap *t, const char *text)
{
	struct tap_out o;
	const char *p = text;

	out_init(&o, t);
	do {
		out_putc(&o, '#');
		if (*p != '\n' && *p != '\0') {
			out_putc(&o, ' ');
		}
		for (; *p != '\n' && *p != '\0'; p++) {
			if (*p == '\r') {
				continue;
			}
			out_putc(&o, (is_ctrl(*p) && *p != '\t') ? ' ' : *p);
		}
		out_putc(&o, '\n');
		if (*p == '\n') {
			p++;
		}
	} while (*p != '\0');
	out_flush(&o);
}

void tap_comment(struct tap *t, const char *fmt, ...)
{
	char text[TAP_LINE_MAX];
	va_list ap;

	va_start(ap, fmt);
	format_truncated(text, fmt, ap);
	va_end(ap);
	tap_comment_text(t, text);
}

static void out_directive(struct tap_out *o, const char *name, const char *reason)
{
	out_puts(o, " # ");
	out_puts(o, name);
	if (reason != NULL && *reason != '\0') {
		out_putc(o, ' ');
		out_oneline(o, reason);
	}
}

/*
 * TAP_FORM_COMPACT: write a passing or skipped point of @t (already counted) without its id:
 * "ok", "ok # SKIP reason" or "ok # SKIP" (the reason of the SKIP before), with the number on
 * every TAP_COMPACT_CHECKPOINT'th point. False when the point needs the full form: a failure, a
 * TODO, a SKIP without reason (a bare "# SKIP" means "as before").
 */
static bool out_compact(struct tap_out *o, const struct tap_result *r, bool ok, bool skip)
{
	struct tap *t = o->t;
	const char *why = r->reason != NULL ? r->reason : "";

	if (t->form != TAP_FORM_COMPACT || !ok || r->directive == TAP_DIR_TODO ||
	    (skip && *why == '\0')) {
		return false;
	}
	out_puts(o, "ok");
	if (t->emitted % TAP_COMPACT_CHECKPOINT == 0) {
		out_putc(o, ' ');
		out_uint(o, t->emitted);
	}
	if (skip) {
		out_puts(o, " # SKIP");
		if (!t->last_skip_set || strcmp(t->last_skip, why) != 0) {
			out_putc(o, ' ');
			out_oneline(o, why);
			t->last_skip_set = strlen(why) < sizeof(t->last_skip);
			if (t->last_skip_set) {
				strcpy(t->last_skip, why);
			}
		}
	}
	out_putc(o, '\n');
	return true;
}

void tap_result(struct tap *t, const struct tap_result *r)
{
	bool skip = r->directive == TAP_DIR_SKIP;
	bool ok = skip || r->status == TAP_PASS;
	struct tap_out o;
	size_t i;

	if (t->bailed) {
		return;
	}
	t->emitted++;
	if (skip) {
		t->skip++;
	} else if (r->directive == TAP_DIR_TODO) {
		t->todo++;
	} else if (ok) {
		t->pass++;
	} else {
		t->fail++;
	}

	out_init(&o, t);
	if (out_compact(&o, r, ok, skip)) {
		out_flush(&o);
		return;
	}
	if (skip) {
		t->last_skip_set = false; /* written in full without a reason: no "as before" */
	}
	out_puts(&o, ok ? "ok " : "not ok ");
	out_uint(&o, t->emitted);
	if (r->id != NULL && *r->id != '\0') {
		out_puts(&o, " - ");
		out_id(&o, r->id);
	}
	if (skip) {
		out_directive(&o, "SKIP", r->reason);
	} else if (r->directive == TAP_DIR_TODO) {
		out_directive(&o, "TODO", r->reason);
	}
	out_putc(&o, '\n');

	if (!ok && r->diag != NULL && r->diag_count != 0) {
		out_puts(&o, "  ---\n");
		for (i = 0; i < r->diag_count; i++) {
			out_puts(&o, "  ");
			out_yaml_key(&o, r->diag[i].key);
			out_puts(&o, ": ");
			out_yaml_value(&o, r->diag[i].value);
			out_putc(&o, '\n');
		}
		out_puts(&o, "  ...\n");
	}
	out_flush(&o);
}

void tap_ok(struct tap *t, const char *id)
{
	const struct tap_result r = {.id = id, .status = TAP_PASS, .directive = TAP_DIR_NONE};

	tap_result(t, &r);
}

void tap_skip(struct tap *t, const char *id, const char *reason)
{
	const struct tap_result r = {
		.id = id, .status = TAP_PASS, .directive = TAP_DIR_SKIP, .reason = reason};

	tap_result(t, &r);
}

void tap_bail_out(struct tap *t, const char *fmt, ...)
{
	char text[TAP_LINE_MAX];
	struct tap_out o;
	va_list ap;

	if (t->bailed) {
		return;
	}
	t->bailed = true;

	va_start(ap, fmt);
	format_truncated(text, fmt, ap);
	va_end(ap);

	out_init(&o, t);
	out_puts(&o, "Bail out!");
	if (text[0] != '\0') {
		out_putc(&o, ' ');
		out_oneline(&o, text);
	}
	out_putc(&o, '\n');
	out_flush(&o);
}

void tap_summary(struct tap *t, unsigned long ms)
{
	struct tap_out o;

	out_init(&o, t);
	out_puts(&o, "# summary: pass=");
	out_uint(&o, t->pass);
	out_puts(&o, " fail=");
	out_uint(&o, t->fail);
	out_puts(&o, " skip=");
	out_uint(&o, t->skip);
	out_puts(&o, " todo=");
	out_uint(&o, t->todo);
	out_puts(&o, " planned=");
	out_uint(&o, t->planned);
	out_puts(&o, " emitted=");
	out_uint(&o, t->emitted);
	out_puts(&o, " ms=");
	out_uint(&o, ms);
	out_putc(&o, '\n');
	out_flush(&o);
}

uint64_t tap_digest(uint64_t h, const char *s)
{
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ull; /* the FNV 64-bit prime */
	}
	return h;
}
