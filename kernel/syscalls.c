/* SPDX-License-Identifier: MIT */
/*
 * newlib system-call glue: _write to the console, _sbrk from a fixed heap in .bss, _exit to
 * power off. The rest are the minimal stubs newlib's stdio links against.
 */
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>

#include "console.h"
#include "kernel.h"
#include "power.h"
#include "smp.h"

/*
 * The runner's instance list alone takes ~190 bytes per instance (runner.c struct instance with
 * its id): with issue 8's stage-2 families main passes 5,600 instances, and 1 MiB ran out (a
 * NULL from malloc in instances_build()).
 */
#define HEAP_SIZE (4u << 20)

static uint8_t heap[HEAP_SIZE] __attribute__((aligned(16)));
static size_t heap_used;

void *_sbrk(ptrdiff_t incr)
{
	if (incr < 0 || (size_t)incr > HEAP_SIZE - heap_used) {
		errno = ENOMEM;
		return (void *)-1;
	}
	void *p = heap + heap_used;

	heap_used += (size_t)incr;
	return p;
}

/*
 * newlib's malloc (nano-mallocr.c, MALLOC_LOCK) calls these around every heap operation, and
 * may nest them: a lock the owning PE can take again. Overriding newlib's no-op pair (mlock.c)
 * makes the one heap safe for every PE. The owner is the PE's struct cpu; before smp_init()
 * TPIDR_EL2 is 0, and only the boot CPU runs.
 */
struct _reent;
static struct spinlock heap_lock;
static const void *volatile heap_owner;
static unsigned heap_depth;

void __malloc_lock(struct _reent *r)
{
	const void *self = this_cpu();

	(void)r;
	if (heap_owner == self && heap_depth) {
		heap_depth++;
		return;
	}
	spin_lock(&heap_lock);
	heap_owner = self;
	heap_depth = 1;
}

void __malloc_unlock(struct _reent *r)
{
	(void)r;
	if (--heap_depth == 0) {
		heap_owner = NULL;
		spin_unlock(&heap_lock);
	}
}

int _write(int fd, const char *buf, int len)
{
	(void)fd;
	console_write(buf, (size_t)len);
	return len;
}

int _read(int fd, char *buf, int len)
{
	(void)fd;
	(void)buf;
	(void)len;
	return 0;
}

int _close(int fd)
{
	(void)fd;
	return -1;
}

int _fstat(int fd, struct stat *st)
{
	(void)fd;
	st->st_mode = S_IFCHR;
	return 0;
}

int _isatty(int fd)
{
	(void)fd;
	return 1;
}

int _lseek(int fd, int off, int whence)
{
	(void)fd;
	(void)off;
	(void)whence;
	return 0;
}

int _getpid(void)
{
	return 1;
}

int _kill(int pid, int sig)
{
	(void)pid;
	(void)sig;
	errno = EINVAL;
	return -1;
}

void _exit(int status)
{
	power_off(PSCI_SMC, 0, status);
}

/* Stack protector support for libfdt (Debian builds it with -fstack-protector-strong). */
uintptr_t __stack_chk_guard = 0x595e9fbd94fda766ULL;

void __stack_chk_fail(void)
{
	kernel_panic("stack protector: stack smashing detected");
}
