/* SPDX-License-Identifier: MIT */
/*
 * bench.exit.*: what one round trip of each exit kind costs the harness at EL2, counted by the
 * PMU (kernel/pmu.h): EL2 cycles (PMCCNTR_EL0) and, where INST_RETIRED counts (hardware; QEMU
 * only with -icount), EL2 instructions, both filtered to EL2 so the guest's own work is not in
 * them. The guests (guest/bench_exit.S) read the counters at EL1 just before the instruction
 * that exits and just after they are back, BENCH_ITERATIONS times; each sample is the EL2 work
 * of exactly one round trip (exit, vmm, scenario handling, return), with no measurement
 * overhead in it. bench.exit.switch is timed from EL2 instead, around vcpu_run() alone, minus
 * the cost of one counter read: the world switch without any handling.
 *
 * The points pass whatever the figures (the harness measures itself: there is no architectural
 * rule to check), unless hyptap.bench_max=KIND:N bounds the median: EL2 instructions when they
 * are counted, else cycles. They still fail when the guest or its exits misbehave.
 */
#include <stdio.h>
#include <stdlib.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "bench_stats.h"
#include "bootargs.h"
#include "cpu_id.h"
#include "kalloc.h"
#include "mmio.h"
#include "pmu.h"
#include "runner.h"
#include "scenario.h"
#include "vgic_model.h"
#include "virq/sgi_vcpu.h"

#define BENCH_ITERATIONS 200
#define BENCH_RAM_SIZE	 (1u << 20) /* asked for explicitly: the samples need room */
#define BENCH_SAMPLES_IPA                                                                          \
	(GUEST_RAM_IPA + BENCH_RAM_SIZE / 2) /* above the image, below the stack */
#define BENCH_VINTID	40		     /* the vIRQ of bench.exit.virq */
#define BENCH_SGI	1      /* the vSGI of bench.exit.vsgi (guest/bench_exit.S SGI1R_TO_1) */
#define BENCH_MMIO_DATA 0x5a5a /* what an emulated MMIO load returns */

enum bench_kind {
	BENCH_HVC,
	BENCH_MRS,
	BENCH_WFI,
	BENCH_MMIO_READ,
	BENCH_MMIO_WRITE,
	BENCH_MSR,
	BENCH_VIRQ,
	BENCH_VSGI,
	BENCH_SWITCH,
};

struct bench_def {
	const char *kind; /* bench.exit.<kind>, and the KIND of hyptap.bench_max */
	enum bench_kind k;
	uint64_t payload;
	uint64_t hcr;
	bool gicv3; /* needs the GICv3 CPU interface (ICH_* list registers) */
};

/* What a handler saw of the guest, checked after the run. */
struct bench_run {
	struct scenario_ctx *c;
	const struct bench_def *d;
	struct vcpu *v, *rx; /* rx: the vSGI's receiving vCPU */
	struct vgic_vtr vtr;
	uint64_t *cycles, *insns; /* BENCH_ITERATIONS samples each (instances run on several PEs) */
	uint64_t last_write;	  /* the last value an emulated MMIO store or MSR wrote */
	unsigned handled;
};

static uint64_t bench_lr(const struct bench_run *b, uint32_t vintid)
{
	return vgic_lr_encode(&(struct vgic_lr){.state = VGIC_LR_PENDING,
						.group = 1,
						.priority = VSGI_PRIORITY,
						.vintid = vintid},
			      &b->vtr);
}

/* A trapped MSR/MRS of the register (op0, op1, crn, crm, op2) in direction @read? */
static bool sys_is(const struct exit *e, uint64_t val, bool read)
{
	uint32_t iss = esr_iss(e->esr);

	return e->reason == EXIT_SYSREG && (iss & ESR_ISS_SYS64_SYS_MASK) == val &&
	       ((iss & ESR_ISS_SYS64_DIR_READ) != 0) == read;
}

static unsigned sys_rt(const struct exit *e)
{
	return (unsigned)esr_field(e->esr, ESR_ISS_SYS64_RT_SHIFT, ESR_ISS_SYS64_RT_MASK);
}

/* Handle one exit of the measured guest as the kind says and resume; false: unexpected. */
static bool bench_handle(struct bench_run *b, const struct exit *e)
{
	struct vcpu *v = b->v;
	struct mmio_access a;

	switch (b->d->k) {
	case BENCH_HVC:
		return false; /* the vmm resumes its NOP itself */
	case BENCH_MRS:
		if (!sys_is(e, ESR_ISS_SYS64_VAL(3, 0, 0, 7, 0), true)) { /* ID_AA64MMFR0_EL1 */
			return false;
		}
		vcpu_reg_write(v, sys_rt(e), read_id_aa64mmfr0_el1());
		vcpu_skip_insn(v);
		return true;
	case BENCH_WFI:
		if (e->reason != EXIT_WFX) {
			return false;
		}
		vcpu_skip_insn(v);
		return true;
	case BENCH_MMIO_READ:
	case BENCH_MMIO_WRITE:
		if (e->reason != EXIT_DABT || mmio_decode(e, &a) || a.ipa != GUEST_MMIO_IPA ||
		    a.is_write != (b->d->k == BENCH_MMIO_WRITE)) {
			return false;
		}
		if (a.is_write) {
			b->last_write = mmio_store_data(v, &a);
		} else {
			mmio_complete_load(v, &a, BENCH_MMIO_DATA);
		}
		vcpu_skip_insn(v);
		return true;
	case BENCH_MSR:
		if (!sys_is(e, ESR_ISS_SYS64_VAL(3, 0, 13, 0, 1), false)) { /* CONTEXTIDR_EL1 */
			return false;
		}
		b->last_write = vcpu_reg_read(v, sys_rt(e));
		vcpu_skip_insn(v);
		return true;
	case BENCH_VIRQ:
		if (e->reason != EXIT_HVC || (esr_iss(e->esr) & ESR_ISS_IMM16_MASK) != 1) {
			return false;
		}
		v->vgic.lr[0] = bench_lr(b, BENCH_VINTID);
		return true;
	case BENCH_VSGI: {
		if (!sys_is(e, ESR_ISS_SYS64_VAL(3, 0, 12, 11, 5), false) || /* ICC_SGI1R_EL1 */
		    vcpu_reg_read(v, sys_rt(e)) != ((uint64_t)BENCH_SGI << 24 | 1u << 1)) {
			return false;
		}
		/* The emulation: the target (Aff0 1) is vCPU 1 of the VM; it takes, acks, EOIs. */
		b->rx->vgic.lr[0] = bench_lr(b, BENCH_SGI);
		struct exit r = vcpu_run(b->rx);

		if (r.reason != EXIT_HVC) {
			sc_diag(b->c, "rx_exit", "%s", exit_reason_name(r.reason));
			return false;
		}
		vcpu_skip_insn(v);
		return true;
	}
	case BENCH_SWITCH:
		return e->reason == EXIT_HVC;
	}
	return false;
}

static bool bench_max_check(struct bench_run *b, const char *what, uint64_t median)
{
	uint64_t max;

	if (!bootargs_bench_max(runner_bootargs(), b->d->kind, &max) || median <= max) {
		return true;
	}
	sc_fail(b->c, "the median %s of bench.exit.%s is %llu, above hyptap.bench_max %llu", what,
		b->d->kind, (unsigned long long)median, (unsigned long long)max);
	sc_diag(b->c, "bench_max", "%llu", (unsigned long long)max);
	return false;
}

/* The statistics into the point's comment and YAML, and the bound. */
static void bench_report(struct bench_run *b, uint64_t *cycles, uint64_t *insns, size_t n,
			 bool counted, uint64_t overhead_insns)
{
	struct bench_stats cs = bench_stats_of(cycles, n), is = bench_stats_of(insns, n);
	char ins[80] = "el2_insns=n/a";

	if (counted) {
		snprintf(ins, sizeof(ins), "el2_insns=%llu (min %llu, max %llu)",
			 (unsigned long long)is.median, (unsigned long long)is.min,
			 (unsigned long long)is.max);
	}
	sc_note(b->c, "bench.exit.%s: %s cycles=%llu (min %llu, max %llu) iterations=%u%s",
		b->d->kind, ins, (unsigned long long)cs.median, (unsigned long long)cs.min,
		(unsigned long long)cs.max, (unsigned)n,
		overhead_insns ? " (counter read subtracted)" : "");
	sc_diag(b->c, "el2_insns_median", "%llu", (unsigned long long)(counted ? is.median : 0));
	sc_diag(b->c, "el2_insns_min", "%llu", (unsigned long long)(counted ? is.min : 0));
	sc_diag(b->c, "cycles_median", "%llu", (unsigned long long)cs.median);
	sc_diag(b->c, "cycles_min", "%llu", (unsigned long long)cs.min);
	sc_diag(b->c, "iterations", "%u", (unsigned)n);
	if (counted) {
		bench_max_check(b, "EL2 instruction count", is.median);
	} else {
		bench_max_check(b, "EL2 cycle count", cs.median);
	}
}

/* bench.exit.switch: vcpu_run() timed from EL2, the cost of one pmu_el2_read() subtracted. */
static void bench_switch(struct bench_run *b, bool counted)
{
	struct pmu_count r0, r1, ovh = {UINT64_MAX, UINT64_MAX};

	for (unsigned i = 0; i < 16; i++) {
		r0 = pmu_el2_read(counted);
		r1 = pmu_el2_read(counted);
		struct pmu_count d = pmu_count_delta(r0, r1);

		ovh.cycles = d.cycles < ovh.cycles ? d.cycles : ovh.cycles;
		ovh.insns = d.insns < ovh.insns ? d.insns : ovh.insns;
	}
	for (unsigned i = 0; i < BENCH_ITERATIONS; i++) {
		r0 = pmu_el2_read(counted);
		struct exit e = vcpu_run(b->v);

		r1 = pmu_el2_read(counted);
		if (!bench_handle(b, &e)) {
			sc_fail(b->c, "bench.exit.switch: an exit other than its HVC");
			sc_diag_exit(b->c, &e);
			return;
		}
		struct pmu_count d = pmu_count_delta(r0, r1);

		b->cycles[i] = d.cycles - (d.cycles >= ovh.cycles ? ovh.cycles : d.cycles);
		b->insns[i] = d.insns - (d.insns >= ovh.insns ? ovh.insns : d.insns);
	}
	sc_diag(b->c, "read_overhead_insns", "%llu", (unsigned long long)ovh.insns);
	bench_report(b, b->cycles, b->insns, BENCH_ITERATIONS, counted, 1);
}

/* The other kinds: the guest samples; the scenario handles each exit until the guest is done. */
static void bench_guest(struct bench_run *b, bool counted)
{
	struct exit e;

	for (;;) {
		e = vcpu_run(b->v);
		if (e.reason == EXIT_GUEST_DONE || !bench_handle(b, &e) ||
		    ++b->handled > BENCH_ITERATIONS) {
			break;
		}
	}
	if (!sc_expect_done(b->c, &e, 0)) {
		return;
	}
	const uint64_t *s = vm_ram_ptr(sc_vm(b->c), IPA(BENCH_SAMPLES_IPA),
				       BENCH_ITERATIONS * 2 * sizeof(uint64_t));

	if (!s) {
		sc_fail(b->c, "the sample array is outside guest RAM");
		return;
	}
	/* The guest wrote with its MMU off (non-cacheable): drop the harness's stale lines. */
	kcache_clean_inval(s, BENCH_ITERATIONS * 2 * sizeof(uint64_t));
	for (unsigned i = 0; i < BENCH_ITERATIONS; i++) {
		b->cycles[i] = s[2 * i];
		b->insns[i] = s[2 * i + 1];
	}
	if ((b->d->k == BENCH_MMIO_WRITE || b->d->k == BENCH_MSR) && b->last_write == 0) {
		sc_fail(b->c, "the emulated write never saw the guest's value");
	}
	bench_report(b, b->cycles, b->insns, BENCH_ITERATIONS, counted, 0);
}

static const char *bench_requires(const struct bench_def *d, char *why, size_t len)
{
	if (pmu_cycles_absent(why, len)) {
		return why;
	}
	return d->gicv3 ? cpu_requires(CPU_GICV3, why, len) : NULL;
}

static void bench_run(struct scenario_ctx *c, const struct bench_def *d)
{
	char why[96];
	bool counted = pmu_insns_absent(why, sizeof(why)) == NULL;
	struct bench_run b = {.c = c, .d = d};
	struct vcpu_config vc = {.hcr = d->hcr, .timeout_ms = 5000};

	if (d->gicv3) {
		vc.ich_hcr = ICH_HCR_EN;
		vc.ich_vmcr = vsgi_vmcr();
		vc.vmpidr = 0x80000000;
		b.vtr = vgic_vtr_decode(read_ich_vtr_el2());
	}
	b.v = sc_start(c, &(struct sc_setup){.payload = d->payload,
					     .args = {BENCH_SAMPLES_IPA, BENCH_ITERATIONS, counted},
					     .vm.ram_size = BENCH_RAM_SIZE,
					     .vcpu = vc});
	if (!b.v) {
		return;
	}
	if (d->k == BENCH_VSGI) {
		vc.vmpidr = 0x80000001;
		b.rx = sc_add_vcpu(
			c, sc_vm(c),
			&(struct sc_setup){.payload = GSYM(gp_bench_vsgi_rx), .vcpu = vc});
		if (!b.rx) {
			return;
		}
	}
	if (!counted) {
		sc_diag(c, "el2_insns", "not counted: %s", why);
	}
	b.cycles = calloc(2 * BENCH_ITERATIONS, sizeof(uint64_t));
	if (!b.cycles) {
		sc_fail(c, "out of heap memory for the samples");
		return;
	}
	b.insns = b.cycles + BENCH_ITERATIONS;

	struct pmu_el2_saved saved;

	pmu_el2_start(&saved);
	if (d->k == BENCH_SWITCH) {
		bench_switch(&b, counted);
	} else {
		bench_guest(&b, counted);
	}
	pmu_el2_stop(&saved);
	free(b.cycles);
}

/* One scenario per kind, so that each has the id bench.exit.<kind>. */
#define BENCH_EXIT(name, kind_, ...)                                                               \
	static const struct bench_def bench_def_##name = {.kind = kind_, __VA_ARGS__};             \
	static const char *bench_requires_##name(const void *row, char *why, size_t len)           \
	{                                                                                          \
		(void)row;                                                                         \
		return bench_requires(&bench_def_##name, why, len);                                \
	}                                                                                          \
	static void bench_run_##name(struct scenario_ctx *c, const void *row)                      \
	{                                                                                          \
		(void)row;                                                                         \
		bench_run(c, &bench_def_##name);                                                   \
	}                                                                                          \
	SCENARIO(bench_exit_##name, .id = "bench.exit." kind_,                                     \
		 .rule = "the EL2 cost of one round trip of this exit kind (PMU, EL2 only)",       \
		 .requires = bench_requires_##name, .run = bench_run_##name)

BENCH_EXIT(hvc, "hvc", .k = BENCH_HVC, .payload = GSYM(gp_bench_hvc));
BENCH_EXIT(hvc_fast, "hvc-fast", .k = BENCH_HVC, .payload = GSYM(gp_bench_hvc_fast));
BENCH_EXIT(mrs, "mrs", .k = BENCH_MRS, .payload = GSYM(gp_bench_mrs), .hcr = HCR_TID3);
BENCH_EXIT(wfi, "wfi", .k = BENCH_WFI, .payload = GSYM(gp_bench_wfi), .hcr = HCR_TWI);
BENCH_EXIT(mmio_read, "mmio-read", .k = BENCH_MMIO_READ, .payload = GSYM(gp_bench_mmio_read));
BENCH_EXIT(mmio_write, "mmio-write", .k = BENCH_MMIO_WRITE, .payload = GSYM(gp_bench_mmio_write));
BENCH_EXIT(msr, "msr", .k = BENCH_MSR, .payload = GSYM(gp_bench_msr), .hcr = HCR_TVM);
BENCH_EXIT(virq, "virq", .k = BENCH_VIRQ, .payload = GSYM(gp_bench_virq), .gicv3 = true);
BENCH_EXIT(vsgi, "vsgi", .k = BENCH_VSGI, .payload = GSYM(gp_bench_vsgi), .gicv3 = true);
BENCH_EXIT(switch, "switch", .k = BENCH_SWITCH, .payload = GSYM(gp_bench_switch));
