/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/xpage_fault_model.c, against cases worked by hand from the
 * Arm ARM pseudocode (stage 1 before stage 2 for each byte's access, the Device alignment
 * check before the permission check, either part of a split access may fault first) and the
 * ESR encodings (EC 0x24/0x25, IL, DFSC 0b100001 Alignment, 0b001111 Permission level 3).
 */
#include "unit.h"
#include "xpage_fault_model.h"

#define VA   0x80000ffcULL /* 4 bytes in the low page, 4 in the high one */
#define IPA0 0x40100000ULL
#define IPA1 0x40101000ULL
#define TR3  0x07u /* stage-2 Translation fault, level 3 */

static const struct xpage_page dev_unmapped0 = {.s1_device = true, .ipa = IPA0, .s2_fsc = TR3};
static const struct xpage_page dev_unmapped1 = {.s1_device = true, .ipa = IPA1, .s2_fsc = TR3};
static const struct xpage_page dev_mapped0 = {.s1_device = true, .ipa = IPA0};
static const struct xpage_page normal_mapped0 = {.s1_el0_read = true, .ipa = IPA0};
static const struct xpage_page normal_unmapped1 = {.s1_el0_read = true, .ipa = IPA1, .s2_fsc = TR3};
static const struct xpage_page el1only_unmapped0 = {.ipa = IPA0, .s2_fsc = TR3};
static const struct xpage_page el1only_unmapped1 = {.ipa = IPA1, .s2_fsc = TR3};

static bool ok(const struct xpage_access *a, enum xpage_to to, unsigned fsc, uint64_t far,
	       uint64_t hpfar)
{
	const char *why = "";
	struct xpage_outcome o = {.to = to, .fsc = fsc, .far = far, .hpfar_ipa = hpfar};

	return xpage_permitted(a, &o, &why);
}

int main(void)
{
	struct xpage_access both_dev = {VA, 8, false, {dev_unmapped0, dev_unmapped1}};

	unit_eq_u64(xpage_s1_fsc(&dev_unmapped0, false), 0x21, "Device, unaligned: Alignment");
	unit_eq_u64(xpage_s1_fsc(&el1only_unmapped0, true), 0x0f,
		    "EL0 read, AP[1] = 0: Permission L3");
	unit_eq_u64(xpage_s1_fsc(&el1only_unmapped0, false), 0, "EL1 read, AP[1] = 0: no fault");
	unit_eq_u64(xpage_s1_fsc(&(struct xpage_page){.s1_device = true}, true), 0x21,
		    "EL0, Device and AP[1] = 0: Alignment comes first");

	unit_ok(ok(&both_dev, XPAGE_EL1, 0x21, VA, 0), "both Device: Alignment at the first byte");
	unit_ok(ok(&both_dev, XPAGE_EL1, 0x21, VA + 4, 0), "... or in the high page's part");
	unit_ok(!ok(&both_dev, XPAGE_EL2, TR3, VA + 4, IPA1),
		"both Device: a stage-2 fault is never permitted (erratum 834220)");
	unit_ok(!ok(&both_dev, XPAGE_EL2, TR3, VA, IPA0), "... for either page");
	unit_ok(!ok(&both_dev, XPAGE_DONE, 0, 0, 0), "a faulting access does not complete");
	unit_ok(!ok(&both_dev, XPAGE_EL1, 0x21, VA + 8, 0), "FAR beyond the access");
	unit_ok(!ok(&both_dev, XPAGE_EL1, 0x21, VA - 1, 0), "FAR below the access");
	unit_ok(!ok(&both_dev, XPAGE_EL1, 0x07, VA, 0), "a Translation fault at EL1 is wrong");

	struct xpage_access lo_dev = {VA, 8, false, {dev_mapped0, normal_unmapped1}};

	unit_ok(ok(&lo_dev, XPAGE_EL1, 0x21, VA + 3, 0), "low Device: its Alignment fault");
	unit_ok(!ok(&lo_dev, XPAGE_EL1, 0x21, VA + 4, 0), "... at an address of the low part only");
	unit_ok(ok(&lo_dev, XPAGE_EL2, TR3, VA + 4, IPA1), "or the high page's stage-2 fault");
	unit_ok(!ok(&lo_dev, XPAGE_EL2, TR3, VA + 4, IPA0), "... whose HPFAR is the high page");
	unit_ok(!ok(&lo_dev, XPAGE_EL2, TR3, VA, IPA1), "... and FAR in the high page");
	unit_ok(!ok(&lo_dev, XPAGE_EL2, 0x06, VA + 4, IPA1), "... at the walk's level");

	struct xpage_access el0_both = {VA, 8, true, {el1only_unmapped0, el1only_unmapped1}};

	unit_ok(ok(&el0_both, XPAGE_EL1, 0x0f, VA + 7, 0), "EL0, both EL1-only: Permission");
	unit_ok(!ok(&el0_both, XPAGE_EL2, TR3, VA + 4, IPA1), "... never stage 2 (834220)");

	struct xpage_access el1_both = el0_both;

	el1_both.el0 = false;
	unit_ok(ok(&el1_both, XPAGE_EL2, TR3, VA, IPA0), "EL1 may read them: stage 2 of page 0");
	unit_ok(ok(&el1_both, XPAGE_EL2, TR3, VA + 5, IPA1), "... or of page 1");

	struct xpage_access clean = {VA, 8, true, {normal_mapped0, normal_mapped0}};

	clean.page[1].ipa = IPA1;
	unit_ok(ok(&clean, XPAGE_DONE, 0, 0, 0), "no fault anywhere: the load completes");
	unit_ok(!ok(&clean, XPAGE_EL2, TR3, VA + 4, IPA1), "... and nothing faults");

	unit_eq_u64(xpage_esr_el1(false, 0x21), 0x96000021, "ESR_EL1: Alignment from EL1");
	unit_eq_u64(xpage_esr_el1(true, 0x0f), 0x9200000f, "ESR_EL1: Permission L3 from EL0");
	return unit_done();
}
