/* SPDX-License-Identifier: MIT */
/*
 * smp.tlbi: broadcast TLB maintenance across PEs. One VM (the stage2.tlbi probe, flat stage 1
 * on) has a vCPU on PE 1 that stays in the guest throughout (xpe_probe.h) and one run on PE 0.
 * Both read PROBE_IPA (page 1), so each PE's TLB may hold the translation. PE 0 then changes
 * stage 2 and issues the row's TLBIs at EL2 (vm_tlbi_seq(), each followed by DSB ISH, then
 * ISB), and PE 1's vCPU, which never left the guest, reads (and stores) again; then PE 0's.
 *
 * The changes: remap to page 2 (distinct content); unmap (a stage-2 Translation fault once
 * invalidated); a permission change, RW to read-only (the store takes a stage-2 Permission
 * fault once invalidated: the model names "page 1 read-only" output 3, "page 1 writable" 1);
 * break-before-make (unmap, the row's TLBIs, map page 2, no TLBI after the make).
 *
 * What each read may see comes from tlb_model.c with one TLB per PE (entries private with
 * VTTBR_EL2.CnP = 0): the IS and OS forms act on every PE of the Inner Shareable domain, the
 * others on PE 0 only, so that after them (or none) PE 1 may see the old or the new
 * translation, exactly those two, while PE 0 sees the new one.
 */
#include <string.h>

#include "arch/esr.h"
#include "cpu_id.h"
#include "esr_model.h"
#include "tlbi.h"
#include "xpe_probe.h"

enum change {
	CH_REMAP,
	CH_UNMAP,
	CH_PERM,
	CH_BBM,
};

#define OUT_RO	  3u /* tlb_model output of "page 1 read-only" (s2probe: pages are 1 and 2) */
#define TLBI_MAX  2
#define STORE_OLD 0x5710 /* + 0, + 1: the first stores of PE 1 and PE 0 */
#define STORE_NEW 0x5720 /* + 0, + 1: their stores after the change */

struct smp_tlbi_row {
	const char *name;
	enum change change;
	enum cpu_feature need; /* the row's class (its first [...]): CPU_ANY is [base] */
	unsigned steps;
	struct vm_tlbi_step step[TLBI_MAX];
};

#define S(op_)                                                                                     \
	{                                                                                          \
		.op = VM_TLBI_##op_, .ipa = PROBE_IPA                                              \
	}
#define ROW(cls, need_, ch, CH, forms, n, ...)                                                     \
	{                                                                                          \
		.name = "[" cls "][" ch "," forms "]", .change = CH, .need = need_, .steps = n,    \
		.step = {                                                                          \
			__VA_ARGS__                                                                \
		}                                                                                  \
	}
/* Every TLBI form, for one mapping change. */
#define FORMS(ch, CH)                                                                              \
	ROW("base", CPU_ANY, ch, CH, "none", 0),                                                   \
		ROW("base", CPU_ANY, ch, CH, "ipas2e1+vmalle1", 2, S(IPAS2E1), S(VMALLE1)),        \
		ROW("base", CPU_ANY, ch, CH, "vmalls12e1", 1, S(VMALLS12E1)),                      \
		ROW("base", CPU_ANY, ch, CH, "ipas2e1is+vmalle1", 2, S(IPAS2E1IS), S(VMALLE1)),    \
		ROW("base", CPU_ANY, ch, CH, "ipas2e1+vmalle1is", 2, S(IPAS2E1), S(VMALLE1IS)),    \
		ROW("base", CPU_ANY, ch, CH, "ipas2e1is+vmalle1is", 2, S(IPAS2E1IS),               \
		    S(VMALLE1IS)),                                                                 \
		ROW("base", CPU_ANY, ch, CH, "ipas2le1is+vmalle1is", 2, S(IPAS2LE1IS),             \
		    S(VMALLE1IS)),                                                                 \
		ROW("base", CPU_ANY, ch, CH, "vmalls12e1is", 1, S(VMALLS12E1IS)),                  \
		ROW("os", CPU_TLBIOS, ch, CH, "ipas2e1os+vmalle1os", 2, S(IPAS2E1OS),              \
		    S(VMALLE1OS)),                                                                 \
		ROW("os", CPU_TLBIOS, ch, CH, "vmalls12e1os", 1, S(VMALLS12E1OS)),                 \
		ROW("range", CPU_TLBIRANGE, ch, CH, "ripas2e1is+vmalle1is", 2, S(RIPAS2E1IS),      \
		    S(VMALLE1IS)),                                                                 \
		ROW("range", CPU_TLBIRANGE, ch, CH, "ripas2e1os+vmalle1os", 2, S(RIPAS2E1OS),      \
		    S(VMALLE1OS)),                                                                 \
		ROW("nxs", CPU_XS, ch, CH, "ipas2e1isnxs+vmalle1isnxs", 2, S(IPAS2E1ISNXS),        \
		    S(VMALLE1ISNXS))

static const struct smp_tlbi_row smp_tlbi_rows[] = {
	FORMS("remap", CH_REMAP),
	FORMS("unmap", CH_UNMAP),
	FORMS("perm", CH_PERM),
	FORMS("bbm", CH_BBM),
};

/* The feature an instruction needs (FEAT_XS implies v8.7: FEAT_TLBIRANGE and OS too). */
static enum cpu_feature insn_need(const struct vm_tlbi_insn *i)
{
	return i->nxs		   ? CPU_XS
	       : i->isar0_tlb >= 2 ? CPU_TLBIRANGE
	       : i->isar0_tlb	   ? CPU_TLBIOS
				   : CPU_ANY;
}

static const char *smp_tlbi_requires(const void *row, char *why, size_t len)
{
	const struct smp_tlbi_row *r = row;

	return r->need == CPU_ANY ? NULL : cpu_requires(r->need, why, len);
}

/* The IS and OS forms broadcast: their names end so, before the nXS suffix. */
static bool insn_broadcast(const struct vm_tlbi_insn *i)
{
	size_t n = strlen(i->name) - (i->nxs ? 3 : 0);

	return n >= 2 && (!strncmp(i->name + n - 2, "IS", 2) || !strncmp(i->name + n - 2, "OS", 2));
}

struct run {
	struct scenario_ctx *c;
	struct xpe x;
	struct tlb_model m;
	unsigned mapped;	      /* the output PROBE_IPA maps to now (TLB_FAULT: unmapped) */
	unsigned content[OUT_RO + 1]; /* the page each output reads: OUT_RO is page 1 */
};

/* The permitted outputs whose page reads as @page (OUT_RO and page 1 read alike). */
static uint32_t reading(const struct run *t, uint32_t permitted, unsigned page)
{
	uint32_t same = 0;

	for (unsigned o = 1; o < sizeof(t->content) / sizeof(t->content[0]); o++) {
		if (t->content[o] == page) {
			same |= TLB_OBS(o);
		}
	}
	return permitted & same;
}

/*
 * One read by v[@k] on PE @k, then its store of @store: each must be permitted by the model
 * (the two accesses may use different entries: an entry may be evicted between them). The
 * read returns a page (OUT_RO and output 1 read alike) or takes a Translation fault; the
 * store lands in a page or takes a Permission fault, which is output OUT_RO. True when the
 * vCPU can go on.
 */
static bool probe(struct run *t, unsigned k, uint64_t store, const char *what)
{
	static const struct dabt_access ldr = {
		.size_log2 = 3, .rt = 1, .sf = true, .valid_syndrome = true};
	static const struct dabt_access str = {
		.size_log2 = 3, .is_write = true, .rt = 11, .sf = true, .valid_syndrome = true};
	struct scenario_ctx *c = t->c;
	uint32_t permitted = tlb_model_read_on(&t->m, k, &t->x.p.regime, PROBE_IPA, t->mapped, 3);
	struct exit e = {.reason = EXIT_NONE};

	sc_diag(c, "step", "%s (vcpu %u on cpu %u)", what, k, sc_pe(c, k));
	if (!permitted) {
		sc_fail(c, "the tlb model is full");
		return false;
	}
	if (xpe_op(c, &t->x, k, XP_OP_READ, store, 0, &e)) {
		unsigned read = xpe_read_out(&t->x, k);
		uint32_t same = read == PROBE_MIX ? 0 : reading(t, permitted, read);

		/* Report the read as the permitted output of its page, else as it is. */
		if (!s2probe_check(c, "its read", same ? (unsigned)__builtin_ctz(same) : read,
				   permitted)) {
			return false;
		}
		return s2probe_check(c, "its store", s2probe_store_out(&t->x.p, 1, store),
				     permitted);
	}
	if (e.reason != EXIT_DABT) {
		/* A timeout was failed already; a run that ended otherwise is failed here. */
		if (e.reason != EXIT_NONE) {
			sc_expect_reason(c, &e, EXIT_DABT);
		}
		return false;
	}
	sc_diag(c, "fault_ipa", "0x%llx", (unsigned long long)exit_fault_ipa(&e));
	if (e.esr == esr_expect_dabt_s2(&str, ESR_FSC_PERM(3))) {
		/* The load went first: its words are in x1, x2 of the vCPU that faulted. */
		const struct vcpu_ctx *ctx = &t->x.v[k]->ctx;
		unsigned read = s2probe_classify(ctx->x[1], ctx->x[2]);
		uint32_t same = read == PROBE_MIX ? 0 : reading(t, permitted, read);

		if (sc_expect_u64(c, "elr", e.elr, GSYM(gl_xp_str)) &&
		    sc_expect_u64(c, "fault_ipa", exit_fault_ipa(&e), PROBE_IPA + 16) &&
		    s2probe_check(c, "its read", same ? (unsigned)__builtin_ctz(same) : read,
				  permitted)) {
			s2probe_check(c, "its store (a Permission fault)", OUT_RO, permitted);
		}
		return false;
	}
	if (sc_expect_exit(c, &e, EXIT_DABT, esr_expect_dabt_s2(&ldr, ESR_FSC_TRANS(3)),
			   GSYM(gl_xp_ldr)) &&
	    sc_expect_u64(c, "fault_ipa", exit_fault_ipa(&e), PROBE_IPA)) {
		s2probe_check(c, "its read (a Translation fault)", TLB_FAULT, permitted);
	}
	return false;
}

static bool maintain(struct run *t, const struct smp_tlbi_row *r)
{
	if (vm_tlbi_seq(t->x.p.vm, r->step, r->steps)) {
		sc_fail(t->c, "vm_tlbi_seq refused the row's steps");
		return false;
	}
	for (unsigned i = 0; i < r->steps; i++) {
		const struct vm_tlbi_insn *insn = vm_tlbi_insn(r->step[i].op);
		struct tlb_inval op = {.kind = insn->scope,
				       .ipa = r->step[i].ipa,
				       .broadcast = insn_broadcast(insn)};

		tlb_model_tlbi_on(&t->m, 0, &t->x.p.regime, &op);
	}
	return true;
}

/* The row's change of stage 2, and its TLBIs on PE 0. */
static bool change(struct run *t, const struct smp_tlbi_row *r)
{
	struct scenario_ctx *c = t->c;
	struct s2probe *p = &t->x.p;

	if (!s2probe_unmap(c, p)) {
		return false;
	}
	t->mapped = TLB_FAULT;
	switch (r->change) {
	case CH_REMAP:
		if (!s2probe_map(c, p, 1)) {
			return false;
		}
		t->mapped = p->out[1];
		break;
	case CH_PERM:
		if (!s2probe_map_ro(c, p, 0)) {
			return false;
		}
		t->mapped = OUT_RO;
		break;
	case CH_UNMAP:
		break;
	case CH_BBM:
		if (!maintain(t, r) || !s2probe_map(c, p, 1)) {
			return false;
		}
		t->mapped = p->out[1];
		return true;
	}
	return maintain(t, r);
}

static void run_smp_tlbi(struct scenario_ctx *c, const void *row)
{
	const struct smp_tlbi_row *r = row;
	struct run *t = &(struct run){.c = c};

	for (unsigned i = 0; i < r->steps; i++) {
		enum cpu_feature f = insn_need(vm_tlbi_insn(r->step[i].op));

		if (f != CPU_ANY && f != r->need &&
		    !(f == CPU_TLBIOS && r->need == CPU_TLBIRANGE)) {
			sc_fail(c, "row table error: %s needs a stronger class",
				vm_tlbi_insn(r->step[i].op)->name);
			return;
		}
	}
	if (!xpe_setup(c, &t->x, 0)) {
		return;
	}
	tlb_model_init(&t->m, cpu_has(cpu_id_regs(), CPU_VMID16));
	t->mapped = t->x.p.out[0];
	t->content[t->x.p.out[0]] = t->x.p.out[0];
	t->content[t->x.p.out[1]] = t->x.p.out[1];
	t->content[OUT_RO] = t->x.p.out[0];
	/* Both PEs cache the translation, PE 1's vCPU stays in the guest from here on. */
	if (xpe_start1(c, &t->x) && probe(t, 1, STORE_OLD, "first read on PE 1") &&
	    probe(t, 0, STORE_OLD + 1, "first read on PE 0") && change(t, r)) {
		probe(t, 1, STORE_NEW, "read on PE 1 after PE 0's change and TLBIs");
		probe(t, 0, STORE_NEW + 1, "read on PE 0 after its change and TLBIs");
	}
	/* Whatever happened, v[1] leaves PE 1 before the runner destroys it. */
	xpe_finish(c, &t->x);
	s2probe_release(&t->x.p);
}

SCENARIO(
	smp_tlbi, .id = "smp.tlbi",
	.rule = "a vCPU kept in the guest on PE 1 and one on PE 0 read a page; PE 0 changes "
		"stage 2 (remap, unmap, read-only, break-before-make) and issues TLBIs with "
		"DSB ISH: after the IS or OS forms of IPAS2E1 (or RIPAS2E1) plus VMALLE1, or "
		"VMALLS12E1, PE 1 sees the new mapping only (the new page, a Translation fault, "
		"a Permission fault on the store); after the non-broadcast forms, half the pair or "
		"none, PE 1 may see the old or the new translation, exactly those (TLB entries "
		"are private to a PE with VTTBR_EL2.CnP = 0), while PE 0 sees the new one "
		"whenever its own TLB was invalidated (tlb_model.c, one TLB per PE)",
	SCENARIO_ROWS(smp_tlbi_rows), .requires = smp_tlbi_requires, .run = run_smp_tlbi, .pes = 2);
