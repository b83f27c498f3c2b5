/* SPDX-License-Identifier: MIT */
/* Constants shared by assembly files. */
#ifndef ARCH_ASM_H
#define ARCH_ASM_H

#define R_AARCH64_RELATIVE 1027

/* SCTLR_EL2 at entry: RES1 bits only (MMU, caches, alignment checks off). */
#define SCTLR_EL2_BOOT 0x30C50830

/* HCR_EL2 at entry (and between guest runs): RW = 1 (EL1 is AArch64), E2H = TGE = 0. */
#define HCR_EL2_BOOT 0x80000000

/* ICC_SRE_EL2 at entry: SRE, DFB, DIB, Enable (EL1 may use its own ICC_SRE_EL1). */
#define ICC_SRE_EL2_BOOT 0xf

/* CPTR_EL2 while the harness runs at EL2: RES1 bits only, nothing trapped. */
#define CPTR_EL2_HOST 0x32ff

#endif
