/* SPDX-License-Identifier: MIT */
/*
 * FEAT_NV/NV2 system register table: accesses whose fate depends on HCR_EL2.{NV, NV1, NV2}.
 * Included by scenarios/trap/nv.c (each row x {off, nv, nv1, nv2, nv2nv1} x Rt {x0, x17};
 * the expected outcome comes from nv_sysreg_outcome() in scenarios/model/nv_model.c) and by
 * guest/nv.S (payloads gp_sr_nv_<name>_<rt>, gp_sw_nv_<name>_<rt> without read-back,
 * gp_ss_nv_<name>_<rt>).
 *
 * NV_READ(name, op0, op1, crn, crm, op2)
 * NV_WRITE(name, op0, op1, crn, crm, op2, value)   EL2 registers only (never executes at EL1)
 * NV_SYS(name, op1, crn, crm, op2, value)          op1 = 4 instructions, Rt holds value
 */
NV_READ(hcr_el2, 3, 4, 1, 1, 0)
NV_WRITE(hcr_el2, 3, 4, 1, 1, 0, 0x80000001)
NV_READ(vttbr_el2, 3, 4, 2, 1, 0)
NV_READ(vmpidr_el2, 3, 4, 0, 0, 5)
NV_READ(tpidr_el2, 3, 4, 13, 0, 2)
NV_WRITE(tpidr_el2, 3, 4, 13, 0, 2, 0x7e1d00000000e12)
NV_READ(sp_el1, 3, 4, 4, 1, 0)
NV_READ(vbar_el2, 3, 4, 12, 0, 0)
NV_READ(tcr_el2, 3, 4, 2, 0, 2)
NV_READ(elr_el2, 3, 4, 4, 0, 1)
NV_READ(spsr_el2, 3, 4, 4, 0, 0)
NV_READ(sctlr_el12, 3, 5, 1, 0, 0)
NV_READ(vbar_el12, 3, 5, 12, 0, 0)
NV_READ(sctlr_el1, 3, 0, 1, 0, 0)
NV_READ(vbar_el1, 3, 0, 12, 0, 0)
NV_READ(elr_el1, 3, 0, 4, 0, 1)
NV_READ(spsr_el1, 3, 0, 4, 0, 0)
NV_SYS(at_s1e2r, 4, 7, 8, 0, 0x40080000)
NV_SYS(tlbi_vae2, 4, 8, 7, 1, 0x40080)
