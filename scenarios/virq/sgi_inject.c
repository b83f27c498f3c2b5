/* SPDX-License-Identifier: MIT */
/*
 * virq.sgi.inject: vSGI between the vCPUs of one VM on this PE. Each vCPU has an affinity of its
 * own (VMPIDR_EL2). The sender writes an SGI register; the write traps (sgi_trap_esr()), and the
 * scenario, playing the VM's distributor, decodes the value with the oracle (sgi_targets(),
 * sgi_group()) and makes the SGI pending on each target through a list register (State
 * pending, vINTID = the SGI, the register's group, one priority; a GICv3 SGI carries no source
 * vCPU, so there is nothing else to put in). Then every vCPU runs a bounded window with
 * interrupts unmasked on its own vectors (guest/virq_sgi.S), acknowledging and EOIing what it
 * takes, and reads the HPPIRs and IARs afterwards.
 *
 * What each vCPU must see comes from the vGIC oracle (vgic_model.h), stepped from the LRs this
 * scenario wrote the way the guest steps the CPU: which line is signalled, the vINTID each
 * acknowledge returns, the state after the EOI, the HPPIR/IAR values left and the list
 * register as the vmm saves it. A non-target starts with no LR, so the oracle predicts nothing
 * taken within the window and 1023 from every HPPIR and IAR.
 */
#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/sysreg.h"
#include "counter.h"
#include "cpu_id.h"
#include "gic_model.h"
#include "kalloc.h"
#include "scenario.h"
#include "sgi_model.h"
#include "vgic_model.h"
#include "virq/sgi_vcpu.h"

#define VSGI_WINDOW_US 20 /* interrupts unmasked for this long (CNTVCT) in every vCPU */
#define VSGI_SEND_RT   19 /* gp_vsgi_vcpu writes the SGI register from x19 */

/** The vCPUs of the VM and their affinities (MPIDR_EL1 as each reads it). */
struct vsgi_topo {
	unsigned count;
	uint64_t mpidr[VSGI_VCPUS_MAX];
};

static const struct vsgi_topo topo2 = {2, {MPIDR_AFF(0, 0, 0, 0), MPIDR_AFF(0, 0, 0, 1)}};
/* Aff0 17 is reachable by a targeted SGI only with RS = 1 (ICV_CTLR_EL1.RSS = 1). */
static const struct vsgi_topo topo3 = {
	3, {MPIDR_AFF(0, 0, 0, 0), MPIDR_AFF(0, 0, 0, 1), MPIDR_AFF(0, 0, 0, 17)}};
static const struct vsgi_topo topo4 = {4,
				       {MPIDR_AFF(0, 0, 0, 0), MPIDR_AFF(0, 0, 0, 1),
					MPIDR_AFF(0, 0, 1, 3), MPIDR_AFF(0, 1, 2, 0)}};

struct sgi_inject_row {
	const char *name;
	const struct vsgi_topo *topo;
	enum sgi_reg reg;
	unsigned sender;
	struct sgi_request q;
};

#define TL(tl_, id_)                                                                               \
	{                                                                                          \
		.target_list = (tl_), .intid = (id_)                                               \
	}
#define INTID_ROW(n)                                                                               \
	{                                                                                          \
		"[2vcpus,sgi1r,tl=0x2,intid=" #n "]", &topo2, SGI_REG_SGI1R, 0, TL(0x2, n)         \
	}
#define IRM(id_, ...)                                                                              \
	{                                                                                          \
		.irm = true, .intid = (id_), __VA_ARGS__                                           \
	}

static const struct sgi_inject_row sgi_inject_rows[] = {
	/* Every SGI INTID, to the other vCPU. */
	INTID_ROW(0),
	INTID_ROW(1),
	INTID_ROW(2),
	INTID_ROW(3),
	INTID_ROW(4),
	INTID_ROW(5),
	INTID_ROW(6),
	INTID_ROW(7),
	INTID_ROW(8),
	INTID_ROW(9),
	INTID_ROW(10),
	INTID_ROW(11),
	INTID_ROW(12),
	INTID_ROW(13),
	INTID_ROW(14),
	INTID_ROW(15),
	/* Target-list forms: self and other, self only, nobody, from another sender. */
	{"[2vcpus,sgi1r,tl=0x3,intid=1]", &topo2, SGI_REG_SGI1R, 0, TL(0x3, 1)},
	{"[2vcpus,sgi1r,tl=0x1,intid=2]", &topo2, SGI_REG_SGI1R, 0, TL(0x1, 2)},
	{"[2vcpus,sgi1r,tl=0x0,intid=3]", &topo2, SGI_REG_SGI1R, 0, TL(0x0, 3)},
	{"[2vcpus,sgi1r,from-vcpu1,tl=0x1,intid=4]", &topo2, SGI_REG_SGI1R, 1, TL(0x1, 4)},
	{"[4vcpus,sgi1r,tl=0xffff,intid=8]", &topo4, SGI_REG_SGI1R, 0, TL(0xffff, 8)},
	/* Affinity: Aff1, Aff2.Aff1, and an Aff1 with no vCPU at that Aff0. */
	{"[4vcpus,sgi1r,aff1=1,tl=0x8,intid=5]",
	 &topo4,
	 SGI_REG_SGI1R,
	 0,
	 {.aff1 = 1, .target_list = 0x8, .intid = 5}},
	{"[4vcpus,sgi1r,aff2=1,aff1=2,tl=0x1,intid=6]",
	 &topo4,
	 SGI_REG_SGI1R,
	 0,
	 {.aff2 = 1, .aff1 = 2, .target_list = 0x1, .intid = 6}},
	{"[4vcpus,sgi1r,aff1=1,tl=0x1,intid=7]",
	 &topo4,
	 SGI_REG_SGI1R,
	 0,
	 {.aff1 = 1, .target_list = 0x1, .intid = 7}},
	/* IRM = 1: all but self, whatever the affinity fields say. */
	{"[4vcpus,sgi1r,irm,intid=9]", &topo4, SGI_REG_SGI1R, 0, IRM(9)},
	{"[4vcpus,sgi1r,irm+aff1=1+tl=0x8,intid=10]", &topo4, SGI_REG_SGI1R, 0,
	 IRM(10, .aff1 = 1, .target_list = 0x8)},
	{"[4vcpus,sgi1r,from-vcpu2,irm,intid=11]", &topo4, SGI_REG_SGI1R, 2, IRM(11)},
	/* RS = 1: Aff0 17 with ICV_CTLR_EL1.RSS = 1; RS ignored (Aff0 1) with RSS = 0. */
	{"[3vcpus,sgi1r,rs=1,tl=0x2,intid=12]",
	 &topo3,
	 SGI_REG_SGI1R,
	 0,
	 {.rs = 1, .target_list = 0x2, .intid = 12}},
	/* Group 0: ICC_SGI0R_EL1, and ICC_ASGI1R_EL1 with one Security state. */
	{"[2vcpus,asgi1r,tl=0x2,intid=13]", &topo2, SGI_REG_ASGI1R, 0, TL(0x2, 13)},
	{"[2vcpus,sgi0r,tl=0x2,intid=14]", &topo2, SGI_REG_SGI0R, 0, TL(0x2, 14)},
	{"[2vcpus,sgi0r,tl=0x3,intid=0]", &topo2, SGI_REG_SGI0R, 0, TL(0x3, 0)},
	{"[4vcpus,sgi0r,irm,intid=15]", &topo4, SGI_REG_SGI0R, 0, IRM(15)},
};

/* gp_vsgi_vcpu's register selector: 1 SGI1R, 2 ASGI1R, 3 SGI0R. */
static uint64_t send_selector(enum sgi_reg r)
{
	return r == SGI_REG_SGI1R ? 1 : r == SGI_REG_ASGI1R ? 2 : 3;
}

static uint64_t send_label(enum sgi_reg r)
{
	return r == SGI_REG_SGI1R    ? GSYM(gl_vsgi_send_sgi1r)
	       : r == SGI_REG_ASGI1R ? GSYM(gl_vsgi_send_asgi1r)
				     : GSYM(gl_vsgi_send_sgi0r);
}

static const char *sgi_inject_requires(const void *row, char *why, size_t len)
{
	(void)row;
	return cpu_requires(CPU_GICV3, why, len);
}

static void run_sgi_inject(struct scenario_ctx *c, const void *row)
{
	const struct sgi_inject_row *r = row;
	const struct vsgi_topo *t = r->topo;
	uint64_t value = sgi_encode(&r->q);
	uint64_t vtr = read_ich_vtr_el2();
	struct vcpu *vcpus[VSGI_VCPUS_MAX];
	struct vgic_state start[VSGI_VCPUS_MAX];
	uint64_t ticks = counter_us_to_ticks(VSGI_WINDOW_US);
	struct vm *vm = NULL;

	for (unsigned i = 0; i < t->count; i++) {
		bool sends = i == r->sender;
		struct sc_setup s = {
			.payload = GSYM(gp_vsgi_vcpu),
			.args = {sends ? value : 0, (sends ? send_selector(r->reg) : 0) | i << 8,
				 ticks},
			.vcpu = {.vmpidr = t->mpidr[i],
				 .ich_hcr = ICH_HCR_EN,
				 .ich_vmcr = vsgi_vmcr()},
		};

		vcpus[i] = i ? sc_add_vcpu(c, vm, &s) : sc_start(c, &s);
		if (!vcpus[i]) {
			return;
		}
		vm = sc_vm(c);
		vgic_state_init(&start[i], vtr, vsgi_vmcr(), ICH_HCR_EN);
	}

	/* The sender's write traps; decode it as the VM's distributor and fill in the LRs. */
	struct vcpu *sender = vcpus[r->sender];
	struct exit e = sc_run_vcpu(c, sender);
	const uint64_t *rec = vsgi_record(vm, r->sender);

	sc_diag(c, "vcpu", "%u (sender)", r->sender);
	if (!sc_expect_exit(c, &e, EXIT_SYSREG, sgi_trap_esr(r->reg, VSGI_SEND_RT),
			    send_label(r->reg)) ||
	    !rec) {
		return;
	}
	uint64_t ctlr = rec[VSGI_R_CTLR];
	unsigned srt = (unsigned)(e.esr >> ESR_ISS_SYS64_RT_SHIFT) & ESR_ISS_SYS64_RT_MASK;
	uint64_t written = srt < 31 ? sender->ctx.x[srt] : 0;
	uint32_t targets = sgi_targets(written, t->mpidr, t->count, r->sender, ctlr & ICC_CTLR_RSS);
	struct vgic_lr lr = {.state = VGIC_LR_PENDING,
			     .group = sgi_group(r->reg),
			     .priority = VSGI_PRIORITY,
			     .vintid = sgi_decode(written).intid};

	sc_expect_u64(c, "value", written, value);
	sc_diag(c, "targets", "0x%x (ICV_CTLR_EL1.RSS %u)", (unsigned)targets,
		(unsigned)!!(ctlr & ICC_CTLR_RSS));
	for (unsigned i = 0; i < t->count; i++) {
		if (targets & (1u << i)) {
			start[i].lr[0] = lr;
			vcpus[i]->vgic.lr[0] = vgic_lr_encode(&lr, &start[i].vtr);
		}
	}
	vcpu_skip_insn(sender);

	/* The sender resumes first (it may be a target itself), then every other vCPU. */
	for (unsigned k = 0; k < t->count; k++) {
		unsigned i = (r->sender + k) % t->count;
		struct vsgi_expect x = vsgi_predict(&start[i]);

		sc_diag(c, "vcpu", "%u (%s)", i, (targets & (1u << i)) ? "target" : "not a target");
		if (x.ambiguous) {
			sc_fail(c, "the oracle permits several outcomes for vCPU %u", i);
			return;
		}
		e = sc_run_vcpu(c, vcpus[i]);
		if (!sc_expect_done(c, &e, 0) || !(rec = vsgi_record(vm, i))) {
			return;
		}
		vsgi_expect_vcpu(c, vcpus[i], rec, t->mpidr[i], &x);
	}
}

SCENARIO(virq_sgi_inject, .id = "virq.sgi.inject",
	 .rule = "a trapped SGI write, decoded as IHI 0069 12.2 says (TargetList, Aff3.Aff2.Aff1, "
		 "RS, IRM = all but self, INTID; SGI1R Group 1, SGI0R and ASGI1R Group 0) and "
		 "injected as a pending LR into each target vCPU of the VM, is taken once by "
		 "exactly the targets on the vector of its group and acknowledged from "
		 "ICV_IAR<g>_EL1 with the SGI's INTID; a non-target takes nothing in a 20 us "
		 "window with PSTATE.I/F clear and reads 1023 from ICV_HPPIR<g>/IAR<g>; the LR "
		 "and registers follow the vGIC oracle",
	 SCENARIO_ROWS(sgi_inject_rows), .requires = sgi_inject_requires, .run = run_sgi_inject);
