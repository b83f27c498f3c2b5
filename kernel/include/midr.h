/* SPDX-License-Identifier: MIT */
/*
 * MIDR_EL1 decoding: which core is this, for the TAP header and errata notes. Pure code.
 *
 * Layout (Arm ARM DDI 0487, "MIDR_EL1, Main ID Register"):
 *	[31:24] Implementer  [23:20] Variant (rN)  [19:16] Architecture  [15:4] PartNum
 *	[3:0] Revision (pN)
 */
#ifndef KERNEL_MIDR_H
#define KERNEL_MIDR_H

#include <stddef.h>
#include <stdint.h>

#define MIDR_IMPLEMENTER_SHIFT 24
#define MIDR_IMPLEMENTER_MASK  0xffULL
#define MIDR_VARIANT_SHIFT     20
#define MIDR_VARIANT_MASK      0xfULL
#define MIDR_ARCH_SHIFT	       16
#define MIDR_ARCH_MASK	       0xfULL
#define MIDR_PARTNUM_SHIFT     4
#define MIDR_PARTNUM_MASK      0xfffULL
#define MIDR_REVISION_MASK     0xfULL

/* Implementer codes (MIDR_EL1.Implementer). */
#define MIDR_IMPL_SOFTWARE  0x00 /* "reserved for software use": QEMU's -cpu max */
#define MIDR_IMPL_ARM	    0x41
#define MIDR_IMPL_BROADCOM  0x42
#define MIDR_IMPL_CAVIUM    0x43
#define MIDR_IMPL_FUJITSU   0x46
#define MIDR_IMPL_HISILICON 0x48
#define MIDR_IMPL_NVIDIA    0x4e
#define MIDR_IMPL_APM	    0x50
#define MIDR_IMPL_QCOM	    0x51
#define MIDR_IMPL_APPLE	    0x61
#define MIDR_IMPL_MICROSOFT 0x6d
#define MIDR_IMPL_AMPERE    0xc0

/** midr_implementer() - MIDR_EL1.Implementer, bits [31:24]. */
static inline unsigned midr_implementer(uint64_t midr)
{
	return (unsigned)((midr >> MIDR_IMPLEMENTER_SHIFT) & MIDR_IMPLEMENTER_MASK);
}

/** midr_variant() - MIDR_EL1.Variant, bits [23:20]: the N of "rNpM". */
static inline unsigned midr_variant(uint64_t midr)
{
	return (unsigned)((midr >> MIDR_VARIANT_SHIFT) & MIDR_VARIANT_MASK);
}

/** midr_partnum() - MIDR_EL1.PartNum, bits [15:4]. */
static inline unsigned midr_partnum(uint64_t midr)
{
	return (unsigned)((midr >> MIDR_PARTNUM_SHIFT) & MIDR_PARTNUM_MASK);
}

/** midr_revision() - MIDR_EL1.Revision, bits [3:0]: the M of "rNpM". */
static inline unsigned midr_revision(uint64_t midr)
{
	return (unsigned)(midr & MIDR_REVISION_MASK);
}

/**
 * midr_part_name() - marketing name of the (Implementer, PartNum) pair in @midr.
 *
 * Return: a static string such as "Cortex-A57" or "QEMU max", or NULL for a part not in the
 * table. Variant and revision are ignored.
 */
const char *midr_part_name(uint64_t midr);

/**
 * midr_describe() - "Cortex-A57 r1p0", or "impl 0x41 part 0xd99 r0p1" for an unknown part.
 * @midr: MIDR_EL1 value (bits above [31:0] are ignored).
 * @buf: output, always NUL-terminated when @len is not 0.
 * @len: size of @buf.
 *
 * Return: the length of the full description, as snprintf(): >= @len means truncated.
 */
int midr_describe(uint64_t midr, char *buf, size_t len);

#endif /* KERNEL_MIDR_H */
