/* SPDX-License-Identifier: MIT */
/*
 * The test bench of the stage2.leaf families: a fresh VM of a given granule whose stage-2 table
 * gets hand-written descriptors at a chosen level (built by the vmm down to that level, then
 * written directly, as a misbehaving hypervisor would), the descriptors a walk reads collected
 * for the oracle (scenarios/model/s2_desc_model.c), and AT S12E1R/W checks against the
 * oracle's permitted outcomes. The guest runs only where a row checks a real access.
 */
#ifndef SCENARIOS_STAGE2_LEAF_MAP_H
#define SCENARIOS_STAGE2_LEAF_MAP_H

#include <stdbool.h>
#include <stdint.h>

#include "s2_desc_model.h"
#include "scenario.h"

/* VTCR_EL2.DS, bit 32 (FEAT_LPA2): the 52-bit descriptor format of the 4K and 16K granules. */
#define LEAF_VTCR_PS_MASK (7ULL << VTCR_PS_SHIFT)

/* Stage-2 leaf attributes of the hand-written descriptors: AF, RW, Normal WB, SH 0 (DS-safe). */
#define LEAF_ATTR (PTE_AF | PTE_S2AP_RW | PTE_S2_MEMATTR(S2_MEMATTR_NORMAL_WB))

/*
 * Guest RAM of a leaf VM: the guest image (under 64 KiB) and its stack fit, and the vmm zeroes
 * and cleans an eighth of the default 1 MiB per instance (most rows never run the guest).
 */
#define LEAF_RAM_SIZE (128u << 10)

/** One instance's VM as the leaf families see it. */
struct leaf_vm {
	struct vm *vm;
	struct s2_desc_cfg cfg; /* what the oracle walks with: VTCR_EL2 and the ID registers */
	unsigned start_level;
};

/**
 * leaf_start() - sc_start() a VM with the @granule_shift granule and an IPA size of @ipa_bits
 * (0: the CPU's), whose vCPU runs @payload with x0 = @arg (stage 1 off). False with the
 * instance failed.
 */
bool leaf_start(struct scenario_ctx *c, unsigned granule_shift, unsigned ipa_bits, uint64_t payload,
		uint64_t arg, struct leaf_vm *lv);

/** leaf_start_with() - as leaf_start(), with the VM and vCPU of @s (stage 1 off). */
bool leaf_start_with(struct scenario_ctx *c, const struct sc_setup *s, struct leaf_vm *lv);

/** leaf_set_vtcr() - replace VTCR_EL2.PS (@ps_bits, 0: keep) and DS of the VM; cfg follows. */
void leaf_set_vtcr(struct leaf_vm *lv, unsigned ps_bits, bool ds);

/**
 * leaf_slot() - the entry that translates @ia at @level, in a table the vmm built: a page is
 * mapped at the IPA 2^@span_log2 entries away (outside an aligned group of that many entries)
 * so that the table at @level exists and @ia's entries in it stay invalid. NULL with the
 * instance failed if that cannot be arranged.
 */
uint64_t *leaf_slot(struct scenario_ctx *c, struct leaf_vm *lv, uint64_t ia, unsigned level,
		    unsigned span_log2);

/**
 * leaf_table_desc() - the table descriptor at @level on the walk of @ia in the vmm's table, or
 * NULL if the walk has none there.
 */
uint64_t *leaf_table_desc(struct leaf_vm *lv, uint64_t ia, unsigned level);

/** leaf_write() - store @n descriptors from @desc at @ptep, then DSB ISHST. */
void leaf_write(uint64_t *ptep, const uint64_t *desc, unsigned n);

/**
 * leaf_path() - the descriptors a walk of @ia reads, from the start level down to the first
 * that is not a table descriptor; @path[0] is the start level's. Returns their number.
 */
unsigned leaf_path(struct leaf_vm *lv, uint64_t ia, uint64_t path[4]);

/** leaf_oa_desc() - @oa in the output address field of the VM's descriptor format. */
uint64_t leaf_oa_desc(const struct leaf_vm *lv, uint64_t oa);

#define LEAF_AT_R  1u /* AT S12E1R */
#define LEAF_AT_W  2u /* AT S12E1W */
#define LEAF_AT_RW (LEAF_AT_R | LEAF_AT_W)

/**
 * leaf_check_at() - AT S12E1R and/or S12E1W (@ops) of @ia (stage 1 off: VA = IPA); each
 * PAR_EL1 must be one of @p's outcomes as that access sees it.
 */
void leaf_check_at(struct scenario_ctx *c, uint64_t ia, const struct s2_desc_permitted *p,
		   unsigned ops);

/**
 * leaf_check_guest_load() - run the vCPU (payload gp_s2_ldr_x2 with x0 = @ia) and check the
 * stage-2 Data Abort @o gives: ESR_EL2 (EC 0x24, ISV with the load's syndrome, DFSC =
 * s2_desc_fsc()), FAR_EL2 = @ia, HPFAR_EL2 = @ia's page; then the guest resumes past the load and
 * exits.
 */
void leaf_check_guest_load(struct scenario_ctx *c, uint64_t ia, const struct s2_desc_outcome *o);

/**
 * leaf_ipa_missing() - NULL if a VM with an IPA size of @ipa_bits (0: the CPU's, else at most
 * that) has a level-@level table and holds IPAs below @ia_end, else the SKIP reason.
 */
const char *leaf_ipa_missing(unsigned granule_shift, unsigned ipa_bits, unsigned level,
			     uint64_t ia_end, char *why, size_t len);

#endif
