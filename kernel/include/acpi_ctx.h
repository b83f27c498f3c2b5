/* SPDX-License-Identifier: MIT */
/*
 * What the parts of the ACPI parser (kernel/acpi.c, acpi_madt.c) share while one acpi_parse()
 * runs. Private to them.
 */
#ifndef KERNEL_ACPI_CTX_H
#define KERNEL_ACPI_CTX_H

#include <stdint.h>

#include "acpi.h"

/* The common header of every table but the RSDP (ACPI 6.5 table 5.4): 36 bytes. */
#define ACPI_HEADER_LEN 36

/* One acpi_parse() in progress. */
struct acpi_ctx {
	const struct acpi_mem *mem;
	struct acpi_platform *ap;
	char *err;
	size_t errlen;
};

/* A table found through the XSDT, checked whole: its bytes, length and header revision. */
struct acpi_table {
	const uint8_t *p;
	uint32_t len;
	uint8_t rev;
};

/* ACPI is little-endian, and its fields are not aligned (XSDT entries sit at 36 + 8n): every
 * field is read byte by byte, which is also what -mstrict-align needs with the MMU off. */
static inline uint16_t acpi_u16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t acpi_u32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t acpi_u64(const uint8_t *p)
{
	return (uint64_t)acpi_u32(p) | (uint64_t)acpi_u32(p + 4) << 32;
}

/** acpi_fail() - "ACPI " and the printf-formatted reason into the error buffer; returns -1. */
int acpi_fail(struct acpi_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/** acpi_madt_parse() - the GIC and the CPUs from the MADT @t into @c->ap (acpi_madt.c). */
int acpi_madt_parse(struct acpi_ctx *c, const struct acpi_table *t);

#endif
