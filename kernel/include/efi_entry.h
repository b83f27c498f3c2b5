/* SPDX-License-Identifier: MIT */
/*
 * The EFI entry's firmware side (kernel/efi_*.c): what runs against a live UEFI, from efi_entry
 * (kernel/efi_entry.S) to efi_enter_image(). The pure pieces are in efi_boot.h.
 */
#ifndef EFI_ENTRY_H
#define EFI_ENTRY_H

#include <stddef.h>
#include <stdint.h>

#include "efi.h"

/** efi_main() - the UEFI application: boot hyptap, or return why not (printed on ConOut). */
efi_status_t efi_main(efi_handle_t image, struct efi_system_table *st);

/** efi_console_print() - one message on ConOut ("hyptap: " and a line end added). */
void efi_console_print(struct efi_system_table *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/**
 * efi_image_place() - copy the image, as loaded, to 2 MiB aligned pages of its own with room
 * for .bss and the stack, at *@dest. Called before anything else in C, so the copy holds only
 * what the file holds (with relocations for this address, which the normal path redoes).
 */
int efi_image_place(struct efi_boot_services *bs, uintptr_t *dest, char *err, size_t errlen);

/** Room for the memory map across ExitBootServices attempts (they cannot allocate). */
struct efi_map_buf {
	void *buf;
	uint64_t capacity;
};

/** efi_exit_map() - the memory map now into @mb, allocated here on the first call. */
int efi_exit_map(struct efi_boot_services *bs, struct efi_map_buf *mb, uint64_t *size,
		 uint64_t *key, uint64_t *desc_size, char *err, size_t errlen);

/**
 * efi_exit_boot_services() - leave boot services: the memory map, the DTB's reservations
 * made from it (efi_dtb_reserve()), ExitBootServices with its key; again with a fresh map
 * while the firmware says the key is stale (EFI_INVALID_PARAMETER), a bounded number of times.
 */
int efi_exit_boot_services(efi_handle_t image, struct efi_boot_services *bs, struct efi_map_buf *mb,
			   void *fdt, char *err, size_t errlen);

/** efi_enter_image() - from UEFI's 1:1 map into the normal boot path (kernel/efi_entry.S). */
void __attribute__((noreturn))
efi_enter_image(void *dtb, uintptr_t image, size_t image_size, size_t dtb_size);

#endif
