/* SPDX-License-Identifier: MIT */
/*
 * Oracle for el2.ctrl: how a feature's field of an EL2 control register must read back, given
 * the ID registers. Pure code (host-tested in tests/unit/el2_ctrl_model_test.c); the field
 * table is scenarios/model/el2_ctrl_fields.h.
 *
 * A field whose feature the ID registers advertise holds what was written. A field whose
 * feature they do not advertise is what its register description says it is "otherwise":
 *
 * - RES0 (Arm ARM DDI 0487, Glossary, "RES0"): for a bit in a read/write register it is
 *   IMPLEMENTATION DEFINED, field by field, whether (1) the bit is hardwired to 0 (reads 0,
 *   writes ignored), or (2) the bit can be written: a read returns the last value written,
 *   and the value has no effect on the PE. So after writing w the field reads 0 or w, and a
 *   multi-bit field reads all of w or none of it. Writing 0 must read 0.
 * - RES1: the same with 1 (hardwired to 1, or reads the last value written).
 * - RAO/WI: reads as all ones whatever is written (HCR_EL2.RW when EL1 is AArch64-only).
 *
 * What a readback cannot see is a RES0/RES1 field that is stored *and* has an effect; a field
 * that does not hold its value although the ID registers advertise its feature (an ID
 * register that lies, or a model that forgot the field) is what this oracle catches.
 */
#ifndef MODEL_EL2_CTRL_MODEL_H
#define MODEL_EL2_CTRL_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "cpu_features.h"

enum el2_ctrl_reg {
	EL2_CTRL_HCR,
	EL2_CTRL_VTCR,
	EL2_CTRL_SCTLR,
	EL2_CTRL_CPTR,
	EL2_CTRL_MDCR,
	EL2_CTRL_CNTHCTL,
	EL2_CTRL_HCRX,
	EL2_CTRL_ICH_HCR,
	EL2_CTRL_CPTR_E2H,  /* CPTR_EL2 in its HCR_EL2.E2H = 1 layout */
	EL2_CTRL_SCTLR_E2H, /* SCTLR_EL2 in its HCR_EL2.{E2H, TGE} = {1, 1} layout */
	EL2_CTRL_REGS
};

/* What the field is without its feature (the register description's "Otherwise"). */
enum el2_ctrl_absent { ABSENT_RES0, ABSENT_RES1, ABSENT_RAO_WI };

/*
 * The feature test of a field: WHEN_FEAT is cpu_has(.feat); the others are conditions over
 * several ID fields, or over registers the single-field table does not know.
 */
enum el2_ctrl_when {
	WHEN_FEAT,
	WHEN_RASV1P1,	   /* PFR0.RAS >= 2, or RAS = 1 and PFR1.RAS_frac >= 1 */
	WHEN_CSV2_2,	   /* FEAT_CSV2_2 (CSV2 >= 2) or FEAT_CSV2_1p2 (CSV2 = 1, CSV2_frac >= 2) */
	WHEN_MTE_ASYNC,	   /* FEAT_MTE2 and PFR1.MTE_frac != 0b1111 */
	WHEN_LPA2,	   /* FEAT_LPA2: every implemented 4K/16K granule has 52-bit addresses */
	WHEN_E2H,	   /* FEAT_VHE: stores with FEAT_E2H0, RES1 without it, RES0 without VHE */
	WHEN_NV1,	   /* FEAT_NV, and not MMFR4.E2H0 = 0b1110 (NV1 RES0) */
	WHEN_MTPMU,	   /* DFR0.MTPMU, signed, >= 1 */
	WHEN_HCRX_NEUTRAL, /* an enable bit that hcrx_neutral() (arch/hcrx.h) sets on this CPU */
	WHEN_ICH_TDS,	   /* ICH_VTR_EL2.TDS */
	WHEN_ICH_SEIS,	   /* ICH_VTR_EL2.SEIS */
	WHEN_ICH_DVIM,	   /* ICH_VTR_EL2.DVIM */
	WHEN_GICV4P1,	   /* FEAT_GICv4p1: ID_AA64PFR0_EL1.GIC >= 0b0011 */
	WHEN_HPMN,	   /* FEAT_PMUv3; the values written are PMCR_EL0.N and 1 (0: FEAT_HPMN0) */
};

/** One row of the field table (el2_ctrl_fields.h). */
struct el2_ctrl_field {
	const char *name; /* the row: "[hcr.fwb,FEAT_S2FWB]" */
	enum el2_ctrl_reg reg;
	uint64_t mask; /* the field's bits */
	enum cpu_feature feat;
	enum el2_ctrl_when when;
	enum el2_ctrl_absent absent;
	uint64_t ones; /* the "set" value when writing all of mask is not a legal value, else 0 */
};

/* How the field behaves on a CPU. */
enum el2_ctrl_state { CTRL_STORES, CTRL_RES0, CTRL_RES1, CTRL_RAO_WI };

/** el2_ctrl_implemented() - whether @ids advertise the feature of @f. */
bool el2_ctrl_implemented(const struct el2_ctrl_field *f, const struct id_regs *ids);

/** el2_ctrl_state() - how @f must behave on a CPU with @ids. */
enum el2_ctrl_state el2_ctrl_state(const struct el2_ctrl_field *f, const struct id_regs *ids);

/**
 * el2_ctrl_values() - the two values of the field to write, in place: v[0] sets it (all ones,
 * or the row's legal "ones" value), v[1] clears it (0; HPMN: 1 without FEAT_HPMN0).
 */
void el2_ctrl_values(const struct el2_ctrl_field *f, const struct id_regs *ids, uint64_t v[2]);

/**
 * el2_ctrl_permitted() - the field values (in place) a read may return after writing @w to
 * the field; returns how many (1 or 2) were written to @out.
 */
unsigned el2_ctrl_permitted(const struct el2_ctrl_field *f, const struct id_regs *ids, uint64_t w,
			    uint64_t out[2]);

/**
 * el2_ctrl_fill() - a whole-register value for @reg: every bit 1 (@ones) or 0, except that
 * each of the @count @fields of @reg holds its el2_ctrl_values() value (v[0] for ones, v[1]
 * for zeros), so that no field gets an illegal encoding (MDCR_EL2.HPMN > PMCR_EL0.N,
 * SCTLR_EL2.TCF = 0b11).
 */
uint64_t el2_ctrl_fill(const struct el2_ctrl_field *fields, size_t count, enum el2_ctrl_reg reg,
		       const struct id_regs *ids, bool ones);

const char *el2_ctrl_state_name(enum el2_ctrl_state s);
const char *el2_ctrl_reg_name(enum el2_ctrl_reg r);

#endif /* MODEL_EL2_CTRL_MODEL_H */
