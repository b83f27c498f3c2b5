/* SPDX-License-Identifier: MIT */
/*
 * The structural check of a DTB before anything walks it (DTSpec v0.4 chapter 5).
 *
 * libfdt's own fdt_check_full() is not enough on its own in the version Debian 12 ships (1.6.1):
 * a property length that wraps the offset back onto its own tag makes fdt_next_tag() return
 * the same tag forever (fixed upstream in 7359034, "prevent integer overflow in fdt_next_tag"),
 * and a version < 16 blob whose root name has no '/' makes fdt_check_full() dereference NULL
 * (fda71da). This walk bounds every length before it is used and names what is wrong; libfdt's
 * check then runs as a second opinion.
 */
#include <libfdt.h>
#include <string.h>

#include "dtb.h"

/* The blob format hyptap reads: version 17 (DTSpec), readable by a version 17 reader. */
#define DTB_VERSION 17

struct dtb_blocks {
	uint32_t total;
	uint32_t rsv_off;
	uint32_t struct_off, struct_size;
	uint32_t strings_off, strings_size;
};

static uint32_t be32_at(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static uint64_t be64_at(const void *p)
{
	return (uint64_t)be32_at(p) << 32 | be32_at((const uint8_t *)p + 4);
}

static int check_header(struct dtb *d, size_t bufsize, struct dtb_blocks *b)
{
	const struct fdt_header *h = d->fdt;
	uint32_t version, last_comp;

	if ((uintptr_t)d->fdt & 7) {
		return dtb_fail(d, -1, "at 0x%lx, not 8-byte aligned", (unsigned long)d->fdt);
	}
	if (bufsize < sizeof(*h)) {
		return dtb_fail(d, -1, "%lu bytes, shorter than its %lu-byte header",
				(unsigned long)bufsize, (unsigned long)sizeof(*h));
	}
	if (fdt_magic(h) != FDT_MAGIC) {
		return dtb_fail(d, -1, "bad magic 0x%08x (expected 0x%08x)", fdt_magic(h),
				FDT_MAGIC);
	}
	version = fdt_version(h);
	last_comp = fdt_last_comp_version(h);
	if (version < DTB_VERSION || last_comp > DTB_VERSION || last_comp > version) {
		return dtb_fail(d, -1, "version %u (last compatible %u): hyptap reads version %u",
				version, last_comp, DTB_VERSION);
	}
	b->total = fdt_totalsize(h);
	if (b->total > bufsize) {
		return dtb_fail(d, -1, "truncated: totalsize is %u bytes, %lu readable", b->total,
				(unsigned long)bufsize);
	}
	if (b->total < sizeof(*h)) {
		return dtb_fail(d, -1, "totalsize %u is smaller than the header", b->total);
	}
	b->rsv_off = fdt_off_mem_rsvmap(h);
	b->struct_off = fdt_off_dt_struct(h);
	b->struct_size = fdt_size_dt_struct(h);
	b->strings_off = fdt_off_dt_strings(h);
	b->strings_size = fdt_size_dt_strings(h);
	return 0;
}

/* [@off, @off + @size) must lie after the header and inside totalsize, @off @align-aligned. */
static int check_block(struct dtb *d, const struct dtb_blocks *b, const char *what, uint32_t off,
		       uint32_t size, uint32_t align)
{
	if (off < sizeof(struct fdt_header) || off > b->total || size > b->total - off) {
		return dtb_fail(d, -1, "%s at 0x%x, 0x%x bytes, is outside the blob (0x%x bytes)",
				what, off, size, b->total);
	}
	if (off % align || size % align) {
		return dtb_fail(d, -1, "%s at 0x%x, 0x%x bytes, is not %u-byte aligned", what, off,
				size, align);
	}
	return 0;
}

static int check_blocks(struct dtb *d, const struct dtb_blocks *b)
{
	if (check_block(d, b, "structure block", b->struct_off, b->struct_size, 4) ||
	    check_block(d, b, "strings block", b->strings_off, b->strings_size, 1) ||
	    check_block(d, b, "memory reservation block", b->rsv_off, 0, 8)) {
		return -1;
	}
	if (b->struct_off < b->strings_off + b->strings_size &&
	    b->strings_off < b->struct_off + b->struct_size) {
		return dtb_fail(d, -1, "structure block 0x%x+0x%x overlaps strings block 0x%x+0x%x",
				b->struct_off, b->struct_size, b->strings_off, b->strings_size);
	}
	if ((b->rsv_off >= b->struct_off && b->rsv_off - b->struct_off < b->struct_size) ||
	    (b->rsv_off >= b->strings_off && b->rsv_off - b->strings_off < b->strings_size)) {
		return dtb_fail(d, -1, "memory reservation block at 0x%x lies inside another block",
				b->rsv_off);
	}
	return 0;
}

/*
 * The reservation entries run from rsv_off to their (0, 0) terminator, which must come before
 * whichever block follows them (or the end of the blob).
 */
static int check_memrsv(struct dtb *d, const struct dtb_blocks *b)
{
	const uint8_t *blob = d->fdt;
	uint32_t end = b->total;

	if (b->struct_off >= b->rsv_off && b->struct_off < end) {
		end = b->struct_off;
	}
	if (b->strings_off >= b->rsv_off && b->strings_off < end) {
		end = b->strings_off;
	}
	for (uint32_t i = 0; i <= DTB_MAX_MEMRSV; i++) {
		uint32_t off = b->rsv_off + i * 16;

		if (off > end || end - off < 16) {
			return dtb_fail(d, -1,
					"memory reservation block at 0x%x: entry %u runs into 0x%x "
					"(no (0, 0) terminator)",
					b->rsv_off, i, end);
		}
		uint64_t addr = be64_at(blob + off), size = be64_at(blob + off + 8);

		if (!addr && !size) {
			return 0;
		}
		if (size > UINT64_MAX - addr) {
			return dtb_fail(d, -1, "memory reservation %u: 0x%llx + 0x%llx overflows",
					i, (unsigned long long)addr, (unsigned long long)size);
		}
	}
	return dtb_fail(d, -1, "more than %u memory reservations", DTB_MAX_MEMRSV);
}

static int check_prop(struct dtb *d, const struct dtb_blocks *b, const uint8_t *s, uint32_t off,
		      uint32_t *next)
{
	const char *strings = (const char *)d->fdt + b->strings_off;
	uint32_t len, nameoff;

	if (b->struct_size - off < 12) {
		return dtb_fail(d, -1, "property at structure offset 0x%x runs past the block",
				off);
	}
	len = be32_at(s + off + 4);
	nameoff = be32_at(s + off + 8);
	if (len > b->struct_size - off - 12) {
		return dtb_fail(d, -1,
				"property at structure offset 0x%x: length 0x%x runs past the "
				"block (0x%x bytes)",
				off, len, b->struct_size);
	}
	if (nameoff >= b->strings_size ||
	    !memchr(strings + nameoff, 0, b->strings_size - nameoff)) {
		return dtb_fail(
			d, -1,
			"property at structure offset 0x%x: name offset 0x%x is not a string "
			"in the strings block (0x%x bytes)",
			off, nameoff, b->strings_size);
	}
	if (!strings[nameoff]) {
		return dtb_fail(d, -1, "property at structure offset 0x%x has an empty name", off);
	}
	*next = off + 12 + ((len + 3) & ~3u);
	return 0;
}

static int check_node_name(struct dtb *d, const struct dtb_blocks *b, const uint8_t *s,
			   uint32_t off, unsigned depth, uint32_t *next)
{
	const uint8_t *name = s + off + 4;
	const uint8_t *nul = memchr(name, 0, b->struct_size - off - 4);

	if (!nul) {
		return dtb_fail(d, -1, "node name at structure offset 0x%x runs past the block",
				off);
	}
	if (depth == 0 && nul != name) {
		return dtb_fail(d, -1, "root node at structure offset 0x%x has a name", off);
	}
	if (depth > 0 && nul == name) {
		return dtb_fail(d, -1, "node at structure offset 0x%x has an empty name", off);
	}
	if (depth > DTB_MAX_DEPTH) {
		return dtb_fail(d, -1, "nodes nested deeper than %u at structure offset 0x%x",
				DTB_MAX_DEPTH, off);
	}
	*next = (uint32_t)(nul + 1 - s + 3) & ~3u;
	return 0;
}

/* Every token in order: NOPs anywhere, one root node, balanced nesting, then FDT_END. */
static int check_struct(struct dtb *d, const struct dtb_blocks *b)
{
	const uint8_t *s = (const uint8_t *)d->fdt + b->struct_off;
	unsigned depth = 0;
	int roots = 0;
	uint32_t off = 0, next;

	for (;;) {
		if (b->struct_size - off < 4) {
			return dtb_fail(d, -1, "structure block (0x%x bytes) ends without FDT_END",
					b->struct_size);
		}
		uint32_t tag = be32_at(s + off);

		switch (tag) {
		case FDT_BEGIN_NODE:
			if (depth == 0 && roots++) {
				return dtb_fail(d, -1, "second root node at structure offset 0x%x",
						off);
			}
			if (check_node_name(d, b, s, off, depth, &next)) {
				return -1;
			}
			depth++;
			break;
		case FDT_END_NODE:
			if (depth == 0) {
				return dtb_fail(d, -1,
						"FDT_END_NODE outside any node at structure offset "
						"0x%x",
						off);
			}
			depth--;
			next = off + 4;
			break;
		case FDT_PROP:
			if (depth == 0) {
				return dtb_fail(
					d, -1, "property outside any node at structure offset 0x%x",
					off);
			}
			if (check_prop(d, b, s, off, &next)) {
				return -1;
			}
			break;
		case FDT_NOP:
			next = off + 4;
			break;
		case FDT_END:
			if (depth || !roots) {
				return dtb_fail(d, -1, "FDT_END at structure offset 0x%x %s", off,
						depth ? "inside a node" : "before the root node");
			}
			return 0;
		default:
			return dtb_fail(d, -1, "unknown token 0x%08x at structure offset 0x%x", tag,
					off);
		}
		off = next;
	}
}

int dtb_check(struct dtb *d, size_t bufsize)
{
	struct dtb_blocks b = {0};
	int rc;

	if (check_header(d, bufsize, &b) || check_blocks(d, &b) || check_memrsv(d, &b) ||
	    check_struct(d, &b)) {
		return -1;
	}
	rc = fdt_check_full(d->fdt, b.total);
	if (rc) {
		return dtb_fail(d, -1, "libfdt fdt_check_full: %s", fdt_strerror(rc));
	}
	return 0;
}
