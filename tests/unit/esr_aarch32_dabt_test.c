/* SPDX-License-Identifier: MIT */
/*
 * Host tests of esr_expect_a32_dabt_s2() (scenarios/model/esr_aarch32_model.c), vectors
 * checked by hand from the Arm ARM (DDI 0487), "ISS encoding for an exception from a Data
 * Abort": EC 0x24 [31:26], IL [25], ISV [24], SAS [23:22], SSE [21], SRT [20:16], SF [15] = 0
 * for AArch32, WnR [6], DFSC [5:0]; SRT is the AArch64 view of Rt ("Mapping of the
 * general-purpose registers between the Execution states": R14 in Supervisor mode is X18).
 */
#include "arch/esr.h"
#include "arch/psr32.h"
#include "esr_aarch32_model.h"
#include "unit.h"

static uint64_t dabt(unsigned size_log2, bool wr, bool sx, unsigned rt, bool t16, unsigned fsc)
{
	struct a32_dabt a = {.size_log2 = size_log2,
			     .is_write = wr,
			     .sign_extend = sx,
			     .rt = rt,
			     .mode = PSR32_M_SVC,
			     .t16 = t16};

	return esr_expect_a32_dabt_s2(&a, fsc);
}

int main(void)
{
	unit_eq_u64(dabt(2, false, false, 2, false, ESR_FSC_TRANS(3)), 0x93820007,
		    "A32 LDR r2, [r0], stage 2 translation level 3");
	unit_eq_u64(dabt(2, true, false, 3, false, ESR_FSC_PERM(3)), 0x9383004f,
		    "A32 STR r3, [r0], stage 2 permission level 3: WnR");
	unit_eq_u64(dabt(0, false, true, 4, false, ESR_FSC_TRANS(2)), 0x93240006,
		    "A32 LDRSB r4, [r0], level 2: SAS 0b00, SSE 1");
	unit_eq_u64(dabt(1, true, false, 5, false, ESR_FSC_PERM(3)), 0x9345004f,
		    "A32 STRH r5, [r0]: SAS 0b01");
	unit_eq_u64(dabt(2, false, false, 1, true, ESR_FSC_TRANS(3)), 0x91810007,
		    "16-bit T32 LDR r1, [r0]: IL 0");
	unit_eq_u64(dabt(2, false, false, 14, false, ESR_FSC_TRANS(3)), 0x93920007,
		    "A32 LDR lr in Supervisor mode: SRT = 18 (LR_svc is X18)");
	unit_eq_u64(dabt(1, true, true, 0, false, ESR_FSC_TRANS(3)), 0x93400047,
		    "a store never reports SSE");
	return unit_done();
}
