/* SPDX-License-Identifier: MIT */
/*
 * The MSR/MRS trap table (issue 3 "one table, not a hundred functions"): one row per
 * (register, direction, trap control). Included by the C scenario (scenarios/trap_sysreg.c),
 * which expands rows into instances, AND by the guest (guest/sysreg.S), which expands the same
 * rows into one payload per transfer register. Adding a trapped register is one row here.
 *
 * SYSREG_READ(name, op0, op1, crn, crm, op2, control)
 * SYSREG_WRITE(name, op0, op1, crn, crm, op2, control, value, zero_ok)
 * SYSREG_SYS(name, op1, crn, crm, op2, control, value, uses_rt)
 *   a SYS instruction (op0 = 1: TLBI, IC, DC); uses_rt = 1: Rt in {x0, x17, x30} holds
 *   value (an address in guest RAM, or a set/way); uses_rt = 0: Rt is XZR only
 *   value:   what the guest writes; 0 = the register's current value, read by the vmm and
 *            passed to the guest (for registers where another value could change behaviour)
 *   zero_ok: the row also runs with XZR as the source (writing 0 is harmless)
 *
 * Controls: HCR_EL2.TID1 (REVIDR/AIDR), TID2 (cache ID), TID3 (ID group 3), TACR (ACTLR_EL1),
 * TVM (writes) and TRVM (reads) of the stage-1 virtual memory controls; MDCR_EL2.TDA (debug
 * registers), TDOSA (OS lock/double lock), TDRA (MDRAR_EL1), TPM (PMU), TPMCR (PMCR_EL0);
 * CPTR_EL2.TCPAC (CPACR_EL1); HCR_EL2.TTLB (TLBI), TPU (maintenance to the PoU), TPCP
 * (to the PoC), TSW (by set/way), TERR (RAS error records: ERRIDR_EL1 only, because with no
 * records ERRSELR_EL1 and ERX* may be UNDEFINED), TLOR (LORegions), APK (pointer
 * authentication keys; trapped when APK = 0); CPTR_EL2.TTA (trace unit registers), TAM
 * (activity monitors); MDCR_EL2.TPMS (statistical profiling), TTRF (trace filter control);
 * FEAT_EVT's HCR_EL2.TID4 (cache ID without CTR_EL0), TICAB (IC IALLUIS), TOCU (maintenance
 * to the PoU), TTLBIS and TTLBOS (TLBI Inner/Outer Shareable). Encodings are those of the Arm ARM
 * register descriptions (op0, op1, CRn, CRm, op2).
 */

SYSREG_READ(id_aa64pfr0_el1, 3, 0, 0, 4, 0, tid3)
SYSREG_READ(id_aa64pfr1_el1, 3, 0, 0, 4, 1, tid3)
SYSREG_READ(id_aa64dfr0_el1, 3, 0, 0, 5, 0, tid3)
SYSREG_READ(id_aa64isar0_el1, 3, 0, 0, 6, 0, tid3)
SYSREG_READ(id_aa64isar1_el1, 3, 0, 0, 6, 1, tid3)
SYSREG_READ(id_aa64mmfr0_el1, 3, 0, 0, 7, 0, tid3)
SYSREG_READ(id_aa64mmfr1_el1, 3, 0, 0, 7, 1, tid3)
SYSREG_READ(id_pfr0_el1, 3, 0, 0, 1, 0, tid3)
SYSREG_READ(mvfr0_el1, 3, 0, 0, 3, 0, tid3)
SYSREG_READ(revidr_el1, 3, 0, 0, 0, 6, tid1)
SYSREG_READ(aidr_el1, 3, 1, 0, 0, 7, tid1)
SYSREG_READ(ctr_el0, 3, 3, 0, 0, 1, tid2)
SYSREG_READ(clidr_el1, 3, 1, 0, 0, 1, tid2)
SYSREG_READ(csselr_el1, 3, 2, 0, 0, 0, tid2)
SYSREG_WRITE(csselr_el1, 3, 2, 0, 0, 0, tid2, 0, 1)
SYSREG_READ(actlr_el1, 3, 0, 1, 0, 1, tacr)
SYSREG_WRITE(actlr_el1, 3, 0, 1, 0, 1, tacr, 0, 0)
SYSREG_READ(sctlr_el1, 3, 0, 1, 0, 0, trvm)
SYSREG_WRITE(sctlr_el1, 3, 0, 1, 0, 0, tvm, 0, 0)
SYSREG_READ(ttbr0_el1, 3, 0, 2, 0, 0, trvm)
SYSREG_WRITE(ttbr0_el1, 3, 0, 2, 0, 0, tvm, 0x0000000040001000, 1)
SYSREG_READ(ttbr1_el1, 3, 0, 2, 0, 1, trvm)
SYSREG_WRITE(ttbr1_el1, 3, 0, 2, 0, 1, tvm, 0x0000000040002000, 1)
SYSREG_READ(tcr_el1, 3, 0, 2, 0, 2, trvm)
SYSREG_WRITE(tcr_el1, 3, 0, 2, 0, 2, tvm, 0, 1)
SYSREG_READ(esr_el1, 3, 0, 5, 2, 0, trvm)
SYSREG_WRITE(esr_el1, 3, 0, 5, 2, 0, tvm, 0x0000000056000042, 1)
SYSREG_READ(far_el1, 3, 0, 6, 0, 0, trvm)
SYSREG_WRITE(far_el1, 3, 0, 6, 0, 0, tvm, 0x0123456789abcdef, 1)
SYSREG_READ(mair_el1, 3, 0, 10, 2, 0, trvm)
SYSREG_WRITE(mair_el1, 3, 0, 10, 2, 0, tvm, 0x44ff04000c0804ff, 1)
SYSREG_READ(amair_el1, 3, 0, 10, 3, 0, trvm)
SYSREG_READ(contextidr_el1, 3, 0, 13, 0, 1, trvm)
SYSREG_WRITE(contextidr_el1, 3, 0, 13, 0, 1, tvm, 0x000000001234abcd, 1)
SYSREG_READ(mdscr_el1, 2, 0, 0, 2, 2, tda)
SYSREG_WRITE(mdscr_el1, 2, 0, 0, 2, 2, tda, 0, 0)
SYSREG_READ(dbgbvr0_el1, 2, 0, 0, 0, 4, tda)
SYSREG_WRITE(dbgbvr0_el1, 2, 0, 0, 0, 4, tda, 0x0000000040000100, 1)
SYSREG_READ(dbgbcr0_el1, 2, 0, 0, 0, 5, tda)
SYSREG_READ(dbgwvr0_el1, 2, 0, 0, 0, 6, tda)
SYSREG_READ(mdrar_el1, 2, 0, 1, 0, 0, tdra)
SYSREG_READ(oslsr_el1, 2, 0, 1, 1, 4, tdosa)
SYSREG_READ(osdlr_el1, 2, 0, 1, 3, 4, tdosa)
SYSREG_READ(pmcr_el0, 3, 3, 9, 12, 0, tpmcr)
SYSREG_READ(pmuserenr_el0, 3, 3, 9, 14, 0, tpm)
SYSREG_WRITE(pmuserenr_el0, 3, 3, 9, 14, 0, tpm, 0, 1)
SYSREG_READ(pmselr_el0, 3, 3, 9, 12, 5, tpm)
SYSREG_READ(cpacr_el1, 3, 0, 1, 0, 2, tcpac)
SYSREG_WRITE(cpacr_el1, 3, 0, 1, 0, 2, tcpac, 0, 0)
SYSREG_SYS(tlbi_vmalle1, 0, 8, 7, 0, ttlb, 0, 0)
SYSREG_SYS(tlbi_vmalle1is, 0, 8, 3, 0, ttlb, 0, 0)
SYSREG_SYS(tlbi_vae1, 0, 8, 7, 1, ttlb, 0x40080, 1)
SYSREG_SYS(tlbi_aside1, 0, 8, 7, 2, ttlb, 0x0001000000000000, 1)
SYSREG_SYS(ic_iallu, 0, 7, 5, 0, tpu, 0, 0)
SYSREG_SYS(ic_ivau, 3, 7, 5, 1, tpu, 0x40080000, 1)
SYSREG_SYS(dc_cvau, 3, 7, 11, 1, tpu, 0x40080000, 1)
SYSREG_SYS(dc_ivac, 0, 7, 6, 1, tpcp, 0x40080000, 1)
SYSREG_SYS(dc_cvac, 3, 7, 10, 1, tpcp, 0x40080000, 1)
SYSREG_SYS(dc_civac, 3, 7, 14, 1, tpcp, 0x40080000, 1)
SYSREG_SYS(dc_isw, 0, 7, 6, 2, tsw, 0x2, 1)
SYSREG_SYS(dc_csw, 0, 7, 10, 2, tsw, 0x2, 1)
SYSREG_SYS(dc_cisw, 0, 7, 14, 2, tsw, 0x2, 1)
SYSREG_READ(erridr_el1, 3, 0, 5, 3, 0, terr)
SYSREG_READ(lorid_el1, 3, 0, 10, 4, 7, tlor)
SYSREG_READ(lorc_el1, 3, 0, 10, 4, 3, tlor)
SYSREG_WRITE(lorc_el1, 3, 0, 10, 4, 3, tlor, 0, 1)
SYSREG_READ(apiakeylo_el1, 3, 0, 2, 1, 0, apk)
SYSREG_WRITE(apiakeylo_el1, 3, 0, 2, 1, 0, apk, 0x0123456789abcdef, 1)
SYSREG_READ(apdbkeyhi_el1, 3, 0, 2, 2, 3, apk)
SYSREG_READ(trcidr0, 2, 1, 0, 8, 7, tta)
SYSREG_READ(amcr_el0, 3, 3, 13, 2, 0, tam)
SYSREG_READ(pmsidr_el1, 3, 0, 9, 9, 7, tpms)
SYSREG_READ(trfcr_el1, 3, 0, 1, 2, 1, ttrf)
SYSREG_WRITE(trfcr_el1, 3, 0, 1, 2, 1, ttrf, 0, 1)
SYSREG_READ(ccsidr_el1, 3, 1, 0, 0, 0, tid4)
SYSREG_READ(clidr_el1, 3, 1, 0, 0, 1, tid4)
SYSREG_READ(csselr_el1, 3, 2, 0, 0, 0, tid4)
SYSREG_WRITE(csselr_el1, 3, 2, 0, 0, 0, tid4, 0, 1)
SYSREG_SYS(ic_ialluis, 0, 7, 1, 0, ticab, 0, 0)
SYSREG_SYS(ic_iallu, 0, 7, 5, 0, tocu, 0, 0)
SYSREG_SYS(ic_ivau, 3, 7, 5, 1, tocu, 0x40080000, 1)
SYSREG_SYS(dc_cvau, 3, 7, 11, 1, tocu, 0x40080000, 1)
SYSREG_SYS(tlbi_vmalle1is, 0, 8, 3, 0, ttlbis, 0, 0)
SYSREG_SYS(tlbi_vae1is, 0, 8, 3, 1, ttlbis, 0x40080, 1)
SYSREG_SYS(tlbi_vmalle1os, 0, 8, 1, 0, ttlbos, 0, 0)
SYSREG_SYS(tlbi_vae1os, 0, 8, 1, 1, ttlbos, 0x40080, 1)
