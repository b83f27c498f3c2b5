/* SPDX-License-Identifier: MIT */
/*
 * Non-trapped results of counter, timer and GICv3 CPU interface accesses (sysreg_values.h).
 * Each check compares the guest's value with the oracle and adds the YAML diagnosis.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "gic_model.h"
#include "sysreg_values.h"

#include "smp.h"
#include "timer_model.h"

static void fail_window(struct scenario_ctx *c, const char *what, uint64_t got,
			const struct sysreg_probe *p, const char *rule)
{
	sc_fail(c, "%s 0x%llx outside the architected range (%s)", what, (unsigned long long)got,
		rule);
	sc_diag(c, "window", "{ cntpct_before: 0x%llx, cntpct_after: 0x%llx }",
		(unsigned long long)p->window.before, (unsigned long long)p->window.after);
}

/* CNTPCT_EL0 at EL1: PCount - CNTPOFF_EL2 when CNTHCTL_EL2.ECV is effective, else PCount. */
static uint64_t phys_offset(const struct sysreg_probe *p)
{
	uint64_t cnthctl =
		p->setup->vcpu.cnthctl_set || p->setup->vcpu.cnthctl ? p->setup->vcpu.cnthctl : 0;

	return timer_phys_offset(cnthctl, vmm_caps.ecv, false, p->setup->vcpu.cntpoff);
}

static void check_counter(struct scenario_ctx *c, const struct sysreg_value *v,
			  const struct sysreg_probe *p, bool is_write, uint64_t written,
			  uint64_t got)
{
	/* CNTPCT_EL0 (op2 1) or CNTVCT_EL0 (op2 2, CNTVOFF_EL2 = 0). */
	uint64_t offset = v->op2 == 1 ? phys_offset(p) : 0;

	(void)is_write;
	(void)written;
	if (!timer_count_ok(got, p->window, offset)) {
		fail_window(c, "count", got, p, "(PCount - offset) during the run");
		sc_diag(c, "offset", "0x%llx", (unsigned long long)offset);
	}
}

/* CNTP_* is CRm 2, CNTV_* CRm 3: the EL1 timer's CVAL and CTL as EL2 (E2H = 0) sees them. */
static bool is_phys_timer(const struct sysreg_value *v)
{
	return v->crm == 2;
}

static uint64_t timer_cval(const struct sysreg_value *v)
{
	return is_phys_timer(v) ? read_cntp_cval_el0() : read_cntv_cval_el0();
}

static uint64_t timer_offset(const struct sysreg_value *v, const struct sysreg_probe *p)
{
	return is_phys_timer(v) ? phys_offset(p) : 0;
}

static void check_tval(struct scenario_ctx *c, const struct sysreg_value *v,
		       const struct sysreg_probe *p, bool is_write, uint64_t written, uint64_t got)
{
	uint64_t cval = timer_cval(v), offset = timer_offset(v, p);
	uint64_t ctl = is_phys_timer(v) ? read_cntp_ctl_el0() : read_cntv_ctl_el0();

	if (is_write && !timer_tval_write_ok(cval, written, p->window, offset)) {
		fail_window(c, "CVAL after the TVAL write", cval, p,
			    "count + SignExtend(TVAL<31:0>)");
	}
	/* With ENABLE = 0 a TVAL read is UNKNOWN: nothing to compare. */
	if ((ctl & CNT_CTL_ENABLE) && !timer_tval_ok(got, cval, p->window, offset)) {
		fail_window(c, "TVAL", got, p, "ZeroExtend((CVAL - count)<31:0>)");
		sc_diag(c, "cval", "0x%llx", (unsigned long long)cval);
	}
}

static void check_ctl(struct scenario_ctx *c, const struct sysreg_value *v,
		      const struct sysreg_probe *p, bool is_write, uint64_t written, uint64_t got)
{
	uint64_t ctl = is_write		  ? written
		       : is_phys_timer(v) ? read_cntp_ctl_el0()
					  : read_cntv_ctl_el0();
	uint64_t mask, cval = timer_cval(v);
	uint64_t expect = timer_ctl_expect(ctl, cval, p->window, timer_offset(v, p), &mask);

	if (!sc_expect_u64(c, "ctl_masked", got & mask, expect & mask)) {
		sc_diag(c, "mask", "0x%llx  # ISTATUS is UNKNOWN while ENABLE = 0",
			(unsigned long long)mask);
		sc_diag(c, "cval", "0x%llx", (unsigned long long)cval);
	}
}

/*
 * The EL1 timers start enabled with the interrupt masked (CVAL 0: the condition is met, no
 * interrupt): a disabled timer's TVAL reads UNKNOWN and its ISTATUS too.
 */
static void setup_timers_enabled(struct sc_setup *s)
{
	s->vcpu.timer_ctl = CNT_CTL_ENABLE | CNT_CTL_IMASK;
}

/* VPMR 0xa8, VBPR0 3, VBPR1 5, VEOIM, VFIQEn, VENG0 (BPRs above any CPU's minimum). */
uint64_t sysreg_values_test_vmcr(void)
{
	return ICH_VMCR_VPMR(0xa8) | ICH_VMCR_VBPR0(3) | ICH_VMCR_VBPR1(5) | ICH_VMCR_VEOIM |
	       ICH_VMCR_VFIQEN | ICH_VMCR_VENG0;
}

static void setup_icv(struct sc_setup *s)
{
	s->vcpu.ich_vmcr = sysreg_values_test_vmcr();
}

static void check_icv(struct scenario_ctx *c, const struct sysreg_value *v,
		      const struct sysreg_probe *p, bool is_write, uint64_t written, uint64_t got)
{
	enum icv_reg r = icv_reg_from_enc(v->op0, v->op1, v->crn, v->crm, v->op2);
	struct icv_state s = {.vtr = read_ich_vtr_el2(), .vmcr = p->setup->vcpu.ich_vmcr};
	uint64_t mask;

	if (is_write) {
		icv_write(&s, r, written);
	}
	uint64_t expect = icv_read(&s, r, &mask);

	if (mask &&
	    !sc_expect_u64(c, is_write ? "icv_read_back" : "icv_read", got & mask, expect & mask)) {
		sc_diag(c, "ich_vtr_el2", "0x%llx", (unsigned long long)s.vtr);
		sc_diag(c, "ich_vmcr_el2", "0x%llx  # as the vmm set it",
			(unsigned long long)p->setup->vcpu.ich_vmcr);
	}
	if (is_write && !mask && !s.eoicount_unknown) {
		sc_expect_u64(c, "ich_hcr_el2.eoicount", ICH_HCR_EOICOUNT(sc_vcpu(c)->vgic.hcr),
			      s.eoicount);
	}
}

/*
 * The VNCR_EL2 page of the NV2 rows. With HCR_EL2.{NV2, NV1, NV} = {1, 0, 1}, EL1 accesses to
 * CNTP_CTL_EL02, CNTP_CVAL_EL02, CNTV_CTL_EL02 and CNTV_CVAL_EL02 that CNTHCTL_EL2.EL1NVPCT or
 * EL1NVVCT does not trap go to NVMem[0x180], [0x178], [0x170] and [0x168]: memory at
 * VNCR_EL2.BADDR + offset, an address in the EL2 translation regime (here the harness's own,
 * identity mapped), not the EL1 timer registers. One page per PE: instances run on every PE at
 * once.
 */
static uint64_t nv2_pages[CPU_MAX][512] __attribute__((aligned(4096)));
#define nv2_page (nv2_pages[smp_this_cpu()])

/* The NVMem offset of an EL02 timer register: CNTP (CRm 2) 0x178/0x180, CNTV 0x168/0x170. */
static unsigned nvmem_offset(const struct sysreg_value *v)
{
	return (v->crm == 2 ? 0x178 : 0x168) + (v->op2 == 1 ? 8 : 0);
}

static uint64_t nvmem_seed(unsigned offset)
{
	return 0x5e3d000000000000ULL | offset;
}

static void setup_nv2(struct sc_setup *s)
{
	s->vcpu.hcr |= HCR_NV | HCR_NV2;
	s->vcpu.vncr = (uintptr_t)nv2_page;
}

static void prepare_nv2(struct scenario_ctx *c)
{
	(void)c;
	for (unsigned off = 0x168; off <= 0x180; off += 8) {
		nv2_page[off / 8] = nvmem_seed(off);
	}
}

static void check_nvmem(struct scenario_ctx *c, const struct sysreg_value *v,
			const struct sysreg_probe *p, bool is_write, uint64_t written, uint64_t got)
{
	unsigned off = nvmem_offset(v);
	uint64_t expect = is_write ? written : nvmem_seed(off);
	/* The EL1 timer itself must be untouched: CTL as the vmm loaded it (ISTATUS aside), CVAL 0.
	 */
	uint64_t hw = v->op2 == 2 ? (v->crm == 2 ? read_cntp_cval_el0() : read_cntv_cval_el0())
				  : (v->crm == 2 ? read_cntp_ctl_el0() : read_cntv_ctl_el0()) & 3;

	sc_expect_u64(c, is_write ? "nvmem_read_back" : "nvmem_read", got, expect);
	if (is_write) {
		sc_expect_u64(c, "nvmem", nv2_page[off / 8], written);
	}
	sc_expect_u64(c, "el1_timer_register", hw, v->op2 == 2 ? 0 : p->setup->vcpu.timer_ctl & 3);
}

/* clang-format off */
#define ENC(op1_, crn_, crm_, op2_) .op0 = 3, .op1 = op1_, .crn = crn_, .crm = crm_, .op2 = op2_
#define COUNTER(op2)        { ENC(3, 14, 0, op2), .check = check_counter }
#define TIMER(crm, op2, fn) { ENC(3, 14, crm, op2), .setup = setup_timers_enabled, .check = fn }
#define ICC(crn, crm, op2)  { ENC(0, crn, crm, op2), .setup = setup_icv, .check = check_icv }
#define NVMEM(crm, op2)     { ENC(5, 14, crm, op2), .setup = setup_nv2, .prepare = prepare_nv2, \
			      .check = check_nvmem }

static const struct sysreg_value values[] = {
	COUNTER(1),               /* CNTPCT_EL0 */
	COUNTER(2),               /* CNTVCT_EL0 */
	TIMER(2, 0, check_tval),  /* CNTP_TVAL_EL0 */
	TIMER(2, 1, check_ctl),   /* CNTP_CTL_EL0 */
	TIMER(3, 0, check_tval),  /* CNTV_TVAL_EL0 */
	TIMER(3, 1, check_ctl),   /* CNTV_CTL_EL0 */
	ICC(4, 6, 0),             /* ICC_PMR_EL1 */
	ICC(12, 8, 0),            /* ICC_IAR0_EL1 */
	ICC(12, 8, 1),            /* ICC_EOIR0_EL1 */
	ICC(12, 8, 2),            /* ICC_HPPIR0_EL1 */
	ICC(12, 8, 3),            /* ICC_BPR0_EL1 */
	ICC(12, 8, 4),            /* ICC_AP0R0_EL1 */
	ICC(12, 9, 0),            /* ICC_AP1R0_EL1 */
	ICC(12, 11, 1),           /* ICC_DIR_EL1 */
	ICC(12, 11, 3),           /* ICC_RPR_EL1 */
	ICC(12, 12, 0),           /* ICC_IAR1_EL1 */
	ICC(12, 12, 1),           /* ICC_EOIR1_EL1 */
	ICC(12, 12, 2),           /* ICC_HPPIR1_EL1 */
	ICC(12, 12, 3),           /* ICC_BPR1_EL1 */
	ICC(12, 12, 4),           /* ICC_CTLR_EL1 */
	ICC(12, 12, 6),           /* ICC_IGRPEN0_EL1 */
	ICC(12, 12, 7),           /* ICC_IGRPEN1_EL1 */
	NVMEM(2, 1),              /* CNTP_CTL_EL02 */
	NVMEM(2, 2),              /* CNTP_CVAL_EL02 */
	NVMEM(3, 1),              /* CNTV_CTL_EL02 */
	NVMEM(3, 2),              /* CNTV_CVAL_EL02 */
};
/* clang-format on */

const struct sysreg_value *sysreg_value_find(unsigned op0, unsigned op1, unsigned crn, unsigned crm,
					     unsigned op2)
{
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		const struct sysreg_value *v = &values[i];

		if (v->op0 == op0 && v->op1 == op1 && v->crn == crn && v->crm == crm &&
		    v->op2 == op2) {
			return v;
		}
	}
	return NULL;
}
