/* SPDX-License-Identifier: MIT */
/* Translations across world switches (see ctx_switch_model.h). */
#include "ctx_switch_model.h"

enum ctx_seen ctx_classify(const struct ctx_pages *p, unsigned vm, uint64_t seen)
{
	if (seen == p->own[vm & 1]) {
		return CTX_OWN;
	}
	return seen == p->mix[vm & 1] ? CTX_MIX : CTX_OTHER;
}

bool ctx_permitted(const struct ctx_pages *p, unsigned vm, uint64_t seen)
{
	return ctx_classify(p, vm, seen) == CTX_OWN;
}
