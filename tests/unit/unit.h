/*
 * Tiny header-only TAP 13 producer for the host unit tests.
 *
 * Each test program is one translation unit:
 *
 *	#include "unit.h"
 *
 *	int main(void)
 *	{
 *		unit_eq_u64(esr_ec(0x5a000000), 0x16, "esr_ec of an HVC64 syndrome");
 *		unit_ok(x == y, "x matches y for %s", name);
 *		return unit_done();
 *	}
 *
 * "TAP version 13" is printed before the first output (or by unit_start()),
 * the plan "1..N" at the end by unit_done(), which TAP allows, so tests need
 * not be counted by hand. Failures print Test::More-style "#" diagnostics.
 *
 * Host only: uses stdio directly.
 */
#ifndef HYPTAP_UNIT_H
#define HYPTAP_UNIT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned unit_count_;
static unsigned unit_failed_;
static bool unit_started_;

/** unit_start() - print the "TAP version 13" header, once; called lazily by the rest. */
static inline void unit_start(void)
{
	if (!unit_started_) {
		unit_started_ = true;
		printf("TAP version 13\n");
	}
}

/* Print @s as a test description: one line, '#' escaped as TAP requires. */
static inline void unit_put_desc_(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '#' || *s == '\\') {
			putchar('\\');
			putchar(*s);
		} else if (*s == '\n' || *s == '\r') {
			putchar(' ');
		} else {
			putchar(*s);
		}
	}
}

/** unit_diag() - print a printf-formatted "# " diagnostic; each embedded line gets its own "#". */
static inline void __attribute__((format(printf, 1, 2))) unit_diag(const char *fmt, ...)
{
	char buf[2048];
	const char *p = buf;
	va_list ap;

	unit_start();
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printf("# ");
	for (; *p != '\0'; p++) {
		putchar(*p);
		if (*p == '\n' && p[1] != '\0') {
			printf("# ");
		}
	}
	if (p == buf || p[-1] != '\n') {
		putchar('\n');
	}
}

/* Print @s quoted, C-escaped, so multi-line outputs compare readably. NULL prints NULL. */
static inline void unit_put_quoted_(const char *s)
{
	if (s == NULL) {
		printf("NULL");
		return;
	}
	putchar('"');
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '\n':
			printf("\\n");
			break;
		case '\t':
			printf("\\t");
			break;
		case '\r':
			printf("\\r");
			break;
		case '"':
		case '\\':
			putchar('\\');
			putchar(*s);
			break;
		default:
			if ((unsigned char)*s < 0x20 || *s == 0x7f) {
				printf("\\x%02x", (unsigned char)*s);
			} else {
				putchar(*s);
			}
			break;
		}
	}
	putchar('"');
}

static inline bool unit_report_(bool cond, const char *file, int line, const char *desc)
{
	unit_start();
	unit_count_++;
	if (!cond) {
		unit_failed_++;
	}
	printf("%s %u - ", cond ? "ok" : "not ok", unit_count_);
	unit_put_desc_(desc);
	putchar('\n');
	if (!cond) {
		printf("#   Failed test '");
		unit_put_desc_(desc);
		printf("'\n#   at %s line %d.\n", file, line);
	}
	return cond;
}

static inline bool __attribute__((format(printf, 4, 5)))
unit_ok_at_(bool cond, const char *file, int line, const char *fmt, ...)
{
	char desc[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(desc, sizeof(desc), fmt, ap);
	va_end(ap);
	return unit_report_(cond, file, line, desc);
}

static inline bool unit_eq_u64_at_(uint64_t got, uint64_t exp, const char *name, const char *file,
				   int line)
{
	bool ok = unit_report_(got == exp, file, line, name);

	if (!ok) {
		printf("#          got: 0x%llx (%llu)\n", (unsigned long long)got,
		       (unsigned long long)got);
		printf("#     expected: 0x%llx (%llu)\n", (unsigned long long)exp,
		       (unsigned long long)exp);
	}
	return ok;
}

static inline bool unit_eq_str_at_(const char *got, const char *exp, const char *name,
				   const char *file, int line)
{
	bool same = (got == NULL && exp == NULL) ||
		    (got != NULL && exp != NULL && strcmp(got, exp) == 0);
	bool ok = unit_report_(same, file, line, name);

	if (!ok) {
		printf("#          got: ");
		unit_put_quoted_(got);
		printf("\n#     expected: ");
		unit_put_quoted_(exp);
		putchar('\n');
	}
	return ok;
}

/** unit_ok() - one test point, passing if @cond is true; the rest is a printf description. */
#define unit_ok(cond, ...) unit_ok_at_(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/** unit_eq_u64() - test point @name, passing if @got == @exp; prints both in hex on failure. */
#define unit_eq_u64(got, exp, name)                                                                \
	unit_eq_u64_at_((uint64_t)(got), (uint64_t)(exp), (name), __FILE__, __LINE__)

/** unit_eq_str() - test point @name, passing if strings @got and @exp are equal (or both NULL). */
#define unit_eq_str(got, exp, name) unit_eq_str_at_((got), (exp), (name), __FILE__, __LINE__)

/**
 * unit_done() - print the trailing plan and a failure count.
 *
 * Return: the exit status for main(): 0 if every test passed, else 1.
 */
static inline int unit_done(void)
{
	unit_start();
	printf("1..%u\n", unit_count_);
	if (unit_failed_ != 0) {
		printf("# Looks like you failed %u test%s of %u.\n", unit_failed_,
		       unit_failed_ == 1 ? "" : "s", unit_count_);
	}
	fflush(stdout);
	return unit_failed_ != 0 ? 1 : 0;
}

#endif /* HYPTAP_UNIT_H */
