/* SPDX-License-Identifier: MIT */
/*
 * virq.eoi.*, virq.dir.*: end of a virtual interrupt (IHI 0069, ICV_EOIR0/1_EL1, ICV_DIR_EL1,
 * ICH_HCR_EL2 EOIcount; pseudocode VirtualWriteEOIR0/1() and VirtualWriteDIR()). A guest
 * acknowledges the list registers a row loads, ends them with ICV_EOIR<g>_EL1 and, with
 * ICH_VMCR_EL2.VEOIM = 1, ICV_DIR_EL1, reading ICV_RPR_EL1/HPPIR<g>_EL1 between the steps
 * (guest/virq_eoi.S). Each value it read, then the list registers, ICH_AP0R/AP1R<n>_EL2 and
 * ICH_HCR_EL2.EOIcount after the run, must be what the vGIC oracle permits:
 * - VEOIM = 0: EOIR drops the running priority and deactivates; VEOIM = 1: EOIR only drops it,
 *   DIR deactivates;
 * - nested actives (the second acknowledged after the host made it pending at a sync point,
 *   or enabled by the guest's own ICV_IGRPEN0_EL1) end in reverse order, and a BPR that makes
 *   their group priorities equal stops the preemption;
 * - no row writes an EOIR out of order or through the other group's EOIR: ICV_EOIR<g>_EL1 "must
 *   correspond to the most recent valid read ... from an Interrupt Acknowledge Register,
 *   otherwise the system behavior is UNPREDICTABLE", so no outcome can be checked (the oracle's
 *   vgic_eoir() still follows VirtualWriteEOIR<g>() there); the defined out-of-order case is
 *   ICV_DIR_EL1 with VEOIM = 1, which may deactivate in any order (virq.dir.order);
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

/* One interrupt, each group, each EOI mode; pending and active: left pending by its EOI. */
static const struct eoi_row mode_rows[] = {
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
	{"[pending+active,veoim=0]", VS_VMCR, .lr = {VS_LRPA(1, 0xa0, 40)},
	 .ops = {RPR, HPPIR(1), IAR(1), EOIR(1, 40), RPR, IAR(1), EOIR(1, 40), RPR}},
	{"[pending+active,veoim=1]", VEOIM1, .lr = {VS_LRPA(1, 0xa0, 40)},
	 .ops = {EOIR(1, 40), RPR, IAR(1), DIR(40), IAR(1), EOIR(1, 40), DIR(40), RPR}},
};

/*
 * Nested: 41 (0x80) preempts 40 (0xa0), made pending by the host at the sync point or enabled
 * by the guest's ICV_IGRPEN0_EL1; both end in reverse order. The group priority comes from
 * VBPR1: 0x80 preempts 0x88 with VBPR1 = 3 (bits [7:3]), not with VBPR1 = 4; from VBPR0 for
 * Group 0 (VBPR0 = 2: bits [7:3], 3: [7:4]) and, with VCBPR = 1, for Group 1 too.
 */
static const struct eoi_row nested_rows[] = {
	{"[g1,veoim=0]", VS_VMCR, .lr = {VS_LRP(1, 0xa0, 40)}, .sync_n = 1,
	 .sync_lr = VS_LRP(1, 0x80, 41),
	 .ops = {IAR(1), SYNC, HPPIR(1), IAR(1), RPR, EOIR(1, 41), RPR, EOIR(1, 40), RPR}},
	{"[g1,veoim=1]", VEOIM1, .lr = {VS_LRP(1, 0xa0, 40)}, .sync_n = 1,
	 .sync_lr = VS_LRP(1, 0x80, 41),
	 .ops = {IAR(1), SYNC, IAR(1), RPR, EOIR(1, 41), DIR(41), RPR, EOIR(1, 40), RPR, DIR(40)}},
	{"[g0-preempts-g1]", VS_VMCR & ~ICH_VMCR_VENG0,
	 .lr = {VS_LRP(1, 0xa0, 40), VS_LRP(0, 0x80, 41)},
	 .ops = {IAR(1), IGRPEN0(1), IAR(0), RPR, EOIR(0, 41), RPR, EOIR(1, 40), RPR}},
	{"[vbpr1=3,preempts]", VS_VMCR_BPR(2, 3), .lr = {VS_LRP(1, 0x88, 40)}, .sync_n = 1,
	 .sync_lr = VS_LRP(1, 0x80, 41),
	 .ops = {IAR(1), SYNC, IAR(1), RPR, EOIR(1, 41), RPR, EOIR(1, 40), RPR}},
	{"[vbpr1=4,no-preempt]", VS_VMCR_BPR(2, 4), .lr = {VS_LRP(1, 0x88, 40)}, .sync_n = 1,
	 .sync_lr = VS_LRP(1, 0x80, 41),
	 .ops = {IAR(1), SYNC, HPPIR(1), IAR(1), RPR, EOIR(1, 40), IAR(1), RPR, EOIR(1, 41), RPR}},
	/* Group 0 on VBPR0 (group priority [7:VBPR0+1]); VCBPR = 1 puts Group 1 on VBPR0. */
	{"[g0,vbpr0=2,preempts]", VS_VMCR_BPR(2, 3), .lr = {VS_LRP(0, 0x88, 40)}, .sync_n = 1,
	 .sync_lr = VS_LRP(0, 0x80, 41),
	 .ops = {IAR(0), SYNC, IAR(0), RPR, EOIR(0, 41), RPR, EOIR(0, 40), RPR}},
	{"[g0,vbpr0=3,no-preempt]", VS_VMCR_BPR(3, 3), .lr = {VS_LRP(0, 0x88, 40)}, .sync_n = 1,
	 .sync_lr = VS_LRP(0, 0x80, 41),
	 .ops = {IAR(0), SYNC, HPPIR(0), IAR(0), RPR, EOIR(0, 40), IAR(0), RPR, EOIR(0, 41), RPR}},
	{"[vcbpr=1,vbpr0=3,no-preempt]", VS_VMCR_BPR(3, 3) | ICH_VMCR_VCBPR,
	 .lr = {VS_LRP(1, 0x88, 40)}, .sync_n = 1, .sync_lr = VS_LRP(1, 0x80, 41),
	 .ops = {IAR(1), SYNC, IAR(1), RPR, EOIR(1, 40), IAR(1), EOIR(1, 41), RPR}},
};

/*
 * No LR holds the vINTID any more: the host evicted it (LR 0 cleared at the sync point)
 * between the guest's acknowledge and its EOI or DIR, as a hypervisor short of list registers
 * does. (An EOI of a vINTID the guest never acknowledged is UNPREDICTABLE, ICV_EOIR<g>_EL1: it
 * must match the most recent acknowledge; no row does that.)
 */
static const struct eoi_row count_rows[] = {
	{"[evicted,eoir1,veoim=0]", VS_VMCR, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), SYNC, EOIR(1, 40), RPR, HPPIR(1)}},
	{"[evicted,eoir0,veoim=0]", VS_VMCR, .lr = {VS_LRP(0, 0xa0, 40)},
	 .ops = {IAR(0), SYNC, EOIR(0, 40), RPR}},
	{"[evicted,eoir1,veoim=1]", VEOIM1, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), SYNC, EOIR(1, 40), RPR}},
	{"[evicted,eoicount-wraps]", VS_VMCR, .eoicount = 31, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), SYNC, EOIR(1, 40), RPR}},
};

/*
 * ICV_DIR_EL1 before the EOIR (VEOIM = 1): the LR is deactivated while its priority stays
 * active; the EOIR then drops the priority and, finding no LR, counts in EOIcount.
 */
static const struct eoi_row dir_order_rows[] = {
	{"[dir-before-eoir,veoim=1]", VEOIM1, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), DIR(40), RPR, HPPIR(1), EOIR(1, 40), RPR}},
};

static const struct eoi_row dir_count_rows[] = {
	{"[evicted,veoim=1]", VEOIM1, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), EOIR(1, 40), SYNC, DIR(40), RPR}},
};

/* Special INTIDs are ignored, with and without an active interrupt. */
static const struct eoi_row special_rows[] = {
	{"[eoir1]", VS_VMCR, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), EOIR(1, 1020), EOIR(1, 1021), EOIR(1, 1022), EOIR(1, 1023), RPR,
		 EOIR(1, 40), RPR}},
	{"[eoir0]", VS_VMCR, .lr = {VS_LRP(0, 0xa0, 40)},
	 .ops = {IAR(0), EOIR(0, 1023), EOIR(0, 1020), RPR, EOIR(0, 40), RPR}},
	{"[eoir1,nothing-active]", VS_VMCR, .ops = {EOIR(1, 1023), RPR}},
};

static const struct eoi_row dir_special_rows[] = {
	{"[veoim=1]", VEOIM1, .lr = {VS_LRP(1, 0xa0, 40)},
	 .ops = {IAR(1), EOIR(1, 40), DIR(1023), DIR(1020), IAR(1), DIR(40)}},
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

/* What every family checks besides its own rule, quoted in each rule text. */
#define EOI_CHECKED                                                                                \
	"; the ICV_IAR/HPPIR/RPR values the guest read, the LRs, ICH_AP0R/AP1R<n>_EL2 and "        \
	"ICH_HCR_EL2 after the run are what the vGIC oracle permits (IHI 0069 "                    \
	"VirtualWriteEOIR0/1, "                                                                    \
	"VirtualWriteDIR)"
#define EOI_FAMILY(rows) SCENARIO_ROWS(rows), .requires = eoi_requires, .run = run_eoi

SCENARIO(virq_dir_count, .id = "virq.dir.count",
	 .rule = "with VEOIM = 1, ICV_DIR_EL1 of an acknowledged vINTID whose LR the hypervisor "
		 "evicted increments ICH_HCR_EL2.EOIcount" EOI_CHECKED,
	 EOI_FAMILY(dir_count_rows), .fields = "+ICH_VMCR_EL2.VEOIM");
SCENARIO(virq_dir_order, .id = "virq.dir.order",
	 .rule = "with VEOIM = 1, ICV_DIR_EL1 before the EOIR deactivates the LR and leaves its "
		 "active priority; the later EOIR drops it and counts in EOIcount" EOI_CHECKED,
	 EOI_FAMILY(dir_order_rows), .fields = "+ICH_VMCR_EL2.VEOIM");
SCENARIO(virq_dir_special, .id = "virq.dir.special",
	 .rule = "ICV_DIR_EL1 of a special INTID (1020-1023) is ignored" EOI_CHECKED,
	 EOI_FAMILY(dir_special_rows), .fields = "+ICH_VMCR_EL2.VEOIM");
SCENARIO(virq_eoi_count, .id = "virq.eoi.count",
	 .rule = "ICV_EOIR<g>_EL1 of an acknowledged vINTID whose LR the hypervisor evicted drops "
		 "the priority and increments ICH_HCR_EL2.EOIcount (5 bits, wrapping), either "
		 "VEOIM" EOI_CHECKED,
	 EOI_FAMILY(count_rows), .fields = "+ICH_HCR_EL2.EOIcount");
SCENARIO(virq_eoi_mode, .id = "virq.eoi.mode",
	 .rule = "ICV_EOIR<g>_EL1 drops the highest active priority and, with ICH_VMCR_EL2.VEOIM "
		 "= 0, deactivates the LR (Active -> Invalid, Pending and Active -> Pending); with "
		 "VEOIM = 1 only ICV_DIR_EL1 deactivates" EOI_CHECKED,
	 EOI_FAMILY(mode_rows), .fields = "+-ICH_VMCR_EL2.VEOIM");
SCENARIO(virq_eoi_nested, .id = "virq.eoi.nested",
	 .rule = "a pending vINTID of higher group priority (VBPR0/VBPR1) preempts an active one "
		 "and both end in reverse order; equal group priority does not preempt" EOI_CHECKED,
	 EOI_FAMILY(nested_rows));
SCENARIO(virq_eoi_special, .id = "virq.eoi.special",
	 .rule = "ICV_EOIR<g>_EL1 of a special INTID (1020-1023) is ignored, also with nothing "
		 "active" EOI_CHECKED,
	 EOI_FAMILY(special_rows));
