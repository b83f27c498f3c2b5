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
#define BOOTARGS_ERR_MAX 320

/** PE indices hyptap.cpus and hyptap.pe-fault accept: 0 to 63, the bits of @cpus_mask (the
 * CPU_MAX of kernel/smp.h). */
#define BOOTARGS_CPUS_MAX 64

/** Allowed range of hyptap.timeout_ms. */
#define BOOTARGS_TIMEOUT_MS_MAX 600000u

/** Most KIND:N bounds hyptap.bench_max= may give, and the longest KIND. */
#define BOOTARGS_BENCH_MAX  16
#define BOOTARGS_BENCH_KIND 24

/** One bound of hyptap.bench_max: bench.exit.<kind> fails when its median is above @max. */
struct bootargs_bench_max {
	char kind[BOOTARGS_BENCH_KIND];
	uint64_t max;
};

/** How the image powers off at the end of the run (hyptap.exit). */
enum bootargs_exit {
	BOOTARGS_EXIT_PSCI,
	BOOTARGS_EXIT_SEMIHOSTING,
};

/** Where the TAP stream goes once the bootargs are parsed (hyptap.console). */
enum bootargs_console {
	BOOTARGS_CONSOLE_UART,
	BOOTARGS_CONSOLE_SEMIHOSTING, /* SYS_WRITE0: an emulator's or debugger's fast path */
};

/** How the console's TAP stream writes its result lines (hyptap.tap). */
enum bootargs_tap {
	BOOTARGS_TAP_FULL,    /* every point with its number and id */
	BOOTARGS_TAP_COMPACT, /* for a slow UART: passes and SKIPs without ids (ci/tap-expand) */
};

/** Where each instance runs (hyptap.on). */
enum bootargs_on {
	BOOTARGS_ON_ANY, /* once, on whichever selected PE takes it */
	BOOTARGS_ON_ALL, /* on every selected PE, its id suffixed @cpuN */
};

/** The EL2 misbehaviour hyptap.pe-fault puts in place of the first instance a PE takes. */
enum bootargs_pe_fault {
	BOOTARGS_PE_FAULT_NONE,
	BOOTARGS_PE_FAULT_HANG,	 /* spin with IRQs masked */
	BOOTARGS_PE_FAULT_CRASH, /* an EL2 data abort */
};

/** How the image brings its network up (hyptap.net). */
enum bootargs_net {
	BOOTARGS_NET_NONE,
	BOOTARGS_NET_DHCP,
	BOOTARGS_NET_STATIC, /* hyptap.net=IP/PREFIX[,GW] */
};

/** A TCP endpoint "tcp:A.B.C.D:PORT" (hyptap.report, hyptap.fetch); @port 0: not given. */
struct bootargs_tcp {
	uint32_t ip; /* A << 24 | B << 16 | C << 8 | D */
	uint16_t port;
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
 * @cpus_mask:   hyptap.cpus=LIST, the PEs to use: bit n = PE index n (0 = the boot CPU, then
 *               the DTB's /cpus order). LIST is "all" or comma-separated indices and ranges
 *               below BOOTARGS_CPUS_MAX, e.g. "0-3,5"; the last hyptap.cpus wins. Default (and
 *               "all"): every bit set. Bits past the PEs the DTB describes are the caller's
 *               to report; an index the DTB has is not checked here.
 * @cpus_set:    hyptap.cpus was given.
 * @on:          hyptap.on=any|all (default any): each instance once on whichever PE takes it,
 *               or every instance on every selected PE.
 * @pe_fault:    hyptap.pe-fault=hang@N|crash@N, a self-test of the SMP harness: the first
 *               instance PE N takes is replaced by EL2 misbehaviour (default none).
 * @pe_fault_cpu: its N, below BOOTARGS_CPUS_MAX (0, the boot CPU, parses too; what a fault
 *               there means is the SMP code's to decide). 0 when @pe_fault is none.
 * @console:     hyptap.console=uart|semihosting (default uart): semihosting writes each piece
 *               of the stream with one SYS_WRITE0 call instead of a UART access per byte, for
 *               QEMU (-semihosting-config) or a debugger; without either it faults at EL2.
 * @tap:         hyptap.tap=full|compact (default full): the compact form leaves out what the
 *               host puts back from the image's own listing (tap.h TAP_FORM_COMPACT, the
 *               rule of a scenario's failure), for a console too slow for the full stream;
 *               independent of @console.
 * @net:         hyptap.net=dhcp or IP/PREFIX[,GW] (default none: no network at all).
 * @net_ip:      the static address (A << 24 | ... | D), @net_prefix its prefix length (1..32),
 *               @net_gw the gateway (0: none). Only for BOOTARGS_NET_STATIC.
 * @report:      hyptap.report=tcp:A.B.C.D:PORT: the whole TAP stream to a collector
 *               (docs/design-notes.md "TAP over TCP"); needs @net.
 * @fetch:       hyptap.fetch=tcp:A.B.C.D:PORT: bootargs asked from a collector and parsed after
 *               the command line's; needs @net.
 * @errata:      erratum ids from every hyptap.errata= token (decimal digits, as the errata
 *               table spells them): only their reproducers are selected. Whether an id is in
 *               the table is the runner's to check (errata_annotate.h).
 * @errata_count: entries used in @errata.
 * @fresh_vm_full: hyptap.fresh_vm=full: every VM's RAM zeroed, cleaned and loaded whole, as
 *               before the RAM pool (for measuring one against the other); default
 *               hyptap.fresh_vm=pool (vmm/vm_ram.c).
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
	uint64_t cpus_mask;
	bool cpus_set;
	enum bootargs_on on;
	enum bootargs_console console;
	enum bootargs_tap tap;
	enum bootargs_pe_fault pe_fault;
	unsigned pe_fault_cpu;
	enum bootargs_net net;
	uint32_t net_ip, net_gw;
	unsigned net_prefix;
	struct bootargs_tcp report, fetch;
	const char *errata[BOOTARGS_MAX_GLOBS];
	unsigned errata_count;
	struct bootargs_bench_max bench_max[BOOTARGS_BENCH_MAX];
	unsigned bench_max_count;
	bool fresh_vm_full;
	char storage[1024];
};

/**
 * bootargs_bench_max() - the bound hyptap.bench_max= gives bench.exit.@kind (the last one
 * given wins), in *@max. Return: false if it gives none.
 */
bool bootargs_bench_max(const struct bootargs *ba, const char *kind, uint64_t *max);

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
 * many globs, an empty entry, a reversed range or an index >= 64 in a CPU list, a bad address or
 * port), hyptap.report or hyptap.fetch without hyptap.net, or a command line that does not fit in
 * @ba->storage. On error @ba holds the options parsed so far.
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
