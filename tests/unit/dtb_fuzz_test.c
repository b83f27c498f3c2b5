/*
 * Deterministic mutation fuzzing of the DTB parser (platform_parse()) over the ten QEMU virt
 * fixtures of tests/dtb/ (two of them with several CPUs). Every case must end in a clear error or a
 * valid platform: never a crash (ASan/UBSan, and guard pages around the blob for reads from
 * uninstrumented libfdt), a hang (an alarm per case), an unclear or cut message, or a "valid"
 * platform that breaks a rule the parser promises (checked here by an oracle that shares no code
 * with the parser).
 *
 * Input kinds: bit flips, byte changes, truncation, header fields, property length / name
 * offset / node name corruption, structure-block splices (delete, duplicate, move token
 * ranges), and semantic edits through libfdt's read-write API (delete nodes and properties,
 * rewrite values with cell counts and strings that matter to the parser).
 *
 *   DTB_FUZZ_SCALE=N   N times the cases of `make check` (a longer run)
 *   DTB_FUZZ_CASE=K/F/I  run only case I of kind K on fixture F, and save its blob to
 *                        /tmp/dtb-fuzz-case.dtb (e.g. DTB_FUZZ_CASE=splice/3/117)
 *   DTB_FUZZ_CLASSES=1   list every error message seen, numbers elided, with its count
 */
#include <libfdt.h>
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "dtb_edit.h"
#include "fuzz_messages.h"
#include "fuzz_rng.h"
#include "platform.h"
#include "unit.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define WORK_MAX      (1 << 16) /* largest mutated blob */
#define HANG_SECONDS  5		/* one parse of a 64 KiB blob takes microseconds */
#define MAX_TOKENS    4096

static const char *const fixtures[] = {
	"qemu-7.2-gicv2.dtb",	      "qemu-7.2-gicv3.dtb",	    "qemu-7.2-gicv2-secure.dtb",
	"qemu-7.2-gicv3-secure.dtb",  "qemu-10.0-gicv2.dtb",	    "qemu-10.0-gicv3.dtb",
	"qemu-10.0-gicv2-secure.dtb", "qemu-10.0-gicv3-secure.dtb", "qemu-7.2-gicv2-smp8.dtb",
	"qemu-10.0-gicv3-smp20.dtb",
};

/* ---- deterministic randomness ------------------------------------------------------------ */

/* A 32-bit value a parser is likely to get wrong near @near (a length, an offset, a size). */
static uint32_t interesting_u32(struct rng *r, uint32_t near)
{
	static const uint32_t fixed[] = {
		0,	    1,		2,	    3,		4,	    7,		8,
		12,	    16,		17,	    0x28,	0x38,	    0xff,	0x1000,
		0x10000,    0x8000000,	0x9000000,  0x40000000, 0x48000000, 0x5ffff000, 0x7fffffff,
		0x80000000, 0xfffffff4, 0xfffffff8, 0xfffffffc, 0xffffffff};

	switch (rng_below(r, 4)) {
	case 0:
		return fixed[rng_below(r, ARRAY_SIZE(fixed))];
	case 1:
		return near + rng_below(r, 17) - 8;
	case 2:
		return near * 2 + rng_below(r, 3) - 1;
	default:
		return (uint32_t)rng_next(r);
	}
}

/* ---- the fixtures, their tokens, and the working blob ----------------------------------- */

struct span {
	uint32_t start, end; /* structure-block offsets */
};

struct fixture {
	const char *name;
	uint8_t *blob; /* packed */
	size_t size;
	uint32_t tokens[MAX_TOKENS]; /* offset of every token */
	uint32_t token_count;
	struct span props[MAX_TOKENS], nodes[MAX_TOKENS];
	uint32_t prop_count, node_count;
};

static struct fixture fx[ARRAY_SIZE(fixtures)];

static void fixture_load(struct fixture *f, const char *name)
{
	void *fdt = edit_load(name);
	int off = 0, next;
	uint32_t tag;

	fdt_pack(fdt);
	f->name = name;
	f->blob = fdt;
	f->size = fdt_totalsize(fdt);
	do {
		tag = fdt_next_tag(fdt, off, &next);
		if (f->token_count < MAX_TOKENS) {
			f->tokens[f->token_count++] = (uint32_t)off;
		}
		if (tag == FDT_PROP && f->prop_count < MAX_TOKENS) {
			f->props[f->prop_count++] = (struct span){(uint32_t)off, (uint32_t)next};
		}
		if (tag == FDT_BEGIN_NODE && off && f->node_count < MAX_TOKENS) {
			f->nodes[f->node_count++] =
				(struct span){(uint32_t)off, (uint32_t)edit_node_end(fdt, off)};
		}
		off = next;
	} while (tag != FDT_END && next >= 0);
}

struct work {
	uint8_t *buf; /* 8-aligned, WORK_MAX bytes */
	size_t size;  /* bytes readable by the parser */
	const struct fixture *f;
};

static uint8_t *struct_block(struct work *w)
{
	return w->buf + fdt_off_dt_struct(w->buf);
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* ---- mutators ---------------------------------------------------------------------------- */

static void mut_bitflip(struct work *w, struct rng *r)
{
	for (uint32_t n = 1 + rng_below(r, 8); n; n--) {
		w->buf[rng_below(r, (uint32_t)w->size)] ^= (uint8_t)(1u << rng_below(r, 8));
	}
}

static void mut_bytes(struct work *w, struct rng *r)
{
	static const uint8_t vals[] = {0x00, 0x01, 0x02, 0x03, 0x09, 0x7f, 0x80, 0xfe, 0xff};

	for (uint32_t n = 1 + rng_below(r, 4); n; n--) {
		uint32_t pos = rng_below(r, (uint32_t)w->size);

		w->buf[pos] = rng_below(r, 2) ? vals[rng_below(r, ARRAY_SIZE(vals))]
					      : (uint8_t)rng_next(r);
	}
}

static void mut_truncate(struct work *w, struct rng *r)
{
	w->size = rng_below(r, (uint32_t)w->size);
	if (w->size >= 8 && rng_below(r, 2)) {
		put_be32(w->buf + 4, (uint32_t)w->size); /* totalsize agrees with the cut */
	}
}

static void mut_header(struct work *w, struct rng *r)
{
	for (uint32_t n = 1 + rng_below(r, 2); n; n--) {
		uint32_t field = rng_below(r, 10);

		put_be32(w->buf + 4 * field,
			 interesting_u32(r, fdt32_ld((fdt32_t *)w->buf + field)));
	}
}

/* A property's length or name offset, or a node name without its NUL. */
static void mut_fields(struct work *w, struct rng *r)
{
	const struct fixture *f = w->f;
	uint8_t *s = struct_block(w);

	if (rng_below(r, 4) == 0 && f->node_count) {
		const struct span *n = &f->nodes[rng_below(r, f->node_count)];
		uint8_t *name = s + n->start + 4;

		memset(name + strlen((char *)name), 'A', 4 - (strlen((char *)name) % 4));
		return;
	}
	const struct span *p = &f->props[rng_below(r, f->prop_count)];
	uint32_t len = fdt32_ld((fdt32_t *)(s + p->start + 4));

	if (rng_below(r, 3) == 0) {
		put_be32(s + p->start + 8,
			 interesting_u32(r, fdt32_ld((fdt32_t *)(s + p->start + 8))));
	} else if (rng_below(r, 2)) {
		/* Wrap the offset onto an earlier token: libfdt 1.6.1 would loop there. */
		uint32_t back = f->tokens[rng_below(r, f->token_count)];

		put_be32(s + p->start + 4, back - p->start - 12);
	} else {
		put_be32(s + p->start + 4, interesting_u32(r, len));
	}
}

/* Delete, duplicate or move a token range: a whole node or property, or any tokens. */
static void mut_splice(struct work *w, struct rng *r)
{
	const struct fixture *f = w->f;
	static uint8_t copy[WORK_MAX];
	struct span sp;
	uint32_t op = rng_below(r, 3), whole = rng_below(r, 3);

	if (whole == 0) {
		sp = f->nodes[rng_below(r, f->node_count)];
	} else if (whole == 1) {
		sp = f->props[rng_below(r, f->prop_count)];
	} else {
		uint32_t a = rng_below(r, f->token_count), b = rng_below(r, f->token_count);

		sp = (struct span){f->tokens[a < b ? a : b], f->tokens[a < b ? b : a]};
	}
	if (sp.end <= sp.start) {
		return;
	}
	int len = (int)(sp.end - sp.start);

	if (w->size + (size_t)len > WORK_MAX) {
		return;
	}
	memcpy(copy, struct_block(w) + sp.start, (size_t)len);
	if (op == 0) {
		edit_splice(w->buf, (int)sp.start, NULL, -len);
	} else if (op == 1) {
		edit_splice(w->buf, (int)sp.end, copy, len);
	} else {
		uint32_t to = f->tokens[rng_below(r, f->token_count)];

		edit_splice(w->buf, (int)sp.start, NULL, -len);
		if (to > sp.start) {
			to = to >= sp.end ? to - (uint32_t)len : sp.start;
		}
		edit_splice(w->buf, (int)to, copy, len);
	}
	w->size = fdt_totalsize(w->buf);
}

/* The n-th node (depth-first, root = 0) of @fdt, or the root if there are fewer. */
static int nth_node(const void *fdt, uint32_t n)
{
	int node = 0;

	for (int next = 0; n && (next = fdt_next_node(fdt, node, NULL)) >= 0; n--) {
		node = next;
	}
	return node;
}

static int node_count(const void *fdt)
{
	int count = 0;

	for (int node = 0; node >= 0; node = fdt_next_node(fdt, node, NULL)) {
		count++;
	}
	return count;
}

/* The nodes the parser reads (QEMU's names); most semantic edits go to one of them. */
static const char *const parsed_nodes[] = {
	"/",
	"/memory@40000000",
	"/pl011@9000000",
	"/intc@8000000",
	"/timer",
	"/psci",
	"/chosen",
	"/aliases",
	"/secram@e000000",
	"/pl011@9040000",
	"/intc@8000000/its@8080000",
	"/cpus",
	"/cpus/cpu@0",
	"/cpus/cpu@1",
	"/cpus/cpu@10",
};

/* A node to edit: one the parser reads (if it still exists), else any. */
static int pick_node(const void *fdt, struct rng *r)
{
	if (rng_below(r, 4)) {
		int node =
			fdt_path_offset(fdt, parsed_nodes[rng_below(r, ARRAY_SIZE(parsed_nodes))]);

		if (node >= 0) {
			return node;
		}
	}
	return nth_node(fdt, rng_below(r, (uint32_t)node_count(fdt)));
}

static const char *const prop_names[] = {
	"reg",
	"#address-cells",
	"#size-cells",
	"ranges",
	"status",
	"compatible",
	"device_type",
	"interrupts",
	"stdout-path",
	"bootargs",
	"reg-shift",
	"method",
	"#interrupt-cells",
	"model",
	"serial0",
	"#redistributor-regions",
	"enable-method",
	"cpu-release-addr",
};

static const char *const strings[] = {
	"",
	"okay",
	"ok",
	"disabled",
	"memory",
	"arm,pl011",
	"ns16550a",
	"arm,gic-v3",
	"arm,gic-400",
	"arm,armv8-timer",
	"arm,psci-1.0",
	"smc",
	"hvc",
	"serial0",
	"serial0:115200n8",
	"/",
	"/pl011@9000000",
	"/nowhere",
	"/pl011@9000000:x",
	"/chosen",
	"cpu",
	"psci",
	"spin-table",
};

static const char *const node_names[] = {
	"memory@0", "pl011@9000000", "chosen", "aliases", "reserved-memory", "intc@0",
	"timer",    "soc",	     "psci",   "cpus",	  "cpu@0",	     "cpu@1"};

/* Set a property that matters to the parser to a value that is likely wrong. */
static void set_interesting(void *fdt, int node, const char *name, struct rng *r)
{
	if (rng_below(r, 3) == 0) {
		const char *s = strings[rng_below(r, ARRAY_SIZE(strings))];

		fdt_setprop(fdt, node, name, s, (int)strlen(s) + (int)rng_below(r, 2));
		return;
	}
	static const uint32_t lens[] = {0, 1, 3, 4, 8, 12, 16, 20, 24, 32, 44, 48, 60};
	uint32_t len = lens[rng_below(r, ARRAY_SIZE(lens))];
	const fdt32_t *old;
	int oldlen;
	fdt32_t cells[16];

	old = fdt_getprop(fdt, node, name, &oldlen);
	for (uint32_t i = 0; i < 16; i++) {
		uint32_t near = old && (int)(i * 4 + 4) <= oldlen ? fdt32_ld(&old[i]) : 0;

		cells[i] = cpu_to_fdt32(rng_below(r, 2) ? near : interesting_u32(r, near));
	}
	fdt_setprop(fdt, node, name, cells, (int)len);
}

/*
 * Move one reg entry of @node (QEMU's 2 + 2 cells) onto an address where it must not be: RAM,
 * the image, the DTB, another device; its size stays or becomes a page or a huge value.
 */
static void relocate(void *fdt, int node, struct rng *r)
{
	static const uint64_t addrs[] = {0x40000000,	    0x40001000, 0x40200000,    EDIT_DTB_PA,
					 0x5ffff000,	    0x08000000, 0x08010000,    0x080a0000,
					 0x09000000,	    0x09000800, 0xffffffff000, 1ull << 48,
					 UINT64_MAX - 0xfff};
	const fdt32_t *old = fdt_getprop(fdt, node, "reg", NULL);
	fdt32_t reg[16];
	int len;

	old = fdt_getprop(fdt, node, "reg", &len);
	if (!old || len < 16 || len > (int)sizeof(reg)) {
		return;
	}
	memcpy(reg, old, (size_t)len);
	uint32_t entry = rng_below(r, (uint32_t)len / 16) * 4;
	uint64_t a = addrs[rng_below(r, ARRAY_SIZE(addrs))];

	reg[entry] = cpu_to_fdt32((uint32_t)(a >> 32));
	reg[entry + 1] = cpu_to_fdt32((uint32_t)a);
	if (rng_below(r, 3) == 0) {
		reg[entry + 2] = cpu_to_fdt32(rng_below(r, 2) ? 0xffffffff : 0);
		reg[entry + 3] = cpu_to_fdt32(rng_below(r, 2) ? 0x1000 : 0);
	}
	fdt_setprop(fdt, node, "reg", reg, len);
}

static void mut_semantic(struct work *w, struct rng *r)
{
	static uint8_t tmp[WORK_MAX] __attribute__((aligned(8)));
	void *fdt = tmp;

	if (fdt_open_into(w->buf, fdt, WORK_MAX)) {
		return;
	}
	for (uint32_t n = 1 + rng_below(r, 3); n; n--) {
		int node = pick_node(fdt, r);
		int prop, count = 0;

		switch (rng_below(r, 6)) {
		case 5:
			relocate(fdt, node, r);
			break;
		case 0:
			if (node) {
				fdt_del_node(fdt, node);
			}
			break;
		case 1:
		case 2:
			fdt_for_each_property_offset(prop, fdt, node)
			{
				count++;
			}
			if (!count) {
				break;
			}
			prop = fdt_first_property_offset(fdt, node);
			for (uint32_t i = rng_below(r, (uint32_t)count); i; i--) {
				prop = fdt_next_property_offset(fdt, prop);
			}
			const char *name;

			fdt_getprop_by_offset(fdt, prop, &name, NULL);
			if (rng_below(r, 3) == 0) {
				fdt_delprop(fdt, node, name);
			} else {
				char copy[64];

				snprintf(copy, sizeof(copy), "%s", name); /* setprop may move it */
				set_interesting(fdt, node, copy, r);
			}
			break;
		case 3:
			set_interesting(fdt, node, prop_names[rng_below(r, ARRAY_SIZE(prop_names))],
					r);
			break;
		default:
			node = fdt_add_subnode(fdt, node,
					       node_names[rng_below(r, ARRAY_SIZE(node_names))]);
			if (node >= 0) {
				set_interesting(fdt, node,
						prop_names[rng_below(r, ARRAY_SIZE(prop_names))],
						r);
			}
			break;
		}
	}
	if (!fdt_pack(fdt)) {
		memcpy(w->buf, fdt, fdt_totalsize(fdt));
		w->size = fdt_totalsize(fdt);
	}
}

struct kind {
	const char *name;
	unsigned cases; /* per fixture, in make check */
	void (*mutate)(struct work *w, struct rng *r);
	unsigned tried, valid, errors, failed;
};

static struct kind kinds[] = {
	{.name = "bitflip", .cases = 250, .mutate = mut_bitflip},
	{.name = "bytes", .cases = 250, .mutate = mut_bytes},
	{.name = "truncate", .cases = 150, .mutate = mut_truncate},
	{.name = "header", .cases = 200, .mutate = mut_header},
	{.name = "fields", .cases = 300, .mutate = mut_fields},
	{.name = "splice", .cases = 400, .mutate = mut_splice},
	{.name = "semantic", .cases = 600, .mutate = mut_semantic},
};

/* ---- the oracle -------------------------------------------------------------------------- */

static bool overlaps(const struct mem_range *a, const struct mem_range *b)
{
	return a->base < b->base + b->size && b->base < a->base + a->size;
}

static bool inside(const struct mem_range *outer, const struct mem_range *inner)
{
	return inner->base >= outer->base && inner->base + inner->size <= outer->base + outer->size;
}

/* NULL if @p keeps every promise of platform.h, else the promise it breaks. */
static const char *platform_broken(const struct platform *p, const uint8_t *blob, size_t size)
{
	const uint64_t pa_end = 1ull << EDIT_PA_BITS;
	const struct mem_range image = {EDIT_IMAGE_BASE, EDIT_IMAGE_SIZE};
	const struct mem_range dtb = {EDIT_DTB_PA, fdt_totalsize(blob)};
	struct mem_range dev[2 + PLATFORM_MAX_GICR];
	unsigned devs = 0;
	int image_ram = -1;

	if (!p->mem_count || p->mem_count > PLATFORM_MAX_MEM) {
		return "RAM range count";
	}
	for (unsigned i = 0; i < p->mem_count; i++) {
		const struct mem_range *m = &p->mem[i];

		if (!m->size || m->size > pa_end || m->base > pa_end - m->size) {
			return "a RAM range empty or beyond the physical address space";
		}
		for (unsigned j = 0; j < i; j++) {
			if (overlaps(m, &p->mem[j])) {
				return "overlapping RAM ranges";
			}
		}
		if (inside(m, &image)) {
			image_ram = (int)i;
		}
		if (overlaps(m, &dtb) && !inside(m, &dtb)) {
			return "the DTB across the end of RAM";
		}
	}
	if (image_ram < 0) {
		return "the image outside RAM";
	}
	if (overlaps(&dtb, &image)) {
		return "the DTB on the image";
	}
	if (p->uart_kind != UART_PL011 && p->uart_kind != UART_NS16550) {
		return "no console UART";
	}
	if (p->uart_reg_shift > 3) {
		return "reg-shift > 3";
	}
	dev[devs++] = p->uart;
	dev[devs++] = p->gicd;
	if (p->gic_version == 3) {
		if (!p->gicr_count || p->gicr_count > PLATFORM_MAX_GICR || p->gicc.size ||
		    p->gicd.size < 0x10000) {
			return "GICv3 frames";
		}
		for (unsigned i = 0; i < p->gicr_count; i++) {
			if (p->gicr[i].size < 0x20000) {
				return "a GICv3 redistributor region too small";
			}
			dev[devs++] = p->gicr[i];
		}
	} else if (p->gic_version == 2) {
		if (p->gicr_count || !p->gicc.size || p->gicd.size < 0x1000) {
			return "GICv2 frames";
		}
		dev[devs++] = p->gicc;
	} else {
		return "GIC version";
	}
	for (unsigned i = 0; i < devs; i++) {
		if (!dev[i].size || dev[i].size > pa_end || dev[i].base > pa_end - dev[i].size ||
		    overlaps(&dev[i], &dtb)) {
			return "a device empty, beyond the physical address space or on the DTB";
		}
		for (unsigned j = 0; j < p->mem_count; j++) {
			if (overlaps(&dev[i], &p->mem[j])) {
				return "a device in RAM";
			}
		}
		for (unsigned j = 0; j < i; j++) {
			if (overlaps(&dev[i], &dev[j])) {
				return "overlapping devices";
			}
		}
	}
	unsigned intids[] = {p->timer_intid_sec_phys, p->timer_intid_phys, p->timer_intid_virt,
			     p->timer_intid_hyp};

	for (unsigned i = 0; i < 4; i++) {
		if (intids[i] < 16 || intids[i] > 31) {
			return "a timer INTID that is not a PPI";
		}
	}
	if (p->psci != PSCI_NONE && p->psci != PSCI_SMC && p->psci != PSCI_HVC) {
		return "PSCI conduit";
	}
	if (p->cpu_count > PLATFORM_MAX_CPUS ||
	    (p->cpus_left_off && p->cpu_count < PLATFORM_MAX_CPUS)) {
		return "CPU count";
	}
	for (unsigned i = 0; i < p->cpu_count; i++) {
		const struct platform_cpu *c = &p->cpus[i];

		/* MPIDR_EL1: Aff3 [39:32], Aff2 [23:16], Aff1 [15:8], Aff0 [7:0]. */
		if (c->mpidr >> 40 || (c->mpidr >> 24 & 0xff)) {
			return "a CPU MPIDR with bits outside the affinity fields";
		}
		for (unsigned j = 0; j < i; j++) {
			if (p->cpus[j].mpidr == c->mpidr) {
				return "two CPUs with one MPIDR";
			}
		}
		if (c->method != CPU_ENABLE_NONE && c->method != CPU_ENABLE_PSCI &&
		    c->method != CPU_ENABLE_SPIN_TABLE && c->method != CPU_ENABLE_OTHER) {
			return "a CPU enable method";
		}
		if (c->method != CPU_ENABLE_SPIN_TABLE && c->release_addr) {
			return "a release address without spin-table";
		}
	}
	if (p->arena.size < PLATFORM_ARENA_MIN || p->arena.base % PLATFORM_ARENA_ALIGN ||
	    !inside(&p->mem[image_ram], &p->arena) || overlaps(&p->arena, &image) ||
	    overlaps(&p->arena, &dtb)) {
		return "the page arena";
	}
	if (p->bootargs &&
	    ((const uint8_t *)p->bootargs < blob || (const uint8_t *)p->bootargs >= blob + size ||
	     !memchr(p->bootargs, 0, (size_t)(blob + size - (const uint8_t *)p->bootargs)))) {
		return "bootargs not a string inside the DTB";
	}
	if (!memchr(p->model, 0, sizeof(p->model))) {
		return "model not terminated";
	}
	for (const char *c = p->model; *c; c++) {
		if (*c < 0x20 || *c > 0x7e) {
			return "model not printable";
		}
	}
	return NULL;
}

/* ---- running cases ----------------------------------------------------------------------- */

static uint8_t *guard_area; /* PROT_NONE page, room, PROT_NONE page */
static uint8_t *guard_end;  /* first byte of the upper guard page */
static char current[128];   /* the case being run, for the hang and crash reports */
static struct work *current_work;

static void save_blob(const struct work *w, const char *path)
{
	FILE *f = fopen(path, "wb");

	if (f) {
		fwrite(w->buf, 1, w->size, f);
		fclose(f);
	}
}

static void on_alarm(int sig)
{
	static const char msg[] = "Bail out! hang: no result after 5 s in case ";

	(void)sig;
	(void)!write(1, msg, sizeof(msg) - 1);
	(void)!write(1, current, strlen(current));
	(void)!write(1, "\n", 1);
	_exit(1);
}

static void on_death(void)
{
	printf("# crash in case %s (blob saved to /tmp/dtb-fuzz-case.dtb)\n", current);
	if (current_work) {
		save_blob(current_work, "/tmp/dtb-fuzz-case.dtb");
	}
	fflush(stdout);
}

static void guard_init(void)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t room = (WORK_MAX + (size_t)page - 1) & ~((size_t)page - 1);

	guard_area = mmap(NULL, room + 2 * (size_t)page, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (guard_area == MAP_FAILED) {
		edit_die("mmap failed");
	}
	mprotect(guard_area, (size_t)page, PROT_NONE);
	guard_end = guard_area + page + room;
	mprotect(guard_end, (size_t)page, PROT_NONE);
}

/*
 * Parse @w with the blob's last byte just below the upper guard page (8-aligned start; the up
 * to 7 bytes of slack are poisoned for ASan). Returns NULL, or what went wrong.
 */
static const char *run_parse(struct work *w, char *err, size_t errlen, int *rc)
{
	static struct platform p;
	uint8_t *blob = (uint8_t *)((uintptr_t)(guard_end - w->size) & ~(uintptr_t)7);

	memcpy(blob, w->buf, w->size);
	ASAN_POISON_MEMORY_REGION(blob + w->size, (size_t)(guard_end - blob) - w->size);
	alarm(HANG_SECONDS);
	*rc = edit_parse_at(blob, w->size, EDIT_DTB_PA, &p, err, errlen);
	alarm(0);
	ASAN_UNPOISON_MEMORY_REGION(blob, (size_t)(guard_end - blob));
	if (*rc == 0) {
		return platform_broken(&p, blob, w->size);
	}
	if (*rc != -1) {
		return "a return value other than 0 and -1";
	}
	return message_broken(err, errlen, "DTB");
}

/* Case @index of kind @k on fixture @fi; true if its outcome is a clear error or valid. */
static bool run_case(struct kind *k, unsigned fi, unsigned index, struct work *w, bool save)
{
	struct rng r = {((uint64_t)(k - kinds) << 48) ^ ((uint64_t)fi << 32) ^ index};
	char err[256];
	const char *broken;
	int rc;

	snprintf(current, sizeof(current), "%s/%u/%u", k->name, fi, index);
	current_work = w;
	w->f = &fx[fi];
	memcpy(w->buf, fx[fi].blob, fx[fi].size);
	w->size = fx[fi].size;
	k->mutate(w, &r);
	if (save) {
		save_blob(w, "/tmp/dtb-fuzz-case.dtb");
	}
	broken = run_parse(w, err, sizeof(err), &rc);
	k->tried++;
	if (rc == 0) {
		k->valid++;
	} else {
		k->errors++;
		note_class(err);
	}
	if (broken && ++k->failed <= 5) {
		unit_diag("case %s (%s): %s%s%s\nreproduce: DTB_FUZZ_CASE=%s "
			  "build/host/dtb_fuzz_test",
			  current, fx[fi].name, broken, rc ? "; message: " : "", rc ? err : "",
			  current);
	}
	return !broken;
}

static int run_one(const char *spec, struct work *w)
{
	char name[32];
	unsigned fi, index;

	if (sscanf(spec, "%31[^/]/%u/%u", name, &fi, &index) != 3 || fi >= ARRAY_SIZE(fx)) {
		edit_die("DTB_FUZZ_CASE=%s: expected KIND/FIXTURE/INDEX", spec);
	}
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		if (!strcmp(kinds[k].name, name)) {
			unit_ok(run_case(&kinds[k], fi, index, w, true), "case %s", spec);
			unit_diag("blob saved to /tmp/dtb-fuzz-case.dtb");
			return unit_done();
		}
	}
	edit_die("DTB_FUZZ_CASE=%s: no kind %s", spec, name);
}

int main(void)
{
	static uint8_t work_buf[WORK_MAX] __attribute__((aligned(8)));
	struct work w = {work_buf, 0, NULL};
	const char *scale_env = getenv("DTB_FUZZ_SCALE"), *only = getenv("DTB_FUZZ_CASE");
	unsigned scale = scale_env ? (unsigned)strtoul(scale_env, NULL, 10) : 1;
	struct timespec t0, t1;
	unsigned total = 0;

	signal(SIGALRM, on_alarm);
	__sanitizer_set_death_callback(on_death);
	guard_init();
	for (size_t i = 0; i < ARRAY_SIZE(fixtures); i++) {
		fixture_load(&fx[i], fixtures[i]);
	}
	if (only) {
		return run_one(only, &w);
	}
	for (size_t i = 0; i < ARRAY_SIZE(fixtures); i++) {
		char err[256];
		int rc;

		w.buf = work_buf;
		memcpy(w.buf, fx[i].blob, fx[i].size);
		w.size = fx[i].size;
		if (!unit_ok(!run_parse(&w, err, sizeof(err), &rc) && rc == 0,
			     "fixture %s is a valid platform", fx[i].name)) {
			unit_diag("rc %d: %s", rc, rc ? err : "");
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		for (unsigned fi = 0; fi < ARRAY_SIZE(fx); fi++) {
			for (unsigned i = 0; i < kinds[k].cases * scale; i++) {
				run_case(&kinds[k], fi, i, &w, false);
			}
		}
		if (!unit_ok(!kinds[k].failed,
			     "%s: %u cases over %zu fixtures end in a clear error or a valid "
			     "platform "
			     "(%u valid, %u errors)",
			     kinds[k].name, kinds[k].tried, ARRAY_SIZE(fx), kinds[k].valid,
			     kinds[k].errors)) {
			unit_diag("%u of %u cases failed", kinds[k].failed, kinds[k].tried);
		}
		total += kinds[k].tried;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	unit_diag("%u cases in %.2f s; %u distinct error messages (numbers elided)%s", total,
		  (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
		  class_count, getenv("DTB_FUZZ_CLASSES") ? ":" : "");
	fuzz_print_classes("DTB_FUZZ_CLASSES");
	return unit_done();
}
