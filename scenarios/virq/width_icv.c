/* SPDX-License-Identifier: MIT */
/*
 * The guest's view of the GICv3 virtual CPU interface at a fresh vCPU (HCR_EL2.IMO/FMO = 1,
 * ICH_VMCR_EL2 as the vmm loads it, active priorities 0, no list register in use):
 *   virq.width.reset.icv[<reg>]: what each ICV_* register reads before the guest writes anything;
 *   virq.width.icv[<reg>]: which bits hold a value: the guest writes all-ones, then every
 *     field set with the RES0 bits clear, then zero (below the minimum binary point), and
 *     reads back after each; only the fields are compared (a RES0 bit may be stateful);
 *   virq.width.icv[<apr>.undef-r|w]: the active priority registers that ICH_VTR_EL2.PREbits
 *     says are not implemented are UNDEFINED: an MRS and an MSR each take the Undefined
 *     Instruction exception at EL1 (EC 0x00).
 * Expected values: scenarios/model/gic_width_model.c, from ICH_VTR_EL2 and the VMCR the vmm
 * loaded. Payloads: guest/width.S.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "esr_model.h"
#include "gic_width_model.h"
#include "hvc.h"
#include "scenario.h"

enum icv_kind { ICV_READ, ICV_WRITE, ICV_UNDEF_R, ICV_UNDEF_W };

struct icv_row {
	const char *name;
	enum gw_icv reg;
	unsigned n; /* APR index */
	enum icv_kind kind;
	uint64_t payload;
	uint64_t undef_elr; /* ICV_UNDEF_*: the instruction that must UNDEF */
	uint64_t vmcr;	    /* ICH_VMCR_EL2 the vCPU starts with */
};

#define READ_ROW(r, reg, n, vmcr)                                                                  \
	{                                                                                          \
		"[" #r "]", reg, n, ICV_READ, GSYM(gp_width_ro_##r), 0, vmcr                       \
	}
#define WRITE_ROW(r, reg, n)                                                                       \
	{                                                                                          \
		"[" #r "]", reg, n, ICV_WRITE, GSYM(gp_width_##r), 0, 0                            \
	}
#define UNDEF_ROWS(r, reg, n)                                                                      \
	{"[" #r ".undef-r]",	     reg, n, ICV_UNDEF_R, GSYM(gp_width_undef_r_##r),              \
	 GSYM(gl_width_undef_r_##r), 0},                                                           \
	{                                                                                          \
		"[" #r ".undef-w]", reg, n, ICV_UNDEF_W, GSYM(gp_width_undef_w_##r),               \
			GSYM(gl_width_undef_w_##r), 0                                              \
	}

/* A fresh vCPU: ICH_VMCR_EL2 = 0 (the vmm's default), and one with VCBPR = 1 for ICV_BPR1. */
static const struct icv_row reset_rows[] = {
	READ_ROW(pmr, GW_ICV_PMR, 0, 0),
	READ_ROW(bpr0, GW_ICV_BPR0, 0, 0),
	READ_ROW(bpr1, GW_ICV_BPR1, 0, 0),
	{"[bpr1.vcbpr]", GW_ICV_BPR1, 0, ICV_READ, GSYM(gp_width_ro_bpr1), 0, GW_VMCR_VCBPR},
	READ_ROW(ctlr, GW_ICV_CTLR, 0, 0),
	READ_ROW(igrpen0, GW_ICV_IGRPEN0, 0, 0),
	READ_ROW(igrpen1, GW_ICV_IGRPEN1, 0, 0),
	READ_ROW(ap0r0, GW_ICV_AP0R, 0, 0),
	READ_ROW(ap1r0, GW_ICV_AP1R, 0, 0),
	READ_ROW(rpr, GW_ICV_RPR, 0, 0),
	READ_ROW(iar0, GW_ICV_IAR0, 0, 0),
	READ_ROW(iar1, GW_ICV_IAR1, 0, 0),
	READ_ROW(hppir0, GW_ICV_HPPIR0, 0, 0),
	READ_ROW(hppir1, GW_ICV_HPPIR1, 0, 0),
};

static const struct icv_row width_rows[] = {
	WRITE_ROW(pmr, GW_ICV_PMR, 0),
	WRITE_ROW(bpr0, GW_ICV_BPR0, 0),
	WRITE_ROW(bpr1, GW_ICV_BPR1, 0),
	{"[bpr1.vcbpr]", GW_ICV_BPR1, 0, ICV_WRITE, GSYM(gp_width_bpr1), 0, GW_VMCR_VCBPR},
	WRITE_ROW(ctlr, GW_ICV_CTLR, 0),
	WRITE_ROW(igrpen0, GW_ICV_IGRPEN0, 0),
	WRITE_ROW(igrpen1, GW_ICV_IGRPEN1, 0),
	WRITE_ROW(ap0r0, GW_ICV_AP0R, 0),
	WRITE_ROW(ap0r1, GW_ICV_AP0R, 1),
	WRITE_ROW(ap0r2, GW_ICV_AP0R, 2),
	WRITE_ROW(ap0r3, GW_ICV_AP0R, 3),
	WRITE_ROW(ap1r0, GW_ICV_AP1R, 0),
	WRITE_ROW(ap1r1, GW_ICV_AP1R, 1),
	WRITE_ROW(ap1r2, GW_ICV_AP1R, 2),
	WRITE_ROW(ap1r3, GW_ICV_AP1R, 3),
	UNDEF_ROWS(ap0r1, GW_ICV_AP0R, 1),
	UNDEF_ROWS(ap0r2, GW_ICV_AP0R, 2),
	UNDEF_ROWS(ap0r3, GW_ICV_AP0R, 3),
	UNDEF_ROWS(ap1r1, GW_ICV_AP1R, 1),
	UNDEF_ROWS(ap1r2, GW_ICV_AP1R, 2),
	UNDEF_ROWS(ap1r3, GW_ICV_AP1R, 3),
};

/* FEAT_GICv3_NMI: implemented with FEAT_NMI (ID_AA64PFR1_EL1.NMI, bits [39:36]) and GICv3. */
static bool gicv3_nmi(void)
{
	return FIELD_GET(read_id_aa64pfr1_el1(), 36, 4) != 0;
}

/** The virtual interface as a fresh vCPU starts: the vmm's ICH_VMCR_EL2, no active priority. */
static struct gw_virt fresh_vcpu(uint64_t vmcr)
{
	struct gw_virt s = {.vtr = read_ich_vtr_el2(), .nmi = gicv3_nmi()};

	gw_vmcr_write(&s, vmcr);
	return s;
}

static const char *icv_requires(const void *row, char *why, size_t len)
{
	const struct icv_row *r = row;
	struct gw_vtr vtr;
	unsigned aprs;
	bool is_apr = r->reg == GW_ICV_AP0R || r->reg == GW_ICV_AP1R;

	if (vmm_caps.gic_version != 3) {
		snprintf(why, len, "needs a GICv3 system-register CPU interface (GIC v%u)",
			 vmm_caps.gic_version);
		return why;
	}
	vtr = gw_vtr_decode(read_ich_vtr_el2());
	aprs = gw_apr_count(vtr.pre_bits);
	if (!is_apr) {
		return NULL;
	}
	if ((r->kind == ICV_UNDEF_R || r->kind == ICV_UNDEF_W) && r->n < aprs) {
		snprintf(why, len,
			 "ICH_VTR_EL2.PREbits = %u (%u preemption bits): ICV_AP%uR%u_EL1 is "
			 "implemented",
			 vtr.pre_bits - 1, vtr.pre_bits, r->reg == GW_ICV_AP1R, r->n);
		return why;
	}
	if ((r->kind == ICV_READ || r->kind == ICV_WRITE) && r->n >= aprs) {
		snprintf(why, len,
			 "needs %u preemption bits for ICV_AP%uR%u_EL1 (ICH_VTR_EL2.PREbits = %u)",
			 r->n == 1 ? 6 : 7, r->reg == GW_ICV_AP1R, r->n, vtr.pre_bits - 1);
		return why;
	}
	return NULL;
}

static void expect_read(struct scenario_ctx *c, const char *what, unsigned key,
			const struct gw_virt *s, const struct icv_row *r)
{
	uint64_t got, mask, expect = gw_icv_read(s, r->reg, r->n, &mask);

	if (sc_report(c, GREPORT_USER + key, &got) &&
	    !sc_expect_u64(c, what, got & mask, expect & mask)) {
		sc_diag(c, "mask", "0x%llx", (unsigned long long)mask);
	}
}

static void run_icv(struct scenario_ctx *c, const void *row)
{
	const struct icv_row *r = row;
	struct gw_virt s = fresh_vcpu(r->vmcr);
	uint64_t fields = gw_icv_fields(&s, r->reg, r->n);
	struct sc_setup setup = {.payload = r->payload, .args = {fields}, .vcpu.ich_vmcr = r->vmcr};

	if (!sc_start(c, &setup)) {
		return;
	}
	if (r->kind == ICV_UNDEF_R || r->kind == ICV_UNDEF_W) {
		sc_expect_el1_exceptions(c);
	}
	struct exit e = sc_run(c);

	sc_diag(c, "ich_vtr_el2", "0x%llx", (unsigned long long)s.vtr);
	sc_diag(c, "ich_vmcr_el2", "0x%llx  # as the vmm loaded it", (unsigned long long)r->vmcr);
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	switch (r->kind) {
	case ICV_READ:
		expect_read(c, "fresh", 0, &s, r);
		break;
	case ICV_WRITE:
		/* All-ones sets RES0 bits too: the fields must not depend on them. */
		gw_icv_write(&s, r->reg, r->n, ~0ULL);
		expect_read(c, "after_all_ones", 1, &s, r);
		gw_icv_write(&s, r->reg, r->n, fields);
		expect_read(c, "after_fields_ones", 2, &s, r);
		gw_icv_write(&s, r->reg, r->n, 0);
		expect_read(c, "after_zero", 3, &s, r);
		sc_diag(c, "fields_ones", "0x%llx", (unsigned long long)fields);
		break;
	case ICV_UNDEF_R:
	case ICV_UNDEF_W:
		/* EC 0x00 (unknown reason), taken at the current EL on SPx (vector 0x200). */
		sc_expect_el1_exception(c, 0x200, esr_expect_unknown(), r->undef_elr);
		break;
	}
}

SCENARIO(virq_width_reset_icv, .id = "virq.width.reset.icv",
	 .rule = "at a fresh vCPU (ICH_VMCR_EL2 as loaded, here 0, ICH_AP<g>R<n>_EL2 = 0, no LR "
		 "in use) ICV_* read what ICH_VMCR_EL2 holds: PMR = VPMR, BPR0/BPR1 = VBPR0/VBPR1 "
		 "raised to their minimum (7 - preemption bits, +1 for BPR1; BPR1 = BPR0 + 1 "
		 "with VCBPR), CTLR = {VCBPR, VEOIM, ICH_VTR_EL2.PRIbits/IDbits/SEIS/A3V}, "
		 "IGRPEN<g> = VENG<g>, AP<g>R0 = 0, RPR = 0xff (idle), IAR/HPPIR = 1023",
	 SCENARIO_ROWS(reset_rows), .requires = icv_requires, .run = run_icv);

SCENARIO(virq_width_icv, .id = "virq.width.icv",
	 .rule = "ICV_* hold exactly the bits ICH_VTR_EL2 implies: PMR the PRIbits + 1 top "
		 "priority bits (the rest RAZ/WI), BPR0/BPR1 BinaryPoint with a write below the "
		 "minimum setting the minimum (BPR1 writes ignored with VCBPR = 1), CTLR only CBPR "
		 "and EOImode, IGRPEN<g> only Enable, AP<g>R<n> bits [31:0] (+ AP1R0.NMI with "
		 "FEAT_GICv3_NMI), [63:32] RES0; AP<g>R<n> beyond the 1/2/4 that 5/6/7 preemption "
		 "bits imply are UNDEFINED (EC 0x00 at EL1). Written all-ones (RES0 bits too), "
		 "then all fields ones, then zero; RES0 bits are not compared",
	 SCENARIO_ROWS(width_rows), .requires = icv_requires, .run = run_icv);
