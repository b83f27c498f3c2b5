/* SPDX-License-Identifier: MIT */
/*
 * The ACPI tables to what hyptap needs of the platform: the RSDP and the XSDT, the FADT's ARM
 * boot flags (PSCI), the GTDT's timer interrupts and the SPCR's console UART here; the MADT (GIC
 * and CPUs) in acpi_madt.c. Pure code over tables that may be hostile (docs/design-notes.md,
 * "ACPI at the firmware boundary"): every byte is read through the acpi_mem map, after the
 * length that covers it has been checked, and a failure is one line naming the table and field.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "acpi.h"
#include "acpi_ctx.h"

/* The RSDP (ACPI 6.5 table 5.3): 20 bytes of ACPI 1.0, 36 since 2.0. */
#define RSDP_V1_LEN  20
#define RSDP_LEN     36
#define RSDP_REV     15
#define RSDP_LENGTH  20
#define RSDP_XSDT    24
#define RSDP_MAX_LEN 4096

/* FADT (ACPI 6.5 table 5.9): ARM_BOOT_ARCH (2 bytes) and the minor version, since ACPI 5.1. */
#define FADT_ARM_BOOT_ARCH  129
#define FADT_MINOR	    131
#define FADT_MIN_LEN	    132
#define FADT_PSCI_COMPLIANT (1u << 0)
#define FADT_PSCI_USE_HVC   (1u << 1)

/* GTDT (ACPI 6.5 table 5.121): a GSIV and its flags per timer; the EL2 virtual timer since
 * revision 3. Revision 1 (ACPI 5.0) already has the first four at these offsets. */
#define GTDT_SEC_EL1	  48
#define GTDT_MIN_LEN	  80
#define GTDT_EL2_VIRT	  96
#define GTDT_REV3_MIN_LEN 104

/* SPCR (Microsoft SPCR specification, revision 2+): interface type and the base address GAS. */
#define SPCR_TYPE    36
#define SPCR_GAS     40
#define SPCR_MIN_LEN 80

/* SPCR interface types (Microsoft DBG2 specification, table 3, serial subtypes). */
#define SPCR_16550	  0x00
#define SPCR_16450	  0x01
#define SPCR_PL011	  0x03
#define SPCR_SBSA_32BIT	  0x0d
#define SPCR_SBSA_GENERIC 0x0e
#define SPCR_16550_GAS	  0x12

/* Generic Address Structure (ACPI 6.5 table 5.1). */
#define GAS_SPACE	  0
#define GAS_BIT_WIDTH	  1
#define GAS_ACCESS_SIZE	  3
#define GAS_ADDRESS	  4
#define GAS_SYSTEM_MEMORY 0

int acpi_fail(struct acpi_ctx *c, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!c->err || !c->errlen) {
		return -1;
	}
	n = snprintf(c->err, c->errlen, "ACPI ");
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < c->errlen) {
		vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
	}
	va_end(ap);
	return -1;
}

static uint8_t checksum(const uint8_t *p, uint32_t len)
{
	uint8_t sum = 0;

	while (len--) {
		sum = (uint8_t)(sum + *p++);
	}
	return sum;
}

/* @n bytes of a signature or OEM field as a C string, trailing spaces cut, non-ASCII as '?'. */
static void copy_field(char *dst, const uint8_t *src, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		dst[i] = src[i] >= 0x20 && src[i] <= 0x7e ? (char)src[i] : '?';
	}
	while (i && dst[i - 1] == ' ') {
		i--;
	}
	dst[i] = '\0';
}

static int parse_rsdp(struct acpi_ctx *c, uint64_t pa, uint64_t *xsdt)
{
	const uint8_t *r = c->mem->map(c->mem, pa, RSDP_V1_LEN);
	uint32_t len;
	uint8_t sum;

	if (!r) {
		return acpi_fail(c, "RSDP at 0x%llx: not readable", (unsigned long long)pa);
	}
	if (memcmp(r, "RSD PTR ", 8)) {
		return acpi_fail(c, "RSDP at 0x%llx: signature is not \"RSD PTR \"",
				 (unsigned long long)pa);
	}
	sum = checksum(r, RSDP_V1_LEN);
	if (sum) {
		return acpi_fail(c, "RSDP: checksum of the first 20 bytes is 0x%02x, expected 0",
				 sum);
	}
	if (r[RSDP_REV] < 2) {
		return acpi_fail(c,
				 "RSDP: revision %u (ACPI 1.0: an RSDT only), hyptap reads the "
				 "XSDT of ACPI 2.0 or later",
				 r[RSDP_REV]);
	}
	r = c->mem->map(c->mem, pa, RSDP_LEN);
	if (!r) {
		return acpi_fail(c, "RSDP at 0x%llx: its %u bytes are not readable",
				 (unsigned long long)pa, RSDP_LEN);
	}
	len = acpi_u32(r + RSDP_LENGTH);
	if (len < RSDP_LEN || len > RSDP_MAX_LEN) {
		return acpi_fail(c, "RSDP: length %u, expected %u to %u", len, RSDP_LEN,
				 RSDP_MAX_LEN);
	}
	r = c->mem->map(c->mem, pa, len);
	if (!r) {
		return acpi_fail(c, "RSDP at 0x%llx: its %u bytes are not readable",
				 (unsigned long long)pa, len);
	}
	sum = checksum(r, len);
	if (sum) {
		return acpi_fail(c, "RSDP: extended checksum (%u bytes) is 0x%02x, expected 0", len,
				 sum);
	}
	*xsdt = acpi_u64(r + RSDP_XSDT);
	if (!*xsdt) {
		return acpi_fail(c, "RSDP: XSDT address is 0");
	}
	return 0;
}

/*
 * The table @what at @pa, checked whole: header readable, signature @sig (when given), length
 * at least a header and at most ACPI_TABLE_MAX, all of it readable, checksum 0.
 */
static int map_table(struct acpi_ctx *c, uint64_t pa, const char *what, struct acpi_table *t)
{
	const uint8_t *h = c->mem->map(c->mem, pa, ACPI_HEADER_LEN);
	uint8_t sum;

	if (!h) {
		return acpi_fail(c, "%s at 0x%llx: header not readable", what,
				 (unsigned long long)pa);
	}
	t->len = acpi_u32(h + 4);
	t->rev = h[8];
	if (t->len < ACPI_HEADER_LEN || t->len > ACPI_TABLE_MAX) {
		return acpi_fail(c, "%s: length %u, expected %u to %u", what, t->len,
				 ACPI_HEADER_LEN, ACPI_TABLE_MAX);
	}
	t->p = c->mem->map(c->mem, pa, t->len);
	if (!t->p) {
		return acpi_fail(c, "%s at 0x%llx: its %u bytes are not readable", what,
				 (unsigned long long)pa, t->len);
	}
	sum = checksum(t->p, t->len);
	if (sum) {
		return acpi_fail(c, "%s: checksum of its %u bytes is 0x%02x, expected 0", what,
				 t->len, sum);
	}
	return 0;
}

/* The tables acpi_parse() reads, by signature, as the XSDT lists them. */
enum { T_FADT, T_MADT, T_GTDT, T_SPCR, T_COUNT };
static const struct {
	const char sig[5];
	const char *name;
} wanted[T_COUNT] = {
	[T_FADT] = {"FACP", "FADT"},
	[T_MADT] = {"APIC", "MADT"},
	[T_GTDT] = {"GTDT", "GTDT"},
	[T_SPCR] = {"SPCR", "SPCR"},
};

/* Each table of wanted[] from the XSDT at @pa into @found (checked whole), each exactly once. */
static int parse_xsdt(struct acpi_ctx *c, uint64_t pa, struct acpi_table found[T_COUNT])
{
	struct acpi_table x;
	uint32_t n;

	if (map_table(c, pa, "XSDT", &x)) {
		return -1;
	}
	if (memcmp(x.p, "XSDT", 4)) {
		char sig[5];

		copy_field(sig, x.p, 4);
		return acpi_fail(c, "XSDT at 0x%llx: signature is \"%s\", expected \"XSDT\"",
				 (unsigned long long)pa, sig);
	}
	if ((x.len - ACPI_HEADER_LEN) % 8) {
		return acpi_fail(c, "XSDT: length %u is not a header and whole 8-byte entries",
				 x.len);
	}
	copy_field(c->ap->oem_id, x.p + 10, 6);
	copy_field(c->ap->oem_table_id, x.p + 16, 8);
	n = (x.len - ACPI_HEADER_LEN) / 8;
	for (uint32_t i = 0; i < n; i++) {
		uint64_t entry = acpi_u64(x.p + ACPI_HEADER_LEN + 8 * i);
		const uint8_t *h;
		size_t k;

		if (!entry) {
			return acpi_fail(c, "XSDT: entry %u is address 0", i);
		}
		h = c->mem->map(c->mem, entry, ACPI_HEADER_LEN);
		if (!h) {
			return acpi_fail(c, "XSDT: entry %u at 0x%llx: header not readable", i,
					 (unsigned long long)entry);
		}
		for (k = 0; k < T_COUNT && memcmp(h, wanted[k].sig, 4); k++) {
		}
		if (k == T_COUNT) {
			continue; /* a table hyptap does not read (PPTT, IORT, MCFG, ...) */
		}
		if (found[k].p) {
			return acpi_fail(c, "XSDT: entry %u is a second %s", i, wanted[k].name);
		}
		if (map_table(c, entry, wanted[k].name, &found[k])) {
			return -1;
		}
	}
	for (size_t k = 0; k < T_COUNT; k++) {
		if (!found[k].p) {
			return acpi_fail(c, "XSDT: no %s (signature \"%s\") among its %u entries",
					 wanted[k].name, wanted[k].sig, n);
		}
	}
	return 0;
}

/* PSCI from the FADT's ARM_BOOT_ARCH flags, which exist from FADT version 5.1 (ACPI 5.1). */
static int parse_fadt(struct acpi_ctx *c, const struct acpi_table *t)
{
	uint16_t flags;

	if (t->rev < 5) {
		return acpi_fail(c,
				 "FADT: revision %u (before ACPI 5.1) has no ARM boot flags, "
				 "expected 5.1 or later",
				 t->rev);
	}
	if (t->len < FADT_MIN_LEN) {
		return acpi_fail(c,
				 "FADT: length %u, expected at least %u (ARM boot flags and the "
				 "minor version)",
				 t->len, FADT_MIN_LEN);
	}
	if (t->rev == 5 && t->p[FADT_MINOR] < 1) {
		return acpi_fail(c,
				 "FADT: version 5.%u has no ARM boot flags, expected 5.1 or later",
				 t->p[FADT_MINOR]);
	}
	flags = acpi_u16(t->p + FADT_ARM_BOOT_ARCH);
	c->ap->psci = flags & FADT_PSCI_COMPLIANT;
	c->ap->psci_hvc = flags & FADT_PSCI_USE_HVC;
	return 0;
}

/* The architected timers' GSIVs: PPIs (INTID 16-31), each with its trigger flags. */
static int parse_gtdt(struct acpi_ctx *c, const struct acpi_table *t)
{
	static const char *const names[ACPI_TIMER_COUNT] = {
		"secure EL1 timer", "non-secure EL1 timer", "virtual EL1 timer",
		"non-secure EL2 timer", "virtual EL2 timer"};
	unsigned count = ACPI_TIMER_COUNT - 1;

	if (t->len < GTDT_MIN_LEN) {
		return acpi_fail(c, "GTDT: length %u, expected at least %u", t->len, GTDT_MIN_LEN);
	}
	if (t->rev >= 3) {
		if (t->len < GTDT_REV3_MIN_LEN) {
			return acpi_fail(c,
					 "GTDT: revision %u, length %u, expected at least %u (the "
					 "virtual EL2 timer)",
					 t->rev, t->len, GTDT_REV3_MIN_LEN);
		}
		count = ACPI_TIMER_COUNT;
	}
	for (unsigned i = 0; i < count; i++) {
		const uint8_t *f =
			t->p + (i < ACPI_TIMER_VIRT_EL2 ? GTDT_SEC_EL1 + 8 * i : GTDT_EL2_VIRT);
		struct acpi_timer *tm = &c->ap->timer[i];

		tm->gsiv = acpi_u32(f);
		tm->flags = acpi_u32(f + 4);
		/* 0: not described. ACPI allows it for the secure timer (an OS cannot use it)
		 * and the virtual EL2 timer (FEAT_VHE); hyptap needs the other three. */
		if (!tm->gsiv && (i == ACPI_TIMER_SEC_EL1 || i == ACPI_TIMER_VIRT_EL2)) {
			continue;
		}
		if (tm->gsiv < 16 || tm->gsiv > 31) {
			return acpi_fail(c, "GTDT: %s GSIV %u is not a PPI (16 to 31)", names[i],
					 tm->gsiv);
		}
	}
	return 0;
}

/* The console: a PL011 (or SBSA generic UART, a PL011 subset) or a 16550 in memory space. */
static int parse_spcr(struct acpi_ctx *c, const struct acpi_table *t)
{
	struct acpi_platform *ap = c->ap;
	const uint8_t *gas = t->p + SPCR_GAS;
	unsigned width, access;

	if (t->len < SPCR_MIN_LEN) {
		return acpi_fail(c, "SPCR: length %u, expected at least %u", t->len, SPCR_MIN_LEN);
	}
	width = gas[GAS_BIT_WIDTH];
	access = gas[GAS_ACCESS_SIZE];
	ap->spcr_type = t->p[SPCR_TYPE];
	switch (ap->spcr_type) {
	case SPCR_PL011:
	case SPCR_SBSA_32BIT:
	case SPCR_SBSA_GENERIC:
		ap->uart_kind = UART_PL011;
		break;
	case SPCR_16550:
	case SPCR_16450:
	case SPCR_16550_GAS:
		ap->uart_kind = UART_NS16550;
		break;
	default:
		return acpi_fail(c,
				 "SPCR: interface type 0x%02x is not a UART hyptap drives "
				 "(0x00/0x01/0x12 16550, 0x03 PL011, 0x0d/0x0e SBSA generic UART)",
				 ap->spcr_type);
	}
	if (gas[GAS_SPACE] != GAS_SYSTEM_MEMORY) {
		return acpi_fail(c, "SPCR: base address space %u, expected 0 (system memory)",
				 gas[GAS_SPACE]);
	}
	ap->uart_base = acpi_u64(gas + GAS_ADDRESS);
	if (!ap->uart_base) {
		return acpi_fail(c, "SPCR: base address is 0 (console redirection disabled)");
	}
	if (ap->uart_kind == UART_PL011) {
		/* hyptap's PL011 driver makes 32-bit accesses, which a PL011's registers take
		 * whatever the SPCR says (QEMU 7.2 says byte access, 10.0 dword); a 16- or 64-bit
		 * access size describes some other device. */
		if (access == 2 || access > 3) {
			return acpi_fail(c,
					 "SPCR: access size %u for a PL011, expected 3 (32-bit), "
					 "1 (8-bit) or 0 (not given)",
					 access);
		}
		return 0;
	}
	/* A 16550's registers are one access apart: byte registers, or 32-bit ones 4 apart
	 * (Linux's SPCR code: "mmio32" for a 32-bit register width). */
	if (access == 1 || (access == 0 && width == 8)) {
		ap->uart_reg_shift = 0;
	} else if (access == 3 || (access == 0 && width == 32)) {
		ap->uart_reg_shift = 2;
	} else {
		return acpi_fail(c,
				 "SPCR: 16550 access size %u, register width %u: expected 8-bit "
				 "or 32-bit registers",
				 access, width);
	}
	return 0;
}

int acpi_parse(const struct acpi_mem *mem, uint64_t rsdp_pa, struct acpi_platform *ap, char *err,
	       size_t errlen)
{
	struct acpi_ctx c = {mem, ap, err, errlen};
	struct acpi_table t[T_COUNT] = {0};
	uint64_t xsdt;

	memset(ap, 0, sizeof(*ap));
	if (err && errlen) {
		err[0] = '\0';
	}
	if (parse_rsdp(&c, rsdp_pa, &xsdt) || parse_xsdt(&c, xsdt, t) ||
	    parse_fadt(&c, &t[T_FADT]) || acpi_madt_parse(&c, &t[T_MADT]) ||
	    parse_gtdt(&c, &t[T_GTDT]) || parse_spcr(&c, &t[T_SPCR])) {
		return -1;
	}
	return 0;
}
