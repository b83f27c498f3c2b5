/* SPDX-License-Identifier: MIT */
/*
 * Checked property readers over a DTB that passed dtb_check() (see dtb.h). Every length is
 * checked before a value is read, every cell count before it is used, and every failure names
 * the node and the property.
 */
#include <libfdt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "dtb.h"

/* Room for a node path in a message; longer paths are shortened by dtb_path(). */
#define DTB_PATH_MAX 96

int dtb_fail(struct dtb *d, int node, const char *fmt, ...)
{
	char path[DTB_PATH_MAX];
	va_list ap;
	int n;

	if (!d->err || !d->errlen) {
		return -1;
	}
	if (node >= 0) {
		dtb_path(d, node, path, sizeof(path));
		n = snprintf(d->err, d->errlen, "DTB %s: ", path);
	} else {
		n = snprintf(d->err, d->errlen, "DTB: ");
	}
	if (n >= 0 && (size_t)n < d->errlen) {
		va_start(ap, fmt);
		vsnprintf(d->err + n, d->errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	for (char *p = d->err; *p; p++) {
		if (*p < 0x20 || *p > 0x7e) {
			*p = '?';
		}
	}
	return -1;
}

void dtb_path(const struct dtb *d, int node, char *buf, size_t len)
{
	const char *name;

	if (!fdt_get_path(d->fdt, node, buf, (int)len)) {
		return;
	}
	name = fdt_get_name(d->fdt, node, NULL);
	snprintf(buf, len, ".../%s", name ? name : "?");
}

int dtb_prop_namelen(struct dtb *d, int node, const char *name, size_t namelen, const void **val,
		     int *len)
{
	int off, found = 0;

	fdt_for_each_property_offset(off, d->fdt, node)
	{
		const char *pname;
		int plen;
		const void *v = fdt_getprop_by_offset(d->fdt, off, &pname, &plen);

		if (!v || strlen(pname) != namelen || memcmp(pname, name, namelen)) {
			continue;
		}
		if (found) {
			return dtb_fail(d, node, "property %.*s appears twice", (int)namelen, name);
		}
		found = 1;
		*val = v;
		*len = plen;
	}
	return found;
}

int dtb_prop(struct dtb *d, int node, const char *name, const void **val, int *len)
{
	return dtb_prop_namelen(d, node, name, strlen(name), val, len);
}

/* @v (@len bytes) is property @name of @node: it must be exactly one NUL-terminated string. */
static int check_string(struct dtb *d, int node, const char *name, size_t namelen, const char *v,
			int len)
{
	const char *nul = len > 0 ? memchr(v, 0, (size_t)len) : NULL;

	if (!nul) {
		return dtb_fail(d, node, "%.*s is not a NUL-terminated string (%d bytes)",
				(int)namelen, name, len);
	}
	if (nul != v + len - 1) {
		return dtb_fail(d, node, "%.*s has a NUL at byte %d of %d: not one string",
				(int)namelen, name, (int)(nul - v), len);
	}
	return 0;
}

int dtb_string(struct dtb *d, int node, const char *name, const char **s)
{
	const void *v;
	int len, rc = dtb_prop(d, node, name, &v, &len);

	if (rc <= 0) {
		return rc;
	}
	if (check_string(d, node, name, strlen(name), v, len)) {
		return -1;
	}
	*s = v;
	return 1;
}

static uint64_t read_cells(const uint8_t *p, uint32_t cells)
{
	uint64_t v = 0;

	for (uint32_t i = 0; i < cells * 4; i++) {
		v = v << 8 | p[i];
	}
	return v;
}

uint32_t dtb_cell(const void *cells, unsigned i)
{
	return (uint32_t)read_cells((const uint8_t *)cells + 4 * i, 1);
}

int dtb_u32(struct dtb *d, int node, const char *name, uint32_t *v)
{
	const void *p;
	int len, rc = dtb_prop(d, node, name, &p, &len);

	if (rc <= 0) {
		return rc;
	}
	if (len != 4) {
		return dtb_fail(d, node, "%s has %d bytes, expected one 32-bit cell", name, len);
	}
	*v = (uint32_t)read_cells(p, 1);
	return 1;
}

int dtb_enabled(struct dtb *d, int node)
{
	const char *status;
	int rc = dtb_string(d, node, "status", &status);

	if (rc <= 0) {
		return rc < 0 ? -1 : 1;
	}
	return !strcmp(status, "okay") || !strcmp(status, "ok");
}

int dtb_unique(struct dtb *d, int node)
{
	int parent = fdt_parent_offset(d->fdt, node);
	int len, slen, sib;
	const char *name = fdt_get_name(d->fdt, node, &len);

	if (parent < 0 || !name) {
		return 0; /* the root, which dtb_check() found alone */
	}
	fdt_for_each_subnode(sib, d->fdt, parent)
	{
		const char *s = fdt_get_name(d->fdt, sib, &slen);

		if (sib != node && s && slen == len && !memcmp(s, name, (size_t)len)) {
			return dtb_fail(d, node, "two nodes have this path");
		}
	}
	return 0;
}

/*
 * @bus's #address-cells and #size-cells, which apply to its children's reg and to its own
 * ranges; absent, they are 2 and 1 (DTSpec 2.3.5). hyptap reads addresses of one or two cells.
 */
static int bus_cells(struct dtb *d, int bus, uint32_t *ac, uint32_t *sc)
{
	*ac = 2;
	*sc = 1;
	if (dtb_u32(d, bus, "#address-cells", ac) < 0 || dtb_u32(d, bus, "#size-cells", sc) < 0) {
		return -1;
	}
	if (*ac < 1 || *ac > 2) {
		return dtb_fail(d, bus, "#address-cells is %u, hyptap reads 1 or 2", *ac);
	}
	if (*sc > 2) {
		return dtb_fail(d, bus, "#size-cells is %u, hyptap reads 0 to 2", *sc);
	}
	return 0;
}

struct dtb_reg_layout {
	int parent;
	uint32_t ac, sc;
	const uint8_t *reg;
	int count;
};

static int reg_layout(struct dtb *d, int node, struct dtb_reg_layout *l)
{
	char path[DTB_PATH_MAX];
	const void *reg;
	int len, rc;
	uint32_t entry;

	l->parent = fdt_parent_offset(d->fdt, node);
	if (l->parent < 0) {
		return dtb_fail(d, node, "reg in the root node");
	}
	if (bus_cells(d, l->parent, &l->ac, &l->sc)) {
		return -1;
	}
	rc = dtb_prop(d, node, "reg", &reg, &len);
	if (rc <= 0) {
		return rc < 0 ? -1 : dtb_fail(d, node, "no reg property");
	}
	entry = (l->ac + l->sc) * 4;
	if (len == 0 || len % (int)entry) {
		dtb_path(d, l->parent, path, sizeof(path));
		return dtb_fail(d, node,
				"reg has %d bytes, not a whole number of %u-byte entries "
				"(#address-cells %u, #size-cells %u in %s)",
				len, entry, l->ac, l->sc, path);
	}
	l->reg = reg;
	l->count = len / (int)entry;
	return 0;
}

int dtb_reg_count(struct dtb *d, int node)
{
	struct dtb_reg_layout l;

	return reg_layout(d, node, &l) ? -1 : l.count;
}

/* One "ranges" entry: child bus address, parent bus address, length. */
static bool range_translate(const uint8_t *e, uint32_t cac, uint32_t pac, uint32_t csc,
			    uint64_t *addr, uint64_t size, bool *overflow)
{
	uint64_t child = read_cells(e, cac);
	uint64_t parent = read_cells(e + cac * 4, pac);
	uint64_t len = read_cells(e + (cac + pac) * 4, csc);
	uint64_t off;

	if (*addr < child || *addr - child >= len || size > len - (*addr - child)) {
		return false;
	}
	off = *addr - child;
	*overflow = off + size > UINT64_MAX - parent;
	if (!*overflow) {
		*addr = parent + off;
	}
	return true;
}

/*
 * Translate @addr (of @size bytes, @node's reg in @bus's address space) up to the root through
 * each bus's "ranges" (DTSpec 2.3.8). The nesting is at most DTB_MAX_DEPTH deep.
 */
static int translate(struct dtb *d, int node, int bus, uint64_t *addr, uint64_t size)
{
	char path[DTB_PATH_MAX];

	while (bus > 0) {
		int up = fdt_parent_offset(d->fdt, bus);
		uint32_t cac, csc, pac, psc, entry;
		const void *ranges;
		bool found = false, overflow = false;
		int len, rc = dtb_prop(d, bus, "ranges", &ranges, &len);

		if (rc < 0) {
			return -1;
		}
		if (!rc) {
			dtb_path(d, bus, path, sizeof(path));
			return dtb_fail(d, node, "not reachable from the CPU: %s has no ranges",
					path);
		}
		if (len > 0) {
			if (up < 0 || bus_cells(d, bus, &cac, &csc) ||
			    bus_cells(d, up, &pac, &psc)) {
				return -1;
			}
			entry = (cac + pac + csc) * 4;
			if (!csc || len % (int)entry) {
				return dtb_fail(
					d, bus,
					"ranges has %d bytes, not a whole number of %u-byte "
					"entries with a size",
					len, entry);
			}
			for (int i = 0; i < len / (int)entry && !found; i++) {
				found = range_translate((const uint8_t *)ranges + i * entry, cac,
							pac, csc, addr, size, &overflow);
			}
			if (!found || overflow) {
				dtb_path(d, bus, path, sizeof(path));
				return dtb_fail(d, node, "reg 0x%llx+0x%llx is %s the ranges of %s",
						(unsigned long long)*addr, (unsigned long long)size,
						found ? "translated past 64 bits by" : "outside",
						path);
			}
		}
		bus = up;
	}
	return 0;
}

int dtb_reg(struct dtb *d, int node, int index, uint64_t *base, uint64_t *size)
{
	struct dtb_reg_layout l;
	const uint8_t *e;

	if (reg_layout(d, node, &l)) {
		return -1;
	}
	if (index >= l.count) {
		return dtb_fail(d, node, "reg has %d entr%s, entry %d is needed", l.count,
				l.count == 1 ? "y" : "ies", index);
	}
	e = l.reg + (size_t)index * (l.ac + l.sc) * 4;
	*base = read_cells(e, l.ac);
	*size = read_cells(e + l.ac * 4, l.sc);
	if (*size > UINT64_MAX - *base) {
		return dtb_fail(d, node, "reg entry %d 0x%llx+0x%llx overflows 64 bits", index,
				(unsigned long long)*base, (unsigned long long)*size);
	}
	return translate(d, node, l.parent, base, *size);
}

/* Replace alias @path (@len bytes, no '/') by the full path its /aliases property holds. */
static int resolve_alias(struct dtb *d, const char **path, size_t *len, const char *what)
{
	int aliases = fdt_path_offset(d->fdt, "/aliases");
	const void *v;
	int vlen, rc = 0;

	if (memchr(*path, '/', *len)) {
		return dtb_fail(d, -1, "%s \"%.*s\": an alias with a sub-path is not supported",
				what, (int)*len, *path);
	}
	if (aliases >= 0) {
		rc = dtb_unique(d, aliases) ? -1
					    : dtb_prop_namelen(d, aliases, *path, *len, &v, &vlen);
	}
	if (rc <= 0) {
		return rc < 0 ? -1
			      : dtb_fail(d, -1, "%s \"%.*s\" is neither a path nor an alias", what,
					 (int)*len, *path);
	}
	if (check_string(d, aliases, *path, *len, v, vlen)) {
		return -1;
	}
	if (((const char *)v)[0] != '/') {
		return dtb_fail(d, aliases, "%.*s is \"%s\", not a full path", (int)*len, *path,
				(const char *)v);
	}
	*path = v;
	*len = (size_t)vlen - 1;
	return 0;
}

int dtb_node_by_path(struct dtb *d, const char *path, size_t len, const char *what)
{
	int node;

	if (!len) {
		return dtb_fail(d, -1, "%s is empty", what);
	}
	if (path[0] != '/' && resolve_alias(d, &path, &len, what)) {
		return -1;
	}
	node = fdt_path_offset_namelen(d->fdt, path, (int)len);
	if (node < 0) {
		return dtb_fail(d, -1, "%s \"%.*s\" names no node", what, (int)len, path);
	}
	return dtb_unique(d, node) ? -1 : node;
}
