/* SPDX-License-Identifier: MIT */
/*
 * Block and page descriptor attribute fields (Arm ARM D8.3, "Translation table descriptor
 * formats"). Stage 1 and stage 2 share the layout of the output address and the valid/table
 * bits but not the attribute fields; both sets are named here. Pure, host-compilable.
 */
#ifndef ARCH_PTE_H
#define ARCH_PTE_H

#include "arch/el2.h"

/* Stage 1 (EL2 regime, one privilege level). */
#define PTE_S1_ATTRIDX(i) ((unsigned long long)(i) << 2)
#define PTE_S1_AP_RO	  BIT(7) /* AP[2] */
#define PTE_S1_AP1_RES1	  BIT(6) /* AP[1]: RES1 in single-privilege regimes */
#define PTE_S1_AP_EL0	  BIT(6) /* AP[1] in the EL1&0 regime: EL0 may access */
#define PTE_SH_INNER	  (3ULL << 8)
#define PTE_SH_OUTER	  (2ULL << 8)
#define PTE_SH_NON	  (0ULL << 8)
#define PTE_AF		  BIT(10)
#define PTE_NG		  BIT(11)
#define PTE_DBM		  BIT(51)
#define PTE_CONT	  BIT(52)
#define PTE_S1_XN	  BIT(54) /* XN in the EL2 regime */
#define PTE_S1_PXN	  BIT(53) /* EL1&0 regime: no execution at EL1 */
#define PTE_S1_UXN	  BIT(54) /* EL1&0 regime: no execution at EL0 */

/* MAIR_EL2 indices used by the harness's own map (kernel/mmu.c). */
#define MAIR_IDX_DEVICE_nGnRnE 0
#define MAIR_IDX_DEVICE_nGnRE  1
#define MAIR_IDX_NORMAL_WB     2
#define MAIR_IDX_NORMAL_NC     3

/* Stage 2 (Arm ARM D8.5.5, "Stage 2 memory type and Cacheability attributes"). */
#define PTE_S2_MEMATTR(v)	 ((unsigned long long)((v)&0xf) << 2)
#define S2_MEMATTR_DEVICE_nGnRnE 0x0
#define S2_MEMATTR_DEVICE_nGnRE	 0x1
#define S2_MEMATTR_DEVICE_nGRE	 0x2
#define S2_MEMATTR_DEVICE_GRE	 0x3
#define S2_MEMATTR_NORMAL_NC	 0x5 /* outer NC, inner NC */
#define S2_MEMATTR_NORMAL_WT	 0xa
#define S2_MEMATTR_NORMAL_WB	 0xf /* outer WB, inner WB */
/*
 * MemAttr[3:2] is the outer, MemAttr[1:0] the inner cacheability of a Normal type (Device when
 * MemAttr[3:2] = 0b00, MemAttr[1:0] then the Device type as above). A half of 0b00 in a Normal
 * type is reserved: CONSTRAINED UNPREDICTABLE, one of NC, WT and WB (S2DecodeCacheability()).
 */
#define S2_MEMATTR_OUTER(v)	 (((v) >> 2) & 3)
#define S2_MEMATTR_INNER(v)	 ((v)&3)
#define S2_MEMATTR(outer, inner) ((outer) << 2 | (inner))
#define S2_CACHE_NC		 0x1
#define S2_CACHE_WT		 0x2
#define S2_CACHE_WB		 0x3
/*
 * With HCR_EL2.FWB = 1 (FEAT_S2FWB), MemAttr[2:0] instead: 0b0dd Device of type dd, 0b101 Normal
 * NC unless stage 1 is Device, 0b110 Normal Write-Back, 0b111 stage 1's type; 0b100 is reserved
 * and MemAttr[3] is RES0 without FEAT_MTE_PERM.
 */
#define S2_FWB_MEMATTR_NC	0x5
#define S2_FWB_MEMATTR_FORCE_WB 0x6
#define S2_FWB_MEMATTR_S1	0x7
#define PTE_S2AP_R		BIT(6)
#define PTE_S2AP_W		BIT(7)
#define PTE_S2AP_RW		(PTE_S2AP_R | PTE_S2AP_W)
#define PTE_S2_XN		(2ULL << 53) /* XN[1:0] = 0b10: no execution at EL1 or EL0 */

#endif /* ARCH_PTE_H */
