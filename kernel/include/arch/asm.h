/* SPDX-License-Identifier: MIT */
/* Constants shared by assembly files. */
#ifndef ARCH_ASM_H
#define ARCH_ASM_H

#define R_AARCH64_RELATIVE 1027

/* SCTLR_EL2 at entry: RES1 bits only (MMU, caches, alignment checks off). */
#define SCTLR_EL2_BOOT 0x30C50830

/* CPTR_EL2 while the harness runs at EL2: RES1 bits only, nothing trapped. */
#define CPTR_EL2_HOST 0x32ff

#endif
