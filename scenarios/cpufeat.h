/* SPDX-License-Identifier: MIT */
/*
 * What the CPU implements, read from its ID registers: the facts a scenario's `requires`
 * quotes in a SKIP reason. One function per feature, named after the FEAT_ it detects.
 */
#ifndef SCENARIOS_CPUFEAT_H
#define SCENARIOS_CPUFEAT_H

#include <stdbool.h>

#include "arch/idfields.h"
#include "arch/sysreg.h"

/* ID_AA64ISAR2_EL1 is newer than some assemblers. */
static inline uint64_t read_id_aa64isar2(void)
{
	return SYSREG_READ_ENC(3, 0, 0, 6, 2);
}

/**
 * PAuth level of the address-authentication algorithm: the largest of ISAR1.APA (QARMA5),
 * ISAR1.API (IMPLEMENTATION DEFINED) and ISAR2.APA3 (QARMA3); 0 = no FEAT_PAuth, 1 = PAuth,
 * 2 = EPAC, 3 = PAuth2, 4 = FPAC, 5 = FPACCOMBINED.
 */
static inline unsigned feat_pauth_level(void)
{
	uint64_t isar1 = read_id_aa64isar1_el1();
	unsigned apa = id_field(isar1, 4), api = id_field(isar1, 8);
	unsigned apa3 = id_field(read_id_aa64isar2(), 12);
	unsigned lvl = apa > api ? apa : api;

	return lvl > apa3 ? lvl : apa3;
}

/** Generic authentication (PACGA): ISAR1.GPA, ISAR1.GPI or ISAR2.GPA3. */
static inline bool feat_pauth_generic(void)
{
	uint64_t isar1 = read_id_aa64isar1_el1();

	return id_field(isar1, 24) || id_field(isar1, 28) || id_field(read_id_aa64isar2(), 8);
}

static inline bool feat_sve(void)
{
	return id_field(read_id_aa64pfr0_el1(), 32);
}

static inline bool feat_ras(void)
{
	return id_field(read_id_aa64pfr0_el1(), 28);
}

#endif /* SCENARIOS_CPUFEAT_H */
