/* SPDX-License-Identifier: MIT */
/*
 * The DTB hyptap boots with under UEFI: the firmware's (or one built from ACPI) copied into
 * memory the EFI entry owns, with room to add what only the EFI entry knows: the command line
 * from LoadOptions, the firmware interface and version for the TAP header, and the memory the
 * firmware keeps after ExitBootServices as /memreserve/ entries. Pure code (libfdt).
 */
#include <libfdt.h>
#include <stdio.h>

#include "efi_boot.h"

static int fdt_fail(char *err, size_t errlen, const char *what, int rc)
{
	snprintf(err, errlen, "cannot %s in the DTB copy: %s", what, fdt_strerror(rc));
	return -1;
}

int efi_dtb_open(const void *src, void *buf, size_t size, const struct efi_chosen *chosen,
		 char *err, size_t errlen)
{
	int rc = fdt_open_into(src, buf, (int)size), node;

	if (rc) {
		return fdt_fail(err, errlen, "copy the firmware's DTB", rc);
	}
	node = fdt_path_offset(buf, "/chosen");
	if (node == -FDT_ERR_NOTFOUND) {
		node = fdt_add_subnode(buf, 0, "chosen");
	}
	if (node < 0) {
		return fdt_fail(err, errlen, "find or add /chosen", node);
	}
	if (chosen->bootargs && *chosen->bootargs) {
		rc = fdt_setprop_string(buf, node, "bootargs", chosen->bootargs);
		if (rc) {
			return fdt_fail(err, errlen, "set /chosen/bootargs", rc);
		}
	}
	rc = fdt_setprop_string(buf, node, "hyptap,boot", chosen->boot);
	if (!rc) {
		rc = fdt_setprop_string(buf, node, "hyptap,firmware", chosen->firmware);
	}
	return rc ? fdt_fail(err, errlen, "set /chosen/hyptap,boot and hyptap,firmware", rc) : 0;
}

int efi_dtb_reserve(void *fdt, const struct mem_range *r, unsigned count, unsigned *added,
		    char *err, size_t errlen)
{
	int rc;

	for (; *added; (*added)--) {
		rc = fdt_del_mem_rsv(fdt, fdt_num_mem_rsv(fdt) - 1);
		if (rc) {
			return fdt_fail(err, errlen, "drop a /memreserve/ entry", rc);
		}
	}
	if (fdt_num_mem_rsv(fdt) + count > DTB_MAX_MEMRSV) {
		snprintf(err, errlen,
			 "the memory map keeps %u regions from hyptap and the DTB has %d "
			 "/memreserve/ entries: more than the %u hyptap takes",
			 count, fdt_num_mem_rsv(fdt), DTB_MAX_MEMRSV);
		return -1;
	}
	for (unsigned i = 0; i < count; i++) {
		rc = fdt_add_mem_rsv(fdt, r[i].base, r[i].size);
		if (rc) {
			return fdt_fail(err, errlen, "add a /memreserve/ entry", rc);
		}
		(*added)++;
	}
	return 0;
}
