/* SPDX-License-Identifier: MIT */
/*
 * The cross-PE probe's mailbox (guest/xpe_probe.S, scenarios/smp/xpe_probe.c): one per vCPU in
 * guest RAM, byte offsets. The harness writes the operands and then XP_SEQ (+1); the guest,
 * which spins on XP_SEQ, does the op and writes XP_ACK = XP_SEQ last (release).
 */
#ifndef GUEST_XPE_PROBE_ABI_H
#define GUEST_XPE_PROBE_ABI_H

#define XP_SEQ	0x00
#define XP_OP	0x08
#define XP_ARG	0x10 /* READ: a value to store (0: none); S1_* and IC: the new word */
#define XP_ADDR 0x18 /* S1_* and IC: the VA of the word to write; MP_*: the data/flag pair */
#define XP_OUT0 0x20 /* READ: words 0 and 1 read; CALL: x1 of the patched code; MP_READ: */
#define XP_OUT1 0x28 /* the reads that saw the flag but old data, and those in flight */
#define XP_ACK	0x30
#define XP_LIVE 0x38 /* the guest counts its rounds of the spin here (evidence of a hang) */
#define XP_SIZE 0x40

#define XP_OP_QUIT	 0 /* return XP_STATUS_DONE (the run ends) */
#define XP_OP_READ	 1 /* read the probe (words 0, 1), then store XP_ARG to word 2 if nonzero */
#define XP_OP_S1_VMALLE1 2 /* store XP_ARG at XP_ADDR; DSB ISH; TLBI VMALLE1; DSB ISH; ISB */
#define XP_OP_S1_VAE1	 3 /* the same with TLBI VAE1 of the probe VA */
#define XP_OP_IC_IALLU	 4 /* store 32-bit XP_ARG at XP_ADDR; DC CVAU; DSB ISH; IC IALLU; ... */
#define XP_OP_CALL	 5 /* ISB; call gl_xp_patch (it sets x1) */
#define XP_OP_MP_WRITE	 6 /* wait for the reader; i = 1..XP_MP_ROUNDS: data = i; DMB; flag = i */
#define XP_OP_MP_READ	 7 /* set ready; wait for flag != 0; until flag = XP_MP_ROUNDS (at most
			    * XP_MP_READS times): f = flag; DMB; d = data; count d < f */
#define XP_OP_MASK	 0xff
#define XP_OP_NSH	 0x100 /* MP_*: DMB NSH instead of DMB ISH */
#define XP_OP_YIELD	 0x200 /* after the ack: HVC #XP_YIELD_IMM (a vCPU run synchronously) */

/* MP_*: the pair at XP_ADDR is data, flag, the reader's ready word (all 0 at first). */
#define XP_MP_ROUNDS 0x40000
#define XP_MP_READS  0x400000  /* the reader's reads after the first flag, at most */
#define XP_MP_WAIT   0x400000  /* reads of ready or of flag while it is 0, at most */
#define XP_YIELD_IMM	0x5850
#define XP_STATUS_DONE	0x600d
#define XP_STATUS_BADOP 0xbad1

/* gl_xp_patch's first instruction: MOVZ X1, #imm (imm 1 as built). */
#define XP_MOVZ_X1(imm) (0xd2800001u | ((unsigned)(imm) << 5))

#endif
