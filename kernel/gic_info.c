/* SPDX-License-Identifier: MIT */
/*
 * The GIC CPU interface's ID values for the TAP header (gic_info.h). Decoded here for people
 * only: the oracles in scenarios/model/ decode the same registers on their own.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "gic_info.h"

#define GICD_TYPER	0x0004
#define GICD_TYPER2	0x000c /* GICv4.1: VIL, VID; reserved (RES0) before */
#define GICD_TYPER_DVIS 18     /* direct injection of virtual LPIs (GICv4) */

/* IDbits 0b000: 16 INTID bits, 0b001: 24; anything else is reserved (printed as 0). */
static unsigned id_bits(uint64_t field)
{
	return field == 0 ? 16 : field == 1 ? 24 : 0;
}

static uint32_t gicd_read32(uint64_t frame, unsigned offset)
{
	return *(volatile uint32_t *)(frame + offset);
}

#define GICH_VTR 0x0004 /* GICv2 hypervisor interface (IHI 0048B 5.3.2) */

void gic_info_describe(unsigned gic_version, uint64_t gicd, uint64_t gich, char *buf, size_t len)
{
	uint64_t vtr, ctlr, pfr0 = read_id_aa64pfr0_el1();
	uint32_t typer, typer2;

	if (gic_version == 2 && gich) {
		uint32_t v2 = gicd_read32(gich, GICH_VTR);

		snprintf(buf, len,
			 "v2 gich_vtr=0x%x (listregs=%u prebits=%u pribits=%u) id_aa64pfr0.gic=%u",
			 v2, (unsigned)FIELD_GET(v2, 0, 6) + 1, (unsigned)FIELD_GET(v2, 26, 3) + 1,
			 (unsigned)FIELD_GET(v2, 29, 3) + 1, (unsigned)PFR0_GIC(pfr0));
		return;
	}
	if (gic_version != 3) {
		snprintf(buf, len, "v%u id_aa64pfr0.gic=%u (no GICv3 CPU interface in use)",
			 gic_version, (unsigned)PFR0_GIC(pfr0));
		return;
	}
	vtr = read_ich_vtr_el2();
	ctlr = read_icc_ctlr_el1();
	typer = gicd_read32(gicd, GICD_TYPER);
	typer2 = gicd_read32(gicd, GICD_TYPER2);
	snprintf(buf, len,
		 "v3 ich_vtr_el2=0x%llx (listregs=%u pribits=%u prebits=%u idbits=%u seis=%u "
		 "a3v=%u nv4=%u tds=%u dvim=%u) icc_ctlr_el1=0x%llx (pribits=%u idbits=%u seis=%u "
		 "a3v=%u rss=%u extrange=%u) id_aa64pfr0.gic=%u gicd_typer=0x%x (dvis=%u) "
		 "gicd_typer2=0x%x",
		 (unsigned long long)vtr, (unsigned)FIELD_GET(vtr, 0, 5) + 1,
		 (unsigned)FIELD_GET(vtr, 29, 3) + 1, (unsigned)FIELD_GET(vtr, 26, 3) + 1,
		 id_bits(FIELD_GET(vtr, 23, 3)), (unsigned)FIELD_GET(vtr, 22, 1),
		 (unsigned)FIELD_GET(vtr, 21, 1), (unsigned)FIELD_GET(vtr, 20, 1),
		 (unsigned)FIELD_GET(vtr, 19, 1), (unsigned)FIELD_GET(vtr, 18, 1),
		 (unsigned long long)ctlr, (unsigned)FIELD_GET(ctlr, 8, 3) + 1,
		 id_bits(FIELD_GET(ctlr, 11, 3)), (unsigned)FIELD_GET(ctlr, 14, 1),
		 (unsigned)FIELD_GET(ctlr, 15, 1), (unsigned)FIELD_GET(ctlr, 18, 1),
		 (unsigned)FIELD_GET(ctlr, 19, 1), (unsigned)PFR0_GIC(pfr0), typer,
		 (unsigned)FIELD_GET(typer, GICD_TYPER_DVIS, 1), typer2);
}
