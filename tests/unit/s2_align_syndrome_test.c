/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the Alignment fault syndromes stage2.attr.align expects (scenarios/model/
 * esr_model.c), vectors checked by hand from the Arm ARM (DDI 0487), "ISS encoding for an
 * exception from a Data Abort":
 * - a stage-2 Alignment fault (stage 2 Device, AArch64.S2HasAlignmentFault()) is a stage 2
 *   abort, so ISV = 1 with the load's syndrome: LDR X2, [X0] gives EC 0x24, IL 1, ISV 1,
 *   SAS 0b11, SSE 0, SRT 2, SF 1, AR 0, WnR 0, DFSC 0b100001: 0x93c28021;
 * - a stage-1 Alignment fault taken to EL1 has ISV = 0: EC 0x25, IL 1, DFSC 0x21: 0x96000021.
 */
#include "arch/esr.h"
#include "esr_model.h"
#include "unit.h"

int main(void)
{
	struct dabt_access ldr_x2 = {.size_log2 = 3, .rt = 2, .sf = true, .valid_syndrome = true};
	struct dabt_access str_w3 = {
		.size_log2 = 2, .is_write = true, .rt = 3, .valid_syndrome = true};

	unit_eq_u64(esr_expect_dabt_s2(&ldr_x2, ESR_FSC_ALIGN), 0x93c28021,
		    "stage-2 Alignment fault of LDR X2, [X0]: ISV with SAS/SRT/SF");
	unit_eq_u64(esr_expect_dabt_s2(&str_w3, ESR_FSC_ALIGN), 0x93830061,
		    "stage-2 Alignment fault of STR W3, [X0]: SAS 0b10, SRT 3, WnR");
	unit_eq_u64(esr_expect_dabt_cur(false, false, ESR_FSC_ALIGN), 0x96000021,
		    "stage-1 Alignment fault of a load at EL1: ISV 0");
	unit_eq_u64(esr_expect_dabt_cur(true, false, ESR_FSC_ALIGN), 0x96000061,
		    "stage-1 Alignment fault of a store at EL1: WnR");
	return unit_done();
}
