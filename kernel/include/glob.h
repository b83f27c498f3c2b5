/*
 * Shell-style glob matching for scenario ids (hyptap.only= / hyptap.skip=).
 */
#ifndef HYPTAP_GLOB_H
#define HYPTAP_GLOB_H

#include <stdbool.h>

/**
 * glob_match() - match the whole of @str against the shell-style @pattern.
 * @pattern: '*' matches any run of characters (dots and brackets included), '?' exactly one
 *           character, '\' makes the next character literal (a trailing '\' is itself
 *           literal). Everything else, including '[' and ']', matches literally, because
 *           scenario ids carry parameters in brackets: "trap.hvc.imm[0x0000]".
 * @str:     the string to test.
 *
 * Iterative, O(len(pattern) * len(str)) in the worst case, no recursion.
 *
 * Return: true if @pattern matches all of @str.
 */
bool glob_match(const char *pattern, const char *str);

#endif /* HYPTAP_GLOB_H */
