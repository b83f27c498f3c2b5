/* SPDX-License-Identifier: MIT */
/*
 * virq.sgi.trap: the guest's writes to ICC_SGI1R_EL1, ICC_ASGI1R_EL1 and ICC_SGI0R_EL1 trap to
 * EL2 with the exact syndrome (sgi_trap_esr(): EC 0x18, Op0/Op1/CRn/CRm/Op2, Rt, Direction 0)
 * and ELR, for every transfer register x0..x30 and xzr in one run, and the value the vmm reads
 * from the GPR the syndrome names is the one the guest wrote. Each GPR holds a value of its own
 * (so a wrong Rt reads a wrong value), with every field of the register in use.
 *
 * Trap controls (IHI 0069 12.2, "Traps and enables" of each register): HCR_EL2.IMO = 1 or
 * FMO = 1 (both, and each alone), and ICH_HCR_EL2.TC = 1 with IMO = FMO = 0. Without IMO and
 * FMO a write that failed to trap would reach the physical GIC, so those rows write values that
 * name no PE of any system hyptap runs on (IRM = 0, Aff3.Aff2 = 0xfe.0xfd): even a CPU that
 * does not trap generates no physical SGI.
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "cpu_id.h"
#include "scenario.h"
#include "sgi_model.h"

#define VSGI_GPRS 31 /* x0..x30; the 32nd write is from xzr */

/* The value in GPR n of a row. */
enum sgi_values {
	VALUES_FIELDS,	/* every field set, differently per GPR, IRM on odd GPRs */
	VALUES_RES0,	/* the same with every RES0 bit set */
	VALUES_NOWHERE, /* IRM = 0 and an affinity no PE has (rows without IMO/FMO) */
};

struct sgi_trap_row {
	const char *name;
	enum sgi_reg reg;
	uint64_t payload, first; /* gp_vsgi_trap_<reg>, gl_vsgi_trap_<reg> */
	uint64_t hcr_clear;	 /* HCR_EL2.IMO/FMO cleared from the vmm's base */
	uint64_t ich_hcr;	 /* ICH_HCR_EL2.TC */
	enum sgi_values values;
};

#define TRAP_ROWS(reg, id)                                                                         \
	{"[" #reg ",imo+fmo,fields]",                                                              \
	 id,                                                                                       \
	 GSYM(gp_vsgi_trap_##reg),                                                                 \
	 GSYM(gl_vsgi_trap_##reg),                                                                 \
	 0,                                                                                        \
	 0,                                                                                        \
	 VALUES_FIELDS},                                                                           \
		{"[" #reg ",imo+fmo,res0-set]",                                                    \
		 id,                                                                               \
		 GSYM(gp_vsgi_trap_##reg),                                                         \
		 GSYM(gl_vsgi_trap_##reg),                                                         \
		 0,                                                                                \
		 0,                                                                                \
		 VALUES_RES0},                                                                     \
		{"[" #reg ",imo]",                                                                 \
		 id,                                                                               \
		 GSYM(gp_vsgi_trap_##reg),                                                         \
		 GSYM(gl_vsgi_trap_##reg),                                                         \
		 HCR_FMO,                                                                          \
		 0,                                                                                \
		 VALUES_NOWHERE},                                                                  \
		{"[" #reg ",fmo]",                                                                 \
		 id,                                                                               \
		 GSYM(gp_vsgi_trap_##reg),                                                         \
		 GSYM(gl_vsgi_trap_##reg),                                                         \
		 HCR_IMO,                                                                          \
		 0,                                                                                \
		 VALUES_NOWHERE},                                                                  \
	{                                                                                          \
		"[" #reg ",tc]", id, GSYM(gp_vsgi_trap_##reg), GSYM(gl_vsgi_trap_##reg),           \
			HCR_IMO | HCR_FMO, ICH_HCR_TC, VALUES_NOWHERE                              \
	}

static const struct sgi_trap_row sgi_trap_rows[] = {
	TRAP_ROWS(sgi1r, SGI_REG_SGI1R),
	TRAP_ROWS(asgi1r, SGI_REG_ASGI1R),
	TRAP_ROWS(sgi0r, SGI_REG_SGI0R),
};

static uint64_t gpr_value(enum sgi_values kind, unsigned n)
{
	struct sgi_request q = {
		.intid = n & 0xf,
		.target_list = (uint16_t)(1u << (n & 0xf) | 0x8000u >> (n & 0x7)),
		.aff1 = n * 8 + 1,
	};

	if (kind == VALUES_NOWHERE) {
		q.aff2 = 0xfd;
		q.aff3 = 0xfe;
		return sgi_encode(&q);
	}
	q.irm = n & 1;
	q.rs = (n >> 1) & 0xf;
	q.aff2 = 0x40 | n;
	q.aff3 = 0x80 | n;
	return sgi_encode(&q) | (kind == VALUES_RES0 ? SGI_RES0_MASK : 0);
}

static const char *sgi_trap_requires(const void *row, char *why, size_t len)
{
	(void)row;
	return cpu_requires(CPU_GICV3, why, len);
}

static const char *sgi_trap_control(const void *row)
{
	const struct sgi_trap_row *r = row;

	if (r->ich_hcr) {
		return "ICH_HCR_EL2.TC";
	}
	if (r->hcr_clear == HCR_FMO) {
		return "HCR_EL2.IMO";
	}
	if (r->hcr_clear == HCR_IMO) {
		return "HCR_EL2.FMO";
	}
	return "HCR_EL2.IMO+FMO";
}

static void run_sgi_trap(struct scenario_ctx *c, const void *row)
{
	const struct sgi_trap_row *r = row;
	uint64_t values[VSGI_GPRS];
	struct sc_setup s = {
		.payload = r->payload,
		.args = {GSYM(gl_vsgi_values)},
		.vcpu = {.hcr_clear = r->hcr_clear, .ich_hcr = r->ich_hcr},
	};
	struct vcpu *v = sc_start(c, &s);

	if (!v) {
		return;
	}
	for (unsigned n = 0; n < VSGI_GPRS; n++) {
		values[n] = gpr_value(r->values, n);
	}
	if (vm_load(sc_vm(c), IPA(GSYM(gl_vsgi_values)), values, sizeof(values))) {
		sc_fail(c, "cannot load the value table into guest RAM");
		return;
	}
	for (unsigned rt = 0; rt <= VSGI_GPRS; rt++) {
		struct exit e = sc_run(c);

		sc_diag(c, "rt", "%u", rt);
		if (!sc_expect_exit(c, &e, EXIT_SYSREG, sgi_trap_esr(r->reg, rt),
				    r->first + 4 * rt)) {
			return;
		}
		/* The written value, from the GPR the syndrome names (ISS.Rt; 31 is xzr). */
		unsigned srt = (unsigned)(e.esr >> ESR_ISS_SYS64_RT_SHIFT) & ESR_ISS_SYS64_RT_MASK;
		uint64_t written = srt < VSGI_GPRS ? v->ctx.x[srt] : 0;

		if (!sc_expect_u64(c, "value", written, rt < VSGI_GPRS ? values[rt] : 0)) {
			return;
		}
		vcpu_skip_insn(v);
	}
	struct exit e = sc_run(c);

	sc_expect_done(c, &e, 0);
}

SCENARIO(
	virq_sgi_trap, .id = "virq.sgi.trap",
	.rule = "with HCR_EL2.IMO or FMO = 1, or ICH_HCR_EL2.TC = 1, an EL1 write to "
		"ICC_SGI1R_EL1/ICC_ASGI1R_EL1/ICC_SGI0R_EL1 traps to EL2 (IHI 0069 12.2): EC 0x18, "
		"IL 1, Op0 3, Op1 0, CRn 12, CRm 11, Op2 5/6/7, Rt = the source register (31 for "
		"xzr), Direction 0, ELR = the MSR; the value is in that GPR",
	SCENARIO_ROWS(sgi_trap_rows), .requires = sgi_trap_requires, .run = run_sgi_trap,
	.ec = "0x18", .row_control = sgi_trap_control,
	.fields = "+HCR_EL2.IMO +HCR_EL2.FMO +ICH_HCR_EL2.TC");
