/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_MMU_H
#define KERNEL_MMU_H

#include <stddef.h>
#include <stdint.h>

#include "platform.h"

/* Linker-script symbols delimiting the image's sections (kernel/hyptap.lds). */
extern char __image_start[], __text_end[], __rodata_end[], __image_end[];

/**
 * mmu_early_init() - EL2 stage-1 identity map of the image (W^X: text RX, rodata R, data RW)
 * and of the DTB (read-only), then MMU and caches on. Runs with the MMU off: no memset/memcpy.
 * Return: 0, or -1 if the DTB header is unusable.
 */
int mmu_early_init(const void *dtb, size_t dtb_size);

/** Map all RAM (RW, XN) around the image and DTB, and each device of @p (Device-nGnRE). */
int mmu_map_platform(const struct platform *p);

/** Map one MMIO range Device-nGnRE at run time (e.g. a redistributor frame). */
int mmu_map_device(uint64_t base, uint64_t size);

/** Physical address bits the identity map reaches (PARange, at most 48); set by mmu_early_init().
 */
unsigned mmu_pa_bits(void);

/** Output address size (bits) of ID_AA64MMFR0_EL1.PARange encoding @parange; 0 if reserved. */
unsigned mmu_parange_bits(unsigned parange);

/**
 * mmu_scratch_va() - base of a 512 GiB VA range (one level-0 entry of the harness's table) that
 * the identity map leaves unmapped, for scenarios' test mappings; 0 if there is none.
 */
uint64_t mmu_scratch_va(void);

/**
 * mmu_scratch_set() - make @l0_desc the level-0 descriptor of the scratch range (0: unmapped
 * again), then TLBI ALLE2. The caller owns the tables @l0_desc points to.
 */
void mmu_scratch_set(uint64_t l0_desc);

/** The harness's TTBR0_EL2 (its level-0 table). */
uint64_t mmu_ttbr0(void);

#endif
