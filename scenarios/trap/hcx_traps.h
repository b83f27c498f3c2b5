/* SPDX-License-Identifier: MIT */
/*
 * HCRX_EL2 (FEAT_HCX) controls that trap MSR/MRS with EC 0x18, as sysreg trap rows: included
 * by scenarios/trap/hcx.c (instances through sysreg_trap.h: control "set" = the bit flipped
 * from the vmm's neutral HCRX_EL2, i.e. TALLINT = 1, TCR2En = 0, SCTLR2En = 0) and by
 * guest/hcx.S (payloads gp_s{r,w}_hcx_<name>_<rt>).
 *
 * HCX_READ(name, op0, op1, crn, crm, op2, bit, needs)
 * HCX_WRITE(name, op0, op1, crn, crm, op2, bit, needs, value)
 *
 * TALLINT traps writes of ALLINT only (MSR ALLINT, Xt; MSR ALLINT, #1 is trap.hcx.allint_imm);
 * TCR2En/SCTLR2En = 0 trap EL1 reads and writes of TCR2_EL1/SCTLR2_EL1.
 */
HCX_WRITE(allint, 3, 0, 4, 3, 0, tallint, NMI, 0x2000)
HCX_READ(tcr2_el1, 3, 0, 2, 0, 3, tcr2en, TCR2)
HCX_WRITE(tcr2_el1, 3, 0, 2, 0, 3, tcr2en, TCR2, 0)
HCX_READ(sctlr2_el1, 3, 0, 1, 0, 3, sctlr2en, SCTLR2)
HCX_WRITE(sctlr2_el1, 3, 0, 1, 0, 3, sctlr2en, SCTLR2, 0)
