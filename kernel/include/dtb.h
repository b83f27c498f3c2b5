/* SPDX-License-Identifier: MIT */
/*
 * Reading a flattened device tree that may be hostile: a structural check before anything walks
 * it, and property readers that check every length and report what is wrong with which node.
 * Pure code (libfdt and string functions only): built for the image and for the host tests.
 */
#ifndef KERNEL_DTB_H
#define KERNEL_DTB_H

#include <stddef.h>
#include <stdint.h>

/** Deepest node dtb_check() accepts (the root is depth 0); real trees stay well below 10. */
#define DTB_MAX_DEPTH 32

/** Largest DTB the image takes (kernel/main.c checks it before the MMU is on). */
#define DTB_MAX_SIZE (2u << 20)

/** Most /memreserve/ entries dtb_check() accepts before the terminating (0, 0) entry. */
#define DTB_MAX_MEMRSV 64

/**
 * struct dtb - a device tree being read, and where the first error goes.
 * @fdt:    the blob; only dtb_check() may be called before dtb_check() succeeded.
 * @err:    receives a one-line message (printable ASCII only) on the first error.
 * @errlen: size of @err.
 */
struct dtb {
	const void *fdt;
	char *err;
	size_t errlen;
};

/**
 * dtb_fail() - write "DTB <path of @node>: <message>" ("DTB: <message>" when @node < 0) to
 * @d->err, with every byte outside printable ASCII replaced by '?', so a hostile name cannot
 * break the one-line TAP "Bail out!" it ends up in.
 * Return: -1, for "return dtb_fail(...)".
 */
int dtb_fail(struct dtb *d, int node, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/** dtb_path() - @node's full path in @buf ("..." + its name when the path does not fit). */
void dtb_path(const struct dtb *d, int node, char *buf, size_t len);

/**
 * dtb_check() - check the blob's structure before anything walks it: header fields, block
 * bounds and alignment, the memory reservation block, and every token of the structure block
 * (names NUL-terminated inside their block, property lengths inside the block, one root, nesting
 * balanced and at most DTB_MAX_DEPTH deep), then libfdt's fdt_check_full() as a second opinion.
 * @bufsize: bytes readable at @d->fdt; the header's totalsize must not exceed it.
 * Return: 0, or -1 with the message in @d->err.
 */
int dtb_check(struct dtb *d, size_t bufsize);

/** dtb_cell() - big-endian cell @i of a property value whose length the caller checked. */
uint32_t dtb_cell(const void *cells, unsigned i);

/**
 * dtb_prop() - the property @name of @node, which must occur at most once.
 * Return: 1 with @val and @len set, 0 if absent, -1 (message) if it occurs twice.
 */
int dtb_prop(struct dtb *d, int node, const char *name, const void **val, int *len);

/** dtb_prop_namelen() - dtb_prop() for a name given by pointer and length. */
int dtb_prop_namelen(struct dtb *d, int node, const char *name, size_t namelen, const void **val,
		     int *len);

/**
 * dtb_string() - property @name of @node as one string: NUL-terminated, no NUL before the end.
 * Return: 1 with @s set, 0 if absent, -1 (message) if it is not exactly one string.
 */
int dtb_string(struct dtb *d, int node, const char *name, const char **s);

/** dtb_u32() - property @name of @node as one cell. Return: 1, 0 if absent, -1 (message). */
int dtb_u32(struct dtb *d, int node, const char *name, uint32_t *v);

/**
 * dtb_enabled() - whether @node's "status" is absent, "okay" or "ok".
 * Return: 1 enabled, 0 disabled (any other status string), -1 (message) if status is malformed.
 */
int dtb_enabled(struct dtb *d, int node);

/**
 * dtb_unique() - check that no sibling of @node has the same name (two nodes on one path).
 * Return: 0, or -1 (message).
 */
int dtb_unique(struct dtb *d, int node);

/**
 * dtb_reg_count() - number of (address, size) entries in @node's "reg", in its parent's
 * #address-cells (1 or 2) and #size-cells (0 to 2).
 * Return: the count (>= 1), or -1 (message): no reg, empty, not a whole number of entries, or
 * cell counts hyptap does not read.
 */
int dtb_reg_count(struct dtb *d, int node);

/**
 * dtb_reg() - entry @index of @node's "reg" as a CPU physical range: translated through the
 * "ranges" of every bus above it (an empty "ranges" is the identity; a bus without one makes
 * the node unreachable). The range's end (@base + @size) must fit in 64 bits.
 * Return: 0, or -1 (message).
 */
int dtb_reg(struct dtb *d, int node, int index, uint64_t *base, uint64_t *size);

/**
 * dtb_node_by_path() - the node that @path (@len bytes, not NUL-terminated) names: a full path
 * ("/pl011@9000000") or the name of an /aliases property holding one ("serial0"). The alias is
 * resolved here, never by libfdt's recursive lookup (libfdt 1.6.1 loops on circular aliases).
 * Return: the node offset, or -1 (message naming @what, e.g. "/chosen stdout-path").
 */
int dtb_node_by_path(struct dtb *d, const char *path, size_t len, const char *what);

#endif
