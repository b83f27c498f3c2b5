/* SPDX-License-Identifier: MIT */
/*
 * lwip's compiler/platform glue for hyptap: newlib supplies the C headers (stdint, string,
 * stdlib), the little-endian AArch64 image needs nothing else but the diagnostics and the
 * random number lwip asks for (TCP's initial sequence numbers, DHCP's transaction id).
 */
#ifndef HYPTAP_LWIP_ARCH_CC_H
#define HYPTAP_LWIP_ARCH_CC_H

#include <limits.h>
#include <stdint.h>
#include <sys/types.h> /* newlib's ssize_t, which lwip would define as int otherwise */

#define SSIZE_MAX LONG_MAX

/* lwip's own errno values: newlib's <errno.h> is not needed without sockets. */
#define LWIP_PROVIDE_ERRNO 1

/** net_rand() - a 32-bit value from the counter (net/net.c): unpredictable enough for ISNs. */
uint32_t net_rand(void);
/** net_lwip_assert() - an lwip assertion failed: Bail out! with where (net/net.c). */
void net_lwip_assert(const char *msg, const char *file, int line) __attribute__((noreturn));

#define LWIP_RAND() net_rand()
#define LWIP_PLATFORM_DIAG(x)                                                                      \
	do {                                                                                       \
	} while (0)
#define LWIP_PLATFORM_ASSERT(x) net_lwip_assert((x), __FILE__, __LINE__)

#endif
