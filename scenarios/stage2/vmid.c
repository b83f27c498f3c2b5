/* SPDX-License-Identifier: MIT */
/*
 * stage2.vmid: two VMs with their own VMIDs map the same IPA (PROBE_IPA) to different physical
 * pages and run alternately, several rounds, without TLB maintenance between them: each read
 * and each store must use its own VM's page, unless the two VMIDs are one VMID. They are one
 * when VTCR_EL2.VS = 0 (or without FEAT_VMID16) and they differ only in bits [15:8]: the
 * VMID[] pseudocode then uses VTTBR_EL2.VMID[7:0], bits [15:8] being RES0 (VTTBR_EL2, "When
 * FEAT_VMID16 is not implemented or VTCR_EL2.VS == '0'"), so the other VM's entries may be hit
 * and either page is permitted. That aliasing is then checked positively: VM A's probe is moved
 * to its second page, and TLBI VMALLS12E1 is issued with VM B's VTTBR_EL2 (and VTCR_EL2):
 * for one VMID it must invalidate A's entries too (A sees its new page only), for distinct
 * VMIDs it need not (old or new permitted), and B, whose own entries that TLBI removed, must
 * still translate correctly. Before that move, the same TLBI must leave A translating to its
 * own page (the other VMID's entries stay usable). The oracle is tlb_model.c; nothing here decides
 * an outcome.
 */
#include "cpu_id.h"
#include "s2probe.h"
#include "tlbi.h"

#define VMID_ROUNDS 3

struct vmid_row {
	const char *name;
	uint16_t vmid_a, vmid_b;
	unsigned vmid_bits; /* 8: VTCR_EL2.VS = 0; 16: VS = 1 */
	bool s1;	    /* the guests' stage 1 on (combined stage 1+2 entries) */
};

static const struct vmid_row vmid_rows[] = {
	{"[vs=0][a=0x01,b=0x02]", 0x01, 0x02, 8, false},
	{"[vs=0][a=0x01,b=0xff]", 0x01, 0xff, 8, false},
	{"[vs=0][a=0x0001,b=0x0101]", 0x0001, 0x0101, 8, false}, /* one VMID: [15:8] RES0 */
	{"[vs=0][a=0x00fe,b=0xfffe]", 0x00fe, 0xfffe, 8, false}, /* likewise */
	{"[vs=1][a=0x0001,b=0x0002]", 0x0001, 0x0002, 16, false},
	{"[vs=1][a=0x0001,b=0x0101]", 0x0001, 0x0101, 16, false}, /* same low 8 bits, two VMIDs */
	{"[vs=1][a=0x00ff,b=0xffff]", 0x00ff, 0xffff, 16, false},
	{"[vs=1][a=0x8000,b=0x0080]", 0x8000, 0x0080, 16, false},
	{"[vs=0][a=0x0001,b=0x0101][s1=on]", 0x0001, 0x0101, 8, true},
	{"[vs=1][a=0x0001,b=0x0101][s1=on]", 0x0001, 0x0101, 16, true},
};

static const char *vmid_requires(const void *row, char *why, size_t len)
{
	const struct vmid_row *r = row;

	return r->vmid_bits == 16 ? cpu_requires(CPU_VMID16, why, len) : NULL;
}

/* One run of @p storing @store: its read and its store must be in the model's permitted set. */
static bool vmid_round(struct scenario_ctx *c, struct tlb_model *m, struct s2probe *ps, unsigned i,
		       uint64_t store, const char *what)
{
	struct s2probe *p = &ps[i];
	uint32_t permitted = tlb_model_read(m, &p->regime, PROBE_IPA, p->mapped, 3);
	unsigned obs;

	if (!s2probe_run(c, p, store, &obs) || !s2probe_check(c, what, obs, permitted)) {
		return false;
	}
	return s2probe_check(c, "its store", s2probe_store_out(ps, 2, store), permitted);
}

static void run_vmid(struct scenario_ctx *c, const void *row)
{
	const struct vmid_row *r = row;
	struct s2probe ps[2];
	struct tlb_model m;
	static const struct tlb_inval s12 = {.kind = TLBI_SCOPE_VMALLS12E1};
	static const struct vm_tlbi_step s12_step = {.op = VM_TLBI_VMALLS12E1};

	if (!s2probe_add(c, &ps[0],
			 &(struct vm_config){.vmid = r->vmid_a, .vmid_bits = r->vmid_bits}, 1,
			 r->s1, false) ||
	    !s2probe_add(c, &ps[1],
			 &(struct vm_config){.vmid = r->vmid_b, .vmid_bits = r->vmid_bits}, 3,
			 r->s1, false)) {
		return;
	}
	/* The runner invalidated both VMIDs when their last users were destroyed. */
	tlb_model_init(&m, cpu_has(cpu_id_regs(), CPU_VMID16));
	for (unsigned round = 0; round < VMID_ROUNDS; round++) {
		sc_diag(c, "round", "%u", round);
		for (unsigned i = 0; i < 2; i++) {
			if (!vmid_round(c, &m, ps, i, 0x5700 | round << 4 | i,
					i ? "VM B's read" : "VM A's read")) {
				return;
			}
		}
	}
	/* TLBI VMALLS12E1 with B's VMID: A's mapping did not change, so A still sees its page. */
	sc_diag(c, "step", "TLBI VMALLS12E1 with B's VTTBR_EL2");
	if (vm_tlbi_seq(ps[1].vm, &s12_step, 1)) {
		sc_fail(c, "vm_tlbi_seq failed");
		return;
	}
	tlb_model_tlbi(&m, &ps[1].regime, &s12);
	if (!vmid_round(c, &m, ps, 0, 0x5790, "VM A's read after B's TLBI")) {
		return;
	}
	/* A's probe moves to its second page; again TLBI VMALLS12E1 with B's VMID only. */
	sc_diag(c, "step", "A remapped, TLBI VMALLS12E1 with B's VTTBR_EL2");
	if (!s2probe_unmap(c, &ps[0]) || !s2probe_map(c, &ps[0], 1) ||
	    vm_tlbi_seq(ps[1].vm, &s12_step, 1)) {
		sc_fail(c, "remap or TLBI failed");
		return;
	}
	tlb_model_tlbi(&m, &ps[1].regime, &s12);
	if (vmid_round(c, &m, ps, 0, 0x57a0, "VM A's read after its remap and B's TLBI")) {
		vmid_round(c, &m, ps, 1, 0x57b0, "VM B's read after its own TLBI");
	}
}

SCENARIO(stage2_vmid, .id = "stage2.vmid",
	 .rule = "two VMs map one IPA to different pages and run alternately without TLB "
		 "maintenance: each reads and stores its own page, unless their VMIDs are one VMID "
		 "(VTCR_EL2.VS = 0 or no FEAT_VMID16: VTTBR_EL2.VMID[15:8] RES0, VMID[] uses "
		 "[7:0]), when either page is permitted; TLBI VMALLS12E1 with one VM's VTTBR_EL2 "
		 "must invalidate every entry of that VMID and need not touch another VMID's, and "
		 "both VMs still translate correctly after it (tlb_model.c)",
	 SCENARIO_ROWS(vmid_rows), .requires = vmid_requires, .run = run_vmid,
	 .fields = "+-VTCR_EL2.VS");
