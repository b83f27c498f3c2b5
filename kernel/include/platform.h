/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_PLATFORM_H
#define KERNEL_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PLATFORM_MAX_MEM  16
#define PLATFORM_MAX_GICR 4
/** Most /memreserve/ entries plus /reserved-memory regions inside the image's RAM range. */
#define PLATFORM_MAX_RESERVED 64
/** Smallest page arena hyptap runs with (each guest takes 1 MiB of RAM plus its tables). */
#define PLATFORM_ARENA_MIN (8u << 20)
/** The page arena starts on a 2 MiB boundary: guest RAM likes block alignment. */
#define PLATFORM_ARENA_ALIGN (2u << 20)
/** Most virtio-mmio transports kept (QEMU's virt has 32); more are counted in virtio_left_off. */
#define PLATFORM_MAX_VIRTIO 32
/** Smallest virtio-mmio register window: the common registers and 0x100 bytes of config. */
#define PLATFORM_VIRTIO_MIN 0x200u
/** Most CPUs kept from /cpus; more are counted in cpus_left_off. */
#define PLATFORM_MAX_CPUS 64
/** The MPIDR_EL1 affinity fields a /cpus reg may hold: Aff3 [39:32], Aff2..Aff0 [23:0]. */
#define PLATFORM_MPIDR_AFF_MASK 0xff00ffffffull

struct mem_range {
	uint64_t base;
	uint64_t size;
};

/** One past the last byte of @r; platform_parse() guarantees that it does not wrap. */
static inline uint64_t mem_range_end(const struct mem_range *r)
{
	return r->base + r->size;
}

static inline bool mem_range_overlaps(const struct mem_range *a, const struct mem_range *b)
{
	return a->base < mem_range_end(b) && b->base < mem_range_end(a);
}

static inline bool mem_range_contains(const struct mem_range *outer, const struct mem_range *inner)
{
	return inner->base >= outer->base && mem_range_end(inner) <= mem_range_end(outer);
}

enum uart_kind { UART_NONE, UART_PL011, UART_NS16550 };
enum psci_conduit { PSCI_NONE, PSCI_SMC, PSCI_HVC };

/** A CPU node's "enable-method": how a secondary is started (none: property absent). */
enum cpu_enable_method {
	CPU_ENABLE_NONE,
	CPU_ENABLE_PSCI,
	CPU_ENABLE_SPIN_TABLE,
	CPU_ENABLE_OTHER
};

/**
 * struct platform_cpu - one enabled CPU of /cpus.
 * @mpidr:        its "reg": the MPIDR_EL1 affinity, only PLATFORM_MPIDR_AFF_MASK bits set.
 * @method:       its "enable-method".
 * @release_addr: "cpu-release-addr" (64 bits) when @method is CPU_ENABLE_SPIN_TABLE, else 0.
 */
struct platform_cpu {
	uint64_t mpidr;
	enum cpu_enable_method method;
	uint64_t release_addr;
};

/** Everything hyptap learns from the DTB; filled once by platform_parse(). */
struct platform {
	char model[64]; /* root "model", printable ASCII, cut to fit */
	char boot[16];	/* how the DTB came: "dt", "uefi-dt", "uefi-acpi" (/chosen/hyptap,boot) */
	char firmware[64]; /* /chosen/hyptap,firmware or u-boot,version, "" if neither */
	struct mem_range mem[PLATFORM_MAX_MEM];
	unsigned mem_count;
	/* Free RAM for the page arena: the largest piece of the image's RAM range outside the
	 * image, the DTB and every reservation, starting on a PLATFORM_ARENA_ALIGN boundary. */
	struct mem_range arena;

	enum uart_kind uart_kind;
	struct mem_range uart;
	unsigned uart_reg_shift; /* ns16550 "reg-shift" */

	unsigned gic_version; /* 2 or 3 */
	struct mem_range gicd;
	struct mem_range gicr[PLATFORM_MAX_GICR];
	unsigned gicr_count;
	struct mem_range gits;	  /* GICv3 ITS (size 0: none) */
	struct mem_range gicc;	  /* GICv2 CPU interface */
	struct mem_range gich;	  /* GICv2 hypervisor interface (size 0: none) */
	struct mem_range gicv;	  /* GICv2 virtual CPU interface (size 0: none) */
	unsigned gic_maint_intid; /* the virtual interface's maintenance PPI, 0 if none */

	/* Architected timer PPIs as INTIDs (PPI n = INTID 16 + n). */
	unsigned timer_intid_sec_phys, timer_intid_phys, timer_intid_virt, timer_intid_hyp;

	enum psci_conduit psci;
	/* Enabled "virtio,mmio" transports in DTB order: which device each one holds (if any) is
	 * for the driver to read from its registers (net/virtio_net.c). Bit n of virtio_coherent:
	 * transport n has "dma-coherent", so its DMA needs no cache maintenance. */
	struct mem_range virtio[PLATFORM_MAX_VIRTIO];
	unsigned virtio_count;
	uint32_t virtio_coherent;
	unsigned virtio_left_off;
	/* The enabled CPUs of /cpus in DTB order, MPIDRs distinct; none without /cpus (the boot
	 * CPU alone). The boot CPU is one of them wherever the DTB lists it. */
	struct platform_cpu cpus[PLATFORM_MAX_CPUS];
	unsigned cpu_count;
	unsigned cpus_left_off; /* enabled CPUs described beyond PLATFORM_MAX_CPUS */
	const char *bootargs;	/* /chosen/bootargs inside the DTB (one string), or NULL */
	const void *dtb;
	size_t dtb_size;
};

/** What the image knows about itself when it parses the DTB. */
struct platform_boot {
	const void *dtb;	/* where the DTB can be read */
	size_t dtb_size;	/* bytes readable at @dtb: the header's totalsize must fit */
	uint64_t dtb_pa;	/* the DTB's physical address (the image maps it 1:1) */
	struct mem_range image; /* the loaded image, .bss and stack included */
	unsigned pa_bits;	/* physical address size the EL2 map can reach */
};

/** The platform the image runs on (kernel/main.c). */
extern struct platform platform;

/**
 * platform_parse() - decide @p from the DTB in @boot. Pure code: no system register, no MMIO.
 *
 * The DTB is checked whole first (dtb_check()), then each node hyptap uses: memory, the console
 * UART (/chosen/stdout-path or the first enabled PL011/16550), the GIC, the architected timer,
 * PSCI, the virtio-mmio transports, the CPUs of /cpus, /chosen/bootargs; then the ranges against
 * each other and against the image and the DTB.
 *
 * Return: 0 with @p a valid platform, or -1 with a one-line reason in @err naming the node and
 * property. On error @p->uart_kind is UART_NONE unless the console UART was found and checked
 * (the caller may print the reason there).
 */
int platform_parse(struct platform *p, const struct platform_boot *boot, char *err, size_t errlen);

/**
 * platform_cpu_find() - the index in @p->cpus of the CPU whose MPIDR affinity is that of @mpidr
 * (other bits of @mpidr, such as MPIDR_EL1.U and MT, are ignored).
 * Return: the index, or -1 if no kept CPU has it.
 */
int platform_cpu_find(const struct platform *p, uint64_t mpidr);

#endif
