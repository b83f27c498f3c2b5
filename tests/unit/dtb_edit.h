/*
 * Host-test helpers for DTB cases: load the QEMU virt fixtures (tests/dtb/), edit copies with
 * libfdt's read-write API, splice byte ranges of the structure block, and parse the result with
 * platform_parse() as the image would (image at QEMU's -kernel address, DTB where QEMU puts it).
 * Header-only, for platform_test.c and dtb_fuzz_test.c. A helper that cannot do what a test
 * asked (a libfdt error while editing) ends the program: the test itself is broken.
 */
#ifndef HYPTAP_DTB_EDIT_H
#define HYPTAP_DTB_EDIT_H

#include <libfdt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"

#ifndef TEST_DTB_DIR
#define TEST_DTB_DIR "tests/dtb"
#endif

/* Where QEMU's -kernel boot puts the image (2 MiB above RAM) and its DTB (128 MiB above RAM,
 * hw/arm/boot.c), and the image size the tests assume. */
#define EDIT_IMAGE_BASE 0x40200000ull
#define EDIT_IMAGE_SIZE 0x200000ull
#define EDIT_DTB_PA	0x48000000ull
#define EDIT_PA_BITS	48
/* Room a fixture gets for edits that grow it. */
#define EDIT_ROOM 4096

static inline void __attribute__((noreturn, format(printf, 1, 2))) edit_die(const char *fmt, ...)
{
	va_list ap;

	printf("Bail out! ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	exit(1);
}

/* Fixture @name (e.g. "qemu-7.2-gicv3.dtb") opened into an 8-aligned buffer with EDIT_ROOM. */
static inline void *edit_load(const char *name)
{
	char path[512];
	static char raw[1 << 16];
	FILE *f;
	size_t n;
	void *fdt;
	int rc;

	snprintf(path, sizeof(path), "%s/%s", TEST_DTB_DIR, name);
	f = fopen(path, "rb");
	if (!f) {
		edit_die("cannot open fixture %s", path);
	}
	n = fread(raw, 1, sizeof(raw), f);
	fclose(f);
	fdt = aligned_alloc(8, (n + EDIT_ROOM + 7) & ~(size_t)7);
	if (!fdt) {
		edit_die("out of memory");
	}
	rc = fdt_open_into(raw, fdt, (int)(n + EDIT_ROOM));
	if (rc) {
		edit_die("fixture %s: fdt_open_into: %s", path, fdt_strerror(rc));
	}
	return fdt;
}

static inline int edit_node(void *fdt, const char *path)
{
	int node = fdt_path_offset(fdt, path);

	if (node < 0) {
		edit_die("edit: no node %s: %s", path, fdt_strerror(node));
	}
	return node;
}

static inline void edit_check(int rc, const char *what, const char *path, const char *prop)
{
	if (rc) {
		edit_die("edit: %s %s %s: %s", what, path, prop ? prop : "", fdt_strerror(rc));
	}
}

/* Set @prop of @path to @len raw bytes. */
static inline void edit_raw(void *fdt, const char *path, const char *prop, const void *val, int len)
{
	edit_check(fdt_setprop(fdt, edit_node(fdt, path), prop, val, len), "setprop", path, prop);
}

/* Set @prop of @path to @n big-endian cells (the variadic arguments, as unsigned). */
static inline void edit_cells(void *fdt, const char *path, const char *prop, int n, ...)
{
	fdt32_t cells[32];
	va_list ap;

	va_start(ap, n);
	for (int i = 0; i < n && i < 32; i++) {
		cells[i] = cpu_to_fdt32(va_arg(ap, unsigned));
	}
	va_end(ap);
	edit_raw(fdt, path, prop, cells, n * 4);
}

static inline void edit_str(void *fdt, const char *path, const char *prop, const char *s)
{
	edit_raw(fdt, path, prop, s, (int)strlen(s) + 1);
}

static inline void edit_del(void *fdt, const char *path, const char *prop)
{
	edit_check(fdt_delprop(fdt, edit_node(fdt, path), prop), "delprop", path, prop);
}

static inline void edit_delnode(void *fdt, const char *path)
{
	edit_check(fdt_del_node(fdt, edit_node(fdt, path)), "del_node", path, NULL);
}

static inline void edit_addnode(void *fdt, const char *parent, const char *name)
{
	int rc = fdt_add_subnode(fdt, edit_node(fdt, parent), name);

	edit_check(rc < 0 ? rc : 0, "add_subnode", parent, name);
}

/* Offset (in the structure block) just past the node at @node and everything inside it. */
static inline int edit_node_end(const void *fdt, int node)
{
	int depth = 0, off = node, next;

	for (;;) {
		uint32_t tag = fdt_next_tag(fdt, off, &next);

		if (tag == FDT_BEGIN_NODE) {
			depth++;
		} else if (tag == FDT_END_NODE && --depth == 0) {
			return next;
		} else if (tag == FDT_END || next < 0) {
			edit_die("edit: node at 0x%x does not end", node);
		}
		off = next;
	}
}

/*
 * Insert @len bytes at structure offset @at (from @src, which may point into the blob itself),
 * or remove -@len bytes at @at when @len < 0; the header's sizes and the offsets of the blocks
 * after the structure block follow. The caller keeps the blob's buffer large enough.
 */
static inline void edit_splice(void *fdt, int at, const void *src, int len)
{
	uint8_t *s = (uint8_t *)fdt + fdt_off_dt_struct(fdt);
	uint32_t tail = fdt_totalsize(fdt) - fdt_off_dt_struct(fdt) - (uint32_t)at;
	uint8_t copy[1 << 16];

	if (len > 0) {
		memcpy(copy, src, (size_t)len);
		memmove(s + at + len, s + at, tail);
		memcpy(s + at, copy, (size_t)len);
	} else {
		memmove(s + at, s + at - len, tail + (uint32_t)len);
	}
	fdt_set_size_dt_struct(fdt, fdt_size_dt_struct(fdt) + (uint32_t)len);
	if (fdt_off_dt_strings(fdt) > fdt_off_dt_struct(fdt)) {
		fdt_set_off_dt_strings(fdt, fdt_off_dt_strings(fdt) + (uint32_t)len);
	}
	fdt_set_totalsize(fdt, fdt_totalsize(fdt) + (uint32_t)len);
}

/* Duplicate the node at @path (and its subtree) right after itself: two nodes, one path. */
static inline void edit_dupnode(void *fdt, const char *path)
{
	int node = edit_node(fdt, path), end = edit_node_end(fdt, node);

	fdt_pack(fdt);
	edit_splice(fdt, end, (uint8_t *)fdt + fdt_off_dt_struct(fdt) + node, end - node);
}

/* Duplicate property @prop of @path right after itself. */
static inline void edit_dupprop(void *fdt, const char *path, const char *prop)
{
	int node = edit_node(fdt, path), off, next;

	fdt_for_each_property_offset(off, fdt, node)
	{
		const char *name;

		fdt_getprop_by_offset(fdt, off, &name, NULL);
		if (!strcmp(name, prop)) {
			fdt_next_tag(fdt, off, &next);
			fdt_pack(fdt);
			edit_splice(fdt, next, (uint8_t *)fdt + fdt_off_dt_struct(fdt) + off,
				    next - off);
			return;
		}
	}
	edit_die("edit: no property %s in %s", prop, path);
}

/* platform_parse() over @fdt (@size readable bytes) as the image would see it at @dtb_pa. */
static inline int edit_parse_at(const void *fdt, size_t size, uint64_t dtb_pa, struct platform *p,
				char *err, size_t errlen)
{
	const struct platform_boot boot = {
		.dtb = fdt,
		.dtb_size = size,
		.dtb_pa = dtb_pa,
		.image = {EDIT_IMAGE_BASE, EDIT_IMAGE_SIZE},
		.pa_bits = EDIT_PA_BITS,
	};

	return platform_parse(p, &boot, err, errlen);
}

#endif /* HYPTAP_DTB_EDIT_H */
