/* SPDX-License-Identifier: MIT */
/*
 * virq.eoi: end of a virtual interrupt (IHI 0069, ICV_EOIR0/1_EL1, ICV_DIR_EL1, ICH_HCR_EL2
 * EOIcount; pseudocode VirtualWriteEOIR0/1() and VirtualWriteDIR()). A guest acknowledges the
 * list registers a row loads, ends them with ICV_EOIR<g>_EL1 and, with ICH_VMCR_EL2.VEOIM = 1,
 * ICV_DIR_EL1, reading ICV_RPR_EL1/HPPIR<g>_EL1 between the steps (guest/virq_eoi.S). Each
 * value it read, then the list registers, ICH_AP0R/AP1R<n>_EL2 and ICH_HCR_EL2.EOIcount after
 * the run, must be what the vGIC oracle permits:
 * - VEOIM = 0: EOIR drops the running priority and deactivates; VEOIM = 1: EOIR only drops it,
 *   DIR deactivates;
 * - nested actives (the second acknowledged after the host made it pending at a sync point,
 *   or enabled by the guest's own ICV_IGRPEN0_EL1) end in reverse order, and a BPR that makes
 *   their group priorities equal stops the preemption;
 * - an EOI out of order or of the other group: exactly the outcomes the pseudocode permits
 *   (whether the priority drop precedes the checks is IMPLEMENTATION DEFINED; the oracle
 *   gives both);
 * - an EOI or DIR of a vINTID that no LR holds active any more (the host evicted it after the
 *   acknowledge) increments EOIcount (5 bits, wrapping);
 * - EOIR and DIR of the special INTIDs 1020-1023 are ignored.
 * Not covered: ICV_DIR_EL1 with VEOIM = 0 (the oracle gives no outcome for it yet: the register
 * description says "writes are ignored", the oracle takes it as UNPREDICTABLE).
 */
#include "arch/el2.h"
#include "vgic_script_run.h"

#define VS_LRS_ROW 2

struct eoi_row {
	const char *name;
	uint64_t vmcr;	   /* ICH_VMCR_EL2 (VS_VMCR unless the row is about BPR or VEOIM) */
	unsigned eoicount; /* ICH_HCR_EL2.EOIcount at entry */
	struct vs_lr lr[VS_LRS_ROW];
	unsigned sync_n;      /* at the script's VS_SYNC, LR sync_n becomes ... */
	struct vs_lr sync_lr; /* ... this (all 0: the LR is cleared, an eviction) */
	uint16_t ops[VS_OPS_MAX];
};

#define IAR(g)	    VS_OP((g) ? VS_IAR1 : VS_IAR0, 0)
#define HPPIR(g)    VS_OP((g) ? VS_HPPIR1 : VS_HPPIR0, 0)
#define EOIR(g, id) VS_OP((g) ? VS_EOIR1 : VS_EOIR0, id)
#define DIR(id)	    VS_OP(VS_DIR, id)
#define RPR	    VS_OP(VS_RPR, 0)
#define SYNC	    VS_OP(VS_SYNC, 0)
#define IGRPEN0(on) VS_OP(VS_IGRPEN0, on)
#define VEOIM1	    (VS_VMCR | ICH_VMCR_VEOIM)

static const struct eoi_row eoi_rows[] = {
	/* One interrupt, each group, each EOI mode. */
	{"[g1,veoim=0]", VS_VMCR, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), RPR, EOIR(1, 40), RPR, HPPIR(1)}},
	{"[g0,veoim=0]", VS_VMCR, .lr = {VS_LRP(0, 0xa0, 40)},
	 .ops = {IAR(0), RPR, EOIR(0, 40), RPR, HPPIR(0)}},
	{"[g1,veoim=1,eoir+dir]", VEOIM1, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), EOIR(1, 40), RPR, IAR(1), DIR(40), RPR}},
	{"[g0,veoim=1,eoir+dir]", VEOIM1, .lr = {VS_LRP(0, 0x60, 40)},
	 .ops = {IAR(0), EOIR(0, 40), RPR, IAR(0), DIR(40), RPR}},
	{"[g1,veoim=1,eoir-only]", VEOIM1, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), EOIR(1, 40), RPR, HPPIR(1)}},
	/* Pending and active: the EOI leaves it pending, to be acknowledged again. */
	{"[pending+active,veoim=0]", VS_VMCR, .lr = {VS_LRPA(1, 0xa0, 40)},
	 .ops = {RPR, HPPIR(1), IAR(1), EOIR(1, 40), RPR, IAR(1), EOIR(1, 40), RPR}},
	{"[pending+active,veoim=1]", VEOIM1, .lr = {VS_LRPA(1, 0xa0, 40)},
	 .ops = {EOIR(1, 40), RPR, IAR(1), DIR(40), IAR(1), EOIR(1, 40), DIR(40), RPR}},
	/* Nested: 41 (0x80) preempts 40 (0xa0), both end in reverse order. */
	{"[nested,g1,veoim=0]", VS_VMCR, .lr = {VS_LRP(1, 0xa0, 40)}, .sync_n = 1,
	 .sync_lr = VS_LRP(1, 0x80, 41),
	 .ops = {IAR(1), SYNC, HPPIR(1), IAR(1), RPR, EOIR(1, 41), RPR, EOIR(1, 40), RPR}},
	{"[nested,g1,veoim=1]", VEOIM1, .lr = {VS_LRP(1, 0xa0, 40)}, .sync_n = 1,
	 .sync_lr = VS_LRP(1, 0x80, 41),
	 .ops = {IAR(1), SYNC, IAR(1), RPR, EOIR(1, 41), DIR(41), RPR, EOIR(1, 40), RPR, DIR(40)}},
	{"[nested,g0-preempts-g1]", VS_VMCR & ~ICH_VMCR_VENG0,
	 .lr = {VS_LRP(1, 0xa0, 40), VS_LRP(0, 0x80, 41)},
	 .ops = {IAR(1), IGRPEN0(1), IAR(0), RPR, EOIR(0, 41), RPR, EOIR(1, 40), RPR}},
	/* Group priority from VBPR1: 0x80 preempts 0x88 with VBPR1 = 3 ([7:3]), not with 4. */
	{"[nested,vbpr1=3,preempts]", VS_VMCR_BPR(2, 3), .lr = {VS_LRP(1, 0x88, 40)}, .sync_n = 1,
	 .sync_lr = VS_LRP(1, 0x80, 41),
	 .ops = {IAR(1), SYNC, IAR(1), RPR, EOIR(1, 41), RPR, EOIR(1, 40), RPR}},
	{"[nested,vbpr1=4,no-preempt]", VS_VMCR_BPR(2, 4), .lr = {VS_LRP(1, 0x88, 40)}, .sync_n = 1,
	 .sync_lr = VS_LRP(1, 0x80, 41),
	 .ops = {IAR(1), SYNC, HPPIR(1), IAR(1), RPR, EOIR(1, 40), IAR(1), RPR, EOIR(1, 41), RPR}},
	/* Out of order: 40 ended while 41 (higher) is active; the oracle gives both outcomes. */
	{"[out-of-order,g1]", VS_VMCR, .lr = {VS_LRP(1, 0xa0, 40)}, .sync_n = 1,
	 .sync_lr = VS_LRP(1, 0x80, 41),
	 .ops = {IAR(1), SYNC, IAR(1), EOIR(1, 40), RPR, EOIR(1, 41), RPR}},
	{"[other-group,eoir0-of-g1]", VS_VMCR, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), EOIR(0, 40), RPR, EOIR(1, 40), RPR}},
	/*
	 * No LR holds the vINTID any more: the host evicted it (LR 0 cleared at the sync point)
	 * between the guest's acknowledge and its EOI or DIR, as a hypervisor short of list
	 * registers does: EOIcount + 1. (An EOI of a vINTID the guest never acknowledged is
	 * UNPREDICTABLE, ICV_EOIR<g>_EL1: it must match the most recent acknowledge.)
	 */
	{"[evicted,eoir1,veoim=0]", VS_VMCR, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), SYNC, EOIR(1, 40), RPR, HPPIR(1)}},
	{"[evicted,eoir0,veoim=0]", VS_VMCR, .lr = {VS_LRP(0, 0xa0, 40)},
	 .ops = {IAR(0), SYNC, EOIR(0, 40), RPR}},
	{"[evicted,eoir1,veoim=1]", VEOIM1, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), SYNC, EOIR(1, 40), RPR}},
	{"[evicted,eoicount-wraps]", VS_VMCR, .eoicount = 31, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), SYNC, EOIR(1, 40), RPR}},
	{"[evicted,dir,veoim=1]", VEOIM1, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), EOIR(1, 40), SYNC, DIR(40), RPR}},
	/* Special INTIDs are ignored, with and without an active interrupt. */
	{"[special,eoir1]", VS_VMCR, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), EOIR(1, 1020), EOIR(1, 1021), EOIR(1, 1022), EOIR(1, 1023), RPR,
		 EOIR(1, 40), RPR}},
	{"[special,eoir0]", VS_VMCR, .lr = {VS_LRP(0, 0xa0, 40)},
	 .ops = {IAR(0), EOIR(0, 1023), EOIR(0, 1020), RPR, EOIR(0, 40), RPR}},
	{"[special,dir,veoim=1]", VEOIM1, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), EOIR(1, 40), DIR(1023), DIR(1020), IAR(1), DIR(40)}},
	{"[special,eoir1,nothing-active]", VS_VMCR, .ops = {EOIR(1, 1023), RPR}},
};

static unsigned row_lrs(const struct eoi_row *r)
{
	return r->lr[1].state != VGIC_LR_INVALID || r->sync_n == 1 ? 2 : 1;
}

static const char *eoi_requires(const void *row, char *why, size_t len)
{
	return vs_requires(row_lrs(row), why, len);
}

static void run_eoi(struct scenario_ctx *c, const void *row)
{
	const struct eoi_row *w = row;
	uint64_t hcr = ICH_HCR_EN | (uint64_t)w->eoicount << ICH_HCR_EOICOUNT_SHIFT;
	struct vs_run r;
	struct exit e;

	if (!vs_start(&r, c, w->ops, w->vmcr, hcr)) {
		return;
	}
	for (unsigned n = 0; n < VS_LRS_ROW; n++) {
		vs_load_lr(&r, n, &w->lr[n]);
		/* An LR that starts active was acknowledged before: its priority is active. */
		if (w->lr[n].state & VGIC_LR_ACTIVE) {
			vs_set_active_priority(&r, w->lr[n].priority, w->lr[n].group);
		}
	}
	e = sc_run(c);
	if (vs_sync_index(&r, 0) < VS_OPS_MAX) {
		if (!vs_expect_sync(&r, &e)) {
			return;
		}
		vs_load_lr(&r, w->sync_n, &w->sync_lr);
		e = sc_run(c);
	}
	if (sc_expect_done(c, &e, 0)) {
		vs_finish(&r, 0, 0);
	}
}

SCENARIO(
	virq_eoi, .id = "virq.eoi",
	.rule = "ICV_EOIR<g>_EL1 drops the highest active priority and, with ICH_VMCR_EL2.VEOIM "
		"= 0, deactivates the LR (VEOIM = 1: ICV_DIR_EL1 does); an EOI or DIR of an "
		"acknowledged vINTID whose LR was evicted increments ICH_HCR_EL2.EOIcount; special "
		"INTIDs are ignored; out-of-order and other-group EOIs give one of the outcomes "
		"IHI "
		"0069 permits (VirtualWriteEOIR0/1, VirtualWriteDIR); ICV_IAR/HPPIR/RPR, the LRs "
		"and ICH_AP0R/AP1R<n>_EL2 read as the vGIC oracle gives",
	SCENARIO_ROWS(eoi_rows), .requires = eoi_requires, .run = run_eoi);
