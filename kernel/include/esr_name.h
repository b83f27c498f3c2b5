/* SPDX-License-Identifier: MIT */
/*
 * Human-readable ESR_ELx decoding for exception dumps and TAP diagnostics. Pure code: builds on
 * the host for unit tests (tests/unit/esr_name_test.c).
 */
#ifndef KERNEL_ESR_NAME_H
#define KERNEL_ESR_NAME_H

#include <stddef.h>
#include <stdint.h>

/**
 * esr_ec_name() - short name of an Exception Class ("WFx", "HVC64", "DABT_LOW", ...).
 * @ec: ESR_ELx.EC, bits [31:26] (see esr_ec()).
 *
 * Covers every EC value the Arm ARM (DDI 0487, ESR_EL2.EC) allocates; unallocated values and
 * values above 0x3f give "RESERVED".
 *
 * Return: a static string, never NULL.
 */
const char *esr_ec_name(unsigned ec);

/**
 * esr_dfsc_name() - description of a data or instruction fault status code.
 * @fsc: ESR_ELx.ISS.DFSC or IFSC, bits [5:0].
 *
 * Follows the DFSC table of the Data Abort ISS encoding (Arm ARM, ESR_EL2), which is a superset
 * of the IFSC table: "translation fault, level 3", "alignment fault", ...
 *
 * Return: a static string, never NULL; "reserved" for unallocated codes.
 */
const char *esr_dfsc_name(unsigned fsc);

/**
 * esr_describe() - decode a syndrome into one line.
 * @esr: the ESR_ELx value.
 * @buf: output, always NUL-terminated when @len is not 0.
 * @len: size of @buf.
 *
 * The ISS is decoded field by field for aborts, WFx, SYS64 and the immediate-carrying ECs
 * (Arm ARM ESR_EL2 ISS encodings), e.g.
 *	"EC=0x16 HVC64 IL=1 imm16=0x4854"
 *	"EC=0x24 DABT_LOW IL=1 ISV=1 SAS=2 SSE=0 SRT=1 SF=0 AR=0 WnR=1 S1PTW=0 DFSC=0x07 (...)"
 * and printed raw ("ISS=0x...") for the others. A non-zero ISS2 is appended.
 *
 * Return: the length of the full description, as snprintf(): >= @len means truncated.
 */
int esr_describe(uint64_t esr, char *buf, size_t len);

#endif /* KERNEL_ESR_NAME_H */
