/* SPDX-License-Identifier: MIT */
/*
 * C entry at EL2 (from head.S): validate the DTB, MMU on, discover the platform, bring up the
 * console and GIC, run the suite, power off.
 */
#include <stdarg.h>
#include <stdio.h>

#include "arch/sysreg.h"
#include "console.h"
#include "dtb.h"
#include "gic.h"
#include "kalloc.h"
#include "kernel.h"
#include "mmu.h"
#include "platform.h"
#include "power.h"
#include "smp.h"

#define FDT_MAGIC 0xd00dfeedu

struct platform platform;
static uint64_t boot_cntpct;
unsigned kernel_entry_el;
uintptr_t kernel_load_base;
static bool exit_semihosting;
/* The DTB parsed: its /psci node (or none) decides how the run powers off. */
static bool platform_known;

unsigned long kernel_uptime_ms(void)
{
	return (unsigned long)((read_cntpct_el0() - boot_cntpct) * 1000 / read_cntfrq_el0());
}

void kernel_set_exit_semihosting(bool on)
{
	exit_semihosting = on;
}

void kernel_exit(int status)
{
	/* Drain the console's FIFO; a 16550 console has no flush, and its base is not a PL011. */
	if (platform.uart_kind == UART_PL011) {
		pl011_flush(platform.uart.base);
	} else if (platform.uart_kind == UART_NONE) {
		pl011_flush(EARLY_UART_BASE);
	}
	/*
	 * No /psci node: no SMC, which firmware may have made UNDEFINED (SCR_EL3.SMD) or may not
	 * answer as PSCI. Before the DTB is known (a bad one), SMC is the one guess there is.
	 */
	power_off(platform_known ? platform.psci : PSCI_SMC, exit_semihosting, status);
}

void kernel_panic(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	/* Whole, and even when a PE that died holds the console. */
	char line[300];
	int n = snprintf(line, sizeof(line), "Bail out! %s\n", buf);

	console_write_urgent(line, n < 0		      ? 0
				   : (size_t)n < sizeof(line) ? (size_t)n
							      : sizeof(line) - 1);
	kernel_exit(255);
}

static uint32_t be32(const volatile uint32_t *p)
{
	uint32_t v = *p;

	return __builtin_bswap32(v);
}

static void early_hex(uint64_t v)
{
	char s[19] = "0x";

	for (int i = 0; i < 16; i++) {
		s[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 0xf];
	}
	s[18] = 0;
	console_puts(s);
}

/*
 * With the MMU off nothing but the build-time default UART can be trusted: say why, power off.
 * A DTB must be 8-byte aligned (booting.rst), so an aligned 32-bit read of its magic is safe.
 */
static size_t early_check_dtb(const void *dtb)
{
	uintptr_t a = (uintptr_t)dtb;

	if (a && !(a & 7) && be32(dtb) == FDT_MAGIC) {
		uint32_t size = be32((const uint32_t *)dtb + 1);

		if (size >= 40 && size <= DTB_MAX_SIZE) {
			return size;
		}
	}
	console_puts("TAP version 13\nBail out! no valid DTB: x0=");
	early_hex(a);
	console_puts(a && !(a & 7) ? " (bad magic or size)\n" : " (null or misaligned)\n");
	pl011_flush(EARLY_UART_BASE);
	power_off(PSCI_SMC, 0, 255);
}

/*
 * The DTB is unusable: say why, with no plan yet (one "Bail out!"), on the UART platform_parse()
 * found and checked before it failed, else on the build-time early UART.
 */
static void __attribute__((noreturn)) bail_bad_platform(const char *why)
{
	if (platform.uart_kind != UART_NONE &&
	    !mmu_map_device(platform.uart.base, platform.uart.size)) {
		console_init(platform.uart_kind, platform.uart.base, platform.uart_reg_shift);
	} else {
		platform.uart_kind = UART_NONE;
		mmu_map_device(EARLY_UART_BASE, 0x1000);
	}
	console_puts("TAP version 13\nBail out! ");
	console_puts(why);
	console_puts("\n");
	kernel_exit(255);
}

void kernel_main(void *dtb, uintptr_t load_base, unsigned entry_el)
{
	char err[256];

	boot_cntpct = read_cntpct_el0();
	size_t dtb_size = early_check_dtb(dtb);

	if (mmu_early_init(dtb, dtb_size)) {
		console_puts("TAP version 13\nBail out! cannot build the EL2 identity map\n");
		power_off(PSCI_SMC, 0, 255);
	}
	smp_init_boot_cpu();
	const struct platform_boot boot = {
		.dtb = dtb,
		.dtb_size = dtb_size,
		.dtb_pa = (uintptr_t)dtb,
		.image = {(uintptr_t)__image_start, (uintptr_t)(__image_end - __image_start)},
		.pa_bits = mmu_pa_bits(),
	};

	if (platform_parse(&platform, &boot, err, sizeof(err))) {
		bail_bad_platform(err);
	}
	platform_known = true;
	if (mmu_map_platform(&platform)) {
		mmu_map_device(EARLY_UART_BASE, 0x1000);
		kernel_panic(
			"cannot map the platform's RAM and devices (page-table pool exhausted?)");
	}
	console_init(platform.uart_kind, platform.uart.base, platform.uart_reg_shift);
	if (gic_init(&platform, platform.timer_intid_hyp, err, sizeof(err))) {
		/* No GIC, or a watchdog interrupt that cannot be taken: no guest may run. */
		console_puts("TAP version 13\nBail out! ");
		console_puts(err);
		console_puts("\n");
		kernel_exit(255);
	}
	smp_discover(&platform);
	kernel_entry_el = entry_el;
	kernel_load_base = load_base;
	if (kalloc_init(&platform)) {
		kernel_panic("cannot set up the page arena at 0x%llx+0x%llx",
			     (unsigned long long)platform.arena.base,
			     (unsigned long long)platform.arena.size);
	}
	kernel_exit(hyptap_run());
}

/* Entered at EL1 (head.S): no EL2 to run guests under. Say so and power off through PSCI. */
void boot_bail_el1(unsigned el)
{
	console_puts("TAP version 13\nBail out! entered at EL");
	console_write(el == 1 ? "1" : "0", 1);
	console_puts(": hyptap needs EL2 (QEMU: -M virt,virtualization=on)\n");
	pl011_flush(EARLY_UART_BASE);
	/* EL1 under a hypervisor or QEMU's built-in PSCI: the conduit is HVC; else try SMC. */
	psci_call(PSCI_HVC, PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
	psci_call(PSCI_SMC, PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
	for (;;) {
		__asm__ volatile("wfi");
	}
}

/* EL1 vector of the bail-out path: an HVC/SMC without a handler lands here. */
void boot_el1_exception(void)
{
	static bool tried;

	if (!tried) {
		tried = true;
		psci_call(PSCI_SMC, PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
	}
	for (;;) {
		__asm__ volatile("wfi");
	}
}
