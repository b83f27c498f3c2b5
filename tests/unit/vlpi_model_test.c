/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the vLPI direct-injection oracle (scenarios/model/vlpi_model.c), vectors worked
 * out by hand from IHI 0069: the LPI configuration byte (Priority [7:2], Enable [0]), the
 * priority mask rule (signalled only if higher priority, numerically lower, than the PMR; HPPIR
 * is not masked), vLPIs being Group 1, and a non-resident vPE's vLPI staying in its VPT.
 */
#include "unit.h"
#include "vlpi_model.h"

/* VENG1 (bit 1) with VPMR 0xf0 (<< 24 = 0xf0000000). */
#define VMCR_OPEN 0xf0000002ULL

int main(void)
{
	struct vlpi_case v = {.vintid = 8197,
			      .config = 0xa1, /* priority 0xa0, enabled */
			      .pending = true,
			      .resident = true,
			      .vmcr = VMCR_OPEN,
			      .pri_bits = 5};

	unit_eq_u64(vlpi_priority(&v), 0xa0, "config 0xa1: priority 0xa0");
	unit_eq_u64(vlpi_iar1(&v), 8197, "pending, resident, enabled, 0xa0 < PMR 0xf0: delivered");
	v.config = 0xa5; /* bit 2 set: priority 0xa4, 5 bits implemented: 0xa0 */
	unit_eq_u64(vlpi_priority(&v), 0xa0, "priority 0xa4 with 5 bits: 0xa0");
	v.pri_bits = 8;
	unit_eq_u64(vlpi_priority(&v), 0xa4, "priority 0xa4 with 8 bits: 0xa4");
	v.pri_bits = 5;
	v.config = 0xa0;
	unit_eq_u64(vlpi_iar1(&v), 1023, "Enable = 0 in the configuration byte: 1023");
	v.config = 0xa1;
	v.resident = false;
	unit_eq_u64(vlpi_iar1(&v), 1023, "vPE not resident: 1023 (the vLPI stays in the VPT)");
	v.resident = true;
	v.pending = false;
	unit_eq_u64(vlpi_iar1(&v), 1023, "nothing pending: 1023");
	v.pending = true;
	v.vmcr = 0xa0000002ULL;
	unit_eq_u64(vlpi_iar1(&v), 1023, "priority 0xa0 == VPMR 0xa0: masked");
	unit_eq_u64(vlpi_hppir1(&v), 8197, "masked by VPMR: HPPIR1 still reads it");
	v.vmcr = 0xa8000002ULL;
	unit_eq_u64(vlpi_iar1(&v), 8197, "priority 0xa0 < VPMR 0xa8: delivered");
	v.vmcr = 0xf0000001ULL;
	unit_eq_u64(vlpi_iar1(&v), 1023, "VENG1 = 0 (VENG0 only): vLPIs are Group 1, 1023");
	unit_eq_u64(vlpi_hppir1(&v), 1023, "VENG1 = 0: not a candidate for HPPIR1 either");
	v.vmcr = VMCR_OPEN;
	v.resident = false;
	unit_eq_u64(vlpi_hppir1(&v), 1023, "not resident: HPPIR1 1023");
	return unit_done();
}
