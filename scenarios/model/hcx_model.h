/* SPDX-License-Identifier: MIT */
/*
 * Oracle for the HCRX_EL2 (FEAT_HCX) trap syndromes that are not MSR/MRS/SYS: the FEAT_LS64
 * instructions trapped by EnALS/EnASR/EnAS0. Pure code, host-tested in
 * tests/unit/hcx_model_test.c.
 */
#ifndef MODEL_HCX_MODEL_H
#define MODEL_HCX_MODEL_H

#include <stdint.h>

enum ls64_insn { LS64_ST64BV, LS64_ST64BV0, LS64_LD64B, LS64_ST64B };

/**
 * esr_expect_ls64() - syndrome of an LD64B/ST64B/ST64BV/ST64BV0 at EL1 trapped to EL2 by
 * HCRX_EL2.EnALS (LD64B, ST64B), EnASR (ST64BV) or EnAS0 (ST64BV0) = 0.
 *
 * EC 0x0A ("exception from LD64B or ST64B* instruction"), IL 1, ISS = 0x0 for ST64BV, 0x1 for
 * ST64BV0, 0x2 for LD64B or ST64B (Arm ARM, ESR_EL2 "ISS encoding for an exception from an
 * LD64B or ST64B* instruction").
 */
uint64_t esr_expect_ls64(enum ls64_insn insn);

/** hcrx_ls64_enable() - the HCRX_EL2 bit whose 0 traps @insn at EL1. */
uint64_t hcrx_ls64_enable(enum ls64_insn insn);

#endif /* MODEL_HCX_MODEL_H */
