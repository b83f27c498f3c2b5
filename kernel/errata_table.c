/* SPDX-License-Identifier: MIT */
/*
 * The errata table (errata.h): every published erratum of an Arm-architecture core that breaks
 * something hyptap checks (EL2, stage 2, the vGIC, the timers, trapping, exception syndromes),
 * on the cores QEMU models and their close relatives. One entry per erratum number.
 *
 * Where the facts come from:
 *  - affected revisions and REVIDR fix bits: Linux arch/arm64/kernel/cpu_errata.c (its
 *    MIDR_RANGE/MIDR_REV/MIDR_ALL_VERSIONS entries and MIDR_FIXED), cpufeature.c for 1024718,
 *    arch/arm64/include/asm/cputype.h for Fujitsu 010001; never guessed;
 *  - what goes wrong: the help text of the Linux Kconfig option and the vendor's notice;
 *  - the notice's document id: where a public link names it (Arm's developer.arm.com
 *    documentation ids as Trusted Firmware-A's commits cite them); "id not verified" otherwise.
 *
 * Left out, with the reason in docs/errata.md: the Cortex-A53 cache-maintenance errata
 * (826319, 827319, 824069, 819472: interconnect and cache-line state, not EL2 or stage 2), the
 * trace-buffer (TRBE) errata, and errata Linux lists without a revision range (852523, 853709,
 * 1349291): their affected revisions are not public in a form this table can state honestly.
 */
#include "errata.h"
#include "midr.h"

/* rVpR-rVpR, both ends included; ALL_REVS is every revision r0p0-r15p15. */
#define RANGE(v0, r0, v1, r1)                                                                      \
	{                                                                                          \
		(v0), (r0), (v1), (r1)                                                             \
	}
#define ALL_REVS RANGE(0, 0, 15, 15)

#define ARM_CORE(partnum, ...)                                                                     \
	{                                                                                          \
		.impl = MIDR_IMPL_ARM, .part = (partnum), .ranges = {__VA_ARGS__},                 \
		.range_count = sizeof((struct errata_range[]){__VA_ARGS__}) /                      \
			       sizeof(struct errata_range),                                        \
	}

#define PART_A53  0xd03
#define PART_A55  0xd05
#define PART_A57  0xd07
#define PART_A72  0xd08
#define PART_A73  0xd09
#define PART_A76  0xd0b
#define PART_N1	  0xd0c
#define PART_A77  0xd0d
#define PART_V1	  0xd40
#define PART_A510 0xd46
#define PART_A710 0xd47
#define PART_N2	  0xd49
#define PART_A715 0xd4d
#define PART_A520 0xd80
#define PART_X4	  0xd82

#define SDEN_A53 "Arm Cortex-A53 MPCore Software Developers Errata Notice (ARM-EPM-048406)"
#define SDEN_A55 "Arm Cortex-A55 Software Developer Errata Notice (document id not verified here)"
#define SDEN_A57 "Arm Cortex-A57 MPCore Software Developers Errata Notice (ARM-EPM-049219)"
#define SDEN_A72 "Arm Cortex-A72 MPCore Software Developers Errata Notice (ARM-EPM-012079)"
#define SDEN_A73                                                                                   \
	"Arm Cortex-A73 MPCore Software Developers Errata Notice (document id not verified here)"
#define SDEN_A76  "Arm Cortex-A76 Software Developer Errata Notice (SDEN-885749)"
#define SDEN_N1	  "Arm Neoverse N1 Software Developer Errata Notice (SDEN-885747)"
#define SDEN_A77  "Arm Cortex-A77 Software Developer Errata Notice (SDEN-1152370)"
#define SDEN_V1	  "Arm Neoverse V1 Software Developer Errata Notice (SDEN-1401781)"
#define SDEN_A510 "Arm Cortex-A510 Software Developer Errata Notice (SDEN-1873351)"
#define SDEN_A710 "Arm Cortex-A710 Software Developer Errata Notice (SDEN-1775101)"
#define SDEN_N2	  "Arm Neoverse N2 Software Developer Errata Notice (SDEN-1982442)"
#define SDEN_A715 "Arm Cortex-A715 Software Developer Errata Notice (SDEN-2148827)"
#define SDEN_A520 "Arm Cortex-A520 Software Developer Errata Notice (SDEN-2444153)"
#define SDEN_X4	  "Arm Cortex-X4 Software Developer Errata Notice (document id not verified here)"

/* Rules shared by a family of errata: one definition each. */
#define RULE_SPEC_AT                                                                               \
	"TLB entries are made for the translation regime, VMID and ASID in force (D8.16 "          \
	"translation regimes and contexts); an AT instruction executed speculatively, or for "     \
	"another context, does not leave entries the next context uses"
#define TITLE_SPEC_AT                                                                              \
	"a speculative AT using an out-of-context translation regime can corrupt the TLB for "     \
	"the next request (hazard at a guest context switch)"
#define RULE_TLBI                                                                                  \
	"a DSB after a TLBI completes only when every access that used the invalidated entry "     \
	"has been observed (D8.13 TLB maintenance; break-before-make)"
#define RULE_AARCH32_TIMER                                                                         \
	"an AArch32 MRRC/MRC read of the Generic Timer (CNTVCT, CNTPCT, ...) returns the "         \
	"register "                                                                                \
	"value (D12 The Generic Timer in AArch32 state)"
#define TITLE_AARCH32_TIMER                                                                        \
	"an MRC read after an MRRC read of a Generic Timer register at AArch32 EL0 may return an " \
	"incorrect value"
#define RULE_SSBS                                                                                  \
	"MSR SSBS, #0 affects every later instruction, speculative ones included (FEAT_SSBS, "     \
	"PSTATE.SSBS)"
#define TITLE_SSBS "MSR SSBS may not be self-synchronising for later speculative loads"
#define RULE_TSB   "TSB CSYNC completes the trace of every earlier instruction (FEAT_TRF)"
#define TITLE_TSB                                                                                  \
	"TSB CSYNC may fail to flush trace in the trace-prohibited state (the world switch of a "  \
	"hypervisor that lets guests trace)"
#define RULE_AES_ELR                                                                               \
	"on an interrupt, ELR holds the preferred return address (PreferredExceptionReturn), "     \
	"also between two AArch32 AESE/AESMC instructions"
#define TITLE_AES_ELR                                                                              \
	"ELR recorded incorrectly on an interrupt taken between AArch32 AES instructions"
#define RULE_UNPRIV_LOAD                                                                           \
	"an unprivileged load (LDTR) at EL1 has EL0's permissions, also when it executes "         \
	"speculatively (AArch64.CheckPermission)"

/* Why a family cannot be reproduced from EL2, one definition each. */
#define WHY_SPECULATION                                                                            \
	"cannot be built from EL2: a speculation side channel, with no architectural state "       \
	"that differs from the rule; showing it needs a timing measurement of speculative "        \
	"accesses, which is no TAP verdict"
#define WHY_TRACE                                                                                  \
	"cannot be built from EL2 here: needs self-hosted trace (FEAT_TRF, ETE and TRBE), which "  \
	"hyptap does not drive and no QEMU model implements"

const struct erratum errata_table[] = {
	{
		.id = "010001",
		.title = "a load or store may take an undefined data abort (DFSC 0b111111) when "
			 "TCR_ELx.NFD0/NFD1 = 1 (EL1 and EL2 regimes)",
		.rule = "TCR_ELx.NFD0/NFD1 only affect SVE non-fault accesses; an ordinary load "
			"or store does not fault because of them (AArch64.S1Translate)",
		.sden = "Fujitsu A64FX erratum E#010001, as cited by Linux "
			"(arch/arm64/include/asm/cputype.h)",
		.linux_cap = "FUJITSU_ERRATUM_010001 (TCR_CLEAR_FUJITSU_ERRATUM_010001 in "
			     "tcr_clear_errata_bits); silicon-errata.rst: Fujitsu A64FX E#010001",
		/* cputype.h: affects A64FX v0r0 and v1r0 (MIDR mask ~MIDR_CPU_VAR_REV(1, 0)). */
		.cores = {{.impl = MIDR_IMPL_FUJITSU,
			   .part = 0x001,
			   .ranges = {RANGE(0, 0, 0, 0), RANGE(1, 0, 1, 0)},
			   .range_count = 2}},
		.core_count = 1,
		.no_repro = "not written yet: a guest with TCR_EL1.NFD0 = 1 doing an ordinary "
			    "load through TTBR0 would build the condition from EL2; the hardware "
			    "condition that triggers the fault is not public",
	},
	{
		.id = "832075",
		.title = "exclusive load/store to Write-Back memory mixed with Device loads may "
			 "deadlock",
		.rule = "Load-Exclusive/Store-Exclusive and Device loads make forward progress "
			"(B2.9 synchronization and semaphores)",
		.sden = SDEN_A57,
		.linux_cap =
			"ARM64_ERRATUM_832075 (ARM64_WORKAROUND_DEVICE_LOAD_ACQUIRE: device loads "
			"made load-acquire); silicon-errata.rst: Cortex-A57 #832075",
		.cores = {ARM_CORE(PART_A57, RANGE(0, 0, 1, 2))},
		.core_count = 1,
		.no_repro =
			"not written yet: a guest can mix exclusives with loads from a "
			"stage-2 Device mapping, with the watchdog catching a deadlock, but the "
			"interleaving in the memory system that deadlocks is timing EL2 cannot "
			"force",
	},
	{
		.id = "834220",
		.title = "a stage 2 translation fault may be reported instead of a stage 1 fault",
		.rule = "stage 1 is resolved before stage 2 of its output address "
			"(AArch64.FullTranslate): a stage-1 fault is taken to EL1 as a stage-1 "
			"fault, never as a stage-2 fault to EL2 with HPFAR_EL2",
		.sden = SDEN_A57,
		.linux_cap =
			"ARM64_ERRATUM_834220 (ARM64_WORKAROUND_834220: KVM redoes the walk with "
			"AT on a stage-2 fault); silicon-errata.rst: Cortex-A57 #834220",
		.cores = {ARM_CORE(PART_A57, RANGE(0, 0, 1, 2))},
		.core_count = 1,
		/*
		 * The AT S12E1W form of the condition: a stage-1 permission fault over an
		 * output IPA stage 2 does not map, which AT must report as the stage-1 fault.
		 */
		.repro = {"errata.834220.*",
			  "stage2.attr.atfault[s1-ro-over-s2-trans-l3,at=S12E1W]"},
		.repro_count = 2,
	},
	{
		.id = "843419",
		.title = "an ADRP in the last two words of a 4 KB page followed by a load or store "
			 "may access an incorrect address",
		.rule = "ADRP and a load/store (immediate) use the address the instructions "
			"compute (C6 ADRP, LDR/STR (unsigned immediate))",
		.sden = SDEN_A53,
		.linux_cap =
			"ARM64_ERRATUM_843419 (ARM64_WORKAROUND_843419: modules linked around it; "
			"fixed on r0p4 when REVIDR_EL1 bit 8 is set); silicon-errata.rst: "
			"Cortex-A53 #843419",
		.cores = {{.impl = MIDR_IMPL_ARM,
			   .part = PART_A53,
			   .ranges = {RANGE(0, 0, 0, 4)},
			   .range_count = 1,
			   .fixes = {{0, 4, 1u << 8}},
			   .fix_count = 1}},
		.core_count = 1,
		.no_repro =
			"cannot be built from EL2: code generation at a page offset plus "
			"microarchitectural conditions, in any exception level; not an EL2 or "
			"stage-2 condition (listed for its REVIDR fix bit; an image for this core "
			"links with --fix-cortex-a53-843419)",
	},
	{
		.id = "845719",
		.title = "an AArch32 EL0 load may return incorrect data after an AArch64 EL1 load "
			 "from a VA with the same low 32 bits",
		.rule = "a load returns the value of the location its own VA translates to "
			"(B2.2 single-copy atomicity, coherence)",
		.sden = SDEN_A53,
		.linux_cap =
			"ARM64_ERRATUM_845719 (ARM64_WORKAROUND_845719: CONTEXTIDR_EL1 written on "
			"return to AArch32 EL0); silicon-errata.rst: Cortex-A53 #845719",
		.cores = {ARM_CORE(PART_A53, RANGE(0, 0, 0, 4))},
		.core_count = 1,
		.no_repro = "cannot be built from EL2: a guest's own EL1-to-AArch32-EL0 switch "
			    "with microarchitectural timing between the two loads; EL2 takes no "
			    "part",
	},
	{
		.id = "858921",
		.title = "a read of CNTVCT_EL0 may return a wrong value when the counter crosses a "
			 "32-bit boundary",
		.rule = "the virtual count is CNTPCT_EL0 - CNTVOFF_EL2 and never goes backwards "
			"(D12.1 the Generic Timer, CNTVCT_EL0)",
		.sden = SDEN_A73,
		.linux_cap =
			"ARM64_ERRATUM_858921 (ARM64_WORKAROUND_858921: the counter read twice); "
			"silicon-errata.rst: Cortex-A73 #858921",
		.cores = {ARM_CORE(PART_A73, ALL_REVS)},
		.core_count = 1,
		.no_repro =
			"not written yet: EL2 can set CNTVOFF_EL2 so that the virtual count "
			"crosses a 32-bit boundary while a guest reads it in a loop (Cortex-A73 "
			"is not a QEMU model)",
	},
	{
		.id = "1024718",
		.title = "a hardware update of the dirty bit may not be ordered when DBM/AP are "
			 "changed without break-before-make",
		.rule = "hardware management of the dirty state updates a descriptor atomically "
			"and in order with software updates (D8.4 hardware updates of the "
			"translation tables)",
		.sden = SDEN_A55,
		.linux_cap =
			"ARM64_ERRATUM_1024718 (cpufeature.c cpu_has_broken_dbm: hardware DBM not "
			"used); silicon-errata.rst: Cortex-A55 #1024718",
		.cores = {ARM_CORE(PART_A55, ALL_REVS)},
		.core_count = 1,
		.no_repro = "cannot be built deterministically from EL2: a race between a "
			    "software descriptor update and the hardware dirty-bit update of "
			    "another access",
	},
	{
		.id = "1165522",
		.title = TITLE_SPEC_AT,
		.rule = RULE_SPEC_AT,
		.sden = SDEN_A76,
		.linux_cap = "ARM64_ERRATUM_1165522 (ARM64_WORKAROUND_SPECULATIVE_AT); "
			     "silicon-errata.rst: Cortex-A76 #1165522",
		.cores = {ARM_CORE(PART_A76, RANGE(0, 0, 2, 0))},
		.core_count = 1,
		/* The shared speculative-AT reproducer (errata.1319367.switch). */
		.repro = {"errata.1319367.*"},
		.repro_count = 1,
	},
	{
		.id = "1188873",
		.title = TITLE_AARCH32_TIMER,
		.rule = RULE_AARCH32_TIMER,
		.sden = SDEN_A76 "; " SDEN_N1,
		.linux_cap =
			"ARM64_ERRATUM_1418040 (ARM64_WORKAROUND_1418040, which covers 1188873 on "
			"r0p0-r2p0: AArch32 EL0 counter reads trapped); silicon-errata.rst: "
			"Cortex-A76 and Neoverse-N1 #1188873,1418040",
		.cores = {ARM_CORE(PART_A76, RANGE(0, 0, 2, 0)),
			  ARM_CORE(PART_N1, RANGE(0, 0, 2, 0))},
		.core_count = 2,
		.no_repro = "cannot be built in hyptap: needs AArch32 EL0 under an AArch64 EL1; "
			    "hyptap's AArch32 guests run at EL1 (HCR_EL2.RW = 0), which "
			    "Cortex-A76 and Neoverse-N1 do not implement, and EL2 takes no part",
	},
	{
		.id = "1286807",
		.title = "TLBI+DSB may complete before a read using the invalidated translation "
			 "is observed (remapping with break-before-make on another PE)",
		.rule = RULE_TLBI,
		.sden = SDEN_A76,
		.linux_cap =
			"ARM64_ERRATUM_1286807 (ARM64_WORKAROUND_REPEAT_TLBI: TLBI+DSB repeated); "
			"silicon-errata.rst: Cortex-A76 #1286807",
		.cores = {ARM_CORE(PART_A76, RANGE(0, 0, 3, 0))},
		.core_count = 1,
		/* PE 1 reads while PE 0 remaps with break-before-make and TLBIs. */
		.repro = {"smp.tlbi[*]"},
		.repro_count = 1,
	},
	{
		.id = "1319367",
		.title = TITLE_SPEC_AT,
		.rule = RULE_SPEC_AT,
		.sden = SDEN_A72,
		.linux_cap = "ARM64_ERRATUM_1319367 (ARM64_WORKAROUND_SPECULATIVE_AT); "
			     "silicon-errata.rst: Cortex-A72 #1319367",
		.cores = {ARM_CORE(PART_A72, ALL_REVS)},
		.core_count = 1,
		/* Two VMs alternated through the world switch: a mixed-context entry shows. */
		.repro = {"errata.1319367.*"},
		.repro_count = 1,
	},
	{
		.id = "1319537",
		.title = TITLE_SPEC_AT,
		.rule = RULE_SPEC_AT,
		.sden = SDEN_A57,
		.linux_cap =
			"ARM64_ERRATUM_1319367 (ARM64_WORKAROUND_SPECULATIVE_AT, which covers the "
			"Cortex-A57 twin 1319537); silicon-errata.rst: Cortex-A57 #1319537",
		.cores = {ARM_CORE(PART_A57, ALL_REVS)},
		.core_count = 1,
		/* The same condition as its Cortex-A72 twin: one reproducer for both. */
		.repro = {"errata.1319367.*"},
		.repro_count = 1,
	},
	{
		.id = "1418040",
		.title = TITLE_AARCH32_TIMER,
		.rule = RULE_AARCH32_TIMER,
		.sden = SDEN_A76 "; " SDEN_N1,
		.linux_cap = "ARM64_ERRATUM_1418040 (ARM64_WORKAROUND_1418040: AArch32 EL0 counter "
			     "reads trapped); silicon-errata.rst: Cortex-A76 and Neoverse-N1 "
			     "#1188873,1418040",
		.cores = {ARM_CORE(PART_A76, RANGE(0, 0, 3, 1)),
			  ARM_CORE(PART_N1, RANGE(0, 0, 3, 1))},
		.core_count = 2,
		.no_repro = "cannot be built in hyptap: as 1188873 (AArch32 EL0 under an "
			    "AArch64 EL1)",
	},
	{
		.id = "1463225",
		.title = "software-stepping an SVC may prevent recognition of later interrupts "
			 "when stepping is disabled in its handler (VHE or kernel debug)",
		.rule = "a pending unmasked interrupt is taken once PSTATE allows it, whatever "
			"the software step state machine (D2.10 software step exceptions)",
		.sden = SDEN_A76,
		.linux_cap =
			"ARM64_ERRATUM_1463225 (ARM64_WORKAROUND_1463225, matched only when the "
			"kernel runs at EL2); silicon-errata.rst: Cortex-A76 #1463225",
		.cores = {ARM_CORE(PART_A76, RANGE(0, 0, 3, 1))},
		.core_count = 1,
		.repro = {"errata.1463225.*"},
		.repro_count = 1,
	},
	{
		.id = "1508412",
		.title = "a store-exclusive or a PAR_EL1 read followed by a Non-cacheable or "
			 "Device load may deadlock",
		.rule = "exclusives, PAR_EL1 reads and Non-cacheable/Device loads make forward "
			"progress (B2.9)",
		.sden = SDEN_A77,
		.linux_cap =
			"ARM64_ERRATUM_1508412 (ARM64_WORKAROUND_1508412: DMB SY around PAR_EL1 "
			"reads, in KVM's world switch too; needs a firmware part); "
			"silicon-errata.rst: Cortex-A77 #1508412",
		.cores = {ARM_CORE(PART_A77, RANGE(0, 0, 1, 0))},
		.core_count = 1,
		.no_repro = "cannot be built from EL2 with certainty: a memory-system "
			    "interleaving, and the workaround has an EL3 part; Cortex-A77 is not a "
			    "QEMU model",
	},
	{
		.id = "1530923",
		.title = TITLE_SPEC_AT,
		.rule = RULE_SPEC_AT,
		.sden = SDEN_A55,
		.linux_cap = "ARM64_ERRATUM_1530923 (ARM64_WORKAROUND_SPECULATIVE_AT); "
			     "silicon-errata.rst: Cortex-A55 #1530923",
		.cores = {ARM_CORE(PART_A55, RANGE(0, 0, 2, 0))},
		.core_count = 1,
		/* The shared speculative-AT reproducer (errata.1319367.switch). */
		.repro = {"errata.1319367.*"},
		.repro_count = 1,
	},
	{
		.id = "1655431",
		.title = TITLE_AES_ELR,
		.rule = RULE_AES_ELR,
		.sden = SDEN_A72,
		.linux_cap = "ARM64_ERRATUM_1742098 (ARM64_WORKAROUND_1742098: AArch32 AES hidden, "
			     "which covers the Cortex-A72 twin 1655431); silicon-errata.rst: "
			     "Cortex-A72 #1655431",
		.cores = {ARM_CORE(PART_A72, ALL_REVS)},
		.core_count = 1,
		.no_repro = "cannot be built from EL2 with certainty: an interrupt must arrive "
			    "between two given AArch32 instructions; EL2 can route a timer IRQ but "
			    "not land it on one instruction boundary",
	},
	{
		.id = "1742098",
		.title = TITLE_AES_ELR,
		.rule = RULE_AES_ELR,
		.sden = SDEN_A57,
		.linux_cap =
			"ARM64_ERRATUM_1742098 (ARM64_WORKAROUND_1742098: AArch32 AES hidden); "
			"silicon-errata.rst: Cortex-A57 #1742098",
		/* cpu_errata.c broken_aarch32_aes: MIDR_RANGE(MIDR_CORTEX_A57, 0, 1, 0xf, 0xf). */
		.cores = {ARM_CORE(PART_A57, RANGE(0, 1, 15, 15))},
		.core_count = 1,
		.no_repro = "cannot be built from EL2 with certainty: an interrupt must arrive "
			    "between two given AArch32 instructions (as 1655431)",
	},
	{
		.id = "2054223",
		.title = TITLE_TSB,
		.rule = RULE_TSB,
		.sden = SDEN_A710,
		.linux_cap =
			"ARM64_ERRATUM_2054223 (ARM64_WORKAROUND_TSB_FLUSH_FAILURE: TSB issued "
			"twice); silicon-errata.rst: Cortex-A710 #2054223",
		.cores = {ARM_CORE(PART_A710, ALL_REVS)},
		.core_count = 1,
		.no_repro = WHY_TRACE,
	},
	{
		.id = "2067961",
		.title = TITLE_TSB,
		.rule = RULE_TSB,
		.sden = SDEN_N2,
		.linux_cap = "ARM64_ERRATUM_2067961 (ARM64_WORKAROUND_TSB_FLUSH_FAILURE); "
			     "silicon-errata.rst: Neoverse-N2 #2067961",
		.cores = {ARM_CORE(PART_N2, ALL_REVS)},
		.core_count = 1,
		.no_repro = WHY_TRACE,
	},
	{
		.id = "2077057",
		.title = "SPSR_EL2 may be corrupted (a copy of SPSR_EL1) when EL2 steps EL1 and a "
			 "Pointer Authentication trap is taken instead of the expected step "
			 "exception",
		.rule = "on an exception to EL2, SPSR_EL2 holds PSTATE at the exception "
			"(AArch64.TakeException); a guest never controls the return to EL2",
		.sden = SDEN_A510,
		.linux_cap =
			"ARM64_ERRATUM_2077057 (ARM64_WORKAROUND_2077057: KVM restores SPSR_EL2 "
			"from its copy); silicon-errata.rst: Cortex-A510 #2077057",
		.cores = {ARM_CORE(PART_A510, RANGE(0, 0, 0, 2))},
		.core_count = 1,
		/* .step builds the condition; .exit[*] is the general SPSR_EL2 check. */
		.repro = {"errata.2077057.step*"},
		.repro_count = 1,
	},
	{
		.id = "2441007",
		.title = "completion of a TLBI may not guarantee completion of the memory "
			 "accesses that used the invalidated entry",
		.rule = RULE_TLBI,
		.sden = SDEN_A55,
		.linux_cap =
			"ARM64_ERRATUM_2441007 (ARM64_WORKAROUND_REPEAT_TLBI); silicon-errata.rst: "
			"Cortex-A55 #2441007",
		.cores = {ARM_CORE(PART_A55, ALL_REVS)},
		.core_count = 1,
		/* The condition of 1286807: another PE's reads across a remap. */
		.repro = {"smp.tlbi[*]"},
		.repro_count = 1,
	},
	{
		.id = "2441009",
		.title = "completion of a TLBI may not guarantee completion of the memory "
			 "accesses that used the invalidated entry",
		.rule = RULE_TLBI,
		.sden = SDEN_A510,
		.linux_cap =
			"ARM64_ERRATUM_2441009 (ARM64_WORKAROUND_REPEAT_TLBI); silicon-errata.rst: "
			"Cortex-A510 #2441009",
		.cores = {ARM_CORE(PART_A510, RANGE(0, 0, 1, 1))},
		.core_count = 1,
		.repro = {"smp.tlbi[*]"},
		.repro_count = 1,
	},
	{
		.id = "2645198",
		.title = "after a mapping changes from executable to non-executable, ESR_ELx and "
			 "FAR_ELx may be corrupted on the next instruction abort for a "
			 "permission fault",
		.rule = "an Instruction Abort reports its syndrome in ESR_ELx and the faulting VA "
			"in FAR_ELx (D17 ESR_ELx, FAR_ELx)",
		.sden = SDEN_A715,
		.linux_cap =
			"ARM64_ERRATUM_2645198 (ARM64_WORKAROUND_2645198); silicon-errata.rst: "
			"Cortex-A715 #2645198",
		.cores = {ARM_CORE(PART_A715, ALL_REVS)},
		.core_count = 1,
		.no_repro = "not written yet: EL2 can turn a guest page from executable to XN at "
			    "stage 1 or 2 and check the next abort's ESR/FAR (Cortex-A715 is not a "
			    "QEMU model)",
	},
	{
		.id = "2966298",
		.title = "a speculatively executed unprivileged load may read data it has no "
			 "permission for",
		.rule = RULE_UNPRIV_LOAD,
		.sden = SDEN_A520,
		.linux_cap = "ARM64_ERRATUM_2966298 (ARM64_WORKAROUND_SPECULATIVE_UNPRIV_LOAD); "
			     "silicon-errata.rst: Cortex-A520 #2966298",
		.cores = {ARM_CORE(PART_A520, RANGE(0, 0, 0, 1))},
		.core_count = 1,
		.no_repro = WHY_SPECULATION,
	},
	{
		.id = "3117295",
		.title = "a speculatively executed unprivileged load may read data it has no "
			 "permission for",
		.rule = RULE_UNPRIV_LOAD,
		.sden = SDEN_A510,
		.linux_cap = "ARM64_ERRATUM_3117295 (ARM64_WORKAROUND_SPECULATIVE_UNPRIV_LOAD); "
			     "silicon-errata.rst: Cortex-A510 #3117295",
		.cores = {ARM_CORE(PART_A510, ALL_REVS)},
		.core_count = 1,
		.no_repro = WHY_SPECULATION,
	},
	{
		.id = "3194386",
		.title = TITLE_SSBS,
		.rule = RULE_SSBS,
		.sden = SDEN_X4,
		.linux_cap = "ARM64_ERRATUM_3194386 (ARM64_WORKAROUND_SPECULATIVE_SSBS); "
			     "silicon-errata.rst: Cortex-X4 #3194386",
		.cores = {ARM_CORE(PART_X4, ALL_REVS)},
		.core_count = 1,
		.no_repro = WHY_SPECULATION,
	},
	{
		.id = "3324338",
		.title = TITLE_SSBS,
		.rule = RULE_SSBS,
		.sden = SDEN_A710,
		.linux_cap = "ARM64_ERRATUM_3194386 (ARM64_WORKAROUND_SPECULATIVE_SSBS); "
			     "silicon-errata.rst: Cortex-A710 #3324338",
		.cores = {ARM_CORE(PART_A710, ALL_REVS)},
		.core_count = 1,
		.no_repro = WHY_SPECULATION,
	},
	{
		.id = "3324339",
		.title = TITLE_SSBS,
		.rule = RULE_SSBS,
		.sden = SDEN_N2,
		.linux_cap = "ARM64_ERRATUM_3194386 (ARM64_WORKAROUND_SPECULATIVE_SSBS); "
			     "silicon-errata.rst: Neoverse-N2 #3324339",
		.cores = {ARM_CORE(PART_N2, ALL_REVS)},
		.core_count = 1,
		.no_repro = WHY_SPECULATION,
	},
	{
		.id = "3324341",
		.title = TITLE_SSBS,
		.rule = RULE_SSBS,
		.sden = SDEN_V1,
		.linux_cap = "ARM64_ERRATUM_3194386 (ARM64_WORKAROUND_SPECULATIVE_SSBS); "
			     "silicon-errata.rst: Neoverse-V1 #3324341",
		.cores = {ARM_CORE(PART_V1, ALL_REVS)},
		.core_count = 1,
		.no_repro = WHY_SPECULATION,
	},
	{
		.id = "3324349",
		.title = TITLE_SSBS,
		.rule = RULE_SSBS,
		.sden = SDEN_A76 "; " SDEN_N1,
		.linux_cap = "ARM64_ERRATUM_3194386 (ARM64_WORKAROUND_SPECULATIVE_SSBS); "
			     "silicon-errata.rst: Cortex-A76 and Neoverse-N1 #3324349",
		.cores = {ARM_CORE(PART_A76, ALL_REVS), ARM_CORE(PART_N1, ALL_REVS)},
		.core_count = 2,
		.no_repro = WHY_SPECULATION,
	},
};

const size_t errata_count = sizeof(errata_table) / sizeof(errata_table[0]);
