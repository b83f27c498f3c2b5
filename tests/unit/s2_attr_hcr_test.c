/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the HCR_EL2.DC/CD/ID part of scenarios/model/s2_attr_model.c, vectors checked by
 * hand from the Arm ARM (DDI 0487):
 * - HCR_EL2.DC: "the PE behaves as if the value of the SCTLR_EL1.M field is 0 ... The memory
 *   type produced by stage 1 of the EL1&0 translation regime is Normal Non-Shareable, Inner
 *   Write-Back Read-Allocate Write-Allocate, Outer Write-Back Read-Allocate Write-Allocate"
 *   (AArch64.S1Enabled(), AArch64.S1DisabledOutput() with walkparams.dc = 1).
 * - HCR_EL2.CD: "Forces all stage 2 translations for data accesses and translation table walks
 *   to Normal memory to be Non-cacheable" (AArch64.S2Translate(): !S2DCacheEnabled() gives
 *   NormalNCMemAttr() for a Normal walkstate.memattrs of any access but IFETCH, then
 *   S2CombineS1MemAttrs() with FWB = 0, or that result itself with FWB = 1).
 * - HCR_EL2.ID: the same for AccessType_IFETCH only, so AT (AccessType_AT) is unaffected.
 */
#include "s2_attr_model.h"
#include "unit.h"

#define NSH 0
#define OSH 2
#define ISH 3

#define S1(mair_, sh_) ((struct s1_input){.mair_attr = (mair_), .sh = (sh_)})
#define S1_OFF	       ((struct s1_input){.off = true})
#define DC	       ((struct hcr_attr_ctl){.dc = true})
#define CD	       ((struct hcr_attr_ctl){.cd = true})
#define ID	       ((struct hcr_attr_ctl){.id = true})
#define DC_CD	       ((struct hcr_attr_ctl){.dc = true, .cd = true})

static void expect(struct s1_input s1, unsigned memattr, unsigned sh2, bool fwb,
		   struct hcr_attr_ctl hcr, uint8_t attr, unsigned sh, const char *what)
{
	struct par_attrs_expect e;

	unit_ok(s2_par_attrs_expect_hcr(&s1, memattr, sh2, fwb, false, hcr, &e), "%s: modelled",
		what);
	unit_ok(e.n == 1 && e.v[0].attr == attr && e.v[0].sh == sh,
		"%s: ATTR 0x%02x SH %u (got n %u, 0x%02x, %u)", what, attr, sh, e.n, e.v[0].attr,
		e.v[0].sh);
}

int main(void)
{
	struct mem_attrs d = s1_default_cacheability_attrs();

	unit_ok(d.memtype == MEMTYPE_NORMAL && d.inner.attrs == MEMATTR_WB &&
			d.outer.attrs == MEMATTR_WB && d.inner.hints == 3 && !d.inner.transient &&
			d.shareability == SHAREABILITY_NSH,
		"DC default: Normal iWB-oWB RWA non-transient, Non-shareable");
	unit_eq_u64(par_encode_attrs(&d), 0xff, "DC default encodes as MAIR 0xff");

	/* DC: stage 1 off or on, the stage-1 result is WB-RWA NSH; stage 2 still combines. */
	expect(S1_OFF, 0xf, NSH, false, DC, 0xff, NSH, "DC, s1 off x WB NSH: WB NSH");
	expect(S1(0x00, OSH), 0xf, ISH, false, DC, 0xff, ISH,
	       "DC, s1 Device-nGnRnE with M = 1 x WB ISH: stage 1 ignored, WB ISH");
	expect(S1(0x44, NSH), 0xf, NSH, false, DC, 0xff, NSH, "DC, s1 NC ignored x WB: WB");
	expect(S1_OFF, 0x1, NSH, false, DC, 0x04, OSH, "DC x Device-nGnRE: stage 2 Device");
	expect(S1_OFF, 0xa, OSH, false, DC, 0xbb, OSH, "DC x WT: WT with DC's RWA hints");
	expect(S1_OFF, 0x5, ISH, false, DC, 0x44, OSH, "DC x NC: NC, Outer Shareable");
	expect(S1_OFF, 0xd, NSH, false, DC, 0xf4, NSH, "DC x oWB-iNC");
	/* CD: a Normal stage 2 is NC (OSH); Device at either stage is unchanged. */
	expect(S1(0xff, ISH), 0xf, NSH, false, CD, 0x44, OSH, "CD, WB x WB: NC, OSH");
	expect(S1(0xaa, NSH), 0xa, NSH, false, CD, 0x44, OSH, "CD, WT x WT: NC");
	expect(S1(0x08, OSH), 0xf, ISH, false, CD, 0x08, OSH, "CD, nGRE x WB: stage 1's nGRE");
	expect(S1(0xff, ISH), 0x3, ISH, false, CD, 0x0c, OSH, "CD, WB x GRE: stage 2's GRE");
	expect(S1_OFF, 0xf, ISH, false, CD, 0x00, OSH, "CD, s1 off x WB: nGnRnE");
	expect(S1_OFF, 0xf, NSH, false, DC_CD, 0x44, OSH, "DC and CD x WB: NC");
	expect(S1(0xff, ISH), 0xc, ISH, false, CD, 0x44, OSH,
	       "CD x 0xc (reserved inner half): NC whatever the choice, one value");
	/* ID: instruction fetches only; AT reports the data attributes, unchanged. */
	expect(S1(0xff, ISH), 0xf, NSH, false, ID, 0xff, ISH, "ID, WB x WB: unchanged for AT");
	expect(S1(0xff, ISH), 0xa, NSH, false, ID, 0xbb, ISH, "ID, WB x WT: unchanged for AT");
	/* FWB = 1: CD applies to the FWB result when it is Normal; DC feeds the FWB rules. */
	expect(S1(0xff, ISH), 0x6, NSH, true, CD, 0x44, OSH, "FWB 0b110 with CD: NC");
	expect(S1(0xff, ISH), 0x7, NSH, true, CD, 0x44, OSH, "FWB 0b111 (stage 1 WB) with CD: NC");
	expect(S1(0x04, OSH), 0x7, NSH, true, CD, 0x04, OSH,
	       "FWB 0b111 (stage 1 nGnRE) with CD: Device stays");
	expect(S1(0xff, ISH), 0x1, NSH, true, CD, 0x04, OSH, "FWB 0b001 with CD: nGnRE");
	expect(S1_OFF, 0x7, NSH, true, DC, 0xff, NSH, "FWB 0b111 with DC: DC's WB NSH");
	expect(S1_OFF, 0x6, ISH, true, DC, 0xff, ISH, "FWB 0b110 with DC: WB, ISH");
	expect(S1_OFF, 0x5, NSH, true, DC, 0x44, OSH, "FWB 0b101 with DC: NC");
	/* Unaligned loads: with DC the stage-1 type is Normal, so only stage 2 Device faults. */
	struct s1_input off = S1_OFF, dev = S1(0x00, OSH);

	unit_ok(s2_unaligned_load_outcome_hcr(&off, 0xf, DC) == ALIGN_NO_FAULT,
		"DC, stage 1 off over WB: no Alignment fault (Normal, not Device)");
	unit_ok(s2_unaligned_load_outcome_hcr(&dev, 0xf, DC) == ALIGN_NO_FAULT,
		"DC, stage 1 Device-nGnRnE with M = 1 over WB: no fault (stage 1 ignored)");
	unit_ok(s2_unaligned_load_outcome_hcr(&off, 0x0, DC) == ALIGN_FAULT_STAGE2,
		"DC over stage 2 Device: stage-2 Alignment fault");
	unit_ok(s2_unaligned_load_outcome_hcr(&off, 0xf, CD) == ALIGN_FAULT_STAGE1,
		"CD only, stage 1 off: still Device at stage 1");
	unit_ok(s2_unaligned_load_outcome_hcr(&off, 0xf, (struct hcr_attr_ctl){0}) ==
			ALIGN_FAULT_STAGE1,
		"no DC, stage 1 off: stage-1 Alignment fault");
	return unit_done();
}
