/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the vGIC oracle (scenarios/model/vgic_model.c) against values worked out by hand
 * from IHI 0069: the ICH_LR<n>_EL2, ICH_VTR_EL2, ICH_VMCR_EL2, ICH_HCR_EL2, ICH_AP<g>R<n>_EL2,
 * ICH_MISR/EISR/ELRSR_EL2 and ICV_* register descriptions, 4.8 (priority grouping, preemption,
 * priority masking) and the virtual interface pseudocode named in vgic_model.h.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arch/el2.h"
#include "unit.h"
#include "vgic_model.h"

/*
 * QEMU's GICv3 ICH_VTR_EL2: PRIbits 4 (5 bits) << 29, PREbits 4 (5 bits) << 26, IDbits 1
 * (24 bits) << 23, A3V (bit 21), TDS (bit 19), ListRegs 3 (4 LRs) = 0x90a80003.
 */
#define VTR_5BITS 0x90a80003ULL
/* 8 priority bits, 7 preemption bits, 16-bit INTIDs, 4 LRs, nothing else. */
#define VTR_8BITS ((7ULL << 29) | (6ULL << 26) | 3)
/* 6 preemption bits (and priority bits), 16 LRs, SEIS, nV4. */
#define VTR_6BITS ((5ULL << 29) | (5ULL << 26) | ICH_VTR_SEIS | ICH_VTR_NV4 | 15)

#define VENG01 (ICH_VMCR_VENG0 | ICH_VMCR_VENG1)

static struct vgic_lr lr(enum vgic_lr_state st, unsigned group, unsigned prio, uint32_t vintid)
{
	return (struct vgic_lr){.state = st, .group = group, .priority = prio, .vintid = vintid};
}

static void test_vtr(void)
{
	struct vgic_vtr v = vgic_vtr_decode(VTR_5BITS), w = vgic_vtr_decode(VTR_8BITS);
	struct vgic_vtr x = vgic_vtr_decode(VTR_6BITS);

	unit_eq_u64(v.list_regs, 4, "VTR ListRegs 3: 4 LRs");
	unit_eq_u64(v.pri_bits, 5, "VTR PRIbits 4: 5 priority bits");
	unit_eq_u64(v.pre_bits, 5, "VTR PREbits 4: 5 preemption bits");
	unit_eq_u64(v.id_bits, 24, "VTR IDbits 1: 24-bit INTIDs");
	unit_ok(v.a3v && v.tds && !v.seis && !v.nv4, "VTR 0x90a80003: A3V, TDS, no SEIS, no nV4");
	unit_eq_u64(w.id_bits, 16, "VTR IDbits 0: 16-bit INTIDs");
	unit_ok(x.seis && x.nv4 && x.list_regs == 16, "VTR SEIS (22), nV4 (20), ListRegs 15");

	/* ICH_AP<g>R<n>: 2^PREbits bits, 32 per register. */
	unit_eq_u64(vgic_apr_count(&v), 1, "5 preemption bits: AP<g>R0 only");
	unit_eq_u64(vgic_apr_count(&x), 2, "6 preemption bits: AP<g>R0..1");
	unit_eq_u64(vgic_apr_count(&w), 4, "7 preemption bits: AP<g>R0..3");
	/* Unimplemented low priority bits are RAZ. */
	unit_eq_u64(vgic_prio_mask(&v), 0xf8, "5 priority bits: [7:3]");
	unit_eq_u64(vgic_prio_mask(&x), 0xfc, "6 priority bits: [7:2]");
	unit_eq_u64(vgic_prio_mask(&w), 0xff, "8 priority bits: [7:0]");
	/* ICV_BPR0 minimum 7 - PREbits, ICV_BPR1 minimum one more. */
	unit_eq_u64(vgic_bpr_min(&v, 0), 2, "BPR0 min with 5 preemption bits");
	unit_eq_u64(vgic_bpr_min(&v, 1), 3, "BPR1 min with 5 preemption bits");
	unit_eq_u64(vgic_bpr_min(&w, 0), 0, "BPR0 min with 7 preemption bits");
	unit_eq_u64(vgic_bpr_min(&w, 1), 1, "BPR1 min with 7 preemption bits");
}

static void test_lr_encoding(void)
{
	struct vgic_vtr v = vgic_vtr_decode(VTR_5BITS), w = vgic_vtr_decode(VTR_8BITS);
	struct vgic_lr a = lr(VGIC_LR_PENDING, 1, 0xa0, 27), b = lr(VGIC_LR_ACTIVE, 0, 0x80, 40);
	struct vgic_lr d;

	a.eoi = true;
	/* State 01 << 62 | Group << 60 | 0xa0 << 48 | EOI << 41 | 27 */
	unit_eq_u64(vgic_lr_encode(&a, &v), 0x50a002000000001bULL,
		    "LR pending G1 0xa0 EOI vINTID 27");
	b.hw = true;
	b.pintid = 27;
	/* State 10 << 62 | HW << 61 | 0x80 << 48 | pINTID 27 << 32 | 40 */
	unit_eq_u64(vgic_lr_encode(&b, &v), 0xa080001b00000028ULL, "LR active HW pINTID 27 v 40");

	d = vgic_lr_decode(0xf0a7020000012345ULL, &v);
	unit_ok(d.state == VGIC_LR_PENDING_ACTIVE && d.hw && d.group == 1, "decode P+A, HW, G1");
	unit_eq_u64(d.priority, 0xa0, "decode: priority 0xa7 with 5 bits implemented is 0xa0");
	unit_eq_u64(d.pintid, 0x200, "decode HW = 1: bit 41 is pINTID bit 9, not EOI");
	unit_ok(!d.eoi, "decode HW = 1: no EOI bit");
	unit_eq_u64(d.vintid, 0x12345, "decode: 24-bit vINTID");
	d = vgic_lr_decode(0x40ff020000012345ULL, &w);
	unit_ok(d.eoi && !d.hw && d.pintid == 0, "decode HW = 0: bit 41 is EOI, no pINTID");
	unit_eq_u64(d.priority, 0xff, "decode: 8 priority bits keep 0xff");
	unit_eq_u64(d.vintid, 0x2345, "decode: 16-bit vINTID with IDbits 0");
	/* Round trip of a decoded LR is the implemented bits of the value. */
	unit_eq_u64(vgic_lr_encode(&d, &w), 0x40ff020000002345ULL,
		    "encode(decode(x)) with 16 IDbits");
}

static void test_group_priority(void)
{
	struct vgic_state s;

	vgic_state_init(&s, VTR_5BITS, ICH_VMCR_VBPR0(2) | ICH_VMCR_VBPR1(3), 0);
	/* VBPR0 = 2: group priority [7:3]; VBPR1 = 3: [7:3] (4.8 priority grouping). */
	unit_eq_u64(vgic_group_priority(&s, 0xa8, 0), 0xa8, "G0 VBPR0 2: [7:3] of 0xa8");
	unit_eq_u64(vgic_group_priority(&s, 0xa8, 1), 0xa8, "G1 VBPR1 3: [7:3] of 0xa8");
	unit_eq_u64(vgic_apr_bit(&s, 0xa8, 0), 21,
		    "AP bit of 0xa8 with 5 preemption bits: 0xa8 >> 3");
	s.vmcr = ICH_VMCR_VBPR0(4) | ICH_VMCR_VBPR1(4);
	unit_eq_u64(vgic_group_priority(&s, 0xb8, 0), 0xa0, "G0 VBPR0 4: [7:5] of 0xb8");
	unit_eq_u64(vgic_group_priority(&s, 0xb8, 1), 0xb0, "G1 VBPR1 4: [7:4] of 0xb8");
	unit_eq_u64(vgic_apr_bit(&s, 0xb8, 0), 20, "AP bit of group priority 0xa0: 20");
	s.vmcr |= ICH_VMCR_VCBPR;
	unit_eq_u64(vgic_group_priority(&s, 0xb8, 1), 0xa0, "G1 with VCBPR = 1 uses VBPR0: [7:5]");
	s.vmcr = ICH_VMCR_VBPR0(7) | ICH_VMCR_VBPR1(7);
	unit_eq_u64(vgic_group_priority(&s, 0xf8, 0), 0, "VBPR0 7: no group priority bits");
	unit_eq_u64(vgic_group_priority(&s, 0xf8, 1), 0x80, "VBPR1 7: group priority [7]");
	s.vmcr = ICH_VMCR_VBPR0(0) | ICH_VMCR_VBPR1(0);
	unit_eq_u64(vgic_group_priority(&s, 0xf8, 0), 0xf8, "VBPR0 0 reads as the minimum 2");
	unit_eq_u64(vgic_group_priority(&s, 0xf8, 1), 0xf8, "VBPR1 0 reads as the minimum 3");

	vgic_state_init(&s, VTR_8BITS, ICH_VMCR_VBPR0(0), 0);
	unit_eq_u64(vgic_group_priority(&s, 0xab, 0), 0xaa, "8 bits, VBPR0 0: [7:1] of 0xab");
	unit_eq_u64(vgic_apr_bit(&s, 0xab, 0), 85, "7 preemption bits: 0xaa >> 1 = 85 (AP0R2 b21)");
}

static void test_rpr(void)
{
	struct vgic_state s;

	vgic_state_init(&s, VTR_5BITS, 0, 0);
	unit_eq_u64(vgic_rpr(&s), 0xff, "RPR idle with no active priority bit");
	s.apr[1][0] = 1u << 21;
	unit_eq_u64(vgic_rpr(&s), 0xa8, "RPR: AP1R0 bit 21 << 3 = 0xa8");
	s.apr[0][0] = 1u << 30;
	s.apr[1][0] |= 1u << 3;
	unit_eq_u64(vgic_rpr(&s), 0x18, "RPR: lowest bit of AP0R0 | AP1R0 (bit 3) = 0x18");
	vgic_state_init(&s, VTR_8BITS, 0, 0);
	s.apr[0][2] = 1u << 20;
	s.apr[1][3] = 1u << 1;
	unit_eq_u64(vgic_rpr(&s), 0xa8, "RPR with 7 preemption bits: AP0R2 bit 20 = bit 84 << 1");
}

static void test_hppi(void)
{
	struct vgic_state s;

	vgic_state_init(&s, VTR_5BITS, VENG01 | ICH_VMCR_VPMR(0xf8), ICH_HCR_EN);
	s.lr[0] = lr(VGIC_LR_PENDING, 1, 0xa0, 32);
	s.lr[1] = lr(VGIC_LR_PENDING, 1, 0x80, 33);
	s.lr[2] = lr(VGIC_LR_ACTIVE, 1, 0x40, 34);
	s.lr[3] = lr(VGIC_LR_PENDING_ACTIVE, 0, 0x20, 35);
	/* Only State = Pending LRs are candidates: the highest is LR1 (0x80). */
	unit_eq_u64(vgic_hppi_candidates(&s), 0x2, "HPPI: pending LRs only, lowest priority value");
	s.lr[0].priority = 0x80;
	unit_eq_u64(vgic_hppi_candidates(&s), 0x3, "equal priorities: IMP DEF choice, both");
	unit_eq_u64(vgic_hppi_first(&s), 0, "first candidate LR0");
	unit_eq_u64(vgic_hppi_match(&s, 33), 1, "candidate holding vINTID 33: LR1");
	unit_eq_u64((uint64_t)(int64_t)vgic_hppi_match(&s, 34), (uint64_t)-1,
		    "LR2 is no candidate");
	s.vmcr &= ~ICH_VMCR_VENG1;
	unit_eq_u64(vgic_hppi_candidates(&s), 0, "VENG1 = 0: no Group 1 candidate, P+A G0 none");
	s.lr[3].state = VGIC_LR_PENDING;
	unit_eq_u64(vgic_hppi_candidates(&s), 0x8, "Group 0 pending with VENG0 = 1");
	s.lr[0] = lr(VGIC_LR_PENDING, 0, 0x18, 36);
	s.lr[0].hw = true;
	unit_eq_u64(vgic_hppi_candidates(&s), 0x1, "HW does not change the selection");
	vgic_state_init(&s, VTR_8BITS, VENG01 | ICH_VMCR_VPMR(0xff), ICH_HCR_EN);
	s.lr[0] = lr(VGIC_LR_PENDING, 1, 0xff, 32);
	unit_eq_u64(vgic_hppi_candidates(&s), 0, "priority 0xff (idle) is never the HPPI");
	s.lr[5] = lr(VGIC_LR_PENDING, 1, 0x10, 37); /* beyond ListRegs: 4 LRs */
	unit_eq_u64(vgic_hppi_candidates(&s), 0, "LRs beyond ICH_VTR_EL2.ListRegs are ignored");
}

static void test_signal_and_ack(void)
{
	struct vgic_state s;

	vgic_state_init(&s, VTR_5BITS, VENG01 | ICH_VMCR_VPMR(0xf0) | ICH_VMCR_VBPR1(3),
			ICH_HCR_EN);
	s.lr[1] = lr(VGIC_LR_PENDING, 1, 0x80, 33);
	unit_ok(vgic_lr_can_signal(&s, 1), "0x80 below VPMR 0xf0, idle: signalled");
	unit_eq_u64(vgic_signal(&s), VGIC_SIG_VIRQ, "Group 1: vIRQ");
	unit_eq_u64(vgic_hppir(&s, 1, 1), 33, "HPPIR1: vINTID 33");
	unit_eq_u64(vgic_hppir(&s, 0, 1), 1023, "HPPIR0: HPPI in Group 1 -> 1023");
	unit_eq_u64(vgic_ack(&s, 0, 1), 1023, "IAR0 with a Group 1 HPPI: 1023");
	unit_ok(s.lr[1].state == VGIC_LR_PENDING && s.apr[1][0] == 0, "IAR0: no change");
	unit_eq_u64(vgic_ack(&s, 1, 1), 33, "IAR1: vINTID 33");
	unit_ok(s.lr[1].state == VGIC_LR_ACTIVE, "IAR1: LR Pending -> Active");
	unit_eq_u64(s.apr[1][0], 1u << 16, "IAR1: AP1R0 bit 0x80 >> 3 = 16");
	unit_eq_u64(vgic_rpr(&s), 0x80, "RPR 0x80 after the acknowledge");
	unit_eq_u64(vgic_signal(&s), VGIC_SIG_NONE, "nothing pending: no signal");
	unit_eq_u64(vgic_ack(&s, 1, vgic_hppi_first(&s)), 1023, "IAR1 with nothing pending: 1023");

	/* Preemption: a group priority higher than the running priority 0x80. */
	s.lr[0] = lr(VGIC_LR_PENDING, 1, 0x78, 40);
	unit_ok(vgic_lr_can_signal(&s, 0), "G1 0x78 (gp 0x78) preempts running 0x80");
	s.vmcr = (s.vmcr & ~ICH_VMCR_VBPR1(7)) | ICH_VMCR_VBPR1(5);
	unit_ok(vgic_lr_can_signal(&s, 0), "VBPR1 5: gp 0x60 still preempts 0x80");
	s.lr[0].priority = 0x88;
	unit_ok(!vgic_lr_can_signal(&s, 0), "0x88 (gp 0x80) does not preempt 0x80");
	unit_eq_u64(vgic_ack(&s, 1, 0), 1023, "IAR1 of a non-preempting HPPI: 1023");
	unit_ok(s.lr[0].state == VGIC_LR_PENDING, "non-preempting: LR stays pending");

	/* Same group priority, higher subpriority: no preemption (4.8 preemption). */
	vgic_state_init(&s, VTR_5BITS, VENG01 | ICH_VMCR_VPMR(0xf8) | ICH_VMCR_VBPR0(4),
			ICH_HCR_EN);
	s.lr[0] = lr(VGIC_LR_PENDING, 0, 0x90, 50);
	s.lr[1] = lr(VGIC_LR_PENDING, 0, 0x88, 51);
	unit_eq_u64(vgic_signal(&s), VGIC_SIG_VFIQ, "Group 0: vFIQ");
	unit_eq_u64(vgic_ack(&s, 0, vgic_hppi_first(&s)), 51, "IAR0: 0x88 first");
	unit_eq_u64(s.apr[0][0], 1u << 16, "VBPR0 4: gp 0x80, AP0R0 bit 16");
	unit_ok(!vgic_lr_can_signal(&s, 0), "0x90 (gp 0x80) does not preempt running 0x80");
	s.lr[2] = lr(VGIC_LR_PENDING, 1, 0x70, 52);
	s.vmcr |= ICH_VMCR_VBPR1(7);
	unit_ok(vgic_lr_can_signal(&s, 2), "G1 0x70 with VBPR1 7 (gp [7]: 0x00) preempts 0x80");
	s.vmcr |= ICH_VMCR_VCBPR;
	unit_ok(vgic_lr_can_signal(&s, 2), "VCBPR: G1 0x70 with VBPR0 4 (gp 0x60) preempts 0x80");

	/* PMR: priority >= VPMR is masked; unimplemented VPMR bits RAZ. */
	vgic_state_init(&s, VTR_5BITS, VENG01 | ICH_VMCR_VPMR(0x87), ICH_HCR_EN);
	s.lr[0] = lr(VGIC_LR_PENDING, 1, 0x80, 60);
	unit_ok(!vgic_lr_can_signal(&s, 0), "VPMR 0x87 reads 0x80 with 5 bits: 0x80 masked");
	unit_eq_u64(vgic_hppir(&s, 1, vgic_hppi_first(&s)), 60, "HPPIR1 is not masked by VPMR");
	unit_eq_u64(vgic_ack(&s, 1, 0), 1023, "IAR1 masked by VPMR: 1023");
	s.lr[0].priority = 0x78;
	unit_ok(vgic_lr_can_signal(&s, 0), "0x78 < VPMR 0x80: signalled");
	s.hcr = 0;
	unit_ok(!vgic_lr_can_signal(&s, 0), "ICH_HCR_EL2.En = 0: nothing signalled");
	unit_eq_u64(vgic_signal(&s), VGIC_SIG_NONE, "En = 0: no vIRQ");
	unit_eq_u64(vgic_hppir(&s, 1, vgic_hppi_first(&s)), 60, "HPPIR1 is not gated by En");

	/* Equal priorities in different groups: either line may be asserted. */
	vgic_state_init(&s, VTR_5BITS, VENG01 | ICH_VMCR_VPMR(0xf8), ICH_HCR_EN);
	s.lr[0] = lr(VGIC_LR_PENDING, 1, 0x40, 70);
	s.lr[2] = lr(VGIC_LR_PENDING, 0, 0x40, 71);
	unit_eq_u64(vgic_signal(&s), VGIC_SIG_VIRQ | VGIC_SIG_VFIQ, "equal G0/G1: vIRQ or vFIQ");
	unit_eq_u64(vgic_ack(&s, 0, 2), 71, "IAR0 when LR2 is chosen: 71");
	unit_eq_u64(vgic_ack(&s, 1, 0), 1023, "IAR1 then: 0x40 does not preempt running 0x40");

	/* A special vINTID in an LR: Pending -> Invalid, returned, no active priority. */
	vgic_state_init(&s, VTR_5BITS, VENG01 | ICH_VMCR_VPMR(0xf8), ICH_HCR_EN);
	s.lr[0] = lr(VGIC_LR_PENDING, 1, 0x40, 1021);
	unit_eq_u64(vgic_ack(&s, 1, 0), 1021, "IAR1 of special vINTID 1021 returns it");
	unit_ok(s.lr[0].state == VGIC_LR_INVALID && s.apr[1][0] == 0, "special: Invalid, no APR");

	/* 7 preemption bits: the bit lands in AP1R2. */
	vgic_state_init(&s, VTR_8BITS, VENG01 | ICH_VMCR_VPMR(0xff) | ICH_VMCR_VBPR1(1),
			ICH_HCR_EN);
	s.lr[3] = lr(VGIC_LR_PENDING, 1, 0xab, 80);
	unit_eq_u64(vgic_ack(&s, 1, 3), 80, "IAR1 with 8 priority bits");
	unit_eq_u64(s.apr[1][2], 1u << 21, "0xab, VBPR1 1: gp 0xaa, bit 85 = AP1R2 bit 21");
	unit_eq_u64(vgic_rpr(&s), 0xaa, "RPR 0xaa");
}

static void test_eoi(void)
{
	struct vgic_outcome o[VGIC_OUTCOMES_MAX];
	struct vgic_state s, a;

	/* VEOIM = 0: priority drop and deactivation; HW = 1 deactivates the pINTID. */
	vgic_state_init(&s, VTR_5BITS, VENG01 | ICH_VMCR_VPMR(0xf8), ICH_HCR_EN);
	s.lr[0] = lr(VGIC_LR_PENDING, 1, 0x80, 27);
	s.lr[0].hw = true;
	s.lr[0].pintid = 27;
	vgic_ack(&s, 1, 0);
	a = s;
	unit_eq_u64(vgic_eoir(&s, 1, 27, o), 1, "EOIR1 in order: one outcome");
	unit_ok(o[0].s.lr[0].state == VGIC_LR_INVALID && o[0].s.apr[1][0] == 0,
		"VEOIM 0: Active -> Invalid and AP1R0 bit cleared");
	unit_eq_u64(o[0].pdeact, 27, "HW = 1: physical INTID 27 deactivated");
	unit_eq_u64(vgic_misr(&o[0].s), 0, "HW = 1 LR after deactivation: no EOI maintenance");
	unit_eq_u64(vgic_elrsr(&o[0].s), 0xf, "all 4 LRs empty");

	/* VEOIM = 1: drop only, then DIR deactivates. */
	a.vmcr |= ICH_VMCR_VEOIM;
	vgic_eoir(&a, 1, 27, o);
	unit_ok(o[0].s.lr[0].state == VGIC_LR_ACTIVE && o[0].s.apr[1][0] == 0,
		"VEOIM 1: priority drop only, LR stays Active");
	unit_eq_u64((uint64_t)(int64_t)o[0].pdeact, (uint64_t)-1, "VEOIM 1: no physical deact");
	a = o[0].s;
	unit_eq_u64(vgic_dir(&a, 27, o), 1, "DIR with VEOIM 1: one outcome");
	unit_ok(o[0].s.lr[0].state == VGIC_LR_INVALID, "DIR: Active -> Invalid");
	unit_eq_u64(o[0].pdeact, 27, "DIR of HW = 1 LR: pINTID 27 deactivated");
	a.vmcr &= ~ICH_VMCR_VEOIM;
	unit_eq_u64(vgic_dir(&a, 27, o), 0, "DIR with VEOIM 0: UNPREDICTABLE, no prediction");

	/* DIR: Pending and Active -> Pending; HW = 0 with EOI: ICH_EISR bit; no LR: EOIcount. */
	vgic_state_init(&s, VTR_5BITS, VENG01 | ICH_VMCR_VEOIM, ICH_HCR_EN);
	s.lr[1] = lr(VGIC_LR_PENDING_ACTIVE, 1, 0x80, 40);
	s.lr[2] = lr(VGIC_LR_ACTIVE, 0, 0x80, 41);
	s.lr[2].eoi = true;
	vgic_dir(&s, 40, o);
	unit_ok(o[0].s.lr[1].state == VGIC_LR_PENDING, "DIR: Pending and Active -> Pending");
	vgic_dir(&s, 41, o);
	unit_ok(o[0].s.lr[2].state == VGIC_LR_INVALID, "DIR: Active -> Invalid");
	unit_eq_u64(vgic_eisr(&o[0].s), 0x4, "HW = 0, EOI = 1, now Invalid: ICH_EISR bit 2");
	unit_eq_u64(vgic_elrsr(&o[0].s), 0x9, "ELRSR: LR0, LR3 empty; LR2 waits for its EOI");
	unit_eq_u64(vgic_misr(&o[0].s), ICH_MISR_EOI, "MISR.EOI from ICH_EISR");
	vgic_dir(&s, 99, o);
	unit_eq_u64(ICH_HCR_EOICOUNT(o[0].s.hcr), 1, "DIR of vINTID 99 in no LR: EOIcount 1");
	vgic_dir(&s, 8192, o);
	unit_eq_u64(ICH_HCR_EOICOUNT(o[0].s.hcr), 0, "DIR of an LPI: ignored, no EOIcount");
	vgic_dir(&s, 1023, o);
	unit_eq_u64(ICH_HCR_EOICOUNT(o[0].s.hcr), 0, "DIR of 1023: ignored");

	/* EOIR of a vINTID no LR holds, with an active priority: drop and EOIcount + 1. */
	vgic_state_init(&s, VTR_5BITS, VENG01, ICH_HCR_EN | 31ULL << 27);
	s.apr[1][0] = 1u << 16;
	unit_eq_u64(vgic_eoir(&s, 1, 99, o), 1, "EOIR1 of vINTID 99 in no LR: one outcome");
	unit_eq_u64(o[0].s.apr[1][0], 0, "priority dropped");
	unit_eq_u64(ICH_HCR_EOICOUNT(o[0].s.hcr), 0, "EOIcount 31 + 1 wraps to 0 (5 bits)");
	s.hcr = ICH_HCR_EN;
	vgic_eoir(&s, 1, 8200, o);
	unit_ok(o[0].s.apr[1][0] == 0 && ICH_HCR_EOICOUNT(o[0].s.hcr) == 0,
		"EOIR of an LPI in no LR: priority drop, no EOIcount");
	unit_eq_u64(vgic_eoir(&s, 1, 1020, o), 1, "EOIR of special 1020: one outcome");
	unit_ok(memcmp(&o[0].s, &s, sizeof(s)) == 0, "EOIR of special 1020: no change");

	/* No active priority: CONSTRAINED UNPREDICTABLE whether the LRs are checked. */
	s.apr[1][0] = 0;
	unit_eq_u64(vgic_eoir(&s, 1, 99, o), 2, "EOIR with nothing active: two outcomes");
	unit_ok(memcmp(&o[0].s, &s, sizeof(s)) == 0, "outcome 1: no change");
	unit_eq_u64(ICH_HCR_EOICOUNT(o[1].s.hcr), 1, "outcome 2: LRs checked, EOIcount 1");

	/* EOI out of order: the LR's group priority 0x80 is not the highest active (0x40). */
	vgic_state_init(&s, VTR_5BITS, VENG01, ICH_HCR_EN);
	s.lr[0] = lr(VGIC_LR_ACTIVE, 1, 0x80, 90);
	s.lr[1] = lr(VGIC_LR_ACTIVE, 1, 0x40, 91);
	s.apr[1][0] = 1u << 16 | 1u << 8;
	unit_eq_u64(vgic_eoir(&s, 1, 90, o), 2, "EOI not of the highest priority: two outcomes");
	unit_eq_u64(o[0].s.apr[1][0], 1u << 16, "pseudocode: highest (bit 8) dropped");
	unit_ok(o[0].s.lr[0].state == VGIC_LR_ACTIVE && o[0].s.lr[1].state == VGIC_LR_ACTIVE,
		"pseudocode: nothing deactivated");
	unit_ok(memcmp(&o[1].s, &s, sizeof(s)) == 0, "checks before the drop: no change");
	unit_eq_u64(vgic_eoir(&s, 1, 91, o), 1, "EOI of the highest: one outcome");
	unit_ok(o[0].s.apr[1][0] == 1u << 16 && o[0].s.lr[1].state == VGIC_LR_INVALID,
		"EOI of the highest: bit 8 dropped, LR1 deactivated");
	unit_eq_u64(vgic_eoir(&s, 0, 91, o), 2, "EOIR0 of a Group 1 interrupt: two outcomes");
	unit_ok(o[0].s.lr[1].state == VGIC_LR_ACTIVE && o[0].s.apr[1][0] == 1u << 16,
		"EOIR0 of Group 1: drop, no deactivation");
	/* The highest active priority in AP0R: EOIR1 drops it (either group holds it). */
	s.apr[0][0] = 1u << 4;
	s.lr[2] = lr(VGIC_LR_ACTIVE, 0, 0x20, 92);
	vgic_eoir(&s, 0, 92, o);
	unit_ok(o[0].s.apr[0][0] == 0 && o[0].s.lr[2].state == VGIC_LR_INVALID,
		"EOIR0 of G0 0x20 (AP0R0 bit 4): dropped and deactivated");
}

static void test_maintenance(void)
{
	struct vgic_state s;

	vgic_state_init(&s, VTR_5BITS, 0, ICH_HCR_EN);
	s.lr[0] = lr(VGIC_LR_INVALID, 1, 0, 0);
	s.lr[0].eoi = true;
	s.lr[1] = lr(VGIC_LR_INVALID, 1, 0, 600);
	s.lr[1].hw = true;
	s.lr[1].pintid = 0x200; /* bit 41 set in the encoding: still empty */
	s.lr[2] = lr(VGIC_LR_PENDING, 1, 0x80, 32);
	unit_eq_u64(vgic_eisr(&s), 0x1, "EISR: LR0 (Invalid, HW 0, EOI 1)");
	unit_eq_u64(vgic_elrsr(&s), 0xa, "ELRSR: LR1 (HW 1) and LR3; not LR0 (EOI), not LR2");
	unit_eq_u64(vgic_misr(&s), ICH_MISR_EOI, "MISR: EOI only, no enables");

	s.hcr |= ICH_HCR_UIE;
	unit_ok(vgic_misr(&s) & ICH_MISR_U, "U: one valid LR (LR2)");
	s.lr[3] = lr(VGIC_LR_ACTIVE, 1, 0x80, 33);
	unit_ok(!(vgic_misr(&s) & ICH_MISR_U), "U: two valid LRs -> clear");
	s.hcr = ICH_HCR_EN | ICH_HCR_NPIE;
	unit_eq_u64(vgic_misr(&s), ICH_MISR_EOI, "NP: LR2 pending -> clear");
	s.lr[2].state = VGIC_LR_PENDING_ACTIVE;
	unit_eq_u64(vgic_misr(&s), ICH_MISR_EOI | ICH_MISR_NP, "NP: only P+A and Active LRs");
	s.hcr = ICH_HCR_EN | ICH_HCR_LRENPIE;
	unit_eq_u64(vgic_misr(&s), ICH_MISR_EOI, "LRENP: EOIcount 0 -> clear");
	s.hcr |= 2ULL << 27;
	unit_ok(vgic_misr(&s) & ICH_MISR_LRENP, "LRENP: EOIcount 2");

	s.lr[0].eoi = false;
	s.hcr = ICH_HCR_EN | ICH_HCR_VGRP0EIE | ICH_HCR_VGRP0DIE | ICH_HCR_VGRP1EIE |
		ICH_HCR_VGRP1DIE;
	s.vmcr = ICH_VMCR_VENG1;
	unit_eq_u64(vgic_misr(&s), ICH_MISR_VGRP0D | ICH_MISR_VGRP1E,
		    "VENG0 0, VENG1 1: VGrp0D and VGrp1E");
	s.vmcr = ICH_VMCR_VENG0;
	unit_eq_u64(vgic_misr(&s), ICH_MISR_VGRP0E | ICH_MISR_VGRP1D,
		    "VENG0 1, VENG1 0: VGrp0E and VGrp1D");
	unit_ok(vgic_maint_asserted(&s), "En = 1, MISR != 0: maintenance interrupt asserted");
	s.hcr &= ~ICH_HCR_EN;
	unit_ok(!vgic_maint_asserted(&s), "En = 0: never asserted");
	s.hcr = ICH_HCR_EN;
	unit_ok(!vgic_maint_asserted(&s), "MISR 0: not asserted");
}

int main(void)
{
	test_vtr();
	test_lr_encoding();
	test_group_priority();
	test_rpr();
	test_hppi();
	test_signal_and_ack();
	test_eoi();
	test_maintenance();
	return unit_done();
}
