/* SPDX-License-Identifier: MIT */
/*
 * smp.migrate.*: guests whose vCPU the harness moves to another PE at each HVC #1..#3 yield
 * (scenarios/smp/migrate_*.c). Contract in guest/smp_migrate.h.
 */
#include "hvc.h"
#include "smp_migrate.h"

/*
 * Loop iterations between two counter reads of the timer spin (QEMU takes its big lock for
 * every CNTVCT read; see guest/timer_irq.S).
 */
#define SPIN_DELAY 256

	.text

/*
 * int gp_migrate_gprs(base x0, rounds x1): each round sets every GPR x0..x30 to
 * base + (round << 32) + n and yields with HVC #1 (gl_migrate_gprs_yield); once resumed, on
 * whichever PE, it stores all 31 to gl_migrate_gprs_dump + round * MIGRATE_GPR_DUMP_SIZE
 * (x0 first) before it touches any of them. SP (SP_EL1) holds x0 and x1 for two stores;
 * the loop state lives in memory, since no register is free. Returns 0 after @rounds rounds.
 */
	.globl	gp_migrate_gprs, gl_migrate_gprs_yield, gl_migrate_gprs_dump
gp_migrate_gprs:
	adr	x9, migrate_gprs_state
	stp	x0, x1, [x9]			/* base, rounds */
	stp	xzr, x30, [x9, #16]		/* round 0, return address */
1:	adr	x30, migrate_gprs_state
	ldr	x29, [x30]
	ldr	x28, [x30, #16]
	add	x30, x29, x28, lsl #32
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29
	add	x\n, x30, #\n
	.endr
	add	x30, x30, #30
	hvc	#0x0001
gl_migrate_gprs_yield:
	stp	x0, x1, [sp, #-16]!
	adr	x0, migrate_gprs_state
	ldr	x1, [x0, #16]
	adr	x0, gl_migrate_gprs_dump
	add	x0, x0, x1, lsl #8		/* MIGRATE_GPR_DUMP_SIZE */
	stp	x2, x3, [x0, #16]
	stp	x4, x5, [x0, #32]
	stp	x6, x7, [x0, #48]
	stp	x8, x9, [x0, #64]
	stp	x10, x11, [x0, #80]
	stp	x12, x13, [x0, #96]
	stp	x14, x15, [x0, #112]
	stp	x16, x17, [x0, #128]
	stp	x18, x19, [x0, #144]
	stp	x20, x21, [x0, #160]
	stp	x22, x23, [x0, #176]
	stp	x24, x25, [x0, #192]
	stp	x26, x27, [x0, #208]
	stp	x28, x29, [x0, #224]
	str	x30, [x0, #240]
	ldp	x2, x3, [sp], #16
	stp	x2, x3, [x0]
	adr	x0, migrate_gprs_state
	ldr	x1, [x0, #16]
	add	x1, x1, #1
	str	x1, [x0, #16]
	ldr	x2, [x0, #8]
	cmp	x1, x2
	b.lo	1b
	ldr	x30, [x0, #24]
	mov	x0, #0
	ret

/*
 * int gp_migrate_el1(values x0, before x1, after x2): writes each register of
 * MIGRATE_EL1_REGS from values[index] and SP_EL1 from values[MIGRATE_EL1_SP], reads them all
 * back into before[], reads MPIDR_EL1 into x24, yields with HVC #1 (gl_migrate_el1_yield), and
 * once resumed reads MPIDR_EL1 into x25 and the registers into after[]. Then puts back its own SP and VBAR_EL1 and returns 0. No exception can be
 * taken meanwhile (every value keeps the guest as it is), so nothing but the vmm touches them.
 */
#define MIGRATE_WRITE(i, reg, subject, poison, mask) ldr x9, [x0, #(8 * (i))]; msr reg, x9;
#define MIGRATE_READ(i, reg, subject, poison, mask) mrs x9, reg; str x9, [x10, #(8 * (i))];

	.globl	gp_migrate_el1, gl_migrate_el1_yield
gp_migrate_el1:
	mov	x28, x30
	mov	x27, sp
	mrs	x26, vbar_el1
	MIGRATE_EL1_REGS(MIGRATE_WRITE)
	ldr	x9, [x0, #(8 * MIGRATE_EL1_SP)]
	mov	sp, x9
	isb
	mov	x10, x1
	MIGRATE_EL1_REGS(MIGRATE_READ)
	mov	x9, sp
	str	x9, [x10, #(8 * MIGRATE_EL1_SP)]
	mrs	x24, mpidr_el1
	hvc	#0x0001
gl_migrate_el1_yield:
	isb
	mrs	x25, mpidr_el1
	mov	x10, x2
	MIGRATE_EL1_REGS(MIGRATE_READ)
	mov	x9, sp
	str	x9, [x10, #(8 * MIGRATE_EL1_SP)]
	mov	sp, x27
	msr	vbar_el1, x26
	isb
	mov	x0, #0
	ret	x28

/*
 * gp_migrate_timer(lead x0, wait x1): the EL1 virtual timer across a move.
 *   x20 = CNTVCT_EL0, x21 = CVAL = x20 + lead; CNTV_CVAL_EL0 = x21, CNTV_CTL_EL0 = ENABLE;
 *   HVC #1 (gl_migrate_timer_armed).
 *   x22 = CNTVCT_EL0, x23 = CNTV_CVAL_EL0, x24 = CNTV_CTL_EL0; HVC #2 (gl_migrate_timer_read).
 *   Spin, PSTATE.I masked (the physical PPI goes to EL2 whatever PSTATE says, HCR_EL2.IMO = 1),
 *   until CNTVCT_EL0 passes CVAL + wait; then HVC #3 (gl_migrate_timer_late): it never fired.
 * EL2 reads the registers from the vCPU context at each exit.
 */
	.globl	gp_migrate_timer, gl_migrate_timer_armed, gl_migrate_timer_read
	.globl	gl_migrate_timer_late
gp_migrate_timer:
	isb
	mrs	x20, cntvct_el0
	add	x21, x20, x0
	msr	cntv_cval_el0, x21
	mov	x9, #1				/* CNTV_CTL_EL0.ENABLE, IMASK = 0 */
	msr	cntv_ctl_el0, x9
	isb
	hvc	#0x0001
gl_migrate_timer_armed:
	isb
	mrs	x22, cntvct_el0
	mrs	x23, cntv_cval_el0
	mrs	x24, cntv_ctl_el0
	hvc	#0x0002
gl_migrate_timer_read:
	add	x12, x21, x1
1:	mov	x16, #SPIN_DELAY
2:	subs	x16, x16, #1
	b.ne	2b
	isb
	mrs	x14, cntvct_el0
	cmp	x14, x12
	b.lo	1b
	hvc	#0x0003
gl_migrate_timer_late:
	b	gl_migrate_timer_late

	.data
	.balign	8
migrate_gprs_state:
	.quad	0, 0, 0, 0			/* base, rounds, round, return address */
	.balign	16
gl_migrate_gprs_dump:
	.space	MIGRATE_GPR_ROUNDS_MAX * MIGRATE_GPR_DUMP_SIZE
	.globl	gl_migrate_el1_values, gl_migrate_el1_before, gl_migrate_el1_after
	.balign	8
gl_migrate_el1_values:
	.space	8 * MIGRATE_EL1_SLOTS
gl_migrate_el1_before:
	.space	8 * MIGRATE_EL1_SLOTS
gl_migrate_el1_after:
	.space	8 * MIGRATE_EL1_SLOTS
