/* SPDX-License-Identifier: MIT */
/*
 * The DTB-to-platform decision: console UART, GIC, architected timer PPIs, PSCI conduit and
 * bootargs here; memory and the page arena in platform_ram.c; the CPUs in platform_cpus.c. Pure
 * code over a DTB that may be hostile (docs/design-notes.md, "What the DTB parser accepts"): it
 * never touches hardware, and every failure is one line naming the node and what is wrong. Nothing
 * in hyptap hard-codes a board address except the early console used when there is no usable DTB at
 * all.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "dtb.h"
#include "platform.h"
#include "platform_ctx.h"

/* Smallest frames hyptap's GIC code touches (IHI 0069 12.1: GICD 64 KiB, one redistributor
 * 2 x 64 KiB; IHI 0048 4.1: GICD 4 KiB; a Cortex-A9 CPU interface is only 256 bytes). */
#define GICV3_GICD_MIN 0x10000u
#define GICV3_GICR_MIN 0x20000u
#define GICV3_GITS_MIN 0x20000u
#define GICV2_GICD_MIN 0x1000u
#define GICV2_GICC_MIN 0x100u
/* GICv2 virtualization: GICH up to the last LR (0x1fc); GICV up to GICV_DIR (0x1000). */
#define GICV2_GICH_MIN 0x200u
#define GICV2_GICV_MIN 0x2000u

/* The one enabled node compatible with any of @compat; -1 (no error) when there is none. */
static int find_one(struct platform_ctx *ps, const char *const *compat, size_t n, const char *what,
		    int *found)
{
	char first[PLATFORM_PATH_MAX];
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

/* @src as printable ASCII into @dst (anything else becomes '?'), cut to fit. */
static void copy_printable(char *dst, size_t size, const char *src)
{
	size_t i;

	for (i = 0; src[i] && i < size - 1; i++) {
		dst[i] = src[i] >= 0x20 && src[i] <= 0x7e ? src[i] : '?';
	}
	dst[i] = '\0';
}

static int copy_model(struct platform_ctx *ps)
{
	const char *model = "";

	if (dtb_string(&ps->d, 0, "model", &model) < 0) {
		return -1;
	}
	copy_printable(ps->p->model, sizeof(ps->p->model), model);
	return 0;
}

/*
 * How the platform reached the image (the header's boot= and firmware=): the EFI entry writes
 * /chosen/hyptap,boot ("uefi-dt", or "uefi-acpi" for a DTB it built from the ACPI tables) and
 * hyptap,firmware (the UEFI vendor and revision); U-Boot writes /chosen/u-boot,version. A DTB
 * with neither came straight from the loader: "dt".
 */
static int parse_boot_source(struct platform_ctx *ps, int chosen)
{
	const char *boot = "dt", *fw = "";

	if (chosen >= 0 && (dtb_string(&ps->d, chosen, "hyptap,boot", &boot) < 0 ||
			    dtb_string(&ps->d, chosen, "hyptap,firmware", &fw) < 0)) {
		return -1;
	}
	copy_printable(ps->p->boot, sizeof(ps->p->boot), boot);
	copy_printable(ps->p->firmware, sizeof(ps->p->firmware), fw);
	if (chosen >= 0 && !*fw) {
		/* U-Boot's PLAIN_VERSION ("2023.01+dfsg-2+deb12u3"): the name is not in it. */
		static const char uboot[] = "U-Boot ";
		const char *version = "";

		if (dtb_string(&ps->d, chosen, "u-boot,version", &version) < 0) {
			return -1;
		}
		if (*version) {
			memcpy(ps->p->firmware, uboot, sizeof(uboot) - 1);
			copy_printable(ps->p->firmware + sizeof(uboot) - 1,
				       sizeof(ps->p->firmware) - (sizeof(uboot) - 1), version);
		}
	}
	return 0;
}

/* /chosen: bootargs (one string, kept in place) and stdout-path without its ":options". */
static int parse_chosen(struct platform_ctx *ps, const char **stdout_path, size_t *len)
{
	int chosen = fdt_path_offset(ps->d.fdt, "/chosen");
	int rc;

	*stdout_path = NULL;
	if (parse_boot_source(ps, chosen)) {
		return -1;
	}
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

/* Entry @index of @node's reg as device @what: non-empty, reachable, outside RAM, the DTB and
 * every device accepted so far. */
static int add_device(struct platform_ctx *ps, int node, int index, const char *what,
		      struct mem_range *r)
{
	char other[PLATFORM_PATH_MAX];
	int ram;

	if (dtb_reg(&ps->d, node, index, &r->base, &r->size)) {
		return -1;
	}
	if (!r->size) {
		return dtb_fail(&ps->d, node, "%s (reg entry %d) has size 0", what, index);
	}
	if (platform_ram_check_pa(ps, node, what, r)) {
		return -1;
	}
	ram = platform_ram_overlapping(ps->p, r);
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
	ps->dev[ps->dev_count++] = (struct platform_device){what, node, *r};
	return 0;
}

static const char *const uart_pl011[] = {"arm,pl011"};
static const char *const uart_16550[] = {"ns16550a", "ns16550"};

static int uart_from_node(struct platform_ctx *ps, int node)
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
static int parse_uart(struct platform_ctx *ps, const char *stdout_path, size_t len)
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

static int gic_frame(struct platform_ctx *ps, int node, int index, const char *what, uint32_t min,
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

/*
 * The GIC node's own "interrupts" is the virtual interface's maintenance interrupt (bindings
 * arm,gic-v3 and arm,gic): one PPI specifier <1 n flags>. Absent: 0, no maintenance interrupt.
 */
static int parse_gic_maint(struct platform_ctx *ps, int node)
{
	const void *irq;
	int len, rc = dtb_prop(&ps->d, node, "interrupts", &irq, &len);

	ps->p->gic_maint_intid = 0;
	if (rc <= 0) {
		return rc;
	}
	if (len != 12 || dtb_cell(irq, 0) != 1 || dtb_cell(irq, 1) > 15) {
		return dtb_fail(&ps->d, node,
				"interrupts (the maintenance interrupt) is not one PPI specifier "
				"<1 0..15 flags> (%d bytes)",
				len);
	}
	ps->p->gic_maint_intid = 16 + dtb_cell(irq, 1);
	return 0;
}

/*
 * An ITS (binding arm,gic-v3-its): the first enabled child of the GICv3 node with that
 * compatible, its GITS_* frame at least the control and translation pages (2 x 64 KiB).
 * Optional: p->gits.size stays 0 without one.
 */
static int parse_gic_its(struct platform_ctx *ps, int gic)
{
	int node, en;

	fdt_for_each_subnode(node, ps->d.fdt, gic)
	{
		if (fdt_node_check_compatible(ps->d.fdt, node, "arm,gic-v3-its")) {
			continue;
		}
		en = dtb_enabled(&ps->d, node);
		if (en < 0) {
			return -1;
		}
		if (en) {
			return gic_frame(ps, node, 0, "ITS", GICV3_GITS_MIN, &ps->p->gits);
		}
	}
	return 0;
}

static int parse_gic(struct platform_ctx *ps)
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
		if (gic_frame(ps, node, 0, "GICD", GICV2_GICD_MIN, &p->gicd) ||
		    gic_frame(ps, node, 1, "GICC", GICV2_GICC_MIN, &p->gicc)) {
			return -1;
		}
		/* The virtualization extensions' frames, when the GIC has them (binding
		 * arm,gic: reg entries 2 and 3, GICH and GICV). */
		if (count >= 4 && (gic_frame(ps, node, 2, "GICH", GICV2_GICH_MIN, &p->gich) ||
				   gic_frame(ps, node, 3, "GICV", GICV2_GICV_MIN, &p->gicv))) {
			return -1;
		}
		return parse_gic_maint(ps, node);
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
	return parse_gic_its(ps, node) || parse_gic_maint(ps, node) ? -1 : 0;
}

/*
 * The "interrupts" of arm,armv8-timer are, in order: secure physical, non-secure physical,
 * virtual, hypervisor physical, and optionally hypervisor virtual; each a GIC specifier
 * <type number flags> with type 1 = PPI (binding arm,arch_timer). Without a timer node the
 * SBSA-recommended INTIDs are assumed.
 */
static int parse_timer(struct platform_ctx *ps)
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

static int parse_psci(struct platform_ctx *ps)
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

/*
 * Every enabled "virtio,mmio" node (binding virtio/mmio.yaml): its register window, checked like
 * any device's, and whether it is "dma-coherent". The first PLATFORM_MAX_VIRTIO are kept. Which
 * device sits behind a transport (most of QEMU's 32 are empty) is in its registers, not here.
 */
static int parse_virtio(struct platform_ctx *ps)
{
	struct platform *p = ps->p;
	int node;

	for (node = fdt_node_offset_by_compatible(ps->d.fdt, -1, "virtio,mmio"); node >= 0;
	     node = fdt_node_offset_by_compatible(ps->d.fdt, node, "virtio,mmio")) {
		const void *val;
		int en = dtb_enabled(&ps->d, node), len, rc;
		struct mem_range r;

		if (en <= 0) {
			if (en < 0) {
				return -1;
			}
			continue;
		}
		if (p->virtio_count == PLATFORM_MAX_VIRTIO) {
			p->virtio_left_off++;
			continue;
		}
		if (add_device(ps, node, 0, "virtio-mmio transport", &r)) {
			return -1;
		}
		if (r.size < PLATFORM_VIRTIO_MIN) {
			return dtb_fail(
				&ps->d, node,
				"virtio-mmio registers are 0x%llx bytes, at least 0x%x needed",
				(unsigned long long)r.size, PLATFORM_VIRTIO_MIN);
		}
		rc = dtb_prop(&ps->d, node, "dma-coherent", &val, &len);
		if (rc < 0) {
			return -1;
		}
		if (rc > 0) {
			p->virtio_coherent |= 1u << p->virtio_count;
		}
		p->virtio[p->virtio_count++] = r;
	}
	return 0;
}

int platform_parse(struct platform *p, const struct platform_boot *boot, char *err, size_t errlen)
{
	struct platform_ctx ps = {.d = {boot->dtb, err, errlen}, .p = p, .boot = boot};
	const char *stdout_path;
	size_t stdout_len = 0;

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
	if (copy_model(&ps) || parse_chosen(&ps, &stdout_path, &stdout_len) ||
	    platform_ram_parse(&ps) || parse_uart(&ps, stdout_path, stdout_len) || parse_gic(&ps) ||
	    parse_timer(&ps) || parse_psci(&ps) || parse_virtio(&ps) || platform_cpus_parse(&ps) ||
	    platform_ram_layout(&ps)) {
		return -1;
	}
	return 0;
}
