/* SPDX-License-Identifier: MIT */
/*
 * Which faults an access that crosses a page boundary may report (errata.834220): the
 * permitted set, not one "right" answer, because the architecture does not order the two
 * parts of such an access.
 *
 * The rules (Arm ARM DDI 0487, pseudocode of the v8.0-v8.7 editions):
 * - Mem[] performs an unaligned Normal access as single-byte accesses (AArch64.MemSingle of
 *   address + i, size 1, passing wasaligned = FALSE), and the architecture does not define
 *   their order (B2.6 "Alignment support": an unaligned access "can be split into multiple
 *   accesses", of which any may fault first). So either page's part can be the one that
 *   faults, and FAR_ELx is then an address of that part.
 * - R_XCHFJ, the prioritization of synchronous aborts: an Alignment fault caused by the
 *   memory type, then a Permission fault, then a stage-2 fault on the memory access.
 *   In the pseudocode each part is translated on its own: stage 1 first
 *   (AArch64.FirstStageTranslate), and
 *   stage 2 only "if !IsFault(S1)" (AArch64.SecondStageTranslate is not reached after a
 *   stage-1 fault). In stage 1 the Device-memory alignment check (an access with
 *   wasaligned = FALSE to Device memory is an Alignment fault, DFSC 0b100001) comes before
 *   the permission check (AArch64.CheckPermission: EL0 reads need AP[1] = 1).
 * - A stage-1 fault of an EL1&0 access is taken to EL1 (HCR_EL2.TGE = 0), a stage-2 fault to
 *   EL2 with HPFAR_EL2 = the IPA of the faulting address's page (HPFAR_EL2.FIPA).
 *
 * So a part with a stage-1 fault can only ever give that fault, whatever its stage 2 says:
 * a stage-2 Translation fault reported for it is the misprioritisation of Cortex-A57
 * erratum 834220. Pure code: host-tested in tests/unit/xpage_fault_model_test.c.
 */
#ifndef MODEL_XPAGE_FAULT_MODEL_H
#define MODEL_XPAGE_FAULT_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/** What stage 1 and stage 2 say about one page that the access touches. */
struct xpage_page {
	bool s1_device;	  /* stage-1 memory type is Device (any Device type) */
	bool s1_el0_read; /* stage-1 AP[1] = 1: EL0 may read */
	uint64_t ipa;	  /* the page's IPA (stage-1 output), page-aligned */
	unsigned s2_fsc;  /* the stage-2 fault of a read of the page (DFSC), 0: none */
};

/** The access: @size bytes at @va, from EL0 or EL1, crossing into the next 4KB page. */
struct xpage_access {
	uint64_t va;
	unsigned size;
	bool el0;
	struct xpage_page page[2]; /* the page of @va, and the next one */
};

enum xpage_to { XPAGE_DONE, XPAGE_EL1, XPAGE_EL2 };

/** One outcome, observed or permitted. */
struct xpage_outcome {
	enum xpage_to to;
	unsigned fsc;	    /* DFSC of the fault */
	uint64_t far;	    /* FAR_EL1 or FAR_EL2 */
	uint64_t hpfar_ipa; /* EL2: the IPA HPFAR_EL2 names (page-aligned) */
};

/**
 * xpage_s1_fsc() - the stage-1 fault of a read of @p by an unaligned access (DFSC), 0 if
 * none: Alignment fault on Device memory, else a level-3 Permission fault for an EL0 read
 * of a page without AP[1].
 */
unsigned xpage_s1_fsc(const struct xpage_page *p, bool el0);

/**
 * xpage_permitted() - whether @seen is an outcome the architecture permits for @a: the
 * fault of either part that faults (its stage-1 fault to EL1, else its stage-2 fault to
 * EL2), with FAR an address of that part and, at EL2, HPFAR the part's page; DONE only if no
 * part faults. On false, @why says what is wrong.
 */
bool xpage_permitted(const struct xpage_access *a, const struct xpage_outcome *seen,
		     const char **why);

/**
 * xpage_esr_el1() - ESR_EL1 of a stage-1 Data Abort with DFSC @fsc of a load (ISV 0: the
 * instruction syndrome is given only for stage-2 aborts, ESR_ELx.ISV): EC 0x24 from EL0,
 * 0x25 from EL1; IL 1; WnR 0, S1PTW 0, CM 0.
 */
uint64_t xpage_esr_el1(bool from_el0, unsigned fsc);

#endif /* MODEL_XPAGE_FAULT_MODEL_H */
