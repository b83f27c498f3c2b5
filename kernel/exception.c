/* SPDX-License-Identifier: MIT */
/*
 * Unexpected EL2 exceptions: a decoded register dump as TAP comments, then Bail out!. Nothing
 * here may fault again, so it formats into stack buffers and writes straight to the console.
 */
#include <stdarg.h>
#include <stdio.h>

#include "arch/esr.h"
#include "console.h"
#include "esr_name.h"
#include "exception.h"
#include "kernel.h"
#include "power.h"
#include "smp.h"

static const char *const slot_names[16] = {
	"current EL, SP0, sync",    "current EL, SP0, IRQ",    "current EL, SP0, FIQ",
	"current EL, SP0, SError",  "current EL, SPx, sync",   "current EL, SPx, IRQ",
	"current EL, SPx, FIQ",	    "current EL, SPx, SError", "lower EL AArch64, sync",
	"lower EL AArch64, IRQ",    "lower EL AArch64, FIQ",   "lower EL AArch64, SError",
	"lower EL AArch32, sync",   "lower EL AArch32, IRQ",   "lower EL AArch32, FIQ",
	"lower EL AArch32, SError",
};

static void printline(const char *fmt, ...)
{
	char buf[200];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write_urgent(buf,
			     n < 0 ? 0 : (n >= (int)sizeof(buf) ? sizeof(buf) - 1 : (size_t)n));
}

/* Walk the frame-pointer chain while it stays inside the image's stack. */
static void backtrace(uint64_t fp)
{
	extern char __stack_bottom[], __stack_top[];

	for (int depth = 0; depth < 16; depth++) {
		if (fp < (uintptr_t)__stack_bottom || fp + 16 > (uintptr_t)__stack_top || fp & 7) {
			break;
		}
		const uint64_t *frame = (const uint64_t *)fp;

		printline("#   [%d] lr 0x%016llx\n", depth, (unsigned long long)frame[1]);
		fp = frame[0];
	}
}

void kernel_exception(struct exc_frame *f, unsigned slot)
{
	char desc[160];

	/* Raised by the way out (an UNDEFINED SMC): one line and a halt, never a second dump. */
	power_off_fault(f->esr);
	esr_describe(f->esr, desc, sizeof(desc));
	printline("# unexpected exception at EL2: %s\n", slot < 16 ? slot_names[slot] : "?");
	printline("#   ESR_EL2  0x%016llx  %s\n", (unsigned long long)f->esr, desc);
	printline("#   FAR_EL2  0x%016llx  ELR_EL2 0x%016llx  SPSR_EL2 0x%016llx\n",
		  (unsigned long long)f->far, (unsigned long long)f->elr,
		  (unsigned long long)f->spsr);
	for (int i = 0; i < 31; i += 2) {
		if (i == 30) {
			printline("#   x30 0x%016llx  sp  0x%016llx\n",
				  (unsigned long long)f->x[30], (unsigned long long)f->sp);
		} else {
			printline("#   x%-2d 0x%016llx  x%-2d 0x%016llx\n", i,
				  (unsigned long long)f->x[i], i + 1,
				  (unsigned long long)f->x[i + 1]);
		}
	}
	backtrace(f->x[29]);

	char why[160];

	/* With other PEs online, only this one stops: its instance fails, the run goes on. */
	snprintf(why, sizeof(why), "unexpected EL2 exception on cpu %u: EC 0x%02x %s at ELR 0x%llx",
		 this_cpu() ? this_cpu()->index : 0, esr_ec(f->esr), esr_ec_name(esr_ec(f->esr)),
		 (unsigned long long)f->elr);
	printline("# %s: this PE stops, the others go on\n", why);
	smp_cpu_die(why);
	kernel_panic("unexpected EL2 exception: EC 0x%02x %s at ELR 0x%llx", esr_ec(f->esr),
		     esr_ec_name(esr_ec(f->esr)), (unsigned long long)f->elr);
}
