# hyptap — one entry point. `make` builds build/hyptap.img; see README.md for the rest.

CROSS		?= aarch64-linux-gnu-
# The AArch32 guest (guest32/) is assembled with Debian's ARM cross toolchain.
CROSS32		?= arm-linux-gnueabihf-
# The scripts read an empty HYPTAP_CACHE as unset; so does this file.
HYPTAP_CACHE	:= $(or $(HYPTAP_CACHE),$(HOME)/.cache/hyptap)
export HYPTAP_CACHE
NEWLIB		:= $(HYPTAP_CACHE)/newlib/install/aarch64-none-elf
LIBFDT		:= $(HYPTAP_CACHE)/libfdt
# lwip 2.1.3 from Debian's source package (ci/deps.sh step 5), built here into build/liblwip.a.
LWIP		:= $(HYPTAP_CACHE)/lwip/src/src
B		:= build

CC		:= $(CROSS)gcc
OBJCOPY		:= $(CROSS)objcopy
NM		:= $(CROSS)nm
HOSTCC		?= gcc
# e.g. make EXTRA_CFLAGS=-DEARLY_UART_BASE=0xfe201000 (a board's default UART)
EXTRA_CFLAGS	?=

WARN		:= -Wall -Wextra -Werror
INCLUDES	:= -Ikernel/include -Itap -Inet -Ivmm -Iscenarios -Iscenarios/model -Iguest -I$(B)/gen
# -mgeneral-regs-only: the harness never touches FP/SIMD itself (guests may trap it).
# -mstrict-align: part of the boot path runs with the MMU off, where all memory is Device.
# -fno-tree-loop-distribute-patterns: no memset/memcpy calls invented before the MMU is on.
# -mno-outline-atomics: Debian's GCC otherwise calls libgcc's __aarch64_* helpers, which pick
# LSE or LL/SC from getauxval(AT_HWCAP), which a freestanding image does not have.
TARGET_CFLAGS	:= -std=gnu11 $(WARN) -O2 -g -ffreestanding -fpie -fno-plt \
		   -mgeneral-regs-only -mstrict-align -fno-tree-loop-distribute-patterns -mno-outline-atomics \
		   -fno-omit-frame-pointer -ffunction-sections -fdata-sections \
		   -isystem $(NEWLIB)/include -I$(LIBFDT)/include $(INCLUDES) -MMD -MP $(EXTRA_CFLAGS)
TARGET_ASFLAGS	:= -g -Ikernel/include -Iguest -Iscenarios -I$(B)/guest -MMD -MP
LDFLAGS		:= -nostdlib -static-pie -Wl,--no-dynamic-linker -Wl,-T,kernel/hyptap.lds \
		   -Wl,--gc-sections -Wl,-z,noexecstack -Wl,--build-id=none -Wl,-z,norelro -Wl,--no-warn-rwx-segments -Wl,-z,notext
# -lgcc: -nostdlib drops libgcc (__popcountdi2, ...); the gcc driver knows where its copy is.
LIBS		:= -Wl,--start-group $(B)/liblwip.a $(LIBFDT)/lib/libfdt.a $(NEWLIB)/lib/libc.a -lgcc \
		   -Wl,--end-group

# lwip in NO_SYS raw-API mode, only the modules hyptap's TAP-over-TCP uses (net/lwip/lwipopts.h):
# IPv4, ARP over Ethernet, DHCP (over UDP), TCP. The image's flags, with net/lwip/ for lwipopts.h
# and arch/cc.h; -Wno-unused-parameter etc.: lwip's code is not ours to reformat, but it builds
# with -Werror all the same.
LWIP_MODULES	:= core/init.c core/def.c core/inet_chksum.c core/ip.c core/mem.c core/memp.c \
		   core/netif.c core/pbuf.c core/tcp.c core/tcp_in.c core/tcp_out.c core/timeouts.c \
		   core/udp.c core/ipv4/dhcp.c core/ipv4/etharp.c core/ipv4/icmp.c core/ipv4/ip4.c \
		   core/ipv4/ip4_addr.c netif/ethernet.c
LWIP_OBJS	:= $(patsubst %.c,$(B)/lwip/%.o,$(LWIP_MODULES))
LWIP_INCLUDES	:= -Inet/lwip -I$(LWIP)/include
LWIP_CFLAGS	:= $(filter-out -MMD -MP $(INCLUDES),$(TARGET_CFLAGS)) $(LWIP_INCLUDES) \
		   -Wno-unused-parameter -Wno-sign-compare -Wno-address

KERNEL_SRCS	:= $(wildcard kernel/*.c kernel/*.S)
NET_SRCS	:= $(wildcard net/*.c)
VMM_SRCS	:= $(wildcard vmm/*.c vmm/*.S)
TAP_SRCS	:= $(wildcard tap/*.c)
# The framework (scenarios/*.c), one folder per area (scenarios/guest/, trap/, stage2/, ...)
# and the oracles (scenarios/model/): a new file or area folder is picked up as it is.
SCEN_SRCS	:= $(wildcard scenarios/*.c scenarios/*.S scenarios/*/*.c scenarios/*/*.S)
GUEST_SRCS	:= $(wildcard guest/*.S)
GUEST32_SRCS	:= $(wildcard guest32/*.S)

SRCS		:= $(KERNEL_SRCS) $(NET_SRCS) $(VMM_SRCS) $(TAP_SRCS) $(SCEN_SRCS)
OBJS		:= $(patsubst %,$(B)/obj/%.o,$(SRCS))
GUEST_OBJS	:= $(patsubst %,$(B)/obj/%.o,$(GUEST_SRCS))
GUEST32_OBJS	:= $(patsubst %,$(B)/obj/%.o,$(GUEST32_SRCS))

# Pure code, also built for the host and unit-tested there.
HOST_SRCS	:= tap/tap.c tap/tap_split.c kernel/glob.c kernel/bootargs.c kernel/pgtable.c kernel/palloc.c \
		   kernel/esr_name.c kernel/midr.c kernel/errata.c kernel/errata_table.c kernel/strbuf.c kernel/platform.c kernel/platform_ram.c \
		   kernel/platform_cpus.c kernel/efi_cmdline.c kernel/efi_tables.c kernel/efi_memmap.c kernel/efi_dtb.c \
		   kernel/dtb.c kernel/dtb_check.c vmm/mmio.c vmm/psci.c vmm/watchdog.c scenarios/sample.c vmm/ram_dirty.c scenarios/run_stats.c scenarios/bench/bench_stats.c \
		   $(wildcard scenarios/model/*.c)
# The ACPI parser and the ACPI-to-DTB builder (docs/design-notes.md, "ACPI at the firmware boundary").
HOST_SRCS	+= kernel/acpi.c kernel/acpi_madt.c kernel/acpi_fdt.c
HOST_TESTS	:= $(patsubst tests/unit/%.c,$(B)/host/%,$(wildcard tests/unit/*_test.c))
# The DTB tests read their fixtures from tests/dtb/ wherever they are run from.
HOST_CFLAGS	:= -std=gnu11 $(WARN) -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
		   $(INCLUDES) -Itests/unit -DTEST_DTB_DIR='"$(CURDIR)/tests/dtb"' \
		   -DTEST_ACPI_DIR='"$(CURDIR)/tests/acpi"' \
		   -DTEST_COVERAGE_TSV='"$(CURDIR)/ci/coverage/el2-fields.tsv"'
# The host's libfdt (Debian libfdt-dev, the same 1.6.1 as the image's arm64 copy).
HOST_LIBS	:= -lfdt

.PHONY: all deps host-tests run check check-host report fuzz fuzz-acpi baseline bench debug docs matrix clean format
# The entry points need the tools `make deps` installs. Their builds run in a second make,
# started when ci/deps.sh has finished, which reads this file only then: whatever it learns from
# the tools it learns after they exist (a fresh machine's first `make run` links like its
# second), and no -j job can start a compile before deps are in place. Every other entry point
# builds through these two.
all: deps
	@$(MAKE) --no-print-directory $(B)/hyptap.img $(B)/firmware/hostile.bin

host-tests: deps
	@$(MAKE) --no-print-directory $(HOST_TESTS)

deps:
	@bash ci/deps.sh

$(B)/obj/%.c.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(TARGET_CFLAGS) -c $< -o $@

# Our code that calls lwip (net/) sees its headers; nothing else does.
$(B)/obj/net/%.c.o: net/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(TARGET_CFLAGS) $(LWIP_INCLUDES) -c $< -o $@

$(B)/lwip/%.o: $(LWIP)/%.c net/lwip/lwipopts.h net/lwip/arch/cc.h
	@mkdir -p $(dir $@)
	@echo "  CC      lwip/$*.c"
	@$(CC) $(LWIP_CFLAGS) -c $< -o $@

$(B)/liblwip.a: $(LWIP_OBJS)
	@rm -f $@
	@$(CROSS)ar rcs $@ $(LWIP_OBJS)
	@echo "  AR      $@ ($$(cat $(LWIP_OBJS) | wc -c) bytes of objects)"

$(B)/obj/%.S.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	@$(CC) $(TARGET_ASFLAGS) $(INCLUDES) -c $< -o $@

# Guest payloads: their own link at the guest RAM IPA, embedded as a flat binary, with their
# symbols turned into a header so scenarios can check exact instruction addresses.
$(B)/guest/guest.elf: $(GUEST_OBJS) guest/guest.lds
	@mkdir -p $(dir $@)
	$(CC) -nostdlib -static -Wl,-T,guest/guest.lds -Wl,--build-id=none $(GUEST_OBJS) -o $@

$(B)/guest/guest.bin: $(B)/guest/guest.elf
	$(OBJCOPY) -O binary $< $@

$(B)/gen/guest_syms.h: $(B)/guest/guest.elf
	@mkdir -p $(dir $@)
	{ echo '/* Generated from $< by the Makefile: guest symbol addresses (IPAs). */'; \
	  echo '#ifndef GUEST_SYMS_H'; echo '#define GUEST_SYMS_H'; \
	  $(NM) $< | awk '$$3 ~ /^(gp_|gl_|guest_)/ { printf "#define GSYM_%s 0x%sULL\n", $$3, $$1 }'; \
	  echo '#endif'; } > $@.tmp && mv $@.tmp $@

# The AArch32 guest: the same scheme, its own toolchain, linker script and symbol header
# (G32SYM_*). nm lists T32 functions without their Thumb bit; scenarios add it.
$(B)/obj/guest32/%.S.o: guest32/%.S
	@mkdir -p $(dir $@)
	@echo "  AS32    $<"
	@$(CROSS32)gcc -g -Iguest32 -Iguest -Iscenarios -MMD -MP -c $< -o $@

$(B)/guest/guest32.elf: $(GUEST32_OBJS) guest32/guest32.lds
	@mkdir -p $(dir $@)
	$(CROSS32)gcc -nostdlib -static -Wl,-T,guest32/guest32.lds -Wl,--build-id=none \
		$(GUEST32_OBJS) -o $@

$(B)/guest/guest32.bin: $(B)/guest/guest32.elf
	$(CROSS32)objcopy -O binary $< $@

$(B)/gen/guest32_syms.h: $(B)/guest/guest32.elf
	@mkdir -p $(dir $@)
	{ echo '/* Generated from $< by the Makefile: AArch32 guest symbol addresses (IPAs). */'; \
	  echo '#ifndef GUEST32_SYMS_H'; echo '#define GUEST32_SYMS_H'; \
	  $(CROSS32)nm $< | awk '$$3 ~ /^(g32p_|g32l_|guest32_)/ { printf "#define G32SYM_%s 0x%sULL\n", $$3, $$1 }'; \
	  echo '#endif'; } > $@.tmp && mv $@.tmp $@

$(OBJS): $(B)/gen/guest_syms.h $(B)/gen/guest32_syms.h
$(B)/obj/scenarios/guest_image.S.o: $(B)/guest/guest.bin
$(B)/obj/scenarios/guest32_image.S.o: $(B)/guest/guest32.bin

$(B)/hyptap.elf: $(OBJS) $(B)/liblwip.a kernel/hyptap.lds
	$(CC) $(LDFLAGS) $(OBJS) $(LIBS) -o $@
	@if $(CROSS)readelf -r $@ | awk 'NR>3 && $$3 ~ /^R_AARCH64/ && $$3 !~ /^R_AARCH64_RELATIV/' | grep -q .; then \
		echo "error: $@ has dynamic relocations other than R_AARCH64_RELATIVE"; exit 1; fi

$(B)/hyptap.img: $(B)/hyptap.elf
	$(OBJCOPY) -O binary $< $@
	@echo "  IMAGE   $@ ($$(stat -c %s $@) bytes)"

# Test firmware (ci/boot/): the hostile pre-loader, position independent, run before the image.
$(B)/firmware/%.bin: firmware/%.S
	@mkdir -p $(dir $@)
	@echo "  FW      $@"
	@$(CC) -nostdlib -static -Wl,-Ttext=0 -Wl,--build-id=none $< -o $(B)/firmware/$*.elf
	@$(OBJCOPY) -O binary $(B)/firmware/$*.elf $@

# ---- host side -----------------------------------------------------------------------------
# Every header a host build can see: a test is rebuilt when any of them changes.
HOST_HDRS	:= $(wildcard kernel/include/*.h kernel/include/arch/*.h tap/*.h vmm/*.h \
		   scenarios/model/*.h scenarios/trap/*_traps.h tests/unit/*.h)

# The pure sources are compiled once, with the sanitizers, and linked into every test: a
# compile per test of every source (as before) cost each of the 50-odd tests the whole set.
HOST_OBJS	:= $(patsubst %.c,$(B)/host/obj/%.o,$(HOST_SRCS))
# Not intermediates of the pattern chain: make would delete them after each build.
.SECONDARY: $(HOST_OBJS)

$(B)/host/obj/%.o: %.c $(HOST_HDRS)
	@mkdir -p $(dir $@)
	@$(HOSTCC) $(HOST_CFLAGS) -c $< -o $@

$(B)/host/%_test: tests/unit/%_test.c $(HOST_OBJS) $(HOST_HDRS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	@$(HOSTCC) $(HOST_CFLAGS) $< $(HOST_OBJS) $(HOST_LIBS) -o $@

# docs/errata.md's generator (ci/gen-errata): the errata table and the QEMU models' MIDRs, built
# from the image's own pure sources for the host.
$(B)/host/errata-doc: ci/errata-doc.c $(HOST_OBJS) $(HOST_HDRS)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	@$(HOSTCC) $(HOST_CFLAGS) $< $(HOST_OBJS) $(HOST_LIBS) -o $@

check-host: host-tests
	@bash ci/check.sh --host-only

# make fuzz [FUZZ_SECONDS=N]: the DTB parser under libFuzzer, seeded with tests/dtb/*.dtb, for
# longer than make check's deterministic tests/unit/dtb_fuzz_test.c. Optional: it needs clang
# and libclang-rt-14-dev, which make deps does not install. Crashes land in build/fuzz/.
FUZZ_SECONDS	?= 300
FUZZ_SRCS	:= kernel/platform.c kernel/platform_ram.c kernel/platform_cpus.c kernel/dtb.c kernel/dtb_check.c \
		   kernel/acpi.c kernel/acpi_madt.c kernel/acpi_fdt.c

$(B)/fuzz/%_fuzzer: tests/fuzz/%_fuzzer.c $(FUZZ_SRCS) $(HOST_HDRS)
	@mkdir -p $(dir $@)
	@command -v clang >/dev/null || { echo "make fuzz: needs clang and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }
	@echo "  CLANG   $@"
	@clang -std=gnu11 $(WARN) -g -O1 -fsanitize=fuzzer,address,undefined $(INCLUDES) $< \
		$(FUZZ_SRCS) $(HOST_LIBS) -o $@ || { echo "make fuzz: no libFuzzer runtime? apt-get install libclang-rt-14-dev" >&2; exit 1; }

fuzz: $(B)/fuzz/platform_fuzzer
	@mkdir -p $(B)/fuzz/corpus && cp -n tests/dtb/*.dtb $(B)/fuzz/corpus/
	$< -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=5 -print_final_stats=1 \
		-artifact_prefix=$(B)/fuzz/ $(B)/fuzz/corpus

# make fuzz-acpi [FUZZ_SECONDS=N]: the same for the ACPI parser and the ACPI-to-DTB builder,
# seeded with tests/acpi/'s QEMU tables as flat memory windows (tests/fuzz/acpi_fuzzer.c).
fuzz-acpi: $(B)/fuzz/acpi_fuzzer $(B)/host/acpi_fuzz_test
	@mkdir -p $(B)/fuzz/acpi-corpus && ACPI_FUZZ_SEEDS=$(B)/fuzz/acpi-corpus $(B)/host/acpi_fuzz_test
	$< -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=5 -print_final_stats=1 \
		-artifact_prefix=$(B)/fuzz/acpi- $(B)/fuzz/acpi-corpus

run: deps all
	@ci/run-report $(if $(QEMU),--qemu $(QEMU)) $(if $(CPU),--cpu $(CPU)) $(if $(GIC),--gic $(GIC)) $(if $(SMP),--smp $(SMP)) -- $(ARGS)

check: deps all host-tests
	@bash ci/check.sh

# make report: the HTML report of the last make check (build/results/report/index.html), from
# its raw streams, the baselines and prove's dump; make check builds it and checks it in Chromium.
report:
	@ci/report

baseline: deps all
	@ci/baseline --all

# make bench: the default platform's times and areas, the exit cost per class (bench.exit.*,
# ci/bench.sh --exit-cost), then the suite at -smp 1, 2 and 4 on QEMU
# 7.2 and 10.0 (the speed-up across PEs).
bench: deps all
	@bash ci/bench.sh
	@bash ci/bench.sh --exit-cost
	@echo
	@bash ci/bench.sh --scaling

debug: deps all
	@echo "QEMU waits for gdb on :1234; in another shell:"
	@echo "  gdb-multiarch $(B)/hyptap.elf -ex 'target remote :1234'"
	@ci/qemu-run --gdb $(if $(CPU),--cpu $(CPU)) -- $(ARGS)

matrix: deps all
	@ci/matrix

docs: all
	@bash ci/gen-docs

# guest/ and guest32/ headers are included by assembly: clang-format would break them.
format:
	clang-format -i $$(git ls-files '*.c' '*.h' | grep -v '^guest')

clean:
	rm -rf $(B)

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)
