/* SPDX-License-Identifier: MIT */
/* ERET syndrome and FEAT_NV/NV2 outcomes (see nv_model.h). */
#include <stddef.h>

#include "arch/esr.h"
#include "nv_model.h"

#define ESR_ISS_ERET_PAC   (1u << 1) /* ISS.ERET: ERETAA or ERETAB */
#define ESR_ISS_ERETA_KEYB (1u << 0) /* ISS.ERETA: ERETAB */

uint64_t esr_expect_eret(bool pac, bool key_b)
{
	uint32_t iss = pac ? ESR_ISS_ERET_PAC | (key_b ? ESR_ISS_ERETA_KEYB : 0) : 0;

	return esr_make(ESR_EC_ERET, true, iss, 0);
}

#define ENC(op0, op1, crn, crm, op2) ((op0) << 14 | (op1) << 11 | (crn) << 7 | (crm) << 3 | (op2))

/* How NV2 treats a register (Arm ARM "VNCR_EL2" and the register pseudocode). */
enum nv2_kind {
	MEM,	 /* VNCR page at .offset */
	MEM_NV1, /* an EL1 register: VNCR page at .offset when NV1 = 1 */
	EL1REG,	 /* an EL2 register redirected to its EL1 twin */
	NV1TRAP, /* an EL1 register trapped by {NV, NV1} = {1, 1} without NV2 */
};

struct nv_reg {
	uint32_t enc;
	enum nv2_kind kind;
	uint16_t offset;
	bool nv1_trap; /* MEM_NV1 rows: also trapped by {NV, NV1, NV2} = {1, 1, 0} */
};

/* Offsets: the VNCR_EL2 page layout (Arm ARM; Linux arch/arm64/include/asm/vncr_mapping.h). */
static const struct nv_reg nv_regs[] = {
	{ENC(3, 4, 2, 1, 0), MEM, 0x020, false},      /* VTTBR_EL2 */
	{ENC(3, 4, 2, 1, 2), MEM, 0x040, false},      /* VTCR_EL2 */
	{ENC(3, 4, 0, 0, 5), MEM, 0x050, false},      /* VMPIDR_EL2 */
	{ENC(3, 4, 14, 0, 3), MEM, 0x060, false},     /* CNTVOFF_EL2 */
	{ENC(3, 4, 1, 1, 0), MEM, 0x078, false},      /* HCR_EL2 */
	{ENC(3, 4, 1, 1, 3), MEM, 0x080, false},      /* HSTR_EL2 */
	{ENC(3, 4, 0, 0, 0), MEM, 0x088, false},      /* VPIDR_EL2 */
	{ENC(3, 4, 13, 0, 2), MEM, 0x090, false},     /* TPIDR_EL2 */
	{ENC(3, 4, 2, 2, 0), MEM, 0x0b0, false},      /* VNCR_EL2 */
	{ENC(3, 4, 1, 1, 4), MEM, 0x1b8, false},      /* HFGRTR_EL2 */
	{ENC(3, 4, 4, 1, 0), MEM, 0x240, false},      /* SP_EL1 */
	{ENC(3, 4, 4, 0, 1), EL1REG, 0, false},	      /* ELR_EL2 -> ELR_EL1 */
	{ENC(3, 4, 4, 0, 0), EL1REG, 0, false},	      /* SPSR_EL2 -> SPSR_EL1 */
	{ENC(3, 4, 5, 2, 0), EL1REG, 0, false},	      /* ESR_EL2 -> ESR_EL1 */
	{ENC(3, 4, 6, 0, 0), EL1REG, 0, false},	      /* FAR_EL2 -> FAR_EL1 */
	{ENC(3, 0, 1, 0, 0), MEM_NV1, 0x110, false},  /* SCTLR_EL1 */
	{ENC(3, 0, 2, 0, 0), MEM_NV1, 0x200, false},  /* TTBR0_EL1 */
	{ENC(3, 0, 13, 0, 1), MEM_NV1, 0x108, false}, /* CONTEXTIDR_EL1 */
	{ENC(3, 0, 4, 0, 1), MEM_NV1, 0x230, true},   /* ELR_EL1 */
	{ENC(3, 0, 4, 0, 0), MEM_NV1, 0x160, true},   /* SPSR_EL1 */
	{ENC(3, 0, 12, 0, 0), MEM_NV1, 0x250, true},  /* VBAR_EL1 */
	{ENC(3, 0, 13, 0, 7), MEM_NV1, 0x188, true},  /* SCXTNUM_EL1 */
	{ENC(3, 0, 5, 6, 0), MEM_NV1, 0x190, true},   /* TFSR_EL1 */
};

static const struct nv_reg *nv_lookup(uint32_t enc)
{
	for (size_t i = 0; i < sizeof(nv_regs) / sizeof(nv_regs[0]); i++) {
		if (nv_regs[i].enc == enc) {
			return &nv_regs[i];
		}
	}
	return NULL;
}

enum nv_outcome nv_sysreg_outcome(const struct nv_hcr *h, unsigned op0, unsigned op1, unsigned crn,
				  unsigned crm, unsigned op2, unsigned *offset)
{
	const struct nv_reg *r;

	*offset = 0;
	if (op1 == 4 || op1 == 5) {
		if (!h->nv) {
			return NV_UNDEF;
		}
		if (!h->nv2) {
			return NV_TRAP;
		}
		/* *_EL12 (op1 = 5) stands for the EL1 register of the same CRn/CRm/op2. */
		r = nv_lookup(op1 == 5 ? ENC(op0, 0, crn, crm, op2) : ENC(op0, op1, crn, crm, op2));
		if (r && op1 == 5 && r->kind == MEM_NV1 && !h->nv1) {
			*offset = r->offset;
			return NV_MEMORY;
		}
		if (r && op1 == 4 && r->kind == MEM) {
			*offset = r->offset;
			return NV_MEMORY;
		}
		if (r && op1 == 4 && r->kind == EL1REG) {
			return NV_EL1_REG;
		}
		return NV_TRAP;
	}
	r = nv_lookup(ENC(op0, op1, crn, crm, op2));
	if (!h->nv || !h->nv1 || !r || r->kind != MEM_NV1) {
		return NV_EXECUTE;
	}
	if (h->nv2) {
		*offset = r->offset;
		return NV_MEMORY;
	}
	return r->nv1_trap ? NV_TRAP : NV_EXECUTE;
}

uint64_t nv_currentel(bool nv)
{
	return (nv ? 2u : 1u) << 2;
}

unsigned nv_spsr_el1_mode(const struct nv_hcr *h)
{
	return h->nv && !h->nv1 && !h->nv2 ? 0x9 : 0x5;
}
