/* SPDX-License-Identifier: MIT */
/* Reads this CPU's ID registers once for the feature table (scenarios/model/cpu_features.c). */
#include "cpu_id.h"

#include "arch/idfields.h"
#include "arch/sysreg.h"
#include "smp.h"
#include "vmm.h"

const struct id_regs *cpu_id_regs(void)
{
	/* Per PE: on a big.LITTLE part each core type has its own. */
	static struct id_regs per_cpu[CPU_MAX];
	static bool read_on[CPU_MAX];
	struct id_regs *const ids = &per_cpu[smp_this_cpu()];

	if (!read_on[smp_this_cpu()]) {
		*ids = (struct id_regs){
			.pfr0 = read_id_aa64pfr0_el1(),
			.pfr1 = read_id_aa64pfr1_el1(),
			.dfr0 = read_id_aa64dfr0_el1(),
			.isar0 = read_id_aa64isar0_el1(),
			.isar1 = read_id_aa64isar1_el1(),
			.isar2 = read_id_aa64isar2_el1(),
			.mmfr0 = read_id_aa64mmfr0_el1(),
			.mmfr1 = read_id_aa64mmfr1_el1(),
			.mmfr2 = read_id_aa64mmfr2_el1(),
			.mmfr3 = read_id_aa64mmfr3_el1(),
			.mmfr4 = read_id_aa64mmfr4_el1(),
			.gic_version = vmm_caps.gic_version,
		};
		/* ERRIDR_EL1 and PMCR_EL0 are UNDEFINED without their features. */
		if (cpu_has(ids, CPU_RAS)) {
			ids->erridr = read_erridr_el1();
		}
		if (cpu_has(ids, CPU_PMU)) {
			ids->pmcr = read_pmcr_el0();
		}
		/* ICH_VTR_EL2 exists with the GICv3 system register interface in use. */
		if (ids->gic_version == 3) {
			ids->ich_vtr = read_ich_vtr_el2();
		}
		read_on[smp_this_cpu()] = true;
	}
	return ids;
}

const char *cpu_requires(enum cpu_feature f, char *why, size_t len)
{
	return cpu_feature_missing(cpu_id_regs(), f, why, len);
}
