/* SPDX-License-Identifier: MIT */
/*
 * AArch32 PSR (CPSR/SPSR, and SPSR_EL2 for an exception taken from AArch32): field names from
 * one place (Arm ARM DDI 0487, "SPSR_EL2, when an exception is taken from AArch32 state", and
 * "The AArch32 PSRs"). Pure definitions, host-compilable.
 */
#ifndef ARCH_PSR32_H
#define ARCH_PSR32_H

/* M[4:0]: M[4] = 1 is the AArch32 discriminator ("nRW"). */
#define PSR32_M_MASK 0x1fULL
#define PSR32_M_RW   0x10ULL /* M[4]: the exception was taken from AArch32 */
#define PSR32_M_USR  0x10
#define PSR32_M_FIQ  0x11
#define PSR32_M_IRQ  0x12
#define PSR32_M_SVC  0x13
#define PSR32_M_MON  0x16
#define PSR32_M_ABT  0x17
#define PSR32_M_HYP  0x1a
#define PSR32_M_UND  0x1b
#define PSR32_M_SYS  0x1f

#define PSR32_T (1ULL << 5) /* T32 state */
#define PSR32_F (1ULL << 6)
#define PSR32_I (1ULL << 7)
#define PSR32_A (1ULL << 8)
#define PSR32_E (1ULL << 9) /* big-endian data */

/* ITSTATE: IT[1:0] in bits [26:25], IT[7:2] in bits [15:10]. */
#define PSR32_IT_LO_SHIFT 25
#define PSR32_IT_LO_MASK  0x3ULL
#define PSR32_IT_HI_SHIFT 10
#define PSR32_IT_HI_MASK  0x3fULL

/** psr32_it() - ITSTATE (IT[7:0]) of an AArch32 PSR. */
static inline unsigned psr32_it(unsigned long long psr)
{
	return (unsigned)(((psr >> PSR32_IT_LO_SHIFT) & PSR32_IT_LO_MASK) |
			  (((psr >> PSR32_IT_HI_SHIFT) & PSR32_IT_HI_MASK) << 2));
}

/**
 * psr32_it_advance() - @psr with ITSTATE advanced past one instruction, as after skipping a
 * trapped instruction. AArch32.ITAdvance(): if IT[2:0] == 0 the block ends (IT = 0), else
 * IT[4:0] = LSL(IT[4:0], 1). Outside an IT block (IT = 0) nothing changes.
 */
static inline unsigned long long psr32_it_advance(unsigned long long psr)
{
	unsigned it = psr32_it(psr);

	it = (it & 0x7) == 0 ? 0 : (it & 0xe0) | ((it << 1) & 0x1f);
	psr &= ~((PSR32_IT_LO_MASK << PSR32_IT_LO_SHIFT) | (PSR32_IT_HI_MASK << PSR32_IT_HI_SHIFT));
	return psr | (unsigned long long)(it & PSR32_IT_LO_MASK) << PSR32_IT_LO_SHIFT |
	       (unsigned long long)((it >> 2) & PSR32_IT_HI_MASK) << PSR32_IT_HI_SHIFT;
}

#endif /* ARCH_PSR32_H */
