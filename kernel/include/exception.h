/* SPDX-License-Identifier: MIT */
#ifndef KERNEL_EXCEPTION_H
#define KERNEL_EXCEPTION_H

#include <stddef.h>
#include <stdint.h>

/** Register frame saved by kernel/vectors.S for an unexpected EL2 exception. */
struct exc_frame {
	uint64_t x[31];
	uint64_t sp;
	uint64_t elr;
	uint64_t spsr;
	uint64_t esr;
	uint64_t far;
};
_Static_assert(offsetof(struct exc_frame, sp) == 248, "vectors.S frame layout");
_Static_assert(offsetof(struct exc_frame, esr) == 272, "vectors.S frame layout");
_Static_assert(sizeof(struct exc_frame) == 36 * 8, "vectors.S FRAME_SIZE");

/** Called from vectors.S: print the decoded dump as TAP comments, then bail out. */
void kernel_exception(struct exc_frame *f, unsigned slot) __attribute__((noreturn));

#endif
