/* SPDX-License-Identifier: MIT */
/* What firmware left in the EL2 registers (kernel/include/fw_state.h), as the header prints it. */
#include <stdio.h>

#include "fw_state.h"

/*
 * Written by head.S with the MMU off, before .bss is cleared: so in .data, on cache lines of its
 * own (64-byte aligned, 96 bytes) that head.S invalidates afterwards.
 */
uint64_t boot_fw_state[FW_STATE_COUNT + 1]
	__attribute__((aligned(64), section(".data.boot_fw_state")));
static const char *const fw_state_names[FW_STATE_COUNT] = {
	[FW_STATE_SCTLR_EL2] = "sctlr_el2",	[FW_STATE_HCR_EL2] = "hcr_el2",
	[FW_STATE_CPTR_EL2] = "cptr_el2",	[FW_STATE_MDCR_EL2] = "mdcr_el2",
	[FW_STATE_CNTHCTL_EL2] = "cnthctl_el2", [FW_STATE_CNTVOFF_EL2] = "cntvoff_el2",
	[FW_STATE_HSTR_EL2] = "hstr_el2",	[FW_STATE_VTTBR_EL2] = "vttbr_el2",
	[FW_STATE_ZCR_EL2] = "zcr_el2",		[FW_STATE_ICC_SRE_EL2] = "icc_sre_el2",
	[FW_STATE_ICH_HCR_EL2] = "ich_hcr_el2",
};

void fw_state_describe(char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < FW_STATE_COUNT && n < size; i++) {
		if (boot_fw_state[FW_STATE_VALID] & (1ull << i)) {
			int w = snprintf(buf + n, size - n, "%s%s=0x%llx", n ? " " : "",
					 fw_state_names[i], (unsigned long long)boot_fw_state[i]);

			n += w > 0 ? (size_t)w : 0;
		}
	}
}
