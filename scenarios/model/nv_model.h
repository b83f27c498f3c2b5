/* SPDX-License-Identifier: MIT */
/*
 * Oracle for the ERET trap syndrome and the FEAT_NV / FEAT_NV2 rules that decide what an EL1
 * system register access does when HCR_EL2.{NV, NV1, NV2} are set (Arm ARM DDI 0487, D8.x
 * "Nested virtualization", HCR_EL2.NV/NV1/NV2, VNCR_EL2, and each register's accessibility
 * pseudocode). Pure code, host-tested in tests/unit/nv_model_test.c.
 */
#ifndef MODEL_NV_MODEL_H
#define MODEL_NV_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/**
 * esr_expect_eret() - syndrome of a trapped ERET, ERETAA or ERETAB (EC 0x1A), taken to EL2 by
 * HCR_EL2.NV or HFGITR_EL2.ERET.
 * @pac: ERETAA/ERETAB (ISS.ERET, bit 1 = 1) rather than ERET.
 * @key_b: ERETAB (ISS.ERETA, bit 0 = 1); only meaningful with @pac, RES0 otherwise.
 *
 * AArch64.CheckForERetTrap(): IL 1, ISS[24:2] RES0 ("ISS encoding for an exception from ERET,
 * ERETAA, or ERETAB instruction").
 */
uint64_t esr_expect_eret(bool pac, bool key_b);

/** What HCR_EL2.{NV, NV1, NV2} make of an EL1 access. */
enum nv_outcome {
	NV_EXECUTE, /* the access behaves as without NV */
	NV_UNDEF,   /* UNDEFINED at EL1 (EC 0x00 on the guest's own vector) */
	NV_TRAP,    /* trapped to EL2, EC 0x18 with the access's own encoding */
	NV_MEMORY,  /* FEAT_NV2: a load/store at VNCR_EL2.BADDR + offset, no exception */
	NV_EL1_REG, /* FEAT_NV2: redirected to the EL1 register of the same name */
};

struct nv_hcr {
	bool nv, nv1, nv2;
};

/**
 * nv_sysreg_outcome() - what an MRS/MSR at EL1 of the register op0/op1/crn/crm/op2 does.
 * @offset: for NV_MEMORY, the byte offset in the VNCR page (Linux vncr_mapping.h lists the
 *	same table).
 *
 * The rules encoded (for the registers the table below knows; others are NV_EXECUTE when
 * op1 is not 4 or 5):
 * - op1 = 4 or 5 (EL2 registers, *_EL12, *_EL02, SP_EL1): UNDEFINED at EL1 without NV;
 *   with NV = 1 and NV2 = 0 trapped to EL2; with NV2 = 1 a VNCR page access when the register
 *   has an offset (EL12 registers: the offset of their EL1 register, when NV1 = 0), redirected
 *   to the EL1 register for ELR_EL2, SPSR_EL2, ESR_EL2, FAR_EL2, else still trapped.
 * - {NV, NV1, NV2} = {1, 1, 0}: EL1 accesses to VBAR_EL1, ELR_EL1, SPSR_EL1, SCXTNUM_EL1 and
 *   TFSR_EL1 trap (HCR_EL2.NV1).
 * - {NV, NV1, NV2} = {1, 1, 1}: EL1 registers that have a VNCR offset are VNCR page accesses.
 */
enum nv_outcome nv_sysreg_outcome(const struct nv_hcr *h, unsigned op0, unsigned op1, unsigned crn,
				  unsigned crm, unsigned op2, unsigned *offset);

/**
 * nv_currentel() - CurrentEL as read at EL1: with HCR_EL2.NV = 1 it reports EL2 (0b10 << 2),
 * so a guest hypervisor believes it runs at EL2; else EL1 (0b01 << 2).
 */
uint64_t nv_currentel(bool nv);

/**
 * nv_spsr_el1_mode() - SPSR_EL1.M[3:0] after an exception from EL1h to EL1h.
 *
 * AArch64.TakeException(): with HCR_EL2.{NV, NV1} = {1, 0} (and NV2 = 0) the exception is
 * recorded as taken from EL2 (M[3:2] = 0b10): 0b1001 (EL2h); otherwise 0b0101 (EL1h).
 */
unsigned nv_spsr_el1_mode(const struct nv_hcr *h);

#endif /* MODEL_NV_MODEL_H */
