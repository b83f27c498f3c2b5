/*
 * Deterministic fuzzing of the boot argument parser (kernel/bootargs.c), alone and behind the
 * DTB (/chosen/bootargs through platform_parse()). Every command line must end in a clear error
 * (printable ASCII, at most BOOTARGS_ERR_MAX bytes, a known reason, quoting a token that is in
 * the input) or a parse that agrees with a small reference tokenizer written here.
 *
 * Input kinds: random bytes, token soup (hyptap.* keys, values at and past their limits, CPU
 * lists with ranges in either order, foreign tokens, every blank), 4 KiB tokens, 10,000 tokens,
 * NULs inside, non-ASCII bytes, overlong numbers.
 */
#include <libfdt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bootargs.h"
#include "dtb_edit.h"
#include "fuzz_rng.h"
#include "platform.h"
#include "unit.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define LINE_MAX_LEN  (64 * 1024)

/* A command line being built: bytes, NULs allowed, @len of them. */
struct line {
	char buf[LINE_MAX_LEN + 1];
	size_t len;
};

static void put(struct line *l, const char *s, size_t n)
{
	if (n > LINE_MAX_LEN - l->len) {
		n = LINE_MAX_LEN - l->len;
	}
	memcpy(l->buf + l->len, s, n);
	l->len += n;
	l->buf[l->len] = '\0';
}

static void puts_(struct line *l, const char *s)
{
	put(l, s, strlen(s));
}

static void putc_(struct line *l, char c)
{
	put(l, &c, 1);
}

static void blanks(struct line *l, struct rng *r)
{
	static const char b[] = " \t\n\r\v\f";

	for (uint32_t n = 1 + (rng_below(r, 4) == 0 ? rng_below(r, 4) : 0); n; n--) {
		putc_(l, b[rng_below(r, 6)]);
	}
}

static void digits(struct line *l, struct rng *r, uint32_t n)
{
	for (; n; n--) {
		putc_(l, (char)('0' + rng_below(r, 10)));
	}
}

/* A CPU list of indices around the limit and ranges in either order: often not valid. */
static void cpu_list(struct line *l, struct rng *r)
{
	char num[32];

	for (uint32_t n = 1 + rng_below(r, 4); n; n--) {
		snprintf(num, sizeof(num), rng_below(r, 2) ? "%u-%u" : "%u", rng_below(r, 70),
			 rng_below(r, 70));
		puts_(l, num);
		if (n > 1) {
			putc_(l, ',');
		}
	}
}

/* A value for one of the keys, good or bad. */
static void value(struct line *l, struct rng *r)
{
	static const char *const fixed[] = {
		"0",
		"1",
		"2",
		"100000",
		"100001",
		"600000",
		"600001",
		"18446744073709551615",
		"18446744073709551616",
		"0x0",
		"0xffffffffffffffff",
		"0x10000000000000000",
		"0x",
		"-1",
		"+1",
		"1.5",
		"psci",
		"semihosting",
		"PSCI",
		"uart",
		"trap.*",
		"trap.*,stage2.*",
		"a,,b",
		",a",
		"a,",
		",",
		"*",
		"[",
		"guest.exit",
		"=",
		"all",
		"any",
		"0-3,5",
		"3-1",
		"63",
		"64",
		"0-63",
		"1,,2",
		"1-",
		"1-2-3",
		"hang@1",
		"crash@0",
		"hang@63",
		"crash@64",
		"hang@",
		"hang@1x",
	};
	switch (rng_below(r, 6)) {
	case 0:
		puts_(l, fixed[rng_below(r, ARRAY_SIZE(fixed))]);
		break;
	case 5:
		cpu_list(l, r);
		break;
	case 1:
		digits(l, r, 1 + rng_below(r, 30));
		break;
	case 2:
		for (uint32_t n = 1 + rng_below(r, 20); n; n--) {
			puts_(l, "g");
			digits(l, r, rng_below(r, 3));
			if (n > 1) {
				putc_(l, ',');
			}
		}
		break;
	case 3:
		puts_(l, "0x");
		for (uint32_t n = rng_below(r, 20); n; n--) {
			putc_(l, "0123456789abcdefABCDEFg"[rng_below(r, 23)]);
		}
		break;
	default:
		for (uint32_t n = rng_below(r, 12); n; n--) {
			putc_(l, (char)(0x21 + rng_below(r, 0x5e)));
		}
		break;
	}
}

static void token(struct line *l, struct rng *r)
{
	static const char *const keys[] = {
		"only",	       "skip",	 "list", "repeat",   "seed",	 "timeout_ms", "exit",
		"exhaustive",  "timing", "Only", "",	     "timeout",	 "onlyx",      "lis",
		"exhaustivex", "cpus",	 "on",	 "pe-fault", "pe_fault", "cpu",	       "console"};
	static const char *const foreign[] = {"console=ttyAMA0", "earlycon",	 "root=/dev/vda",
					      "hyptap",		 "hyptapx.list", "HYPTAP.list",
					      "x=hyptap."};

	if (rng_below(r, 4) == 0) {
		puts_(l, foreign[rng_below(r, ARRAY_SIZE(foreign))]);
		return;
	}
	puts_(l, "hyptap.");
	puts_(l, keys[rng_below(r, ARRAY_SIZE(keys))]);
	if (rng_below(r, 6)) {
		putc_(l, '=');
		if (rng_below(r, 8)) {
			value(l, r);
		}
	}
}

/* A good hyptap.cpus, hyptap.on or hyptap.pe-fault token. */
static void cpu_token(struct line *l, struct rng *r)
{
	char num[32];

	switch (rng_below(r, 4)) {
	case 0:
		puts_(l, "hyptap.cpus=");
		if (rng_below(r, 8) == 0) {
			puts_(l, "all");
			break;
		}
		if (rng_below(r, 4) == 0) {
			cpu_list(l, r); /* a good line's occasional bad list must be refused */
			break;
		}
		for (uint32_t n = 1 + rng_below(r, 5); n; n--) {
			uint32_t lo = rng_below(r, 64), hi = lo + rng_below(r, 64 - lo);

			snprintf(num, sizeof(num), rng_below(r, 2) ? "%u-%u" : "%u", lo, hi);
			puts_(l, num);
			if (n > 1) {
				putc_(l, ',');
			}
		}
		break;
	case 1:
		puts_(l, rng_below(r, 2) ? "hyptap.on=all" : "hyptap.on=any");
		break;
	default:
		snprintf(num, sizeof(num), "hyptap.pe-fault=%s@%u",
			 rng_below(r, 2) ? "hang" : "crash", rng_below(r, 64));
		puts_(l, num);
		break;
	}
}

/* A token the parser must accept (glob counts aside: many of them overflow the 16). */
static void good_token(struct line *l, struct rng *r)
{
	static const char *const exits[] = {"psci", "semihosting"};
	static const char *const consoles[] = {"uart", "semihosting"};
	static const char *const lists[] = {"hyptap.list",	   "hyptap.list=0",
					    "hyptap.list=1",	   "hyptap.exhaustive",
					    "hyptap.exhaustive=0", "hyptap.timing=1"};
	char num[32];

	switch (rng_below(r, 8)) {
	case 0:
	case 1:
		puts_(l, rng_below(r, 2) ? "hyptap.only=" : "hyptap.skip=");
		for (uint32_t n = 1 + rng_below(r, 3); n; n--) {
			puts_(l, "t.*");
			digits(l, r, rng_below(r, 2));
			if (n > 1) {
				putc_(l, ',');
			}
		}
		break;
	case 2:
		snprintf(num, sizeof(num), "hyptap.repeat=%u",
			 1 + rng_below(r, BOOTARGS_REPEAT_MAX));
		puts_(l, num);
		break;
	case 3:
		snprintf(num, sizeof(num),
			 rng_below(r, 2) ? "hyptap.seed=%llu" : "hyptap.seed=0x%llx",
			 (unsigned long long)rng_next(r));
		puts_(l, num);
		break;
	case 4:
		snprintf(num, sizeof(num), "hyptap.timeout_ms=%u",
			 1 + rng_below(r, BOOTARGS_TIMEOUT_MS_MAX));
		puts_(l, num);
		break;
	case 5:
		if (rng_below(r, 2)) {
			puts_(l, "hyptap.exit=");
			puts_(l, exits[rng_below(r, 2)]);
		} else {
			puts_(l, "hyptap.console=");
			puts_(l, consoles[rng_below(r, 2)]);
		}
		break;
	case 6:
		cpu_token(l, r);
		break;
	default:
		puts_(l, lists[rng_below(r, 3)]);
		break;
	}
}

static void soup(struct line *l, struct rng *r, uint32_t tokens)
{
	bool good = rng_below(r, 2); /* half the lines are meant to parse */

	for (uint32_t i = 0; i < tokens; i++) {
		if (i || rng_below(r, 2)) {
			blanks(l, r);
		}
		if (good && rng_below(r, 8)) {
			good_token(l, r);
		} else {
			token(l, r); /* in a good line, the occasional bad or foreign one */
		}
	}
	if (rng_below(r, 2)) {
		blanks(l, r);
	}
}

/* ---- the kinds of input ------------------------------------------------------------------ */

static void gen_random(struct line *l, struct rng *r)
{
	for (uint32_t n = rng_below(r, 1100); n; n--) {
		if (rng_below(r, 40) == 0) {
			puts_(l, " hyptap.");
		}
		putc_(l, (char)rng_below(r, 256));
	}
}

static void gen_soup(struct line *l, struct rng *r)
{
	soup(l, r, 1 + rng_below(r, 40));
}

static void gen_long_token(struct line *l, struct rng *r)
{
	static const char *const heads[] = {
		"hyptap.only=", "hyptap.skip=", "hyptap.repeat=", "hyptap.", "console="};
	/* Just under, at, and past the 1023-byte limit, and 4 KiB. */
	static const uint32_t sizes[] = {1000, 1022, 1023, 1024, 4096};
	uint32_t size = sizes[rng_below(r, ARRAY_SIZE(sizes))];

	if (rng_below(r, 2)) {
		soup(l, r, 1 + rng_below(r, 3));
		putc_(l, ' ');
	}
	puts_(l, heads[rng_below(r, ARRAY_SIZE(heads))]);
	while (l->len < size) {
		putc_(l, rng_below(r, 3) ? 'a' : (char)('0' + rng_below(r, 10)));
	}
}

static void gen_many_tokens(struct line *l, struct rng *r)
{
	static const char *const toks[] = {"hyptap.list", "a", "hyptap.only=x", "hyptap.bogus"};
	/* 10,000 tokens, and as many as fit in 1023 bytes. */
	uint32_t count = rng_below(r, 2) ? 10000 : 511;
	const char *t = toks[rng_below(r, ARRAY_SIZE(toks))];

	for (uint32_t i = 0; i < count; i++) {
		puts_(l, t);
		putc_(l, ' ');
	}
}

static void gen_nuls(struct line *l, struct rng *r)
{
	soup(l, r, 1 + rng_below(r, 20));
	for (uint32_t n = 1 + rng_below(r, 3); n && l->len; n--) {
		l->buf[rng_below(r, (uint32_t)l->len)] = '\0';
	}
}

static void gen_non_ascii(struct line *l, struct rng *r)
{
	soup(l, r, 1 + rng_below(r, 20));
	for (uint32_t n = 1 + rng_below(r, 4); n && l->len; n--) {
		uint8_t c = (uint8_t)(rng_below(r, 3) ? 0x80 + rng_below(r, 0x80)
						      : 1 + rng_below(r, 0x1f));

		l->buf[rng_below(r, (uint32_t)l->len)] = (char)c;
	}
}

static void gen_overlong_number(struct line *l, struct rng *r)
{
	static const char *const keys[] = {
		"hyptap.repeat=", "hyptap.seed=",   "hyptap.timeout_ms=",   "hyptap.seed=0x",
		"hyptap.cpus=",	  "hyptap.cpus=1-", "hyptap.pe-fault=hang@"};

	puts_(l, keys[rng_below(r, ARRAY_SIZE(keys))]);
	if (rng_below(r, 2)) {
		for (uint32_t n = rng_below(r, 400); n; n--) {
			putc_(l, '0');
		}
	}
	digits(l, r, 1 + rng_below(r, rng_below(r, 2) ? 25 : 400));
}

struct kind {
	const char *name;
	unsigned cases;
	void (*gen)(struct line *l, struct rng *r);
	unsigned tried, ok, errors, via_dtb, failed;
};

static struct kind kinds[] = {
	{.name = "random bytes", .cases = 2000, .gen = gen_random},
	{.name = "token soup", .cases = 4000, .gen = gen_soup},
	{.name = "long tokens", .cases = 300, .gen = gen_long_token},
	{.name = "10,000 tokens", .cases = 100, .gen = gen_many_tokens},
	{.name = "NULs inside", .cases = 1500, .gen = gen_nuls},
	{.name = "non-ASCII", .cases = 1500, .gen = gen_non_ascii},
	{.name = "overlong numbers", .cases = 1500, .gen = gen_overlong_number},
};

/* ---- the oracle: a reference tokenizer that shares no code with bootargs.c ---------------- */

struct reference {
	unsigned only, skip; /* glob counts */
	bool list, exhaustive, timing;
	const char *repeat, *seed, *timeout, *exit, *console; /* last value given, or NULL */
	const char *cpus, *on, *pe_fault;
};

static bool blank(char c)
{
	return c && strchr(" \t\n\r\v\f", c);
}

/* What a successful parse of @s must give (only meaningful when the parse succeeded). */
static void reference(const char *s, struct reference *ref, char *copy)
{
	memset(ref, 0, sizeof(*ref));
	strcpy(copy, s);
	for (char *t = copy; *t;) {
		char *end = t;

		while (*end && !blank(*end)) {
			end++;
		}
		bool more = *end != '\0';

		*end = '\0';
		if (!strncmp(t, "hyptap.", 7)) {
			char *key = t + 7, *eq = strchr(key, '=');
			const char *v = eq ? eq + 1 : NULL;
			unsigned globs = 1;

			if (eq) {
				*eq = '\0';
			}
			for (const char *c = v; c && *c; c++) {
				globs += *c == ',';
			}
			if (!strcmp(key, "only")) {
				ref->only += globs;
			} else if (!strcmp(key, "skip")) {
				ref->skip += globs;
			} else if (!strcmp(key, "list")) {
				ref->list = !v || !strcmp(v, "1");
			} else if (!strcmp(key, "exhaustive")) {
				ref->exhaustive = !v || !strcmp(v, "1");
			} else if (!strcmp(key, "timing")) {
				ref->timing = !v || !strcmp(v, "1");
			} else if (!strcmp(key, "repeat")) {
				ref->repeat = v;
			} else if (!strcmp(key, "seed")) {
				ref->seed = v;
			} else if (!strcmp(key, "timeout_ms")) {
				ref->timeout = v;
			} else if (!strcmp(key, "exit")) {
				ref->exit = v;
			} else if (!strcmp(key, "console")) {
				ref->console = v;
			} else if (!strcmp(key, "cpus")) {
				ref->cpus = v;
			} else if (!strcmp(key, "on")) {
				ref->on = v;
			} else if (!strcmp(key, "pe-fault")) {
				ref->pe_fault = v;
			}
		}
		t = more ? end + 1 : end;
		while (blank(*t)) {
			t++;
		}
	}
}

/* strtoull of an all-digits (or 0x + hex) string, with leading zeros: what the value means. */
static uint64_t number(const char *v)
{
	bool hex = v[0] == '0' && (v[1] == 'x' || v[1] == 'X');

	v += hex ? 2 : 0;
	while (*v == '0' && v[1]) {
		v++;
	}
	return strtoull(v, NULL, hex ? 16 : 10);
}

/* A CPU index as the reference reads it: 1+ decimal digits, below 64. */
static bool ref_index(const char *v, size_t n, unsigned *out)
{
	char d[8];

	while (n > 1 && *v == '0') {
		v++;
		n--;
	}
	if (!n || n > 2 || strspn(v, "0123456789") < n) {
		return false;
	}
	memcpy(d, v, n);
	d[n] = '\0';
	*out = (unsigned)strtoul(d, NULL, 10);
	return *out < 64;
}

/* hyptap.cpus's mask as the reference reads @v; false if @v is not a valid list. */
static bool ref_cpus(const char *v, uint64_t *mask)
{
	*mask = 0;
	if (!strcmp(v, "all")) {
		*mask = UINT64_MAX;
		return true;
	}
	for (;;) {
		size_t n = strcspn(v, ","), dash = strcspn(v, "-");
		unsigned lo, hi;

		if (dash < n) {
			if (!ref_index(v, dash, &lo) ||
			    !ref_index(v + dash + 1, n - dash - 1, &hi) || hi < lo) {
				return false;
			}
		} else if (!ref_index(v, n, &lo)) {
			return false;
		} else {
			hi = lo;
		}
		*mask |= (hi == 63 ? UINT64_MAX : (2ull << hi) - 1) & ~((1ull << lo) - 1);
		if (!v[n]) {
			return true;
		}
		v += n + 1;
	}
}

static const char *cpus_broken(const struct bootargs *ba, const struct reference *ref)
{
	uint64_t mask = UINT64_MAX;
	unsigned cpu = 0;
	enum bootargs_pe_fault fault = BOOTARGS_PE_FAULT_NONE;

	if (ref->cpus && !ref_cpus(ref->cpus, &mask)) {
		return "hyptap.cpus accepted a list the reference rejects";
	}
	if (ba->cpus_mask != mask || ba->cpus_set != !!ref->cpus) {
		return "cpus_mask or cpus_set differs from the reference";
	}
	if (ba->on != (ref->on && !strcmp(ref->on, "all") ? BOOTARGS_ON_ALL : BOOTARGS_ON_ANY) ||
	    (ref->on && strcmp(ref->on, "all") && strcmp(ref->on, "any"))) {
		return "on differs from the reference";
	}
	if (ref->pe_fault) {
		const char *at = strchr(ref->pe_fault, '@');
		size_t kind = at ? (size_t)(at - ref->pe_fault) : 0;

		if (kind == 4 && !strncmp(ref->pe_fault, "hang", 4)) {
			fault = BOOTARGS_PE_FAULT_HANG;
		} else if (kind == 5 && !strncmp(ref->pe_fault, "crash", 5)) {
			fault = BOOTARGS_PE_FAULT_CRASH;
		}
		if (fault == BOOTARGS_PE_FAULT_NONE || !ref_index(at + 1, strlen(at + 1), &cpu)) {
			return "hyptap.pe-fault accepted a value the reference rejects";
		}
	}
	if (ba->pe_fault != fault || ba->pe_fault_cpu != cpu) {
		return "pe_fault or pe_fault_cpu differs from the reference";
	}
	return NULL;
}

static const char *parse_broken(const struct bootargs *ba, const char *s)
{
	static char copy[LINE_MAX_LEN + 1];
	struct reference ref;

	reference(s, &ref, copy);
	if (ba->only_count != ref.only || ba->skip_count != ref.skip) {
		return "glob counts differ from the reference";
	}
	for (unsigned i = 0; i < ba->only_count + ba->skip_count; i++) {
		const char *g = i < ba->only_count ? ba->only[i] : ba->skip[i - ba->only_count];

		if (g < ba->storage || g >= ba->storage + sizeof(ba->storage) || !*g) {
			return "a glob empty or outside the storage";
		}
		for (; *g; g++) {
			if (*g == ',' || *g < 0x21 || *g > 0x7e) {
				return "a glob with a comma, blank or non-printable byte";
			}
		}
	}
	if (ba->exhaustive != ref.exhaustive || ba->timing != ref.timing) {
		return "exhaustive or timing differs from the reference";
	}
	if (ba->list != ref.list) {
		return "list differs from the reference";
	}
	if (ba->repeat != (ref.repeat ? number(ref.repeat) : 1) || ba->repeat < 1 ||
	    ba->repeat > BOOTARGS_REPEAT_MAX) {
		return "repeat differs from the reference or is out of range";
	}
	if (ba->seed_set != !!ref.seed || (ref.seed && ba->seed != number(ref.seed))) {
		return "seed differs from the reference";
	}
	if (ba->timeout_ms != (ref.timeout ? number(ref.timeout) : 0) ||
	    ba->timeout_ms > BOOTARGS_TIMEOUT_MS_MAX) {
		return "timeout_ms differs from the reference or is out of range";
	}
	if (ba->exit != (ref.exit && !strcmp(ref.exit, "semihosting") ? BOOTARGS_EXIT_SEMIHOSTING
								      : BOOTARGS_EXIT_PSCI)) {
		return "exit differs from the reference";
	}
	if (ba->console != (ref.console && !strcmp(ref.console, "semihosting")
				    ? BOOTARGS_CONSOLE_SEMIHOSTING
				    : BOOTARGS_CONSOLE_UART)) {
		return "console differs from the reference";
	}
	return cpus_broken(ba, &ref);
}

/* The token a message quotes ("..." cut, \xNN unescaped) must start a token of @s. */
static bool quotes_input(const char *err, const char *s)
{
	const char *q = strchr(err, '"'), *end = q ? strchr(q + 1, '"') : NULL;
	char tok[128];
	size_t n = 0;

	if (!end) {
		return false;
	}
	for (const char *c = q + 1; c < end && n < sizeof(tok) - 1; c++) {
		unsigned v;

		if (c[0] == '\\' && c[1] == 'x' && sscanf(c + 2, "%2x", &v) == 1) {
			tok[n++] = (char)v;
			c += 3;
		} else {
			tok[n++] = *c;
		}
	}
	if (n >= 3 && !memcmp(tok + n - 3, "...", 3)) {
		n -= 3;
	}
	tok[n] = '\0';
	for (const char *at = strstr(s, tok); at; at = strstr(at + 1, tok)) {
		if (at == s || blank(at[-1])) {
			return true;
		}
	}
	return false;
}

static const char *message_broken(const char *err, const char *s)
{
	static const char *const reasons[] = {
		"expected ",
		"empty glob in the list",
		"too many globs",
		"is not printable ASCII",
		"missing value",
		"empty value",
		"empty entry in the CPU list",
		"is reversed",
		"is not below 64",
		"(known: only, skip, list, repeat, seed, timeout_ms, exit, exhaustive, timing, "
		"cpus, "
		"on, pe-fault, console, tap, net, report, fetch, fresh_vm)",
	};
	size_t len = strlen(err);
	bool reason = false;

	if (!len || len >= BOOTARGS_ERR_MAX) {
		return "the message is empty or longer than BOOTARGS_ERR_MAX";
	}
	for (const char *c = err; *c; c++) {
		if (*c < 0x20 || *c > 0x7e) {
			return "the message has a non-printable byte";
		}
	}
	if (!strncmp(err, "bootargs too long (", 19)) {
		return strlen(s) >= sizeof(((struct bootargs *)0)->storage)
			       ? NULL
			       : "too long, but the line fits";
	}
	for (size_t i = 0; i < ARRAY_SIZE(reasons); i++) {
		reason |= strstr(err, reasons[i]) != NULL;
	}
	if (!reason || (strncmp(err, "bad bootarg \"hyptap.", 20) &&
			strncmp(err, "unknown bootarg key \"hyptap.", 28))) {
		return "the message names no known problem";
	}
	return quotes_input(err, s) ? NULL : "the message quotes no token of the input";
}

/* ---- running cases ----------------------------------------------------------------------- */

static void *dtb; /* a QEMU fixture, opened with room for a long bootargs */
static size_t dtb_room;

/* /chosen/bootargs = the @len bytes of @l plus a NUL: platform_parse() must refuse inner NULs
 * and otherwise hand bootargs_parse() exactly those bytes. */
static const char *via_dtb(const struct line *l, struct bootargs *ba, char *err)
{
	static struct platform p;
	char perr[256];
	int rc;

	if (fdt_setprop(dtb, fdt_path_offset(dtb, "/chosen"), "bootargs", l->buf,
			(int)l->len + 1)) {
		return "could not build the DTB";
	}
	rc = edit_parse_at(dtb, dtb_room, EDIT_DTB_PA, &p, perr, sizeof(perr));
	if (memchr(l->buf, 0, l->len)) {
		return rc == -1 && strstr(perr, "DTB /chosen: bootargs has a NUL at byte")
			       ? NULL
			       : "a NUL inside bootargs not refused by the DTB parser";
	}
	if (rc || !p.bootargs || strcmp(p.bootargs, l->buf)) {
		return "the DTB parser did not hand over the bootargs whole";
	}
	rc = bootargs_parse(ba, p.bootargs, err, 4096);
	return rc == 0 ? parse_broken(ba, l->buf) : message_broken(err, l->buf);
}

static bool run_case(struct kind *k, unsigned index)
{
	static struct line l;
	static struct bootargs ba;
	static char err[4096];
	struct rng r = {((uint64_t)(k - kinds) << 40) ^ index};
	const char *broken;
	int rc;

	l.len = 0;
	l.buf[0] = '\0';
	k->gen(&l, &r);
	memset(err, 'X', 64);
	err[64] = '\0';
	rc = bootargs_parse(&ba, l.buf, err, sizeof(err));
	k->tried++;
	if (rc == 0) {
		k->ok++;
		broken = parse_broken(&ba, l.buf);
	} else if (rc == -1) {
		k->errors++;
		broken = message_broken(err, l.buf);
	} else {
		broken = "a return value other than 0 and -1";
	}
	if (!broken && l.len < 8192 && index % 4 == 0) {
		k->via_dtb++;
		broken = via_dtb(&l, &ba, err);
	}
	if (broken && ++k->failed <= 5) {
		unit_diag("%s case %u: %s\nmessage: %s\ninput (%lu bytes): %.200s", k->name, index,
			  broken, rc ? err : "", (unsigned long)l.len, l.buf);
	}
	return !broken;
}

int main(void)
{
	void *fixture = edit_load("qemu-7.2-gicv3.dtb");

	dtb_room = fdt_totalsize(fixture) + 16384;
	dtb = aligned_alloc(8, (dtb_room + 7) & ~(size_t)7);
	if (!dtb || fdt_open_into(fixture, dtb, (int)dtb_room)) {
		edit_die("cannot open the fixture with room for bootargs");
	}
	free(fixture);
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		for (unsigned i = 0; i < kinds[k].cases; i++) {
			run_case(&kinds[k], i);
		}
		if (!unit_ok(!kinds[k].failed,
			     "%s: %u command lines end in a clear error or the reference's parse "
			     "(%u parsed, %u errors, %u also through the DTB)",
			     kinds[k].name, kinds[k].tried, kinds[k].ok, kinds[k].errors,
			     kinds[k].via_dtb)) {
			unit_diag("%u of %u command lines failed", kinds[k].failed, kinds[k].tried);
		}
	}
	return unit_done();
}
