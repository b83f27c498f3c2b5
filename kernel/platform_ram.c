/* SPDX-License-Identifier: MIT */
/*
 * The RAM side of the DTB-to-platform decision (see platform.c): memory nodes, where the image
 * and the DTB lie in them, the reservations (/memreserve/, /reserved-memory), and the free RAM
 * the page arena gets.
 */
#include <libfdt.h>
#include <string.h>

#include "dtb.h"
#include "platform.h"
#include "platform_ctx.h"

int platform_ram_check_pa(struct platform_ctx *ps, int node, const char *what,
			  const struct mem_range *r)
{
	unsigned bits = ps->boot->pa_bits;

	if (bits < 64 && mem_range_end(r) > (1ull << bits)) {
		return dtb_fail(&ps->d, node,
				"%s 0x%llx+0x%llx is beyond the %u-bit physical "
				"address space",
				what, (unsigned long long)r->base, (unsigned long long)r->size,
				bits);
	}
	return 0;
}

static int add_memory(struct platform_ctx *ps, int node, const struct mem_range *r)
{
	struct platform *p = ps->p;
	char other[PLATFORM_PATH_MAX];

	if (platform_ram_check_pa(ps, node, "RAM", r)) {
		return -1;
	}
	for (unsigned i = 0; i < p->mem_count; i++) {
		if (mem_range_overlaps(r, &p->mem[i])) {
			dtb_path(&ps->d, ps->mem_node[i], other, sizeof(other));
			return dtb_fail(&ps->d, node,
					"RAM 0x%llx+0x%llx overlaps RAM 0x%llx+0x%llx of %s",
					(unsigned long long)r->base, (unsigned long long)r->size,
					(unsigned long long)p->mem[i].base,
					(unsigned long long)p->mem[i].size, other);
		}
	}
	if (p->mem_count == PLATFORM_MAX_MEM) {
		return dtb_fail(&ps->d, node, "more than %u RAM ranges in the DTB",
				PLATFORM_MAX_MEM);
	}
	ps->mem_node[p->mem_count] = node;
	p->mem[p->mem_count++] = *r;
	return 0;
}

/*
 * Every enabled child of the root with device_type = "memory" (DTSpec 3.4; several are fine).
 * A zero-size entry describes no RAM and is skipped, as Linux does.
 */
int platform_ram_parse(struct platform_ctx *ps)
{
	int node;

	fdt_for_each_subnode(node, ps->d.fdt, 0)
	{
		const char *type;
		int rc = dtb_string(&ps->d, node, "device_type", &type);
		int en, count;

		if (rc < 0) {
			return -1;
		}
		if (!rc || strcmp(type, "memory")) {
			continue;
		}
		en = dtb_enabled(&ps->d, node);
		if (en <= 0) {
			if (en < 0) {
				return -1;
			}
			continue;
		}
		count = dtb_unique(&ps->d, node) ? -1 : dtb_reg_count(&ps->d, node);
		if (count < 0) {
			return -1;
		}
		for (int i = 0; i < count; i++) {
			struct mem_range r;

			if (dtb_reg(&ps->d, node, i, &r.base, &r.size)) {
				return -1;
			}
			if (r.size && add_memory(ps, node, &r)) {
				return -1;
			}
		}
	}
	if (!ps->p->mem_count) {
		return dtb_fail(&ps->d, -1,
				"no RAM (no enabled device_type = \"memory\" node with "
				"a non-zero reg)");
	}
	return 0;
}

/* The RAM range that overlaps @r, or -1. */
int platform_ram_overlapping(const struct platform *p, const struct mem_range *r)
{
	for (unsigned i = 0; i < p->mem_count; i++) {
		if (mem_range_overlaps(r, &p->mem[i])) {
			return (int)i;
		}
	}
	return -1;
}

/* The image must lie in one RAM range; the DTB in one, or outside RAM, and not on the image. */
static int check_image_and_dtb(struct platform_ctx *ps, int *image_ram)
{
	const struct platform *p = ps->p;
	const struct mem_range *img = &ps->boot->image, *dtb = &ps->dtb_range;
	int ram;

	*image_ram = -1;
	for (unsigned i = 0; i < p->mem_count; i++) {
		if (mem_range_contains(&p->mem[i], img)) {
			*image_ram = (int)i;
		}
	}
	if (*image_ram < 0) {
		return dtb_fail(&ps->d, -1,
				"the image 0x%llx+0x%llx is not inside the RAM the DTB "
				"describes",
				(unsigned long long)img->base, (unsigned long long)img->size);
	}
	if (mem_range_overlaps(dtb, img)) {
		return dtb_fail(&ps->d, -1,
				"the DTB 0x%llx+0x%llx overlaps the image 0x%llx+0x%llx",
				(unsigned long long)dtb->base, (unsigned long long)dtb->size,
				(unsigned long long)img->base, (unsigned long long)img->size);
	}
	ram = platform_ram_overlapping(p, dtb);
	if (ram >= 0 && !mem_range_contains(&p->mem[ram], dtb)) {
		return dtb_fail(&ps->d, ps->mem_node[ram],
				"the DTB 0x%llx+0x%llx runs past the end "
				"of this RAM",
				(unsigned long long)dtb->base, (unsigned long long)dtb->size);
	}
	return 0;
}

struct holes {
	struct mem_range r[PLATFORM_MAX_RESERVED + 2];
	unsigned count;
};

/* Note reservation @r (if it falls in @ram): it must not overlap the image. */
static int add_hole(struct platform_ctx *ps, struct holes *h, int node, const char *what,
		    const struct mem_range *r, const struct mem_range *ram)
{
	if (!r->size || !mem_range_overlaps(r, ram)) {
		return 0;
	}
	if (mem_range_overlaps(r, &ps->boot->image)) {
		return dtb_fail(&ps->d, node, "%s 0x%llx+0x%llx overlaps the image 0x%llx+0x%llx",
				what, (unsigned long long)r->base, (unsigned long long)r->size,
				(unsigned long long)ps->boot->image.base,
				(unsigned long long)ps->boot->image.size);
	}
	if (h->count == sizeof(h->r) / sizeof(h->r[0])) {
		return dtb_fail(&ps->d, node, "more than %u reserved regions in the image's RAM",
				PLATFORM_MAX_RESERVED);
	}
	h->r[h->count++] = *r;
	return 0;
}

/* /memreserve/ entries and the static (reg) children of /reserved-memory. */
static int collect_reservations(struct platform_ctx *ps, struct holes *h,
				const struct mem_range *ram)
{
	int n = fdt_num_mem_rsv(ps->d.fdt), rmem, node;

	for (int i = 0; i < n; i++) {
		struct mem_range r;

		fdt_get_mem_rsv(ps->d.fdt, i, &r.base, &r.size);
		if (add_hole(ps, h, -1, "/memreserve/ entry", &r, ram)) {
			return -1;
		}
	}
	rmem = fdt_path_offset(ps->d.fdt, "/reserved-memory");
	if (rmem < 0) {
		return 0;
	}
	if (dtb_unique(&ps->d, rmem)) {
		return -1;
	}
	fdt_for_each_subnode(node, ps->d.fdt, rmem)
	{
		const void *reg;
		int len, count, en = dtb_enabled(&ps->d, node);
		int rc = en > 0 ? dtb_prop(&ps->d, node, "reg", &reg, &len) : en;

		if (rc < 0) {
			return -1;
		}
		if (!rc) {
			continue; /* disabled, or a dynamic (size) reservation for an OS to place */
		}
		count = dtb_reg_count(&ps->d, node);
		if (count < 0) {
			return -1;
		}
		for (int i = 0; i < count; i++) {
			struct mem_range r;

			if (dtb_reg(&ps->d, node, i, &r.base, &r.size) ||
			    add_hole(ps, h, node, "reserved memory", &r, ram)) {
				return -1;
			}
		}
	}
	return 0;
}

/* The largest piece of @ram outside @h, its start aligned up to PLATFORM_ARENA_ALIGN and its
 * end down to a page. */
static struct mem_range largest_free(const struct mem_range *ram, struct holes *h)
{
	struct mem_range best = {0, 0};
	uint64_t cursor = ram->base;

	for (unsigned i = 1; i < h->count; i++) { /* insertion sort by base */
		for (unsigned j = i; j > 0 && h->r[j].base < h->r[j - 1].base; j--) {
			struct mem_range t = h->r[j];

			h->r[j] = h->r[j - 1];
			h->r[j - 1] = t;
		}
	}
	for (unsigned i = 0; i <= h->count; i++) {
		uint64_t end = i < h->count ? h->r[i].base : mem_range_end(ram);
		uint64_t start =
			(cursor + PLATFORM_ARENA_ALIGN - 1) & ~(uint64_t)(PLATFORM_ARENA_ALIGN - 1);

		if (end > mem_range_end(ram)) {
			end = mem_range_end(ram);
		}
		end &= ~0xfffull;
		if (end > start && end - start > best.size) {
			best = (struct mem_range){start, end - start};
		}
		if (i < h->count && mem_range_end(&h->r[i]) > cursor) {
			cursor = mem_range_end(&h->r[i]);
		}
	}
	return best;
}

static int parse_arena(struct platform_ctx *ps, int image_ram)
{
	const struct mem_range *ram = &ps->p->mem[image_ram];
	struct holes h = {.count = 0};
	char path[PLATFORM_PATH_MAX];

	h.r[h.count++] = ps->boot->image;
	if (mem_range_overlaps(&ps->dtb_range, ram)) {
		h.r[h.count++] = ps->dtb_range;
	}
	if (collect_reservations(ps, &h, ram)) {
		return -1;
	}
	ps->p->arena = largest_free(ram, &h);
	if (ps->p->arena.size < PLATFORM_ARENA_MIN) {
		dtb_path(&ps->d, ps->mem_node[image_ram], path, sizeof(path));
		return dtb_fail(&ps->d, -1,
				"no room for the page arena: the largest free piece of "
				"%s is 0x%llx bytes, %u MiB needed",
				path, (unsigned long long)ps->p->arena.size,
				PLATFORM_ARENA_MIN >> 20);
	}
	return 0;
}

int platform_ram_layout(struct platform_ctx *ps)
{
	int image_ram;

	return check_image_and_dtb(ps, &image_ram) || parse_arena(ps, image_ram) ? -1 : 0;
}
