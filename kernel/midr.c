/* SPDX-License-Identifier: MIT */
/*
 * MIDR_EL1 -> core name (see midr.h). Part numbers are from the vendors' Technical Reference
 * Manuals, cross-checked against Linux arch/arm64/include/asm/cputype.h and QEMU's CPU models.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "midr.h"

struct midr_part {
	uint8_t impl;
	uint16_t part;
	const char *name;
};

static const struct midr_part midr_parts[] = {
	/*
	 * QEMU TCG "-cpu max" (QEMU 7.2 and 10.0, target/arm/tcg/cpu64.c): Implementer 0
	 * ("reserved for software use"), Architecture 0xf, PartNum 'Q': MIDR 0x000f0510. Under
	 * KVM/HVF "max" reports the host's MIDR instead.
	 */
	{MIDR_IMPL_SOFTWARE, 0x051, "QEMU max"},

	/* Arm models and cores. */
	{MIDR_IMPL_ARM, 0xd00, "Foundation"},
	{MIDR_IMPL_ARM, 0xd01, "Cortex-A32"},
	{MIDR_IMPL_ARM, 0xd02, "Cortex-A34"},
	{MIDR_IMPL_ARM, 0xd03, "Cortex-A53"},
	{MIDR_IMPL_ARM, 0xd04, "Cortex-A35"},
	{MIDR_IMPL_ARM, 0xd05, "Cortex-A55"},
	{MIDR_IMPL_ARM, 0xd06, "Cortex-A65"},
	{MIDR_IMPL_ARM, 0xd07, "Cortex-A57"},
	{MIDR_IMPL_ARM, 0xd08, "Cortex-A72"},
	{MIDR_IMPL_ARM, 0xd09, "Cortex-A73"},
	{MIDR_IMPL_ARM, 0xd0a, "Cortex-A75"},
	{MIDR_IMPL_ARM, 0xd0b, "Cortex-A76"},
	{MIDR_IMPL_ARM, 0xd0c, "Neoverse-N1"},
	{MIDR_IMPL_ARM, 0xd0d, "Cortex-A77"},
	{MIDR_IMPL_ARM, 0xd0e, "Cortex-A76AE"},
	{MIDR_IMPL_ARM, 0xd0f, "AEMv8"},
	{MIDR_IMPL_ARM, 0xd40, "Neoverse-V1"},
	{MIDR_IMPL_ARM, 0xd41, "Cortex-A78"},
	{MIDR_IMPL_ARM, 0xd42, "Cortex-A78AE"},
	{MIDR_IMPL_ARM, 0xd43, "Cortex-A65AE"},
	{MIDR_IMPL_ARM, 0xd44, "Cortex-X1"},
	{MIDR_IMPL_ARM, 0xd46, "Cortex-A510"},
	{MIDR_IMPL_ARM, 0xd47, "Cortex-A710"},
	{MIDR_IMPL_ARM, 0xd48, "Cortex-X2"},
	{MIDR_IMPL_ARM, 0xd49, "Neoverse-N2"},
	{MIDR_IMPL_ARM, 0xd4a, "Neoverse-E1"},
	{MIDR_IMPL_ARM, 0xd4b, "Cortex-A78C"},
	{MIDR_IMPL_ARM, 0xd4c, "Cortex-X1C"},
	{MIDR_IMPL_ARM, 0xd4d, "Cortex-A715"},
	{MIDR_IMPL_ARM, 0xd4e, "Cortex-X3"},
	{MIDR_IMPL_ARM, 0xd4f, "Neoverse-V2"},
	{MIDR_IMPL_ARM, 0xd80, "Cortex-A520"},
	{MIDR_IMPL_ARM, 0xd81, "Cortex-A720"},
	{MIDR_IMPL_ARM, 0xd82, "Cortex-X4"},
	{MIDR_IMPL_ARM, 0xd83, "Neoverse-V3AE"},
	{MIDR_IMPL_ARM, 0xd84, "Neoverse-V3"},
	{MIDR_IMPL_ARM, 0xd85, "Cortex-X925"},
	{MIDR_IMPL_ARM, 0xd87, "Cortex-A725"},
	{MIDR_IMPL_ARM, 0xd88, "Cortex-A520AE"},
	{MIDR_IMPL_ARM, 0xd89, "Cortex-A720AE"},
	{MIDR_IMPL_ARM, 0xd8e, "Neoverse-N3"},

	{MIDR_IMPL_BROADCOM, 0x100, "Brahma-B53"},
	{MIDR_IMPL_BROADCOM, 0x516, "Vulcan"},
	{MIDR_IMPL_CAVIUM, 0x0a1, "ThunderX"},
	{MIDR_IMPL_CAVIUM, 0x0a2, "ThunderX-81xx"},
	{MIDR_IMPL_CAVIUM, 0x0a3, "ThunderX-83xx"},
	{MIDR_IMPL_CAVIUM, 0x0af, "ThunderX2"},
	{MIDR_IMPL_FUJITSU, 0x001, "A64FX"},
	{MIDR_IMPL_HISILICON, 0xd01, "TSV110"},
	{MIDR_IMPL_HISILICON, 0xd02, "HIP09"},
	{MIDR_IMPL_NVIDIA, 0x003, "Denver"},
	{MIDR_IMPL_NVIDIA, 0x004, "Carmel"},
	{MIDR_IMPL_APM, 0x000, "X-Gene"},
	{MIDR_IMPL_QCOM, 0x001, "Oryon"},
	{MIDR_IMPL_QCOM, 0x200, "Kryo"},
	{MIDR_IMPL_QCOM, 0x801, "Kryo-2xx-Silver"},
	{MIDR_IMPL_QCOM, 0x803, "Kryo-3xx-Silver"},
	{MIDR_IMPL_QCOM, 0x804, "Kryo-4xx-Gold"},
	{MIDR_IMPL_QCOM, 0x805, "Kryo-4xx-Silver"},
	{MIDR_IMPL_QCOM, 0xc00, "Falkor"},
	{MIDR_IMPL_APPLE, 0x022, "Apple-M1-Icestorm"},
	{MIDR_IMPL_APPLE, 0x023, "Apple-M1-Firestorm"},
	{MIDR_IMPL_APPLE, 0x024, "Apple-M1-Pro-Icestorm"},
	{MIDR_IMPL_APPLE, 0x025, "Apple-M1-Pro-Firestorm"},
	{MIDR_IMPL_APPLE, 0x028, "Apple-M1-Max-Icestorm"},
	{MIDR_IMPL_APPLE, 0x029, "Apple-M1-Max-Firestorm"},
	{MIDR_IMPL_APPLE, 0x032, "Apple-M2-Blizzard"},
	{MIDR_IMPL_APPLE, 0x033, "Apple-M2-Avalanche"},
	{MIDR_IMPL_MICROSOFT, 0xd49, "Azure-Cobalt-100"},
	{MIDR_IMPL_AMPERE, 0xac3, "Ampere-1"},
	{MIDR_IMPL_AMPERE, 0xac4, "Ampere-1A"},
};

const char *midr_part_name(uint64_t midr)
{
	unsigned impl = midr_implementer(midr);
	unsigned part = midr_partnum(midr);
	size_t i;

	for (i = 0; i < sizeof(midr_parts) / sizeof(midr_parts[0]); i++) {
		if (midr_parts[i].impl == impl && midr_parts[i].part == part) {
			return midr_parts[i].name;
		}
	}
	return NULL;
}

int midr_describe(uint64_t midr, char *buf, size_t len)
{
	const char *name = midr_part_name(midr);

	if (name != NULL) {
		return snprintf(buf, len, "%s r%up%u", name, midr_variant(midr),
				midr_revision(midr));
	}
	return snprintf(buf, len, "impl 0x%02x part 0x%03x r%up%u", midr_implementer(midr),
			midr_partnum(midr), midr_variant(midr), midr_revision(midr));
}
