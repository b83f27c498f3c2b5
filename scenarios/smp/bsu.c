/* SPDX-License-Identifier: MIT */
/*
 * smp.fb.bsu: HCR_EL2.BSU (barrier shareability upgrade: the minimum shareability of a barrier
 * executed at EL1 or EL0, 0b01 Inner Shareable, 0b10 Outer Shareable, 0b11 Full system). What
 * the architecture lets software observe:
 *
 * - [readback,...]: the field is RW, on every PE of the instance: HCR_EL2 written with it at
 *   EL2 reads it back.
 * - [mp,...]: message passing between two vCPUs of one VM on two PEs (xpe_probe.h): v[0] on
 *   PE 0 writes data then flag with a DMB between, v[1] on PE 1 reads flag then data with a DMB
 *   between, in Normal WB Inner Shareable memory. With DMB ISH, or DMB NSH upgraded by BSU to
 *   a domain that holds both PEs, a reader that sees flag = i sees data >= i (no such
 *   violation). With DMB NSH and BSU = 0 the barriers order nothing for the other PE: any
 *   count is permitted, and the row checks only that both ran to the end (the count is in the
 *   diagnosis). Nothing else of BSU is architecturally visible.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "xpe_probe.h"

#define BSU_SHIFT 10
#define BSU_MASK  (3ULL << BSU_SHIFT)

struct bsu_row {
	const char *name;
	bool mp;      /* a message-passing run, else a readback */
	unsigned bsu; /* HCR_EL2.BSU */
	bool nsh;     /* MP: DMB NSH, else DMB ISH */
};

static const struct bsu_row bsu_rows[] = {
	{"[readback,bsu=inner]", false, 1, false},  {"[readback,bsu=outer]", false, 2, false},
	{"[readback,bsu=full]", false, 3, false},   {"[mp,bsu=none,dmb-ish]", true, 0, false},
	{"[mp,bsu=inner,dmb-ish]", true, 1, false}, {"[mp,bsu=none,dmb-nsh]", true, 0, true},
	{"[mp,bsu=inner,dmb-nsh]", true, 1, true},  {"[mp,bsu=outer,dmb-nsh]", true, 2, true},
	{"[mp,bsu=full,dmb-nsh]", true, 3, true},
};

struct readback {
	unsigned bsu;
	uint64_t got;
};

/* On the PE it runs on: HCR_EL2 with the field set, read back, then as it was. */
static void bsu_readback(void *arg)
{
	struct readback *rb = arg;
	uint64_t hcr = read_hcr_el2();

	write_hcr_el2((hcr & ~BSU_MASK) | (uint64_t)rb->bsu << BSU_SHIFT);
	isb();
	rb->got = read_hcr_el2();
	write_hcr_el2(hcr);
	isb();
}

static void run_readback(struct scenario_ctx *c, const struct bsu_row *r)
{
	for (unsigned k = 0; k < sc_pe_count(c); k++) {
		struct readback rb = {.bsu = r->bsu};
		char what[40];

		if (sc_on_pe(c, k, bsu_readback, &rb)) {
			return;
		}
		snprintf(what, sizeof(what), "hcr_el2.bsu on cpu %u", sc_pe(c, k));
		sc_expect_u64(c, what, (rb.got & BSU_MASK) >> BSU_SHIFT, r->bsu);
	}
}

/*
 * One message-passing run; *@flight: the reader's reads while the writer was writing (how much
 * the two overlapped, which is timing, not architecture), *@stale: those with old data.
 */
static bool mp_once(struct scenario_ctx *c, struct xpe *x, uint64_t op_bits, uint64_t pair,
		    uint64_t *flight, uint64_t *stale)
{
	volatile uint64_t *w = vm_ram_ptr(x->p.vm, IPA(pair), 3 * sizeof(uint64_t));

	/* data, flag, ready: 0 before each run (Normal WB, coherent with the guest's view). */
	w[0] = w[1] = w[2] = 0;
	/* The reader first: it announces itself, and the writer waits for it (bounded). */
	xpe_post1(x, XP_OP_MP_READ | op_bits, 0, pair);
	if (!xpe_op(c, x, 0, XP_OP_MP_WRITE | op_bits, 0, pair, NULL) || !xpe_wait1(c, x, NULL)) {
		return false;
	}
	*stale = xpe_mb(x, 1, XP_OUT0);
	*flight = xpe_mb(x, 1, XP_OUT1);
	return true;
}

/* Runs until one overlapped (the host may not run both PEs at once), at most this many. */
#define MP_TRIES 4

static void run_mp(struct scenario_ctx *c, const struct bsu_row *r)
{
	uint64_t op_bits = r->nsh ? XP_OP_NSH : 0;
	bool ordered = !r->nsh || r->bsu != 0;
	uint64_t flight = 0, stale = 0;
	unsigned tries = 0;
	struct xpe x;

	if (!xpe_setup(c, &x, (uint64_t)r->bsu << BSU_SHIFT)) {
		return;
	}
	uint64_t pair = s2probe_free_ipa(&x.p) + XPE_SCRATCH;

	if (xpe_start1(c, &x)) {
		bool ran = false;

		while (tries < MP_TRIES && !flight &&
		       (ran = mp_once(c, &x, op_bits, pair, &flight, &stale))) {
			tries++;
			if (ordered && stale) {
				break;
			}
		}
		if (ran) {
			sc_diag(c, "reads",
				"%u runs; in the last, %llu reads while the writer wrote, "
				"%llu with data older than the flag",
				tries, (unsigned long long)flight, (unsigned long long)stale);
			if (ordered) {
				sc_expect_u64(c, "reads of old data after the flag", stale, 0);
			}
		}
	}
	xpe_finish(c, &x);
	s2probe_release(&x.p);
}

static void run_bsu(struct scenario_ctx *c, const void *row)
{
	const struct bsu_row *r = row;

	if (r->mp) {
		run_mp(c, r);
	} else {
		run_readback(c, r);
	}
}

SCENARIO(
	smp_fb_bsu, .id = "smp.fb.bsu",
	.rule = "HCR_EL2.BSU is RW on every PE; with BSU = 0b01, 0b10 or 0b11 a DMB NSH executed "
		"at EL1 orders as one of that domain, so message passing between two vCPUs on two "
		"PEs (data, DMB, flag / flag, DMB, data) never shows old data after the new flag, "
		"as with DMB ISH; with DMB NSH and BSU = 0 any result is permitted (only the runs' "
		"completion is checked)",
	SCENARIO_ROWS(bsu_rows), .run = run_bsu, .pes = 2, .fields = "+-HCR_EL2.BSU");
