/* SPDX-License-Identifier: MIT */
/*
 * The rows of stage2.geom.map: every (granule, IPA size, start level) that AArch64.S2InconsistentSL()
 * accepts, with VTCR_EL2.T0SZ from 48 (47 for 64KB; FEAT_TTST) down to 12 (52 bits), and the
 * number of concatenated root tables it implies. 4KB and 16KB beyond 48 bits, and 16KB from level
 * 0, need DS = 1 (FEAT_LPA2), as does 4KB level -1 (VTCR_EL2.SL2 = 1, SL0 = 0: 49..52 bits, one
 * table of 2..16 entries). Which rows a CPU can run is decided at run time from its ID registers
 * (s2_geom_model.h).
 *
 * G(granule name, granule_shift, ipa_bits, start level, concatenated tables, ds, name suffix).
 * tests/unit/s2_geom_model_test.c checks every row against the oracle and that the list is
 * complete, so the literal numbers here cannot drift from the rule.
 */
#ifndef MODEL_S2_GEOM_ROWS_H
#define MODEL_S2_GEOM_ROWS_H

#define S2_GEOM_MAP_ROWS(G) \
	G(4k, 12, 16, 3, 1, false, "") \
	G(4k, 12, 17, 3, 1, false, "") \
	G(4k, 12, 18, 3, 1, false, "") \
	G(4k, 12, 19, 3, 1, false, "") \
	G(4k, 12, 20, 3, 1, false, "") \
	G(4k, 12, 21, 3, 1, false, "") \
	G(4k, 12, 22, 3, 2, false, "") \
	G(4k, 12, 23, 3, 4, false, "") \
	G(4k, 12, 24, 3, 8, false, "") \
	G(4k, 12, 25, 3, 16, false, "") \
	G(4k, 12, 22, 2, 1, false, "") \
	G(4k, 12, 23, 2, 1, false, "") \
	G(4k, 12, 24, 2, 1, false, "") \
	G(4k, 12, 25, 2, 1, false, "") \
	G(4k, 12, 26, 2, 1, false, "") \
	G(4k, 12, 27, 2, 1, false, "") \
	G(4k, 12, 28, 2, 1, false, "") \
	G(4k, 12, 29, 2, 1, false, "") \
	G(4k, 12, 30, 2, 1, false, "") \
	G(4k, 12, 31, 2, 2, false, "") \
	G(4k, 12, 32, 2, 4, false, "") \
	G(4k, 12, 33, 2, 8, false, "") \
	G(4k, 12, 34, 2, 16, false, "") \
	G(4k, 12, 31, 1, 1, false, "") \
	G(4k, 12, 32, 1, 1, false, "") \
	G(4k, 12, 33, 1, 1, false, "") \
	G(4k, 12, 34, 1, 1, false, "") \
	G(4k, 12, 35, 1, 1, false, "") \
	G(4k, 12, 36, 1, 1, false, "") \
	G(4k, 12, 37, 1, 1, false, "") \
	G(4k, 12, 38, 1, 1, false, "") \
	G(4k, 12, 39, 1, 1, false, "") \
	G(4k, 12, 40, 1, 2, false, "") \
	G(4k, 12, 41, 1, 4, false, "") \
	G(4k, 12, 42, 1, 8, false, "") \
	G(4k, 12, 43, 1, 16, false, "") \
	G(4k, 12, 40, 0, 1, false, "") \
	G(4k, 12, 41, 0, 1, false, "") \
	G(4k, 12, 42, 0, 1, false, "") \
	G(4k, 12, 43, 0, 1, false, "") \
	G(4k, 12, 44, 0, 1, false, "") \
	G(4k, 12, 45, 0, 1, false, "") \
	G(4k, 12, 46, 0, 1, false, "") \
	G(4k, 12, 47, 0, 1, false, "") \
	G(4k, 12, 48, 0, 1, false, "") \
	G(4k, 12, 49, 0, 2, true, ",ds") \
	G(4k, 12, 50, 0, 4, true, ",ds") \
	G(4k, 12, 51, 0, 8, true, ",ds") \
	G(4k, 12, 52, 0, 16, true, ",ds") \
	G(4k, 12, 49, -1, 1, true, ",ds") \
	G(4k, 12, 50, -1, 1, true, ",ds") \
	G(4k, 12, 51, -1, 1, true, ",ds") \
	G(4k, 12, 52, -1, 1, true, ",ds") \
	G(16k, 14, 16, 3, 1, false, "") \
	G(16k, 14, 17, 3, 1, false, "") \
	G(16k, 14, 18, 3, 1, false, "") \
	G(16k, 14, 19, 3, 1, false, "") \
	G(16k, 14, 20, 3, 1, false, "") \
	G(16k, 14, 21, 3, 1, false, "") \
	G(16k, 14, 22, 3, 1, false, "") \
	G(16k, 14, 23, 3, 1, false, "") \
	G(16k, 14, 24, 3, 1, false, "") \
	G(16k, 14, 25, 3, 1, false, "") \
	G(16k, 14, 26, 3, 2, false, "") \
	G(16k, 14, 27, 3, 4, false, "") \
	G(16k, 14, 28, 3, 8, false, "") \
	G(16k, 14, 29, 3, 16, false, "") \
	G(16k, 14, 26, 2, 1, false, "") \
	G(16k, 14, 27, 2, 1, false, "") \
	G(16k, 14, 28, 2, 1, false, "") \
	G(16k, 14, 29, 2, 1, false, "") \
	G(16k, 14, 30, 2, 1, false, "") \
	G(16k, 14, 31, 2, 1, false, "") \
	G(16k, 14, 32, 2, 1, false, "") \
	G(16k, 14, 33, 2, 1, false, "") \
	G(16k, 14, 34, 2, 1, false, "") \
	G(16k, 14, 35, 2, 1, false, "") \
	G(16k, 14, 36, 2, 1, false, "") \
	G(16k, 14, 37, 2, 2, false, "") \
	G(16k, 14, 38, 2, 4, false, "") \
	G(16k, 14, 39, 2, 8, false, "") \
	G(16k, 14, 40, 2, 16, false, "") \
	G(16k, 14, 37, 1, 1, false, "") \
	G(16k, 14, 38, 1, 1, false, "") \
	G(16k, 14, 39, 1, 1, false, "") \
	G(16k, 14, 40, 1, 1, false, "") \
	G(16k, 14, 41, 1, 1, false, "") \
	G(16k, 14, 42, 1, 1, false, "") \
	G(16k, 14, 43, 1, 1, false, "") \
	G(16k, 14, 44, 1, 1, false, "") \
	G(16k, 14, 45, 1, 1, false, "") \
	G(16k, 14, 46, 1, 1, false, "") \
	G(16k, 14, 47, 1, 1, false, "") \
	G(16k, 14, 48, 1, 2, false, "") \
	G(16k, 14, 49, 1, 4, true, ",ds") \
	G(16k, 14, 50, 1, 8, true, ",ds") \
	G(16k, 14, 51, 1, 16, true, ",ds") \
	G(16k, 14, 48, 0, 1, true, ",ds") \
	G(16k, 14, 49, 0, 1, true, ",ds") \
	G(16k, 14, 50, 0, 1, true, ",ds") \
	G(16k, 14, 51, 0, 1, true, ",ds") \
	G(16k, 14, 52, 0, 1, true, ",ds") \
	G(64k, 16, 17, 3, 1, false, "") \
	G(64k, 16, 18, 3, 1, false, "") \
	G(64k, 16, 19, 3, 1, false, "") \
	G(64k, 16, 20, 3, 1, false, "") \
	G(64k, 16, 21, 3, 1, false, "") \
	G(64k, 16, 22, 3, 1, false, "") \
	G(64k, 16, 23, 3, 1, false, "") \
	G(64k, 16, 24, 3, 1, false, "") \
	G(64k, 16, 25, 3, 1, false, "") \
	G(64k, 16, 26, 3, 1, false, "") \
	G(64k, 16, 27, 3, 1, false, "") \
	G(64k, 16, 28, 3, 1, false, "") \
	G(64k, 16, 29, 3, 1, false, "") \
	G(64k, 16, 30, 3, 2, false, "") \
	G(64k, 16, 31, 3, 4, false, "") \
	G(64k, 16, 32, 3, 8, false, "") \
	G(64k, 16, 33, 3, 16, false, "") \
	G(64k, 16, 30, 2, 1, false, "") \
	G(64k, 16, 31, 2, 1, false, "") \
	G(64k, 16, 32, 2, 1, false, "") \
	G(64k, 16, 33, 2, 1, false, "") \
	G(64k, 16, 34, 2, 1, false, "") \
	G(64k, 16, 35, 2, 1, false, "") \
	G(64k, 16, 36, 2, 1, false, "") \
	G(64k, 16, 37, 2, 1, false, "") \
	G(64k, 16, 38, 2, 1, false, "") \
	G(64k, 16, 39, 2, 1, false, "") \
	G(64k, 16, 40, 2, 1, false, "") \
	G(64k, 16, 41, 2, 1, false, "") \
	G(64k, 16, 42, 2, 1, false, "") \
	G(64k, 16, 43, 2, 2, false, "") \
	G(64k, 16, 44, 2, 4, false, "") \
	G(64k, 16, 45, 2, 8, false, "") \
	G(64k, 16, 46, 2, 16, false, "") \
	G(64k, 16, 43, 1, 1, false, "") \
	G(64k, 16, 44, 1, 1, false, "") \
	G(64k, 16, 45, 1, 1, false, "") \
	G(64k, 16, 46, 1, 1, false, "") \
	G(64k, 16, 47, 1, 1, false, "") \
	G(64k, 16, 48, 1, 1, false, "") \
	G(64k, 16, 49, 1, 1, false, "") \
	G(64k, 16, 50, 1, 1, false, "") \
	G(64k, 16, 51, 1, 1, false, "") \
	G(64k, 16, 52, 1, 1, false, "")

#endif
