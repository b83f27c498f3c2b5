/* SPDX-License-Identifier: MIT */
/*
 * The vGIC script the guest of virq.eoi and virq.hw runs (guest/virq_eoi.S) and the host replays
 * on the vGIC oracle (scenarios/virq/vgic_script.c): one definition of the encoding for both.
 *
 * A script is up to VS_OPS_MAX ops of 16 bits, four to a payload argument, low half-word first:
 * op [15:12], operand [11:0]; op VS_END (0) ends it. Each op that reads a register reports the
 * value under the next report key, from GREPORT_USER up.
 */
#ifndef GUEST_VIRQ_SCRIPT_H
#define GUEST_VIRQ_SCRIPT_H

#define VS_END	   0
#define VS_IAR0	   1  /* read ICV_IAR0_EL1, report it */
#define VS_IAR1	   2  /* read ICV_IAR1_EL1, report it */
#define VS_EOIR0   3  /* write the operand to ICV_EOIR0_EL1 */
#define VS_EOIR1   4  /* write the operand to ICV_EOIR1_EL1 */
#define VS_DIR	   5  /* write the operand to ICV_DIR_EL1 */
#define VS_RPR	   6  /* read ICV_RPR_EL1, report it */
#define VS_HPPIR0  7  /* read ICV_HPPIR0_EL1, report it */
#define VS_HPPIR1  8  /* read ICV_HPPIR1_EL1, report it */
#define VS_IGRPEN0 9  /* write the operand to ICV_IGRPEN0_EL1 */
#define VS_IGRPEN1 10 /* write the operand to ICV_IGRPEN1_EL1 */
#define VS_SYNC	   11 /* HVC #VS_SYNC_IMM: the host edits the list registers, then resumes */
/*
 * Unmask IRQ and FIQ and spin at most operand * VS_WAIT_UNIT iterations, until one interrupt is
 * taken on the payload's own vectors (which mask PSTATE.I and F again on return); report the
 * vector offset taken (0x280 IRQ, 0x300 FIQ, from EL1h) or 0 when none came in the window.
 */
#define VS_WAIT	     12
#define VS_CNTV_CTL  13 /* write the operand to CNTV_CTL_EL0 (CVAL is 0: ENABLE fires at once) */
#define VS_OP_COUNT  14
#define VS_WAIT_UNIT 1024

#define VS_OPS_MAX    12
#define VS_OP_SHIFT   12
#define VS_ARG_MASK   0xfff
#define VS_SYNC_IMM   0x5653 /* 'VS' */
#define VS_VEC_IRQ    0x280
#define VS_VEC_FIQ    0x300

#endif
