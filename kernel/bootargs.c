/*
 * hyptap boot arguments (see bootargs.h, DESIGN.md section 8).
 *
 * The command line is copied into ba->storage and split there: each blank
 * becomes a NUL, and so does each comma of a glob list, so the glob pointers
 * need no allocation. A list is checked whole before it is split, so error
 * messages can still quote the token as it was written.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bootargs.h"
#include "errata.h"
#include "glob.h"

#define BOOTARGS_PREFIX "hyptap."

/* Longest token quoted in a message; a longer one is cut and ends in "...". */
#define BOOTARGS_QUOTE_MAX 48

/* Where a message goes, and the token being parsed as messages quote it. */
struct bootargs_err {
	char *buf;
	size_t len;
	char tok[BOOTARGS_QUOTE_MAX + 4];
};

/* One option: its key (after "hyptap.") and what a good value looks like. */
struct bootargs_opt {
	const char *key;
	const char *expect;
	int (*parse)(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
		     struct bootargs_err *e);
	size_t flag; /* parse_flag(): offsetof() the bool in struct bootargs */
};

static int __attribute__((format(printf, 2, 3))) fail(struct bootargs_err *e, const char *fmt, ...)
{
	va_list ap;

	if (e->buf != NULL && e->len != 0) {
		va_start(ap, fmt);
		vsnprintf(e->buf, e->len, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static int fail_value(struct bootargs_err *e, const struct bootargs_opt *opt)
{
	return fail(e, "bad bootarg \"%s\": expected %s", e->tok, opt->expect);
}

/*
 * The first @n bytes of @s into @e->tok for messages: printable ASCII as is, any other byte
 * (and '"', '\\') as \xNN, at most BOOTARGS_QUOTE_MAX characters, then "..." if @s was cut, so
 * that the reason after the token always fits in BOOTARGS_ERR_MAX.
 */
static void quote_token(struct bootargs_err *e, const char *s, size_t n)
{
	size_t i, out = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\';

		if (out + (plain ? 1 : 4) > BOOTARGS_QUOTE_MAX) {
			break;
		}
		if (plain) {
			e->tok[out++] = (char)c;
		} else {
			snprintf(e->tok + out, 5, "\\x%02x", c);
			out += 4;
		}
	}
	if (i < n) {
		memcpy(e->tok + out, "...", 3);
		out += 3;
	}
	e->tok[out] = '\0';
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	if (c >= 'A' && c <= 'F') {
		return c - 'A' + 10;
	}
	return -1;
}

/*
 * Parse all of @s as an unsigned decimal number or, when @hex_ok, as "0x"
 * followed by hex digits. No sign, no blanks, no overflow.
 */
static bool parse_u64(const char *s, bool hex_ok, uint64_t *out)
{
	uint64_t v = 0;
	int d;

	if (hex_ok && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		if (*s == '\0') {
			return false;
		}
		for (; *s != '\0'; s++) {
			d = hex_digit(*s);
			if (d < 0 || (v >> 60) != 0) {
				return false;
			}
			v = (v << 4) | (uint64_t)d;
		}
		*out = v;
		return true;
	}
	if (*s == '\0') {
		return false;
	}
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9') {
			return false;
		}
		d = *s - '0';
		if (v > (UINT64_MAX - (uint64_t)d) / 10) {
			return false;
		}
		v = v * 10 + (uint64_t)d;
	}
	*out = v;
	return true;
}

static int parse_globs(const struct bootargs_opt *opt, char *value, struct bootargs_err *e,
		       const char **list, unsigned *count)
{
	unsigned n = 1;
	char *p;

	for (p = value; *p != '\0'; p++) {
		if (*p == ',') {
			n++;
			if (p == value || p[1] == ',' || p[1] == '\0') {
				return fail(e, "bad bootarg \"%s\": empty glob in the list",
					    e->tok);
			}
		}
	}
	if (*count + n > BOOTARGS_MAX_GLOBS) {
		return fail(e,
			    "bad bootarg \"%s\": too many globs (at most %u over all %s%s tokens)",
			    e->tok, (unsigned)BOOTARGS_MAX_GLOBS, BOOTARGS_PREFIX, opt->key);
	}
	list[(*count)++] = value;
	for (p = value; *p != '\0'; p++) {
		if (*p == ',') {
			*p = '\0';
			list[(*count)++] = p + 1;
		}
	}
	return 0;
}

static int parse_only(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
		      struct bootargs_err *e)
{
	return parse_globs(opt, value, e, ba->only, &ba->only_count);
}

static int parse_skip(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
		      struct bootargs_err *e)
{
	return parse_globs(opt, value, e, ba->skip, &ba->skip_count);
}

/* A switch (hyptap.list, hyptap.exhaustive, hyptap.timing): no value, =1 or =0. */
static int parse_flag(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
		      struct bootargs_err *e)
{
	bool *flag = (bool *)((char *)ba + opt->flag);

	if (value == NULL || strcmp(value, "1") == 0) {
		*flag = true;
	} else if (strcmp(value, "0") == 0) {
		*flag = false;
	} else {
		return fail_value(e, opt);
	}
	return 0;
}

static int parse_repeat(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
			struct bootargs_err *e)
{
	uint64_t v;

	if (!parse_u64(value, false, &v) || v < 1 || v > BOOTARGS_REPEAT_MAX) {
		return fail_value(e, opt);
	}
	ba->repeat = (unsigned)v;
	return 0;
}

static int parse_seed(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
		      struct bootargs_err *e)
{
	uint64_t v;

	if (!parse_u64(value, true, &v)) {
		return fail_value(e, opt);
	}
	ba->seed = v;
	ba->seed_set = true;
	return 0;
}

static int parse_timeout_ms(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
			    struct bootargs_err *e)
{
	uint64_t v;

	if (!parse_u64(value, false, &v) || v < 1 || v > BOOTARGS_TIMEOUT_MS_MAX) {
		return fail_value(e, opt);
	}
	ba->timeout_ms = (unsigned)v;
	return 0;
}

static int parse_exit(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
		      struct bootargs_err *e)
{
	if (strcmp(value, "psci") == 0) {
		ba->exit = BOOTARGS_EXIT_PSCI;
	} else if (strcmp(value, "semihosting") == 0) {
		ba->exit = BOOTARGS_EXIT_SEMIHOSTING;
	} else {
		return fail_value(e, opt);
	}
	return 0;
}

static int parse_console(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
			 struct bootargs_err *e)
{
	if (strcmp(value, "uart") == 0) {
		ba->console = BOOTARGS_CONSOLE_UART;
	} else if (strcmp(value, "semihosting") == 0) {
		ba->console = BOOTARGS_CONSOLE_SEMIHOSTING;
	} else {
		return fail_value(e, opt);
	}
	return 0;
}

/* hyptap.fresh_vm=pool (default) or full: how a VM's RAM is made fresh (vmm/vm_ram.c). */
static int parse_fresh_vm(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
			  struct bootargs_err *e)
{
	if (strcmp(value, "pool") == 0) {
		ba->fresh_vm_full = false;
	} else if (strcmp(value, "full") == 0) {
		ba->fresh_vm_full = true;
	} else {
		return fail_value(e, opt);
	}
	return 0;
}

static int parse_tap(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
		     struct bootargs_err *e)
{
	if (strcmp(value, "full") == 0) {
		ba->tap = BOOTARGS_TAP_FULL;
	} else if (strcmp(value, "compact") == 0) {
		ba->tap = BOOTARGS_TAP_COMPACT;
	} else {
		return fail_value(e, opt);
	}
	return 0;
}

/*
 * One PE index of a CPU list: the decimal digits at *@s (leading zeros allowed), up to @end or
 * the first non-digit, advancing *@s. Return: 0 with @v, 1 if there are no digits, 2 if the
 * index is not below BOOTARGS_CPUS_MAX (the value saturates, so it cannot overflow).
 */
static int cpu_index(const char **s, const char *end, unsigned *v)
{
	const char *p = *s;

	*v = 0;
	for (; p < end && *p >= '0' && *p <= '9'; p++) {
		*v = *v * 10 + (unsigned)(*p - '0');
		if (*v >= BOOTARGS_CPUS_MAX) {
			*v = BOOTARGS_CPUS_MAX;
		}
	}
	if (p == *s) {
		return 1;
	}
	*s = p;
	return *v >= BOOTARGS_CPUS_MAX ? 2 : 0;
}

/* "CPU index NNN is not below 64" for the digits at @s, at most 20 of them, then "...". */
static int fail_cpu_index(struct bootargs_err *e, const char *s)
{
	size_t n = strspn(s, "0123456789");

	return fail(e, "bad bootarg \"%s\": CPU index %.*s%s is not below %u", e->tok,
		    (int)(n > 20 ? 20 : n), s, n > 20 ? "..." : "", (unsigned)BOOTARGS_CPUS_MAX);
}

/* hyptap.cpus=all, or entries N and N-M (N <= M) separated by commas, each index below 64. */
static int parse_cpus(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
		      struct bootargs_err *e)
{
	uint64_t mask = 0;
	const char *p = value;

	if (strcmp(value, "all") == 0) {
		ba->cpus_mask = UINT64_MAX;
		ba->cpus_set = true;
		return 0;
	}
	for (;;) {
		const char *end = strchr(p, ','), *start;
		unsigned lo, hi;
		int rc;

		end = end != NULL ? end : p + strlen(p);
		if (p == end) {
			return fail(e, "bad bootarg \"%s\": empty entry in the CPU list", e->tok);
		}
		start = p;
		rc = cpu_index(&p, end, &lo);
		hi = lo;
		if (rc == 0 && p < end && *p == '-') {
			start = ++p;
			rc = cpu_index(&p, end, &hi);
		}
		if (rc == 2) {
			return fail_cpu_index(e, start);
		}
		if (rc != 0 || p != end) {
			return fail_value(e, opt);
		}
		if (hi < lo) {
			return fail(e, "bad bootarg \"%s\": CPU range %u-%u is reversed", e->tok,
				    lo, hi);
		}
		for (unsigned i = lo; i <= hi; i++) {
			mask |= 1ull << i;
		}
		if (*end == '\0') {
			break;
		}
		p = end + 1;
	}
	ba->cpus_mask = mask;
	ba->cpus_set = true;
	return 0;
}

static int parse_on(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
		    struct bootargs_err *e)
{
	if (strcmp(value, "any") == 0) {
		ba->on = BOOTARGS_ON_ANY;
	} else if (strcmp(value, "all") == 0) {
		ba->on = BOOTARGS_ON_ALL;
	} else {
		return fail_value(e, opt);
	}
	return 0;
}

/* hyptap.pe-fault=hang@N or crash@N. */
static int parse_pe_fault(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
			  struct bootargs_err *e)
{
	enum bootargs_pe_fault kind;
	const char *p, *n;
	unsigned cpu;
	int rc;

	if (strncmp(value, "hang@", 5) == 0) {
		kind = BOOTARGS_PE_FAULT_HANG;
		p = value + 5;
	} else if (strncmp(value, "crash@", 6) == 0) {
		kind = BOOTARGS_PE_FAULT_CRASH;
		p = value + 6;
	} else {
		return fail_value(e, opt);
	}
	n = p;
	rc = cpu_index(&p, p + strlen(p), &cpu);
	if (rc == 2) {
		return fail_cpu_index(e, n);
	}
	if (rc != 0 || *p != '\0') {
		return fail_value(e, opt);
	}
	ba->pe_fault = kind;
	ba->pe_fault_cpu = cpu;
	return 0;
}

/*
 * A dotted quad "A.B.C.D" at *@s, each part 0..255 in decimal without leading zeros (no octal
 * surprises), advancing *@s past it. Return: whether there was one.
 */
static bool parse_ipv4(const char **s, uint32_t *ip)
{
	const char *p = *s;
	uint32_t v = 0;

	for (int part = 0; part < 4; part++) {
		unsigned n = 0, digits = 0;

		if (part && *p++ != '.') {
			return false;
		}
		for (; *p >= '0' && *p <= '9' && digits < 4; p++, digits++) {
			n = n * 10 + (unsigned)(*p - '0');
		}
		if (!digits || digits > 3 || n > 255 || (digits > 1 && p[-(int)digits] == '0')) {
			return false;
		}
		v = v << 8 | n;
	}
	*s = p;
	*ip = v;
	return true;
}

/* hyptap.net=dhcp or IP/PREFIX[,GW]: a host address (not 0.0.0.0), a prefix of 1..32. */
static int parse_net(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
		     struct bootargs_err *e)
{
	const char *p = value;
	uint64_t prefix;
	char *end;

	if (strcmp(value, "dhcp") == 0) {
		ba->net = BOOTARGS_NET_DHCP;
		return 0;
	}
	if (!parse_ipv4(&p, &ba->net_ip) || *p++ != '/') {
		return fail_value(e, opt);
	}
	end = strchr(p, ',');
	if (end != NULL) {
		*end = '\0';
	}
	if (!parse_u64(p, false, &prefix) || prefix < 1 || prefix > 32 || ba->net_ip == 0) {
		return fail_value(e, opt);
	}
	ba->net_prefix = (unsigned)prefix;
	ba->net_gw = 0;
	if (end != NULL) {
		p = end + 1;
		*end = ',';
		if (!parse_ipv4(&p, &ba->net_gw) || *p != '\0' || ba->net_gw == 0) {
			return fail_value(e, opt);
		}
	}
	ba->net = BOOTARGS_NET_STATIC;
	return 0;
}

/* "tcp:A.B.C.D:PORT", PORT 1..65535, A.B.C.D not 0.0.0.0. */
static int parse_tcp(const struct bootargs_opt *opt, char *value, struct bootargs_err *e,
		     struct bootargs_tcp *t)
{
	const char *p = value + 4;
	uint64_t port;

	if (strncmp(value, "tcp:", 4) != 0 || !parse_ipv4(&p, &t->ip) || t->ip == 0 ||
	    *p++ != ':' || !parse_u64(p, false, &port) || port < 1 || port > 65535) {
		return fail_value(e, opt);
	}
	t->port = (uint16_t)port;
	return 0;
}

static int parse_report(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
			struct bootargs_err *e)
{
	return parse_tcp(opt, value, e, &ba->report);
}

static int parse_fetch(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
		       struct bootargs_err *e)
{
	return parse_tcp(opt, value, e, &ba->fetch);
}

/* hyptap.errata=N[,N]: erratum ids, decimal digits each (Fujitsu's "010001" keeps its zeros). */
static int parse_errata(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
			struct bootargs_err *e)
{
	unsigned first = ba->errata_count;

	if (parse_globs(opt, value, e, ba->errata, &ba->errata_count)) {
		return -1;
	}
	for (unsigned i = first; i < ba->errata_count; i++) {
		size_t n = strlen(ba->errata[i]);

		if (n >= ERRATA_ID_MAX || strspn(ba->errata[i], "0123456789") != n) {
			return fail(e,
				    "bad bootarg \"%s\": erratum \"%.12s\" is not a number of "
				    "at most %u digits",
				    e->tok, ba->errata[i], (unsigned)ERRATA_ID_MAX - 1);
		}
	}
	return 0;
}

/*
 * hyptap.bench_max=KIND:N[,KIND:N]: KIND lowercase letters, digits and '-' (a bench.exit.*
 * kind; the runner checks that it names one), N a decimal number 1..2^32 (EL2 instructions
 * under -icount, else cycles).
 */
static int parse_bench_max(struct bootargs *ba, const struct bootargs_opt *opt, char *value,
			   struct bootargs_err *e)
{
	for (char *p = value;;) {
		char *colon = strchr(p, ':'), *comma = strchr(p, ',');
		struct bootargs_bench_max *b = &ba->bench_max[ba->bench_max_count];
		size_t klen = colon ? (size_t)(colon - p) : 0;
		uint64_t n;

		if (comma) {
			*comma = '\0';
		}
		if (!colon || (comma && colon > comma) || klen == 0 ||
		    klen >= BOOTARGS_BENCH_KIND ||
		    strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789-") != klen ||
		    !parse_u64(colon + 1, false, &n) || n < 1 || n > (1ULL << 32)) {
			return fail_value(e, opt);
		}
		if (ba->bench_max_count == BOOTARGS_BENCH_MAX) {
			return fail(e, "bad bootarg \"%s\": too many bounds (at most %u)", e->tok,
				    (unsigned)BOOTARGS_BENCH_MAX);
		}
		memcpy(b->kind, p, klen);
		b->kind[klen] = '\0';
		b->max = n;
		ba->bench_max_count++;
		if (!comma) {
			return 0;
		}
		p = comma + 1;
	}
}

bool bootargs_bench_max(const struct bootargs *ba, const char *kind, uint64_t *max)
{
	bool found = false;

	for (unsigned i = 0; i < ba->bench_max_count; i++) {
		if (!strcmp(ba->bench_max[i].kind, kind)) {
			*max = ba->bench_max[i].max;
			found = true;
		}
	}
	return found;
}

static const struct bootargs_opt bootargs_opts[] = {
	{"only", "a comma-separated list of globs", parse_only, 0},
	{"skip", "a comma-separated list of globs", parse_skip, 0},
	{"list", "no value, =1 or =0", parse_flag, offsetof(struct bootargs, list)},
	{"repeat", "a decimal number 1..100000", parse_repeat, 0},
	{"seed", "a 64-bit number, decimal or 0x hex", parse_seed, 0},
	{"timeout_ms", "a decimal number 1..600000", parse_timeout_ms, 0},
	{"exit", "psci or semihosting", parse_exit, 0},
	{"exhaustive", "no value, =1 or =0", parse_flag, offsetof(struct bootargs, exhaustive)},
	{"timing", "no value, =1 or =0", parse_flag, offsetof(struct bootargs, timing)},
	{"cpus", "all or CPU indices 0..63 and ranges, comma-separated (0-3,5)", parse_cpus, 0},
	{"on", "any or all", parse_on, 0},
	{"pe-fault", "hang@N or crash@N, N a CPU index 0..63", parse_pe_fault, 0},
	{"console", "uart or semihosting", parse_console, 0},
	{"tap", "full or compact", parse_tap, 0},
	{"net", "dhcp or IP/PREFIX[,GW] (10.0.2.15/24,10.0.2.2)", parse_net, 0},
	{"report", "tcp:A.B.C.D:PORT", parse_report, 0},
	{"fetch", "tcp:A.B.C.D:PORT", parse_fetch, 0},
	{"errata", "a comma-separated list of erratum numbers", parse_errata, 0},
	{"bench_max", "KIND:N[,KIND:N], N a decimal number 1..4294967296 (bench.exit.KIND)",
	 parse_bench_max, 0},
	{"fresh_vm", "pool or full", parse_fresh_vm, 0},
};

/* The keys of bootargs_opts[], ", "-separated: the unknown-key message's "known:" list. */
static const char *known_keys(char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(bootargs_opts) / sizeof(bootargs_opts[0]) && used < len; i++) {
		int n = snprintf(buf + used, len - used, "%s%s", i ? ", " : "", bootargs_opts[i].key);

		used += n > 0 ? (size_t)n : 0;
	}
	return buf;
}

static int parse_token(struct bootargs *ba, char *tok, struct bootargs_err *e)
{
	char *key = tok + strlen(BOOTARGS_PREFIX);
	char *eq = strchr(key, '=');
	size_t key_len = eq != NULL ? (size_t)(eq - key) : strlen(key);
	const struct bootargs_opt *opt = NULL;
	size_t i;

	for (i = 0; i < sizeof(bootargs_opts) / sizeof(bootargs_opts[0]); i++) {
		if (strlen(bootargs_opts[i].key) == key_len &&
		    memcmp(bootargs_opts[i].key, key, key_len) == 0) {
			opt = &bootargs_opts[i];
			break;
		}
	}
	if (opt == NULL) {
		char known[256];

		quote_token(e, tok, (size_t)(key - tok) + key_len);
		return fail(e, "unknown bootarg key \"%s\" (known: %s)", e->tok,
			    known_keys(known, sizeof(known)));
	}
	quote_token(e, tok, strlen(tok));
	/* Scenario ids are printable ASCII: any other byte is a typo or line noise. */
	for (i = 0; tok[i] != '\0'; i++) {
		if ((unsigned char)tok[i] < 0x21 || (unsigned char)tok[i] > 0x7e) {
			return fail(e,
				    "bad bootarg \"%s\": byte 0x%02x at offset %u is not printable "
				    "ASCII",
				    e->tok, (unsigned char)tok[i], (unsigned)i);
		}
	}
	if (eq == NULL && opt->parse != parse_flag) {
		return fail(e, "bad bootarg \"%s\": missing value, expected %s", e->tok,
			    opt->expect);
	}
	if (eq != NULL && eq[1] == '\0') {
		return fail(e, "bad bootarg \"%s\": empty value, expected %s", e->tok, opt->expect);
	}
	return opt->parse(ba, opt, eq != NULL ? eq + 1 : NULL, e);
}

/* Defaults for every field but the storage. */
static void reset_options(struct bootargs *ba)
{
	memset(ba->only, 0, sizeof(ba->only));
	ba->only_count = 0;
	memset(ba->skip, 0, sizeof(ba->skip));
	ba->skip_count = 0;
	ba->list = false;
	ba->repeat = 1;
	ba->seed = 0;
	ba->seed_set = false;
	ba->timeout_ms = 0;
	ba->exit = BOOTARGS_EXIT_PSCI;
	ba->exhaustive = false;
	ba->fresh_vm_full = false;
	ba->timing = false;
	ba->cpus_mask = UINT64_MAX;
	ba->cpus_set = false;
	ba->on = BOOTARGS_ON_ANY;
	ba->pe_fault = BOOTARGS_PE_FAULT_NONE;
	ba->pe_fault_cpu = 0;
	ba->console = BOOTARGS_CONSOLE_UART;
	ba->tap = BOOTARGS_TAP_FULL;
	ba->net = BOOTARGS_NET_NONE;
	ba->net_ip = ba->net_gw = 0;
	ba->net_prefix = 0;
	ba->report = ba->fetch = (struct bootargs_tcp){0, 0};
	memset(ba->errata, 0, sizeof(ba->errata));
	ba->errata_count = 0;
	ba->bench_max_count = 0;
}

void bootargs_init(struct bootargs *ba)
{
	reset_options(ba);
	ba->storage[0] = '\0';
}

int bootargs_parse(struct bootargs *ba, const char *cmdline, char *err, size_t errlen)
{
	struct bootargs_err e = {err, errlen, ""};
	size_t len = cmdline != NULL ? strlen(cmdline) : 0;
	char *p, *tok;

	if (err != NULL && errlen != 0) {
		err[0] = '\0';
	}
	if (len >= sizeof(ba->storage)) {
		bootargs_init(ba);
		return fail(&e, "bootargs too long (%lu bytes, at most %lu)", (unsigned long)len,
			    (unsigned long)sizeof(ba->storage) - 1);
	}
	/* Copy before resetting the fields: @cmdline may already be ba->storage. */
	memmove(ba->storage, cmdline != NULL ? cmdline : "", len + 1);
	reset_options(ba);

	p = ba->storage;
	for (;;) {
		while (is_blank(*p)) {
			p++;
		}
		if (*p == '\0') {
			break;
		}
		tok = p;
		while (*p != '\0' && !is_blank(*p)) {
			p++;
		}
		if (*p != '\0') {
			*p++ = '\0';
		}
		if (strncmp(tok, BOOTARGS_PREFIX, strlen(BOOTARGS_PREFIX)) != 0) {
			continue;
		}
		if (parse_token(ba, tok, &e) != 0) {
			return -1;
		}
	}
	if ((ba->report.port || ba->fetch.port) && ba->net == BOOTARGS_NET_NONE) {
		return fail(&e,
			    "bad bootargs: hyptap.%s needs hyptap.net=dhcp or "
			    "hyptap.net=IP/PREFIX[,GW]",
			    ba->report.port ? "report" : "fetch");
	}
	return 0;
}

bool bootargs_selects(const struct bootargs *ba, const char *id)
{
	bool selected = ba->only_count == 0;
	unsigned i;

	if (id == NULL) {
		return false;
	}
	for (i = 0; i < ba->only_count && !selected; i++) {
		selected = glob_match(ba->only[i], id);
	}
	for (i = 0; i < ba->skip_count && selected; i++) {
		selected = !glob_match(ba->skip[i], id);
	}
	return selected;
}

bool bootargs_names(const struct bootargs *ba, const char *id)
{
	for (unsigned i = 0; i < ba->only_count; i++) {
		if (strpbrk(ba->only[i], "*?") == NULL && strcmp(ba->only[i], id) == 0) {
			return true;
		}
	}
	return false;
}
