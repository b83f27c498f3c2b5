/* SPDX-License-Identifier: MIT */
/*
 * What the EFI memory map means once boot services are gone: which regions hyptap's page arena
 * (platform_ram.c) must never take, and, for a DTB built from ACPI, where the RAM is. Pure code.
 */
#include <stdio.h>

#include "efi_boot.h"

static const struct efi_memory_descriptor *desc(const struct efi_memmap *m, uint64_t i)
{
	return (const void *)((const uint8_t *)m->map + i * m->desc_size);
}

int efi_memmap_check(const struct efi_memmap *m, char *err, size_t errlen)
{
	if (m->desc_size < sizeof(struct efi_memory_descriptor) || m->desc_size % 8 ||
	    m->size % m->desc_size) {
		snprintf(err, errlen,
			 "the memory map has %llu bytes of descriptors %llu bytes each: "
			 "not a memory map",
			 (unsigned long long)m->size, (unsigned long long)m->desc_size);
		return -1;
	}
	for (uint64_t i = 0; i < m->size / m->desc_size; i++) {
		const struct efi_memory_descriptor *d = desc(m, i);

		if (d->number_of_pages > (UINT64_MAX - d->physical_start) / EFI_PAGE_SIZE) {
			snprintf(err, errlen,
				 "memory map entry %llu (0x%llx, %llu pages) wraps around",
				 (unsigned long long)i, (unsigned long long)d->physical_start,
				 (unsigned long long)d->number_of_pages);
			return -1;
		}
	}
	return 0;
}

bool efi_memmap_free(uint32_t type)
{
	switch (type) {
	case EFI_LOADER_CODE:
	case EFI_LOADER_DATA: /* hyptap's own copy and DTB: platform_ram.c avoids both */
	case EFI_BOOT_SERVICES_CODE:
	case EFI_BOOT_SERVICES_DATA:
	case EFI_CONVENTIONAL_MEMORY:
		return true;
	default:
		return false;
	}
}

static bool is_ram(const struct efi_memory_descriptor *d)
{
	if (!(d->attribute & EFI_MEMORY_WB)) {
		return false;
	}
	return efi_memmap_free(d->type) || d->type == EFI_RUNTIME_SERVICES_CODE ||
	       d->type == EFI_RUNTIME_SERVICES_DATA || d->type == EFI_ACPI_RECLAIM_MEMORY ||
	       d->type == EFI_ACPI_NVS_MEMORY;
}

/* Insert @r into the sorted, merged list @out (*@count of @max): touching ranges become one. */
static int add_merged(struct mem_range *out, unsigned *count, unsigned max, struct mem_range r)
{
	unsigned i = 0, j;

	if (!r.size) {
		return 0;
	}
	while (i < *count && mem_range_end(&out[i]) < r.base) {
		i++;
	}
	/* out[i..j) touch or overlap r: fold them into it */
	for (j = i; j < *count && out[j].base <= mem_range_end(&r); j++) {
		uint64_t end = mem_range_end(&out[j]) > mem_range_end(&r) ? mem_range_end(&out[j])
									  : mem_range_end(&r);

		r.base = out[j].base < r.base ? out[j].base : r.base;
		r.size = end - r.base;
	}
	if (j == i) {
		if (*count == max) {
			return -1;
		}
		for (unsigned k = *count; k > i; k--) {
			out[k] = out[k - 1];
		}
		(*count)++;
	} else {
		for (unsigned k = 0; j + k < *count; k++) {
			out[i + 1 + k] = out[j + k];
		}
		*count -= j - i - 1;
	}
	out[i] = r;
	return 0;
}

static int collect(const struct efi_memmap *m, bool ram, struct mem_range *out, unsigned max)
{
	unsigned count = 0;

	for (uint64_t i = 0; i < m->size / m->desc_size; i++) {
		const struct efi_memory_descriptor *d = desc(m, i);
		bool take = ram ? is_ram(d) : !efi_memmap_free(d->type);

		if (take && add_merged(out, &count, max,
				       (struct mem_range){d->physical_start,
							  d->number_of_pages * EFI_PAGE_SIZE})) {
			return -1;
		}
	}
	return (int)count;
}

int efi_memmap_reserved(const struct efi_memmap *m, struct mem_range *out, unsigned max)
{
	return collect(m, false, out, max);
}

int efi_memmap_ram(const struct efi_memmap *m, struct mem_range *out, unsigned max)
{
	return collect(m, true, out, max);
}
