/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_GIC_H
#define KERNEL_GIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform.h"

/**
 * gic_init() - bring up the distributor, this CPU's redistributor (GICv3) or CPU interface
 * (GICv2), so that PPI @intid (the EL2 watchdog timer) reaches this PE as an IRQ.
 * The interrupt is level-sensitive and is never acknowledged: the watchdog disables its
 * timer, which drops the line. Return: 0, or -1 with a reason in @err.
 */
int gic_init(const struct platform *p, unsigned intid, char *err, size_t errlen);

/**
 * This PE's CPU interface number on GICv2 (the bit GICD_ITARGETSR0 reads as): what GICC_IAR's
 * CPUID field names when this PE sends an SGI. 0 on GICv3 (ICC_IAR1_EL1 has no source field).
 */
unsigned gic_sgi_source_id(void);

/** gic_init() for a further PE: its redistributor or banked GICv2 registers, its CPU interface. */
int gic_init_cpu(void);
/** Physical SGI @intid to PE @cpu only (smp.h index): ICC_SGI1R_EL1, or GICD_SGIR's target list. */
void gic_sgi_to_cpu(unsigned cpu, unsigned intid);

/** This PE's GICv3 redistributor (GICR_TYPER.Affinity_Value = its MPIDR affinity), 0 if none. */
uint64_t gic_rdist_base(const struct platform *p);

/** Number of implemented list registers (ICH_VTR_EL2.ListRegs + 1), 0 without GICv3 sysregs. */
unsigned gic_lr_count(void);

/*
 * This PE's SGIs (INTID 0-15) and PPIs (16-31), on the GICv3 redistributor or the GICv2
 * distributor's banked registers; INTIDs >= 32 are ignored. All are Group 1 on GICv3 (taken
 * as IRQs), as gic_init() configures the watchdog's.
 */
void gic_irq_enable(unsigned intid, bool on);
void gic_irq_set_pending(unsigned intid, bool on); /* GICv2 SGIs: through GICD_SGIR/CPENDSGIR */
void gic_irq_set_active(unsigned intid, bool on);
bool gic_irq_enabled(unsigned intid);
bool gic_irq_pending(unsigned intid);
bool gic_irq_active(unsigned intid);
void gic_irq_set_priority(unsigned intid, uint8_t prio);
/** Generate SGI @intid for this PE only (ICC_SGI1R_EL1, or GICD_SGIR TargetListFilter 0b10). */
void gic_sgi_to_self(unsigned intid);

/**
 * gic_ack() - acknowledge the highest-priority pending Group 1 interrupt (ICC_IAR1_EL1, GICC_IAR).
 * Return: the IAR value: the INTID, 1023 if none; on GICv2 an SGI's source PE is in [12:10].
 * gic_eoi() and gic_deactivate() take that value back.
 */
unsigned gic_ack(void);
/** Group 0 (ICC_IAR0_EL1, FIQs; GICv3 only, 1023 otherwise). */
unsigned gic_ack_group0(void);
/** Priority drop only: the harness runs with EOImode = 1 (ICC_CTLR_EL1, GICC_CTLR.EOImodeNS). */
void gic_eoi(unsigned iar);
void gic_eoi_group0(unsigned iar);
/** Deactivate (ICC_DIR_EL1, GICC_DIR). */
void gic_deactivate(unsigned iar);
/** The virtual interface's maintenance PPI (the GIC node's interrupts), 0 if the DTB has none. */
unsigned gic_maint_intid(void);
/** The physical running priority (ICC_RPR_EL1, GICC_RPR): 0xff when nothing is active. */
unsigned gic_running_priority(void);
/**
 * gic_leak_check() - whether this PE's SGIs and PPIs are as the harness left them between
 * instances: none pending but the watchdog's, none active, no more enabled than after gic_init(),
 * the running priority idle. Return: 0, or -1 with the state in @what, after cleaning it up.
 */
int gic_leak_check(char *what, size_t len);

#endif
