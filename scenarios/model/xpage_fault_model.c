/* SPDX-License-Identifier: MIT */
/* The faults a page-crossing access may report (see xpage_fault_model.h). */
#include "xpage_fault_model.h"

#define PAGE_SIZE_4K 4096ULL
#define DFSC_ALIGN   0x21u /* Alignment fault */
#define DFSC_PERM_L3 0x0fu /* Permission fault, level 3 */

unsigned xpage_s1_fsc(const struct xpage_page *p, bool el0)
{
	if (p->s1_device) {
		return DFSC_ALIGN;
	}
	return el0 && !p->s1_el0_read ? DFSC_PERM_L3 : 0;
}

/* The outcome of part @n alone: its stage-1 fault, else its stage-2 fault, else DONE. */
static struct xpage_outcome part_outcome(const struct xpage_access *a, unsigned n)
{
	const struct xpage_page *p = &a->page[n];
	unsigned s1 = xpage_s1_fsc(p, a->el0);

	if (s1) {
		return (struct xpage_outcome){.to = XPAGE_EL1, .fsc = s1};
	}
	if (p->s2_fsc) {
		return (struct xpage_outcome){
			.to = XPAGE_EL2, .fsc = p->s2_fsc, .hpfar_ipa = p->ipa};
	}
	return (struct xpage_outcome){.to = XPAGE_DONE};
}

/* The bytes of part @n: [*lo, *hi). */
static void part_range(const struct xpage_access *a, unsigned n, uint64_t *lo, uint64_t *hi)
{
	uint64_t boundary = (a->va | (PAGE_SIZE_4K - 1)) + 1;

	*lo = n ? boundary : a->va;
	*hi = n ? a->va + a->size : boundary;
}

static bool matches(const struct xpage_access *a, unsigned n, const struct xpage_outcome *seen)
{
	struct xpage_outcome want = part_outcome(a, n);
	uint64_t lo, hi;

	part_range(a, n, &lo, &hi);
	if (want.to != seen->to || want.fsc != seen->fsc || seen->far < lo || seen->far >= hi) {
		return false;
	}
	return want.to != XPAGE_EL2 || seen->hpfar_ipa == want.hpfar_ipa;
}

bool xpage_permitted(const struct xpage_access *a, const struct xpage_outcome *seen,
		     const char **why)
{
	bool any_fault = false;

	for (unsigned n = 0; n < 2; n++) {
		if (part_outcome(a, n).to == XPAGE_DONE) {
			continue;
		}
		any_fault = true;
		if (matches(a, n, seen)) {
			return true;
		}
	}
	if (!any_fault) {
		*why = "no part of the access faults: it must complete";
		return seen->to == XPAGE_DONE;
	}
	if (seen->to == XPAGE_DONE) {
		*why = "a part of the access faults: it cannot complete";
	} else if (seen->to == XPAGE_EL2) {
		*why = "no part with this stage-2 fault, FAR and HPFAR: a part with a stage-1 "
		       "fault "
		       "cannot report its stage 2";
	} else {
		*why = "no part with this stage-1 fault at this FAR";
	}
	return false;
}

uint64_t xpage_esr_el1(bool from_el0, unsigned fsc)
{
	uint64_t ec = from_el0 ? 0x24 : 0x25;

	return ec << 26 | 1ULL << 25 | (fsc & 0x3f);
}
