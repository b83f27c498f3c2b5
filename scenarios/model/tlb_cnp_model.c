/* SPDX-License-Identifier: MIT */
/* Common not Private across PEs: see tlb_cnp_model.h. */
#include "tlb_cnp_model.h"

uint32_t tlb_cnp_shared(const struct tlb_model *other_tlb, const struct tlb_regime *r, uint64_t ipa,
			unsigned level, struct tlb_cnp_vttbr self, struct tlb_cnp_vttbr other)
{
	struct tlb_model peek;

	if (!self.cnp || !other.cnp) {
		return 0;
	}
	if (self.baddr != other.baddr) {
		return TLB_CNP_ANY;
	}
	/*
	 * What the other PE's TLB may hold for this VMID and address: a read whose walk would
	 * fault permits exactly the cached outputs (and the fault, which is not an entry). On a
	 * copy, so the other PE's model does not change.
	 */
	peek = *other_tlb;
	return tlb_model_read(&peek, r, ipa, TLB_FAULT, level) & ~TLB_OBS(TLB_FAULT);
}
