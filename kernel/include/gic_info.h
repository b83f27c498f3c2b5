/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_GIC_INFO_H
#define KERNEL_GIC_INFO_H

#include <stddef.h>
#include <stdint.h>

/**
 * gic_info_describe() - one line for humans (the TAP header's "# gic: ..."): the GIC version
 * and, with GICv3, ICH_VTR_EL2 and ICC_CTLR_EL1 raw and decoded field by field, and
 * ID_AA64PFR0_EL1.GIC, and the distributor's GICD_TYPER (DVIS: GICv4 direct vLPI injection)
 * and GICD_TYPER2 (GICv4.1) at @gicd (mapped); with GICv2, GICH_VTR from the hypervisor
 * interface at @gich (0: none), so a report can quote what each CPU model and GIC implement.
 */
void gic_info_describe(unsigned gic_version, uint64_t gicd, uint64_t gich, char *buf, size_t len);

#endif
