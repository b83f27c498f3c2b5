/* SPDX-License-Identifier: MIT */
/*
 * The MADT (ACPI 6.5 section 5.2.12) to the GIC and the CPUs: the GICD (base, GIC version), the
 * GICR ranges or, without them, each GICC's redistributor, the GICCs (MPIDR, enabled; for GICv2
 * the CPU, hypervisor and virtual CPU interfaces; the VGIC maintenance interrupt) and the GIC
 * ITSs. Part of acpi_parse(): pure code, every entry's length checked before a field is read.
 */
#include <string.h>

#include "acpi.h"
#include "acpi_ctx.h"

/* The MADT: header, local interrupt controller address, flags, then the entries. */
#define MADT_ENTRIES 44

/* Entry types (ACPI 6.5 table 5.21) and the length each must have at least. */
#define MADT_GICC 0x0b
#define MADT_GICD 0x0c
#define MADT_GICR 0x0e
#define MADT_ITS  0x0f

/* GICC (table 5.37). 76 bytes in ACPI 5.1, 80 in 6.0 (efficiency class), 82 in 6.5 (TRBE):
 * everything read here is in the first 76. */
#define GICC_MIN_LEN   76
#define GICC_FLAGS     12
#define GICC_BASE      32
#define GICC_GICV      40
#define GICC_GICH      48
#define GICC_VGIC_IRQ  56
#define GICC_GICR      60
#define GICC_MPIDR     68
#define GICC_ENABLED   (1u << 0)
#define GICC_VGIC_EDGE (1u << 2)

/* GICD (table 5.38): 24 bytes, the version at 20 (0: not given, find it in the hardware). */
#define GICD_LEN     24
#define GICD_BASE    8
#define GICD_VERSION 20

/* GICR (table 5.41) and GIC ITS (table 5.42). */
#define GICR_LEN    16
#define GICR_BASE   4
#define GICR_LENGTH 12
#define ITS_LEN	    20
#define ITS_BASE    8

/* One redistributor: RD_base and SGI_base frames (GICv3), plus VLPI and reserved (GICv4),
 * IHI 0069 12.10. */
#define GICR_STRIDE_V3 0x20000ull
#define GICR_STRIDE_V4 0x40000ull

/* What the entries say, before the decision. */
struct madt {
	uint64_t gicd;
	unsigned gicd_version, gicd_count, gicc_count;
	unsigned first_cpu_entry; /* GICC entry number of ap->cpus[0], for messages */
	uint64_t gicc, gicv, gich;
	uint32_t vgic_irq, vgic_flags;
	uint64_t gicr_base[ACPI_MAX_CPUS]; /* each enabled GICC's GICR base */
	unsigned cpu_entry[ACPI_MAX_CPUS]; /* each enabled GICC's entry number */
};

/* The per-PE interfaces the DTB gives once (GICv2 GICC/GICV/GICH, the VGIC maintenance
 * interrupt): every enabled GICC must name the same. */
static int same_as_first(struct acpi_ctx *c, const struct madt *m, unsigned entry,
			 const char *field, uint64_t first, uint64_t v)
{
	if (v == first) {
		return 0;
	}
	return acpi_fail(c, "MADT: GICC entry %u %s 0x%llx differs from GICC entry %u's 0x%llx",
			 entry, field, (unsigned long long)v, m->first_cpu_entry,
			 (unsigned long long)first);
}

static int gicc_entry(struct acpi_ctx *c, struct madt *m, const uint8_t *e, unsigned len)
{
	struct acpi_platform *ap = c->ap;
	unsigned entry = m->gicc_count++;
	uint32_t flags;
	uint64_t mpidr;

	if (len < GICC_MIN_LEN) {
		return acpi_fail(c,
				 "MADT: GICC entry %u length %u, expected at least %u (ACPI 5.1: "
				 "76, 6.0: 80, 6.5: 82)",
				 entry, len, GICC_MIN_LEN);
	}
	flags = acpi_u32(e + GICC_FLAGS);
	if (!(flags & GICC_ENABLED)) {
		/* Disabled, or online capable (ACPI 6.5: to be hot-added later): not a CPU
		 * that the firmware brought up, so not one hyptap starts. */
		return 0;
	}
	mpidr = acpi_u64(e + GICC_MPIDR);
	if (mpidr & ~PLATFORM_MPIDR_AFF_MASK) {
		return acpi_fail(c,
				 "MADT: GICC entry %u MPIDR 0x%llx has bits 0x%llx outside Aff3 "
				 "[39:32] and Aff2..Aff0 [23:0]",
				 entry, (unsigned long long)mpidr,
				 (unsigned long long)(mpidr & ~PLATFORM_MPIDR_AFF_MASK));
	}
	for (unsigned i = 0; i < ap->cpu_count; i++) {
		if (ap->cpus[i] == mpidr) {
			return acpi_fail(c,
					 "MADT: GICC entry %u MPIDR 0x%llx is also the MPIDR of "
					 "GICC entry %u",
					 entry, (unsigned long long)mpidr, m->cpu_entry[i]);
		}
	}
	if (ap->cpu_count == ACPI_MAX_CPUS) {
		return acpi_fail(c, "MADT: more than %u enabled GICC entries (CPUs)",
				 ACPI_MAX_CPUS);
	}
	if (!ap->cpu_count) {
		m->first_cpu_entry = entry;
		m->gicc = acpi_u64(e + GICC_BASE);
		m->gicv = acpi_u64(e + GICC_GICV);
		m->gich = acpi_u64(e + GICC_GICH);
		m->vgic_irq = acpi_u32(e + GICC_VGIC_IRQ);
		m->vgic_flags = flags & GICC_VGIC_EDGE;
	} else if (same_as_first(c, m, entry, "GICC base", m->gicc, acpi_u64(e + GICC_BASE)) ||
		   same_as_first(c, m, entry, "GICV base", m->gicv, acpi_u64(e + GICC_GICV)) ||
		   same_as_first(c, m, entry, "GICH base", m->gich, acpi_u64(e + GICC_GICH)) ||
		   same_as_first(c, m, entry, "VGIC maintenance interrupt", m->vgic_irq,
				 acpi_u32(e + GICC_VGIC_IRQ))) {
		return -1;
	}
	m->gicr_base[ap->cpu_count] = acpi_u64(e + GICC_GICR);
	m->cpu_entry[ap->cpu_count] = entry;
	ap->cpus[ap->cpu_count++] = mpidr;
	return 0;
}

static int gicd_entry(struct acpi_ctx *c, struct madt *m, const uint8_t *e, unsigned len)
{
	if (len < GICD_LEN) {
		return acpi_fail(c, "MADT: GICD entry length %u, expected at least %u", len,
				 GICD_LEN);
	}
	if (m->gicd_count++) {
		return acpi_fail(c, "MADT: a second GICD entry (hyptap drives one distributor)");
	}
	m->gicd = acpi_u64(e + GICD_BASE);
	m->gicd_version = e[GICD_VERSION];
	if (!m->gicd) {
		return acpi_fail(c, "MADT: GICD base address is 0");
	}
	return 0;
}

static int gicr_entry(struct acpi_ctx *c, const uint8_t *e, unsigned len)
{
	struct acpi_platform *ap = c->ap;
	struct mem_range r;

	if (len < GICR_LEN) {
		return acpi_fail(c, "MADT: GICR entry %u length %u, expected at least %u",
				 ap->gicr_count, len, GICR_LEN);
	}
	r = (struct mem_range){acpi_u64(e + GICR_BASE), acpi_u32(e + GICR_LENGTH)};
	if (!r.base || !r.size || r.size > UINT64_MAX - r.base) {
		return acpi_fail(c, "MADT: GICR entry %u range 0x%llx+0x%llx is empty or wraps",
				 ap->gicr_count, (unsigned long long)r.base,
				 (unsigned long long)r.size);
	}
	if (ap->gicr_count == PLATFORM_MAX_GICR) {
		return acpi_fail(c, "MADT: more than %u GICR entries", PLATFORM_MAX_GICR);
	}
	ap->gicr[ap->gicr_count++] = r;
	return 0;
}

static int its_entry(struct acpi_ctx *c, const uint8_t *e, unsigned len)
{
	struct acpi_platform *ap = c->ap;
	uint64_t base;

	if (len < ITS_LEN) {
		return acpi_fail(c, "MADT: GIC ITS entry %u length %u, expected at least %u",
				 ap->its_count, len, ITS_LEN);
	}
	base = acpi_u64(e + ITS_BASE);
	if (!base) {
		return acpi_fail(c, "MADT: GIC ITS entry %u base address is 0", ap->its_count);
	}
	if (ap->its_count == ACPI_MAX_ITS) {
		return acpi_fail(c, "MADT: more than %u GIC ITS entries", ACPI_MAX_ITS);
	}
	ap->its[ap->its_count++] = base;
	return 0;
}

/*
 * Without GICR entries, each enabled GICC gives its own redistributor (one stride long); the
 * DTB's GIC takes regions, so adjacent ones are merged: lowest base first, then while the next
 * redistributor starts where the region ends. At most PLATFORM_MAX_GICR regions.
 */
static int gicr_from_gicc(struct acpi_ctx *c, const struct madt *m)
{
	struct acpi_platform *ap = c->ap;
	uint64_t cursor = 0;
	unsigned covered = 0;

	for (unsigned i = 0; i < ap->cpu_count; i++) {
		uint64_t b = m->gicr_base[i];

		if (!b || ap->gicr_stride > UINT64_MAX - b) {
			return acpi_fail(
				c,
				"MADT: no GICR entry and GICC entry %u GICR base is 0x%llx "
				"(GICv3 needs one or the other)",
				m->cpu_entry[i], (unsigned long long)b);
		}
		for (unsigned j = 0; j < i; j++) {
			if (m->gicr_base[j] == b) {
				return acpi_fail(c,
						 "MADT: GICC entry %u GICR base 0x%llx is also "
						 "GICC entry %u's",
						 m->cpu_entry[i], (unsigned long long)b,
						 m->cpu_entry[j]);
			}
		}
	}
	while (covered < ap->cpu_count) {
		uint64_t start = UINT64_MAX, end;
		bool grew = true;

		for (unsigned i = 0; i < ap->cpu_count; i++) {
			if (m->gicr_base[i] >= cursor && m->gicr_base[i] < start) {
				start = m->gicr_base[i];
			}
		}
		end = start + ap->gicr_stride;
		covered++;
		while (grew) {
			grew = false;
			for (unsigned i = 0;
			     i < ap->cpu_count && end <= UINT64_MAX - ap->gicr_stride; i++) {
				if (m->gicr_base[i] == end) {
					end += ap->gicr_stride;
					covered++;
					grew = true;
				}
			}
		}
		if (ap->gicr_count == PLATFORM_MAX_GICR) {
			return acpi_fail(c,
					 "MADT: the GICCs' redistributors (no GICR entry) are in "
					 "more than %u separate ranges",
					 PLATFORM_MAX_GICR);
		}
		ap->gicr[ap->gicr_count++] = (struct mem_range){start, end - start};
		cursor = end;
	}
	return 0;
}

/* GICD version 0 means "not given": GICv3 when there are redistributors, else GICv2. */
static int decide_gic(struct acpi_ctx *c, struct madt *m)
{
	struct acpi_platform *ap = c->ap;
	unsigned v = m->gicd_version;

	if (!v) {
		v = ap->gicr_count || m->gicr_base[0] ? 3 : 2;
	}
	if (v < 2 || v > 4) {
		return acpi_fail(c, "MADT: GICD version %u, hyptap drives GICv2, v3 or v4",
				 m->gicd_version);
	}
	ap->gicd = m->gicd;
	ap->gic_version = v == 2 ? 2 : 3;
	ap->gicr_stride = v == 4 ? GICR_STRIDE_V4 : GICR_STRIDE_V3;
	if (ap->gic_version == 3) {
		if (ap->gicr_count) {
			return 0; /* the GICR entries; the GICCs' GICR bases are then unused */
		}
		return gicr_from_gicc(c, m);
	}
	if (ap->gicr_count || ap->its_count) {
		return acpi_fail(c, "MADT: %s entries with a GICv2 GICD",
				 ap->gicr_count ? "GICR" : "GIC ITS");
	}
	if (!m->gicc) {
		return acpi_fail(c, "MADT: GICv2 and GICC entry %u CPU interface base is 0",
				 m->first_cpu_entry);
	}
	if (!m->gich != !m->gicv) {
		return acpi_fail(
			c,
			"MADT: GICC entry %u has a GICH base 0x%llx and a GICV base 0x%llx: "
			"both or neither",
			m->first_cpu_entry, (unsigned long long)m->gich,
			(unsigned long long)m->gicv);
	}
	ap->gicc = m->gicc;
	ap->gich = m->gich;
	ap->gicv = m->gicv;
	return 0;
}

int acpi_madt_parse(struct acpi_ctx *c, const struct acpi_table *t)
{
	static struct madt m; /* 8 KiB: not on the boot stack */
	struct acpi_platform *ap = c->ap;
	uint32_t off = MADT_ENTRIES;
	unsigned n = 0;

	memset(&m, 0, sizeof(m));
	if (t->len < MADT_ENTRIES) {
		return acpi_fail(c, "MADT: length %u, expected at least %u", t->len, MADT_ENTRIES);
	}
	for (; off < t->len; n++) {
		const uint8_t *e = t->p + off;
		unsigned len = t->len - off >= 2 ? e[1] : 0;
		int rc = 0;

		if (t->len - off < 2 || len < 2 || len > t->len - off) {
			return acpi_fail(c,
					 "MADT: entry %u at offset %u has length %u, %u bytes left "
					 "in the table (at least 2, at most what is left)",
					 n, off, len, t->len - off);
		}
		switch (e[0]) {
		case MADT_GICC:
			rc = gicc_entry(c, &m, e, len);
			break;
		case MADT_GICD:
			rc = gicd_entry(c, &m, e, len);
			break;
		case MADT_GICR:
			rc = gicr_entry(c, e, len);
			break;
		case MADT_ITS:
			rc = its_entry(c, e, len);
			break;
		default:
			break; /* GIC MSI frames and x86 entries: not used by hyptap */
		}
		if (rc) {
			return -1;
		}
		off += len;
	}
	if (!m.gicd_count) {
		return acpi_fail(c, "MADT: no GICD entry (the GIC distributor)");
	}
	if (!ap->cpu_count) {
		return acpi_fail(c, "MADT: no enabled GICC entry (no CPU) among %u", m.gicc_count);
	}
	if (m.vgic_irq && (m.vgic_irq < 16 || m.vgic_irq > 31)) {
		return acpi_fail(c,
				 "MADT: GICC entry %u VGIC maintenance interrupt GSIV %u is not a "
				 "PPI (16 to 31)",
				 m.first_cpu_entry, m.vgic_irq);
	}
	ap->maint_gsiv = m.vgic_irq;
	ap->maint_edge = m.vgic_flags & GICC_VGIC_EDGE;
	return decide_gic(c, &m);
}
