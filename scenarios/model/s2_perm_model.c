/* SPDX-License-Identifier: MIT */
/* The stage-2 permission oracle (s2_perm_model.h): AArch64.S2CheckPermissions() and syndrome. */
#include "s2_perm_model.h"

#include <stddef.h>

/* The direct permissions of a descriptor (AArch64.S2ComputePermissions(), no S2PIE/S2POE). */
struct s2_perms {
	bool r, w, px, ux;
};

static struct s2_perms s2_compute_permissions(unsigned s2ap, unsigned xn, bool xnx)
{
	struct s2_perms p = {.r = s2ap & 1, .w = (s2ap >> 1) & 1};

	if (!xnx) {
		/* XN[0] is RES0 without FEAT_XNX: only XN[1] is execute-never. */
		p.px = p.ux = !((xn >> 1) & 1);
		return p;
	}
	switch (xn & 3) {
	case S2XN_NONE:
		p.px = p.ux = true;
		break;
	case S2XN_PXN:
		p.px = false;
		p.ux = true;
		break;
	case S2XN_ALL:
		p.px = p.ux = false;
		break;
	case S2XN_UXN:
		p.px = true;
		p.ux = false;
		break;
	}
	return p;
}

struct s2_perm_outcome s2_perm_check(const struct s2_perm_case *k)
{
	struct s2_perms p = s2_compute_permissions(k->s2ap, k->xn, k->xnx);
	struct s2_perm_outcome o = {0};

	switch (k->access) {
	case S2P_IFETCH:
		o.fault = !(k->el == 0 ? p.ux : p.px);
		break;
	case S2P_DC_IVAC:
		/* AccessType_DC, CacheOp_Invalidate: needs write permission at any EL. */
		o.fault = !p.w;
		o.cm = o.wnr = true;
		break;
	case S2P_DC_CIVAC:
		/* Not Invalidate: EL0 needs read; CMOW makes clean-and-invalidate to PoC a write.
		 */
		o.fault = (k->el == 0 && !p.r) || (k->cmow && !p.w);
		o.cm = o.wnr = true;
		break;
	case S2P_ATOMIC:
		/* Read first: WnR 0 when the read faults, else 1 (ESR_ELx.WnR, atomics). */
		o.fault = !p.r || !p.w;
		o.wnr = p.r;
		break;
	case S2P_LOAD:
		o.fault = !p.r;
		o.isv = true;
		break;
	case S2P_LDXR:
	case S2P_LOAD_NO_ISS:
		o.fault = !p.r;
		break;
	case S2P_STORE:
		o.fault = !p.w;
		o.wnr = true;
		o.isv = true;
		break;
	case S2P_DC_ZVA:
	case S2P_STXR:
	case S2P_STORE_NO_ISS:
		o.fault = !p.w;
		o.wnr = true;
		break;
	case S2P_AT_S1E1:
		/* Stage 1 only: the final IPA's stage-2 permissions are not looked at. */
		o.fault = false;
		break;
	case S2P_AT_S12_R:
		o.fault = !p.r;
		break;
	case S2P_AT_S12_W:
		o.fault = !p.w;
		break;
	case S2P_ACCESSES:
		break;
	}
	/* IPAValid(): a stage-2 Permission fault on the access itself does not report the IPA. */
	o.hpfar_valid = false;
	return o;
}

const char *s2_perm_access_name(enum s2_perm_access a)
{
	static const char *const names[S2P_ACCESSES] = {
		[S2P_LOAD] = "load",
		[S2P_STORE] = "store",
		[S2P_LOAD_NO_ISS] = "load-no-iss",
		[S2P_STORE_NO_ISS] = "store-no-iss",
		[S2P_IFETCH] = "ifetch",
		[S2P_DC_ZVA] = "dc-zva",
		[S2P_DC_IVAC] = "dc-ivac",
		[S2P_DC_CIVAC] = "dc-civac",
		[S2P_ATOMIC] = "ldadd",
		[S2P_LDXR] = "ldxr",
		[S2P_STXR] = "stxr",
		[S2P_AT_S1E1] = "at-s1e1",
		[S2P_AT_S12_R] = "at-s12-r",
		[S2P_AT_S12_W] = "at-s12-w",
	};

	return (unsigned)a < S2P_ACCESSES ? names[a] : "?";
}

bool s2_perm_needs_xnx(unsigned xn)
{
	return xn & 1;
}
