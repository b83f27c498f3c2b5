/* SPDX-License-Identifier: MIT */
/*
 * GICv4.0 ITS and vPE residency (gic_its.h). Register layouts: IHI 0069 12.19 (GITS_*),
 * 12.11 (GICR_VPROPBASER, GICR_VPENDBASER); command formats: IHI 0069 5.3.
 * The tables live in .bss: the harness keeps them for its lifetime, so no instance's page
 * accounting sees them, and the ITS reads them Inner Shareable Write-Back like the harness.
 */
#include <stdio.h>
#include <string.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "gic.h"
#include "gic_its.h"
#include "mmu.h"

#define GITS_CTLR	    0x0000
#define GITS_CTLR_ENABLED   (1u << 0)
#define GITS_CTLR_QUIESCENT (1u << 31)
#define GITS_TYPER	    0x0008
#define GITS_TYPER_VIRTUAL  (1ULL << 1)
#define GITS_TYPER_PTA	    (1ULL << 19)
#define GITS_CBASER	    0x0080
#define GITS_CWRITER	    0x0088
#define GITS_CREADR	    0x0090
#define GITS_CREADR_STALLED (1ULL << 0)
#define GITS_BASER(n)	    (0x0100 + 8 * (n))
#define GITS_BASER_VALID    (1ULL << 63)
#define GITS_BASER_TYPE(v)  FIELD_GET(v, 56, 3)
#define BASER_TYPE_DEVICE   1
#define BASER_TYPE_VPE	    2
#define BASER_TYPE_COLL	    4
/* InnerCache = 0b111 (Normal Write-Back, read/write-allocate), Inner Shareable. */
#define BASER_CACHE_WB	  (7ULL << 59)
#define BASER_SH_INNER	  (1ULL << 10)
#define CBASER_VALID	  (1ULL << 63)
#define CBASER_CACHE_WB	  (7ULL << 59)
#define CBASER_SH_INNER	  (1ULL << 10)
#define BASER_CACHE_RD_WB (7ULL << 7) /* GICR_*PROPBASER / *PENDBASER InnerCache */
#define BASER_SH_RD_INNER (1ULL << 10)

#define GICR_TYPER	 0x0008
#define GICR_TYPER_VLPIS (1ULL << 1)
#define GICR_TYPER_LAST	 (1ULL << 4)
#define GICR_VLPI_FRAME	 0x20000
#define GICR_VPROPBASER	 (GICR_VLPI_FRAME + 0x70)
#define GICR_VPENDBASER	 (GICR_VLPI_FRAME + 0x78)
#define VPENDBASER_VALID (1ULL << 63)
#define VPENDBASER_DIRTY (1ULL << 60)

#define CMD_INT	    0x03
#define CMD_MAPD    0x08
#define CMD_DISCARD 0x0f
#define CMD_VSYNC   0x25
#define CMD_VMAPP   0x29
#define CMD_VMAPTI  0x2a
#define CMD_VINVALL 0x2d
#define CMD_WORDS   4
#define CMDQ_BYTES  4096
#define POLL_LIMIT  1000000
/* vLPI IDbits: 14 (INTIDs up to 16383), encoded minus one. */
#define VLPI_IDBITS 14
#define VPT_BYTES   (1u << VLPI_IDBITS) / 8

/* The ITS's own tables: one 4 KiB page each (DeviceID 0 and vPEID 1 index the first entries). */
static uint8_t its_device_table[4096] __attribute__((aligned(65536)));
static uint8_t its_vpe_table[4096] __attribute__((aligned(65536)));
static uint8_t its_coll_table[4096] __attribute__((aligned(65536)));
static uint64_t its_cmdq[CMDQ_BYTES / 8] __attribute__((aligned(65536)));
static uint8_t its_itt[256] __attribute__((aligned(256)));
/* The vPE's tables: the configuration table from vINTID 8192, the 64 KiB-aligned VPT. */
static uint8_t vpe_prop[4096] __attribute__((aligned(4096)));
static uint8_t vpe_vpt[65536] __attribute__((aligned(65536)));

static struct gic_vpe the_vpe = {.id = 1, .prop = vpe_prop, .pending = vpe_vpt};
static uint64_t its_base;
static const struct platform *its_platform;

/* The running PE's redistributor: VMAPP targets it and the vPE becomes resident there. */
static uint64_t rd_this(void)
{
	return gic_rdist_base(its_platform);
}
static unsigned cmdq_next;
static int init_result = 1; /* 1: not yet tried */
static char init_err[128];

static uint64_t rd64(uint64_t a)
{
	return *(volatile uint64_t *)a;
}

static void wr64(uint64_t a, uint64_t v)
{
	*(volatile uint64_t *)a = v;
}

static uint32_t rd32(uint64_t a)
{
	return *(volatile uint32_t *)a;
}

static void wr32(uint64_t a, uint32_t v)
{
	*(volatile uint32_t *)a = v;
}

const char *gic_its_unavailable(const struct platform *p)
{
	static char why[96];

	if (p->gic_version != 3) {
		snprintf(why, sizeof(why), "needs a GICv3/v4 ITS (GIC v%u)", p->gic_version);
		return why;
	}
	if (!p->gits.size) {
		return "needs an ITS (no arm,gic-v3-its node in the DTB)";
	}
	uint64_t r = gic_rdist_base(p);

	if (!r || !(rd64(r + GICR_TYPER) & GICR_TYPER_VLPIS)) {
		return "needs direct vLPI injection (GICR_TYPER.VLPIS = 0: GICv3, not GICv4)";
	}
	return NULL;
}

static int baser_setup(char *err, size_t len)
{
	for (unsigned n = 0; n < 8; n++) {
		uint64_t v = rd64(its_base + GITS_BASER(n)), pa;

		switch (GITS_BASER_TYPE(v)) {
		case BASER_TYPE_DEVICE:
			pa = (uintptr_t)its_device_table;
			break;
		case BASER_TYPE_VPE:
			pa = (uintptr_t)its_vpe_table;
			break;
		case BASER_TYPE_COLL:
			pa = (uintptr_t)its_coll_table;
			break;
		default:
			continue;
		}
		/* Flat, 4 KiB pages (PageSize 0), one page (Size 0); Type and Entry_Size kept. */
		uint64_t w = (v & (7ULL << 56 | 0x1fULL << 48)) | GITS_BASER_VALID |
			     BASER_CACHE_WB | BASER_SH_INNER | pa;

		wr64(its_base + GITS_BASER(n), w);
		if (!(rd64(its_base + GITS_BASER(n)) & GITS_BASER_VALID)) {
			snprintf(err, len, "GITS_BASER%u did not take 0x%llx", n,
				 (unsigned long long)w);
			return -1;
		}
	}
	return 0;
}

int gic_its_init(const struct platform *p, char *err, size_t len)
{
	const char *why;

	if (init_result != 1) {
		snprintf(err, len, "%s", init_err);
		return init_result;
	}
	init_result = -1;
	if ((why = gic_its_unavailable(p))) {
		snprintf(init_err, sizeof(init_err), "%s", why);
	} else if (its_base = p->gits.base, mmu_map_device(its_base, p->gits.size)) {
		snprintf(init_err, sizeof(init_err), "cannot map the ITS");
	} else if (!(rd64(its_base + GITS_TYPER) & GITS_TYPER_VIRTUAL)) {
		snprintf(init_err, sizeof(init_err), "GITS_TYPER.Virtual = 0: no vLPI support");
	} else if (!baser_setup(init_err, sizeof(init_err))) {
		its_platform = p;
		/* Command queue: one 4 KiB page (Size = pages - 1 = 0). */
		wr64(its_base + GITS_CBASER,
		     CBASER_VALID | CBASER_CACHE_WB | CBASER_SH_INNER | (uintptr_t)its_cmdq);
		wr64(its_base + GITS_CWRITER, 0);
		wr32(its_base + GITS_CTLR, rd32(its_base + GITS_CTLR) | GITS_CTLR_ENABLED);
		init_result = 0;
	}
	snprintf(err, len, "%s", init_err);
	return init_result;
}

struct gic_vpe *gic_its_vpe(void)
{
	memset(vpe_prop, 0, sizeof(vpe_prop));
	memset(vpe_vpt, 0, sizeof(vpe_vpt));
	dsb_ish();
	return &the_vpe;
}

/* Queue one command and wait until GITS_CREADR has passed it. */
static int its_cmd(const uint64_t cmd[CMD_WORDS])
{
	unsigned slot = cmdq_next;

	for (unsigned i = 0; i < CMD_WORDS; i++) {
		its_cmdq[slot * CMD_WORDS + i] = cmd[i];
	}
	cmdq_next = (slot + 1) % (CMDQ_BYTES / (8 * CMD_WORDS));
	dsb_ish();
	wr64(its_base + GITS_CWRITER, (uint64_t)cmdq_next * 8 * CMD_WORDS);
	for (unsigned n = 0; n < POLL_LIMIT; n++) {
		uint64_t creadr = rd64(its_base + GITS_CREADR);

		if (creadr & GITS_CREADR_STALLED) {
			return -1;
		}
		if ((creadr & 0xfffe0) == (uint64_t)cmdq_next * 8 * CMD_WORDS) {
			return 0;
		}
	}
	return -1;
}

int gic_its_mapd(uint32_t devid, bool valid)
{
	/* Size = EventID bits - 1 = 0 (EventIDs 0 and 1); ITT_addr [51:8]; V [63]. */
	const uint64_t c[CMD_WORDS] = {CMD_MAPD | (uint64_t)devid << 32, 0,
				       (valid ? 1ULL << 63 : 0) | (uintptr_t)its_itt, 0};

	return its_cmd(c);
}

int gic_its_vmapp(const struct gic_vpe *vpe, bool valid)
{
	/*
	 * vPEID [47:32] of DW1; RDbase [50:16] of DW2: with GITS_TYPER.PTA = 0 the target's
	 * processor number (GICR_TYPER.Processor_Number, bits [23:8]), with PTA = 1 its
	 * physical address; VPT_addr [51:16] and VPT_size (IDbits - 1) of DW3; V [63] of DW2.
	 */
	uint64_t rd = rd_this();
	uint64_t rdbase = rd64(its_base + GITS_TYPER) & GITS_TYPER_PTA
				  ? rd
				  : FIELD_GET(rd64(rd + GICR_TYPER), 8, 16) << 16;
	const uint64_t c[CMD_WORDS] = {CMD_VMAPP, (uint64_t)vpe->id << 32,
				       (valid ? 1ULL << 63 : 0) | rdbase,
				       (uintptr_t)vpe->pending | (VLPI_IDBITS - 1)};

	return its_cmd(c);
}

int gic_its_vmapti(uint32_t devid, uint32_t eventid, const struct gic_vpe *vpe, uint32_t vintid,
		   uint32_t doorbell)
{
	const uint64_t c[CMD_WORDS] = {CMD_VMAPTI | (uint64_t)devid << 32,
				       eventid | (uint64_t)vpe->id << 32,
				       vintid | (uint64_t)doorbell << 32, 0};

	return its_cmd(c);
}

int gic_its_int(uint32_t devid, uint32_t eventid)
{
	const uint64_t c[CMD_WORDS] = {CMD_INT | (uint64_t)devid << 32, eventid, 0, 0};

	return its_cmd(c);
}

int gic_its_discard(uint32_t devid, uint32_t eventid)
{
	const uint64_t c[CMD_WORDS] = {CMD_DISCARD | (uint64_t)devid << 32, eventid, 0, 0};

	return its_cmd(c);
}

int gic_its_vinvall(const struct gic_vpe *vpe)
{
	const uint64_t c[CMD_WORDS] = {CMD_VINVALL, (uint64_t)vpe->id << 32, 0, 0};

	return its_cmd(c);
}

int gic_its_vsync(const struct gic_vpe *vpe)
{
	const uint64_t c[CMD_WORDS] = {CMD_VSYNC, (uint64_t)vpe->id << 32, 0, 0};

	return its_cmd(c);
}

int gic_its_vpe_resident(const struct gic_vpe *vpe, bool on)
{
	uint64_t rd_base = rd_this();

	if (on) {
		dsb_ish();
		wr64(rd_base + GICR_VPROPBASER, (uintptr_t)vpe->prop | BASER_CACHE_RD_WB |
							BASER_SH_RD_INNER | (VLPI_IDBITS - 1));
		wr64(rd_base + GICR_VPENDBASER, VPENDBASER_VALID | BASER_CACHE_RD_WB |
							BASER_SH_RD_INNER |
							(uintptr_t)vpe->pending);
		return 0;
	}
	wr64(rd_base + GICR_VPENDBASER, 0);
	for (unsigned n = 0; n < POLL_LIMIT; n++) {
		if (!(rd64(rd_base + GICR_VPENDBASER) & VPENDBASER_DIRTY)) {
			return 0;
		}
	}
	return -1;
}
