/* SPDX-License-Identifier: MIT */
/*
 * The GICv4.0 direct-injection oracle: whether a virtual LPI that the ITS made pending for a
 * vPE is what the guest's ICV_IAR1_EL1 / ICV_HPPIR1_EL1 return (IHI 0069 6.2 "Direct injection
 * of virtual LPIs", 4.1.1 "Physical LPIs" for the configuration byte, 12.11 GICR_VPENDBASER).
 * Pure code, unit-tested on the host (tests/unit/vlpi_model_test.c). Scope: one vLPI, no list
 * register in use, no active priority (the running priority is idle).
 */
#ifndef MODEL_VLPI_MODEL_H
#define MODEL_VLPI_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#define VLPI_SPURIOUS 1023

struct vlpi_case {
	uint32_t vintid;   /* >= 8192 */
	uint8_t config;	   /* the vPE configuration table byte: Priority [7:2], Enable [0] */
	bool pending;	   /* the ITS made it pending (INT) */
	bool resident;	   /* GICR_VPENDBASER.Valid with this vPE's VPT while the guest runs */
	uint64_t vmcr;	   /* ICH_VMCR_EL2: VENG1 (bit 1), VPMR [31:24] */
	unsigned pri_bits; /* ICH_VTR_EL2.PRIbits + 1 */
};

/** vlpi_priority() - the vLPI's priority: config [7:2] with the unimplemented low bits 0. */
uint8_t vlpi_priority(const struct vlpi_case *v);

/**
 * vlpi_deliverable() - the vLPI is the highest priority pending virtual interrupt and may be
 * signalled: pending, its vPE resident, Enable = 1 in its configuration byte, virtual Group 1
 * enabled (vLPIs are Group 1: ICH_VMCR_EL2.VENG1), its priority higher (numerically lower)
 * than ICV_PMR_EL1 (VPMR), and, with no active priority, nothing else to beat.
 */
bool vlpi_deliverable(const struct vlpi_case *v);

/**
 * vlpi_iar1() - what ICV_IAR1_EL1 reads: the vINTID when deliverable, else 1023. An
 * acknowledged LPI has no active state, so a second read is 1023.
 */
uint32_t vlpi_iar1(const struct vlpi_case *v);

/**
 * vlpi_hppir1() - what ICV_HPPIR1_EL1 reads: the highest priority pending virtual interrupt
 * (the HighestPriorityVirtualInterrupt() pseudocode: pending, resident, enabled, its group
 * enabled), whether or not the priority mask lets it be signalled: the vINTID, else 1023.
 */
uint32_t vlpi_hppir1(const struct vlpi_case *v);

#endif
