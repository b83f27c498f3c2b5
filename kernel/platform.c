/* SPDX-License-Identifier: MIT */
/*
 * Platform discovery from the device tree (libfdt): memory, console UART, GIC, architected timer
 * PPIs, PSCI conduit, bootargs. Nothing in hyptap hard-codes a board address except the early
 * console used when there is no usable DTB at all.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "platform.h"

struct platform platform;

/* Read an address/size pair of the given cell counts from a "reg" property. */
static uint64_t read_cells(const fdt32_t *p, int cells)
{
	uint64_t v = 0;

	for (int i = 0; i < cells; i++) {
		v = (v << 32) | fdt32_to_cpu(p[i]);
	}
	return v;
}

static int node_reg(const void *fdt, int node, int index, struct mem_range *r)
{
	int parent = fdt_parent_offset(fdt, node);
	int ac = fdt_address_cells(fdt, parent);
	int sc = fdt_size_cells(fdt, parent);
	int len;
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);

	if (!reg || ac < 1 || ac > 2 || sc < 0 || sc > 2) {
		return -1;
	}
	if ((index + 1) * (ac + sc) * 4 > len) {
		return -1;
	}
	reg += index * (ac + sc);
	r->base = read_cells(reg, ac);
	r->size = read_cells(reg + ac, sc);
	return 0;
}

static bool node_enabled(const void *fdt, int node)
{
	const char *status = fdt_getprop(fdt, node, "status", NULL);

	return !status || !strcmp(status, "okay") || !strcmp(status, "ok");
}

static void copy_prop_string(const void *fdt, int node, const char *name, char *dst, size_t len)
{
	int plen;
	const char *s = fdt_getprop(fdt, node, name, &plen);

	snprintf(dst, len, "%.*s", s ? plen : 0, s ? s : "");
}

static void discover_memory(const void *fdt)
{
	int node;

	fdt_for_each_subnode(node, fdt, 0)
	{
		const char *type = fdt_getprop(fdt, node, "device_type", NULL);

		if (!type || strcmp(type, "memory") || !node_enabled(fdt, node)) {
			continue;
		}
		for (int i = 0; platform.mem_count < PLATFORM_MAX_MEM; i++) {
			struct mem_range r;

			if (node_reg(fdt, node, i, &r)) {
				break;
			}
			if (r.size) {
				platform.mem[platform.mem_count++] = r;
			}
		}
	}
}

static int uart_from_node(const void *fdt, int node)
{
	if (node < 0 || !node_enabled(fdt, node)) {
		return -1;
	}
	if (!fdt_node_check_compatible(fdt, node, "arm,pl011")) {
		platform.uart_kind = UART_PL011;
	} else if (!fdt_node_check_compatible(fdt, node, "ns16550a") ||
		   !fdt_node_check_compatible(fdt, node, "ns16550")) {
		const fdt32_t *shift = fdt_getprop(fdt, node, "reg-shift", NULL);

		platform.uart_kind = UART_NS16550;
		platform.uart_reg_shift = shift ? fdt32_to_cpu(*shift) : 0;
	} else {
		return -1;
	}
	return node_reg(fdt, node, 0, &platform.uart);
}

/* The console is /chosen/stdout-path when usable, else the first enabled PL011 or 16550. */
static void discover_uart(const void *fdt)
{
	int chosen = fdt_path_offset(fdt, "/chosen");
	const char *path = chosen >= 0 ? fdt_getprop(fdt, chosen, "stdout-path", NULL) : NULL;

	if (path) {
		const char *colon = strchr(path, ':');
		int len = colon ? colon - path : (int)strlen(path);
		int node = fdt_path_offset_namelen(fdt, path, len);

		if (node < 0) {
			/* stdout-path may name an alias. */
			const char *alias = fdt_get_alias_namelen(fdt, path, len);

			node = alias ? fdt_path_offset(fdt, alias) : -1;
		}
		if (!uart_from_node(fdt, node)) {
			return;
		}
	}
	static const char *const compat[] = {"arm,pl011", "ns16550a", "ns16550"};

	for (size_t i = 0; i < sizeof(compat) / sizeof(compat[0]); i++) {
		int node;

		for (node = fdt_node_offset_by_compatible(fdt, -1, compat[i]); node >= 0;
		     node = fdt_node_offset_by_compatible(fdt, node, compat[i])) {
			if (!uart_from_node(fdt, node)) {
				return;
			}
		}
	}
	platform.uart_kind = UART_NONE;
}

static void discover_gic(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3");

	if (node >= 0) {
		const fdt32_t *nr = fdt_getprop(fdt, node, "#redistributor-regions", NULL);
		unsigned regions = nr ? fdt32_to_cpu(*nr) : 1;

		platform.gic_version = 3;
		node_reg(fdt, node, 0, &platform.gicd);
		for (unsigned i = 0; i < regions && i < PLATFORM_MAX_GICR; i++) {
			if (!node_reg(fdt, node, 1 + i, &platform.gicr[i])) {
				platform.gicr_count++;
			}
		}
		return;
	}
	static const char *const v2[] = {"arm,cortex-a15-gic", "arm,gic-400", "arm,cortex-a9-gic"};

	for (size_t i = 0; i < sizeof(v2) / sizeof(v2[0]); i++) {
		node = fdt_node_offset_by_compatible(fdt, -1, v2[i]);
		if (node >= 0) {
			platform.gic_version = 2;
			node_reg(fdt, node, 0, &platform.gicd);
			node_reg(fdt, node, 1, &platform.gicc);
			return;
		}
	}
}

/*
 * The "interrupts" of arm,armv8-timer are, in order: secure physical, non-secure physical,
 * virtual, hypervisor physical; each a GIC specifier <type number flags> with type 1 = PPI.
 */
static void discover_timer(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,armv8-timer");
	unsigned *out[] = {&platform.timer_intid_sec_phys, &platform.timer_intid_phys,
			   &platform.timer_intid_virt, &platform.timer_intid_hyp};
	static const unsigned fallback[] = {29, 30, 27, 26}; /* SBSA-recommended INTIDs */
	int len = 0;
	const fdt32_t *irq = node >= 0 ? fdt_getprop(fdt, node, "interrupts", &len) : NULL;

	for (unsigned i = 0; i < 4; i++) {
		if (irq && (int)((i + 1) * 3 * 4) <= len && fdt32_to_cpu(irq[i * 3]) == 1) {
			*out[i] = 16 + fdt32_to_cpu(irq[i * 3 + 1]);
		} else {
			*out[i] = fallback[i];
		}
	}
}

static void discover_psci(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "arm,psci-1.0");

	if (node < 0) {
		node = fdt_node_offset_by_compatible(fdt, -1, "arm,psci-0.2");
	}
	if (node < 0) {
		node = fdt_node_offset_by_compatible(fdt, -1, "arm,psci");
	}
	const char *method = node >= 0 ? fdt_getprop(fdt, node, "method", NULL) : NULL;

	if (method && !strcmp(method, "hvc")) {
		platform.psci = PSCI_HVC;
	} else if (method && !strcmp(method, "smc")) {
		platform.psci = PSCI_SMC;
	} else {
		platform.psci = PSCI_NONE;
	}
}

int platform_discover(const void *dtb, char *err, size_t errlen)
{
	int rc = fdt_check_header(dtb);

	if (rc) {
		snprintf(err, errlen, "invalid DTB at %p: %s", dtb, fdt_strerror(rc));
		return -1;
	}
	platform.dtb = dtb;
	platform.dtb_size = fdt_totalsize(dtb);
	copy_prop_string(dtb, 0, "model", platform.model, sizeof(platform.model));
	copy_prop_string(dtb, 0, "compatible", platform.compatible, sizeof(platform.compatible));

	int chosen = fdt_path_offset(dtb, "/chosen");

	if (chosen >= 0) {
		copy_prop_string(dtb, chosen, "bootargs", platform.bootargs,
				 sizeof(platform.bootargs));
	}
	discover_memory(dtb);
	discover_uart(dtb);
	discover_gic(dtb);
	discover_timer(dtb);
	discover_psci(dtb);

	if (!platform.mem_count) {
		snprintf(err, errlen, "DTB has no memory node");
		return -1;
	}
	if (platform.uart_kind == UART_NONE) {
		snprintf(err, errlen, "DTB has no usable UART (arm,pl011 or ns16550a)");
		return -1;
	}
	return 0;
}
