/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_GIC_INFO_H
#define KERNEL_GIC_INFO_H

#include <stddef.h>

/**
 * gic_info_describe() - one line for humans (the TAP header's "# gic: ..."): the GIC version
 * and, with GICv3, ICH_VTR_EL2 and ICC_CTLR_EL1 raw and decoded field by field, and
 * ID_AA64PFR0_EL1.GIC, so a report can quote what each CPU model implements.
 */
void gic_info_describe(unsigned gic_version, char *buf, size_t len);

#endif
