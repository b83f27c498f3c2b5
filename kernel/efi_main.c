/* SPDX-License-Identifier: MIT */
/*
 * hyptap as a UEFI application (docs/design-notes.md, "The EFI entry"): from the firmware's
 * tables to the DTB a booti would have handed over, then out of UEFI into the normal boot path.
 * Until ExitBootServices every failure is a ConOut message and an EFI status for the loader;
 * after it, nothing but the normal path.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "acpi_fdt.h"
#include "efi_boot.h"
#include "efi_entry.h"
#include "mmu.h"

/* The DTB acpi_fdt_build() gets to build in (a server's MADT with 64 GICCs fits in 32 KiB). */
#define ACPI_FDT_SIZE (64u << 10)
/* Room on top of the DTB for /chosen: the properties' names, values and node overhead. */
#define CHOSEN_ROOM 1024u

static efi_status_t fail(struct efi_system_table *st, efi_status_t status, const char *why)
{
	efi_console_print(st, "cannot boot: %s", why);
	return status;
}

/* FirmwareVendor (UCS-2, non-ASCII as '?') and FirmwareRevision, e.g. "EDK II 0x00010000". */
static void firmware_name(const struct efi_system_table *st, char *out, size_t len)
{
	size_t n = 0;

	for (const efi_char16_t *v = st->firmware_vendor; v && *v && n + 1 < len && n < 64; v++) {
		out[n++] = *v >= 0x20 && *v <= 0x7e ? (char)*v : '?';
	}
	snprintf(out + n, len - n, "%s0x%08x", n ? " " : "", st->firmware_revision);
}

static int bootargs(efi_handle_t image, struct efi_boot_services *bs, char *out, size_t len,
		    char *err, size_t errlen)
{
	static const efi_guid_t guid = EFI_LOADED_IMAGE_PROTOCOL_GUID;
	struct efi_loaded_image *li = NULL;
	efi_status_t st = bs->handle_protocol(image, &guid, (void **)&li);

	if (st != EFI_SUCCESS || !li) {
		snprintf(err, errlen, "no EFI_LOADED_IMAGE_PROTOCOL on the image (status 0x%llx)",
			 (unsigned long long)st);
		return -1;
	}
	return efi_cmdline_ascii(li->load_options, li->load_options_size, out, len, err, errlen);
}

/* The DTB to copy: the firmware's, checked, or one built from ACPI in @buf. */
static int platform_dtb(struct efi_boot_services *bs, struct efi_map_buf *mb, const void *dtb,
			const void *rsdp, void *buf, char *err, size_t errlen)
{
	struct mem_range ram[PLATFORM_MAX_MEM];
	struct efi_memmap m = {NULL, 0, 0};
	uint64_t key;
	int count;

	if (dtb) {
		return 0;
	}
	if (efi_exit_map(bs, mb, &m.size, &key, &m.desc_size, err, errlen)) {
		return -1;
	}
	m.map = mb->buf;
	if (efi_memmap_check(&m, err, errlen)) {
		return -1;
	}
	count = efi_memmap_ram(&m, ram, PLATFORM_MAX_MEM);
	if (count <= 0) {
		snprintf(err, errlen, "the memory map has %s RAM ranges (hyptap takes %u)",
			 count ? "more" : "no", PLATFORM_MAX_MEM);
		return -1;
	}
	return acpi_fdt_build(rsdp, ram, (unsigned)count, buf, ACPI_FDT_SIZE, err, errlen);
}

efi_status_t efi_main(efi_handle_t image, struct efi_system_table *st)
{
	char err[256], args[EFI_BOOTARGS_MAX + 1], firmware[96];
	struct efi_map_buf mb = {NULL, 0};
	struct efi_boot_services *bs;
	const void *dtb, *rsdp;
	uintptr_t dest;
	uint64_t addr;
	size_t room, size;

	if (!st || st->hdr.signature != EFI_SYSTEM_TABLE_SIGNATURE || !st->boot_services) {
		return EFI_INVALID_PARAMETER; /* no console to say so on */
	}
	bs = st->boot_services;
	/* first: the copy the normal path runs from (efi_image.c says why) */
	if (efi_image_place(bs, &dest, err, sizeof(err))) {
		return fail(st, EFI_OUT_OF_RESOURCES, err);
	}
	if (bootargs(image, bs, args, sizeof(args), err, sizeof(err))) {
		return fail(st, EFI_INVALID_PARAMETER, err);
	}
	if (efi_tables_find(st->configuration_table, st->number_of_table_entries, &dtb, &rsdp, err,
			    sizeof(err))) {
		return fail(st, EFI_NOT_FOUND, err);
	}
	room = strlen(args) + 1 + CHOSEN_ROOM + DTB_MAX_MEMRSV * sizeof(struct fdt_reserve_entry);
	if (dtb && efi_tables_check_dtb(dtb, room, err, sizeof(err))) {
		return fail(st, EFI_UNSUPPORTED, err);
	}
	size = ((dtb ? fdt_totalsize(dtb) : ACPI_FDT_SIZE) + room + 7) & ~(size_t)7;
	if (bs->allocate_pages(EFI_ALLOCATE_ANY_PAGES, EFI_LOADER_DATA,
			       (size + EFI_PAGE_SIZE - 1) / EFI_PAGE_SIZE, &addr) != EFI_SUCCESS) {
		return fail(st, EFI_OUT_OF_RESOURCES, "AllocatePages for the DTB copy failed");
	}
	if (platform_dtb(bs, &mb, dtb, rsdp, (void *)addr, err, sizeof(err))) {
		return fail(st, EFI_UNSUPPORTED, err);
	}
	firmware_name(st, firmware, sizeof(firmware));
	const struct efi_chosen chosen = {args, dtb ? "uefi-dt" : "uefi-acpi", firmware};

	if (efi_dtb_open(dtb ? dtb : (void *)addr, (void *)addr, size, &chosen, err, sizeof(err))) {
		return fail(st, EFI_UNSUPPORTED, err);
	}
	if (efi_exit_boot_services(image, bs, &mb, (void *)addr, err, sizeof(err))) {
		/* ConOut may be gone after a failed attempt; it is the only way to say why */
		return fail(st, EFI_LOAD_ERROR, err);
	}
	efi_enter_image((void *)addr, dest, (size_t)(__image_end - __image_start), size);
}
