/* SPDX-License-Identifier: MIT */
/*
 * The vSGI oracle: what a guest's write to ICC_SGI1R_EL1, ICC_ASGI1R_EL1 or ICC_SGI0R_EL1 must
 * do. With HCR_EL2.IMO or FMO = 1 the write traps to EL2 (EC 0x18, the syndrome of
 * esr_expect_sys64()); the hypervisor then plays the distributor: it decodes the value into
 * the INTID, the group and the set of target vCPUs of the same VM, and makes the SGI pending
 * on each through a list register. GIC architecture specification IHI 0069, 12.2 (the
 * ICC_SGI0R_EL1, ICC_SGI1R_EL1 and ICC_ASGI1R_EL1 descriptions) and "Forwarding an SGI to a
 * target PE"; the MPIDR_EL1 affinity layout from the Arm ARM. Pure code, unit-tested on the
 * host (tests/unit/sgi_model_test.c).
 *
 * A GICv3 SGI carries no source: the vINTID a target acknowledges is the SGI number alone (GICv2's
 * GICC_IAR.CPUID and GICH_LR.CPUID have no GICv3 counterpart), so the oracle predicts none.
 */
#ifndef MODEL_SGI_MODEL_H
#define MODEL_SGI_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/** The three SGI generation registers (all S3_0_C12_C11_<op2>, write-only). */
enum sgi_reg {
	SGI_REG_SGI1R,	/* ICC_SGI1R_EL1, op2 5: Group 1 for the current Security state */
	SGI_REG_ASGI1R, /* ICC_ASGI1R_EL1, op2 6: Group 1 for the other Security state */
	SGI_REG_SGI0R,	/* ICC_SGI0R_EL1, op2 7: Group 0 */
};

/* Field layout shared by the three registers (IHI 0069 12.2, e.g. ICC_SGI1R_EL1). */
#define SGI_TARGETLIST_MASK 0xffffULL /* [15:0] */
#define SGI_AFF1_SHIFT	    16	      /* [23:16] */
#define SGI_INTID_SHIFT	    24	      /* [27:24] */
#define SGI_AFF2_SHIFT	    32	      /* [39:32] */
#define SGI_IRM		    (1ULL << 40)
#define SGI_RS_SHIFT	    44 /* [47:44] */
#define SGI_AFF3_SHIFT	    48 /* [55:48] */
/* RES0: [63:56], [43:41], [31:28]. */
#define SGI_RES0_MASK 0xff000e00f0000000ULL

/* MPIDR_EL1 (and VMPIDR_EL2) affinity fields: Aff0 [7:0], Aff1 [15:8], Aff2 [23:16], Aff3 [39:32].
 */
#define MPIDR_RES1 (1ULL << 31)
#define MPIDR_AFF(a3, a2, a1, a0)                                                                  \
	(MPIDR_RES1 | (uint64_t)(a3) << 32 | (uint64_t)(a2) << 16 | (uint64_t)(a1) << 8 |          \
	 (uint64_t)(a0))
#define MPIDR_AFF0(m) ((unsigned)((m)&0xff))
#define MPIDR_AFF1(m) ((unsigned)(((m) >> 8) & 0xff))
#define MPIDR_AFF2(m) ((unsigned)(((m) >> 16) & 0xff))
#define MPIDR_AFF3(m) ((unsigned)(((m) >> 32) & 0xff))

/** The fields of an SGI register value. */
struct sgi_request {
	unsigned intid; /* INTID [27:24]: the SGI, 0..15 */
	bool irm;	/* IRM [40]: 1 = every PE but the writer ("self") */
	unsigned rs;	/* RS [47:44]: TargetList[n] is Aff0 RS * 16 + n */
	unsigned aff1, aff2, aff3;
	uint16_t target_list; /* [15:0] */
};

/** sgi_reg_name() - "icc_sgi1r_el1", ... */
const char *sgi_reg_name(enum sgi_reg r);

/** sgi_reg_op2() - op2 of S3_0_C12_C11_<op2>: 5 (SGI1R), 6 (ASGI1R), 7 (SGI0R). */
unsigned sgi_reg_op2(enum sgi_reg r);

/**
 * sgi_trap_esr() - ESR_EL2 of the guest's MSR <@r>, X<@rt> (31: XZR) trapped to EL2.
 *
 * IHI 0069 12.2, "Traps and enables" of each register, and the Arm ARM MSR pseudocode: at
 * EL1 with ICH_HCR_EL2.TC = 1, or HCR_EL2.IMO = 1 or FMO = 1, the write is trapped to EL2
 * with AArch64.SystemAccessTrap(EL2, 0x18): EC 0x18, IL 1, Op0 3, Op1 0, CRn 12, CRm 11,
 * Op2 sgi_reg_op2(), Rt, Direction 0 (a write). esr_expect_sys64() encodes it.
 */
uint64_t sgi_trap_esr(enum sgi_reg r, unsigned rt);

/** sgi_decode() - the fields of the 64-bit value @v written to any of the three registers. */
struct sgi_request sgi_decode(uint64_t v);

/** sgi_encode() - the register value with the fields of @q (and every RES0 bit 0). */
uint64_t sgi_encode(const struct sgi_request *q);

/**
 * sgi_group() - the interrupt group of the SGIs a write of @r generates in a VM, whose virtual
 * GIC has a single Security state (virtual interrupts have none; like GICD_CTLR.DS = 1):
 * - ICC_SGI0R_EL1 "Generates Secure Group 0 SGIs": Group 0 (a vFIQ);
 * - ICC_SGI1R_EL1 "Generates Group 1 SGIs for the current Security state": Group 1 (a vIRQ);
 * - ICC_ASGI1R_EL1 "Generates Group 1 SGIs for the Security state that is not the current
 *   Security state", and "under certain conditions a write ... can generate Group 0
 *   interrupts" ("Forwarding an SGI to a target PE"): with one Security state the other
 *   state's Group 1 is Secure Group 1, which with DS = 1 the Distributor treats as Group 0.
 *   So Group 0. QEMU's icc_generate_sgi() (hw/intc/arm_gicv3_cpuif.c, "If GICD_CTLR.DS == 1,
 *   the Distributor treats Secure Group 1 interrupts as Group 0") and KVM's access_gic_sgi()
 *   ("ICC_ASGI1R_EL1 is effectively equivalent to ICC_SGI0R_EL1") read it the same way.
 * The VM has no distributor registers through which the guest could configure an SGI's group,
 * so each SGI is delivered in the group its register generates (KVM's vGIC, whose guest can
 * configure GICR_IGROUPR0, lets an SGI1R write raise an SGI configured as Group 0 as well).
 * Return: 0 or 1.
 */
unsigned sgi_group(enum sgi_reg r);

/**
 * sgi_targets() - the vCPUs of one VM that a write of @v by vCPU @self makes an SGI pending on,
 * as a bitmask of indexes into @mpidr (MPIDR_EL1 of vCPU i, i.e. its VMPIDR_EL2; @count <= 32).
 * @rss: ICC_CTLR_EL1.RSS as the writer sees it (ICV_CTLR_EL1.RSS): 1 if Aff0 values 0-255
 *	can be targeted, 0 if only 0-15.
 *
 * IHI 0069 12.2, ICC_SGI1R_EL1 (the same for SGI0R and ASGI1R):
 * - IRM = 1: "Interrupts routed to all PEs in the system, excluding 'self'"; Aff3/Aff2/Aff1 and
 *   TargetList are then RES0 and take no part.
 * - IRM = 0: "routed to the PEs specified by Aff3.Aff2.Aff1.<target list>": vCPU i is a target
 *   when its Aff3, Aff2 and Aff1 equal the fields and TargetList bit n is set, where its Aff0 is
 *   RS * 16 + n. The writer itself is one when it matches (an SGI to self). TargetList bits of
 *   PEs that do not exist "must be ignored by the Distributor".
 * - RS with RSS = 0 "is RES0": the distributor ignores the field (RS = 0), so only Aff0 0-15
 *   can be reached ("This restricts a system to sending targeted SGIs to PEs with an affinity
 *   0 number that is less than 16"). The CONSTRAINED UNPREDICTABLE case (RSS = 1 with
 *   GICD_TYPER.RSS = 0) does not arise: the vmm's virtual distributor implements RS.
 */
uint32_t sgi_targets(uint64_t v, const uint64_t *mpidr, unsigned count, unsigned self, bool rss);

#endif /* MODEL_SGI_MODEL_H */
