/* SPDX-License-Identifier: MIT */
/*
 * HCRX_EL2 (FEAT_HCX) hygiene: its reset value is architecturally UNKNOWN, so a hypervisor
 * must write it when ID_AA64MMFR1_EL1.HCX != 0. hcrx_neutral() is the value that traps
 * nothing and leaves every implemented feature usable at EL1/EL0: the enable bits of the
 * features the CPU has set (their 0 traps or UNDEFs), every other control 0. Pure code.
 */
#ifndef ARCH_HCRX_H
#define ARCH_HCRX_H

#include <stdint.h>

#include "arch/el2.h"
#include "arch/idfields.h"

/** The ID registers hcrx_neutral() looks at. */
struct hcrx_ids {
	uint64_t isar1, isar2, mmfr3;
};

static inline uint64_t hcrx_neutral(const struct hcrx_ids *ids)
{
	unsigned ls64 = id_field(ids->isar1, ID_ISAR1_LS64_SHIFT);
	uint64_t v = 0;

	v |= ls64 >= ID_LS64_LS64 ? HCRX_ENALS : 0;
	v |= ls64 >= ID_LS64_V ? HCRX_ENASR : 0;
	v |= ls64 >= ID_LS64_ACCDATA ? HCRX_ENAS0 : 0;
	v |= id_field(ids->isar2, ID_ISAR2_MOPS_SHIFT) ? HCRX_MSCEN : 0;
	v |= id_field(ids->mmfr3, ID_MMFR3_TCRX_SHIFT) ? HCRX_TCR2EN : 0;
	v |= id_field(ids->mmfr3, ID_MMFR3_SCTLRX_SHIFT) ? HCRX_SCTLR2EN : 0;
	return v;
}

#endif /* ARCH_HCRX_H */
