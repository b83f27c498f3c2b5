/* SPDX-License-Identifier: MIT */
/*
 * The DTB-to-platform decision: memory, console UART, GIC, architected timer PPIs, PSCI conduit,
 * bootargs and the free RAM for the page arena. Pure code over a DTB that may be hostile (see
 * docs/design-notes.md, "What the DTB parser accepts"): it never touches hardware, and every
 * failure is one line naming the node and what is wrong. Nothing in hyptap hard-codes a board
 * address except the early console used when there is no usable DTB at all.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "dtb.h"
#include "platform.h"

/* Smallest frames hyptap's GIC code touches (IHI 0069 12.1: GICD 64 KiB, one redistributor
 * 2 x 64 KiB; IHI 0048 4.1: GICD 4 KiB; a Cortex-A9 CPU interface is only 256 bytes). */
#define GICV3_GICD_MIN 0x10000u
#define GICV3_GICR_MIN 0x20000u
#define GICV2_GICD_MIN 0x1000u
#define GICV2_GICC_MIN 0x100u

#define PATH_MAX_LEN 96
/* The UART, and the GICD with up to PLATFORM_MAX_GICR GICRs (v3) or one GICC (v2). */
#define MAX_DEVICES (2 + PLATFORM_MAX_GICR)

/* A device range already accepted, for the overlap checks and their messages. */
struct device {
	const char *what;
	int node;
	struct mem_range r;
};

struct parse {
	struct dtb d;
	struct platform *p;
	const struct platform_boot *boot;
	struct mem_range dtb_range;
	int mem_node[PLATFORM_MAX_MEM];
	struct device dev[MAX_DEVICES];
	unsigned dev_count;
};

/* The one enabled node compatible with any of @compat; -1 (no error) when there is none. */
static int find_one(struct parse *ps, const char *const *compat, size_t n, const char *what,
		    int *found)
{
	char first[PATH_MAX_LEN];
	int node;

	*found = -1;
	for (node = fdt_next_node(ps->d.fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(ps->d.fdt, node, NULL)) {
		size_t i = 0;
		int en;

		while (i < n && fdt_node_check_compatible(ps->d.fdt, node, compat[i])) {
			i++;
		}
		if (i == n) {
			continue;
		}
		en = dtb_enabled(&ps->d, node);
		if (en < 0) {
			return -1;
		}
		if (!en) {
			continue;
		}
		if (*found >= 0) {
			dtb_path(&ps->d, *found, first, sizeof(first));
			return dtb_fail(&ps->d, node, "a second %s (the first is %s)", what, first);
		}
		*found = node;
	}
	return 0;
}

static int check_pa(struct parse *ps, int node, const char *what, const struct mem_range *r)
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

static int copy_model(struct parse *ps)
{
	const char *model = "";
	size_t i;

	if (dtb_string(&ps->d, 0, "model", &model) < 0) {
		return -1;
	}
	for (i = 0; model[i] && i < sizeof(ps->p->model) - 1; i++) {
		ps->p->model[i] = model[i] >= 0x20 && model[i] <= 0x7e ? model[i] : '?';
	}
	ps->p->model[i] = '\0';
	return 0;
}

/* /chosen: bootargs (one string, kept in place) and stdout-path without its ":options". */
static int parse_chosen(struct parse *ps, const char **stdout_path, size_t *len)
{
	int chosen = fdt_path_offset(ps->d.fdt, "/chosen");
	int rc;

	*stdout_path = NULL;
	if (chosen < 0) {
		return 0;
	}
	if (dtb_unique(&ps->d, chosen) ||
	    dtb_string(&ps->d, chosen, "bootargs", &ps->p->bootargs) < 0) {
		return -1;
	}
	rc = dtb_string(&ps->d, chosen, "stdout-path", stdout_path);
	if (rc > 0) {
		const char *colon = strchr(*stdout_path, ':');

		*len = colon ? (size_t)(colon - *stdout_path) : strlen(*stdout_path);
	}
	return rc < 0 ? -1 : 0;
}

static int add_memory(struct parse *ps, int node, const struct mem_range *r)
{
	struct platform *p = ps->p;
	char other[PATH_MAX_LEN];

	if (check_pa(ps, node, "RAM", r)) {
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
static int parse_memory(struct parse *ps)
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
static int ram_overlapping(const struct platform *p, const struct mem_range *r)
{
	for (unsigned i = 0; i < p->mem_count; i++) {
		if (mem_range_overlaps(r, &p->mem[i])) {
			return (int)i;
		}
	}
	return -1;
}

/* Entry @index of @node's reg as device @what: non-empty, reachable, outside RAM, the DTB and
 * every device accepted so far. */
static int add_device(struct parse *ps, int node, int index, const char *what, struct mem_range *r)
{
	char other[PATH_MAX_LEN];
	int ram;

	if (dtb_reg(&ps->d, node, index, &r->base, &r->size)) {
		return -1;
	}
	if (!r->size) {
		return dtb_fail(&ps->d, node, "%s (reg entry %d) has size 0", what, index);
	}
	if (check_pa(ps, node, what, r)) {
		return -1;
	}
	ram = ram_overlapping(ps->p, r);
	if (ram >= 0) {
		dtb_path(&ps->d, ps->mem_node[ram], other, sizeof(other));
		return dtb_fail(&ps->d, node, "%s 0x%llx+0x%llx lies in RAM (%s)", what,
				(unsigned long long)r->base, (unsigned long long)r->size, other);
	}
	if (mem_range_overlaps(r, &ps->dtb_range)) {
		return dtb_fail(&ps->d, node, "%s 0x%llx+0x%llx overlaps the DTB itself", what,
				(unsigned long long)r->base, (unsigned long long)r->size);
	}
	for (unsigned i = 0; i < ps->dev_count; i++) {
		if (mem_range_overlaps(r, &ps->dev[i].r)) {
			dtb_path(&ps->d, ps->dev[i].node, other, sizeof(other));
			return dtb_fail(&ps->d, node, "%s 0x%llx+0x%llx overlaps the %s of %s",
					what, (unsigned long long)r->base,
					(unsigned long long)r->size, ps->dev[i].what, other);
		}
	}
	ps->dev[ps->dev_count++] = (struct device){what, node, *r};
	return 0;
}

static const char *const uart_pl011[] = {"arm,pl011"};
static const char *const uart_16550[] = {"ns16550a", "ns16550"};

static int uart_from_node(struct parse *ps, int node)
{
	struct platform *p = ps->p;
	enum uart_kind kind = UART_NONE;
	uint32_t shift = 0;
	struct mem_range r;
	int en;

	if (!fdt_node_check_compatible(ps->d.fdt, node, uart_pl011[0])) {
		kind = UART_PL011;
	} else if (!fdt_node_check_compatible(ps->d.fdt, node, uart_16550[0]) ||
		   !fdt_node_check_compatible(ps->d.fdt, node, uart_16550[1])) {
		kind = UART_NS16550;
	} else {
		return dtb_fail(&ps->d, node,
				"the console is not a UART hyptap drives (arm,pl011, "
				"ns16550a or ns16550)");
	}
	en = dtb_enabled(&ps->d, node);
	if (en <= 0) {
		return en < 0 ? -1
			      : dtb_fail(&ps->d, node, "the console UART is disabled (status)");
	}
	if (add_device(ps, node, 0, "UART", &r)) {
		return -1;
	}
	if (kind == UART_NS16550) {
		if (dtb_u32(&ps->d, node, "reg-shift", &shift) < 0) {
			return -1;
		}
		if (shift > 3) {
			return dtb_fail(&ps->d, node, "reg-shift is %u, expected 0 to 3", shift);
		}
	}
	p->uart = r;
	p->uart_reg_shift = shift;
	p->uart_kind = kind;
	return 0;
}

/* The console is /chosen/stdout-path when there is one, else the first enabled PL011, else the
 * first enabled 16550. */
static int parse_uart(struct parse *ps, const char *stdout_path, size_t len)
{
	static const struct {
		const char *const *compat;
		size_t n;
	} kinds[] = {{uart_pl011, 1}, {uart_16550, 2}};

	if (stdout_path) {
		int node = dtb_node_by_path(&ps->d, stdout_path, len, "/chosen stdout-path");

		return node < 0 ? -1 : uart_from_node(ps, node);
	}
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		for (size_t i = 0; i < kinds[k].n; i++) {
			int node = fdt_node_offset_by_compatible(ps->d.fdt, -1, kinds[k].compat[i]);

			for (; node >= 0; node = fdt_node_offset_by_compatible(
						  ps->d.fdt, node, kinds[k].compat[i])) {
				int en = dtb_enabled(&ps->d, node);

				if (en) {
					return en < 0 ? -1 : uart_from_node(ps, node);
				}
			}
		}
	}
	return dtb_fail(&ps->d, -1,
			"no usable UART (an enabled arm,pl011, ns16550a or ns16550 "
			"node)");
}

static const char *const gic_compat[] = {"arm,gic-v3", "arm,cortex-a15-gic", "arm,gic-400",
					 "arm,cortex-a9-gic"};

static int gic_frame(struct parse *ps, int node, int index, const char *what, uint32_t min,
		     struct mem_range *r)
{
	if (add_device(ps, node, index, what, r)) {
		return -1;
	}
	if (r->size < min) {
		return dtb_fail(&ps->d, node,
				"%s (reg entry %d) is 0x%llx bytes, at least 0x%x "
				"needed",
				what, index, (unsigned long long)r->size, min);
	}
	return 0;
}

static int parse_gic(struct parse *ps)
{
	struct platform *p = ps->p;
	uint32_t icells = 3, regions = 1;
	int node, count;

	if (find_one(ps, gic_compat, sizeof(gic_compat) / sizeof(gic_compat[0]), "GIC", &node)) {
		return -1;
	}
	if (node < 0) {
		return dtb_fail(&ps->d, -1,
				"no GIC (an enabled arm,gic-v3, arm,cortex-a15-gic, "
				"arm,gic-400 or arm,cortex-a9-gic node)");
	}
	if (dtb_u32(&ps->d, node, "#interrupt-cells", &icells) < 0) {
		return -1;
	}
	if (icells != 3) {
		return dtb_fail(&ps->d, node,
				"#interrupt-cells is %u, hyptap reads 3-cell GIC "
				"interrupt specifiers",
				icells);
	}
	count = dtb_reg_count(&ps->d, node);
	if (count < 0) {
		return -1;
	}
	if (fdt_node_check_compatible(ps->d.fdt, node, "arm,gic-v3")) {
		if (count < 2) {
			return dtb_fail(&ps->d, node,
					"reg has %d entry, GICv2 needs 2 (GICD, GICC)", count);
		}
		p->gic_version = 2;
		return gic_frame(ps, node, 0, "GICD", GICV2_GICD_MIN, &p->gicd) ||
				       gic_frame(ps, node, 1, "GICC", GICV2_GICC_MIN, &p->gicc)
			       ? -1
			       : 0;
	}
	if (dtb_u32(&ps->d, node, "#redistributor-regions", &regions) < 0) {
		return -1;
	}
	if (regions < 1 || regions > PLATFORM_MAX_GICR) {
		return dtb_fail(&ps->d, node, "#redistributor-regions is %u, hyptap reads 1 to %u",
				regions, PLATFORM_MAX_GICR);
	}
	if ((unsigned)count < 1 + regions) {
		return dtb_fail(&ps->d, node,
				"reg has %d entr%s, GICv3 with %u redistributor "
				"region%s needs %u",
				count, count == 1 ? "y" : "ies", regions, regions == 1 ? "" : "s",
				1 + regions);
	}
	p->gic_version = 3;
	if (gic_frame(ps, node, 0, "GICD", GICV3_GICD_MIN, &p->gicd)) {
		return -1;
	}
	for (unsigned i = 0; i < regions; i++) {
		if (gic_frame(ps, node, 1 + (int)i, "GICR", GICV3_GICR_MIN, &p->gicr[i])) {
			return -1;
		}
		p->gicr_count++;
	}
	return 0;
}

/*
 * The "interrupts" of arm,armv8-timer are, in order: secure physical, non-secure physical,
 * virtual, hypervisor physical, and optionally hypervisor virtual; each a GIC specifier
 * <type number flags> with type 1 = PPI (binding arm,arch_timer). Without a timer node the
 * SBSA-recommended INTIDs are assumed.
 */
static int parse_timer(struct parse *ps)
{
	static const char *const compat[] = {"arm,armv8-timer"};
	static const char *const names[] = {"secure physical", "non-secure physical", "virtual",
					    "hypervisor physical"};
	static const unsigned sbsa[] = {29, 30, 27, 26};
	struct platform *p = ps->p;
	unsigned *out[] = {&p->timer_intid_sec_phys, &p->timer_intid_phys, &p->timer_intid_virt,
			   &p->timer_intid_hyp};
	const void *irq;
	int node, len, rc;

	if (find_one(ps, compat, 1, "arm,armv8-timer", &node)) {
		return -1;
	}
	if (node < 0) {
		for (unsigned i = 0; i < 4; i++) {
			*out[i] = sbsa[i];
		}
		return 0;
	}
	rc = dtb_prop(&ps->d, node, "interrupts", &irq, &len);
	if (rc <= 0) {
		return rc < 0 ? -1 : dtb_fail(&ps->d, node, "no interrupts");
	}
	if (len != 4 * 12 && len != 5 * 12) {
		return dtb_fail(&ps->d, node,
				"interrupts has %d bytes, expected 4 or 5 GIC "
				"specifiers of 3 cells (48 or 60 bytes)",
				len);
	}
	for (unsigned i = 0; i < 4; i++) {
		uint32_t type = dtb_cell(irq, 3 * i), ppi = dtb_cell(irq, 3 * i + 1);

		if (type != 1 || ppi > 15) {
			return dtb_fail(&ps->d, node,
					"interrupt %u (%s timer) <%u %u 0x%x> is not "
					"a PPI (<1 0..15 flags>)",
					i, names[i], type, ppi, dtb_cell(irq, 3 * i + 2));
		}
		*out[i] = 16 + ppi;
	}
	return 0;
}

static int parse_psci(struct parse *ps)
{
	static const char *const compat[] = {"arm,psci-1.0", "arm,psci-0.2", "arm,psci"};
	const char *method;
	int node, rc;

	ps->p->psci = PSCI_NONE;
	if (find_one(ps, compat, 3, "PSCI node", &node)) {
		return -1;
	}
	if (node < 0) {
		return 0;
	}
	rc = dtb_string(&ps->d, node, "method", &method);
	if (rc <= 0) {
		return rc < 0 ? -1 : dtb_fail(&ps->d, node, "no method (smc or hvc)");
	}
	if (!strcmp(method, "smc")) {
		ps->p->psci = PSCI_SMC;
	} else if (!strcmp(method, "hvc")) {
		ps->p->psci = PSCI_HVC;
	} else {
		return dtb_fail(&ps->d, node, "method is \"%s\", expected smc or hvc", method);
	}
	return 0;
}

/* The image must lie in one RAM range; the DTB in one, or outside RAM, and not on the image. */
static int check_image_and_dtb(struct parse *ps, int *image_ram)
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
	ram = ram_overlapping(p, dtb);
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
static int add_hole(struct parse *ps, struct holes *h, int node, const char *what,
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
static int collect_reservations(struct parse *ps, struct holes *h, const struct mem_range *ram)
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

static int parse_arena(struct parse *ps, int image_ram)
{
	const struct mem_range *ram = &ps->p->mem[image_ram];
	struct holes h = {.count = 0};
	char path[PATH_MAX_LEN];

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

int platform_parse(struct platform *p, const struct platform_boot *boot, char *err, size_t errlen)
{
	struct parse ps = {.d = {boot->dtb, err, errlen}, .p = p, .boot = boot};
	const char *stdout_path;
	size_t stdout_len = 0;
	int image_ram;

	memset(p, 0, sizeof(*p));
	p->dtb = boot->dtb;
	p->dtb_size = boot->dtb_size;
	if (err && errlen) {
		err[0] = '\0';
	}
	if (dtb_check(&ps.d, boot->dtb_size)) {
		return -1;
	}
	ps.dtb_range = (struct mem_range){boot->dtb_pa, fdt_totalsize(boot->dtb)};
	if (ps.dtb_range.size > UINT64_MAX - ps.dtb_range.base) {
		return dtb_fail(&ps.d, -1, "at 0x%llx, its 0x%llx bytes overflow 64 bits",
				(unsigned long long)ps.dtb_range.base,
				(unsigned long long)ps.dtb_range.size);
	}
	if (copy_model(&ps) || parse_chosen(&ps, &stdout_path, &stdout_len) || parse_memory(&ps) ||
	    parse_uart(&ps, stdout_path, stdout_len) || parse_gic(&ps) || parse_timer(&ps) ||
	    parse_psci(&ps) || check_image_and_dtb(&ps, &image_ram) ||
	    parse_arena(&ps, image_ram)) {
		return -1;
	}
	return 0;
}
