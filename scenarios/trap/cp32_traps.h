/* SPDX-License-Identifier: MIT */
/*
 * The AArch32 coprocessor trap table: one row per (register, access, trap control) for an
 * AArch32 EL1 guest. Included by the C scenario (scenarios/trap/aarch32_cp.c), which expands
 * rows into instances, AND by the AArch32 guest (guest32/cp.S), which expands the same rows
 * into one A32/T32 payload per transfer-register variant. Adding a trapped register is one row.
 *
 * CP_READ(name, cp, opc1, crn, crm, opc2, control, a64, map)        MRC  (EC 0x03 / 0x05)
 * CP_WRITE(name, cp, opc1, crn, crm, opc2, control, value, a64, map) MCR (EC 0x03 / 0x05)
 * CP_READ64(name, cp, opc1, crm, control, a64, map)                 MRRC (EC 0x04 / 0x0C)
 * CP_WRITE64(name, cp, opc1, crm, control, lo, hi, a64, map)        MCRR (EC 0x04 / 0x0C)
 * VMRS_READ(name, reg, regnum, control, a64, map)                   VMRS (EC 0x08)
 * CP_OP(name, cp, opc1, crn, crm, opc2, control, value)             MCR of a maintenance
 *            instruction (TLB, cache); no register to read back: completing is its effect
 *   cp:      14 or 15 (the coprocessor; VMRS is cp10)
 *   a64:     (op0, op1, crn, crm, op2) of the AArch64 register the AArch32 one is
 *            architecturally mapped to, read by the vmm after the run to check what an
 *            untrapped access saw or did
 *   map:     which part of that register: LO (bits [31:0]), HI (bits [63:32]), ALL (64-bit
 *            accesses), or NONE (no AArch64 view: IMPLEMENTATION DEFINED or constant
 *            registers; only "executes at EL1, no exit" is checked, and a64 is unused)
 *   value:   what the guest writes; 0 = the value the register holds (the guest reads it
 *            first, for registers where another value could change behaviour)
 *   reg:     the VMRS register name; regnum: its encoding in the instruction's reg field
 *
 * Controls: HCR_EL2.TID0 (FPSID, JIDR), TID1 (AIDR, REVIDR, TCMTR, TLBTR), TID2 (cache ID),
 * TID3 (the AArch32 ID registers, MVFRx through VMRS), TACR (ACTLR), TVM (writes) and TRVM
 * (reads) of the stage-1 virtual memory controls; MDCR_EL2.TDA (debug registers), TDOSA
 * (OS lock), TDRA (debug ROM address); HCR_EL2.TTLB (TLB maintenance), TPU (cache
 * maintenance to the PoU), TPCP (to the PoC; TPC in AArch32 terms), TSW (by set/way). Values
 * of maintenance operations: an address in guest RAM, or set/way 0 of level 1. Encodings: Arm ARM
 * "AArch32 System register encodings" (coproc, opc1, CRn, CRm, opc2).
 */

CP_READ(id_pfr0, 15, 0, 0, 1, 0, tid3, (3, 0, 0, 1, 0), LO)
CP_READ(id_pfr1, 15, 0, 0, 1, 1, tid3, (3, 0, 0, 1, 1), LO)
CP_READ(id_dfr0, 15, 0, 0, 1, 2, tid3, (3, 0, 0, 1, 2), LO)
CP_READ(id_afr0, 15, 0, 0, 1, 3, tid3, (3, 0, 0, 1, 3), LO)
CP_READ(id_mmfr0, 15, 0, 0, 1, 4, tid3, (3, 0, 0, 1, 4), LO)
CP_READ(id_mmfr3, 15, 0, 0, 1, 7, tid3, (3, 0, 0, 1, 7), LO)
CP_READ(id_isar0, 15, 0, 0, 2, 0, tid3, (3, 0, 0, 2, 0), LO)
CP_READ(id_isar5, 15, 0, 0, 2, 5, tid3, (3, 0, 0, 2, 5), LO)
CP_READ(id_mmfr4, 15, 0, 0, 2, 6, tid3, (3, 0, 0, 2, 6), LO)
VMRS_READ(mvfr0, mvfr0, 7, tid3, (3, 0, 0, 3, 0), LO)
VMRS_READ(mvfr1, mvfr1, 6, tid3, (3, 0, 0, 3, 1), LO)
VMRS_READ(mvfr2, mvfr2, 5, tid3, (3, 0, 0, 3, 2), LO)
VMRS_READ(fpsid, fpsid, 0, tid0, (3, 0, 0, 0, 0), NONE)
CP_READ(jidr, 14, 7, 0, 0, 0, tid0, (3, 0, 0, 0, 0), NONE)
CP_READ(aidr, 15, 1, 0, 0, 7, tid1, (3, 1, 0, 0, 7), LO)
CP_READ(revidr, 15, 0, 0, 0, 6, tid1, (3, 0, 0, 0, 6), LO)
CP_READ(tcmtr, 15, 0, 0, 0, 2, tid1, (3, 0, 0, 0, 0), NONE)
CP_READ(tlbtr, 15, 0, 0, 0, 3, tid1, (3, 0, 0, 0, 0), NONE)
CP_READ(ctr, 15, 0, 0, 0, 1, tid2, (3, 3, 0, 0, 1), LO)
CP_READ(clidr, 15, 1, 0, 0, 1, tid2, (3, 1, 0, 0, 1), LO)
CP_READ(ccsidr, 15, 1, 0, 0, 0, tid2, (3, 1, 0, 0, 0), LO)
CP_READ(csselr, 15, 2, 0, 0, 0, tid2, (3, 2, 0, 0, 0), LO)
CP_READ(actlr, 15, 0, 1, 0, 1, tacr, (3, 0, 1, 0, 1), LO)
CP_READ(sctlr, 15, 0, 1, 0, 0, trvm, (3, 0, 1, 0, 0), LO)
CP_WRITE(sctlr, 15, 0, 1, 0, 0, tvm, 0, (3, 0, 1, 0, 0), LO)
CP_READ(ttbr0, 15, 0, 2, 0, 0, trvm, (3, 0, 2, 0, 0), LO)
CP_WRITE(ttbr0, 15, 0, 2, 0, 0, tvm, 0x40004000, (3, 0, 2, 0, 0), LO)
CP_READ(ttbr1, 15, 0, 2, 0, 1, trvm, (3, 0, 2, 0, 1), LO)
CP_WRITE(ttbr1, 15, 0, 2, 0, 1, tvm, 0x40008000, (3, 0, 2, 0, 1), LO)
CP_READ(ttbcr, 15, 0, 2, 0, 2, trvm, (3, 0, 2, 0, 2), LO)
CP_WRITE(ttbcr, 15, 0, 2, 0, 2, tvm, 0x00000002, (3, 0, 2, 0, 2), LO)
CP_READ(dacr, 15, 0, 3, 0, 0, trvm, (3, 4, 3, 0, 0), LO)
CP_WRITE(dacr, 15, 0, 3, 0, 0, tvm, 0x55555555, (3, 4, 3, 0, 0), LO)
CP_READ(dfsr, 15, 0, 5, 0, 0, trvm, (3, 0, 5, 2, 0), LO)
CP_WRITE(dfsr, 15, 0, 5, 0, 0, tvm, 0x00000805, (3, 0, 5, 2, 0), LO)
CP_READ(ifsr, 15, 0, 5, 0, 1, trvm, (3, 4, 5, 0, 1), LO)
CP_WRITE(ifsr, 15, 0, 5, 0, 1, tvm, 0x00000005, (3, 4, 5, 0, 1), LO)
CP_READ(adfsr, 15, 0, 5, 1, 0, trvm, (3, 0, 5, 1, 0), LO)
CP_READ(aifsr, 15, 0, 5, 1, 1, trvm, (3, 0, 5, 1, 1), LO)
CP_READ(dfar, 15, 0, 6, 0, 0, trvm, (3, 0, 6, 0, 0), LO)
CP_WRITE(dfar, 15, 0, 6, 0, 0, tvm, 0x12345678, (3, 0, 6, 0, 0), LO)
CP_READ(ifar, 15, 0, 6, 0, 2, trvm, (3, 0, 6, 0, 0), HI)
CP_WRITE(ifar, 15, 0, 6, 0, 2, tvm, 0x9abcdef0, (3, 0, 6, 0, 0), HI)
CP_READ(prrr, 15, 0, 10, 2, 0, trvm, (3, 0, 10, 2, 0), LO)
CP_WRITE(prrr, 15, 0, 10, 2, 0, tvm, 0xff0a81a8, (3, 0, 10, 2, 0), LO)
CP_READ(nmrr, 15, 0, 10, 2, 1, trvm, (3, 0, 10, 2, 0), HI)
CP_WRITE(nmrr, 15, 0, 10, 2, 1, tvm, 0x40e040e0, (3, 0, 10, 2, 0), HI)
CP_READ(amair0, 15, 0, 10, 3, 0, trvm, (3, 0, 10, 3, 0), LO)
CP_READ(amair1, 15, 0, 10, 3, 1, trvm, (3, 0, 10, 3, 0), HI)
CP_READ(contextidr, 15, 0, 13, 0, 1, trvm, (3, 0, 13, 0, 1), LO)
CP_WRITE(contextidr, 15, 0, 13, 0, 1, tvm, 0x1234abcd, (3, 0, 13, 0, 1), LO)
CP_READ64(ttbr0, 15, 0, 2, trvm, (3, 0, 2, 0, 0), ALL)
CP_WRITE64(ttbr0, 15, 0, 2, tvm, 0x40004000, 0x00010000, (3, 0, 2, 0, 0), ALL)
CP_READ64(ttbr1, 15, 1, 2, trvm, (3, 0, 2, 0, 1), ALL)
CP_WRITE64(ttbr1, 15, 1, 2, tvm, 0x40008000, 0x00020000, (3, 0, 2, 0, 1), ALL)
CP_READ(dbgdscrext, 14, 0, 0, 2, 2, tda, (2, 0, 0, 2, 2), LO)
CP_READ(dbgbvr0, 14, 0, 0, 0, 4, tda, (2, 0, 0, 0, 4), LO)
CP_WRITE(dbgbvr0, 14, 0, 0, 0, 4, tda, 0x40000100, (2, 0, 0, 0, 4), LO)
CP_READ(dbgbcr0, 14, 0, 0, 0, 5, tda, (2, 0, 0, 0, 5), LO)
CP_READ(dbgwvr0, 14, 0, 0, 0, 6, tda, (2, 0, 0, 0, 6), LO)
CP_READ(dbgoslsr, 14, 0, 1, 1, 4, tdosa, (2, 0, 1, 1, 4), LO)
CP_READ(dbgosdlr, 14, 0, 1, 3, 4, tdosa, (2, 0, 1, 3, 4), LO)
CP_READ(dbgdrar, 14, 0, 1, 0, 0, tdra, (2, 0, 1, 0, 0), LO)
CP_READ(dbgdsar, 14, 0, 2, 0, 0, tdra, (3, 0, 0, 0, 0), NONE)
CP_READ64(dbgdrar, 14, 0, 1, tdra, (2, 0, 1, 0, 0), ALL)
CP_READ64(dbgdsar, 14, 0, 2, tdra, (3, 0, 0, 0, 0), NONE)
CP_OP(tlbiall, 15, 0, 8, 7, 0, ttlb, 0)
CP_OP(tlbimva, 15, 0, 8, 7, 1, ttlb, 0x40080000)
CP_OP(iciallu, 15, 0, 7, 5, 0, tpu, 0)
CP_OP(icimvau, 15, 0, 7, 5, 1, tpu, 0x40080000)
CP_OP(dccmvac, 15, 0, 7, 10, 1, tpcp, 0x40080000)
CP_OP(dcimvac, 15, 0, 7, 6, 1, tpcp, 0x40080000)
CP_OP(dcisw, 15, 0, 7, 6, 2, tsw, 0)
CP_OP(dccisw, 15, 0, 7, 14, 2, tsw, 0)
