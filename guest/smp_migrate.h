/* SPDX-License-Identifier: MIT */
/*
 * The contract of the smp.migrate.* payloads (guest/smp_migrate.S) with scenarios/smp/migrate_*.c:
 * the EL1 register table (one line per register, expanded into the payload's writes and reads
 * and into the scenario's rows), the GPR dump layout and the timer payload's registers.
 */
#ifndef GUEST_SMP_MIGRATE_H
#define GUEST_SMP_MIGRATE_H

/*
 * X(index, register, subject value, poison value, strict mask): the migrating vCPU writes the
 * subject value, a vCPU of another VM the poison value on the PE it moves to, so a register the
 * vmm does not switch shows the poison. Bits in the strict mask are architected read/write in
 * Armv8.0 (they must read back as written before the move); the rest only has to be the same
 * after the move as before it (RES0/RES1 bits, IMPLEMENTATION DEFINED registers such as
 * AMAIR_EL1, CSSELR_EL1 levels a CPU may not have). Values keep the guest safe with its MMU
 * off: no SCTLR_EL1.M/C/I, no timer or breakpoint enabled, FP/SIMD still usable at EL1.
 * SP_EL1 is not here: EL1 cannot MSR it, the payload moves SP itself (MIGRATE_EL1_SP).
 */
#define MIGRATE_EL1_REGS(X)                                                                        \
	X(0, sctlr_el1, 0x34D5C810, 0x30D00800, 0x0405C010)                                        \
	X(1, tcr_el1, 0x2A5953519, 0x080203510, 0x67FFFFFFF)                                       \
	X(2, ttbr0_el1, 0x00A5000012345000, 0x005A0000000AB000, 0xFFFFFFFFFFFFFFFE)                \
	X(3, ttbr1_el1, 0x003C000076543000, 0x00C3000000CD0000, 0xFFFFFFFFFFFFFFFE)                \
	X(4, mair_el1, 0x0044FF04BBAA0CEE, 0x00FF440400000000, 0xFFFFFFFFFFFFFFFF)                 \
	X(5, amair_el1, 0x0123456789ABCDEF, 0x0000000000000000, 0)                                 \
	X(6, vbar_el1, 0x40080000, 0x40090000, 0xFFFFFFFFFFFFF800)                                 \
	X(7, elr_el1, 0x1122334455667788, 0x8877665544332211, 0xFFFFFFFFFFFFFFFF)                  \
	X(8, spsr_el1, 0xF00003C5, 0x00000004, 0xF00003DF)                                         \
	X(9, esr_el1, 0x96000045, 0x5A000001, 0xFFFFFFFF)                                          \
	X(10, far_el1, 0xFEDCBA9876543210, 0x0123456789ABCDEF, 0xFFFFFFFFFFFFFFFF)                 \
	X(11, par_el1, 0xFF00000012345B80, 0x44000000000A0800, 0xFF0000FFFFFFF380)                 \
	X(12, tpidr_el0, 0x7E57000000000001, 0x0BAD000000000001, 0xFFFFFFFFFFFFFFFF)               \
	X(13, tpidr_el1, 0x7E57000000000002, 0x0BAD000000000002, 0xFFFFFFFFFFFFFFFF)               \
	X(14, tpidrro_el0, 0x7E57000000000003, 0x0BAD000000000003, 0xFFFFFFFFFFFFFFFF)             \
	X(15, contextidr_el1, 0x7E570004, 0x0BAD0004, 0xFFFFFFFF)                                  \
	X(16, sp_el0, 0x7E57000000000005, 0x0BAD000000000005, 0xFFFFFFFFFFFFFFFF)                  \
	X(17, cpacr_el1, 0x00300000, 0x00100000, 0x00300000)                                       \
	X(18, csselr_el1, 0x1, 0x0, 0)                                                             \
	X(19, cntkctl_el1, 0x353, 0x0, 0x3F7)                                                      \
	X(20, cntv_cval_el0, 0x7E57000000000006, 0x0BAD000000000006, 0xFFFFFFFFFFFFFFFF)           \
	X(21, cntp_cval_el0, 0x7E57000000000007, 0x0BAD000000000007, 0xFFFFFFFFFFFFFFFF)           \
	X(22, cntv_ctl_el0, 0x2, 0x0, 0x3)                                                         \
	X(23, cntp_ctl_el0, 0x2, 0x0, 0x3)                                                         \
	X(24, mdscr_el1, 0xB000, 0x0, 0xB000)                                                      \
	X(25, dbgbvr0_el1, 0x0000123456789ABC, 0x0000876543210000, 0x0000FFFFFFFFFFFC)             \
	X(26, dbgbcr0_el1, 0x1E6, 0x0, 0)                                                          \
	X(27, dbgwvr0_el1, 0x0000BA9876543210, 0x0000012345678000, 0x0000FFFFFFFFFFFC)             \
	X(28, dbgwcr0_el1, 0x1FFE, 0x0, 0)

#define MIGRATE_EL1_SP	      29 /* SP_EL1, after the table: subject, poison, strict mask */
#define MIGRATE_EL1_SP_VALUES 0x400F0000, 0x400E0000, 0xFFFFFFFFFFFFFFFF
#define MIGRATE_EL1_SLOTS     30 /* 64-bit slots of each value block (table + SP_EL1) */

/* gp_migrate_gprs: x0..x30 of round r hold base + (r << 32) + n; one dump per round. */
#define MIGRATE_GPR_ROUNDS_MAX 4
#define MIGRATE_GPR_DUMP_SIZE  256 /* bytes per round: x0..x30, 8 each, padded */

#endif
