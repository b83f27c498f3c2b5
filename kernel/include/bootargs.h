/*
 * hyptap boot arguments, from /chosen/bootargs (QEMU -append); DESIGN.md section 8.
 */
#ifndef HYPTAP_BOOTARGS_H
#define HYPTAP_BOOTARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** Most globs one list (hyptap.only or hyptap.skip) may hold, over all its tokens. */
#define BOOTARGS_MAX_GLOBS 16

/** Allowed range of hyptap.repeat. */
#define BOOTARGS_REPEAT_MAX 100000u

/** Longest error message bootargs_parse() writes, NUL included (it is cut to fit a smaller @err).
 */
#define BOOTARGS_ERR_MAX 160

/** Allowed range of hyptap.timeout_ms. */
#define BOOTARGS_TIMEOUT_MS_MAX 600000u

/** How the image powers off at the end of the run (hyptap.exit). */
enum bootargs_exit {
	BOOTARGS_EXIT_PSCI,
	BOOTARGS_EXIT_SEMIHOSTING,
};

/**
 * struct bootargs - the parsed hyptap.* options.
 * @only:        globs from every hyptap.only= token; a scenario id is selected if any
 *               matches (all are selected when @only_count is 0).
 * @only_count:  entries used in @only.
 * @skip:        globs from every hyptap.skip= token; a matching id is never selected.
 * @skip_count:  entries used in @skip.
 * @list:        hyptap.list: print the selected ids instead of running them.
 * @repeat:      hyptap.repeat=N, runs of each selected scenario (1..100000, default 1).
 * @seed:        hyptap.seed=N, decimal or 0x hex (default 0).
 * @seed_set:    hyptap.seed was given.
 * @timeout_ms:  hyptap.timeout_ms=N, per-scenario timeout (1..600000; 0 = built-in default).
 * @exit:        hyptap.exit=psci|semihosting (default psci).
 * @exhaustive:  hyptap.exhaustive: run every row of the sampled families (struct
 *               scenario.sample), not the hyptap.seed sample of them.
 * @timing:      hyptap.timing: after the results, a "# time" comment per scenario and per
 *               area (ci/bench.sh reads them).
 * @storage:     copy of the command line, split in place; @only and @skip point into it.
 */
struct bootargs {
	const char *only[BOOTARGS_MAX_GLOBS];
	unsigned only_count;
	const char *skip[BOOTARGS_MAX_GLOBS];
	unsigned skip_count;
	bool list;
	unsigned repeat;
	uint64_t seed;
	bool seed_set;
	unsigned timeout_ms;
	enum bootargs_exit exit;
	bool exhaustive;
	bool timing;
	char storage[1024];
};

/** bootargs_init() - set @ba to the defaults (what an empty command line gives). */
void bootargs_init(struct bootargs *ba);

/**
 * bootargs_parse() - parse a kernel command line into @ba.
 * @ba:      result; reset to the defaults first. Keeps pointers into @ba->storage only.
 * @cmdline: tokens separated by blanks (space, tab, newline...); those not starting with
 *           "hyptap." are ignored. NULL is an empty command line.
 * @err:     on error, receives a one-line message of printable ASCII naming the offending token
 *           (quoted: other bytes as \xNN, cut after 48 characters), at most BOOTARGS_ERR_MAX
 *           bytes (may be NULL).
 * @errlen:  size of @err.
 *
 * Return: 0 on success, -1 on a malformed hyptap.* token (unknown key, a byte that is not
 * printable ASCII, missing or empty value, bad number, value out of range, empty glob, too
 * many globs) or a command line that does not fit in @ba->storage. On error @ba holds the
 * options parsed so far.
 */
int bootargs_parse(struct bootargs *ba, const char *cmdline, char *err, size_t errlen);

/**
 * bootargs_selects() - whether scenario @id is selected.
 *
 * Return: true if (there is no hyptap.only glob or one of them matches @id) and no
 * hyptap.skip glob matches @id.
 */
bool bootargs_selects(const struct bootargs *ba, const char *id);

/**
 * bootargs_names() - whether a hyptap.only glob without wildcards is exactly @id: such an
 * instance runs even where a sampled family's sample left it out (reproducing one row).
 */
bool bootargs_names(const struct bootargs *ba, const char *id);

#endif /* HYPTAP_BOOTARGS_H */
