/* SPDX-License-Identifier: MIT */
/*
 * virq.width.ich[<field>]: the hypervisor's side of the virtual CPU interface, from EL2 with no
 * vCPU loaded (ICH_HCR_EL2.En = 0 between runs, so the values reach no guest). Each row writes
 * all-ones (RES0 bits too), then every field set with the RES0 bits clear, then zero, to one
 * register, reads back after each, and compares one field with scenarios/model/gic_width_model.c:
 * the ICH_VMCR_EL2 fields (VPMR's unimplemented bits RAZ/WI, VBPR0/VBPR1 raised to their
 * minimum, the single-bit controls) and ICH_AP<g>R<n>_EL2 (P0..P31, and AP1R0.NMI with
 * FEAT_GICv3_NMI). The register's previous value is written back after the row.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "gic_width_model.h"
#include "scenario.h"

enum ich_reg { ICH_VMCR, ICH_AP0R, ICH_AP1R };

struct ich_row {
	const char *name;
	enum ich_reg reg;
	unsigned n;	/* APR index */
	uint64_t field; /* ICH_VMCR_EL2: the field compared */
};

static const struct ich_row ich_rows[] = {
	{"[vmcr.vpmr]", ICH_VMCR, 0, GW_VMCR_VPMR},
	{"[vmcr.vbpr0]", ICH_VMCR, 0, GW_VMCR_VBPR0},
	{"[vmcr.vbpr1]", ICH_VMCR, 0, GW_VMCR_VBPR1},
	{"[vmcr.veoim]", ICH_VMCR, 0, GW_VMCR_VEOIM},
	{"[vmcr.vcbpr]", ICH_VMCR, 0, GW_VMCR_VCBPR},
	{"[vmcr.veng1]", ICH_VMCR, 0, GW_VMCR_VENG1},
	{"[vmcr.veng0]", ICH_VMCR, 0, GW_VMCR_VENG0},
	{"[ap0r0]", ICH_AP0R, 0, 0},
	{"[ap0r1]", ICH_AP0R, 1, 0},
	{"[ap0r2]", ICH_AP0R, 2, 0},
	{"[ap0r3]", ICH_AP0R, 3, 0},
	{"[ap1r0]", ICH_AP1R, 0, 0},
	{"[ap1r1]", ICH_AP1R, 1, 0},
	{"[ap1r2]", ICH_AP1R, 2, 0},
	{"[ap1r3]", ICH_AP1R, 3, 0},
};

/* ICH_AP<g>R<n>_EL2 by group and index (only those gw_apr_count() says exist are touched). */
static uint64_t (*const apr_read[2][4])(void) = {
	{read_ich_ap0r0_el2, read_ich_ap0r1_el2, read_ich_ap0r2_el2, read_ich_ap0r3_el2},
	{read_ich_ap1r0_el2, read_ich_ap1r1_el2, read_ich_ap1r2_el2, read_ich_ap1r3_el2},
};
static void (*const apr_write[2][4])(uint64_t) = {
	{write_ich_ap0r0_el2, write_ich_ap0r1_el2, write_ich_ap0r2_el2, write_ich_ap0r3_el2},
	{write_ich_ap1r0_el2, write_ich_ap1r1_el2, write_ich_ap1r2_el2, write_ich_ap1r3_el2},
};

static uint64_t ich_read(const struct ich_row *r)
{
	return r->reg == ICH_VMCR ? read_ich_vmcr_el2() : apr_read[r->reg == ICH_AP1R][r->n]();
}

static void ich_write(const struct ich_row *r, uint64_t v)
{
	if (r->reg == ICH_VMCR) {
		write_ich_vmcr_el2(v);
	} else {
		apr_write[r->reg == ICH_AP1R][r->n](v);
	}
	isb();
}

/* The model's view of the same write. */
static void model_write(struct gw_virt *s, const struct ich_row *r, uint64_t v)
{
	if (r->reg == ICH_VMCR) {
		gw_vmcr_write(s, v);
	} else {
		gw_ich_apr_write(s, r->reg == ICH_AP1R, r->n, v);
	}
}

static uint64_t model_read(const struct gw_virt *s, const struct ich_row *r)
{
	return r->reg == ICH_VMCR ? s->vmcr : s->apr[r->reg == ICH_AP1R][r->n];
}

static uint64_t compared_bits(const struct gw_virt *s, const struct ich_row *r)
{
	return r->reg == ICH_VMCR
		       ? r->field
		       : gw_icv_fields(s, r->reg == ICH_AP1R ? GW_ICV_AP1R : GW_ICV_AP0R, r->n);
}

static const char *ich_requires(const void *row, char *why, size_t len)
{
	const struct ich_row *r = row;
	struct gw_vtr vtr;

	if (vmm_caps.gic_version != 3) {
		snprintf(why, len, "needs a GICv3 system-register CPU interface (GIC v%u)",
			 vmm_caps.gic_version);
		return why;
	}
	vtr = gw_vtr_decode(read_ich_vtr_el2());
	if (r->reg != ICH_VMCR && r->n >= gw_apr_count(vtr.pre_bits)) {
		snprintf(why, len,
			 "needs %u preemption bits for ICH_AP%uR%u_EL2 (ICH_VTR_EL2.PREbits = %u)",
			 r->n == 1 ? 6 : 7, r->reg == ICH_AP1R, r->n, vtr.pre_bits - 1);
		return why;
	}
	return NULL;
}

static void run_ich(struct scenario_ctx *c, const void *row)
{
	static const char *const what[] = {"after_all_ones", "after_fields_ones", "after_zero"};
	const struct ich_row *r = row;
	struct gw_virt s = {.vtr = read_ich_vtr_el2(),
			    .nmi = FIELD_GET(read_id_aa64pfr1_el1(), 36, 4) != 0};
	uint64_t mask = compared_bits(&s, r);
	uint64_t fields = r->reg == ICH_VMCR ? gw_vmcr_mask() : mask;
	const uint64_t writes[] = {~0ULL, fields, 0};
	uint64_t saved = ich_read(r), got[3];

	for (unsigned i = 0; i < 3; i++) {
		ich_write(r, writes[i]);
		got[i] = ich_read(r);
	}
	ich_write(r, saved);
	sc_diag(c, "ich_vtr_el2", "0x%llx", (unsigned long long)s.vtr);
	sc_diag(c, "compared_bits", "0x%llx", (unsigned long long)mask);
	for (unsigned i = 0; i < 3; i++) {
		model_write(&s, r, writes[i]);
		if (!sc_expect_u64(c, what[i], got[i] & mask, model_read(&s, r) & mask)) {
			sc_diag(c, "written", "0x%llx", (unsigned long long)writes[i]);
		}
	}
	sc_expect_u64(c, "restored", ich_read(r) & mask, saved & mask);
}

SCENARIO(virq_width_ich, .id = "virq.width.ich",
	 .rule = "ICH_VMCR_EL2 and ICH_AP<g>R<n>_EL2 hold exactly the bits ICH_VTR_EL2 implies: "
		 "VPMR the PRIbits + 1 top bits (an alias of ICV_PMR_EL1.Priority, whose "
		 "unimplemented bits are RAZ/WI), VBPR0/VBPR1 with a write below the minimum "
		 "(7 - preemption bits, +1 for VBPR1) setting the minimum, VEOIM, VCBPR, VENG1, "
		 "VENG0 as written; AP<g>R<n> P0..P31 (+ AP1R0.NMI with FEAT_GICv3_NMI). Written "
		 "all-ones (RES0 bits too), then all fields ones, then zero, from EL2; RES0 bits "
		 "and the legacy VFIQEn/VAckCtl are not compared",
	 SCENARIO_ROWS(ich_rows), .requires = ich_requires, .run = run_ich);
