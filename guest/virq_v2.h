/* SPDX-License-Identifier: MIT */
/*
 * The script ABI of guest/virq_v2.S (the virq.v2.* payload), shared with the scenarios and the
 * oracle that predicts the same script: entries of three 32-bit words {op, GICV offset, value}.
 */
#ifndef GUEST_VIRQ_V2_H
#define GUEST_VIRQ_V2_H

#define V2OP_END	0
#define V2OP_READ	1 /* results += 32-bit read of GICV + off */
#define V2OP_WRITE	2 /* 32-bit write of value to GICV + off */
#define V2OP_WRITE_ACK	3 /* write what the last GICV_IAR/AIAR read returned (CPUID included) */
#define V2OP_SYNC	4 /* HVC #1: the scenario looks at GICH_* and resumes */
#define V2OP_WAIT	5 /* unmask IRQ and FIQ for up to value iterations: results += V2_TAKEN_* */

/* The GICV_* offsets whose reads V2OP_WRITE_ACK remembers (GICV_IAR, GICV_AIAR). */
#define V2_GICV_IAR  0x0c
#define V2_GICV_AIAR 0x20

/* What a V2OP_WAIT saw: nothing, or the first exception taken at EL1. */
#define V2_TAKEN_NONE 0
#define V2_TAKEN_IRQ  1
#define V2_TAKEN_FIQ  2

/* The HVC immediate of V2OP_SYNC (any but the service ABI's). */
#define V2_SYNC_IMM 1

#endif
