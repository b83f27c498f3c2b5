/* SPDX-License-Identifier: MIT */
/*
 * The EL2 state firmware left: head.S records it on the boot CPU before el2_reset_state
 * overwrites it, and the header prints it ("# firmware left: ..."), so a bring-up engineer sees
 * what their loader hands over and the hostile pre-loader's test sees its values arrive.
 * Indices into boot_fw_state[], shared by head.S and C.
 */
#ifndef FW_STATE_H
#define FW_STATE_H

#define FW_STATE_SCTLR_EL2   0
#define FW_STATE_HCR_EL2     1
#define FW_STATE_CPTR_EL2    2
#define FW_STATE_MDCR_EL2    3
#define FW_STATE_CNTHCTL_EL2 4
#define FW_STATE_CNTVOFF_EL2 5
#define FW_STATE_HSTR_EL2    6
#define FW_STATE_VTTBR_EL2   7
#define FW_STATE_ZCR_EL2     8	/* with FEAT_SVE */
#define FW_STATE_ICC_SRE_EL2 9	/* with the GICv3 system registers */
#define FW_STATE_ICH_HCR_EL2 10 /* when ICC_SRE_EL2.SRE sticks */
#define FW_STATE_COUNT	     11
/* boot_fw_state[FW_STATE_COUNT]: bit i set when entry i was read. */
#define FW_STATE_VALID FW_STATE_COUNT
/* Entries 0-7 are always read. */
#define FW_STATE_VALID_ALWAYS 0xff

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

extern uint64_t boot_fw_state[FW_STATE_COUNT + 1];

/** fw_state_describe() - "sctlr_el2=0x... hcr_el2=0x... ..." for every entry read. */
void fw_state_describe(char *buf, size_t size);
#endif

#endif
