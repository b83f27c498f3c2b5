/* SPDX-License-Identifier: MIT */
/*
 * What a guest may read, and AT S12E1R from EL2 may give, after world switches between two
 * VMs whose stage-1 tables map the same VA (same ASID) to different IPAs (errata.1319367).
 *
 * TLB entries are tagged with the VMID (and the ASID) of the context that made them (Arm ARM
 * DDI 0487, D8.16 "Translation Lookaside Buffers": an entry is used only for the translation
 * regime, VMID and ASID it was made for), and no VM's stage 1 changes, so every lookup in VM v
 * must give v's own stage 1 combined with v's own stage 2: the page that names v. The layout
 * makes each other combination readable: v's stage 2 also maps the *other* VM's stage-1 IPA,
 * to a page of its own (the "mix" page). Reading the mix page means a TLB entry combined the
 * other VM's stage 1 with this VM's stage 2: what a speculative AT during a half-done world
 * switch leaves on Cortex-A57/A72 (1319367), A76 (1165522) and A55 (1530923).
 * Pure code: host-tested in tests/unit/ctx_switch_model_test.c.
 */
#ifndef MODEL_CTX_SWITCH_MODEL_H
#define MODEL_CTX_SWITCH_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/** The values of the pages, per VM: its own combination and the mixed one. */
struct ctx_pages {
	uint64_t own[2]; /* VM v's stage 1, VM v's stage 2 */
	uint64_t mix[2]; /* the other VM's stage-1 IPA, VM v's stage 2 */
};

enum ctx_seen { CTX_OWN, CTX_MIX, CTX_OTHER };

/** ctx_classify() - what @seen, read in VM @vm, is: its own page, the mix page, or neither. */
enum ctx_seen ctx_classify(const struct ctx_pages *p, unsigned vm, uint64_t seen);

/** ctx_permitted() - whether VM @vm may read @seen: its own page only. */
bool ctx_permitted(const struct ctx_pages *p, unsigned vm, uint64_t seen);

#endif /* MODEL_CTX_SWITCH_MODEL_H */
