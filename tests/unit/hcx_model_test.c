/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/hcx_model.c. EC 0x0A << 26 = 0x28000000, | IL = 0x2a000000;
 * ISS 0 = ST64BV, 1 = ST64BV0, 2 = LD64B/ST64B. HCRX_EL2: EnAS0 bit 0, EnALS 1, EnASR 2.
 */
#include "hcx_model.h"
#include "unit.h"

int main(void)
{
	unit_eq_u64(esr_expect_ls64(LS64_ST64BV), 0x2a000000, "ST64BV: ISS 0");
	unit_eq_u64(esr_expect_ls64(LS64_ST64BV0), 0x2a000001, "ST64BV0: ISS 1");
	unit_eq_u64(esr_expect_ls64(LS64_LD64B), 0x2a000002, "LD64B: ISS 2");
	unit_eq_u64(esr_expect_ls64(LS64_ST64B), 0x2a000002, "ST64B: ISS 2");
	unit_eq_u64(hcrx_ls64_enable(LS64_ST64BV0), 0x1, "ST64BV0: EnAS0 (bit 0)");
	unit_eq_u64(hcrx_ls64_enable(LS64_LD64B), 0x2, "LD64B: EnALS (bit 1)");
	unit_eq_u64(hcrx_ls64_enable(LS64_ST64B), 0x2, "ST64B: EnALS (bit 1)");
	unit_eq_u64(hcrx_ls64_enable(LS64_ST64BV), 0x4, "ST64BV: EnASR (bit 2)");
	return unit_done();
}
