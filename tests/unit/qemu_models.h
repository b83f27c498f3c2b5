/* SPDX-License-Identifier: MIT */
/*
 * The MIDR_EL1 and REVIDR_EL1 each QEMU CPU model that make check runs reports, from QEMU's
 * sources (target/arm/cpu64.c and target/arm/tcg/cpu64.c, the aarch64_*_initfn functions'
 * cpu->midr and cpu->revidr): the inputs of tests/unit/errata_test.c and of the per-model
 * section of docs/errata.md (ci/errata-doc.c). One definition of these facts.
 *
 * The one value that differs between the two QEMUs: cortex-a53's REVIDR. QEMU 9.0 set bit 8
 * ("target/arm: Advertise Cortex-A53 erratum #843419 fix via REVIDR", Ard Biesheuvel, February
 * 2024), so QEMU 7.2 reports 0 and QEMU 10.0 0x100. cortex-a710's REVIDR is 0: the first
 * version of its patch mirrored the MIDR ("mirror midr: no significance"), which review
 * dropped; QEMU 10.0.2's model reports 0 in the boot header.
 */
#ifndef TESTS_UNIT_QEMU_MODELS_H
#define TESTS_UNIT_QEMU_MODELS_H

#include <stdint.h>

struct qemu_model {
	const char *cpu;  /* -cpu NAME */
	const char *qemu; /* the QEMU versions of make check that have it */
	uint64_t midr, revidr;
};

static const struct qemu_model qemu_models[] = {
	{"a64fx", "7.2 10.0", 0x461f0010, 0},	    {"cortex-a35", "7.2 10.0", 0x411fd040, 0},
	{"cortex-a53", "7.2", 0x410fd034, 0},	    {"cortex-a53", "10.0", 0x410fd034, 0x100},
	{"cortex-a55", "10.0", 0x412fd050, 0},	    {"cortex-a57", "7.2 10.0", 0x411fd070, 0},
	{"cortex-a72", "7.2 10.0", 0x410fd083, 0},  {"cortex-a710", "10.0", 0x412fd471, 0},
	{"cortex-a76", "7.2 10.0", 0x414fd0b1, 0},  {"max", "7.2 10.0", 0x000f0510, 0},
	{"neoverse-n1", "7.2 10.0", 0x414fd0c1, 0}, {"neoverse-n2", "10.0", 0x410fd493, 0},
	{"neoverse-v1", "10.0", 0x411fd402, 0},
};

#define QEMU_MODEL_COUNT (sizeof(qemu_models) / sizeof(qemu_models[0]))

#endif /* TESTS_UNIT_QEMU_MODELS_H */
