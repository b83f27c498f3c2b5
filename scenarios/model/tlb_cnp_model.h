/* SPDX-License-Identifier: MIT */
/*
 * Common not Private (FEAT_TTCNP) on top of the per-PE TLB oracle (tlb_model.h): what a read on
 * one PE may observe through entries that another PE cached. Arm ARM DDI 0487, VTTBR_EL2.CnP:
 * with CnP = 1 "the translation table entries pointed to by VTTBR_EL2 are the same as the
 * translation table entries for every other PE in the Inner Shareable domain for which the
 * value of VTTBR_EL2.CnP is 1 and the VMID is the same as the current VMID", so an
 * implementation may share TLB entries between such PEs; with CnP = 0 on either PE the entries
 * are private (they are "permitted to differ"), and a PE never uses another's. CnP = 1 on two
 * PEs with one VMID but different tables is a misconfiguration whose translations are
 * CONSTRAINED UNPREDICTABLE: the oracle then permits any output. Pure code, host-tested in
 * tests/unit/tlb_cnp_model_test.c.
 */
#ifndef MODEL_TLB_CNP_MODEL_H
#define MODEL_TLB_CNP_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "tlb_model.h"

/** Any output at all (CONSTRAINED UNPREDICTABLE): every TLB_OBS() bit. */
#define TLB_CNP_ANY (~0u >> (32 - TLB_OUTPUTS))

/** The VTTBR_EL2 of a PE as far as sharing goes: CnP and the stage-2 table base. */
struct tlb_cnp_vttbr {
	bool cnp;
	uint64_t baddr;
};

/**
 * tlb_cnp_shared() - the further outputs a read of @ipa in @r on a PE with @self may observe
 * through the entries @other_tlb of a PE with @other may hold (its view of @r's VMID): none
 * unless both have CnP = 1; with CnP = 1 on both, the outputs of @other_tlb's entries for the
 * VMID and address (never TLB_FAULT: faults are not cached), or TLB_CNP_ANY when the tables
 * differ. @level: of the leaf that maps @ipa now. @other_tlb is not changed.
 */
uint32_t tlb_cnp_shared(const struct tlb_model *other_tlb, const struct tlb_regime *r, uint64_t ipa,
			unsigned level, struct tlb_cnp_vttbr self, struct tlb_cnp_vttbr other);

#endif /* MODEL_TLB_CNP_MODEL_H */
