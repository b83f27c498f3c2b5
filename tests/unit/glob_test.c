/*
 * Host tests of glob_match() (kernel/glob.c).
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "glob.h"
#include "unit.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *pattern;
	const char *str;
	bool match;
} cases[] = {
	/* Empty pattern and empty string. */
	{"", "", true},
	{"", "a", false},
	{"a", "", false},
	{"*", "", true},
	{"**", "", true},
	{"?", "", false},

	/* Literals. */
	{"trap.hvc", "trap.hvc", true},
	{"trap.hvc", "trap.hv", false},
	{"trap.hv", "trap.hvc", false},
	{"Trap", "trap", false},

	/* '*' alone matches everything, dots and brackets included. */
	{"*", "trap.hvc.imm[0x0000]", true},
	{"*", "[", true},
	{"***", "abc", true},

	/* Trailing, leading and inner stars. */
	{"trap.*", "trap.hvc.imm[0x0000]", true},
	{"trap.*", "trap.", true},
	{"trap.*", "trap", false},
	{"trap*", "trap", true},
	{"*.imm[0x0000]", "trap.hvc.imm[0x0000]", true},
	{"*.imm[0x0000]", "trap.hvc.imm[0x0001]", false},
	{"trap.*.imm*", "trap.hvc.imm[0x0000]", true},
	{"trap.*.imm*", "trap.smc.imm", true},
	{"trap.*.imm*", "stage2.hvc.imm", false},
	{"*hvc*", "trap.hvc.imm[0x0000]", true},
	{"*hvc*", "trap.smc.imm[0x0000]", false},

	/* Multiple stars that need backtracking. */
	{"a*b*c", "abc", true},
	{"a*b*c", "aXbYc", true},
	{"a*b*c", "abbbcbc", true},
	{"a*b*c", "abcb", false},
	{"*a*a*a", "aaaa", true},
	{"*a*a*a", "aa", false},
	{"a*ab", "aaab", true},
	{"a*ab", "aaba", false},
	{"*.*.*", "a.b.c", true},
	{"*.*.*", "a.b", false},
	{"*x", "xxxxxy", false},
	{"*x*", "yyyyxyyy", true},

	/* '?' is exactly one character, any character. */
	{"?", "a", true},
	{"?", "ab", false},
	{"trap.hvc.imm[0x000?]", "trap.hvc.imm[0x0007]", true},
	{"trap.hvc.imm[0x000?]", "trap.hvc.imm[0x00]", false},
	{"???", "[.]", true},
	{"a?c", "a.c", true},
	{"a?c", "ac", false},
	{"*?", "", false},
	{"*?", "a", true},
	{"?*?", "ab", true},
	{"?*?", "a", false},

	/* Brackets are literal: no character classes. */
	{"trap.hvc.imm[0x0000]", "trap.hvc.imm[0x0000]", true},
	{"trap.hvc.imm[0x0000]", "trap.hvc.imm0", false},
	{"[abc]", "a", false},
	{"[abc]", "[abc]", true},
	{"[", "[", true},
	{"]", "]", true},
	{"[!a]", "b", false},
	{"[!a]", "[!a]", true},
	{"stage2.attr[*]", "stage2.attr[s1=normal-wb,s2=device-ngnre,fwb=0]", true},
	{"stage2.attr[*,fwb=1]", "stage2.attr[s1=normal-wb,s2=device-ngnre,fwb=0]", false},
	{"stage2.attr[*fwb=0]", "stage2.attr[s1=normal-wb,s2=device-ngnre,fwb=0]", true},

	/* Backslash escapes the next character. */
	{"\\*", "*", true},
	{"\\*", "a", false},
	{"\\?", "?", true},
	{"\\?", "a", false},
	{"a\\*b", "a*b", true},
	{"a\\*b", "axb", false},
	{"\\\\", "\\", true},
	{"\\a", "a", true},
	{"*\\*", "abc*", true},
	{"*\\*", "abc", false},
	{"\\**", "*abc", true},
	{"\\**", "abc", false},
	{"a\\", "a\\", true},
	{"a\\", "a", false},
	{"*\\", "x\\", true},
	{"\\[x]", "[x]", true},
};

int main(void)
{
	char many_stars[200];
	char long_a[4001];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		unit_ok(glob_match(cases[i].pattern, cases[i].str) == cases[i].match,
			"glob_match(\"%s\", \"%s\") == %s", cases[i].pattern, cases[i].str,
			cases[i].match ? "true" : "false");
	}

	/* Pathological patterns finish quickly (no exponential backtracking). */
	for (i = 0; i + 1 < sizeof(many_stars); i += 2) {
		many_stars[i] = '*';
		many_stars[i + 1] = 'a';
	}
	many_stars[sizeof(many_stars) - 2] = 'b';
	many_stars[sizeof(many_stars) - 1] = '\0';
	memset(long_a, 'a', sizeof(long_a) - 1);
	long_a[sizeof(long_a) - 1] = '\0';
	unit_ok(!glob_match(many_stars, long_a), "(*a)^99 b against a^4000 fails quickly");
	long_a[sizeof(long_a) - 2] = 'b';
	unit_ok(glob_match(many_stars, long_a), "(*a)^99 b against a^3999 b matches");

	return unit_done();
}
