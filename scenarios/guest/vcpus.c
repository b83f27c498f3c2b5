/* SPDX-License-Identifier: MIT */
/*
 * guest.vcpus: several VMs and vCPUs in one instance take turns on the CPU. Every vCPU writes
 * a value of its own into EL1 registers, a callee-saved GPR, a word of its VM's RAM and (GICv3)
 * ICV_PMR_EL1, then yields with HVC #1; once all have yielded, each is resumed and reports what
 * it reads back. The vmm must switch the EL1 and virtual-interface context between vCPUs, and
 * each VM has its own RAM behind the same IPA (its own stage 2 and VMID, no TLB maintenance
 * between VMs), so the expectation follows from the topology alone: own registers, and the RAM
 * word of the last vCPU of the same VM that stored to it.
 */
#include "arch/sysreg.h"
#include "esr_model.h"
#include "gic_model.h"
#include "hvc.h"
#include "scenario.h"

#define VCPUS_MAX 4

struct vcpus_row {
	const char *name;
	unsigned vcpus;
	unsigned vm_of[VCPUS_MAX]; /* the VM (0..) each vCPU runs in; VMs are numbered densely */
};

static const struct vcpus_row vcpus_rows[] = {
	{"[1vm,2vcpus]", 2, {0, 0}},
	{"[2vms,1vcpu-each]", 2, {0, 1}},
	{"[2vms,3vcpus]", 3, {0, 0, 1}},
	{"[4vms,1vcpu-each]", 4, {0, 1, 2, 3}},
};

/* A value per vCPU, 32 bits so that CONTEXTIDR_EL1 (PROCID) holds it whole. */
static uint64_t vcpu_value(unsigned i)
{
	return 0x5a000000ULL | (i + 1) * 0x010101ULL;
}

/* A priority mask per vCPU, or 0 (the payload skips ICC_PMR_EL1) without GICv3. */
static uint64_t vcpu_pmr(unsigned i)
{
	return vmm_caps.gic_version == 3 ? 0xf0 - 0x20 * i : 0;
}

/* The RAM word vCPU @i reads: all stores happen before any read-back, in vCPU order. */
static uint64_t expected_word(const struct vcpus_row *r, unsigned i)
{
	unsigned last = i;

	for (unsigned j = 0; j < r->vcpus; j++) {
		if (r->vm_of[j] == r->vm_of[i]) {
			last = j;
		}
	}
	return vcpu_value(last);
}

static void expect_readback(struct scenario_ctx *c, const struct vcpus_row *r, unsigned i)
{
	static const char *const regs[] = {
		"tpidr_el1", "tpidr_el0", "tpidrro_el0", "contextidr_el1",
		"sp_el0",    "far_el1",	  "x19"};
	uint64_t got;

	for (unsigned k = 0; k < sizeof(regs) / sizeof(regs[0]); k++) {
		if (sc_report(c, GREPORT_USER + k, &got)) {
			sc_expect_u64(c, regs[k], got, vcpu_value(i));
		}
	}
	if (sc_report(c, GREPORT_USER + 7, &got)) {
		sc_expect_u64(c, "ram_word", got, expected_word(r, i));
	}
	if (vcpu_pmr(i) && sc_report(c, GREPORT_USER + 8, &got)) {
		struct icv_state s = {.vtr = read_ich_vtr_el2()};
		uint64_t mask;

		icv_write(&s, ICV_PMR, vcpu_pmr(i));
		sc_expect_u64(c, "icv_pmr_el1", got, icv_read(&s, ICV_PMR, &mask) & mask);
	}
}

static void run_vcpus(struct scenario_ctx *c, const void *row)
{
	const struct vcpus_row *r = row;
	struct vm *vms[VCPUS_MAX] = {0};
	struct vcpu *vcpus[VCPUS_MAX];

	for (unsigned i = 0; i < r->vcpus; i++) {
		struct sc_setup s = {.payload = GSYM(gp_vcpu_context),
				     .args = {vcpu_value(i), vcpu_pmr(i)}};
		unsigned vm = r->vm_of[i];

		if (!vms[vm] && !(vms[vm] = sc_add_vm(c, &s))) {
			return;
		}
		if (!(vcpus[i] = sc_add_vcpu(c, vms[vm], &s))) {
			return;
		}
	}
	for (unsigned i = 0; i < r->vcpus; i++) {
		struct exit e = sc_run_vcpu(c, vcpus[i]);

		sc_diag(c, "vcpu", "%u (VM %u, VMID %u)", i, r->vm_of[i], vms[r->vm_of[i]]->vmid);
		if (!sc_expect_exit(c, &e, EXIT_HVC, esr_expect_hvc64(1), GSYM(gl_vcpu_yield))) {
			return;
		}
	}
	for (unsigned i = 0; i < r->vcpus; i++) {
		struct exit e = sc_run_vcpu(c, vcpus[i]);

		sc_diag(c, "vcpu", "%u resumed", i);
		if (sc_expect_done(c, &e, 0)) {
			expect_readback(c, r, i);
		}
	}
}

SCENARIO(guest_vcpus, .id = "guest.vcpus",
	 .rule = "vCPUs of one instance take turns: each reads back its own EL1 registers (TPIDR*, "
		 "CONTEXTIDR, SP_EL0, FAR_EL1), GPRs and ICV_PMR_EL1; a RAM word holds the last "
		 "store of a vCPU of the same VM (each VM its own stage 2 and VMID, no TLB "
		 "maintenance between them)",
	 SCENARIO_ROWS(vcpus_rows), .run = run_vcpus);
