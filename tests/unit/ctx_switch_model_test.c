/* SPDX-License-Identifier: MIT */
/*
 * Host tests of scenarios/model/ctx_switch_model.c: each VM may read its own page only; the
 * mixed page (the other VM's stage 1 through this VM's stage 2) and the other VM's own page are
 * classified apart, so a failure names the combination.
 */
#include "ctx_switch_model.h"
#include "unit.h"

int main(void)
{
	const struct ctx_pages p = {.own = {0xa0, 0xb0}, .mix = {0xa1, 0xb1}};

	unit_ok(ctx_permitted(&p, 0, 0xa0), "VM A reads its own page");
	unit_ok(ctx_permitted(&p, 1, 0xb0), "VM B reads its own page");
	unit_ok(!ctx_permitted(&p, 0, 0xa1), "A's stage 2 of B's stage-1 IPA is never permitted");
	unit_ok(!ctx_permitted(&p, 1, 0xa0), "B never reads A's page");
	unit_eq_u64(ctx_classify(&p, 0, 0xa1), CTX_MIX, "classified as the mix");
	unit_eq_u64(ctx_classify(&p, 1, 0xa0), CTX_OTHER, "A's page in B: neither");
	unit_eq_u64(ctx_classify(&p, 1, 0xb0), CTX_OWN, "own");
	return unit_done();
}
