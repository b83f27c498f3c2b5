/* SPDX-License-Identifier: MIT */
/*
 * Oracle for stage 1 + stage 2 memory attribute combination (HCR_EL2.FWB = 0 and 1) and for what
 * AT S12E1R/W report of it in PAR_EL1.ATTR and PAR_EL1.SH. Follows the Arm ARM (DDI 0487)
 * pseudocode functions named on each function below: S1DecodeMemAttrs, S2DecodeMemAttrs,
 * S2CombineS1MemAttrs and its helpers, AArch64.S2ApplyFWBMemAttrs, EffectiveShareability,
 * AArch64.EncodePARAttrs and
 * ReportedPARAttrs / ReportedPARShareability. Pure code, host-tested in
 * tests/unit/s2_attr_model_test.c; it shares nothing with the walker the vmm builds tables with.
 */
#ifndef MODEL_S2_ATTR_MODEL_H
#define MODEL_S2_ATTR_MODEL_H

#include <stdbool.h>
#include <stdint.h>

enum mem_type { MEMTYPE_DEVICE, MEMTYPE_NORMAL };
enum device_type { DEVICE_nGnRnE, DEVICE_nGnRE, DEVICE_nGRE, DEVICE_GRE };
enum mem_cache { MEMATTR_NC, MEMATTR_WT, MEMATTR_WB };
/* The Shareability values of the pseudocode, encoded as the SH field does. */
enum shareability { SHAREABILITY_NSH = 0, SHAREABILITY_OSH = 2, SHAREABILITY_ISH = 3 };

/** MemAttrHints: cacheability of one level (inner or outer) with its allocation hints. */
struct mem_hints {
	enum mem_cache attrs;
	unsigned hints; /* MemHint: bit 1 read-allocate, bit 0 write-allocate */
	bool transient;
};

/** MemoryAttributes, the part of it that PAR_EL1 reports. */
struct mem_attrs {
	enum mem_type memtype;
	enum device_type device; /* MEMTYPE_DEVICE */
	struct mem_hints inner, outer;
	enum shareability shareability;
};

/**
 * s1_decode_mem_attrs() - S1DecodeMemAttrs(): a MAIR_EL1 Attr<n> byte and the descriptor's
 * SH[1:0] as a stage-1 result. Returns false for encodings this oracle does not model: the
 * reserved and IMPLEMENTATION DEFINED ones (Device 0b0000xx01..11, 0b0000xx1x low bits,
 * 0bxxxx0000 with a Normal outer half) and FEAT_MTE/FEAT_XS specials (0xf0, 0x40, 0xa0), and
 * SH = 0b01 (reserved).
 */
bool s1_decode_mem_attrs(uint8_t mair_attr, unsigned sh, struct mem_attrs *out);

/**
 * s1_disabled_data_attrs() - AArch64.S1DisabledOutput() for a data access (AT included) in the
 * EL1&0 regime with SCTLR_EL1.M = 0 and HCR_EL2.DC = 0: Device-nGnRnE, Outer Shareable.
 */
struct mem_attrs s1_disabled_data_attrs(void);

/*
 * What the architecture leaves to the implementation in a stage-2 MemAttr with one half 0b00
 * and the other not (0b0100, 0b1000, 0b1100): S2DecodeCacheability() makes it
 * ConstrainUnpredictable(Unpredictable_S2RESMEMATTR), one of Non-cacheable, Write-Through or
 * Write-Back for that half. The oracle enumerates all three.
 */
#define S2_RESMEMATTR_CHOICES 3

/**
 * s2_decode_mem_attrs() - S2DecodeMemAttrs(): a stage-2 descriptor's MemAttr[3:0] and SH[1:0]
 * (HCR_EL2.FWB = 0). @choice (0..2: NC, WT, WB) resolves a reserved half, see above; it is
 * ignored for the other encodings. Returns false for SH = 0b01 (reserved).
 */
bool s2_decode_mem_attrs(unsigned memattr, unsigned sh, unsigned choice, struct mem_attrs *out);

/** s2_memattr_has_choice() - whether @memattr has a ConstrainUnpredictable half. */
bool s2_memattr_has_choice(unsigned memattr);

/** S2CombineS1Device(): the stronger of two Device types (nGnRnE > nGnRE > nGRE > GRE). */
enum device_type s2_combine_s1_device(enum device_type s1, enum device_type s2);
/** S2CombineS1AttrHints(): the weaker cacheability; hints and transience from stage 1. */
struct mem_hints s2_combine_s1_attr_hints(struct mem_hints s1, struct mem_hints s2);
/** S2CombineS1Shareability(): OSH if either is OSH, else ISH if either is ISH, else NSH. */
enum shareability s2_combine_s1_shareability(enum shareability s1, enum shareability s2);
/** EffectiveShareability(): Device and Normal inner-NC outer-NC are Outer Shareable. */
enum shareability effective_shareability(const struct mem_attrs *m);
/** S2CombineS1MemAttrs() with HCR_EL2.FWB = 0. */
struct mem_attrs s2_combine_s1_mem_attrs(const struct mem_attrs *s1, const struct mem_attrs *s2);

/**
 * s2_apply_fwb_mem_attrs() - AArch64.S2ApplyFWBMemAttrs() (HCR_EL2.FWB = 1): stage-1 result
 * @s1 with stage-2 MemAttr[2:0] @memattr and SH @sh. 0b0dd: Device, the stronger of stage 1's
 * and dd if stage 1 is Device; 0b101: Normal iNC-oNC unless stage 1 is Device (then stage 1's);
 * 0b110: Normal Write-Back, each half with stage 1's hints if that half is Write-Through or
 * Write-Back at stage 1, else RWA non-transient; 0b111: stage 1's attributes. Shareability as
 * S2CombineS1Shareability() and EffectiveShareability(). Returns false for the reserved 0b100,
 * MemAttr[3] = 1 (RES0 without FEAT_MTE_PERM) and SH = 0b01.
 */
bool s2_apply_fwb_mem_attrs(const struct mem_attrs *s1, unsigned memattr, unsigned sh,
			    struct mem_attrs *out);

/** AArch64.EncodePARAttrs() (ReportedPARAttrs() of the reference pseudocode is the identity). */
uint8_t par_encode_attrs(const struct mem_attrs *m);
/** ReportedPARShareability(): PAR_EL1.SH, 0b10 for any Device and for Normal iNC-oNC. */
unsigned par_encode_shareability(const struct mem_attrs *m);

/** A stage-1 input of one row: a MAIR byte and SH, or stage 1 off. */
struct s1_input {
	bool off; /* SCTLR_EL1.M = 0 (HCR_EL2.DC = 0) */
	uint8_t mair_attr;
	unsigned sh;
};

/** The PAR_EL1 {ATTR, SH} pairs the architecture permits for one combination. */
#define PAR_ATTRS_MAX 8
struct par_attrs_expect {
	unsigned n;
	struct {
		uint8_t attr;
		unsigned sh;
	} v[PAR_ATTRS_MAX];
};

/**
 * s2_par_attrs_expect() - every {ATTR, SH} that AT S12E1R/W may report for stage-1 @s1 combined
 * with stage-2 MemAttr @s2_memattr and SH @s2_sh, with HCR_EL2.FWB = @fwb (HCR_EL2.CD/DC = 0).
 *
 * The set holds the pseudocode value for each ConstrainUnpredictable choice of a reserved
 * MemAttr half, and with FEAT_XS (@feat_xs) also the XS = 0 spellings of the same memory type
 * that AArch64.EncodePARAttrs() may use, 0x40 for 0x44 and 0xa0 for 0xaa: the oracle does not
 * model the XS attribute. Nothing else: the permission that ATTR/SH "can be the resulting
 * attribute that is actually implemented" (PAR_EL1 field descriptions) is not taken as a licence
 * for other values. Returns false if an input is outside what the oracle models.
 */
bool s2_par_attrs_expect(const struct s1_input *s1, unsigned s2_memattr, unsigned s2_sh, bool fwb,
			 bool feat_xs, struct par_attrs_expect *out);

/*
 * Where an unaligned load (SCTLR_EL1.A = 0) to the page faults: AArch64.S1HasAlignmentFault()
 * is true for a stage-1 Device type (stage 1 off included), the fault is a stage-1 Alignment
 * fault taken to EL1; otherwise AArch64.S2HasAlignmentFault() is true for a stage-2 Device
 * type, a stage-2 Alignment fault taken to EL2; Normal at both stages does not fault.
 */
enum align_outcome { ALIGN_NO_FAULT, ALIGN_FAULT_STAGE1, ALIGN_FAULT_STAGE2 };

/** s2_unaligned_load_outcome() - the above for @s1 over stage-2 MemAttr @s2_memattr. */
enum align_outcome s2_unaligned_load_outcome(const struct s1_input *s1, unsigned s2_memattr);

/**
 * struct hcr_attr_ctl - the HCR_EL2 controls that change the memory attributes of the EL1&0
 * regime: DC (bit 12), CD (bit 32), ID (bit 33).
 */
struct hcr_attr_ctl {
	bool dc; /* default cacheability: stage 1 behaves as disabled, output Normal WB */
	bool cd; /* stage 2 data accesses and stage-1 walks: Normal becomes Non-cacheable */
	bool id; /* stage 2 instruction fetches: Normal becomes Non-cacheable */
};

/**
 * s1_default_cacheability_attrs() - AArch64.S1DisabledOutput() in the EL1&0 regime with
 * HCR_EL2.DC = 1 (walkparams.dc): Normal, Inner and Outer Write-Back Read/Write-Allocate
 * non-transient, Non-shareable. AArch64.S1Enabled() is FALSE for the EL1&0 regime whenever
 * HCR_EL2.{DC, TGE} != {0, 0}, so this is the stage-1 output even with SCTLR_EL1.M = 1 ("the
 * PE behaves as if the value of the SCTLR_EL1.M field is 0 for all purposes other than returning
 * the value of a direct read"), for data and AT alike.
 */
struct mem_attrs s1_default_cacheability_attrs(void);

/** NormalNCMemAttr(): Normal, Inner and Outer Non-cacheable, Outer Shareable. */
struct mem_attrs normal_nc_mem_attrs(void);

/**
 * s2_hcr_cd_data_attrs() - the stage-2 attributes a data access (AT included: its access type
 * is AccessType_AT, not IFETCH) uses after AArch64.S2Translate()'s "Treat memory attributes
 * as Normal Non-Cacheable" step: with HCR_EL2.CD = 1 (!S2DCacheEnabled()) a Normal @s2 becomes
 * NormalNCMemAttr(); Device stays. With HCR_EL2.FWB = 1 @s2 is the already combined result of
 * AArch64.S2ApplyFWBMemAttrs() (walkstate.memattrs), and this step applies to it. HCR_EL2.ID
 * only affects AccessType_IFETCH, so it never changes what AT reports.
 */
struct mem_attrs s2_hcr_cd_data_attrs(const struct mem_attrs *s2, struct hcr_attr_ctl hcr);

/**
 * s2_par_attrs_expect_hcr() - s2_par_attrs_expect() with the HCR_EL2 controls @hcr: DC
 * replaces the stage-1 result (@s1, stage 1 off or on) with s1_default_cacheability_attrs(),
 * CD applies s2_hcr_cd_data_attrs() before the combination (FWB = 0) or to the FWB result.
 */
bool s2_par_attrs_expect_hcr(const struct s1_input *s1, unsigned s2_memattr, unsigned s2_sh,
			     bool fwb, bool feat_xs, struct hcr_attr_ctl hcr,
			     struct par_attrs_expect *out);

/**
 * s2_unaligned_load_outcome_hcr() - s2_unaligned_load_outcome() with the HCR_EL2 controls
 * @hcr: with DC = 1 the stage-1 type is Normal (s1_default_cacheability_attrs()) whatever
 * SCTLR_EL1.M and MAIR say, so only a stage-2 Device type faults; CD and ID change cacheability
 * only, never the Device/Normal type that AArch64.S2HasAlignmentFault() looks at.
 */
enum align_outcome s2_unaligned_load_outcome_hcr(const struct s1_input *s1, unsigned s2_memattr,
						 struct hcr_attr_ctl hcr);

/** par_attrs_permitted() - whether PAR_EL1 value @par's ATTR and SH are one of @e's pairs. */
bool par_attrs_permitted(const struct par_attrs_expect *e, uint64_t par);

#endif /* MODEL_S2_ATTR_MODEL_H */
