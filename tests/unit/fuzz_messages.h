/* SPDX-License-Identifier: MIT */
/*
 * What the deterministic fuzz tests (dtb_fuzz_test.c, acpi_fuzz_test.c) ask of every refusal,
 * and the tally of which checks fired: one definition for both.
 */
#ifndef FUZZ_MESSAGES_H
#define FUZZ_MESSAGES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* NULL if @err is a clear one-line message: starts with @prefix, printable, not cut. */
static inline const char *message_broken(const char *err, size_t errlen, const char *prefix)
{
	if (strncmp(err, prefix, strlen(prefix))) {
		return "the message does not start with the expected prefix";
	}
	if (strlen(err) >= errlen - 1) {
		return "the message was cut";
	}
	for (const char *c = err; *c; c++) {
		if (*c < 0x20 || *c > 0x7e) {
			return "the message has a non-printable byte";
		}
	}
	return NULL;
}

/* ---- error classes: messages with their numbers elided, to see which checks fire -------- */

#define FUZZ_MAX_CLASSES 1024
#define FUZZ_CLASS_LEN	 200

static char classes[FUZZ_MAX_CLASSES][FUZZ_CLASS_LEN];
static unsigned class_hits[FUZZ_MAX_CLASSES], class_count;

static inline void note_class(const char *err)
{
	char c[FUZZ_CLASS_LEN];
	size_t n = 0;

	for (const char *p = err; *p && n < sizeof(c) - 1;) {
		if (*p >= '0' && *p <= '9') {
			p += p[0] == '0' && p[1] == 'x' ? 2 : 0;
			while ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')) {
				p++;
			}
			c[n++] = '#';
		} else {
			c[n++] = *p++;
		}
	}
	c[n] = '\0';
	for (unsigned i = 0; i < class_count; i++) {
		if (!strcmp(classes[i], c)) {
			class_hits[i]++;
			return;
		}
	}
	if (class_count < FUZZ_MAX_CLASSES) {
		strcpy(classes[class_count], c);
		class_hits[class_count++] = 1;
	}
}

/* The tally as diagnostics, one line per class when the environment variable @env is set. */
#define fuzz_print_classes(env)                                                                    \
	do {                                                                                       \
		for (unsigned i_ = 0; getenv(env) && i_ < class_count; i_++) {                     \
			unit_diag("%6u %s", class_hits[i_], classes[i_]);                          \
		}                                                                                  \
	} while (0)

#endif
