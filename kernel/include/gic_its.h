/* SPDX-License-Identifier: MIT */
/*
 * A minimal GICv4.0 ITS and vPE driver for direct injection of virtual LPIs (IHI 0069
 * chapters 5 and 6): the ITS found in the DTB (arm,gic-v3-its), its Device and vPE tables and
 * command queue, one device (DeviceID 0), and the residency of one vPE on this PE's
 * redistributor (GICR_VPROPBASER, GICR_VPENDBASER), whichever PE runs it: VMAPP targets the running
 * PE's redistributor, so a user maps the vPE, makes it resident, and unmaps it on one PE, one user
 * at a time (struct scenario.alone). No physical LPIs, so no doorbells: every
 * vLPI is mapped with doorbell 1023 ("no doorbell"). See docs/gicv4.md.
 */
#ifndef KERNEL_GIC_ITS_H
#define KERNEL_GIC_ITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform.h"

#define GIC_ITS_VINTID_FIRST 8192u /* LPIs start at INTID 8192 */
#define GIC_ITS_VLPIS	     64u   /* vINTIDs 8192..8255 have configuration bytes here */

/** A vPE: its LPI configuration table (a byte per vINTID from 8192) and pending table. */
struct gic_vpe {
	unsigned id;	  /* vPEID */
	uint8_t *prop;	  /* GIC_ITS_VLPIS configuration bytes: priority [7:2], Enable [0] */
	uint8_t *pending; /* the VPT: one bit per INTID, 0..16383 */
};

/**
 * gic_its_unavailable() - NULL if this platform gives direct vLPI injection (an ITS with
 * GITS_TYPER.Virtual = 1, this PE's GICR_TYPER.VLPIS = 1), else the reason, for a SKIP.
 */
const char *gic_its_unavailable(const struct platform *p);

/**
 * gic_its_init() - map the ITS, program its tables and command queue, enable it (once; later
 * calls return the first result). Return: 0, or -1 with a reason in @err.
 */
int gic_its_init(const struct platform *p, char *err, size_t len);

/** gic_its_vpe() - the one vPE this driver keeps (vPEID 1), its tables zeroed. */
struct gic_vpe *gic_its_vpe(void);

/* ITS commands (IHI 0069 5.3), each queued and waited for; 0 or -1 (stalled, timeout). */
int gic_its_mapd(uint32_t devid, bool valid);
int gic_its_vmapp(const struct gic_vpe *vpe, bool valid);
int gic_its_vmapti(uint32_t devid, uint32_t eventid, const struct gic_vpe *vpe, uint32_t vintid,
		   uint32_t doorbell);
int gic_its_int(uint32_t devid, uint32_t eventid);
int gic_its_discard(uint32_t devid, uint32_t eventid);
int gic_its_vinvall(const struct gic_vpe *vpe);
int gic_its_vsync(const struct gic_vpe *vpe);

/**
 * gic_its_vpe_resident() - make @vpe resident on this PE (GICR_VPROPBASER, then
 * GICR_VPENDBASER with Valid = 1) or not (Valid = 0, then wait for Dirty = 0).
 * Return: 0, or -1 when Dirty does not clear.
 */
int gic_its_vpe_resident(const struct gic_vpe *vpe, bool on);

#endif
