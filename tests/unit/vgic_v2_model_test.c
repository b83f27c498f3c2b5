/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the GICv2 virtual CPU interface oracle (scenarios/model/vgic_v2_model.c)
 * against values worked out by hand from the GIC architecture specification v2, IHI 0048B.b
 * (section numbers at each vector).
 */
#include <stdbool.h>
#include <stdint.h>

#include "unit.h"
#include "vgic_v2_model.h"
#include "virq_v2.h"

/* GICH_VTR of QEMU and GIC-400: PRIbits 4, PREbits 4 (5 bits each), ListRegs 3 (4 LRs). */
#define VTR_QEMU 0x90000003u

/* GICV_CTLR EnableGrp0 | EnableGrp1 | AckCtl, ABPR 3, BPR 2, PMR 0xf8 (5.3.3 GICH_VMCR). */
#define VMCR_ALL 0xf84c0007u

/* LR: vINTID 0x2a, priority 0xa0 (field 0x14 at [27:23] = 0x0a000000), pending (1 << 28). */
#define LR_PEND_2A 0x1a00002au

static struct v2m_state one_lr(uint32_t lr, uint32_t vmcr)
{
	return (struct v2m_state){.vtr = VTR_QEMU, .hcr = GICH_HCR_EN, .vmcr = vmcr, .lr = {lr}};
}

static void test_acknowledge(void)
{
	struct v2m_state s = one_lr(LR_PEND_2A, VMCR_ALL);

	/* 5.4.2, 4.4.4: the pending LR is the HPPI; IAR returns it and makes it active. */
	unit_eq_u64(v2m_read(&s, GICV_HPPIR), 0x2a, "HPPIR: the pending LR's vINTID");
	unit_eq_u64(v2m_signal(&s), V2_TAKEN_IRQ, "Group 0 without FIQEn: a vIRQ (4.4.1)");
	unit_eq_u64(v2m_read(&s, GICV_IAR), 0x2a, "IAR acknowledges vINTID 0x2a");
	unit_eq_u64(s.lr[0], 0x2a00002a, "the LR goes pending -> active (State 0b10 at [29:28])");
	unit_eq_u64(s.apr, 1u << 20, "GICH_APR bit 0xa0 >> 3 = 20 (5.3.7)");
	unit_eq_u64(v2m_read(&s, GICV_RPR), 0xa0, "RPR: the running priority 0xa0 (4.4.6)");
	unit_eq_u64(v2m_read(&s, GICV_IAR), 1023, "nothing else pending: spurious 1023");
	unit_eq_u64(v2m_signal(&s), V2_TAKEN_NONE, "nothing signalled while it is active");

	/* 4.4.5, 5.4.3: EOImode 0, the EOI drops the priority and deactivates. */
	v2m_write(&s, GICV_EOIR, 0x2a);
	unit_eq_u64(s.lr[0], 0x0a00002a, "EOIR: active -> invalid");
	unit_eq_u64(s.apr, 0, "EOIR: GICH_APR cleared");
	unit_eq_u64(v2m_read(&s, GICV_RPR), 0xff, "RPR idle: 0xff");
	unit_eq_u64(v2m_elrsr0(&s), 0xf, "all four LRs empty (5.3.6)");
}

static void test_groups(void)
{
	struct v2m_state s = one_lr(LR_PEND_2A | GICH_LR_GRP1, 0xf84c0003u); /* AckCtl = 0 */

	/* 4.4.4 (Secure view): Group 1 through GICV_IAR needs AckCtl, else 1022. */
	unit_eq_u64(v2m_read(&s, GICV_HPPIR), 1022, "HPPIR: Group 1 with AckCtl = 0 -> 1022");
	unit_eq_u64(v2m_read(&s, GICV_IAR), 1022, "IAR: Group 1 with AckCtl = 0 -> 1022");
	unit_eq_u64(s.lr[0] >> 28 & 3, 1, "no acknowledge: still pending");
	unit_eq_u64(v2m_read(&s, GICV_AHPPIR), 0x2a, "AHPPIR sees Group 1");
	unit_eq_u64(v2m_read(&s, GICV_AIAR), 0x2a, "AIAR acknowledges Group 1 (4.4.9)");
	v2m_write(&s, GICV_AEOIR, 0x2a);
	unit_eq_u64(s.lr[0] >> 28 & 3, 0, "AEOIR deactivates it (4.4.10)");

	s = one_lr(LR_PEND_2A, VMCR_ALL);
	unit_eq_u64(v2m_read(&s, GICV_AIAR), 1023, "AIAR: a Group 0 HPPI -> 1023");

	s = one_lr(LR_PEND_2A, VMCR_ALL | GICV_CTLR_FIQEN);
	unit_eq_u64(v2m_signal(&s), V2_TAKEN_FIQ, "Group 0 with FIQEn = 1: a vFIQ (4.4.1)");
	s = one_lr(LR_PEND_2A | GICH_LR_GRP1, VMCR_ALL | GICV_CTLR_FIQEN);
	unit_eq_u64(v2m_signal(&s), V2_TAKEN_IRQ, "Group 1 is a vIRQ whatever FIQEn");
	s = one_lr(LR_PEND_2A | GICH_LR_GRP1, VMCR_ALL & ~GICV_CTLR_ENABLEGRP1);
	unit_eq_u64(v2m_signal(&s), V2_TAKEN_NONE, "Group 1 disabled: not signalled");
	s = one_lr(LR_PEND_2A, VMCR_ALL);
	s.hcr = 0;
	unit_eq_u64(v2m_signal(&s), V2_TAKEN_NONE, "GICH_HCR.En = 0: not signalled (5.3.1)");
}

static void test_sgi_cpuid(void)
{
	/* vINTID 3, CPUID 5 at [12:10] (0x1400), priority 0xa0, pending (5.3.8, 4.4.4). */
	struct v2m_state s = one_lr(0x1a001403u, VMCR_ALL);

	unit_eq_u64(v2m_read(&s, GICV_HPPIR), 0x1403, "HPPIR of a vSGI carries CPUID 5");
	unit_eq_u64(v2m_read(&s, GICV_IAR), 0x1403, "IAR of a vSGI carries CPUID 5");
	v2m_write(&s, GICV_EOIR, 0x1403);
	unit_eq_u64(s.lr[0] >> 28 & 3, 0, "the EOI of that value (bits [9:0] = 3) deactivates");
}

static void test_priority(void)
{
	/* Two pending: 0x30 at 0xc0, 0x31 at 0x40; the lower value wins (3.3). */
	struct v2m_state s = {.vtr = VTR_QEMU, .hcr = GICH_HCR_EN, .vmcr = VMCR_ALL};

	s.lr[0] = 0x18u << 23 | 1u << 28 | 0x30; /* priority 0xc0 */
	s.lr[1] = 0x08u << 23 | 1u << 28 | 0x31; /* priority 0x40 */
	unit_eq_u64(v2m_read(&s, GICV_IAR), 0x31, "IAR: the highest priority (0x40) first");
	unit_eq_u64(v2m_read(&s, GICV_IAR), 1023, "0xc0 does not preempt 0x40: 1023");
	v2m_write(&s, GICV_EOIR, 0x31);
	unit_eq_u64(v2m_read(&s, GICV_IAR), 0x30, "after the EOI, 0x30");

	/* PMR 0x80: a priority 0x80 interrupt is masked (priority must be below the mask). */
	s = one_lr(0x10u << 23 | 1u << 28 | 0x2a, 0x804c0003u);
	unit_eq_u64(v2m_signal(&s), V2_TAKEN_NONE, "priority 0x80, PMR 0x80: masked (4.4.2)");
	unit_eq_u64(v2m_read(&s, GICV_IAR), 1023, "masked: IAR 1023");
	v2m_write(&s, GICV_PMR, 0x88);
	unit_eq_u64(v2m_read(&s, GICV_PMR), 0x88, "PMR 0x88 held in 5 bits");
	unit_eq_u64(v2m_signal(&s), V2_TAKEN_IRQ, "PMR 0x88: signalled");
	v2m_write(&s, GICV_PMR, 0xff);
	unit_eq_u64(v2m_read(&s, GICV_PMR), 0xf8, "PMR 0xff reads 0xf8: 5 bits (5.3.3 VMPriMask)");
	v2m_write(&s, GICV_BPR, 0);
	unit_eq_u64(v2m_read(&s, GICV_BPR), 2, "BPR below its minimum 2 sets 2 (4.4.3)");
	v2m_write(&s, GICV_ABPR, 1);
	unit_eq_u64(v2m_read(&s, GICV_ABPR), 3, "ABPR below its minimum 3 sets 3 (4.4.7)");
}

static void test_preemption(void)
{
	/* Active 0x30 at 0x70 (GICH_APR bit 14), pending 0x31 at 0x68, Group 0. */
	struct v2m_state s = {.vtr = VTR_QEMU, .hcr = GICH_HCR_EN, .apr = 1u << 14};

	s.lr[0] = 0x0eu << 23 | 2u << 28 | 0x30;
	s.lr[1] = 0x0du << 23 | 1u << 28 | 0x31;
	s.vmcr = 0xf8000007u | 3u << 21 | 3u << 18; /* BPR 3: group priority bits [7:4] */
	unit_eq_u64(v2m_signal(&s), V2_TAKEN_IRQ, "BPR 3: 0x68 -> group 0x60 < 0x70 preempts");
	s.vmcr = 0xf8000007u | 2u << 21 | 3u << 18; /* BPR 2: [7:3] */
	unit_eq_u64(v2m_signal(&s), V2_TAKEN_IRQ, "BPR 2: group 0x68 < 0x70 preempts");
	s.lr[1] = 0x0fu << 23 | 1u << 28 | 0x31; /* 0x78 */
	unit_eq_u64(v2m_signal(&s), V2_TAKEN_NONE, "0x78 does not preempt 0x70");
	s.vmcr = 0xf8000007u | 4u << 21 | 3u << 18; /* BPR 4: [7:5], 0x78 -> 0x60 */
	unit_eq_u64(v2m_signal(&s), V2_TAKEN_IRQ, "BPR 4: 0x78 -> group 0x60 preempts 0x70");
	/* Group 1 with CBPR = 0 uses ABPR: value n gives bits [7:n] (4.4.7). */
	s.lr[1] = 0x0du << 23 | 1u << 28 | GICH_LR_GRP1 | 0x31; /* 0x68, Group 1 */
	s.vmcr = 0xf8000007u | 2u << 21 | 4u << 18;		/* ABPR 4: [7:4] -> 0x60 */
	unit_eq_u64(v2m_signal(&s), V2_TAKEN_IRQ, "ABPR 4: Group 1 0x68 -> 0x60 preempts");
	unit_eq_u64(v2m_read(&s, GICV_IAR), 0x31, "and is acknowledged");
	unit_eq_u64(s.apr, 1u << 14 | 1u << 12, "its group priority 0x60 sets GICH_APR bit 12");
}

static void test_eoi_paths(void)
{
	/* EOImode 1 (GICV_CTLR bit 9): EOIR drops only, DIR deactivates (4.4.5, 4.4.15). */
	struct v2m_state s = one_lr(LR_PEND_2A, VMCR_ALL | GICV_CTLR_EOIMODE);

	v2m_read(&s, GICV_IAR);
	v2m_write(&s, GICV_EOIR, 0x2a);
	unit_eq_u64(s.apr, 0, "EOImode 1: EOIR drops the priority");
	unit_eq_u64(s.lr[0] >> 28 & 3, 2, "EOImode 1: still active");
	v2m_write(&s, GICV_DIR, 0x2a);
	unit_eq_u64(s.lr[0] >> 28 & 3, 0, "DIR deactivates");
	v2m_write(&s, GICV_DIR, 0x50);
	unit_eq_u64(GICH_HCR_EOICOUNT(s.hcr), 1, "DIR without an LR: EOICount 1 (5.3.1)");
	s.apr = 1u << 12;
	v2m_write(&s, GICV_EOIR, 0x50);
	unit_eq_u64(s.apr, 0, "EOImode 1, EOIR without an LR: the priority drops");
	unit_eq_u64(GICH_HCR_EOICOUNT(s.hcr), 1,
		    "but EOICount stays: with EOImode 1 no EOI would have deactivated");

	/* EOImode 0: an EOI no LR holds drops the priority and counts. */
	s = one_lr(0, VMCR_ALL);
	s.apr = 1u << 12;
	v2m_write(&s, GICV_EOIR, 0x50);
	unit_eq_u64(s.apr, 0, "EOIR of an evicted interrupt: priority drop");
	unit_eq_u64(GICH_HCR_EOICOUNT(s.hcr), 1, "and EOICount 1");
	v2m_write(&s, GICV_EOIR, 1023);
	unit_eq_u64(GICH_HCR_EOICOUNT(s.hcr), 1, "EOIR of 1023 is ignored");

	/* HW = 1 (bit 31), PhysicalID 20 at [19:10]: the deactivation reaches INTID 20. */
	s = one_lr(LR_PEND_2A | GICH_LR_HW | 20u << 10, VMCR_ALL);
	v2m_read(&s, GICV_IAR);
	v2m_write(&s, GICV_EOIR, 0x2a);
	unit_eq_u64(s.phys_deactivated, 1u << 20, "HW = 1: physical INTID 20 deactivated");
	unit_eq_u64(v2m_elrsr0(&s) & 1, 1, "an invalid HW = 1 LR is empty");
}

static void test_maintenance(void)
{
	/* LR EOI bit (19) with HW = 0: invalid afterwards -> EISR, MISR.EOI (5.3.4, 5.3.5). */
	struct v2m_state s = one_lr(LR_PEND_2A | GICH_LR_EOI, VMCR_ALL);

	unit_eq_u64(v2m_misr(&s), 0, "pending EOI LR: no maintenance yet");
	v2m_read(&s, GICV_IAR);
	v2m_write(&s, GICV_EOIR, 0x2a);
	unit_eq_u64(v2m_eisr0(&s), 1, "EISR0 bit 0");
	unit_eq_u64(v2m_elrsr0(&s), 0xe, "LR0 not empty in ELRSR0");
	unit_eq_u64(v2m_misr(&s), GICH_MISR_EOI, "MISR.EOI without any enable");
	unit_ok(v2m_maintenance(&s), "asserted with En = 1");
	s.hcr = 0;
	unit_ok(!v2m_maintenance(&s), "not asserted with En = 0");

	s = one_lr(0, VMCR_ALL);
	s.hcr = GICH_HCR_EN | GICH_HCR_UIE | GICH_HCR_NPIE | GICH_HCR_VGRP0EIE | GICH_HCR_VGRP1DIE;
	unit_eq_u64(v2m_misr(&s), GICH_MISR_U | GICH_MISR_NP | GICH_MISR_VGRP0E,
		    "no LR: U, NP; Grp0 enabled: VGrp0E; Grp1 enabled: no VGrp1D");
	s.hcr = GICH_HCR_EN | GICH_HCR_LRENPIE | 2u << 27;
	unit_eq_u64(v2m_misr(&s), GICH_MISR_LRENP, "EOICount 2: LRENP");
	s.vmcr = 0xf84c0000u;
	s.hcr = GICH_HCR_EN | GICH_HCR_VGRP0DIE | GICH_HCR_VGRP1DIE | GICH_HCR_VGRP1EIE;
	unit_eq_u64(v2m_misr(&s), GICH_MISR_VGRP0D | GICH_MISR_VGRP1D,
		    "both disabled: VGrp0D, VGrp1D");
	s.lr[0] = LR_PEND_2A;
	s.lr[1] = LR_PEND_2A + 1;
	s.hcr = GICH_HCR_EN | GICH_HCR_UIE | GICH_HCR_NPIE;
	unit_eq_u64(v2m_misr(&s), 0, "two valid, two pending: neither U nor NP");
}

static void test_run(void)
{
	/* The maintenance interrupt stops the script after the access that asserts it. */
	const struct v2_op script[] = {
		{V2OP_READ, GICV_IAR, 0}, {V2OP_WAIT, 0, 256}, {V2OP_SYNC, 0, 0}, {V2OP_END, 0, 0}};
	struct v2m_state s = one_lr(LR_PEND_2A, VMCR_ALL);
	struct v2m_trace t;

	s.hcr |= GICH_HCR_NPIE;
	v2m_run(&s, script, true, &t);
	unit_eq_u64(t.events, 1, "one stop");
	unit_eq_u64(t.event[0].kind, V2M_EV_MAINT, "the maintenance interrupt");
	unit_eq_u64(t.event[0].step, 1, "right after the IAR (step 0)");
	unit_eq_u64(t.event[0].misr, GICH_MISR_NP, "NP");
	unit_eq_u64(t.results, 1, "one result: the IAR");
	v2m_run(&s, script, false, &t);
	unit_eq_u64(t.events, 2, "not delivered: the SYNC and the end");
	unit_eq_u64(t.result[1], V2_TAKEN_NONE, "the WAIT sees nothing (the LR is active)");
}

int main(void)
{
	test_acknowledge();
	test_groups();
	test_sgi_cpuid();
	test_priority();
	test_preemption();
	test_eoi_paths();
	test_maintenance();
	test_run();
	return unit_done();
}
