/* SPDX-License-Identifier: MIT */
/*
 * The platform description among the EFI configuration tables: the DTB, else ACPI. Each
 * pointer and the DTB's header are checked before anything is built from them. Pure code.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "efi_boot.h"

static const efi_guid_t dtb_guid = EFI_DTB_TABLE_GUID, acpi_guid = EFI_ACPI_20_TABLE_GUID;

int efi_tables_find(const struct efi_config_table *t, uint64_t count, const void **dtb,
		    const void **rsdp, char *err, size_t errlen)
{
	*dtb = *rsdp = NULL;
	if (count && !t) {
		snprintf(err, errlen,
			 "the system table lists %llu configuration tables at address 0",
			 (unsigned long long)count);
		return -1;
	}
	for (uint64_t i = 0; i < count; i++) {
		bool is_dtb = !memcmp(&t[i].guid, &dtb_guid, sizeof(dtb_guid));

		if (!is_dtb && memcmp(&t[i].guid, &acpi_guid, sizeof(acpi_guid))) {
			continue;
		}
		if (!t[i].table) {
			snprintf(err, errlen, "the %s configuration table points to address 0",
				 is_dtb ? "DTB" : "ACPI 2.0 RSDP");
			return -1;
		}
		*(is_dtb ? dtb : rsdp) = t[i].table;
	}
	if (*dtb) {
		*rsdp = NULL;
		return 0;
	}
	if (!*rsdp) {
		snprintf(err, errlen,
			 "the firmware gives neither a DTB (configuration table "
			 "b1b621d5-f19c-41a5-830b-d9152c69aae0) nor ACPI tables "
			 "(8868e871-e4f1-11d3-bc22-0080c73c8881)");
		return -1;
	}
	return 0;
}

int efi_tables_check_dtb(const void *dtb, size_t room, char *err, size_t errlen)
{
	uint32_t size;
	int rc;

	if (fdt_magic(dtb) != FDT_MAGIC) {
		snprintf(err, errlen, "the firmware's DTB at %p has magic 0x%08x, not 0x%08x", dtb,
			 fdt_magic(dtb), FDT_MAGIC);
		return -1;
	}
	size = fdt_totalsize(dtb);
	if (size > DTB_MAX_SIZE - room) {
		snprintf(err, errlen,
			 "the firmware's DTB is %u bytes: hyptap takes %u at most, with %zu for "
			 "/chosen and the reservations",
			 size, DTB_MAX_SIZE, room);
		return -1;
	}
	rc = fdt_check_header(dtb);
	if (rc) {
		snprintf(err, errlen, "the firmware's DTB has a bad header: %s", fdt_strerror(rc));
		return -1;
	}
	return 0;
}
