/* SPDX-License-Identifier: MIT */
/*
 * The memory types the stage2.attr families cross (X-macro tables, shared by attr.c and
 * attr_hcr.c): every stage-1 type with its MAIR_EL1 byte and SH, every stage-2 MemAttr[3:0]
 * encoding with an SH, and the FEAT_S2FWB encodings.
 */
#ifndef SCENARIOS_STAGE2_ATTR_TYPES_H
#define SCENARIOS_STAGE2_ATTR_TYPES_H

#include "arch/pte.h"

#define NSH 0
#define OSH 2
#define ISH 3

/*
 * Stage-1 types: X(stage-2 args..., name, off, MAIR byte, SH). Device pages carry SH = OSH, the
 * shareability every Device type has (EffectiveShareability()), so that FWB's forced
 * Write-Back over a Device stage 1 does not depend on whether the descriptor's SH of a Device
 * page enters the combination.
 */
#define S1_SHAREABILITIES(X, m, sh, n, name, attr)                                                 \
	X(m, sh, n, name "-nsh", false, attr, NSH)                                                 \
	X(m, sh, n, name "-osh", false, attr, OSH)                                                 \
	X(m, sh, n, name "-ish", false, attr, ISH)
#define S1_TYPES(X, m, sh, n)                                                                      \
	X(m, sh, n, "off", true, 0x00, NSH)                                                        \
	X(m, sh, n, "dev-nGnRnE", false, 0x00, OSH)                                                \
	X(m, sh, n, "dev-nGnRE", false, 0x04, OSH)                                                 \
	X(m, sh, n, "dev-nGRE", false, 0x08, OSH)                                                  \
	X(m, sh, n, "dev-GRE", false, 0x0c, OSH)                                                   \
	S1_SHAREABILITIES(X, m, sh, n, "onc-inc", 0x44)                                            \
	S1_SHAREABILITIES(X, m, sh, n, "onc-iwt", 0x4a)                                            \
	S1_SHAREABILITIES(X, m, sh, n, "onc-iwb", 0x4f)                                            \
	S1_SHAREABILITIES(X, m, sh, n, "owt-inc", 0xa4)                                            \
	S1_SHAREABILITIES(X, m, sh, n, "owt-iwt", 0xaa)                                            \
	S1_SHAREABILITIES(X, m, sh, n, "owt-iwb", 0xaf)                                            \
	S1_SHAREABILITIES(X, m, sh, n, "owb-inc", 0xf4)                                            \
	S1_SHAREABILITIES(X, m, sh, n, "owb-iwt", 0xfa)                                            \
	S1_SHAREABILITIES(X, m, sh, n, "owb-iwb", 0xff)                                            \
	S1_SHAREABILITIES(X, m, sh, n, "owtt-iwtt", 0x22)                                          \
	S1_SHAREABILITIES(X, m, sh, n, "owbt-iwbt", 0x55)

/*
 * Every stage-2 MemAttr[3:0] (WT is read-allocate and WB read/write-allocate in the MAIR
 * bytes above, so the inherited hints show), with its SH: Y(MemAttr, SH, name). The "res"
 * halves are reserved: CONSTRAINED UNPREDICTABLE NC, WT or WB, and the oracle accepts each.
 */
#define S2_TYPES(Y)                                                                                \
	Y(S2_MEMATTR_DEVICE_nGnRnE, NSH, "0x0-dev-nGnRnE-nsh")                                     \
	Y(S2_MEMATTR_DEVICE_nGnRE, OSH, "0x1-dev-nGnRE-osh")                                       \
	Y(S2_MEMATTR_DEVICE_nGRE, ISH, "0x2-dev-nGRE-ish")                                         \
	Y(S2_MEMATTR_DEVICE_GRE, NSH, "0x3-dev-GRE-nsh")                                           \
	Y(S2_MEMATTR(S2_CACHE_NC, 0), OSH, "0x4-onc-ires-osh")                                     \
	Y(S2_MEMATTR(S2_CACHE_NC, S2_CACHE_NC), ISH, "0x5-onc-inc-ish")                            \
	Y(S2_MEMATTR(S2_CACHE_NC, S2_CACHE_WT), NSH, "0x6-onc-iwt-nsh")                            \
	Y(S2_MEMATTR(S2_CACHE_NC, S2_CACHE_WB), OSH, "0x7-onc-iwb-osh")                            \
	Y(S2_MEMATTR(S2_CACHE_WT, 0), ISH, "0x8-owt-ires-ish")                                     \
	Y(S2_MEMATTR(S2_CACHE_WT, S2_CACHE_NC), NSH, "0x9-owt-inc-nsh")                            \
	Y(S2_MEMATTR(S2_CACHE_WT, S2_CACHE_WT), OSH, "0xa-owt-iwt-osh")                            \
	Y(S2_MEMATTR(S2_CACHE_WT, S2_CACHE_WB), ISH, "0xb-owt-iwb-ish")                            \
	Y(S2_MEMATTR(S2_CACHE_WB, 0), NSH, "0xc-owb-ires-nsh")                                     \
	Y(S2_MEMATTR(S2_CACHE_WB, S2_CACHE_NC), OSH, "0xd-owb-inc-osh")                            \
	Y(S2_MEMATTR(S2_CACHE_WB, S2_CACHE_WT), ISH, "0xe-owb-iwt-ish")                            \
	Y(S2_MEMATTR(S2_CACHE_WB, S2_CACHE_WB), NSH, "0xf-owb-iwb-nsh")

/*
 * HCR_EL2.FWB = 1 (stage2.attr.fwb): MemAttr[2:0] of the FEAT_S2FWB table, MemAttr[3] = 0
 * (RES0 without FEAT_MTE_PERM). 0b100 is reserved with no architected outcome, so it has no
 * row.
 */
#define S2_FWB_TYPES(Y)                                                                            \
	Y(S2_MEMATTR_DEVICE_nGnRnE, NSH, "0x0-dev-nGnRnE-nsh")                                     \
	Y(S2_MEMATTR_DEVICE_nGnRE, OSH, "0x1-dev-nGnRE-osh")                                       \
	Y(S2_MEMATTR_DEVICE_nGRE, ISH, "0x2-dev-nGRE-ish")                                         \
	Y(S2_MEMATTR_DEVICE_GRE, NSH, "0x3-dev-GRE-nsh")                                           \
	Y(S2_FWB_MEMATTR_NC, ISH, "0x5-nc-ish")                                                    \
	Y(S2_FWB_MEMATTR_FORCE_WB, NSH, "0x6-wb-nsh")                                              \
	Y(S2_FWB_MEMATTR_S1, OSH, "0x7-s1-osh")

#endif
