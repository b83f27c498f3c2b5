/* SPDX-License-Identifier: MIT */
/* The GICv4.0 direct-injection oracle (vlpi_model.h). */
#include "vlpi_model.h"

#define VMCR_VENG1 (1ULL << 1)

uint8_t vlpi_priority(const struct vlpi_case *v)
{
	unsigned bits = v->pri_bits > 8 ? 8 : v->pri_bits;
	uint8_t implemented = (uint8_t)(0xff00u >> bits);

	/* LPI priority is config[7:2], with bits [1:0] of the priority value 0. */
	return (uint8_t)(v->config & 0xfc & implemented);
}

/* HighestPriorityVirtualInterrupt(): pending, resident, enabled, in an enabled group. */
static bool vlpi_highest_pending(const struct vlpi_case *v)
{
	return v->pending && v->resident && (v->config & 1) && (v->vmcr & VMCR_VENG1);
}

bool vlpi_deliverable(const struct vlpi_case *v)
{
	uint8_t pmr = (uint8_t)(v->vmcr >> 24);

	return vlpi_highest_pending(v) && vlpi_priority(v) < pmr;
}

uint32_t vlpi_hppir1(const struct vlpi_case *v)
{
	return vlpi_highest_pending(v) ? v->vintid : VLPI_SPURIOUS;
}

uint32_t vlpi_iar1(const struct vlpi_case *v)
{
	return vlpi_deliverable(v) ? v->vintid : VLPI_SPURIOUS;
}
