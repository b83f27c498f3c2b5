/* SPDX-License-Identifier: MIT */
/*
 * What the parts of the DTB parser (kernel/platform.c, platform_ram.c, platform_cpus.c) share while
 * one platform_parse() runs. Private to them.
 */
#ifndef KERNEL_PLATFORM_CTX_H
#define KERNEL_PLATFORM_CTX_H

#include "dtb.h"
#include "platform.h"

/* Room for a node path in a message. */
#define PLATFORM_PATH_MAX 96
/* The UART, and the GICD with up to PLATFORM_MAX_GICR GICRs and an ITS (v3) or GICC, GICH,
 * GICV (v2), and the virtio-mmio transports. */
#define PLATFORM_MAX_DEVICES (3 + PLATFORM_MAX_GICR + PLATFORM_MAX_VIRTIO)

/* A device range already accepted, for the overlap checks and their messages. */
struct platform_device {
	const char *what;
	int node;
	struct mem_range r;
};

/* One platform_parse() in progress. */
struct platform_ctx {
	struct dtb d;
	struct platform *p;
	const struct platform_boot *boot;
	struct mem_range dtb_range;	/* where the DTB lies, totalsize bytes */
	int mem_node[PLATFORM_MAX_MEM]; /* the node of each p->mem[] range */
	struct platform_device dev[PLATFORM_MAX_DEVICES];
	unsigned dev_count;
};

/** platform_ram_check_pa() - @r (@what of @node) must end inside the physical address space. */
int platform_ram_check_pa(struct platform_ctx *ps, int node, const char *what,
			  const struct mem_range *r);

/** platform_ram_parse() - every enabled memory node into @ps->p->mem[]; at least one range. */
int platform_ram_parse(struct platform_ctx *ps);

/** platform_ram_overlapping() - the index of the RAM range of @p overlapping @r, or -1. */
int platform_ram_overlapping(const struct platform *p, const struct mem_range *r);

/** platform_cpus_parse() - the enabled CPUs of /cpus into @ps->p->cpus[] (platform_cpus.c). */
int platform_cpus_parse(struct platform_ctx *ps);

/**
 * platform_ram_layout() - the image inside one RAM range, the DTB inside one or outside RAM and
 * off the image, reservations off the image; then @ps->p->arena.
 */
int platform_ram_layout(struct platform_ctx *ps);

#endif
