/* SPDX-License-Identifier: MIT */
/* FEAT_LS64 trap syndromes and controls (see hcx_model.h). */
#include "hcx_model.h"

#include "arch/el2.h"
#include "arch/esr.h"

uint64_t esr_expect_ls64(enum ls64_insn insn)
{
	static const uint32_t iss[] = {
		[LS64_ST64BV] = 0x0, [LS64_ST64BV0] = 0x1, [LS64_LD64B] = 0x2, [LS64_ST64B] = 0x2};

	return esr_make(ESR_EC_OTHER, true, iss[insn], 0);
}

uint64_t hcrx_ls64_enable(enum ls64_insn insn)
{
	static const uint64_t bit[] = {[LS64_ST64BV] = HCRX_ENASR,
				       [LS64_ST64BV0] = HCRX_ENAS0,
				       [LS64_LD64B] = HCRX_ENALS,
				       [LS64_ST64B] = HCRX_ENALS};

	return bit[insn];
}
