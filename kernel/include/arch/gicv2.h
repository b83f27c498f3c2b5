/* SPDX-License-Identifier: MIT */
/*
 * GICv2 virtualization extensions, register layout (GIC architecture v2, IHI 0048B, chapter 5):
 * the GICH_* hypervisor interface (5.3) and the GICV_* virtual CPU interface (5.6, laid out as
 * GICC_*, 4.4). Pure definitions, shared by the vmm, the scenarios and the oracle.
 */
#ifndef ARCH_GICV2_H
#define ARCH_GICV2_H

#include <stdint.h>

/* GICH_* offsets in the hypervisor interface frame (IHI 0048B, table 5-1). */
#define GICH_HCR    0x000
#define GICH_VTR    0x004
#define GICH_VMCR   0x008
#define GICH_MISR   0x010
#define GICH_EISR0  0x020
#define GICH_EISR1  0x024
#define GICH_ELRSR0 0x030
#define GICH_ELRSR1 0x034
#define GICH_APR    0x0f0
#define GICH_LR0    0x100

/* GICH_HCR (5.3.1): maintenance interrupt enables and the EOI counter. */
#define GICH_HCR_EN		(1u << 0)
#define GICH_HCR_UIE		(1u << 1)
#define GICH_HCR_LRENPIE	(1u << 2)
#define GICH_HCR_NPIE		(1u << 3)
#define GICH_HCR_VGRP0EIE	(1u << 4)
#define GICH_HCR_VGRP0DIE	(1u << 5)
#define GICH_HCR_VGRP1EIE	(1u << 6)
#define GICH_HCR_VGRP1DIE	(1u << 7)
#define GICH_HCR_EOICOUNT_SHIFT 27
#define GICH_HCR_EOICOUNT(h)	(((h) >> GICH_HCR_EOICOUNT_SHIFT) & 0x1f)

/* GICH_MISR (5.3.4): one bit per maintenance condition, in the order of the GICH_HCR enables. */
#define GICH_MISR_EOI	 (1u << 0)
#define GICH_MISR_U	 (1u << 1)
#define GICH_MISR_LRENP	 (1u << 2)
#define GICH_MISR_NP	 (1u << 3)
#define GICH_MISR_VGRP0E (1u << 4)
#define GICH_MISR_VGRP0D (1u << 5)
#define GICH_MISR_VGRP1E (1u << 6)
#define GICH_MISR_VGRP1D (1u << 7)

/* GICH_VTR (5.3.2). */
#define GICH_VTR_LISTREGS(v) ((v)&0x3f)	       /* number of LRs - 1 */
#define GICH_VTR_PREBITS(v)  (((v) >> 26) & 7) /* preemption bits - 1 */
#define GICH_VTR_PRIBITS(v)  (((v) >> 29) & 7) /* priority bits - 1 */

/* GICH_VMCR (5.3.3): the guest's GICV_CTLR[9:0], ABPR, BPR and PMR[7:3]. */
#define GICH_VMCR_CTLR(c)    ((uint32_t)(c)&0x3ff)
#define GICH_VMCR_ABP(b)     ((uint32_t)(b) << 18)
#define GICH_VMCR_BP(b)	     ((uint32_t)(b) << 21)
#define GICH_VMCR_PRIMASK(p) ((uint32_t)(p) >> 3 << 27) /* from an 8-bit GICV_PMR value */
#define GICH_VMCR_CTLR_OF(v) ((v)&0x3ff)
#define GICH_VMCR_PMR_OF(v)  (((v) >> 27) << 3)

/* GICH_LR<n> (5.3.8). */
#define GICH_LR_VIRTUALID(id)  ((uint32_t)(id)&0x3ff)
#define GICH_LR_PHYSICALID(id) (((uint32_t)(id)&0x3ff) << 10)	     /* HW = 1 */
#define GICH_LR_CPUID(c)       (((uint32_t)(c)&7) << 10)	     /* HW = 0, SGIs */
#define GICH_LR_EOI	       (1u << 19)			     /* HW = 0 */
#define GICH_LR_PRIORITY(p)    ((((uint32_t)(p) >> 3) & 0x1f) << 23) /* from an 8-bit priority */
#define GICH_LR_STATE_SHIFT    28
#define GICH_LR_PENDING	       (1u << 28)
#define GICH_LR_ACTIVE	       (2u << 28)
#define GICH_LR_GRP1	       (1u << 30)
#define GICH_LR_HW	       (1u << 31)

/* GICV_* offsets in the virtual CPU interface frame (5.6, the GICC_* layout). */
#define GICV_CTLR   0x0000
#define GICV_PMR    0x0004
#define GICV_BPR    0x0008
#define GICV_IAR    0x000c
#define GICV_EOIR   0x0010
#define GICV_RPR    0x0014
#define GICV_HPPIR  0x0018
#define GICV_ABPR   0x001c
#define GICV_AIAR   0x0020
#define GICV_AEOIR  0x0024
#define GICV_AHPPIR 0x0028
#define GICV_APR0   0x00d0
#define GICV_IIDR   0x00fc
#define GICV_DIR    0x1000

/* GICV_CTLR (5.6.1 and 4.4.1, the Secure-view layout). */
#define GICV_CTLR_ENABLEGRP0 (1u << 0)
#define GICV_CTLR_ENABLEGRP1 (1u << 1)
#define GICV_CTLR_ACKCTL     (1u << 2)
#define GICV_CTLR_FIQEN	     (1u << 3)
#define GICV_CTLR_CBPR	     (1u << 4)
#define GICV_CTLR_EOIMODE    (1u << 9)

/* GICH_LR<n> fields read back. */
#define GICH_LR_VIRTUALID_OF(v)	 ((v)&0x3ff)
#define GICH_LR_PHYSICALID_OF(v) (((v) >> 10) & 0x3ff)
#define GICH_LR_CPUID_OF(v)	 (((v) >> 10) & 7)
#define GICH_LR_PRIORITY_OF(v)	 ((((v) >> 23) & 0x1f) << 3) /* as an 8-bit priority */
#define GICH_LR_STATE_OF(v)	 (((v) >> GICH_LR_STATE_SHIFT) & 3)

/* GICV_IAR/AIAR/HPPIR: the INTID and, for SGIs, the source CPU (CPUID, bits [12:10]). */
#define GICV_IAR_CPUID(c)    (((uint32_t)(c)&7) << 10)
#define GICV_INTID_SPURIOUS  1023
#define GICV_INTID_GRP1_ONLY 1022 /* GICV_IAR/HPPIR: Group 1 pending, GICV_CTLR.AckCtl = 0 */

#endif
