/* SPDX-License-Identifier: MIT */
/*
 * Host tests of MIDR_EL1 decoding (kernel/midr.c): the parts hyptap meets on boards and in
 * QEMU, with MIDR values as the hardware (or QEMU's CPU model) reports them.
 */
#include <stdint.h>
#include <string.h>

#include "midr.h"
#include "unit.h"

struct midr_case {
	uint64_t midr;
	const char *text;
};

/* Arm parts as r0p0 (Implementer 0x41, Architecture 0xf), from the cores' TRMs. */
static const struct midr_case arm_parts[] = {
	{0x410fd040, "Cortex-A35 r0p0"},   {0x410fd030, "Cortex-A53 r0p0"},
	{0x410fd050, "Cortex-A55 r0p0"},   {0x410fd070, "Cortex-A57 r0p0"},
	{0x410fd080, "Cortex-A72 r0p0"},   {0x410fd090, "Cortex-A73 r0p0"},
	{0x410fd0a0, "Cortex-A75 r0p0"},   {0x410fd0b0, "Cortex-A76 r0p0"},
	{0x410fd0c0, "Neoverse-N1 r0p0"},  {0x410fd0d0, "Cortex-A77 r0p0"},
	{0x410fd400, "Neoverse-V1 r0p0"},  {0x410fd410, "Cortex-A78 r0p0"},
	{0x410fd470, "Cortex-A710 r0p0"},  {0x410fd480, "Cortex-X2 r0p0"},
	{0x410fd490, "Neoverse-N2 r0p0"},  {0x410fd460, "Cortex-A510 r0p0"},
	{0x410fd4d0, "Cortex-A715 r0p0"},  {0x410fd4e0, "Cortex-X3 r0p0"},
	{0x410fd4f0, "Neoverse-V2 r0p0"},  {0x410fd800, "Cortex-A520 r0p0"},
	{0x410fd810, "Cortex-A720 r0p0"},  {0x410fd820, "Cortex-X4 r0p0"},
	{0x410fd840, "Neoverse-V3 r0p0"},  {0x410fd8e0, "Neoverse-N3 r0p0"},
	{0x410fd420, "Cortex-A78AE r0p0"}, {0x410fd0f0, "AEMv8 r0p0"},
	{0x410fd000, "Foundation r0p0"},
};

/* Whole MIDRs as reported in the field. */
static const struct midr_case real[] = {
	/* QEMU TCG CPU models (target/arm/tcg/cpu64.c); "(QEMU 10)": not in QEMU 7.2. */
	{0x411fd070, "Cortex-A57 r1p0"},   /* -cpu cortex-a57, DESIGN.md's header example */
	{0x410fd034, "Cortex-A53 r0p4"},   /* -cpu cortex-a53 */
	{0x411fd040, "Cortex-A35 r1p0"},   /* -cpu cortex-a35 */
	{0x410fd083, "Cortex-A72 r0p3"},   /* -cpu cortex-a72 */
	{0x412fd050, "Cortex-A55 r2p0"},   /* -cpu cortex-a55 (QEMU 10) */
	{0x414fd0b1, "Cortex-A76 r4p1"},   /* -cpu cortex-a76 */
	{0x410fd423, "Cortex-A78AE r0p3"}, /* -cpu cortex-a78ae */
	{0x412fd471, "Cortex-A710 r2p1"},  /* -cpu cortex-a710 (QEMU 10) */
	{0x414fd0c1, "Neoverse-N1 r4p1"},  /* -cpu neoverse-n1 */
	{0x411fd402, "Neoverse-V1 r1p2"},  /* -cpu neoverse-v1 (QEMU 10) */
	{0x410fd493, "Neoverse-N2 r0p3"},  /* -cpu neoverse-n2 (QEMU 10) */
	{0x461f0010, "A64FX r1p0"},	   /* -cpu a64fx */
	/* -cpu max under TCG: Implementer 0 (software use), Architecture 0xf, PartNum 'Q'. */
	{0x000f0510, "QEMU max r0p0"},
	/* Boards. */
	{0x410fd083, "Cortex-A72 r0p3"},  /* Raspberry Pi 4, as QEMU's cortex-a72 */
	{0x413fd0c1, "Neoverse-N1 r3p1"}, /* Ampere Altra */
	{0x410fd4f0, "Neoverse-V2 r0p0"}, /* NVIDIA Grace */
	{0x431f0af1, "ThunderX2 r1p1"},
	{0x480fd010, "TSV110 r0p0"},
	{0x610f0220, "Apple-M1-Icestorm r0p0"},
	{0x611f0230, "Apple-M1-Firestorm r1p0"},
	{0x51af8014, "Kryo-2xx-Silver r10p4"},
};

static void test_fields(void)
{
	uint64_t midr = 0x00000000412fd471ULL;

	unit_eq_u64(midr_implementer(midr), 0x41, "implementer");
	unit_eq_u64(midr_variant(midr), 2, "variant");
	unit_eq_u64(midr_partnum(midr), 0xd47, "partnum");
	unit_eq_u64(midr_revision(midr), 1, "revision");
	unit_eq_u64(midr_implementer(0xffffffff00000000ULL | 0x41), 0,
		    "bits above [31:0] do not leak into the implementer");
}

static void test_table(const struct midr_case *c, size_t n)
{
	char buf[64];
	size_t i;
	int len;

	for (i = 0; i < n; i++) {
		len = midr_describe(c[i].midr, buf, sizeof(buf));
		unit_eq_str(buf, c[i].text, c[i].text);
		if (len != (int)strlen(c[i].text)) {
			unit_ok(false, "%s: returned length %d", c[i].text, len);
		}
	}
}

static void test_unknown(void)
{
	char buf[64];
	char small[8];
	int n;

	midr_describe(0x410fd991, buf, sizeof(buf));
	unit_eq_str(buf, "impl 0x41 part 0xd99 r0p1", "unknown Arm part");
	midr_describe(0x41ffd991, buf, sizeof(buf));
	unit_eq_str(buf, "impl 0x41 part 0xd99 r15p1", "unknown part, variant 15");
	midr_describe(0x000f0520, buf, sizeof(buf));
	unit_eq_str(buf, "impl 0x00 part 0x052 r0p0", "software implementer, not 'Q'");
	midr_describe(0x510fd070, buf, sizeof(buf));
	unit_eq_str(buf, "impl 0x51 part 0xd07 r0p0", "part numbers are per implementer");
	unit_ok(midr_part_name(0x410fd991) == NULL, "midr_part_name of an unknown part is NULL");
	unit_eq_str(midr_part_name(0x411fd070), "Cortex-A57", "midr_part_name ignores r/p");
	midr_describe(0xffffffff410fd070ULL, buf, sizeof(buf));
	unit_eq_str(buf, "Cortex-A57 r0p0", "upper 32 bits ignored");

	memset(small, 'x', sizeof(small));
	n = midr_describe(0x411fd070, small, sizeof(small));
	unit_eq_str(small, "Cortex-", "truncated, NUL-terminated");
	unit_eq_u64(n, strlen("Cortex-A57 r1p0"), "returns the full length");
}

int main(void)
{
	test_fields();
	test_table(arm_parts, sizeof(arm_parts) / sizeof(arm_parts[0]));
	test_table(real, sizeof(real) / sizeof(real[0]));
	test_unknown();
	return unit_done();
}
