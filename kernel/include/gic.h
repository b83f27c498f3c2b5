/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_GIC_H
#define KERNEL_GIC_H

#include <stdint.h>

#include "platform.h"

/**
 * gic_init() - bring up the distributor, this CPU's redistributor (GICv3) or CPU interface
 * (GICv2), so that PPI @intid (the EL2 watchdog timer) reaches this PE as an IRQ.
 * The interrupt is level-sensitive and is never acknowledged: the watchdog disables its
 * timer, which drops the line. Return: 0, or -1 with a reason in @err.
 */
int gic_init(const struct platform *p, unsigned intid, char *err, size_t errlen);

/** Number of implemented list registers (ICH_VTR_EL2.ListRegs + 1), 0 without GICv3 sysregs. */
unsigned gic_lr_count(void);

#endif
