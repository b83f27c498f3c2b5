/* SPDX-License-Identifier: MIT */
/* What virq.eoi and virq.hw share around the vGIC script: see vgic_script_run.h. */
#include "vgic_script_run.h"

#include <stdio.h>

#include "arch/el2.h"
#include "arch/esr.h"
#include "cpu_id.h"

const char *vs_requires(unsigned lrs, char *why, size_t len)
{
	const struct id_regs *ids = cpu_id_regs();

	if (ids->gic_version != 3) {
		snprintf(why, len, "needs the GICv3 virtual CPU interface (the GIC is v%u)",
			 ids->gic_version);
		return why;
	}
	if (ICH_VTR_LISTREGS(ids->ich_vtr) + 1 < lrs) {
		snprintf(why, len, "needs %u list registers (ICH_VTR_EL2.ListRegs=%u)", lrs,
			 (unsigned)ICH_VTR_LISTREGS(ids->ich_vtr));
		return why;
	}
	return NULL;
}

bool vs_start(struct vs_run *r, struct scenario_ctx *c, const uint16_t *ops, uint64_t vmcr,
	      uint64_t hcr)
{
	struct sc_setup s = {
		.payload = GSYM(gp_virq_script),
		.vcpu.ich_vmcr = vmcr,
		.vcpu.ich_hcr = hcr,
	};

	vs_args(ops, s.args);
	if (!sc_start(c, &s)) {
		return false;
	}
	vs_begin(r, c, ops, vmcr, hcr);
	return true;
}

void vs_load_lr(struct vs_run *r, unsigned n, const struct vs_lr *lr)
{
	vs_set_lr(r, n,
		  &(struct vgic_lr){.state = lr->state,
				    .group = lr->group,
				    .priority = lr->priority,
				    .vintid = lr->vintid});
}

unsigned vs_sync_index(const struct vs_run *r, unsigned k)
{
	for (unsigned n = 0; n < VS_OPS_MAX && r->ops[n] >> VS_OP_SHIFT != VS_END; n++) {
		if (r->ops[n] >> VS_OP_SHIFT == VS_SYNC && k-- == 0) {
			return n;
		}
	}
	return VS_OPS_MAX;
}

bool vs_expect_sync(struct vs_run *r, const struct exit *e)
{
	unsigned at = vs_sync_index(r, 0);

	for (unsigned k = 1; at < VS_OPS_MAX && at < r->next_op; k++) {
		at = vs_sync_index(r, k);
	}
	if (!sc_expect_reason(r->c, e, EXIT_HVC)) {
		sc_diag_exit(r->c, e);
		return false;
	}
	if (!sc_expect_u64(r->c, "hvc_imm", e->esr & ESR_ISS_IMM16_MASK, VS_SYNC_IMM)) {
		return false;
	}
	return vs_replay(r, at + 1);
}
