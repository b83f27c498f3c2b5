/* SPDX-License-Identifier: MIT */
/*
 * trap.tidcp payloads: MRS/MSR of encodings in the IMPLEMENTATION DEFINED system register
 * space (op0 = 3, CRn = 11 or 15), through the sysreg trap macros: gp_sr_impdef_<enc>_<rt>
 * reads into Rt and reports it, gp_sw_impdef_<enc>_<rt> writes x0 (no read-back). Writes only
 * ever run trapped: an untrapped write could change the core's behaviour.
 */
#include "hvc.h"
#include "sysreg_macros.h"

	.text
	sr_read		impdef_c15_1_2_0, 3, 1, 15, 2, 0, x0
	sr_read		impdef_c15_1_2_0, 3, 1, 15, 2, 0, x17
	sr_read		impdef_c15_1_2_0, 3, 1, 15, 2, 0, x30
	sr_read		impdef_c15_1_2_0, 3, 1, 15, 2, 0, xzr
	sr_read		impdef_c11_0_0_0, 3, 0, 11, 0, 0, x0
	sr_read		impdef_c15_7_15_7, 3, 7, 15, 15, 7, x17
	sr_write_only	impdef_c15_1_2_0, 3, 1, 15, 2, 0, 0, x17
	sr_write_only	impdef_c11_0_0_0, 3, 0, 11, 0, 0, 0, x0
