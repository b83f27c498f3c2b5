/* SPDX-License-Identifier: MIT */
/*
 * stage2.vmid, stage2.tlbi: the probe loop. x0 = the probe IPA (guest MMU off: VA = IPA).
 * Each round loads words 0 and 1 of the probe page into x1 and x2, stores x3 to word 2 when
 * x3 != 0, and yields with HVC #1; the harness reads x1/x2 from the vCPU context, changes
 * stage 2 and x3 as the scenario wants, and resumes. A stage-2 fault on the first load exits
 * with ELR_EL2 = gl_s2probe_ldr, and resuming retries it. Never returns.
 */
	.text
	.globl	gp_s2probe, gl_s2probe_ldr, gl_s2probe_yield
gp_s2probe:
	mov	x19, x0			/* x3: as the harness set it (guest_start keeps it) */
gl_s2probe_ldr:
	ldr	x1, [x19]
	ldr	x2, [x19, #8]
	cbz	x3, 1f
	str	x3, [x19, #16]
	mov	x3, #0
1:	hvc	#0x0001
gl_s2probe_yield:
	b	gl_s2probe_ldr
