/* SPDX-License-Identifier: MIT */
/*
 * smp.vsgi.pe2 / smp.vsgi.pe4: vSGI between the vCPUs of one VM that run at the same time, one
 * per PE (vCPU i on the instance's PE i, with VMPIDR_EL2 Aff0 = i). vCPU 0 writes
 * ICC_SGI1R_EL1; with HCR_EL2.IMO = 1 the write traps to EL2 on PE 0, where the scenario, as
 * the VM's distributor, decodes the value with the vSGI oracle (sgi_targets()). A target on PE
 * 0 (vCPU 0 itself) gets a pending LR before it resumes; a target on another PE gets the vINTID
 * posted and its PE kicked with a physical SGI (gic_sgi_to_cpu()). The kick must take that
 * vCPU out to EL2 on its own PE (EXIT_IRQ with the kick's INTID), whether it is spinning, in a
 * WFI that does not trap, or blocked at EL2 in a trapped WFI (HCR_EL2.TWI), where the vmm
 * (smp/vsgi_pe.c) deactivates the kick and re-enters with the LR loaded.
 *
 * Every vCPU then reports what it took (guest/virq_sgi.S gp_vsgi_pe, with the record of
 * virq.sgi.inject), compared with the vGIC oracle stepped from the LR each got
 * (virq/sgi_vcpu.h): a target acknowledges the SGI's INTID from ICV_IAR1_EL1 exactly once, a
 * non-target nothing within a window that ends VSGI_WINDOW_US after the send at the earliest,
 * and every PE took exactly one kick per vSGI it was sent and left nothing pending or active.
 *
 * GICv3 only: a GICv2 guest sends through GICD_SGIR, which the vmm would have to emulate as
 * MMIO; those rows SKIP with the GIC version as the reason.
 */
#include <stdlib.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "arch/sysreg.h"
#include "counter.h"
#include "cpu_id.h"
#include "gic.h"
#include "hvc.h"
#include "kalloc.h"
#include "scenario.h"
#include "sgi_model.h"
#include "smp.h"
#include "smp/vsgi_pe.h"
#include "vgic_model.h"
#include "virq/sgi_vcpu.h"

#define VSGI_SEND_RT	   19	/* gp_vsgi_pe writes ICC_SGI1R_EL1 from x19 */
#define VSGI_WINDOW_US	   1000 /* vCPU 0 listens this long after its send */
#define VSGI_SYNC_MS	   3000 /* every other vCPU must be listening within this */
#define VSGI_WFI_SETTLE_US 1000 /* a listening vCPU in WFI mode gets this to reach its WFI */
/*
 * A receiver ends by itself VSGI_GRACE_MS after VSGI_R_STOP at the latest, except in WFI with
 * its vSGI lost: then its watchdog ends it, within sc_pe_wait()'s bound (twice the default
 * budget and a second) of the release as long as the release comes within a second or so.
 */
#define VSGI_RECV_TIMEOUT_MS 1000
#define VSGI_PE_WFI	     1 /* gp_vsgi_pe flags */
#define VSGI_PE_STOP	     2

enum vsgi_wait {
	WAIT_SPIN,     /* the receivers spin with interrupts open */
	WAIT_WFI,      /* they wait in WFI, not trapped */
	WAIT_WFI_TRAP, /* in WFI with HCR_EL2.TWI = 1: blocked at EL2 */
};

struct vsgi_row {
	const char *name;
	struct sgi_request q; /* what vCPU 0 writes to ICC_SGI1R_EL1 */
	enum vsgi_wait wait;
};

#define TL(tl_, id_, ...)                                                                          \
	{                                                                                          \
		.target_list = (tl_), .intid = (id_), __VA_ARGS__                                  \
	}
#define IRM(id_)                                                                                   \
	{                                                                                          \
		.irm = true, .intid = (id_)                                                        \
	}

static const struct vsgi_row pe2_rows[] = {
	/* INTID classes to vCPU 1 (its Aff0 bit). */
	{"[tl=0x2,intid=0]", TL(0x2, 0), WAIT_SPIN},
	{"[tl=0x2,intid=7]", TL(0x2, 7), WAIT_SPIN},
	{"[tl=0x2,intid=15]", TL(0x2, 15), WAIT_SPIN},
	/* Both vCPUs; vCPU 0 only (self); nobody; an Aff1 with no vCPU. */
	{"[tl=0x3,intid=7]", TL(0x3, 7), WAIT_SPIN},
	{"[tl=0x1,intid=7]", TL(0x1, 7), WAIT_SPIN},
	{"[tl=0x0,intid=7]", TL(0x0, 7), WAIT_SPIN},
	{"[aff1=1,tl=0x2,intid=7]", TL(0x2, 7, .aff1 = 1), WAIT_SPIN},
	/* IRM = 1: all but self. */
	{"[irm,intid=15]", IRM(15), WAIT_SPIN},
	/* The kick while vCPU 1 waits in WFI, not trapped and trapped. */
	{"[tl=0x2,intid=7,wfi]", TL(0x2, 7), WAIT_WFI},
	{"[tl=0x2,intid=0,wfi-trap]", TL(0x2, 0), WAIT_WFI_TRAP},
	{"[irm,intid=15,wfi-trap]", IRM(15), WAIT_WFI_TRAP},
};

static const struct vsgi_row pe4_rows[] = {
	{"[irm,intid=7]", IRM(7), WAIT_SPIN},
	{"[tl=0xe,intid=15]", TL(0xe, 15), WAIT_SPIN},
	{"[tl=0xa,intid=0]", TL(0xa, 0), WAIT_SPIN},
	{"[tl=0xf,intid=7]", TL(0xf, 7), WAIT_SPIN},
	{"[irm,intid=0,wfi]", IRM(0), WAIT_WFI},
	{"[irm,intid=15,wfi-trap]", IRM(15), WAIT_WFI_TRAP},
};

static const char *vsgi_requires(const void *row, char *why, size_t len)
{
	(void)row;
	return cpu_requires(CPU_GICV3, why, len);
}

/* One instance: its vCPUs, their PEs' loops and what the oracle says each must see. */
struct vsgi_run {
	unsigned n;
	uint64_t mpidr[VSGI_VCPUS_MAX];
	struct vcpu *v[VSGI_VCPUS_MAX];
	struct vsgi_pe pe[VSGI_VCPUS_MAX]; /* [0] unused: vCPU 0 runs here */
	struct vgic_state start[VSGI_VCPUS_MAX];
	struct vm *vm;
	uint32_t targets; /* the oracle's, for the row's value (bit i: vCPU i) */
	unsigned started; /* PEs whose loop was posted (1..started-1) */
	bool lost;	  /* a PE stopped answering and may still write here */
};

static bool vsgi_create(struct scenario_ctx *c, const struct vsgi_row *r, struct vsgi_run *x)
{
	uint64_t value = sgi_encode(&r->q);
	uint64_t vtr = read_ich_vtr_el2();

	if (x->n > sc_pe_count(c)) {
		sc_fail(c, "%u vCPUs need %u PEs, the instance has %u", x->n, x->n, sc_pe_count(c));
		return false;
	}
	for (unsigned i = 0; i < x->n; i++) {
		x->mpidr[i] = MPIDR_AFF(0, 0, 0, i);
	}
	/* RS = 0 and every Aff0 below 16: ICV_CTLR_EL1.RSS plays no part (checked at the trap). */
	x->targets = sgi_targets(value, x->mpidr, x->n, 0, false);
	for (unsigned i = 0; i < x->n; i++) {
		bool target = x->targets & (1u << i);
		uint64_t flags = i ? VSGI_PE_STOP | (r->wait != WAIT_SPIN ? VSGI_PE_WFI : 0) : 0;
		struct sc_setup s = {
			.payload = GSYM(gp_vsgi_pe),
			.args = {i ? 0 : value,
				 (i ? 0 : 1) | i << 8 | flags << 16 | (uint64_t)(i && target) << 24,
				 (i ? 0 : counter_us_to_ticks(VSGI_WINDOW_US)) |
					 counter_us_to_ticks(VSGI_GRACE_MS * 1000ull) << 32},
			.vcpu = {.vmpidr = x->mpidr[i],
				 .ich_hcr = ICH_HCR_EN,
				 .ich_vmcr = vsgi_vmcr(),
				 .hcr = i && r->wait == WAIT_WFI_TRAP ? HCR_TWI : 0,
				 .timeout_ms = i ? VSGI_RECV_TIMEOUT_MS : 0},
		};

		x->v[i] = i ? sc_add_vcpu(c, x->vm, &s) : sc_start(c, &s);
		if (!x->v[i]) {
			return false;
		}
		x->vm = sc_vm(c);
		vgic_state_init(&x->start[i], vtr, vsgi_vmcr(), ICH_HCR_EN);
		x->pe[i] = (struct vsgi_pe){
			.v = x->v[i],
			.wfi_block = r->wait == WAIT_WFI_TRAP,
			.lr = {.state = VGIC_LR_PENDING, .group = 1, .priority = VSGI_PRIORITY},
			.vtr = x->start[i].vtr,
		};
	}
	return true;
}

/*
 * Every other vCPU listening (its READY word), bounded; a target in the trapped-WFI rows also
 * blocked at EL2 (a non-target never waits in WFI: it has nothing to wait for).
 */
static bool vsgi_sync(struct scenario_ctx *c, const struct vsgi_row *r, struct vsgi_run *x)
{
	uint64_t end = read_cntpct_el0() + counter_us_to_ticks(VSGI_SYNC_MS * 1000ull);

	for (unsigned i = 1; i < x->n; i++) {
		for (;;) {
			const uint64_t *rec = vsgi_record(x->vm, i);
			bool ready = rec && rec[VSGI_R_READY] == 1;

			if (r->wait == WAIT_WFI_TRAP && (x->targets & (1u << i))) {
				ready = __atomic_load_n(&x->pe[i].blocked, __ATOMIC_ACQUIRE) != 0;
			}
			if (ready) {
				break;
			}
			if (smp_call_done(sc_pe(c, i)) || read_cntpct_el0() > end) {
				sc_fail(c, "vCPU %u on cpu %u was not %s within %u ms", i,
					sc_pe(c, i),
					r->wait == WAIT_WFI_TRAP ? "blocked in its trapped WFI"
								 : "listening",
					VSGI_SYNC_MS);
				return false;
			}
		}
	}
	if (r->wait == WAIT_WFI) {
		uint64_t settle = read_cntpct_el0() + counter_us_to_ticks(VSGI_WFI_SETTLE_US);

		while (read_cntpct_el0() < settle) {
		}
	}
	return true;
}

/*
 * vCPU 0's write trapped: decode it, load vCPU 0's own LR, post and kick every other target,
 * resume vCPU 0 to the end of its window.
 */
static void vsgi_send(struct scenario_ctx *c, struct vsgi_run *x, uint64_t value)
{
	struct vcpu *v0 = x->v[0];
	struct exit e = sc_run_vcpu(c, v0);
	const uint64_t *rec = vsgi_record(x->vm, 0);

	sc_diag(c, "vcpu", "0 (sender, cpu %u)", sc_pe(c, 0));
	if (!sc_expect_exit(c, &e, EXIT_SYSREG, sgi_trap_esr(SGI_REG_SGI1R, VSGI_SEND_RT),
			    GSYM(gl_vsgi_pe_send)) ||
	    !rec) {
		return;
	}
	unsigned srt = (unsigned)(e.esr >> ESR_ISS_SYS64_RT_SHIFT) & ESR_ISS_SYS64_RT_MASK;
	uint64_t written = srt < 31 ? v0->ctx.x[srt] : 0;
	uint32_t targets = sgi_targets(written, x->mpidr, x->n, 0, rec[VSGI_R_CTLR] & ICC_CTLR_RSS);
	struct vgic_lr lr = x->pe[0].lr;

	lr.vintid = sgi_decode(written).intid;
	sc_expect_u64(c, "value", written, value);
	sc_expect_u64(c, "targets", targets, x->targets);
	for (unsigned i = 0; i < x->n; i++) {
		if (!(targets & (1u << i))) {
			continue;
		}
		x->start[i].lr[0] = lr;
		if (i == 0) {
			v0->vgic.lr[0] = vgic_lr_encode(&lr, &x->start[0].vtr);
		} else {
			vsgi_pe_post(&x->pe[i], lr.vintid);
		}
	}
	/* The posts must be visible to the other PEs before the SGI that makes them look. */
	dsb_ish();
	for (unsigned i = 1; i < x->n; i++) {
		if (targets & (1u << i)) {
			gic_sgi_to_cpu(sc_pe(c, i), VSGI_KICK_SGI);
		}
	}
	vcpu_skip_insn(v0);
	e = sc_run_vcpu(c, v0);
	if (sc_expect_done(c, &e, 0) && (rec = vsgi_record(x->vm, 0))) {
		struct vsgi_expect w = vsgi_predict(&x->start[0]);

		vsgi_expect_vcpu(c, v0, rec, x->mpidr[0], &w);
	}
}

/* End every receiver's wait and collect its PE (bounded); false if one stopped answering. */
static bool vsgi_release(struct scenario_ctx *c, struct vsgi_run *x)
{
	bool ok = true;

	for (unsigned i = 1; i < x->started; i++) {
		__atomic_store_n(&x->pe[i].released, 1, __ATOMIC_RELEASE);
	}
	for (unsigned i = 1; i < x->started; i++) {
		uint64_t *stop = vm_ram_ptr(x->vm,
					    IPA(GSYM(gl_vsgi_results) + VSGI_RECORD * i +
						VSGI_R_STOP * sizeof(uint64_t)),
					    sizeof(uint64_t));

		if (stop) {
			*stop = 1;
			kcache_clean_inval(stop, sizeof(*stop)); /* to the non-cacheable guest */
		}
	}
	for (unsigned i = 1; i < x->started; i++) {
		if (!sc_pe_wait(c, i)) {
			continue;
		}
		/* Where it was: its loop's counters and its guest's record, as they are now. */
		const struct vsgi_pe *p = &x->pe[i];
		const uint64_t *rec = vsgi_record(x->vm, i);

		sc_diag(c, "stuck",
			"vCPU %u: %u runs, %u kick exits, %u blocked kicks, %u WFIs, "
			"blocked %u; record ready %llu taken %llu done 0x%llx",
			i, p->runs, p->kicks, p->block_kicks, p->wfx, p->blocked,
			(unsigned long long)(rec ? rec[VSGI_R_READY] : 0),
			(unsigned long long)(rec ? rec[VSGI_R_TAKEN] : 0),
			(unsigned long long)(rec ? rec[VSGI_R_DONE] : 0));
		ok = false;
	}
	return ok;
}

/* What vCPU @i's PE saw, and what the vCPU reported. */
static void vsgi_check_remote(struct scenario_ctx *c, struct vsgi_run *x, unsigned i)
{
	struct vsgi_pe *p = &x->pe[i];
	bool target = x->targets & (1u << i);
	const uint64_t *rec;

	sc_diag(c, "vcpu",
		"%u (%s, cpu %u: %u runs, %u kick exits, %u kicks while blocked, "
		"%u trapped WFIs, first kick at ELR 0x%llx)",
		i, target ? "target" : "not a target", sc_pe(c, i), p->runs, p->kicks,
		p->block_kicks, p->wfx, (unsigned long long)p->kick_elr);
	sc_expect_u64(c, "kick_state_before", p->kick_before, 0);
	sc_expect_u64(c, "kick_state_after", p->kick_after, 0);
	if (p->leak) {
		sc_fail(c, "cpu %u after the instance: %s", sc_pe(c, i), p->leak_what);
	}
	if (p->bad_iar) {
		sc_fail(c, "cpu %u took IAR 0x%x at EL2, not the kick SGI %u", sc_pe(c, i),
			p->bad_iar, VSGI_KICK_SGI);
	}
	if (p->block_timeout) {
		sc_fail(c,
			"cpu %u blocked in the trapped WFI saw no kick (%u ms after the release)",
			sc_pe(c, i), VSGI_GRACE_MS);
	}
	sc_expect_u64(c, "kicks", p->kicks + p->block_kicks, target ? 1 : 0);
	if (p->wfi_block && target) {
		sc_expect_u64(c, "kicks_while_blocked", p->block_kicks, 1);
	}
	if (!sc_expect_reason(c, &p->last, EXIT_GUEST_DONE)) {
		return;
	}
	if (p->v->reported & (1u << GREPORT_VECTOR)) {
		sc_fail(c, "vCPU %u took an unexpected exception at EL1 (vector 0x%llx)", i,
			(unsigned long long)p->v->reports[GREPORT_VECTOR]);
	}
	sc_expect_u64(c, "guest_status", p->last.status, 0);
	if ((rec = vsgi_record(x->vm, i))) {
		struct vsgi_expect w = vsgi_predict(&x->start[i]);

		vsgi_expect_vcpu(c, p->v, rec, x->mpidr[i], &w);
	}
}

static void vsgi_instance(struct scenario_ctx *c, const struct vsgi_row *r, struct vsgi_run *x)
{
	if (!vsgi_create(c, r, x)) {
		return;
	}
	for (unsigned i = 1; i < x->n; i++) {
		if (sc_on_pe(c, i, vsgi_pe_arm, &x->pe[i])) {
			return;
		}
	}
	for (unsigned i = 1; i < x->n; i++) {
		vcpu_unload(x->v[i]);
		if (sc_on_pe_async(c, i, vsgi_pe_loop, &x->pe[i])) {
			break;
		}
		x->started = i + 1;
	}
	if (x->started == x->n && vsgi_sync(c, r, x)) {
		vsgi_send(c, x, sgi_encode(&r->q));
	}
	if (!vsgi_release(c, x)) {
		x->lost = true;
		return;
	}
	for (unsigned i = 1; i < x->n; i++) {
		if (sc_on_pe(c, i, vsgi_pe_clean, &x->pe[i])) {
			return;
		}
	}
	/* PE 0 sent the kicks only: none of them may have reached it. */
	sc_expect_u64(c, "kick_pending_on_sender", gic_irq_pending(VSGI_KICK_SGI), 0);
	gic_irq_set_pending(VSGI_KICK_SGI, false);
	for (unsigned i = 1; i < x->started; i++) {
		vsgi_check_remote(c, x, i);
	}
}

/* @n vCPUs, one per PE. The state is left to a PE that stopped answering (it may write on). */
static void run_vsgi(struct scenario_ctx *c, const void *row, unsigned n)
{
	struct vsgi_run *x = calloc(1, sizeof(*x));

	if (!x) {
		sc_fail(c, "no memory for the instance's state");
		return;
	}
	x->n = n;
	x->started = 1;
	vsgi_instance(c, row, x);
	if (!x->lost) {
		free(x);
	}
}

static void run_vsgi2(struct scenario_ctx *c, const void *row)
{
	run_vsgi(c, row, 2);
}

static void run_vsgi4(struct scenario_ctx *c, const void *row)
{
	run_vsgi(c, row, 4);
}

#define VSGI_RULE(n_)                                                                              \
	"a vCPU's ICC_SGI1R_EL1 write traps (HCR_EL2.IMO = 1) on its PE; decoded as IHI 0069 "     \
	"12.2 says (TargetList, Aff3.Aff2.Aff1, IRM = all but self), each target on another "      \
	"PE gets the vINTID posted and its PE a physical SGI, which takes that vCPU to EL2 "       \
	"there (EXIT_IRQ with the SGI's INTID) whether it spins, waits in WFI or is blocked "      \
	"at EL2 in a trapped WFI; re-entered with the LR loaded it acknowledges the SGI's "        \
	"INTID from ICV_IAR1_EL1 once; a non-target takes nothing; " n_ " vCPUs on " n_ " PEs "    \
	"at once"

SCENARIO(smp_vsgi_pe2, .id = "smp.vsgi.pe2", .rule = VSGI_RULE("2"), SCENARIO_ROWS(pe2_rows),
	 .requires = vsgi_requires, .run = run_vsgi2, .pes = 2);
SCENARIO(smp_vsgi_pe4, .id = "smp.vsgi.pe4", .rule = VSGI_RULE("4"), SCENARIO_ROWS(pe4_rows),
	 .requires = vsgi_requires, .run = run_vsgi4, .pes = 4);
