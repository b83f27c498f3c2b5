/* SPDX-License-Identifier: MIT */
/*
 * smp.migrate.vgic: a vCPU's GICv3 virtual CPU interface state (v->vgic: the list registers,
 * ICH_VMCR_EL2, ICH_AP0R/AP1R<n>_EL2, ICH_HCR_EL2) moves with it. The guest runs a vGIC script
 * (gp_virq_script, guest/virq_script.h) whose VS_SYNC points are the moves: at each, the
 * harness runs a poison vCPU of another VM on the destination PE (it acknowledged an interrupt
 * of its own there, so that PE's LRs, active priorities and VMCR hold other values) and then
 * resumes the vCPU there. A pending vIRQ/vFIQ loaded before the move is signalled after it
 * (VS_WAIT takes it on the guest's vectors) and acknowledged with its vINTID and priority
 * (ICV_IAR, ICV_RPR); one the guest acknowledged before the move is still active after it
 * (ICV_RPR, and it blocks lower priorities) and its EOI there deactivates it; an ICV_IGRPEN1
 * written before the move still holds after it. Every value the guest read, and the LRs,
 * APRs and EOIcount at the end, are what the vGIC oracle (vgic_model.h, replayed by
 * scenarios/virq/vgic_script.c) permits for one vCPU that never moved.
 */
#include "arch/el2.h"
#include "arch/sysreg.h"
#include "migrate.h"
#include "virq/vgic_script_run.h"

#define MIG_LRS 2

struct vgic_row {
	const char *name;
	struct vs_lr lr[MIG_LRS];
	uint16_t ops[VS_OPS_MAX];
	struct migrate_path path; /* one hop per VS_SYNC of ops */
};

#define IAR(g)	    VS_OP((g) ? VS_IAR1 : VS_IAR0, 0)
#define HPPIR(g)    VS_OP((g) ? VS_HPPIR1 : VS_HPPIR0, 0)
#define EOIR(g, id) VS_OP((g) ? VS_EOIR1 : VS_EOIR0, id)
#define RPR	    VS_OP(VS_RPR, 0)
#define SYNC	    VS_OP(VS_SYNC, 0)
#define WAIT	    VS_OP(VS_WAIT, 4)
#define IGRPEN1(on) VS_OP(VS_IGRPEN1, on)

/* vINTID 0x20 pending at 0x80 and 0x21 at 0x40, both Group 1. */
#define TWO_LRS                                                                                    \
	{                                                                                          \
		VS_LRP(1, 0x80, 0x20), VS_LRP(1, 0x40, 0x21)                                       \
	}

static const struct vgic_row vgic_rows[] = {
	{"[pending,g1,pe0>pe1]",
	 {VS_LRP(1, 0x80, 0x20)},
	 {SYNC, HPPIR(1), WAIT, IAR(1), RPR, EOIR(1, 0x20), RPR},
	 {1, {0, 1}}},
	{"[pending,g0,pe0>pe1]",
	 {VS_LRP(0, 0x60, 0x22)},
	 {SYNC, HPPIR(0), WAIT, IAR(0), RPR, EOIR(0, 0x22), RPR},
	 {1, {0, 1}}},
	{"[pending,g1,pe1>pe0]",
	 {VS_LRP(1, 0x80, 0x20)},
	 {SYNC, HPPIR(1), WAIT, IAR(1), RPR, EOIR(1, 0x20), RPR},
	 {1, {1, 0}}},
	{"[active,g1,pe0>pe1]",
	 {VS_LRP(1, 0x40, 0x21)},
	 {IAR(1), RPR, SYNC, RPR, HPPIR(1), EOIR(1, 0x21), RPR},
	 {1, {0, 1}}},
	{"[active+pending,pe0>pe1]",
	 TWO_LRS,
	 {IAR(1), SYNC, RPR, IAR(1), EOIR(1, 0x21), IAR(1), RPR, EOIR(1, 0x20), RPR},
	 {1, {0, 1}}},
	{"[active+pending,pe0>pe1>pe0]",
	 TWO_LRS,
	 {IAR(1), SYNC, RPR, EOIR(1, 0x21), SYNC, IAR(1), RPR, EOIR(1, 0x20), RPR},
	 {2, {0, 1, 0}}},
	{"[igrpen1=0,pe0>pe1]",
	 {VS_LRP(1, 0x80, 0x20)},
	 {IGRPEN1(0), SYNC, HPPIR(1), IAR(1), IGRPEN1(1), IAR(1), RPR, EOIR(1, 0x20)},
	 {1, {0, 1}}},
};

/*
 * The poison: it acknowledges a Group 1 vINTID at priority 0x10 (LR0 active, its active
 * priority bit set), keeps another pending in LR1, under another VMCR (VEOIM = 1, VPMR 0xf8),
 * and yields at each VS_SYNC.
 */
static const uint16_t poison_ops[VS_OPS_MAX] = {IAR(1), SYNC, SYNC, SYNC};
#define POISON_VMCR (ICH_VMCR_VENG0 | ICH_VMCR_VENG1 | ICH_VMCR_VPMR(0xf8) | ICH_VMCR_VEOIM)

static const char *vgic_requires(const void *row, char *why, size_t len)
{
	(void)row;
	return vs_requires(MIG_LRS, why, len);
}

static struct vcpu *poison_add(struct scenario_ctx *c)
{
	struct sc_setup s = {.payload = GSYM(gp_virq_script),
			     .vm.ram_size = MIGRATE_RAM_SIZE,
			     .vcpu.ich_vmcr = POISON_VMCR,
			     .vcpu.ich_hcr = ICH_HCR_EN,
			     .vcpu.vmpidr = MIGRATE_POISON_VMPIDR};
	struct vgic_vtr vtr = vgic_vtr_decode(read_ich_vtr_el2());
	const struct vgic_lr lrs[MIG_LRS] = {
		{.state = VGIC_LR_PENDING, .group = 1, .priority = 0x10, .vintid = 0x3f},
		{.state = VGIC_LR_PENDING, .group = 1, .priority = 0x18, .vintid = 0x3e}};
	struct vm *vm;
	struct vcpu *p;

	vs_args(poison_ops, s.args);
	if (!(vm = sc_add_vm(c, &s)) || !(p = sc_add_vcpu(c, vm, &s))) {
		return NULL;
	}
	for (unsigned n = 0; n < MIG_LRS; n++) {
		p->vgic.lr[n] = vgic_lr_encode(&lrs[n], &vtr);
	}
	return p;
}

static void run_vgic(struct scenario_ctx *c, const void *row)
{
	const struct vgic_row *w = row;
	struct vs_run r;
	struct vcpu *p;
	struct exit e;

	if (!vs_start(&r, c, w->ops, VS_VMCR, ICH_HCR_EN)) {
		return;
	}
	/* vs_start() takes no vCPU config beyond the vGIC: VMPIDR_EL2 is read at every load. */
	r.v->cfg.vmpidr = MIGRATE_VMPIDR;
	for (unsigned n = 0; n < MIG_LRS; n++) {
		vs_load_lr(&r, n, &w->lr[n]);
	}
	if (!(p = poison_add(c))) {
		return;
	}
	for (unsigned h = 0; h <= w->path.hops; h++) {
		unsigned k = w->path.pe[h];

		if (h && !migrate_poison(c, p, k, VS_SYNC_IMM, 0)) {
			return;
		}
		e = sc_run_vcpu_on(c, r.v, k);
		if (h < w->path.hops && !vs_expect_sync(&r, &e)) {
			sc_diag(c, "run", "%u, on cpu %u", h, sc_pe(c, k));
			return;
		}
	}
	if (sc_expect_done(c, &e, 0)) {
		vs_finish(&r, 0, 0);
	}
}

SCENARIO(
	smp_migrate_vgic, .id = "smp.migrate.vgic", .pes = 2,
	.rule = "A vCPU moved between PEs keeps its virtual CPU interface (ICH_LR<n>_EL2, "
		"ICH_VMCR_EL2, ICH_AP0R/AP1R<n>_EL2, ICH_HCR_EL2): a pending vINTID loaded before "
		"the move is signalled and acknowledged after it with its vINTID and priority, one "
		"acknowledged before it stays active and is ended by an EOI after it; every value "
		"read and the state at the end as the vGIC oracle permits for a vCPU that never "
		"moved (the PE it moves to just ran another VM's vCPU with other LRs, APRs, VMCR)",
	SCENARIO_ROWS(vgic_rows), .requires = vgic_requires, .run = run_vgic);
