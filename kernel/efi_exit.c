/* SPDX-License-Identifier: MIT */
/*
 * Leaving boot services. ExitBootServices wants the key of the current memory map, and the
 * map changes with any allocation or event the firmware handles meanwhile: a stale key is
 * EFI_INVALID_PARAMETER, and the answer is a new map and another attempt (UEFI 2.10, 7.4).
 * The DTB's /memreserve/ entries are made from the map each attempt hands over, so they are
 * the map the firmware leaves behind.
 */
#include <stdio.h>

#include "efi_boot.h"
#include "efi_entry.h"

/* The spec expects one retry; a firmware that keeps changing its map gets a few more. */
#define EXIT_ATTEMPTS 8
/* Slack in the map buffer for the descriptors its own allocation and later events add. */
#define MAP_SLACK_DESCS 32

int efi_exit_map(struct efi_boot_services *bs, struct efi_map_buf *mb, uint64_t *size,
		 uint64_t *key, uint64_t *desc_size, char *err, size_t errlen)
{
	uint32_t version;
	efi_status_t st;

	if (!mb->buf) {
		uint64_t need = 0, pages, addr;

		st = bs->get_memory_map(&need, NULL, key, desc_size, &version);
		if (st != EFI_BUFFER_TOO_SMALL || !need ||
		    *desc_size < sizeof(struct efi_memory_descriptor)) {
			snprintf(err, errlen,
				 "GetMemoryMap gives no size (status 0x%llx, %llu bytes, "
				 "descriptors "
				 "of %llu)",
				 (unsigned long long)st, (unsigned long long)need,
				 (unsigned long long)*desc_size);
			return -1;
		}
		pages = (need + MAP_SLACK_DESCS * *desc_size + EFI_PAGE_SIZE - 1) / EFI_PAGE_SIZE;
		st = bs->allocate_pages(EFI_ALLOCATE_ANY_PAGES, EFI_LOADER_DATA, pages, &addr);
		if (st != EFI_SUCCESS) {
			snprintf(err, errlen,
				 "AllocatePages for the memory map failed: status 0x%llx",
				 (unsigned long long)st);
			return -1;
		}
		mb->buf = (void *)addr;
		mb->capacity = pages * EFI_PAGE_SIZE;
	}
	*size = mb->capacity;
	st = bs->get_memory_map(size, mb->buf, key, desc_size, &version);
	if (st != EFI_SUCCESS) {
		snprintf(err, errlen, "GetMemoryMap failed: status 0x%llx (%llu bytes of %llu)",
			 (unsigned long long)st, (unsigned long long)*size,
			 (unsigned long long)mb->capacity);
		return -1;
	}
	return 0;
}

int efi_exit_boot_services(efi_handle_t image, struct efi_boot_services *bs, struct efi_map_buf *mb,
			   void *fdt, char *err, size_t errlen)
{
	struct mem_range res[DTB_MAX_MEMRSV];
	unsigned added = 0;
	efi_status_t st = EFI_SUCCESS;

	for (int attempt = 0; attempt < EXIT_ATTEMPTS; attempt++) {
		struct efi_memmap m = {NULL, 0, 0};
		uint64_t key;
		int count;

		if (efi_exit_map(bs, mb, &m.size, &key, &m.desc_size, err, errlen)) {
			return -1;
		}
		m.map = mb->buf; /* allocated by the first call */
		if (efi_memmap_check(&m, err, errlen)) {
			return -1;
		}
		count = efi_memmap_reserved(&m, res, DTB_MAX_MEMRSV);
		if (count < 0) {
			snprintf(err, errlen,
				 "the memory map keeps more than %u separate regions from hyptap",
				 DTB_MAX_MEMRSV);
			return -1;
		}
		if (efi_dtb_reserve(fdt, res, (unsigned)count, &added, err, errlen)) {
			return -1;
		}
		st = bs->exit_boot_services(image, key);
		if (st == EFI_SUCCESS) {
			return 0;
		}
		if (st != EFI_INVALID_PARAMETER) {
			break;
		}
	}
	snprintf(err, errlen, "ExitBootServices failed: status 0x%llx%s", (unsigned long long)st,
		 st == EFI_INVALID_PARAMETER ? " (a stale memory map key, every attempt)" : "");
	return -1;
}
