/* SPDX-License-Identifier: MIT */
/*
 * The image's own place under UEFI. A PE loader puts it on 4 KiB pages anywhere; hyptap wants
 * what booti gives (a 2 MiB aligned base, booting.rst) and its .bss and stack after the file.
 * It is always copied, even when the loader's pages happen to be aligned: the copy is taken
 * before the EFI entry runs any code that could write .data (newlib's state, for instance), so
 * the normal path starts from the file's contents whatever the EFI entry did after.
 */
#include <stdio.h>
#include <string.h>

#include "efi_entry.h"
#include "mmu.h"

extern char __image_file_end[]; /* kernel/hyptap.lds: the end of the file's bytes */

#define IMAGE_ALIGN (2ull << 20)

static uint64_t pages(uint64_t bytes)
{
	return (bytes + EFI_PAGE_SIZE - 1) / EFI_PAGE_SIZE;
}

int efi_image_place(struct efi_boot_services *bs, uintptr_t *dest, char *err, size_t errlen)
{
	uint64_t size = (uint64_t)(__image_end - __image_start);
	uint64_t file = (uint64_t)(__image_file_end - __image_start);
	uint64_t total = pages(size + IMAGE_ALIGN - EFI_PAGE_SIZE), base, aligned;
	efi_status_t st = bs->allocate_pages(EFI_ALLOCATE_ANY_PAGES, EFI_LOADER_DATA, total, &base);

	if (st != EFI_SUCCESS) {
		snprintf(err, errlen,
			 "AllocatePages for the image's 2 MiB aligned copy (%llu KiB) failed: "
			 "status 0x%llx",
			 (unsigned long long)(total * EFI_PAGE_SIZE >> 10), (unsigned long long)st);
		return -1;
	}
	aligned = (base + IMAGE_ALIGN - 1) & ~(IMAGE_ALIGN - 1);
	/* give back the pages before and after the aligned copy */
	if (aligned > base) {
		bs->free_pages(base, (aligned - base) / EFI_PAGE_SIZE);
	}
	if (base + total * EFI_PAGE_SIZE > aligned + pages(size) * EFI_PAGE_SIZE) {
		bs->free_pages(aligned + pages(size) * EFI_PAGE_SIZE,
			       (base + total * EFI_PAGE_SIZE - aligned) / EFI_PAGE_SIZE -
				       pages(size));
	}
	memcpy((void *)aligned, __image_start, file);
	*dest = (uintptr_t)aligned;
	return 0;
}
