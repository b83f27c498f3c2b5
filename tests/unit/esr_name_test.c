/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the ESR decoder (kernel/esr_name.c): every Exception Class and fault status
 * code of the Arm ARM (DDI 0487, ESR_EL2) has its name, every other value reads as reserved,
 * and esr_describe() prints the documented one-line formats.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arch/esr.h"
#include "esr_name.h"
#include "unit.h"

struct code_name {
	unsigned code;
	const char *name;
};

/* The architected ECs, written out independently of the table under test. */
static const struct code_name ecs[] = {
	{0x00, "UNKNOWN"},     {0x01, "WFx"},	      {0x03, "CP15_32"},     {0x04, "CP15_64"},
	{0x05, "CP14_MR"},     {0x06, "CP14_LS"},     {0x07, "FP_ASIMD"},    {0x08, "CP10_ID"},
	{0x09, "PAC"},	       {0x0a, "OTHER"},	      {0x0c, "CP14_64"},     {0x0d, "BTI"},
	{0x0e, "ILL"},	       {0x11, "SVC32"},	      {0x12, "HVC32"},	     {0x13, "SMC32"},
	{0x15, "SVC64"},       {0x16, "HVC64"},	      {0x17, "SMC64"},	     {0x18, "SYS64"},
	{0x19, "SVE"},	       {0x1a, "ERET"},	      {0x1b, "TSTART"},	     {0x1c, "FPAC"},
	{0x1d, "SME"},	       {0x1e, "GPC"},	      {0x1f, "IMP_DEF"},     {0x20, "IABT_LOW"},
	{0x21, "IABT_CUR"},    {0x22, "PC_ALIGN"},    {0x24, "DABT_LOW"},    {0x25, "DABT_CUR"},
	{0x26, "SP_ALIGN"},    {0x27, "MOPS"},	      {0x28, "FP_EXC32"},    {0x2c, "FP_EXC64"},
	{0x2d, "GCS"},	       {0x2f, "SERROR"},      {0x30, "BREAKPT_LOW"}, {0x31, "BREAKPT_CUR"},
	{0x32, "SOFTSTP_LOW"}, {0x33, "SOFTSTP_CUR"}, {0x34, "WATCHPT_LOW"}, {0x35, "WATCHPT_CUR"},
	{0x38, "BKPT32"},      {0x3a, "VECTOR32"},    {0x3c, "BRK64"},
};

/* The DFSC table of the Data Abort ISS encoding, level by level. */
static const struct code_name fscs[] = {
	{0x00, "address size fault, level 0"},
	{0x01, "address size fault, level 1"},
	{0x02, "address size fault, level 2"},
	{0x03, "address size fault, level 3"},
	{0x04, "translation fault, level 0"},
	{0x05, "translation fault, level 1"},
	{0x06, "translation fault, level 2"},
	{0x07, "translation fault, level 3"},
	{0x08, "access flag fault, level 0"},
	{0x09, "access flag fault, level 1"},
	{0x0a, "access flag fault, level 2"},
	{0x0b, "access flag fault, level 3"},
	{0x0c, "permission fault, level 0"},
	{0x0d, "permission fault, level 1"},
	{0x0e, "permission fault, level 2"},
	{0x0f, "permission fault, level 3"},
	{0x10, "synchronous external abort"},
	{0x11, "synchronous tag check fault"},
	{0x12, "synchronous external abort on table walk, level -2"},
	{0x13, "synchronous external abort on table walk, level -1"},
	{0x14, "synchronous external abort on table walk, level 0"},
	{0x15, "synchronous external abort on table walk, level 1"},
	{0x16, "synchronous external abort on table walk, level 2"},
	{0x17, "synchronous external abort on table walk, level 3"},
	{0x18, "synchronous parity/ECC error"},
	{0x1b, "synchronous parity/ECC error on table walk, level -1"},
	{0x1c, "synchronous parity/ECC error on table walk, level 0"},
	{0x1d, "synchronous parity/ECC error on table walk, level 1"},
	{0x1e, "synchronous parity/ECC error on table walk, level 2"},
	{0x1f, "synchronous parity/ECC error on table walk, level 3"},
	{0x21, "alignment fault"},
	{0x22, "granule protection fault on table walk, level -2"},
	{0x23, "granule protection fault on table walk, level -1"},
	{0x24, "granule protection fault on table walk, level 0"},
	{0x25, "granule protection fault on table walk, level 1"},
	{0x26, "granule protection fault on table walk, level 2"},
	{0x27, "granule protection fault on table walk, level 3"},
	{0x28, "granule protection fault"},
	{0x29, "address size fault, level -1"},
	{0x2a, "translation fault, level -2"},
	{0x2b, "translation fault, level -1"},
	{0x2c, "address size fault, level -2"},
	{0x30, "TLB conflict abort"},
	{0x31, "unsupported atomic hardware update fault"},
	{0x34, "IMPLEMENTATION DEFINED fault (lockdown)"},
	{0x35, "IMPLEMENTATION DEFINED fault (unsupported exclusive or atomic)"},
	{0x3d, "section domain fault"},
	{0x3e, "page domain fault"},
};

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static const char *listed(const struct code_name *t, size_t n, unsigned code)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (t[i].code == code) {
			return t[i].name;
		}
	}
	return NULL;
}

static void test_ec_names(void)
{
	unsigned ec, reserved_ok = 0, reserved = 0;
	size_t i;

	for (i = 0; i < ARRAY_LEN(ecs); i++) {
		unit_ok(strcmp(esr_ec_name(ecs[i].code), ecs[i].name) == 0,
			"EC 0x%02x is %s (got %s)", ecs[i].code, ecs[i].name,
			esr_ec_name(ecs[i].code));
	}
	for (ec = 0; ec <= 0x3f; ec++) {
		if (listed(ecs, ARRAY_LEN(ecs), ec) == NULL) {
			reserved++;
			reserved_ok += strcmp(esr_ec_name(ec), "RESERVED") == 0;
		}
	}
	unit_ok(reserved == 64 - ARRAY_LEN(ecs) && reserved_ok == reserved,
		"every other EC (%u of them) is RESERVED", reserved);
	unit_eq_str(esr_ec_name(0x40), "RESERVED", "EC 0x40 (out of range) is RESERVED");
	unit_eq_str(esr_ec_name(~0u), "RESERVED", "EC ~0 is RESERVED");
	unit_eq_str(esr_ec_name(ESR_EC_DABT_LOW), "DABT_LOW", "ESR_EC_DABT_LOW macro agrees");
	unit_eq_str(esr_ec_name(esr_ec(0x5a000000)), "HVC64", "name of esr_ec(0x5a000000)");
}

static void test_fsc_names(void)
{
	unsigned fsc, reserved_ok = 0, reserved = 0;
	size_t i;

	for (i = 0; i < ARRAY_LEN(fscs); i++) {
		unit_eq_str(esr_dfsc_name(fscs[i].code), fscs[i].name, fscs[i].name);
	}
	for (fsc = 0; fsc <= 0x3f; fsc++) {
		if (listed(fscs, ARRAY_LEN(fscs), fsc) == NULL) {
			reserved++;
			reserved_ok += strcmp(esr_dfsc_name(fsc), "reserved") == 0;
		}
	}
	unit_ok(reserved == 64 - ARRAY_LEN(fscs) && reserved_ok == reserved,
		"every other FSC (%u of them) is reserved", reserved);
	unit_eq_str(esr_dfsc_name(0x40), "reserved", "FSC 0x40 (out of range) is reserved");
	unit_eq_str(esr_dfsc_name(ESR_FSC_TRANS(3)), "translation fault, level 3",
		    "ESR_FSC_TRANS(3) agrees");
	unit_eq_str(esr_dfsc_name(ESR_FSC_TRANS_LM1), "translation fault, level -1",
		    "ESR_FSC_TRANS_LM1 agrees");
	unit_eq_str(esr_dfsc_name(ESR_FSC_ADDR_SIZE_LM1), "address size fault, level -1",
		    "ESR_FSC_ADDR_SIZE_LM1 agrees");
}

struct describe_case {
	uint64_t esr;
	const char *text;
	const char *what;
};

static const struct describe_case describe_cases[] = {
	{0x93810047,
	 "EC=0x24 DABT_LOW IL=1 ISV=1 SAS=2 SSE=0 SRT=1 SF=0 AR=0 WnR=1 S1PTW=0 "
	 "DFSC=0x07 (translation fault, level 3)",
	 "STR W1 stage 2 translation fault"},
	{0x93c5c04f,
	 "EC=0x24 DABT_LOW IL=1 ISV=1 SAS=3 SSE=0 SRT=5 SF=1 AR=1 WnR=1 S1PTW=0 "
	 "DFSC=0x0f (permission fault, level 3)",
	 "STLR X5 permission fault"},
	{0x92000086,
	 "EC=0x24 DABT_LOW IL=1 ISV=0 WnR=0 S1PTW=1 DFSC=0x06 (translation fault, "
	 "level 2)",
	 "S1PTW fault, ISV=0"},
	{0x96000610,
	 "EC=0x25 DABT_CUR IL=1 ISV=0 FnV=1 EA=1 WnR=0 S1PTW=0 DFSC=0x10 "
	 "(synchronous external abort)",
	 "external abort at EL2 with FnV and EA"},
	{0x96000161, "EC=0x25 DABT_CUR IL=1 ISV=0 CM=1 WnR=1 S1PTW=0 DFSC=0x21 (alignment fault)",
	 "cache maintenance alignment fault"},
	{0x96002007,
	 "EC=0x25 DABT_CUR IL=1 ISV=0 VNCR=1 WnR=0 S1PTW=0 DFSC=0x07 (translation "
	 "fault, level 3)",
	 "VNCR data abort"},
	{0x82000007, "EC=0x20 IABT_LOW IL=1 S1PTW=0 IFSC=0x07 (translation fault, level 3)",
	 "instruction abort"},
	{0x86001010, "EC=0x21 IABT_CUR IL=1 SET=2 S1PTW=0 IFSC=0x10 (synchronous external abort)",
	 "instruction abort with SET"},
	{0x5a004854, "EC=0x16 HVC64 IL=1 imm16=0x4854", "HVC #0x4854"},
	{0x5a000000, "EC=0x16 HVC64 IL=1 imm16=0x0000", "HVC #0"},
	{0x5e000001, "EC=0x17 SMC64 IL=1 imm16=0x0001", "SMC #1"},
	{0x56000007, "EC=0x15 SVC64 IL=1 imm16=0x0007", "SVC #7"},
	{0x4a000010, "EC=0x12 HVC32 IL=1 imm16=0x0010", "AArch32 HVC"},
	{0x44000003, "EC=0x11 SVC32 IL=0 imm16=0x0003", "T32 SVC, IL=0"},
	{0xf2000800, "EC=0x3c BRK64 IL=1 imm16=0x0800", "BRK #0x800"},
	{0x623a0041, "EC=0x18 SYS64 IL=1 op0=3 op1=0 CRn=0 CRm=0 op2=5 Rt=2 dir=read",
	 "MRS X2, MPIDR_EL1"},
	{0x62300400, "EC=0x18 SYS64 IL=1 op0=3 op1=0 CRn=1 CRm=0 op2=0 Rt=0 dir=write",
	 "MSR SCTLR_EL1, X0"},
	{0x07e00000, "EC=0x01 WFx IL=1 TI=WFI CV=1 COND=0xe", "WFI"},
	{0x07e00001, "EC=0x01 WFx IL=1 TI=WFE CV=1 COND=0xe", "WFE"},
	{0x07e00066, "EC=0x01 WFx IL=1 TI=WFIT CV=1 COND=0xe RV=1 RN=3", "WFIT X3"},
	{0x07e00003, "EC=0x01 WFx IL=1 TI=WFET CV=1 COND=0xe", "WFET without RV"},
	{0x06000000, "EC=0x01 WFx IL=1 TI=WFI CV=0 COND=0x0", "WFI with CV=0"},
	{0x02000000, "EC=0x00 UNKNOWN IL=1 ISS=0x0000000", "unknown reason"},
	{0xbe000000, "EC=0x2f SERROR IL=1 ISS=0x0000000", "SError"},
	{0x1fe00000, "EC=0x07 FP_ASIMD IL=1 ISS=0x1e00000", "FP access trap"},
	{0x8a000000, "EC=0x22 PC_ALIGN IL=1 ISS=0x0000000", "PC alignment"},
	{0x0e000000, "EC=0x03 CP15_32 IL=1 ISS=0x0000000", "AArch32 CP15 trap"},
	{0x6e000000, "EC=0x1b TSTART IL=1 ISS=0x0000000", "TSTART"},
	{0x5c000000, "EC=0x17 SMC64 IL=0 imm16=0x0000", "SMC with IL=0 is printed as is"},
	{0x5dffffff, "EC=0x17 SMC64 IL=0 imm16=0xffff", "ISS bits above imm16 not shown"},
	{0x8c000000, "EC=0x23 RESERVED IL=0 ISS=0x0000000", "unallocated EC 0x23"},
	{0x000000015a004854ULL, "EC=0x16 HVC64 IL=1 imm16=0x4854 ISS2=0x000001",
	 "non-zero ISS2 is appended"},
	{0xff0000005a004854ULL, "EC=0x16 HVC64 IL=1 imm16=0x4854", "RES0 bits [63:56] ignored"},
};

static void test_describe(void)
{
	char buf[160];
	char small[16];
	size_t i;
	int n;

	for (i = 0; i < ARRAY_LEN(describe_cases); i++) {
		n = esr_describe(describe_cases[i].esr, buf, sizeof(buf));
		unit_eq_str(buf, describe_cases[i].text, describe_cases[i].what);
		if (n != (int)strlen(describe_cases[i].text)) {
			unit_ok(false, "%s: returned length %d", describe_cases[i].what, n);
		}
	}

	memset(small, 'x', sizeof(small));
	n = esr_describe(0x93810047, small, sizeof(small));
	unit_eq_str(small, "EC=0x24 DABT_LO", "truncated to the buffer, NUL-terminated");
	unit_ok(n > (int)sizeof(small), "truncation shows in the return value (%d)", n);
	unit_ok(esr_describe(0x5a004854, NULL, 0) == (int)strlen("EC=0x16 HVC64 IL=1 imm16=0x4854"),
		"NULL buffer with len 0 measures the output");
	memset(small, 'x', sizeof(small));
	esr_describe(0x5a004854, small, 1);
	unit_ok(small[0] == '\0' && small[1] == 'x', "len 1 writes only the NUL");
}

int main(void)
{
	test_ec_names();
	test_fsc_names();
	test_describe();
	return unit_done();
}
