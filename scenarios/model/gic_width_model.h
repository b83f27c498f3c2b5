/* SPDX-License-Identifier: MIT */
/*
 * The widths oracle of the GICv3 CPU interfaces: which bits of the priority mask, binary point,
 * control and active priority registers hold a value, what the minimum binary points are, how
 * many active priority registers exist, and which ICH_VTR_EL2 / ICC_CTLR_EL1 values are
 * architecturally possible. GIC architecture specification IHI 0069 and the Arm ARM register
 * descriptions (DDI 0601: ICH_VTR_EL2, ICH_VMCR_EL2, ICH_AP<g>R<n>_EL2, ICV_*, ICC_*).
 * Pure code: the caller passes the ID values it read; unit-tested on the host
 * (tests/unit/gic_width_model_test.c).
 *
 * Each register is modelled as state plus write/read functions, so a scenario can predict a
 * whole sequence (fresh value, write all-ones, read, write zero, read).
 */
#ifndef MODEL_GIC_WIDTH_MODEL_H
#define MODEL_GIC_WIDTH_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/** ICH_VTR_EL2, decoded ("minus one" encodings turned into counts). */
struct gw_vtr {
	unsigned list_regs; /* ListRegs + 1 */
	unsigned pri_bits;  /* PRIbits + 1: virtual priority bits */
	unsigned pre_bits;  /* PREbits + 1: virtual preemption bits */
	unsigned id_bits;   /* 16 or 24 (IDbits 0b000 / 0b001); 0 for a reserved encoding */
	bool seis, a3v, nv4, tds, dvim;
};

struct gw_vtr gw_vtr_decode(uint64_t vtr);

/** ICC_CTLR_EL1's read-only fields, decoded. */
struct gw_icc_id {
	unsigned pri_bits; /* PRIbits + 1: physical priority bits */
	unsigned id_bits;  /* 16 or 24; 0 for a reserved encoding */
	bool seis, a3v, rss, extrange;
};

struct gw_icc_id gw_icc_id_decode(uint64_t icc_ctlr);

/** The implemented bits of an 8-bit priority with @pri_bits bits: the top ones (0xf8 for 5). */
uint8_t gw_prio_mask(unsigned pri_bits);
/**
 * gw_bpr0_min() - the minimum Group 0 binary point with @pre_bits preemption bits: the group
 * priority field can be no wider than the preemption bits, so 7 - pre_bits (2 for 5 bits), 0
 * with 7 (the widest group priority field, [7:1]). The Group 1 (Non-secure) minimum is one more.
 */
unsigned gw_bpr0_min(unsigned pre_bits);
/**
 * gw_apr_count() - ICH_AP<g>R<n>_EL2 / ICV_AP<g>R<n>_EL1 registers implemented with @pre_bits
 * preemption bits: one 32-bit register per 32 levels ("ICH_AP0R1_EL2 is implemented only in
 * implementations that support 6 or more bits of preemption; ICH_AP0R2_EL2 and ICH_AP0R3_EL2
 * only with 7"). The same with priority bits counts ICC_AP<g>R<n>_EL1 ("6 or more bits of
 * priority", "7 or more"). Unimplemented ones are UNDEFINED.
 */
unsigned gw_apr_count(unsigned bits);

/* ---- The virtual CPU interface (ICH_VMCR_EL2, ICH_AP<g>R<n>_EL2 and the ICV_* views) ---- */

enum gw_icv {
	GW_ICV_PMR,
	GW_ICV_BPR0,
	GW_ICV_BPR1,
	GW_ICV_CTLR,
	GW_ICV_IGRPEN0,
	GW_ICV_IGRPEN1,
	GW_ICV_AP0R, /* with an index n */
	GW_ICV_AP1R,
	GW_ICV_RPR, /* read-only from here on */
	GW_ICV_IAR0,
	GW_ICV_IAR1,
	GW_ICV_HPPIR0,
	GW_ICV_HPPIR1,
};

/** The state behind the ICV_* registers, as ICH_VMCR_EL2 and the active priority registers. */
struct gw_virt {
	uint64_t vtr;
	bool nmi; /* FEAT_GICv3_NMI: ICH_AP1R0_EL2 / ICV_AP1R0_EL1 bit 63 is the NMI bit */
	uint64_t vmcr;
	uint64_t apr[2][4]; /* [group][n] */
};

/* ICH_VMCR_EL2 fields (IHI 0069 / DDI 0601). */
#define GW_VMCR_VENG0	(1ULL << 0)
#define GW_VMCR_VENG1	(1ULL << 1)
#define GW_VMCR_VACKCTL (1ULL << 2)
#define GW_VMCR_VFIQEN	(1ULL << 3)
#define GW_VMCR_VCBPR	(1ULL << 4)
#define GW_VMCR_VEOIM	(1ULL << 9)
#define GW_VMCR_VBPR1	(7ULL << 18)
#define GW_VMCR_VBPR0	(7ULL << 21)
#define GW_VMCR_VPMR	(0xffULL << 24)
/*
 * VAckCtl and VFIQEn only mean something for a legacy (memory-mapped GICV_*) VM: with
 * ICC_SRE_EL1.SRE = 1 they are RES0 and RES1, and without legacy support always. Whether a
 * write of 0 to VFIQEn reads back 0 thus depends on legacy support, which no ID register
 * states: the oracle leaves both bits out of every comparison (gw_vmcr_mask()).
 */
#define GW_VMCR_LEGACY (GW_VMCR_VACKCTL | GW_VMCR_VFIQEN)

/**
 * gw_vmcr_write() - the effect of an EL2 write of @v to ICH_VMCR_EL2: VPMR is an alias of
 * ICV_PMR_EL1.Priority, whose unimplemented (low) bits are RAZ/WI; VBPR0 and VBPR1 alias the
 * ICV binary points, and "an attempt to program the binary point field to a value less than
 * the minimum value sets the field to the minimum value" (7 - preemption bits; VBPR1 one
 * more); VEOIM, VCBPR, VENG1 and VENG0 hold what is written; bits [17:10], [8:5] and [63:32]
 * are RES0.
 */
void gw_vmcr_write(struct gw_virt *s, uint64_t v);
/**
 * The ICH_VMCR_EL2 bits whose value the architecture fixes: its fields but GW_VMCR_LEGACY.
 * RES0 bits are never compared anywhere in this model: a RES0 bit may be implemented as a
 * stateful bit ("a read returns the last value written", Arm ARM glossary), so only the
 * fields a register defines are, while an all-ones write still sets the RES0 bits.
 */
uint64_t gw_vmcr_mask(void);

/**
 * gw_ich_apr_write() - an EL2 write of @v to ICH_AP<g>R<n>_EL2 (n below gw_apr_count()):
 * P<x> bits [31:0] are each one group priority's active bit, all implemented; bits [63:32]
 * are RES0, except bit 63 of ICH_AP1R0_EL2 with FEAT_GICv3_NMI (the NMI active bit).
 */
void gw_ich_apr_write(struct gw_virt *s, unsigned g, unsigned n, uint64_t v);

/**
 * gw_icv_write() - the effect of an EL1 MSR of @v to ICV register @r (index @n of an APR):
 * ICV_PMR: the implemented priority bits; ICV_BPR0/1: BinaryPoint [2:0], raised to the
 * minimum; ICV_BPR1 with VCBPR = 1: ignored; ICV_CTLR: CBPR (-> VCBPR) and EOImode (-> VEOIM);
 * ICV_IGRPEN<g>: Enable (-> VENG<g>); ICV_AP<g>R<n>: as the ICH_AP<g>R<n>_EL2 view.
 */
void gw_icv_write(struct gw_virt *s, enum gw_icv r, unsigned n, uint64_t v);

/**
 * gw_icv_read() - what an EL1 MRS of @r returns; @mask: out, the register's fields (RES0 bits
 * and ICV_CTLR_EL1 RSS and ExtRange, which no ICH_* register describes, are left out).
 * ICV_BPR1 with VCBPR = 1 reads "ICV_BPR0_EL1 + 1 saturated to 0b111"; ICV_CTLR_EL1's
 * PRIbits, IDbits, SEIS and A3V are ICH_VTR_EL2's; ICV_RPR_EL1 is the idle priority 0xff when
 * no active priority bit is set (the only case modelled: *mask = 0 otherwise); ICV_IAR<g> and
 * ICV_HPPIR<g> with no list register in use read the special INTID 1023.
 */
uint64_t gw_icv_read(const struct gw_virt *s, enum gw_icv r, unsigned n, uint64_t *mask);

/* ---- The physical CPU interface, as the harness uses it at EL2 (Non-secure) ---- */

enum gw_icc { GW_ICC_PMR, GW_ICC_BPR0, GW_ICC_BPR1, GW_ICC_CTLR, GW_ICC_IGRPEN0, GW_ICC_IGRPEN1 };

/* ICC_CTLR_EL1 writable bits. */
#define GW_ICC_CTLR_CBPR    (1ULL << 0)
#define GW_ICC_CTLR_EOIMODE (1ULL << 1)
#define GW_ICC_CTLR_PMHE    (1ULL << 6)

/**
 * The physical registers' state. The model covers a single Security state, or the harness's
 * Non-secure view with GICD_CTLR.DS = 1 (no EL3): the priority mask then holds the plain
 * priority, and the harness's ICC_BPR1_EL1 is the Non-secure copy, whose minimum "is the
 * minimum value of ICC_BPR0_EL1 + 1". The Non-secure PMR/BPR views with two Security states
 * (shifted priorities) are not modelled.
 */
struct gw_phys {
	uint64_t ctlr; /* ICC_CTLR_EL1 as read: PRIbits, IDbits, SEIS, A3V, RSS, ExtRange, ... */
	uint64_t pmr, bpr0, bpr1, igrpen0, igrpen1;
};

/**
 * gw_icc_write() - an EL2 MSR of @v to @r. ICC_PMR_EL1: the implemented priority bits
 * (PRIbits + 1 of them) hold, the rest are RAZ/WI; ICC_BPR0/1_EL1: BinaryPoint, raised to the
 * minimum (ICC_BPR1 with CBPR = 1: ignored); ICC_CTLR_EL1: CBPR and EOImode (no EL3: CBPR is
 * writable), PMHE only where implemented (IMPLEMENTATION DEFINED: RAZ/WI otherwise);
 * ICC_IGRPEN<g>_EL1: Enable, bit 0.
 */
void gw_icc_write(struct gw_phys *s, enum gw_icc r, uint64_t v);
/**
 * gw_icc_read() - what an EL2 MRS of @r returns; @mask: out, the register's fields (PMHE is
 * left out while it may be either 0 or the written 1).
 */
uint64_t gw_icc_read(const struct gw_phys *s, enum gw_icc r, uint64_t *mask);

/* ---- Consistency of the ID values ---- */

enum gw_id_rule {
	GW_VTR_PRIBITS_MIN, /* "at least 32 levels of virtual priority (5 priority bits)" */
	GW_VTR_PREBITS_MIN, /* "at least 32 levels of virtual preemption priority (5 bits)" */
	GW_VTR_PREBITS_LE_PRIBITS, /* "must be less than or equal to ICH_VTR_EL2.PRIbits" */
	GW_VTR_PREBITS_MAX,	   /* BPR0 >= 0 splits [7:1]: at most 7 preemption bits */
	GW_VTR_IDBITS,		   /* 0b000 or 0b001; "all other values are reserved" */
	GW_PFR0_GIC,		   /* ID_AA64PFR0_EL1.GIC: 0b0001 (v3.0/v4.0) or 0b0011 (v4.1) */
	GW_ICC_PRIBITS_MIN,	   /* 16 levels (4 bits); 32 (5) with two Security states */
	GW_ICC_IDBITS,		   /* 0b000 or 0b001 */
	GW_ID_RULES
};

/** The ID values gw_id_rule_holds() checks. */
struct gw_ids {
	uint64_t vtr, icc_ctlr, pfr0;
};

/** gw_icv_fields() - the bits of @r that are fields, not RES0 (@n: an APR's index). */
uint64_t gw_icv_fields(const struct gw_virt *s, enum gw_icv r, unsigned n);

/** gw_id_rule_holds() - whether rule @r holds for @ids; @why: a short reason when it fails. */
bool gw_id_rule_holds(enum gw_id_rule r, const struct gw_ids *ids, const char **why);

#endif /* MODEL_GIC_WIDTH_MODEL_H */
