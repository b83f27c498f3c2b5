/* SPDX-License-Identifier: MIT */
/*
 * The vGIC oracle: a pure model of the GICv3 virtual CPU interface with list registers, from
 * the GIC architecture specification IHI 0069 (4.8 "Interrupt prioritization", 12.4 "ICH_*"
 * and 12.6 "ICV_*" register descriptions, and the virtual interface pseudocode functions named
 * at each function below). It predicts what a guest reads from ICV_IAR/HPPIR/RPR, how the list
 * registers and ICH_AP<g>R<n>_EL2 change on an acknowledge, EOI or deactivation, and what
 * ICH_MISR/EISR/ELRSR_EL2 read. Unit-tested on the host (tests/unit/vgic_model_test.c).
 *
 * The oracle never reads hardware or the list registers it predicts: a scenario builds a
 * struct vgic_state from the values it writes (ICH_VTR_EL2 read once, VMCR, HCR, the LRs it
 * loads), steps it with vgic_ack()/vgic_eoir()/vgic_dir() as the guest does, and compares.
 *
 * Where the architecture lets an implementation choose, the oracle returns the set of permitted
 * results (vgic_hppi_candidates(), vgic_signal(), the outcome arrays of vgic_eoir() and
 * vgic_dir()); a scenario accepts exactly that set. Not modelled: vLPIs from the redistributor
 * (GICv4), NMIs (ICH_LR.NMI), ICH_HCR_EL2.vSGIEOICount, special vINTIDs 1020-1023 in an LR
 * other than as IAR results, two LRs with the same vINTID (UNPREDICTABLE), and the same active
 * priority bit set in both ICH_AP0R and ICH_AP1R.
 *
 * Where QEMU's hw/intc/arm_gicv3_cpuif.c reads the rules differently the function says so.
 */
#ifndef MODEL_VGIC_MODEL_H
#define MODEL_VGIC_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "gic_model.h" /* ICH_VMCR_* fields, ICV_INTID_SPURIOUS */

#define VGIC_LRS_MAX  16 /* ICH_VTR_EL2.ListRegs is 5 bits, at most 15: 16 LRs */
#define VGIC_APRS_MAX 4	 /* ICH_AP<g>R<n>_EL2, n < 4 with 7 preemption bits */
#define VGIC_LPI_MIN  8192

/** ICH_LR<n>_EL2.State. */
enum vgic_lr_state {
	VGIC_LR_INVALID = 0,
	VGIC_LR_PENDING = 1,
	VGIC_LR_ACTIVE = 2,
	VGIC_LR_PENDING_ACTIVE = 3,
};

/** A decoded ICH_LR<n>_EL2 (IHI 0069, the ICH_LR<n>_EL2 description). */
struct vgic_lr {
	enum vgic_lr_state state; /* [63:62] */
	bool hw;		  /* [61]: the vINTID is linked to the physical pINTID */
	unsigned group;		  /* [60]: 0 (a vFIQ) or 1 (a vIRQ) */
	unsigned priority;	  /* [55:48]: unimplemented low bits (PRIbits) are 0 */
	uint32_t vintid;	  /* [31:0]: IDbits wide */
	uint32_t pintid;	  /* [44:32] when hw: the physical INTID deactivated with it */
	bool eoi;		  /* [41] when !hw: EOI maintenance interrupt on deactivation */
};

/** ICH_VTR_EL2 decoded into counts (IHI 0069, ICH_VTR_EL2); fields hold the count, not count - 1.
 */
struct vgic_vtr {
	unsigned list_regs; /* ListRegs + 1: implemented list registers */
	unsigned pri_bits;  /* PRIbits + 1: virtual priority bits (5..8) */
	unsigned pre_bits;  /* PREbits + 1: virtual preemption bits (5..7) */
	unsigned id_bits;   /* IDbits: 16 or 24 */
	bool seis, a3v, nv4, tds;
};

/**
 * struct vgic_state - the virtual CPU interface the oracle steps.
 * @vtr:  ICH_VTR_EL2, decoded.
 * @vmcr: ICH_VMCR_EL2 (VENG0/1, VCBPR, VEOIM, VBPR0/1, VPMR).
 * @hcr:  ICH_HCR_EL2, EOIcount [31:27] included.
 * @lr:   ICH_LR<n>_EL2, n < vtr.list_regs (the rest are ignored).
 * @apr:  @apr[0][n] = ICH_AP0R<n>_EL2, @apr[1][n] = ICH_AP1R<n>_EL2, n < vgic_apr_count().
 */
struct vgic_state {
	struct vgic_vtr vtr;
	uint64_t vmcr;
	uint64_t hcr;
	struct vgic_lr lr[VGIC_LRS_MAX];
	uint32_t apr[2][VGIC_APRS_MAX];
};

/* ---- widths ------------------------------------------------------------------------------ */

/** vgic_vtr_decode() - the counts of ICH_VTR_EL2 @vtr (PRIbits, PREbits, IDbits: "minus one"). */
struct vgic_vtr vgic_vtr_decode(uint64_t vtr);

/**
 * vgic_apr_count() - how many ICH_AP<g>R<n>_EL2 exist: one active priority bit per preemption
 * level, 2^PREbits, 32 per register (ICH_AP0R<n>_EL2: AP0R1 exists with 6 or more preemption
 * bits, AP0R2/3 with 7).
 */
unsigned vgic_apr_count(const struct vgic_vtr *vtr);

/** vgic_prio_mask() - the implemented priority bits: PRIbits high bits of 8 (others RAZ). */
unsigned vgic_prio_mask(const struct vgic_vtr *vtr);

/**
 * vgic_bpr_min() - the minimum ICV_BPR<group>_EL1 value: 7 - PREbits for Group 0 and one more
 * for Group 1 (ICV_BPR0_EL1/ICV_BPR1_EL1: "an attempt to program the binary point field to a
 * value less than the minimum value sets the field to the minimum value").
 */
unsigned vgic_bpr_min(const struct vgic_vtr *vtr, unsigned group);

/* ---- list registers ---------------------------------------------------------------------- */

/** vgic_lr_decode() - ICH_LR<n>_EL2 @v as the CPU described by @vtr holds it. */
struct vgic_lr vgic_lr_decode(uint64_t v, const struct vgic_vtr *vtr);

/**
 * vgic_lr_encode() - the ICH_LR<n>_EL2 value of @lr: what a read must return after the CPU
 * described by @vtr holds it (unimplemented priority and vINTID bits 0, EOI only with HW = 0,
 * pINTID only with HW = 1).
 */
uint64_t vgic_lr_encode(const struct vgic_lr *lr, const struct vgic_vtr *vtr);

/** vgic_state_init() - @s with ICH_VTR_EL2 @vtr, @vmcr, @hcr, every LR invalid, no APR bit. */
void vgic_state_init(struct vgic_state *s, uint64_t vtr, uint64_t vmcr, uint64_t hcr);

/* ---- priority ---------------------------------------------------------------------------- */

/**
 * vgic_group_priority() - VPriorityGroup(): the group priority of @priority in @group. Group 0,
 * or Group 1 with VCBPR = 1, uses VBPR0: bits [7:VBPR0+1]; Group 1 with VCBPR = 0 uses VBPR1:
 * bits [7:VBPR1] (4.8 "priority grouping"; VBPR below its minimum reads as the
 * minimum, the VMCR fields being aliases of ICV_BPR<g>_EL1). Unimplemented bits are 0.
 */
unsigned vgic_group_priority(const struct vgic_state *s, unsigned priority, unsigned group);

/**
 * vgic_apr_bit() - the ICH_AP<group>R<n>_EL2 bit an acknowledge of @priority sets, numbered
 * across the registers (bit b is register b / 32, bit b % 32): the group priority's top
 * PREbits bits, group priority >> (8 - PREbits) (ICH_AP0R<n>_EL2, ICH_AP1R<n>_EL2).
 */
unsigned vgic_apr_bit(const struct vgic_state *s, unsigned priority, unsigned group);

/**
 * vgic_rpr() - ICV_RPR_EL1, VHighestActivePriority(): the priority of the lowest-numbered bit
 * set in ICH_AP0R<n> | ICH_AP1R<n>, bit b being priority b << (8 - PREbits); 0xff (idle) if
 * no bit is set.
 */
unsigned vgic_rpr(const struct vgic_state *s);

/* ---- pending selection, signalling, acknowledge ------------------------------------------ */

/**
 * vgic_hppi_candidates() - HighestPriorityVirtualInterrupt(): the LRs that may be the highest
 * priority pending virtual interrupt, as a mask of LR numbers (0 if none). Only LRs whose State
 * is Pending (not Pending and Active: the active part blocks a second acknowledge), whose group
 * is enabled (VMCR.VENG0/VENG1), with a priority below 0xff (the idle priority is never
 * pending) and the lowest such priority. Which of several equal-priority LRs an
 * implementation picks is IMPLEMENTATION DEFINED (4.8, interrupt prioritization: among pending
 * interrupts of the same priority the choice is IMPLEMENTATION DEFINED): all are returned.
 * ICH_HCR_EL2.En does not take part here (it gates signalling and IAR, vgic_lr_can_signal()).
 */
uint32_t vgic_hppi_candidates(const struct vgic_state *s);

/** vgic_hppi_first() - the lowest-numbered LR of vgic_hppi_candidates(), -1 if none. */
int vgic_hppi_first(const struct vgic_state *s);

/** vgic_hppi_match() - the candidate LR holding vINTID @intid, -1 if no candidate does. */
int vgic_hppi_match(const struct vgic_state *s, uint32_t intid);

/**
 * vgic_lr_can_signal() - CanSignalVirtualInt() for LR @n as the highest priority pending
 * interrupt: ICH_HCR_EL2.En = 1, its priority is below VPMR (the whole priority, 4.8 "priority
 * masking"), and its group priority is higher (numerically lower) than the running priority
 * vgic_rpr() (4.8 "preemption"). QEMU's icv_hppi_can_preempt() compares the group priority with the
 * running priority masked by the pending group's BPR as well, which differs only when the
 * active priority has bits below that mask (another group's finer BPR, or a BPR changed while
 * active).
 */
bool vgic_lr_can_signal(const struct vgic_state *s, unsigned n);

#define VGIC_SIG_NONE (1u << 0) /* neither line asserted */
#define VGIC_SIG_VIRQ (1u << 1) /* a Group 1 vIRQ */
#define VGIC_SIG_VFIQ (1u << 2) /* a Group 0 vFIQ */
/**
 * vgic_signal() - the permitted vIRQ/vFIQ outcomes, a mask of VGIC_SIG_*: for each HPPI
 * candidate, its line (Group 0 vFIQ, Group 1 vIRQ) if it can be signalled, else none.
 * One bit unless equal-priority candidates differ.
 */
unsigned vgic_signal(const struct vgic_state *s);

/**
 * vgic_hppir() - ICV_HPPIR<group>_EL1 when LR @hppi (-1: none) is the highest priority pending
 * interrupt: its vINTID if it is in @group, else 1023. Not masked by VPMR, the running
 * priority or ICH_HCR_EL2.En (VirtualReadHPPIR<g>(); QEMU icv_hppir_read() agrees).
 */
uint32_t vgic_hppir(const struct vgic_state *s, unsigned group, int hppi);

/**
 * vgic_ack() - an ICV_IAR<group>_EL1 read when LR @hppi (-1: none) is the highest priority
 * pending interrupt (VirtualReadIAR0/1()): if the LR is in @group and vgic_lr_can_signal(), it
 * returns the vINTID, the LR goes Pending -> Active and the vgic_apr_bit() of its priority is
 * set in ICH_AP<group>R<n>; a special vINTID (1020-1023) instead goes Pending -> Invalid and is
 * returned. Otherwise 1023 and no change.
 */
uint32_t vgic_ack(struct vgic_state *s, unsigned group, int hppi);

/* ---- end of interrupt -------------------------------------------------------------------- */

#define VGIC_OUTCOMES_MAX 2
/**
 * struct vgic_outcome - one permitted result of an EOI or DIR write.
 * @s:		the state afterwards.
 * @pdeact:	the physical INTID the GIC deactivates (an LR with HW = 1), -1 if none.
 * @rule:	which text permits this outcome (for the rule text and YAML).
 */
struct vgic_outcome {
	struct vgic_state s;
	int pdeact;
	const char *rule;
};

/**
 * vgic_eoir() - the permitted results of a write of @intid to ICV_EOIR<group>_EL1
 * (VirtualWriteEOIR0/1()); returns how many it wrote to @out (1 or 2).
 *
 * - A special INTID (1020-1023) is ignored.
 * - Priority drop: the highest active priority bit (lowest-numbered in AP0R | AP1R) is
 *   cleared. Then FindActiveVirtualInterrupt(): the LR holding @intid in the Active or
 *   Pending and Active state.
 * - No such LR: ICH_HCR_EL2.EOIcount + 1 (5 bits, wraps), except for an LPI (>= 8192).
 * - The LR is in @group and its group priority is the dropped one: with VEOIM = 0 (or an LPI)
 *   it is deactivated as vgic_dir() does (Active -> Invalid, Pending and Active -> Pending,
 *   HW = 1: @pdeact = pINTID, for pINTID < 1020); with VEOIM = 1 only the priority drops.
 * - The LR is not in @group, or its group priority is not the highest active priority (an
 *   EOI out of order): the pseudocode drops the highest active priority and deactivates
 *   nothing; it is IMPLEMENTATION DEFINED whether the priority drop happens before these
 *   checks (QEMU's icv_eoir_write() names that choice), so "no change at all" is the second
 *   permitted outcome.
 * - No active priority at all: CONSTRAINED UNPREDICTABLE whether the LRs are checked (QEMU's
 *   icv_eoir_write() chooses not to): "no change" and "EOIcount + 1 as above" are permitted.
 */
unsigned vgic_eoir(const struct vgic_state *s, unsigned group, uint32_t intid,
		   struct vgic_outcome out[VGIC_OUTCOMES_MAX]);

/**
 * vgic_dir() - the permitted results of a write of @intid to ICV_DIR_EL1 (VirtualWriteDIR());
 * returns how many it wrote to @out: 0 when the result is UNPREDICTABLE (VEOIM = 0: a row
 * must not depend on it), else 1.
 *
 * A special INTID or an LPI (VirtualIdentifierValid(data, FALSE)) is ignored. The LR holding
 * @intid Active or Pending and Active is deactivated (Active -> Invalid, Pending and Active
 * -> Pending; HW = 1: the physical pINTID is deactivated, @pdeact; HW = 0 with EOI = 1: the LR
 * now shows in ICH_EISR_EL2). No such LR: EOIcount + 1.
 */
unsigned vgic_dir(const struct vgic_state *s, uint32_t intid,
		  struct vgic_outcome out[VGIC_OUTCOMES_MAX]);

/* ---- maintenance ------------------------------------------------------------------------- */

/** vgic_eisr() - ICH_EISR_EL2: bit n for each LR with State Invalid, HW = 0 and EOI = 1. */
uint32_t vgic_eisr(const struct vgic_state *s);

/**
 * vgic_elrsr() - ICH_ELRSR_EL2: bit n for each LR with State Invalid and (HW = 1 or EOI = 0),
 * i.e. one that holds neither an interrupt nor a pending EOI maintenance request.
 */
uint32_t vgic_elrsr(const struct vgic_state *s);

/**
 * vgic_misr() - ICH_MISR_EL2: EOI = ICH_EISR_EL2 != 0; U = UIE and at most one LR
 * with State != Invalid; LRENP = LRENPIE and EOIcount != 0; NP = NPIE and no LR in the Pending
 * state (Pending and Active is not counted, as QEMU does; KVM's nested emulation counts it);
 * VGrp0E/VGrp0D/VGrp1E/VGrp1D = VGrp<g>EIE and VENG<g> = 1 / VGrp<g>DIE and VENG<g> = 0. QEMU
 * (maintenance_interrupt_state()) tests VENG1 for VGrp0D.
 */
uint32_t vgic_misr(const struct vgic_state *s);

/** vgic_maint_asserted() - the maintenance interrupt: ICH_HCR_EL2.En = 1 and ICH_MISR != 0. */
bool vgic_maint_asserted(const struct vgic_state *s);

#endif /* MODEL_VGIC_MODEL_H */
