/* SPDX-License-Identifier: MIT */
/*
 * virq.v2.maint: every GICH_HCR maintenance source of GICv2 (IHI 0048B 5.3.1, 5.3.4), set and
 * clear, with the maintenance PPI from the DTB enabled at EL2: the guest makes the condition
 * true with one GICV_* access, then waits; the interrupt must stop it there (an IRQ exit with
 * that INTID) exactly when GICH_HCR.En = 1 and the source's GICH_MISR bit is set, and the
 * guest must otherwise reach its next V2OP_SYNC. GICH_MISR, EISR0, ELRSR0 and EOICount are
 * compared at every stop.
 */
#include "v2_run.h"

#define APR_BIT(prio) (1u << ((prio) >> 3))
#define E0	      GICV_CTLR_ENABLEGRP0
#define E1	      GICV_CTLR_ENABLEGRP1
#define EN	      GICH_HCR_EN

/* A row: GICH_HCR, then the rest of the case; the "off" row of a source clears its bit. */
#define MROW(name, hcr_, ...)                                                                      \
	{                                                                                          \
		"[" name "]",                                                                      \
		{                                                                                  \
			.hcr = (hcr_), .maint = true, .lrs = 2, __VA_ARGS__                        \
		}                                                                                  \
	}
/* UIE: at most one valid LR. Two active LRs; the EOI of one leaves one. */
#define UIE_CASE(hcr)                                                                              \
	.vmcr = V2_VMCR(E0 | E1, 0xf8), .apr = APR_BIT(0x40) | APR_BIT(0x80),                      \
	.lr = {LR(0x30, 0x40, GICH_LR_ACTIVE, 0), LR(0x31, 0x80, GICH_LR_ACTIVE, 0)},              \
	.script = {WAIT, SYNC, WR(GICV_EOIR, 0x30), WAIT, SYNC, END}
/* LRENPIE: EOICount != 0. An EOI of a vINTID no LR holds counts. */
#define LRENP_CASE                                                                                 \
	.vmcr = V2_VMCR(E0 | E1, 0xf8), .apr = APR_BIT(0x60),                                      \
	.script = {WAIT, SYNC, WR(GICV_EOIR, 0x50), WAIT, SYNC, END}
/* NPIE: no LR in the pending state. The acknowledge of the only pending one. */
#define NP_CASE                                                                                    \
	.vmcr = V2_VMCR_ALL, .lr = {LR(0x2a, 0x80, GICH_LR_PENDING, 0)},                           \
	.script = {RD(GICV_IAR), WAIT, SYNC, WR_ACK(GICV_EOIR), SYNC, END}
/* VGrp<g>EIE / DIE: the guest enables or disables a group in GICV_CTLR. */
#define CTLR_CASE(from, to)                                                                        \
	.vmcr = V2_VMCR(from, 0xf8), .script = {WAIT, SYNC, WR(GICV_CTLR, to), WAIT, SYNC, END}
/* The LR EOI bit (HW = 0): the EOI of the LR's interrupt invalidates it with EOI = 1. */
#define EOI_CASE(eoi)                                                                              \
	.vmcr = V2_VMCR_ALL, .lr = {LR(0x2a, 0x80, GICH_LR_PENDING, 0) | (eoi)},                   \
	.script = {RD(GICV_IAR), WAIT, SYNC, WR_ACK(GICV_EOIR), WAIT, SYNC, END}

static const struct v2_row v2_maint_rows[] = {
	MROW("en=0,uie=1", GICH_HCR_UIE, .vmcr = V2_VMCR_ALL, .script = {WAIT, SYNC, END}),
	MROW("en=1,none", EN, .vmcr = V2_VMCR_ALL, .script = {WAIT, SYNC, END}),
	MROW("uie=1,no-lr", EN | GICH_HCR_UIE, .vmcr = V2_VMCR_ALL, .script = {WAIT, SYNC, END}),
	MROW("uie=1", EN | GICH_HCR_UIE, UIE_CASE(0)),
	MROW("uie=0", EN, UIE_CASE(0)),
	MROW("lrenpie=1", EN | GICH_HCR_LRENPIE, LRENP_CASE),
	MROW("lrenpie=0", EN, LRENP_CASE),
	MROW("npie=1", EN | GICH_HCR_NPIE, NP_CASE),
	MROW("npie=0", EN, NP_CASE),
	MROW("vgrp0eie=1", EN | GICH_HCR_VGRP0EIE, CTLR_CASE(E1, E0 | E1)),
	MROW("vgrp0eie=0", EN, CTLR_CASE(E1, E0 | E1)),
	MROW("vgrp0die=1", EN | GICH_HCR_VGRP0DIE, CTLR_CASE(E0 | E1, E1)),
	MROW("vgrp0die=0", EN, CTLR_CASE(E0 | E1, E1)),
	MROW("vgrp1eie=1", EN | GICH_HCR_VGRP1EIE, CTLR_CASE(E0, E0 | E1)),
	MROW("vgrp1eie=0", EN, CTLR_CASE(E0, E0 | E1)),
	MROW("vgrp1die=1", EN | GICH_HCR_VGRP1DIE, CTLR_CASE(E0 | E1, E0)),
	MROW("vgrp1die=0", EN, CTLR_CASE(E0 | E1, E0)),
	MROW("lr-eoi=1", EN, EOI_CASE(GICH_LR_EOI)),
	MROW("lr-eoi=0", EN, EOI_CASE(0)),
};

SCENARIO(
	virq_v2_maint, .id = "virq.v2.maint",
	.rule = "GICv2 (IHI 0048B 5.3.1, 5.3.4): the maintenance interrupt is asserted exactly "
		"when GICH_HCR.En = 1 and a GICH_MISR bit is set: EOI (an LR with HW = 0, EOI = 1 "
		"became invalid, no enable), U (UIE, at most one valid LR), LRENP (LRENPIE, "
		"EOICount != 0), NP (NPIE, no pending LR), VGrp0E/VGrp0D/VGrp1E/VGrp1D "
		"(GICV_CTLR.EnableGrp0/1 set or clear). The same sources at the same bit positions "
		"as GICv3 ICH_HCR_EL2/ICH_MISR_EL2; the IRQ must stop the guest within a "
		"256-iteration window after the access that makes it true, and never otherwise",
	SCENARIO_ROWS(v2_maint_rows), .requires = v2_maint_row_requires, .run = v2_row_run);
