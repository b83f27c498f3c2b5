/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the vSGI oracle (scenarios/model/sgi_model.c) against values worked out by hand
 * from IHI 0069 12.2 (ICC_SGI0R_EL1, ICC_SGI1R_EL1, ICC_ASGI1R_EL1) and the Arm ARM ESR_EL2
 * "ISS encoding for an exception from MSR, MRS, or System instruction execution in AArch64".
 *
 * Syndrome arithmetic: EC 0x18 << 26 = 0x60000000, IL = 0x02000000; Op0 3 << 20 = 0x300000,
 * CRn 12 << 10 = 0x3000, CRm 11 << 1 = 0x16, Op2 << 17 (5: 0xa0000, 6: 0xc0000, 7: 0xe0000),
 * Rt << 5, Direction 0 for a write.
 */
#include <stdbool.h>
#include <stdint.h>

#include "sgi_model.h"
#include "unit.h"

static void test_trap_esr(void)
{
	unit_eq_u64(sgi_trap_esr(SGI_REG_SGI1R, 0), 0x623a3016, "MSR ICC_SGI1R_EL1, x0");
	unit_eq_u64(sgi_trap_esr(SGI_REG_SGI1R, 1), 0x623a3036, "MSR ICC_SGI1R_EL1, x1: Rt 1 << 5");
	unit_eq_u64(sgi_trap_esr(SGI_REG_SGI1R, 17), 0x623a3236, "MSR ICC_SGI1R_EL1, x17");
	unit_eq_u64(sgi_trap_esr(SGI_REG_SGI1R, 30), 0x623a33d6, "MSR ICC_SGI1R_EL1, x30");
	unit_eq_u64(sgi_trap_esr(SGI_REG_SGI1R, 31), 0x623a33f6, "MSR ICC_SGI1R_EL1, xzr: Rt 31");
	unit_eq_u64(sgi_trap_esr(SGI_REG_ASGI1R, 0), 0x623c3016, "MSR ICC_ASGI1R_EL1, x0: Op2 6");
	unit_eq_u64(sgi_trap_esr(SGI_REG_ASGI1R, 31), 0x623c33f6, "MSR ICC_ASGI1R_EL1, xzr");
	unit_eq_u64(sgi_trap_esr(SGI_REG_SGI0R, 0), 0x623e3016, "MSR ICC_SGI0R_EL1, x0: Op2 7");
	unit_eq_u64(sgi_trap_esr(SGI_REG_SGI0R, 31), 0x623e33f6, "MSR ICC_SGI0R_EL1, xzr");
	unit_eq_u64(sgi_reg_op2(SGI_REG_SGI1R), 5, "ICC_SGI1R_EL1 is S3_0_C12_C11_5");
	unit_eq_u64(sgi_reg_op2(SGI_REG_ASGI1R), 6, "ICC_ASGI1R_EL1 is S3_0_C12_C11_6");
	unit_eq_u64(sgi_reg_op2(SGI_REG_SGI0R), 7, "ICC_SGI0R_EL1 is S3_0_C12_C11_7");
}

static void test_decode(void)
{
	/*
	 * Aff3 [55:48] 0x12, RS [47:44] 1, IRM [40] 1, Aff2 [39:32] 0x01: high word 0x00121101;
	 * INTID [27:24] 3, Aff1 [23:16] 0x07, TargetList 0x0025: low word 0x03070025.
	 */
	uint64_t v = 0x0012110103070025ULL;
	struct sgi_request q = sgi_decode(v);

	unit_eq_u64(q.intid, 3, "INTID [27:24]");
	unit_ok(q.irm, "IRM [40]");
	unit_eq_u64(q.rs, 1, "RS [47:44]");
	unit_eq_u64(q.aff1, 0x07, "Aff1 [23:16]");
	unit_eq_u64(q.aff2, 0x01, "Aff2 [39:32]");
	unit_eq_u64(q.aff3, 0x12, "Aff3 [55:48]");
	unit_eq_u64(q.target_list, 0x25, "TargetList [15:0]");
	unit_eq_u64(sgi_encode(&q), v, "sgi_encode() is the inverse");

	/* RES0 bits [63:56], [43:41], [31:28] carry nothing. */
	unit_eq_u64(SGI_RES0_MASK, 0xff000e00f0000000ULL, "RES0 mask");
	q = sgi_decode(v | SGI_RES0_MASK);
	unit_eq_u64(sgi_encode(&q), v, "RES0 bits are not part of any field");
	q = sgi_decode(~0ULL);
	unit_ok(q.intid == 15 && q.irm && q.rs == 15 && q.aff1 == 0xff && q.aff2 == 0xff &&
			q.aff3 == 0xff && q.target_list == 0xffff,
		"all-ones: every field at its maximum");
	unit_eq_u64(sgi_encode(&q), ~SGI_RES0_MASK, "all-ones encodes without the RES0 bits");
}

static void test_group(void)
{
	unit_eq_u64(sgi_group(SGI_REG_SGI1R), 1, "ICC_SGI1R_EL1: Group 1 of the current state");
	unit_eq_u64(sgi_group(SGI_REG_SGI0R), 0, "ICC_SGI0R_EL1: Group 0");
	unit_eq_u64(sgi_group(SGI_REG_ASGI1R), 0,
		    "ICC_ASGI1R_EL1 with one Security state: Secure Group 1 is Group 0 (DS = 1)");
}

static void test_targets(void)
{
	/* 0.0.0.0, 0.0.0.1, 0.0.1.0 and 1.2.3.17 (Aff3.Aff2.Aff1.Aff0). */
	const uint64_t m[4] = {MPIDR_AFF(0, 0, 0, 0), MPIDR_AFF(0, 0, 0, 1), MPIDR_AFF(0, 0, 1, 0),
			       MPIDR_AFF(1, 2, 3, 17)};
	struct sgi_request q;

	unit_eq_u64(m[3], 0x180020311ULL, "MPIDR_AFF(1, 2, 3, 17): Aff3 at [39:32], bit 31 RES1");
	unit_eq_u64(MPIDR_AFF3(m[3]) << 24 | MPIDR_AFF2(m[3]) << 16 | MPIDR_AFF1(m[3]) << 8 |
			    MPIDR_AFF0(m[3]),
		    0x01020311, "MPIDR_AFF0..3 extract what MPIDR_AFF() put");

	/* TargetList 0b11 at 0.0.0: Aff0 0 and 1, the writer included. */
	unit_eq_u64(sgi_targets(0x3, m, 4, 0, false), 0x3,
		    "TargetList 0b11, Aff 0.0.0: self and 1");
	unit_eq_u64(sgi_targets(0x3, m, 4, 1, false), 0x3, "the same from vCPU 1");
	/* Aff1 = 1 reaches only 0.0.1.x. */
	unit_eq_u64(sgi_targets(0x1ULL | 1ULL << SGI_AFF1_SHIFT, m, 4, 0, false), 0x4,
		    "TargetList bit 0, Aff1 1: vCPU 2 only");
	unit_eq_u64(sgi_targets(0x2ULL | 1ULL << SGI_AFF1_SHIFT, m, 4, 0, false), 0,
		    "TargetList bit 1, Aff1 1: no 0.0.1.1");
	unit_eq_u64(sgi_targets(0x1ULL | 1ULL << SGI_AFF2_SHIFT, m, 4, 0, false), 0,
		    "Aff2 1: nobody (Aff2 must match too)");
	/* TargetList bits of PEs that do not exist are ignored. */
	unit_eq_u64(sgi_targets(0xffff, m, 4, 0, false), 0x3,
		    "TargetList 0xffff at 0.0.0: 0 and 1");
	unit_eq_u64(sgi_targets(0, m, 4, 0, false), 0, "TargetList 0: nobody");
	/* IRM = 1: every vCPU but the writer, whatever the affinity fields say. */
	unit_eq_u64(sgi_targets(SGI_IRM, m, 4, 0, false), 0xe, "IRM 1 from vCPU 0: 1, 2, 3");
	unit_eq_u64(sgi_targets(SGI_IRM | 0xffff | 0xffULL << SGI_AFF1_SHIFT, m, 4, 2, false), 0xb,
		    "IRM 1 from vCPU 2, Aff1/TargetList ignored: 0, 1, 3");
	unit_eq_u64(sgi_targets(SGI_IRM, m, 1, 0, false), 0, "IRM 1 in a VM of one: nobody");

	/* 1.2.3.17: RS 1 selects Aff0 16..31, so TargetList bit 1 is Aff0 17 (RSS = 1). */
	q = (struct sgi_request){.aff3 = 1, .aff2 = 2, .aff1 = 3, .rs = 1, .target_list = 0x2};
	unit_eq_u64(sgi_targets(sgi_encode(&q), m, 4, 0, true), 0x8, "RS 1, bit 1, RSS 1: Aff0 17");
	unit_eq_u64(sgi_targets(sgi_encode(&q), m, 4, 0, false), 0,
		    "RSS 0: RS is RES0, bit 1 is Aff0 1: nobody at 1.2.3.1");
	q = (struct sgi_request){.rs = 1, .target_list = 0x3};
	unit_eq_u64(sgi_targets(sgi_encode(&q), m, 4, 0, true), 0,
		    "RS 1 at 0.0.0, RSS 1: Aff0 16/17");
	unit_eq_u64(sgi_targets(sgi_encode(&q), m, 4, 0, false), 0x3, "the same, RSS 0: Aff0 0/1");
	/* The INTID and RES0 bits do not change the targets. */
	unit_eq_u64(sgi_targets(0x3 | 0xfULL << SGI_INTID_SHIFT | SGI_RES0_MASK, m, 4, 0, false),
		    0x3, "INTID 15 and RES0 bits: same targets");
}

int main(void)
{
	test_trap_esr();
	test_decode();
	test_group();
	test_targets();
	return unit_done();
}
