/* SPDX-License-Identifier: MIT */
/*
 * trap.nv: FEAT_NV and FEAT_NV2 (nested virtualization), a guest hypervisor at EL1.
 * - trap.nv.eret: HCR_EL2.NV = 1 traps ERET/ERETAA/ERETAB at EL1 (EC 0x1A); NV = 0: it runs.
 * - trap.nv.currentel: with NV = 1, CurrentEL reads EL2 at EL1.
 * - trap.nv.spsr: with {NV, NV1} = {1, 0}, an exception from EL1 to EL1 records EL2h in
 *   SPSR_EL1.M.
 * - trap.nv.sysreg: the table nv_traps.h under HCR_EL2.{NV, NV1, NV2} = off, nv, nv1 (NV+NV1),
 *   nv2 (NV+NV2), nv2nv1: UNDEFINED at EL1 (EC 0x00 on the guest's vector), trapped (EC 0x18,
 *   emulated), executed, a load/store of the VNCR_EL2 page (no exit: the vmm's value is read,
 *   the guest's value lands in the page), or redirected to the EL1 register, as the oracle
 *   nv_sysreg_outcome() says. VNCR_EL2 points at a page of guest RAM (an EL2 VA: hyptap's EL2
 *   maps RAM VA == PA).
 */
#include <string.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/sysreg.h"
#include "cpu_id.h"
#include "esr_model.h"
#include "hvc.h"
#include "mmio.h"
#include "nv_model.h"
#include "scenario.h"

#define EMULATED_READ 0x7e57c0de00000000ULL
#define VNCR_PATTERN  0x5eed000000000000ULL /* | offset: what the vmm puts in the VNCR page */
#define VNCR_PAGE_OFF 0xc0000ULL	    /* the VNCR page, inside guest RAM */

enum nv_combo { NV_off, NV_on, NV_nv1, NV_nv2, NV_nv2nv1 };

static const struct nv_hcr combos[] = {
	[NV_off] = {false, false, false}, [NV_on] = {true, false, false},
	[NV_nv1] = {true, true, false},	  [NV_nv2] = {true, false, true},
	[NV_nv2nv1] = {true, true, true},
};

static uint64_t combo_hcr(enum nv_combo k)
{
	const struct nv_hcr *h = &combos[k];

	return (h->nv ? HCR_NV : 0) | (h->nv1 ? HCR_NV1 : 0) | (h->nv2 ? HCR_NV2 : 0);
}

static const char *combo_requires(enum nv_combo k, char *why, size_t len)
{
	return cpu_requires(k == NV_off ? CPU_ANY : combos[k].nv2 ? CPU_NV2 : CPU_NV, why, len);
}

/* ---- trap.nv.sysreg ------------------------------------------------------------------- */

struct nv_row {
	const char *name;
	uint8_t op0, op1, crn, crm, op2;
	bool write, sys;
	uint8_t rt;
	enum nv_combo combo;
	uint64_t value;
	uint64_t payload, insn;
	uint64_t (*read_at_el2)(void);
};

#define NV_READ(n, op0, op1, crn, crm, op2)                                                        \
	static uint64_t el2_read_nv_##n(void)                                                      \
	{                                                                                          \
		return SYSREG_READ_ENC(op0, op1, crn, crm, op2);                                   \
	}
#define NV_WRITE(...)
#define NV_SYS(...)
#include "nv_traps.h"
#undef NV_READ
#undef NV_WRITE
#undef NV_SYS

#define ROW(n, op0_, op1_, crn_, crm_, op2_, w, s, dir, kind, val, reader, k, rtname, rtnum)       \
	{                                                                                          \
		"[" #k "][" dir "," #n "," #rtname "]", op0_, op1_, crn_, crm_, op2_, w, s, rtnum, \
			NV_##k, val, GSYM(gp_##kind##_nv_##n##_##rtname),                          \
			GSYM(gl_##kind##_nv_##n##_##rtname), reader                                \
	}
#define ROWS_K(k, ...) ROW(__VA_ARGS__, k, x0, 0), ROW(__VA_ARGS__, k, x17, 17)
#define ROWS_ALL(...)                                                                              \
	ROWS_K(off, __VA_ARGS__), ROWS_K(on, __VA_ARGS__), ROWS_K(nv1, __VA_ARGS__),               \
		ROWS_K(nv2, __VA_ARGS__), ROWS_K(nv2nv1, __VA_ARGS__)

static const struct nv_row nv_rows[] = {
#define NV_READ(n, op0, op1, crn, crm, op2)                                                        \
	ROWS_ALL(n, op0, op1, crn, crm, op2, false, false, "mrs", sr, 0, el2_read_nv_##n),
#define NV_WRITE(n, op0, op1, crn, crm, op2, val)                                                  \
	ROWS_ALL(n, op0, op1, crn, crm, op2, true, false, "msr", sw, val, NULL),
#define NV_SYS(n, op1, crn, crm, op2, val)                                                         \
	ROWS_ALL(n, 1, op1, crn, crm, op2, true, true, "sys", ss, val, NULL),
#include "nv_traps.h"
};

/* The guest's EL1 registers an NV2 access to ELR_EL2/SPSR_EL2 is redirected to. */
static uint64_t el1_twin(const struct nv_row *r)
{
	return r->crn == 4 && r->op2 == 1 ? read_elr_el1() : read_spsr_el1();
}

/* Through vm_ram_ptr(): the harness and the NV2 hardware write the page behind stage 2. */
static uint64_t *vncr_page(struct scenario_ctx *c)
{
	return vm_ram_ptr(sc_vm(c), IPA(sc_vm(c)->ram_ipa + VNCR_PAGE_OFF), 4096);
}

static uint64_t *vncr_slot(struct scenario_ctx *c, unsigned offset)
{
	return (uint64_t *)((uint8_t *)vncr_page(c) + offset);
}

static void run_nv_sysreg(struct scenario_ctx *c, const void *row)
{
	const struct nv_row *r = row;
	unsigned offset;
	enum nv_outcome out = nv_sysreg_outcome(&combos[r->combo], r->op0, r->op1, r->crn, r->crm,
						r->op2, &offset);
	uint64_t got, v;

	if (!sc_start(c, &(struct sc_setup){.payload = r->payload,
					    .vcpu.hcr = combo_hcr(r->combo) | HCR_API | HCR_APK})) {
		return;
	}
	if (combos[r->combo].nv2) {
		sc_vcpu(c)->cfg.vncr = (uintptr_t)vncr_page(c);
		if (out == NV_MEMORY) {
			*vncr_slot(c, offset) = r->write ? 0 : VNCR_PATTERN | offset;
		}
	}
	if (out == NV_UNDEF) {
		sc_expect_el1_exceptions(c);
	}
	struct exit e = sc_run(c);

	if (out == NV_TRAP) {
		if (!sc_expect_exit(c, &e, EXIT_SYSREG,
				    esr_expect_sys64(r->op0, r->op1, r->crn, r->crm, r->op2, r->rt,
						     !r->write),
				    r->insn)) {
			return;
		}
		if (r->write) {
			sc_expect_u64(c, "trapped_rt", vcpu_reg_read(sc_vcpu(c), r->rt), r->value);
		} else {
			vcpu_reg_write(sc_vcpu(c), r->rt, EMULATED_READ);
		}
		vcpu_skip_insn(sc_vcpu(c));
		e = sc_run(c);
	}
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	switch (out) {
	case NV_UNDEF:
		/* UNDEFINED at EL1: the guest's own vector, EC 0x00, ELR_EL1 = the access. */
		if (sc_report(c, GREPORT_VECTOR, &v)) {
			sc_expect_u64(c, "vector_offset", v, 0x200);
		}
		if (sc_report(c, GREPORT_ESR_EL1, &v)) {
			sc_expect_u64(c, "esr_el1", v, esr_expect_unknown());
		}
		if (sc_report(c, GREPORT_ELR_EL1, &v)) {
			sc_expect_u64(c, "elr_el1", v, r->insn);
		}
		return;
	case NV_MEMORY:
		if (r->write) {
			sc_expect_u64(c, "vncr_page", *vncr_slot(c, offset), r->value);
		} else if (sc_report(c, GREPORT_USER, &got)) {
			sc_expect_u64(c, "guest_read", got, VNCR_PATTERN | offset);
		}
		return;
	case NV_TRAP:
		if (!r->write && sc_report(c, GREPORT_USER, &got)) {
			sc_expect_u64(c, "guest_read", got, EMULATED_READ);
		}
		return;
	case NV_EL1_REG:
		if (sc_report(c, GREPORT_USER, &got)) {
			sc_expect_u64(c, "guest_read", got, el1_twin(r));
		}
		return;
	case NV_EXECUTE:
		if (!r->write && sc_report(c, GREPORT_USER, &got)) {
			sc_expect_u64(c, "guest_read", got, r->read_at_el2());
		}
		return;
	}
}

static const char *nv_sysreg_requires(const void *row, char *why, size_t len)
{
	return combo_requires(((const struct nv_row *)row)->combo, why, len);
}

/* docs/coverage.md: each of NV, NV1, NV2 set or clear as the combination has it. */
static const char *combo_fields(enum nv_combo k)
{
	static const char *const f[] = {
		[NV_off] = "-HCR_EL2.NV -HCR_EL2.NV1 -HCR_EL2.NV2",
		[NV_on] = "+HCR_EL2.NV -HCR_EL2.NV1 -HCR_EL2.NV2",
		[NV_nv1] = "+HCR_EL2.NV +HCR_EL2.NV1 -HCR_EL2.NV2",
		[NV_nv2] = "+HCR_EL2.NV -HCR_EL2.NV1 +HCR_EL2.NV2",
		[NV_nv2nv1] = "+HCR_EL2.NV +HCR_EL2.NV1 +HCR_EL2.NV2",
	};

	return f[k];
}

static const char *nv_row_fields(const void *row)
{
	return combo_fields(((const struct nv_row *)row)->combo);
}

SCENARIO(trap_nv_sysreg, .id = "trap.nv.sysreg",
	 .rule = "FEAT_NV/NV2: at EL1, EL2 and *_EL12 register accesses are UNDEFINED without "
		 "HCR_EL2.NV, trapped (EC 0x18) with NV = 1, and with NV2 = 1 become loads/stores "
		 "of the VNCR_EL2 page at the architected offset (ELR/SPSR_EL2: the EL1 registers; "
		 "others still trap); {NV, NV1} = {1, 1} traps VBAR/ELR/SPSR_EL1, and with NV2 "
		 "EL1 registers with a VNCR slot go to memory",
	 SCENARIO_ROWS(nv_rows), .requires = nv_sysreg_requires, .run = run_nv_sysreg,
	 .ec = "0x18 0x00", .control = "HCR_EL2.{NV,NV1,NV2}", .row_fields = nv_row_fields);

/* ---- trap.nv.eret, trap.nv.currentel, trap.nv.spsr -------------------------------------- */

struct nv_simple_row {
	const char *name;
	enum nv_combo combo;
	bool pac, key_b;
	uint64_t payload, insn;
};

static const char *nv_simple_fields(const void *row)
{
	return combo_fields(((const struct nv_simple_row *)row)->combo);
}

#define ERET_ROW(n, k, pac, key_b)                                                                 \
	{                                                                                          \
		"[" #n "][" #k "]", NV_##k, pac, key_b, GSYM(gp_fgt_##n), GSYM(gl_fgt_##n)         \
	}

static const struct nv_simple_row eret_rows[] = {
	ERET_ROW(eret, on, false, false),  ERET_ROW(eret, off, false, false),
	ERET_ROW(eretaa, on, true, false), ERET_ROW(eretaa, off, true, false),
	ERET_ROW(eretab, on, true, true),  ERET_ROW(eretab, off, true, true),
};

static void run_nv_eret(struct scenario_ctx *c, const void *row)
{
	const struct nv_simple_row *r = row;

	if (!sc_start(c, &(struct sc_setup){.payload = r->payload,
					    .vcpu.hcr = combo_hcr(r->combo) | HCR_API | HCR_APK})) {
		return;
	}
	struct exit e = sc_run(c);

	if (combos[r->combo].nv) {
		/* AArch64.CheckForERetTrap(): ELR_EL2 = the ERET; emulate it by stepping over. */
		if (!sc_expect_exit(c, &e, EXIT_TRAP, esr_expect_eret(r->pac, r->key_b), r->insn)) {
			return;
		}
		vcpu_skip_insn(sc_vcpu(c));
		e = sc_run(c);
	}
	sc_expect_done(c, &e, 0);
}

static const char *nv_simple_requires(const void *row, char *why, size_t len)
{
	const struct nv_simple_row *r = row;
	const char *skip = combo_requires(r->combo, why, len);

	return skip ? skip : cpu_requires(r->pac ? CPU_PAUTH : CPU_ANY, why, len);
}

SCENARIO(trap_nv_eret, .id = "trap.nv.eret",
	 .rule = "HCR_EL2.NV = 1 traps ERET/ERETAA/ERETAB at EL1 to EL2 (EC 0x1A, ISS.ERET = PAC "
		 "form, ISS.ERETA = key B, ELR_EL2 = the instruction); NV = 0: it executes at EL1",
	 SCENARIO_ROWS(eret_rows), .requires = nv_simple_requires, .run = run_nv_eret, .ec = "0x1A",
	 .control = "HCR_EL2.NV", .row_fields = nv_simple_fields);

static const struct nv_simple_row state_rows[] = {
	{"[on]", NV_on, false, false, 0, 0},
	{"[off]", NV_off, false, false, 0, 0},
};

static void run_nv_currentel(struct scenario_ctx *c, const void *row)
{
	const struct nv_simple_row *r = row;
	uint64_t got;

	if (!sc_start(c, &(struct sc_setup){.payload = GSYM(gp_nv_currentel),
					    .vcpu.hcr = combo_hcr(r->combo)})) {
		return;
	}
	struct exit e = sc_run(c);

	if (sc_expect_done(c, &e, 0) && sc_report(c, GREPORT_USER, &got)) {
		sc_expect_u64(c, "currentel", got, nv_currentel(combos[r->combo].nv));
	}
}

SCENARIO(
	trap_nv_currentel, .id = "trap.nv.currentel",
	.rule = "with HCR_EL2.NV = 1, MRS CurrentEL at EL1 returns EL2 (0x8), without NV EL1 (0x4)",
	SCENARIO_ROWS(state_rows), .requires = nv_simple_requires, .run = run_nv_currentel,
	.ec = "0x18", .control = "HCR_EL2.NV (CurrentEL reads EL2)",
	.row_fields = nv_simple_fields);

static void run_nv_spsr(struct scenario_ctx *c, const void *row)
{
	const struct nv_simple_row *r = row;
	uint64_t got;

	if (!sc_start(c, &(struct sc_setup){.payload = GSYM(gp_nv_spsr),
					    .vcpu.hcr = combo_hcr(r->combo)})) {
		return;
	}
	struct exit e = sc_run(c);

	if (sc_expect_done(c, &e, 0) && sc_report(c, GREPORT_USER, &got)) {
		sc_expect_u64(c, "spsr_el1_m", got & 0xf, nv_spsr_el1_mode(&combos[r->combo]));
	}
}

SCENARIO(trap_nv_spsr, .id = "trap.nv.spsr",
	 .rule = "with HCR_EL2.{NV, NV1} = {1, 0} an exception taken from EL1 to EL1 records "
		 "SPSR_EL1.M = EL2h (0b1001); without NV, EL1h (0b0101)",
	 SCENARIO_ROWS(state_rows), .requires = nv_simple_requires, .run = run_nv_spsr,
	 .ec = "0x00", .control = "HCR_EL2.{NV,NV1} (SPSR_EL1.M)", .row_fields = nv_simple_fields);
