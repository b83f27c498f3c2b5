/* SPDX-License-Identifier: MIT */
/*
 * stage2.fault.unmapped: a load or store to an IPA with no stage 2 mapping is a Data Abort to
 * EL2 (EC 0x24) with the full instruction syndrome (ISV, SAS, SSE, SRT, SF, WnR), a translation
 * fault at the level where the walk of *our* tables finds the invalid descriptor (the oracle
 * walks them in software), FAR_EL2 = the VA (= the IPA: the guest's stage 1 is off) and
 * HPFAR_EL2 = the IPA's page. The guest then resumes past the instruction.
 */
#include <stdio.h>

#include "arch/esr.h"
#include "esr_model.h"
#include "runner.h"
#include "scenario.h"

struct s2_fault_row {
	const char *name;
	uint64_t payload;
	uint64_t insn;
	struct dabt_access access;
	uint64_t ipa; /* 0: the harness's canary (its PA used as an IPA) */
};

#define LOAD(size, rt_, sf_)                                                                       \
	{                                                                                          \
		.size_log2 = size, .rt = rt_, .sf = sf_, .valid_syndrome = true                    \
	}
#define STORE(size, rt_, sf_)                                                                      \
	{                                                                                          \
		.size_log2 = size, .is_write = true, .rt = rt_, .sf = sf_, .valid_syndrome = true  \
	}

/*
 * Guest RAM is 1 MiB at 0x40000000 mapped with pages: the next page faults at level 3, the next
 * 2 MiB at level 2, the next 1 GiB at level 1; 512 GiB up needs a level-0 root (48-bit IPA) or
 * is a level-1 fault in a concatenated root. The levels are computed, not assumed.
 */
static const struct s2_fault_row s2_fault_rows[] = {
	{"[ldr-x2,after-ram]", GSYM(gp_s2_ldr_x2), GSYM(gl_s2_ldr_x2), LOAD(3, 2, true),
	 0x40100000},
	{"[str-w3,after-ram]", GSYM(gp_s2_str_w3), GSYM(gl_s2_str_w3), STORE(2, 3, false),
	 0x401ff008},
	{"[ldrb-w17,next-2m]", GSYM(gp_s2_ldrb_w17), GSYM(gl_s2_ldrb_w17), LOAD(0, 17, false),
	 0x40200001},
	{"[strh-w0,next-2m]", GSYM(gp_s2_strh_w0), GSYM(gl_s2_strh_w0), STORE(1, 0, false),
	 0x40234566},
	{"[ldr-x2,next-1g]", GSYM(gp_s2_ldr_x2), GSYM(gl_s2_ldr_x2), LOAD(3, 2, true), 0x80000000},
	{"[str-w3,next-1g]", GSYM(gp_s2_str_w3), GSYM(gl_s2_str_w3), STORE(2, 3, false),
	 0xbffffffc},
	{"[ldr-x2,512g]", GSYM(gp_s2_ldr_x2), GSYM(gl_s2_ldr_x2), LOAD(3, 2, true), 0x8000000000},
	{"[str-w3,harness-canary]", GSYM(gp_s2_str_w3), GSYM(gl_s2_str_w3), STORE(2, 3, false), 0},
};

static uint64_t row_ipa(const struct s2_fault_row *r)
{
	return r->ipa ? r->ipa : (uint64_t)(uintptr_t)runner_canary();
}

static const char *s2_fault_requires(const void *row, char *why, size_t len)
{
	uint64_t ipa = row_ipa(row);

	if (ipa >> vmm_caps.ipa_bits) {
		snprintf(why, len,
			 "IPA 0x%llx is beyond the %u-bit IPA space (ID_AA64MMFR0_EL1.PARange)",
			 (unsigned long long)ipa, vmm_caps.ipa_bits);
		return why;
	}
	return NULL;
}

static void run_s2_fault(struct scenario_ctx *c, const void *row)
{
	const struct s2_fault_row *r = row;
	uint64_t ipa = row_ipa(r);

	if (!sc_start(c, &(struct sc_setup){.payload = r->payload,
					    .args = {ipa},
					    .vm = {.ram_pages_only = true}})) {
		return;
	}
	unsigned level = pgt_fault_level(&sc_vm(c)->geom, sc_vm(c)->root, ipa);

	if (level == PGT_LEVEL_NONE) {
		sc_fail(c, "IPA 0x%llx is mapped: the row is wrong", (unsigned long long)ipa);
		return;
	}
	struct exit e = sc_run(c);

	if (!sc_expect_exit(c, &e, EXIT_DABT, esr_expect_dabt_s2(&r->access, ESR_FSC_TRANS(level)),
			    r->insn)) {
		return;
	}
	sc_diag(c, "fault_level", "%u", level);
	sc_expect_u64(c, "far_el2", e.far, far_expect_dabt(ipa));
	sc_expect_u64(c, "hpfar_el2", e.hpfar, hpfar_expect(ipa));
	vcpu_skip_insn(sc_vcpu(c));
	e = sc_run(c);
	sc_expect_done(c, &e, 0);
}

SCENARIO(stage2_fault_unmapped, .id = "stage2.fault.unmapped",
	 .rule = "an access to an unmapped IPA is a stage 2 Data Abort: EC 0x24, ISV 1 with "
		 "SAS/SSE/SRT/SF/WnR of the instruction, DFSC = translation fault at the level "
		 "the walk stops, FAR_EL2 = VA, HPFAR_EL2 = IPA[47:12]",
	 SCENARIO_ROWS(s2_fault_rows), .requires = s2_fault_requires, .run = run_s2_fault,
	 .ec = "0x20 0x24", .control = "stage 2 translation (VTTBR_EL2)", .fields = "+HCR_EL2.VM");
