/* SPDX-License-Identifier: MIT */
/*
 * virq.v2.group: the two interrupt groups of the GICv2 virtual CPU interface (IHI 0048B 5.6,
 * with the Secure-view GICC_CTLR layout of 4.4.1): GICH_LR.Grp1, GICV_CTLR.EnableGrp0/1 for
 * signalling, FIQEn (Group 0 as a vFIQ), AckCtl (Group 1 through GICV_IAR), and the aliased
 * GICV_AIAR/AHPPIR/AEOIR that handle Group 1 only.
 */
#include "v2_run.h"

#define VID 0x2a
#define E0  GICV_CTLR_ENABLEGRP0
#define E1  GICV_CTLR_ENABLEGRP1
#define ACK GICV_CTLR_ACKCTL
#define FIQ GICV_CTLR_FIQEN

/* Signalling only: a V2OP_WAIT window, then the acknowledge and EOI if it was signalled. */
#define SIGNAL_ROW(name, ctlr, grp)                                                                \
	{                                                                                          \
		"[" name "]",                                                                      \
			{.hcr = GICH_HCR_EN,                                                       \
			 .vmcr = V2_VMCR(ctlr, 0xf8),                                              \
			 .lrs = 1,                                                                 \
			 .lr = {LR(VID, 0x80, GICH_LR_PENDING, grp)},                              \
			 .script = {WAIT, SYNC, END}},                                             \
	}
/* Acknowledge paths, with both groups enabled. */
#define ACK_ROW(name, ctlr, grp, ...)                                                              \
	{                                                                                          \
		"[" name "]",                                                                      \
			{.hcr = GICH_HCR_EN,                                                       \
			 .vmcr = V2_VMCR(E0 | E1 | (ctlr), 0xf8),                                  \
			 .lrs = 1,                                                                 \
			 .lr = {LR(VID, 0x80, GICH_LR_PENDING, grp)},                              \
			 .script = {__VA_ARGS__, SYNC, END}},                                      \
	}

static const struct v2_row v2_group_rows[] = {
	SIGNAL_ROW("grp=0,enablegrp0=1", E0, 0),
	SIGNAL_ROW("grp=0,enablegrp0=1,fiqen=1", E0 | FIQ, 0),
	SIGNAL_ROW("grp=0,enablegrp0=0", E1, 0),
	SIGNAL_ROW("grp=0,enablegrp0=0,fiqen=1", E1 | FIQ, 0),
	SIGNAL_ROW("grp=1,enablegrp1=1", E1, 1),
	SIGNAL_ROW("grp=1,enablegrp1=1,fiqen=1", E1 | FIQ, 1),
	SIGNAL_ROW("grp=1,enablegrp1=0", E0, 1),
	ACK_ROW("grp=1,ackctl=0,iar", 0, 1, RD(GICV_HPPIR), RD(GICV_IAR)),
	ACK_ROW("grp=1,ackctl=1,iar", ACK, 1, RD(GICV_HPPIR), RD(GICV_IAR), WR_ACK(GICV_EOIR)),
	ACK_ROW("grp=1,ackctl=0,aiar", 0, 1, RD(GICV_AHPPIR), RD(GICV_AIAR), SYNC,
		WR_ACK(GICV_AEOIR)),
	ACK_ROW("grp=0,aiar", 0, 0, RD(GICV_AHPPIR), RD(GICV_AIAR), RD(GICV_IAR),
		WR_ACK(GICV_EOIR)),
};

SCENARIO(virq_v2_group, .id = "virq.v2.group",
	 .rule = "GICv2 (IHI 0048B 5.6, 4.4): a pending LR is signalled only with its group "
		 "enabled in GICV_CTLR, Group 0 as a vFIQ when FIQEn = 1 and as a vIRQ "
		 "otherwise, Group 1 always as a vIRQ; GICV_IAR/HPPIR return 1022 for a Group 1 "
		 "interrupt when AckCtl = 0; GICV_AIAR/AHPPIR see Group 1 only (1023 for Group "
		 "0), GICV_AEOIR ends it. GICv3 differs: Group 0 is always a vFIQ and "
		 "ICV_IAR0/IAR1 split the groups; 256-iteration V2OP_WAIT windows",
	 SCENARIO_ROWS(v2_group_rows), .requires = v2_row_requires, .run = v2_row_run);
