/* SPDX-License-Identifier: MIT */
/*
 * MMIO emulation from the data-abort instruction syndrome (ESR_EL2.ISV = 1): which register,
 * how wide, which direction, and the register write-back rules of a load (SSE, SF).
 */
#include "arch/esr.h"
#include "mmio.h"

int mmio_decode(const struct exit *e, struct mmio_access *a)
{
	uint64_t iss = esr_iss(e->esr);

	if (esr_ec(e->esr) != ESR_EC_DABT_LOW || !(iss & ESR_ISS_DABT_ISV)) {
		return -1;
	}
	a->ipa = exit_fault_ipa(e);
	a->size_log2 = (iss >> ESR_ISS_DABT_SAS_SHIFT) & ESR_ISS_DABT_SAS_MASK;
	a->sign_extend = iss & ESR_ISS_DABT_SSE;
	a->rt = (iss >> ESR_ISS_DABT_SRT_SHIFT) & ESR_ISS_DABT_SRT_MASK;
	a->sf = iss & ESR_ISS_DABT_SF;
	a->is_write = iss & ESR_ISS_DABT_WNR;
	return 0;
}

uint64_t vcpu_reg_read(const struct vcpu *v, unsigned rt)
{
	return rt == 31 ? 0 : v->ctx.x[rt];
}

void vcpu_reg_write(struct vcpu *v, unsigned rt, uint64_t value)
{
	if (rt != 31) {
		v->ctx.x[rt] = value;
	}
}

uint64_t mmio_store_data(const struct vcpu *v, const struct mmio_access *a)
{
	uint64_t r = vcpu_reg_read(v, a->rt);

	return a->size_log2 == 3 ? r : r & ((1ULL << (8u << a->size_log2)) - 1);
}

/*
 * Write-back of an emulated load: the data zero- or (SSE) sign-extended from the access size
 * to the register width; a W register (SF = 0) has its upper 32 bits cleared.
 */
void mmio_complete_load(struct vcpu *v, const struct mmio_access *a, uint64_t data)
{
	unsigned bits = 8u << a->size_log2;
	uint64_t val = bits == 64 ? data : data & ((1ULL << bits) - 1);

	if (a->sign_extend && bits < 64 && (val >> (bits - 1)) & 1) {
		val |= ~0ULL << bits;
	}
	if (!a->sf) {
		val &= 0xffffffffULL;
	}
	vcpu_reg_write(v, a->rt, val);
}
