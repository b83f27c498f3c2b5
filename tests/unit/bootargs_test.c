/*
 * Host tests of the boot argument parser (kernel/bootargs.c): every key,
 * defaults, ignored tokens, every error class and its message, selection.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bootargs.h"
#include "unit.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static struct bootargs ba;
static char err[256];

static int parse(const char *cmdline)
{
	memset(err, 'X', sizeof(err) - 1);
	err[sizeof(err) - 1] = '\0';
	return bootargs_parse(&ba, cmdline, err, sizeof(err));
}

static bool is_default(const struct bootargs *b)
{
	return b->only_count == 0 && b->skip_count == 0 && !b->list && b->repeat == 1 &&
	       b->seed == 0 && !b->seed_set && b->timeout_ms == 0 &&
	       b->exit == BOOTARGS_EXIT_PSCI && !b->exhaustive && !b->timing &&
	       b->cpus_mask == UINT64_MAX && !b->cpus_set && b->on == BOOTARGS_ON_ANY &&
	       b->pe_fault == BOOTARGS_PE_FAULT_NONE && b->pe_fault_cpu == 0;
}

static bool points_into_storage(const struct bootargs *b, const char *p)
{
	return p >= b->storage && p < b->storage + sizeof(b->storage);
}

/* Test point: err contains @a and the offending token @tok. */
static void err_names(const char *a, const char *tok)
{
	if (!unit_ok(strstr(err, a) != NULL && strstr(err, tok) != NULL, "message for %s", tok)) {
		unit_diag("err: %s", err);
	}
}

/* Test point: err starts with @msg. */
static void err_starts(const char *msg, const char *cmdline)
{
	if (!unit_ok(strncmp(err, msg, strlen(msg)) == 0, "message for \"%s\"", cmdline)) {
		unit_diag("err: %s\nexpected to start with: %s", err, msg);
	}
}

static void test_defaults(void)
{
	static const char *const empty[] = {"", " ", " \t\n\r ", "console=ttyAMA0"};
	size_t i;

	bootargs_init(&ba);
	unit_ok(is_default(&ba), "bootargs_init gives the defaults");
	unit_eq_u64(parse(NULL), 0, "NULL command line parses");
	unit_ok(is_default(&ba), "NULL command line gives the defaults");
	unit_eq_str(err, "", "err cleared on success");
	for (i = 0; i < ARRAY_SIZE(empty); i++) {
		unit_eq_u64(parse(empty[i]), 0, "blank command line parses");
		unit_ok(is_default(&ba), "defaults for command line %u", (unsigned)i);
	}
}

static void test_ignored(void)
{
	unit_eq_u64(parse("console=ttyAMA0 earlycon root=/dev/vda rw hyptap=1 hyptapx.list "
			  "HYPTAP.list xhyptap.list Hyptap.only=x hyptap"),
		    0, "non-hyptap. tokens are ignored");
	unit_ok(is_default(&ba), "and change nothing");
}

static void test_all_keys(void)
{
	int rc = parse("console=ttyAMA0\thyptap.only=trap.*,stage2.attr[*]\n"
		       "hyptap.skip=trap.wfx.* hyptap.list hyptap.repeat=100000 "
		       "hyptap.seed=0xDEADbeef00000001   hyptap.timeout_ms=600000 "
		       "hyptap.exit=semihosting earlycon");

	unit_eq_u64(rc, 0, "all keys parse");
	unit_eq_u64(ba.only_count, 2, "only_count");
	unit_eq_str(ba.only[0], "trap.*", "only[0]");
	unit_eq_str(ba.only[1], "stage2.attr[*]", "only[1]");
	unit_ok(points_into_storage(&ba, ba.only[1]), "globs point into storage");
	unit_eq_u64(ba.skip_count, 1, "skip_count");
	unit_eq_str(ba.skip[0], "trap.wfx.*", "skip[0]");
	unit_ok(ba.list, "list");
	unit_eq_u64(ba.repeat, 100000, "repeat");
	unit_eq_u64(ba.seed, 0xdeadbeef00000001ull, "seed hex, mixed case");
	unit_ok(ba.seed_set, "seed_set");
	unit_eq_u64(ba.timeout_ms, 600000, "timeout_ms");
	unit_eq_u64(ba.exit, BOOTARGS_EXIT_SEMIHOSTING, "exit=semihosting");

	unit_eq_u64(parse(""), 0, "empty");
	unit_eq_u64(ba.console, BOOTARGS_CONSOLE_UART, "console defaults to the UART");
	unit_eq_u64(parse("hyptap.console=semihosting"), 0, "console=semihosting");
	unit_eq_u64(ba.console, BOOTARGS_CONSOLE_SEMIHOSTING, "console=semihosting parsed");
	unit_eq_u64(parse("hyptap.console=semihosting hyptap.console=uart"), 0, "console=uart");
	unit_eq_u64(ba.console, BOOTARGS_CONSOLE_UART, "last console wins");
	unit_ok(parse("hyptap.console=serial") != 0, "console=serial is an error");
	unit_ok(parse("hyptap.console") != 0, "console without a value is an error");
	unit_eq_u64(parse(""), 0, "empty command line");
	unit_eq_u64(ba.tap, BOOTARGS_TAP_FULL, "the full TAP form by default");
	unit_eq_u64(parse("hyptap.tap=compact hyptap.console=uart"), 0, "tap=compact");
	unit_eq_u64(ba.tap, BOOTARGS_TAP_COMPACT, "tap=compact parsed");
	unit_eq_u64(ba.console, BOOTARGS_CONSOLE_UART, "tap= and console= are independent");
	unit_eq_u64(parse("hyptap.tap=compact hyptap.tap=full"), 0, "tap=full");
	unit_eq_u64(ba.tap, BOOTARGS_TAP_FULL, "last tap wins");
	unit_ok(parse("hyptap.tap=short") != 0, "tap=short is an error");
	unit_ok(parse("hyptap.tap") != 0, "tap without a value is an error");
	unit_eq_u64(parse(""), 0, "empty command line");
	unit_ok(!ba.fresh_vm_full, "the RAM pool by default");
	unit_eq_u64(parse("hyptap.fresh_vm=full"), 0, "fresh_vm=full");
	unit_ok(ba.fresh_vm_full, "fresh_vm=full parsed");
	unit_eq_u64(parse("hyptap.fresh_vm=full hyptap.fresh_vm=pool"), 0, "fresh_vm=pool");
	unit_ok(!ba.fresh_vm_full, "last fresh_vm wins");
	unit_ok(parse("hyptap.fresh_vm=zero") != 0, "fresh_vm=zero is an error");
	unit_ok(parse("hyptap.fresh_vm") != 0, "fresh_vm without a value is an error");

	unit_eq_u64(parse("hyptap.exit=semihosting hyptap.exit=psci"), 0, "exit=psci");
	unit_eq_u64(ba.exit, BOOTARGS_EXIT_PSCI, "last exit wins");

	unit_eq_u64(parse("hyptap.only=a hyptap.repeat=3"), 0, "reparse");
	unit_ok(ba.skip_count == 0 && !ba.list && ba.repeat == 3 && !ba.seed_set,
		"reparse starts from the defaults");
}

static void test_numbers(void)
{
	static const struct {
		const char *arg;
		uint64_t seed;
	} seeds[] = {
		{"hyptap.seed=0", 0},
		{"hyptap.seed=42", 42},
		{"hyptap.seed=007", 7},
		{"hyptap.seed=18446744073709551615", UINT64_MAX},
		{"hyptap.seed=0xffffffffffffffff", UINT64_MAX},
		{"hyptap.seed=0X1F", 0x1f},
		{"hyptap.seed=0x0000000000000000000001", 1},
	};
	static const char *const bad_seeds[] = {
		"hyptap.seed=18446744073709551616",
		"hyptap.seed=99999999999999999999",
		"hyptap.seed=0x10000000000000000",
		"hyptap.seed=0x",
		"hyptap.seed=0xg",
		"hyptap.seed=-1",
		"hyptap.seed=+1",
		"hyptap.seed=12a",
		"hyptap.seed=abc",
	};
	static const char *const bad_repeats[] = {
		"hyptap.repeat=0",
		"hyptap.repeat=100001",
		"hyptap.repeat=-1",
		"hyptap.repeat=+5",
		"hyptap.repeat=0x10",
		"hyptap.repeat=1.5",
		"hyptap.repeat=abc",
		"hyptap.repeat=4294967297",
		"hyptap.repeat=99999999999999999999999",
	};
	static const char *const bad_timeouts[] = {
		"hyptap.timeout_ms=0",
		"hyptap.timeout_ms=600001",
		"hyptap.timeout_ms=1s",
		"hyptap.timeout_ms=0x100",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(seeds); i++) {
		unit_eq_u64(parse(seeds[i].arg), 0, seeds[i].arg);
		unit_eq_u64(ba.seed, seeds[i].seed, "seed value");
		unit_ok(ba.seed_set, "seed_set for %s", seeds[i].arg);
	}
	for (i = 0; i < ARRAY_SIZE(bad_seeds); i++) {
		unit_eq_u64(parse(bad_seeds[i]), (uint64_t)-1, bad_seeds[i]);
		err_names("expected a 64-bit number, decimal or 0x hex", bad_seeds[i]);
	}

	unit_eq_u64(parse("hyptap.repeat=1"), 0, "repeat=1");
	unit_eq_u64(ba.repeat, 1, "repeat min");
	unit_eq_u64(parse("hyptap.repeat=0100000"), 0, "repeat=0100000 (leading zero, decimal)");
	unit_eq_u64(ba.repeat, 100000, "repeat max");
	for (i = 0; i < ARRAY_SIZE(bad_repeats); i++) {
		unit_eq_u64(parse(bad_repeats[i]), (uint64_t)-1, bad_repeats[i]);
		err_names("expected a decimal number 1..100000", bad_repeats[i]);
	}
	unit_eq_u64(parse("hyptap.repeat=abc"), (uint64_t)-1, "repeat=abc");
	unit_eq_str(err, "bad bootarg \"hyptap.repeat=abc\": expected a decimal number 1..100000",
		    "exact message for repeat=abc");

	unit_eq_u64(parse("hyptap.timeout_ms=1"), 0, "timeout_ms=1");
	unit_eq_u64(ba.timeout_ms, 1, "timeout_ms min");
	for (i = 0; i < ARRAY_SIZE(bad_timeouts); i++) {
		unit_eq_u64(parse(bad_timeouts[i]), (uint64_t)-1, bad_timeouts[i]);
		err_names("expected a decimal number 1..600000", bad_timeouts[i]);
	}
}

/* hyptap.exhaustive and hyptap.timing are switches like hyptap.list. */
static void test_switches(void)
{
	unit_eq_u64(parse("hyptap.exhaustive hyptap.timing=1"), 0, "exhaustive, timing=1");
	unit_ok(ba.exhaustive && ba.timing && !ba.list, "both set, list not");
	unit_eq_u64(parse("hyptap.exhaustive hyptap.exhaustive=0 hyptap.timing=0"), 0, "=0");
	unit_ok(!ba.exhaustive && !ba.timing, "=0 clears them");
	unit_eq_u64(parse(""), 0, "empty");
	unit_ok(!ba.exhaustive && !ba.timing, "default: off");
	unit_eq_u64(parse("hyptap.timing=2"), (uint64_t)-1, "timing=2 rejected");
	unit_eq_str(err, "bad bootarg \"hyptap.timing=2\": expected no value, =1 or =0",
		    "message for timing=2");
	unit_eq_u64(parse("hyptap.exhaustive="), (uint64_t)-1, "exhaustive= rejected");
}

/* An exact hyptap.only id names its instance (a sampled family's row runs); a glob does not. */
static void test_names(void)
{
	unit_eq_u64(parse("hyptap.only=stage2.x[a=1],stage2.y*"), 0, "parse");
	unit_ok(bootargs_names(&ba, "stage2.x[a=1]"), "exact id named");
	unit_ok(!bootargs_names(&ba, "stage2.x[a=2]"), "other id not named");
	unit_ok(!bootargs_names(&ba, "stage2.y[a=1]"), "a glob names nothing");
	unit_eq_u64(parse("hyptap.only=stage2.x[a=?]"), 0, "parse ?");
	unit_ok(!bootargs_names(&ba, "stage2.x[a=?]"), "? is a wildcard");
	unit_eq_u64(parse(""), 0, "no only");
	unit_ok(!bootargs_names(&ba, "stage2.x[a=1]"), "nothing named without hyptap.only");
}

static void test_list_exit(void)
{
	unit_eq_u64(parse("hyptap.list=1"), 0, "list=1");
	unit_ok(ba.list, "list=1 sets list");
	unit_eq_u64(parse("hyptap.list hyptap.list=0"), 0, "list then list=0");
	unit_ok(!ba.list, "list=0 clears list");
	unit_eq_u64(parse("hyptap.list=yes"), (uint64_t)-1, "list=yes rejected");
	unit_eq_str(err, "bad bootarg \"hyptap.list=yes\": expected no value, =1 or =0",
		    "message for list=yes");
	unit_eq_u64(parse("hyptap.list=true"), (uint64_t)-1, "list=true rejected");

	unit_eq_u64(parse("hyptap.exit=PSCI"), (uint64_t)-1, "exit is case-sensitive");
	unit_eq_str(err, "bad bootarg \"hyptap.exit=PSCI\": expected psci or semihosting",
		    "message for exit=PSCI");
	unit_eq_u64(parse("hyptap.exit=reboot"), (uint64_t)-1, "exit=reboot rejected");
}

static void test_globs(void)
{
	char line[1024];
	unsigned i;

	unit_eq_u64(parse("hyptap.only=a hyptap.skip=x hyptap.only=b,c hyptap.skip=y,z"), 0,
		    "repeated only/skip");
	unit_eq_u64(ba.only_count, 3, "only accumulates");
	unit_ok(ba.only_count == 3 && strcmp(ba.only[0], "a") == 0 &&
			strcmp(ba.only[1], "b") == 0 && strcmp(ba.only[2], "c") == 0,
		"only = a, b, c");
	unit_eq_u64(ba.skip_count, 3, "skip accumulates");
	unit_ok(ba.skip_count == 3 && strcmp(ba.skip[0], "x") == 0 &&
			strcmp(ba.skip[1], "y") == 0 && strcmp(ba.skip[2], "z") == 0,
		"skip = x, y, z");

	unit_eq_u64(parse("hyptap.only=a,,b"), (uint64_t)-1, "a,,b rejected");
	unit_eq_str(err, "bad bootarg \"hyptap.only=a,,b\": empty glob in the list",
		    "empty glob message names the whole token");
	unit_eq_u64(parse("hyptap.only=,a"), (uint64_t)-1, "leading comma rejected");
	unit_ok(strstr(err, "empty glob") != NULL, "leading comma: empty glob");
	unit_eq_u64(parse("hyptap.skip=a,"), (uint64_t)-1, "trailing comma rejected");
	unit_ok(strstr(err, "\"hyptap.skip=a,\": empty glob") != NULL, "trailing comma message");
	unit_eq_u64(parse("hyptap.only=,"), (uint64_t)-1, "lone comma rejected");

	strcpy(line, "hyptap.only=g0");
	for (i = 1; i < BOOTARGS_MAX_GLOBS; i++) {
		sprintf(line + strlen(line), ",g%u", i);
	}
	strcat(line, " hyptap.skip=s0");
	for (i = 1; i < BOOTARGS_MAX_GLOBS; i++) {
		sprintf(line + strlen(line), ",s%u", i);
	}
	unit_eq_u64(parse(line), 0, "16 only and 16 skip globs fit");
	unit_eq_u64(ba.only_count, BOOTARGS_MAX_GLOBS, "16 only globs");
	unit_eq_str(ba.only[15], "g15", "last only glob");
	unit_eq_u64(ba.skip_count, BOOTARGS_MAX_GLOBS, "16 skip globs");
	unit_eq_str(ba.skip[15], "s15", "last skip glob");

	strcat(line, " hyptap.only=one.more");
	unit_eq_u64(parse(line), (uint64_t)-1, "17th only glob rejected");
	unit_eq_str(err,
		    "bad bootarg \"hyptap.only=one.more\": too many globs (at most 16 over all "
		    "hyptap.only tokens)",
		    "too many globs message");
	unit_eq_u64(ba.only_count, BOOTARGS_MAX_GLOBS, "rejected token not stored");

	unit_eq_u64(parse("hyptap.skip=a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q"), (uint64_t)-1,
		    "17 globs in one token rejected");
	unit_ok(strstr(err, "too many globs") != NULL, "17 globs in one token message");
}

static void test_key_errors(void)
{
	static const struct {
		const char *cmdline;
		const char *msg;
	} cases[] = {
		{"hyptap.foo=1", "unknown bootarg key \"hyptap.foo\" (known: only, skip, list, "
				 "repeat, seed, timeout_ms, exit, exhaustive, timing, cpus, on, "
				 "pe-fault, console, tap, net, report, fetch, errata, bench_max, fresh_vm)"},
		{"hyptap.foo", "unknown bootarg key \"hyptap.foo\""},
		{"hyptap.", "unknown bootarg key \"hyptap.\""},
		{"hyptap.=x", "unknown bootarg key \"hyptap.\""},
		{"hyptap.Only=x", "unknown bootarg key \"hyptap.Only\""},
		{"hyptap.onlyx=a", "unknown bootarg key \"hyptap.onlyx\""},
		{"hyptap.timeout=5", "unknown bootarg key \"hyptap.timeout\""},
		{"hyptap.repeat",
		 "bad bootarg \"hyptap.repeat\": missing value, expected a decimal "
		 "number 1..100000"},
		{"hyptap.only", "bad bootarg \"hyptap.only\": missing value, expected a "
				"comma-separated list of globs"},
		{"hyptap.skip", "bad bootarg \"hyptap.skip\": missing value"},
		{"hyptap.seed", "bad bootarg \"hyptap.seed\": missing value"},
		{"hyptap.timeout_ms", "bad bootarg \"hyptap.timeout_ms\": missing value"},
		{"hyptap.exit", "bad bootarg \"hyptap.exit\": missing value, expected psci or "
				"semihosting"},
		{"hyptap.cpus", "bad bootarg \"hyptap.cpus\": missing value, expected all or CPU "
				"indices 0..63 and ranges, comma-separated (0-3,5)"},
		{"hyptap.on", "bad bootarg \"hyptap.on\": missing value, expected any or all"},
		{"hyptap.pe-fault", "bad bootarg \"hyptap.pe-fault\": missing value, expected "
				    "hang@N or crash@N, N a CPU index 0..63"},
		{"hyptap.cpus=", "bad bootarg \"hyptap.cpus=\": empty value"},
		{"hyptap.on=", "bad bootarg \"hyptap.on=\": empty value"},
		{"hyptap.pe-fault=", "bad bootarg \"hyptap.pe-fault=\": empty value"},
		{"hyptap.pe_fault=hang@1", "unknown bootarg key \"hyptap.pe_fault\""},
		{"hyptap.seed=", "bad bootarg \"hyptap.seed=\": empty value, expected a 64-bit "
				 "number, decimal or 0x hex"},
		{"hyptap.only=", "bad bootarg \"hyptap.only=\": empty value"},
		{"hyptap.skip=", "bad bootarg \"hyptap.skip=\": empty value"},
		{"hyptap.list=", "bad bootarg \"hyptap.list=\": empty value, expected no value, =1 "
				 "or =0"},
		{"hyptap.repeat=", "bad bootarg \"hyptap.repeat=\": empty value"},
		{"hyptap.timeout_ms=", "bad bootarg \"hyptap.timeout_ms=\": empty value"},
		{"hyptap.exit=", "bad bootarg \"hyptap.exit=\": empty value"},
		{"hyptap.repeat==5", "bad bootarg \"hyptap.repeat==5\": expected a decimal"},
		{"console=x hyptap.list hyptap.bogus hyptap.repeat=abc",
		 "unknown bootarg key \"hyptap.bogus\""},
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		unit_eq_u64(parse(cases[i].cmdline), (uint64_t)-1, cases[i].cmdline);
		err_starts(cases[i].msg, cases[i].cmdline);
		unit_ok(strchr(err, '\n') == NULL, "message is one line");
	}
}

static void test_limits(void)
{
	static char line[2048];
	char small[16];

	memset(line, ' ', sizeof(ba.storage) - 1);
	memcpy(line, "hyptap.list", 11);
	line[sizeof(ba.storage) - 1] = '\0';
	unit_eq_u64(parse(line), 0, "1023-byte command line fits");
	unit_ok(ba.list, "and is parsed");
	line[sizeof(ba.storage) - 1] = 'x';
	line[sizeof(ba.storage)] = '\0';
	unit_eq_u64(parse(line), (uint64_t)-1, "1024-byte command line rejected");
	unit_eq_str(err, "bootargs too long (1024 bytes, at most 1023)", "too long message");
	unit_ok(is_default(&ba), "too long leaves the defaults");

	unit_eq_u64(bootargs_parse(&ba, "hyptap.foo", NULL, 0), (uint64_t)-1, "NULL err is fine");
	memset(small, 'X', sizeof(small));
	unit_eq_u64(bootargs_parse(&ba, "hyptap.foo", small, sizeof(small)), (uint64_t)-1,
		    "small err buffer");
	unit_eq_str(small, "unknown bootarg", "message truncated and NUL-terminated");

	unit_eq_u64(parse("hyptap.only=a,b hyptap.repeat=7"), 0, "parse for in-place reparse");
	unit_eq_u64(bootargs_parse(&ba, "hyptap.repeat=9 hyptap.list", err, sizeof(err)), 0,
		    "plain reparse");
	strcpy(ba.storage, "hyptap.skip=q hyptap.repeat=5");
	unit_eq_u64(bootargs_parse(&ba, ba.storage, err, sizeof(err)), 0,
		    "command line may be ba->storage itself");
	unit_ok(ba.repeat == 5 && ba.skip_count == 1 && strcmp(ba.skip[0], "q") == 0 && !ba.list,
		"in-place parse result");
}

/* Messages stay one printable line of at most BOOTARGS_ERR_MAX bytes whatever the token. */
static void test_hostile(void)
{
	static char line[2048];

	unit_eq_u64(parse("hyptap.only=caf\xc3\xa9"), (uint64_t)-1, "non-ASCII glob rejected");
	unit_eq_str(err,
		    "bad bootarg \"hyptap.only=caf\\xc3\\xa9\": byte 0xc3 at offset 15 is not "
		    "printable ASCII",
		    "non-ASCII byte named, quoted as \\xNN");
	unit_eq_u64(parse("console=caf\xc3\xa9 hyptap.list"), 0, "non-ASCII in a foreign token");
	unit_eq_u64(parse("hyptap.repeat=1\x01"), (uint64_t)-1, "control byte rejected");
	unit_eq_str(err,
		    "bad bootarg \"hyptap.repeat=1\\x01\": byte 0x01 at offset 15 is not "
		    "printable ASCII",
		    "control byte message");
	unit_eq_u64(parse("hyptap.\x1b[2Jx=1"), (uint64_t)-1, "escape sequence in a key");
	unit_eq_str(err,
		    "unknown bootarg key \"hyptap.\\x1b[2Jx\" (known: only, skip, list, repeat, "
		    "seed, timeout_ms, exit, exhaustive, timing, cpus, on, pe-fault, console, tap, "
		    "net, report, fetch, errata, bench_max, fresh_vm)",
		    "escape sequence quoted");
	unit_eq_u64(parse("hyptap.exit=\"psci\""), (uint64_t)-1, "quotes in a value");
	unit_eq_str(err, "bad bootarg \"hyptap.exit=\\x22psci\\x22\": expected psci or semihosting",
		    "quotes quoted as \\x22");

	strcpy(line, "hyptap.repeat=");
	memset(line + strlen(line), '7', 500);
	unit_eq_u64(parse(line), (uint64_t)-1, "500-digit repeat rejected");
	unit_eq_str(err,
		    "bad bootarg \"hyptap.repeat=7777777777777777777777777777777777...\": expected "
		    "a decimal number 1..100000",
		    "long token cut after 48 characters, the reason kept");
	unit_ok(strlen(err) < BOOTARGS_ERR_MAX, "within BOOTARGS_ERR_MAX");
	memset(line, '\xff', 600);
	memcpy(line, "hyptap.", 7);
	line[600] = '\0';
	unit_eq_u64(parse(line), (uint64_t)-1, "600 bytes of 0xff after hyptap.");
	unit_ok(strlen(err) < BOOTARGS_ERR_MAX && strstr(err, "...\" (known: ") != NULL,
		"escaped bytes count towards the cut");
}

/* hyptap.errata: erratum numbers (digits only, kept as written), over all its tokens. */
static void test_errata(void)
{
	unit_eq_u64(parse("hyptap.errata=834220,010001 hyptap.errata=1165522"), 0, "errata parse");
	unit_eq_u64(ba.errata_count, 3, "three errata over two tokens");
	unit_eq_str(ba.errata[0], "834220", "first");
	unit_eq_str(ba.errata[1], "010001", "leading zeros kept (Fujitsu's E#010001)");
	unit_eq_str(ba.errata[2], "1165522", "second token");
	unit_ok(points_into_storage(&ba, ba.errata[1]), "errata point into the storage");
	unit_eq_u64(parse(""), 0, "empty");
	unit_eq_u64(ba.errata_count, 0, "no errata by default");

	unit_eq_u64(parse("hyptap.errata=8342x0"), (uint64_t)-1, "a letter");
	err_starts("bad bootarg \"hyptap.errata=8342x0\": erratum \"8342x0\" is not a number of "
		   "at most 11 digits",
		   "hyptap.errata=8342x0");
	unit_eq_u64(parse("hyptap.errata=834220,errata.834220.*"), (uint64_t)-1, "a glob");
	err_names("is not a number", "errata.834220.*");
	unit_eq_u64(parse("hyptap.errata=123456789012"), (uint64_t)-1, "12 digits");
	err_names("at most 11 digits", "123456789012");
	unit_eq_u64(parse("hyptap.errata=834220,,1"), (uint64_t)-1, "empty entry");
	err_names("empty", "hyptap.errata=834220,,1");
	unit_eq_u64(parse("hyptap.errata="), (uint64_t)-1, "empty value");
	err_starts("bad bootarg \"hyptap.errata=\": empty value, expected a comma-separated list "
		   "of erratum numbers",
		   "hyptap.errata=");
	unit_eq_u64(parse("hyptap.errata"), (uint64_t)-1, "missing value");
	err_names("missing value", "hyptap.errata");
	unit_eq_u64(parse("hyptap.errata=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17"), (uint64_t)-1,
		    "17 errata");
	err_names("too many", "hyptap.errata=");
}

/* hyptap.cpus: "all" or indices and ranges below 64; the last token wins. */
static void test_cpus(void)
{
	static const struct {
		const char *arg;
		uint64_t mask;
	} good[] = {
		{"hyptap.cpus=all", UINT64_MAX},
		{"hyptap.cpus=0", 0x1},
		{"hyptap.cpus=0-3,5", 0x2f},
		{"hyptap.cpus=5,0-3", 0x2f},
		{"hyptap.cpus=1,1,1-1", 0x2},
		{"hyptap.cpus=63", 1ull << 63},
		{"hyptap.cpus=0-63", UINT64_MAX},
		{"hyptap.cpus=62-63,0", 0xc000000000000001ull},
		{"hyptap.cpus=007,010-011", 1u << 7 | 1u << 10 | 1u << 11},
		{"hyptap.cpus=3-3", 0x8},
		{"hyptap.cpus=all hyptap.cpus=2", 0x4},
		{"hyptap.cpus=2 hyptap.cpus=all", UINT64_MAX},
	};
	static const struct {
		const char *arg;
		const char *msg;
	} bad[] = {
		{"hyptap.cpus=3-1", "bad bootarg \"hyptap.cpus=3-1\": CPU range 3-1 is reversed"},
		{"hyptap.cpus=0,5-4",
		 "bad bootarg \"hyptap.cpus=0,5-4\": CPU range 5-4 is reversed"},
		{"hyptap.cpus=64", "bad bootarg \"hyptap.cpus=64\": CPU index 64 is not below 64"},
		{"hyptap.cpus=0-64",
		 "bad bootarg \"hyptap.cpus=0-64\": CPU index 64 is not below 64"},
		{"hyptap.cpus=1,0100", "bad bootarg \"hyptap.cpus=1,0100\": CPU index 0100 is not "
				       "below 64"},
		{"hyptap.cpus=99999999999999999999999999",
		 "bad bootarg \"hyptap.cpus=99999999999999999999999999\": CPU index "
		 "99999999999999999999... is not below 64"},
		{"hyptap.cpus=0,,1",
		 "bad bootarg \"hyptap.cpus=0,,1\": empty entry in the CPU list"},
		{"hyptap.cpus=,1", "bad bootarg \"hyptap.cpus=,1\": empty entry in the CPU list"},
		{"hyptap.cpus=1,", "bad bootarg \"hyptap.cpus=1,\": empty entry in the CPU list"},
		{"hyptap.cpus=ALL", "bad bootarg \"hyptap.cpus=ALL\": expected all or CPU indices "
				    "0..63 and ranges, comma-separated (0-3,5)"},
		{"hyptap.cpus=all,1", "bad bootarg \"hyptap.cpus=all,1\": expected all or"},
		{"hyptap.cpus=-1", "bad bootarg \"hyptap.cpus=-1\": expected all or"},
		{"hyptap.cpus=1-", "bad bootarg \"hyptap.cpus=1-\": expected all or"},
		{"hyptap.cpus=1-2-3", "bad bootarg \"hyptap.cpus=1-2-3\": expected all or"},
		{"hyptap.cpus=0x3", "bad bootarg \"hyptap.cpus=0x3\": expected all or"},
		{"hyptap.cpus=1:3", "bad bootarg \"hyptap.cpus=1:3\": expected all or"},
		{"hyptap.cpus=+1", "bad bootarg \"hyptap.cpus=+1\": expected all or"},
	};

	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		unit_eq_u64(parse(good[i].arg), 0, good[i].arg);
		unit_eq_u64(ba.cpus_mask, good[i].mask, "cpus_mask");
		unit_ok(ba.cpus_set, "cpus_set for %s", good[i].arg);
	}
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		unit_eq_u64(parse(bad[i].arg), (uint64_t)-1, bad[i].arg);
		err_starts(bad[i].msg, bad[i].arg);
	}
	unit_eq_u64(parse("hyptap.cpus=1 hyptap.cpus=1,x"), (uint64_t)-1, "a bad second token");
	unit_eq_u64(ba.cpus_mask, 0x2, "keeps the first token's mask");
}

static void test_on_pe_fault(void)
{
	unit_eq_u64(parse("hyptap.on=all"), 0, "on=all");
	unit_eq_u64(ba.on, BOOTARGS_ON_ALL, "on all");
	unit_eq_u64(parse("hyptap.on=all hyptap.on=any"), 0, "on=any");
	unit_eq_u64(ba.on, BOOTARGS_ON_ANY, "last on wins");
	unit_eq_u64(parse("hyptap.on=every"), (uint64_t)-1, "on=every rejected");
	unit_eq_str(err, "bad bootarg \"hyptap.on=every\": expected any or all",
		    "message for on=every");
	unit_eq_u64(parse("hyptap.on=ALL"), (uint64_t)-1, "on is case-sensitive");

	unit_eq_u64(parse("hyptap.pe-fault=hang@3"), 0, "pe-fault=hang@3");
	unit_ok(ba.pe_fault == BOOTARGS_PE_FAULT_HANG && ba.pe_fault_cpu == 3, "hang on CPU 3");
	unit_eq_u64(parse("hyptap.pe-fault=crash@63"), 0, "pe-fault=crash@63");
	unit_ok(ba.pe_fault == BOOTARGS_PE_FAULT_CRASH && ba.pe_fault_cpu == 63, "crash on CPU 63");
	unit_eq_u64(parse("hyptap.pe-fault=crash@0"), 0, "pe-fault=crash@0 (the boot CPU)");
	unit_ok(ba.pe_fault == BOOTARGS_PE_FAULT_CRASH && ba.pe_fault_cpu == 0, "crash on CPU 0");
	unit_eq_u64(parse("hyptap.pe-fault=crash@1 hyptap.pe-fault=hang@2"), 0, "two pe-faults");
	unit_ok(ba.pe_fault == BOOTARGS_PE_FAULT_HANG && ba.pe_fault_cpu == 2, "the last wins");

	unit_eq_u64(parse("hyptap.pe-fault=hang@64"), (uint64_t)-1, "hang@64 rejected");
	unit_eq_str(err, "bad bootarg \"hyptap.pe-fault=hang@64\": CPU index 64 is not below 64",
		    "message for hang@64");
	static const char *const bad[] = {
		"hyptap.pe-fault=hang",	   "hyptap.pe-fault=hang@",   "hyptap.pe-fault=hang@x",
		"hyptap.pe-fault=hang@1x", "hyptap.pe-fault=@1",      "hyptap.pe-fault=stop@1",
		"hyptap.pe-fault=HANG@1",  "hyptap.pe-fault=hang@-1", "hyptap.pe-fault=crash@1,2",
		"hyptap.pe-fault=crash1",
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		unit_eq_u64(parse(bad[i]), (uint64_t)-1, bad[i]);
		err_names("expected hang@N or crash@N, N a CPU index 0..63", bad[i]);
	}
	unit_eq_u64(parse("hyptap.pe-fault=hang@1 hyptap.pe-fault=nope"), (uint64_t)-1,
		    "a bad second pe-fault");
	unit_ok(ba.pe_fault == BOOTARGS_PE_FAULT_HANG && ba.pe_fault_cpu == 1,
		"keeps the first one");
	unit_eq_u64(parse(""), 0, "reparse");
	unit_ok(is_default(&ba), "back to the defaults");
}

static void test_selects(void)
{
	static const char *const ids[] = {
		"trap.hvc.imm[0x0000]", "trap.hvc.imm[0xffff]",
		"trap.wfx.wfi",		"stage2.attr[s1=normal-wb,s2=device-ngnre,fwb=0]",
		"virq.lr.preempt",
	};
	static const struct {
		const char *cmdline;
		const char *want; /* one '1' or '0' per id */
	} cases[] = {
		{"", "11111"},
		{"hyptap.only=*", "11111"},
		{"hyptap.only=trap.*", "11100"},
		{"hyptap.only=trap.hvc.imm[0x0000]", "10000"},
		{"hyptap.only=trap.hvc.imm[0x????]", "11000"},
		{"hyptap.only=trap.hvc.*,virq.*", "11001"},
		{"hyptap.only=trap.hvc.* hyptap.only=virq.*", "11001"},
		{"hyptap.skip=trap.*", "00011"},
		{"hyptap.skip=*[*]", "00101"},
		{"hyptap.only=trap.* hyptap.skip=*[0xffff]", "10100"},
		{"hyptap.only=trap.* hyptap.skip=trap.*", "00000"},
		{"hyptap.only=nothing.*", "00000"},
		{"hyptap.skip=nothing.*,*fwb=0]", "11101"},
		{"hyptap.only=stage2.attr[*fwb=0] hyptap.skip=trap.wfx.wfi", "00010"},
	};
	size_t i, j;
	char got[ARRAY_SIZE(ids) + 1];

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		unit_eq_u64(parse(cases[i].cmdline), 0, cases[i].cmdline);
		for (j = 0; j < ARRAY_SIZE(ids); j++) {
			got[j] = bootargs_selects(&ba, ids[j]) ? '1' : '0';
		}
		got[j] = '\0';
		unit_eq_str(got, cases[i].want,
			    cases[i].cmdline[0] != '\0' ? cases[i].cmdline : "(empty)");
	}
	unit_eq_u64(parse(""), 0, "empty for NULL id");
	unit_ok(!bootargs_selects(&ba, NULL), "NULL id is never selected");
}

/* hyptap.net, hyptap.report, hyptap.fetch: the values, their limits, and the net dependency. */
static void test_net(void)
{
	static const char *const bad[] = {
		"hyptap.net=dhcp6",
		"hyptap.net=10.0.2.15",
		"hyptap.net=10.0.2.15/0",
		"hyptap.net=10.0.2.15/33",
		"hyptap.net=10.0.2.256/24",
		"hyptap.net=10.0.02.15/24",
		"hyptap.net=10.0.2/24",
		"hyptap.net=0.0.0.0/8",
		"hyptap.net=10.0.2.15/24,",
		"hyptap.net=10.0.2.15/24,x",
		"hyptap.net=10.0.2.15/24,0.0.0.0",
		"hyptap.net=10.0.2.15/2x",
		"hyptap.net=1.2.3.4.5/24",
	};
	static const char *const bad_tcp[] = {
		"tcp:10.0.2.100",   "tcp:10.0.2.100:",	 "tcp:10.0.2.100:0", "tcp:10.0.2.100:65536",
		"udp:10.0.2.100:1", "tcp:0.0.0.0:1234",	 "tcp::1234",	     "tcp:10.0.2.100:12a",
		"10.0.2.100:1234",  "tcp:10.0.2.100:-1",
	};
	char line[96];

	unit_ok(parse("hyptap.net=dhcp") == 0 && ba.net == BOOTARGS_NET_DHCP, "hyptap.net=dhcp");
	unit_ok(parse("hyptap.net=10.0.2.15/24,10.0.2.2") == 0 && ba.net == BOOTARGS_NET_STATIC &&
			ba.net_ip == 0x0a00020f && ba.net_prefix == 24 && ba.net_gw == 0x0a000202,
		"a static address with a gateway");
	unit_ok(parse("hyptap.net=192.168.1.200/32") == 0 && ba.net_ip == 0xc0a801c8 &&
			ba.net_prefix == 32 && ba.net_gw == 0,
		"a static address without a gateway");
	unit_ok(parse("hyptap.net=dhcp hyptap.report=tcp:10.0.2.100:1234 "
		      "hyptap.fetch=tcp:255.255.255.254:65535") == 0 &&
			ba.report.ip == 0x0a000264 && ba.report.port == 1234 &&
			ba.fetch.ip == 0xfffffffe && ba.fetch.port == 65535,
		"hyptap.report and hyptap.fetch endpoints");
	unit_ok(parse("") == 0 && ba.net == BOOTARGS_NET_NONE && ba.report.port == 0 &&
			ba.fetch.port == 0,
		"no network by default");
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		unit_ok(parse(bad[i]) == -1, "rejects %s", bad[i]);
		err_names("expected dhcp or IP/PREFIX[,GW]", bad[i]);
	}
	for (size_t i = 0; i < ARRAY_SIZE(bad_tcp); i++) {
		snprintf(line, sizeof(line), "hyptap.net=dhcp hyptap.report=%s", bad_tcp[i]);
		unit_ok(parse(line) == -1, "rejects hyptap.report=%s", bad_tcp[i]);
		err_names("expected tcp:A.B.C.D:PORT", bad_tcp[i]);
	}
	unit_ok(parse("hyptap.report=tcp:10.0.2.100:1234") == -1, "hyptap.report needs hyptap.net");
	err_starts("bad bootargs: hyptap.report needs hyptap.net", "hyptap.report alone");
	unit_ok(parse("hyptap.fetch=tcp:10.0.2.100:1234") == -1, "hyptap.fetch needs hyptap.net");
	err_starts("bad bootargs: hyptap.fetch needs hyptap.net", "hyptap.fetch alone");
}

static void test_bench_max(void)
{
	static const char *const bad[] = {
		"hyptap.bench_max=hvc",
		"hyptap.bench_max=hvc:",
		"hyptap.bench_max=:100",
		"hyptap.bench_max=hvc:0",
		"hyptap.bench_max=hvc:-1",
		"hyptap.bench_max=hvc:12x",
		"hyptap.bench_max=hvc:0x10",
		"hyptap.bench_max=HVC:100",
		"hyptap.bench_max=hvc:100,",
		"hyptap.bench_max=hvc:100,,mrs:5",
		"hyptap.bench_max=hvc,mrs:5",
		"hyptap.bench_max=h_c:100",
		"hyptap.bench_max=hvc:4294967297",
		"hyptap.bench_max=abcdefghijklmnopqrstuvwxyz:1",
	};
	uint64_t max = 0;

	unit_ok(parse("") == 0 && ba.bench_max_count == 0 && !bootargs_bench_max(&ba, "hvc", &max),
		"no bound by default");
	unit_ok(parse("hyptap.bench_max=hvc:100,mmio-read:4294967296") == 0 &&
			ba.bench_max_count == 2,
		"two bounds");
	unit_ok(bootargs_bench_max(&ba, "hvc", &max) && max == 100, "hvc:100");
	unit_ok(bootargs_bench_max(&ba, "mmio-read", &max) && max == 4294967296ULL,
		"mmio-read at the largest bound, 2^32");
	unit_ok(!bootargs_bench_max(&ba, "mmio", &max), "a kind is matched whole, not by prefix");
	unit_ok(parse("hyptap.bench_max=hvc:100 hyptap.bench_max=hvc:7") == 0 &&
			bootargs_bench_max(&ba, "hvc", &max) && max == 7,
		"the last bound of a kind wins");
	unit_ok(parse("hyptap.bench_max=a:1,b:1,c:1,d:1,e:1,f:1,g:1,h:1,i:1,j:1,k:1,l:1,m:1,n:1,o:"
		      "1,"
		      "p:1,q:1") == -1,
		"17 bounds: too many");
	err_names("too many bounds (at most 16)", "hyptap.bench_max=");
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		unit_ok(parse(bad[i]) == -1, "rejects %s", bad[i]);
		err_names("expected KIND:N[,KIND:N]", bad[i]);
	}
}

int main(void)
{
	test_defaults();
	test_ignored();
	test_all_keys();
	test_numbers();
	test_list_exit();
	test_switches();
	test_names();
	test_globs();
	test_key_errors();
	test_limits();
	test_hostile();
	test_selects();
	test_cpus();
	test_errata();
	test_on_pe_fault();
	test_net();
	test_bench_max();
	return unit_done();
}
