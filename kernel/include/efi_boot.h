/* SPDX-License-Identifier: MIT */
/*
 * The pure pieces of the EFI entry (kernel/efi_main.c runs them against the firmware; the host
 * unit tests run them against fake tables): bootargs from LoadOptions, the platform from the
 * configuration table, the reservations from the memory map, and the DTB hyptap boots with.
 */
#ifndef EFI_BOOT_H
#define EFI_BOOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dtb.h"
#include "efi.h"
#include "platform.h"

/** Longest bootargs taken from LoadOptions, NUL excluded (a board's command line fits). */
#define EFI_BOOTARGS_MAX 4095

/**
 * efi_cmdline_ascii() - the bootargs in @opts, LoadOptions as UEFI loaders pass them (UCS-2,
 * @size bytes, up to a NUL or the end), as ASCII in @out (@outlen bytes, NUL terminated).
 * Tabs and line ends become spaces; any other character outside printable ASCII is refused,
 * as is an odd @size (binary load options, not a command line).
 *
 * Return: 0, or -1 with @err saying which character at which position.
 */
int efi_cmdline_ascii(const void *opts, uint32_t size, char *out, size_t outlen, char *err,
		      size_t errlen);

/**
 * efi_tables_find() - the platform description among the @count configuration tables @t: the
 * DTB if there is one (it is preferred), else the ACPI 2.0+ RSDP. A table whose pointer is 0,
 * or neither table, is an error.
 *
 * Return: 0 with *@dtb or *@rsdp set (the other NULL), or -1 with @err set.
 */
int efi_tables_find(const struct efi_config_table *t, uint64_t count, const void **dtb,
		    const void **rsdp, char *err, size_t errlen);

/**
 * efi_tables_check_dtb() - @dtb is a flattened device tree hyptap can take: its magic, a
 * header libfdt accepts, and a size that leaves @room bytes below DTB_MAX_SIZE.
 *
 * Return: 0, or -1 with @err set.
 */
int efi_tables_check_dtb(const void *dtb, size_t room, char *err, size_t errlen);

/** A memory map as GetMemoryMap() returns it: @size bytes of descriptors @desc_size apart. */
struct efi_memmap {
	const void *map;
	uint64_t size;
	uint64_t desc_size;
};

/** efi_memmap_check() - @m is well formed: descriptor size, count, no range wrapping. */
int efi_memmap_check(const struct efi_memmap *m, char *err, size_t errlen);

/** efi_memmap_free() - memory of @type is free RAM once boot services are gone. */
bool efi_memmap_free(uint32_t type);

/**
 * efi_memmap_reserved() - every region of @m that is not free RAM after ExitBootServices
 * (runtime services, ACPI, MMIO, reserved, unusable, persistent, ...), sorted and with
 * touching regions merged, in @out (@max entries).
 *
 * Return: the count, or -1 if more than @max.
 */
int efi_memmap_reserved(const struct efi_memmap *m, struct mem_range *out, unsigned max);

/**
 * efi_memmap_ram() - the RAM of @m (write-back cacheable regions of the types an OS may use or
 * must keep: free RAM, runtime services, ACPI), merged, in @out (@max entries): the /memory of
 * a DTB built from ACPI.
 *
 * Return: the count, or -1 if more than @max.
 */
int efi_memmap_ram(const struct efi_memmap *m, struct mem_range *out, unsigned max);

/** What the EFI entry writes to /chosen (kernel/platform.c reads hyptap,boot and ,firmware). */
struct efi_chosen {
	const char *bootargs; /* NULL or "": the DTB's own bootargs stay */
	const char *boot;     /* "uefi-dt" or "uefi-acpi" */
	const char *firmware; /* FirmwareVendor and FirmwareRevision */
};

/**
 * efi_dtb_open() - a copy of @src in @buf (@size bytes), the free space at its end, with
 * @chosen's properties in /chosen (created if missing). @src may be @buf (a DTB built there).
 *
 * Return: 0, or -1 with @err set.
 */
int efi_dtb_open(const void *src, void *buf, size_t size, const struct efi_chosen *chosen,
		 char *err, size_t errlen);

/**
 * efi_dtb_reserve() - replace the @added /memreserve/ entries a previous call appended to
 * @fdt by the @count ranges @r (the memory map changes between ExitBootServices attempts).
 * The DTB keeps at most DTB_MAX_MEMRSV entries (dtb_check() refuses more). Allocates and
 * prints nothing: it runs between GetMemoryMap and ExitBootServices.
 *
 * Return: 0 with *@added = @count, or -1 with @err set.
 */
int efi_dtb_reserve(void *fdt, const struct mem_range *r, unsigned count, unsigned *added,
		    char *err, size_t errlen);

#endif
