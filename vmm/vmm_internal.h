/* SPDX-License-Identifier: MIT */
/* Shared between the vmm's own files, not part of its API. */
#ifndef VMM_INTERNAL_H
#define VMM_INTERNAL_H

#include <stdbool.h>

#include "vmm.h"

enum exit_action {
	EXIT_ACTION_RETURN, /* hand the exit to the caller of vcpu_run() */
	EXIT_ACTION_RESUME, /* handled inside the vmm (a service call): enter again */
};

/** Fill @e->reason from the syndrome; handle service calls. @watchdog: CNTHP ISTATUS at exit. */
enum exit_action exit_decode(struct vcpu *v, struct exit *e, bool watchdog);

#endif
