/* SPDX-License-Identifier: MIT */
#ifndef VMM_MMIO_H
#define VMM_MMIO_H

#include <stdbool.h>
#include <stdint.h>

#include "vmm.h"

/** An access decoded from a data abort's instruction syndrome. */
struct mmio_access {
	uint64_t ipa;
	unsigned size_log2;
	bool sign_extend;
	unsigned rt;
	bool sf;
	bool is_write;
};

/** Decode @e (EC 0x24 with ISV = 1). Return: 0, or -1 when there is no valid syndrome. */
int mmio_decode(const struct exit *e, struct mmio_access *a);
/** Data a trapped store writes: Rt truncated to the access size (XZR reads as 0). */
uint64_t mmio_store_data(const struct vcpu *v, const struct mmio_access *a);
/** Complete a trapped load with @data (extension per SSE and SF). The caller skips the insn. */
void mmio_complete_load(struct vcpu *v, const struct mmio_access *a, uint64_t data);

uint64_t vcpu_reg_read(const struct vcpu *v, unsigned rt);
void vcpu_reg_write(struct vcpu *v, unsigned rt, uint64_t value);

#endif
