/* SPDX-License-Identifier: MIT */
/*
 * stage2.mmio.emulate: loads and stores to an emulated device window. The vmm decodes each
 * access from the ISV syndrome alone (vmm/mmio.c), supplies the load data or consumes the
 * store data, and resumes; the guest reports the full 64-bit register it loaded. Expected
 * register values come from the oracle's extension rule (SSE/SF per the instruction in the
 * row), not from what the CPU reported.
 */
#include "arch/esr.h"
#include "esr_model.h"
#include "hvc.h"
#include "mmio.h"
#include "scenario.h"

#define MMIO_IPA (GUEST_MMIO_IPA + 0x10)
/* Top bit set in every byte-lane width, so a missing or wrong sign extension shows. */
#define LOAD_DATA  0xf1e2d3c4b5a69788ULL
#define STORE_DATA 0x0123456789abcdefULL

struct mmio_row {
	const char *name;
	uint64_t payload;
	uint64_t insn;
	struct dabt_access access;
};

#define MMIO_LOAD(n, size, sign, rt_, sf_)                                                         \
	{                                                                                          \
		"[" #n "]", GSYM(gp_mmio_##n), GSYM(gl_mmio_##n),                                  \
		{                                                                                  \
			.size_log2 = size, .sign_extend = sign, .rt = rt_, .sf = sf_,              \
			.valid_syndrome = true                                                     \
		}                                                                                  \
	}
#define MMIO_STORE(n, size, rt_, sf_)                                                              \
	{                                                                                          \
		"[" #n "]", GSYM(gp_mmio_##n), GSYM(gl_mmio_##n),                                  \
		{                                                                                  \
			.size_log2 = size, .is_write = true, .rt = rt_, .sf = sf_,                 \
			.valid_syndrome = true                                                     \
		}                                                                                  \
	}

static const struct mmio_row mmio_rows[] = {
	MMIO_LOAD(ldrb_w2, 0, false, 2, false),	  MMIO_LOAD(ldrh_w2, 1, false, 2, false),
	MMIO_LOAD(ldr_w2, 2, false, 2, false),	  MMIO_LOAD(ldr_x2, 3, false, 2, true),
	MMIO_LOAD(ldrsb_w17, 0, true, 17, false), MMIO_LOAD(ldrsb_x17, 0, true, 17, true),
	MMIO_LOAD(ldrsh_w2, 1, true, 2, false),	  MMIO_LOAD(ldrsh_x2, 1, true, 2, true),
	MMIO_LOAD(ldrsw_x17, 2, true, 17, true),  MMIO_LOAD(ldr_x30, 3, false, 30, true),
	MMIO_STORE(strb_w2, 0, 2, false),	  MMIO_STORE(strh_w17, 1, 17, false),
	MMIO_STORE(str_w2, 2, 2, false),	  MMIO_STORE(str_x30, 3, 30, true),
	MMIO_STORE(str_xzr, 3, 31, true),
};

static void run_mmio(struct scenario_ctx *c, const void *row)
{
	const struct mmio_row *r = row;
	const struct dabt_access *a = &r->access;
	struct mmio_access got;
	uint64_t value;

	if (!sc_start(c,
		      &(struct sc_setup){.payload = r->payload, .args = {MMIO_IPA, STORE_DATA}})) {
		return;
	}
	unsigned level = pgt_fault_level(&sc_vm(c)->geom, sc_vm(c)->root, MMIO_IPA);
	struct exit e = sc_run(c);

	if (!sc_expect_exit(c, &e, EXIT_DABT, esr_expect_dabt_s2(a, ESR_FSC_TRANS(level)),
			    r->insn)) {
		return;
	}
	if (mmio_decode(&e, &got)) {
		sc_fail(c, "no instruction syndrome (ISV = 0): the access cannot be emulated");
		return;
	}
	sc_expect_u64(c, "mmio_ipa", got.ipa, MMIO_IPA);
	if (a->is_write) {
		/* xzr stores zero; otherwise the guest stored STORE_DATA from its register. */
		uint64_t reg = a->rt == 31 ? 0 : STORE_DATA;

		sc_expect_u64(c, "store_data", mmio_store_data(sc_vcpu(c), &got),
			      mmio_store_value(reg, a->size_log2));
	} else {
		mmio_complete_load(sc_vcpu(c), &got, LOAD_DATA);
	}
	vcpu_skip_insn(sc_vcpu(c));
	e = sc_run(c);
	if (!sc_expect_done(c, &e, 0) || a->is_write) {
		return;
	}
	if (sc_report(c, GREPORT_USER, &value)) {
		sc_expect_u64(c, "guest_register", value,
			      mmio_load_result(LOAD_DATA, a->size_log2, a->sign_extend, a->sf));
	}
}

SCENARIO(stage2_mmio_emulate, .id = "stage2.mmio.emulate",
	 .rule = "a single-register load/store to unmapped IPA space reports ISV 1 with SAS, "
		 "SSE, SRT, SF, WnR enough to emulate it; a load writes Rt zero- or "
		 "sign-extended, a W register has its top 32 bits cleared",
	 SCENARIO_ROWS(mmio_rows), .run = run_mmio, .ec = "0x24",
	 .control = "stage 2 translation (MMIO emulation)");
