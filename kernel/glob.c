/*
 * Shell-style glob matching (see glob.h).
 *
 * The classic single-backtrack algorithm: remember the position after the
 * last '*' and the string position it was tried at; on a mismatch, let that
 * star swallow one more character and retry. Earlier stars never need to be
 * revisited, because the last star can absorb anything they could.
 */
#include <stdbool.h>
#include <stddef.h>

#include "glob.h"

bool glob_match(const char *pattern, const char *str)
{
	const char *p = pattern;
	const char *s = str;
	const char *star_p = NULL;
	const char *star_s = NULL;

	while (*s != '\0') {
		if (*p == '*') {
			/* A run of stars is one star. */
			while (*p == '*') {
				p++;
			}
			if (*p == '\0') {
				return true;
			}
			star_p = p;
			star_s = s;
			continue;
		}
		if (*p == '?') {
			p++;
			s++;
			continue;
		}
		if (*p != '\0') {
			const char *lit = p;

			if (*lit == '\\' && lit[1] != '\0') {
				lit++;
			}
			if (*lit == *s) {
				p = lit + 1;
				s++;
				continue;
			}
		}
		if (star_p == NULL) {
			return false;
		}
		p = star_p;
		s = ++star_s;
	}
	while (*p == '*') {
		p++;
	}
	return *p == '\0';
}
