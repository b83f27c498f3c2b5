/* SPDX-License-Identifier: MIT */
/*
 * The Generic Timer oracle: which CNTHCTL_EL2 bit controls what, in which HCR_EL2.E2H layout,
 * and the values an EL1 read of a counter or timer register must return (Arm ARM DDI 0487,
 * D12 "The Generic Timer in AArch64 state", D24.10 "Generic Timer registers"). Pure code,
 * unit-tested on the host (tests/unit/timer_model_test.c).
 *
 * The counter moves while a guest runs, so values are checked against a window: the physical
 * count EL2 read just before entering the guest and just after its exit.
 */
#ifndef MODEL_TIMER_MODEL_H
#define MODEL_TIMER_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/** The physical count (CNTPCT_EL0 read at EL2, where no offset applies) around a guest run. */
struct cnt_window {
	uint64_t before, after;
};

/**
 * cnthctl_el1pcten() - the CNTHCTL_EL2 bit whose 0 traps EL0/EL1 reads of CNTPCT_EL0.
 *
 * CNTHCTL_EL2 has two layouts: "When ELIsInHost(EL2)" (HCR_EL2.E2H = 1) EL1PCTEN is bit 10
 * (bit 0 is then EL0PCTEN, ignored while HCR_EL2.TGE = 0); otherwise EL1PCTEN is bit 0 and
 * bits [11:8] are RES0.
 */
uint64_t cnthctl_el1pcten(bool e2h);

/**
 * cnthctl_el1pten() - the CNTHCTL_EL2 bit whose 0 traps EL0/EL1 accesses to CNTP_CTL_EL0,
 * CNTP_CVAL_EL0 and CNTP_TVAL_EL0: EL1PTEN, bit 11, with E2H = 1; EL1PCEN, bit 1, otherwise.
 */
uint64_t cnthctl_el1pten(bool e2h);

/**
 * timer_phys_offset() - the offset an EL1 read of CNTPCT_EL0 subtracts from the physical count.
 * @cnthctl: CNTHCTL_EL2 (bit 12 is ECV in both layouts).
 * @ecv_field: ID_AA64MMFR0_EL1.ECV; CNTHCTL_EL2.ECV exists only with FEAT_ECV_POFF (>= 2).
 * @e2h_tge: HCR_EL2.{E2H, TGE} == {1, 1} (ECV's Effective value is then 0).
 * @cntpoff: CNTPOFF_EL2.
 *
 * CNTHCTL_EL2.ECV: "An MRS to CNTPCT_EL0 from either EL0 or EL1 that is not trapped will return
 * the value (PCount<63:0> - CNTPOFF_EL2<63:0>)". The SCR_EL3.ECVEn condition is the caller's:
 * without EL3 it does not apply.
 */
uint64_t timer_phys_offset(uint64_t cnthctl, unsigned ecv_field, bool e2h_tge, uint64_t cntpoff);

/**
 * timer_count_ok() - @got is a count read with @offset somewhere inside @w: the counter view
 * is (PCount - offset), and PCount only grows, so before - offset <= got <= after - offset
 * (modulo 2^64, as the architecture's 64-bit subtraction).
 */
bool timer_count_ok(uint64_t got, struct cnt_window w, uint64_t offset);

/**
 * timer_tval() - a read of CNTx_TVAL_EL0 at view count @count, with the timer enabled:
 * "ZeroExtend((CNTP_CVAL_EL0 - PhysicalCountInt())<31:0>, 64)" (bits [63:32] are RES0; with
 * CNTx_CTL_EL0.ENABLE = 0 the value read is UNKNOWN).
 */
uint64_t timer_tval(uint64_t cval, uint64_t count);

/**
 * timer_cval_from_tval() - CNTx_CVAL_EL0 after a write of @tval to CNTx_TVAL_EL0 at view count
 * @count: "CompareValue = Counter + SignExtend(TimerValue<31:0>)".
 */
uint64_t timer_cval_from_tval(uint64_t count, uint64_t tval);

/**
 * timer_tval_write_ok() - @cval is what CNTx_CVAL_EL0 may hold after a write of @tval to
 * CNTx_TVAL_EL0 at some view count inside @w (minus @offset): timer_cval_from_tval().
 */
bool timer_tval_write_ok(uint64_t cval, uint64_t tval, struct cnt_window w, uint64_t offset);

/**
 * timer_tval_ok() - @got is timer_tval(@cval, c) for some view count c in @w (minus @offset).
 * Only meaningful while the timer is enabled.
 */
bool timer_tval_ok(uint64_t got, uint64_t cval, struct cnt_window w, uint64_t offset);

/**
 * timer_ctl_expect() - what a read of CNTx_CTL_EL0 holding @ctl (ENABLE bit 0, IMASK bit 1) must
 * return, for comparare value @cval and a view count somewhere in @w minus @offset.
 * @mask: out, the bits the architecture defines: ISTATUS (bit 2) is "the timer condition is met"
 *	(view count - CVAL >= 0, unsigned) when ENABLE is 1, and UNKNOWN when ENABLE is 0; it is
 *	also left out when the condition changes inside the window. Bits [63:3] are RES0.
 *
 * Return: the expected value of the bits in @mask.
 */
uint64_t timer_ctl_expect(uint64_t ctl, uint64_t cval, struct cnt_window w, uint64_t offset,
			  uint64_t *mask);

#endif /* MODEL_TIMER_MODEL_H */
