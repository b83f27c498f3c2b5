/*
 * Host tests of MMIO emulation from the data-abort syndrome (vmm/mmio.c): mmio_decode() of
 * ESR_EL2/FAR_EL2/HPFAR_EL2, the data of a trapped store, and the register write-back of a
 * trapped load, checked against the oracle mmio_load_result() (scenarios/model/esr_model.h),
 * an independent implementation of the same rule.
 *
 * Syndromes are built here by hand from the Arm ARM layout ("ISS encoding for an exception
 * from a Data Abort"), not with arch/esr.h, so a wrong shared definition can't hide itself.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "esr_model.h"
#include "mmio.h"
#include "unit.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define T_EC_DABT_LOW 0x24ULL
#define T_EC_DABT_CUR 0x25ULL
#define T_EC_IABT_LOW 0x20ULL
#define T_IL	      (1ULL << 25)
#define T_ISV	      (1ULL << 24)
#define T_SAS(s)      ((uint64_t)(s) << 22)
#define T_SSE	      (1ULL << 21)
#define T_SRT(r)      ((uint64_t)(r) << 16)
#define T_SF	      (1ULL << 15)
#define T_WNR	      (1ULL << 6)
#define T_FSC_TRANS3  0x07ULL
#define T_HPFAR_NS    (1ULL << 63)

/* A stage 2 translation fault (level 3) on a lower-EL data access, ISV = 1. */
static uint64_t dabt_esr(unsigned sas, bool sse, unsigned srt, bool sf, bool wnr)
{
	return (T_EC_DABT_LOW << 26) | T_IL | T_ISV | T_SAS(sas) | (sse ? T_SSE : 0) | T_SRT(srt) |
	       (sf ? T_SF : 0) | (wnr ? T_WNR : 0) | T_FSC_TRANS3;
}

/* An exit for an abort on @ipa; FAR holds a VA that shares only the page offset with it. */
static struct exit dabt_exit(uint64_t esr, uint64_t ipa)
{
	struct exit e;

	memset(&e, 0, sizeof(e));
	e.reason = EXIT_DABT;
	e.esr = esr;
	e.far = 0xffff800012345000ULL | (ipa & 0xfff);
	e.hpfar = (ipa >> 12) << 4;
	return e;
}

static void vcpu_fill(struct vcpu *v)
{
	memset(v, 0, sizeof(*v));
	for (unsigned i = 0; i < ARRAY_SIZE(v->ctx.x); i++) {
		v->ctx.x[i] = 0xdead000000000000ULL | (uint64_t)i << 8 | i;
	}
}

static struct mmio_access access_of(unsigned size_log2, bool sse, unsigned rt, bool sf)
{
	struct mmio_access a;

	memset(&a, 0, sizeof(a));
	a.ipa = GUEST_MMIO_IPA;
	a.size_log2 = size_log2;
	a.sign_extend = sse;
	a.rt = rt;
	a.sf = sf;
	return a;
}

static void test_decode_rejects(void)
{
	struct mmio_access a;
	struct exit e;

	e = dabt_exit(dabt_esr(2, false, 1, false, true) & ~T_ISV, GUEST_MMIO_IPA);
	unit_ok(mmio_decode(&e, &a) == -1, "ISV = 0: -1");
	e = dabt_exit((T_EC_DABT_LOW << 26) | T_IL | T_FSC_TRANS3, GUEST_MMIO_IPA);
	unit_ok(mmio_decode(&e, &a) == -1, "ISV = 0 and an empty ISS: -1");

	e = dabt_exit(dabt_esr(2, false, 1, false, true), GUEST_MMIO_IPA);
	e.esr = (e.esr & ~(0x3fULL << 26)) | T_EC_DABT_CUR << 26;
	unit_ok(mmio_decode(&e, &a) == -1, "EC 0x25 (Data Abort from EL2) with ISV: -1");
	e.esr = (e.esr & ~(0x3fULL << 26)) | T_EC_IABT_LOW << 26;
	unit_ok(mmio_decode(&e, &a) == -1, "EC 0x20 (Instruction Abort) with bit 24 set: -1");
	e.esr = (e.esr & ~(0x3fULL << 26)) | 0x16ULL << 26;
	unit_ok(mmio_decode(&e, &a) == -1, "EC 0x16 (HVC) with bit 24 set: -1");
	e.esr = (e.esr & ~(0x3fULL << 26)) | (T_EC_DABT_LOW ^ 0x20) << 26;
	unit_ok(mmio_decode(&e, &a) == -1, "EC 0x04 (DABT_LOW with bit 31 clear): -1");

	/* EC is bits [31:26] only: ISS2 (bits [55:32]) must not be read as part of it. */
	e = dabt_exit(dabt_esr(2, false, 1, false, true) | 0xffffffULL << 32, GUEST_MMIO_IPA);
	unit_ok(mmio_decode(&e, &a) == 0, "ISS2 all ones: still a Data Abort, decodes");
}

static void test_decode_fields(void)
{
	struct mmio_access a;
	struct exit e;
	bool all = true;

	/* "str w1, [x0]" to an unmapped page: the esr_model.h example, 0x93810047. */
	e = dabt_exit(0x93810047ULL, GUEST_MMIO_IPA + 0x10);
	unit_eq_u64(dabt_esr(2, false, 1, false, true), 0x93810047ULL,
		    "the hand-built syndrome of str w1 is 0x93810047");
	unit_ok(mmio_decode(&e, &a) == 0, "str w1, [x0]: decodes");
	unit_eq_u64(a.size_log2, 2, "str w1: SAS word");
	unit_eq_u64(a.rt, 1, "str w1: SRT 1");
	unit_ok(!a.sign_extend, "str w1: SSE 0");
	unit_ok(!a.sf, "str w1: SF 0");
	unit_ok(a.is_write, "str w1: WnR 1");
	unit_eq_u64(a.ipa, GUEST_MMIO_IPA + 0x10, "str w1: IPA");

	/* Each field alone. */
	e = dabt_exit(dabt_esr(3, false, 0, false, false), 0);
	unit_ok(mmio_decode(&e, &a) == 0 && a.size_log2 == 3 && a.rt == 0 && !a.sf &&
			!a.sign_extend && !a.is_write,
		"SAS = 3 alone");
	e = dabt_exit(dabt_esr(0, true, 0, false, false), 0);
	unit_ok(mmio_decode(&e, &a) == 0 && a.sign_extend && a.size_log2 == 0 && a.rt == 0 &&
			!a.sf && !a.is_write,
		"SSE alone");
	e = dabt_exit(dabt_esr(0, false, 31, false, false), 0);
	unit_ok(mmio_decode(&e, &a) == 0 && a.rt == 31 && a.size_log2 == 0 && !a.sign_extend &&
			!a.sf && !a.is_write,
		"SRT = 31 alone");
	e = dabt_exit(dabt_esr(0, false, 0, true, false), 0);
	unit_ok(mmio_decode(&e, &a) == 0 && a.sf && a.size_log2 == 0 && a.rt == 0 &&
			!a.sign_extend && !a.is_write,
		"SF alone");
	e = dabt_exit(dabt_esr(0, false, 0, false, true), 0);
	unit_ok(mmio_decode(&e, &a) == 0 && a.is_write && a.size_log2 == 0 && a.rt == 0 &&
			!a.sign_extend && !a.sf,
		"WnR alone");

	/* Every combination; neighbouring bits (AR, FSC, S1PTW = 0 here, ISS2) set too. */
	for (unsigned sas = 0; sas < 4; sas++) {
		for (unsigned rt = 0; rt < 32; rt++) {
			for (unsigned bits = 0; bits < 8; bits++) {
				bool sse = bits & 1, sf = bits & 2, wnr = bits & 4;
				uint64_t esr = dabt_esr(sas, sse, rt, sf, wnr) | (1ULL << 14) |
					       (0xabcdULL << 32);

				e = dabt_exit(esr, 0x12345678000ULL | rt << 3);
				memset(&a, 0xff, sizeof(a));
				if (mmio_decode(&e, &a) != 0 || a.size_log2 != sas || a.rt != rt ||
				    a.sign_extend != sse || a.sf != sf || a.is_write != wnr ||
				    a.ipa != (0x12345678000ULL | rt << 3)) {
					unit_diag("esr 0x%llx decoded wrong",
						  (unsigned long long)esr);
					all = false;
				}
			}
		}
	}
	unit_ok(all, "every SAS x SRT x SSE x SF x WnR decodes (with AR and ISS2 set)");

	/* The oracle's syndromes decode back to the access they describe. */
	all = true;
	for (unsigned sas = 0; sas < 4; sas++) {
		for (unsigned rt = 0; rt < 32; rt += 5) {
			for (unsigned bits = 0; bits < 8; bits++) {
				struct dabt_access d = {
					.size_log2 = sas,
					.is_write = bits & 4,
					.sign_extend = (bits & 1) && !(bits & 4) && sas < 3,
					.rt = rt,
					.sf = bits & 2,
					.valid_syndrome = true,
				};

				e = dabt_exit(esr_expect_dabt_s2(&d, T_FSC_TRANS3), GUEST_MMIO_IPA);
				e.hpfar = hpfar_expect(GUEST_MMIO_IPA);
				if (mmio_decode(&e, &a) != 0 || a.size_log2 != sas || a.rt != rt ||
				    a.sign_extend != d.sign_extend || a.sf != d.sf ||
				    a.is_write != d.is_write || a.ipa != GUEST_MMIO_IPA) {
					unit_diag("oracle esr 0x%llx decoded wrong",
						  (unsigned long long)e.esr);
					all = false;
				}
			}
		}
	}
	unit_ok(all, "esr_expect_dabt_s2() syndromes decode to their access");
}

static void test_decode_ipa(void)
{
	static const uint64_t ipas[] = {
		0x0,
		0xfff,
		0x1000,
		GUEST_MMIO_IPA + 0x7fc,
		0x12345678abcULL,
		0xffffffffffffULL,  /* 48-bit */
		0xfedcba9876543ULL, /* 52-bit (FEAT_LPA): FIPA is [43:4] = IPA[51:12] */
	};
	struct mmio_access a;
	struct exit e;

	for (size_t i = 0; i < ARRAY_SIZE(ipas); i++) {
		e = dabt_exit(dabt_esr(2, false, 0, false, false), ipas[i]);
		unit_ok(mmio_decode(&e, &a) == 0 && a.ipa == ipas[i], "IPA 0x%llx from HPFAR | FAR",
			(unsigned long long)ipas[i]);
		unit_eq_u64(e.hpfar, hpfar_expect(ipas[i]),
			    "hand-built HPFAR matches hpfar_expect()");
	}

	e = dabt_exit(dabt_esr(2, false, 0, false, false), 0x123456789abcULL);
	e.hpfar |= T_HPFAR_NS;
	unit_ok(mmio_decode(&e, &a) == 0, "HPFAR.NS set: decodes");
	unit_eq_u64(a.ipa, 0x123456789abcULL, "HPFAR.NS (bit 63) is not part of the IPA");
	e.hpfar |= 0xf;
	unit_ok(mmio_decode(&e, &a) == 0 && a.ipa == 0x123456789abcULL,
		"HPFAR[3:0] (RES0) is not part of the IPA");
	e.hpfar |= 0x7ffffULL << 44;
	unit_ok(mmio_decode(&e, &a) == 0 && a.ipa == 0x123456789abcULL,
		"HPFAR[62:44] (RES0) is not part of the IPA");
	e.far = 0xabc;
	unit_ok(mmio_decode(&e, &a) == 0 && a.ipa == 0x123456789abcULL,
		"only FAR[11:0] is used: FAR = 0xabc gives the same IPA");
}

static void test_store_data(void)
{
	static const uint64_t expect[4] = {0x88, 0x7788, 0x55667788, 0x1122334455667788ULL};
	struct mmio_access a;
	struct vcpu v;
	bool all = true;

	vcpu_fill(&v);
	v.ctx.x[5] = 0x1122334455667788ULL;
	for (unsigned s = 0; s < 4; s++) {
		a = access_of(s, false, 5, true);
		unit_eq_u64(mmio_store_data(&v, &a), expect[s], "store from x5 truncated to size");
	}
	a = access_of(2, false, 5, false);
	unit_eq_u64(mmio_store_data(&v, &a), 0x55667788, "str w5: the low 32 bits");

	v.ctx.x[0] = 0xffffffffffffffffULL;
	v.ctx.x[30] = 0xffffffffffffffffULL;
	for (unsigned s = 0; s < 4; s++) {
		a = access_of(s, false, 31, true);
		unit_eq_u64(mmio_store_data(&v, &a), 0, "store from XZR is 0");
	}
	a = access_of(3, false, 30, true);
	unit_eq_u64(mmio_store_data(&v, &a), 0xffffffffffffffffULL, "store from x30 (last GPR)");

	for (unsigned rt = 0; rt < 32; rt++) {
		for (unsigned s = 0; s < 4; s++) {
			uint64_t reg = rt == 31 ? 0 : v.ctx.x[rt];

			a = access_of(s, false, rt, true);
			all = all && mmio_store_data(&v, &a) == mmio_store_value(reg, s);
		}
	}
	unit_ok(all, "mmio_store_data() agrees with mmio_store_value() for every Rt and size");
	unit_eq_u64(v.ctx.x[5], 0x1122334455667788ULL, "a store leaves the register alone");
}

/* Load @data through an access into a filled vcpu; return the target's value. */
static uint64_t load(unsigned size_log2, bool sse, unsigned rt, bool sf, uint64_t data)
{
	struct mmio_access a = access_of(size_log2, sse, rt, sf);
	struct vcpu v;

	vcpu_fill(&v);
	v.ctx.x[rt] = 0xa5a5a5a5a5a5a5a5ULL;
	mmio_complete_load(&v, &a, data);
	return v.ctx.x[rt];
}

static void test_complete_load(void)
{
	const uint64_t d = 0xffeeddccbbaa9988ULL;
	struct mmio_access a;
	struct vcpu v, before;
	bool same = true;

	/* Zero extension; data bits above the size are ignored. */
	unit_eq_u64(load(0, false, 3, true, d), 0x88, "ldrb x: zero-extended byte");
	unit_eq_u64(load(1, false, 3, true, d), 0x9988, "ldrh x: zero-extended halfword");
	unit_eq_u64(load(2, false, 3, true, d), 0xbbaa9988, "ldr w-sized to x: zero-extended word");
	unit_eq_u64(load(3, false, 3, true, d), d, "ldr x: doubleword");
	unit_eq_u64(load(0, false, 3, false, d), 0x88, "ldrb w: zero-extended byte");
	unit_eq_u64(load(1, false, 3, false, d), 0x9988, "ldrh w: zero-extended halfword");

	/* Sign extension to X. */
	unit_eq_u64(load(0, true, 4, true, 0x80), 0xffffffffffffff80ULL, "ldrsb x, 0x80");
	unit_eq_u64(load(0, true, 4, true, 0x7f), 0x7f, "ldrsb x, 0x7f: positive");
	unit_eq_u64(load(0, true, 4, true, 0x1ff), 0xffffffffffffffffULL,
		    "ldrsb x, 0x1ff: only the byte counts");
	unit_eq_u64(load(0, true, 4, true, 0x17f), 0x7f, "ldrsb x, 0x17f: bit 8 is not the sign");
	unit_eq_u64(load(1, true, 4, true, 0x8001), 0xffffffffffff8001ULL, "ldrsh x, 0x8001");
	unit_eq_u64(load(1, true, 4, true, 0xf7fff), 0x7fff, "ldrsh x, 0xf7fff: positive");
	unit_eq_u64(load(2, true, 4, true, 0x80000000), 0xffffffff80000000ULL,
		    "ldrsw x, 0x80000000");
	unit_eq_u64(load(2, true, 4, true, 0xffffffff7fffffffULL), 0x7fffffff,
		    "ldrsw x, upper data ignored: positive");
	unit_eq_u64(load(3, true, 4, true, 0x8000000000000000ULL), 0x8000000000000000ULL,
		    "SSE with a doubleword: nothing to extend");

	/* W registers: SF = 0 clears the top 32 bits, also after sign extension. */
	unit_eq_u64(load(2, false, 6, false, 0xdeadbeefcafef00dULL), 0xcafef00d,
		    "ldr w: upper 32 bits of x cleared");
	unit_eq_u64(load(0, true, 6, false, 0xff), 0x00000000ffffffffULL,
		    "ldrsb w, 0xff: 0x00000000ffffffff");
	unit_eq_u64(load(0, true, 6, false, 0x7f), 0x7f, "ldrsb w, 0x7f");
	unit_eq_u64(load(1, true, 6, false, 0x8001), 0x00000000ffff8001ULL, "ldrsh w, 0x8001");
	unit_eq_u64(load(2, true, 6, false, 0x80000000), 0x80000000, "SSE word into w: 0x80000000");
	unit_eq_u64(load(3, false, 6, false, d), 0xbbaa9988, "doubleword into w: low 32 bits");

	/* Only the target changes: x0 and x30, and XZR which changes nothing. */
	unit_eq_u64(load(0, false, 0, true, 0x42), 0x42, "load into x0");
	unit_eq_u64(load(3, false, 30, true, d), d, "load into x30");
	vcpu_fill(&v);
	memcpy(&before, &v, sizeof(v));
	a = access_of(3, false, 7, true);
	mmio_complete_load(&v, &a, d);
	v.ctx.x[7] = before.ctx.x[7];
	unit_ok(memcmp(&v, &before, sizeof(v)) == 0, "a load into x7 changes nothing else");
	for (unsigned s = 0; s < 4; s++) {
		for (unsigned bits = 0; bits < 4; bits++) {
			vcpu_fill(&v);
			memcpy(&before, &v, sizeof(v));
			a = access_of(s, bits & 1, 31, bits & 2);
			mmio_complete_load(&v, &a, d);
			same = same && memcmp(&v, &before, sizeof(v)) == 0;
		}
	}
	unit_ok(same, "a load into XZR changes no register, for every size, SSE and SF");
}

/* mmio_complete_load() and the oracle mmio_load_result() agree on every case. */
static void test_load_vs_oracle(void)
{
	static const uint64_t patterns[] = {
		0x0,
		0xffffffffffffffffULL,
		0x80,
		0x7f,
		0x8000,
		0x7fff,
		0x80000000,
		0x7fffffff,
		0x8000000000000000ULL,
		0x0123456789abcdefULL,
		0xfedcba9876543210ULL,
		0x5555555555555555ULL,
		0xaaaaaaaaaaaaaaaaULL,
		0x00000000ffffff80ULL,
	};
	unsigned n = 0;

	for (unsigned s = 0; s < 4; s++) {
		for (unsigned bits = 0; bits < 4; bits++) {
			bool sse = bits & 1, sf = bits & 2;
			bool all = true;

			for (size_t i = 0; i < ARRAY_SIZE(patterns); i++) {
				unsigned rt = n++ % 31;
				uint64_t got = load(s, sse, rt, sf, patterns[i]);
				uint64_t exp = mmio_load_result(patterns[i], s, sse, sf);

				if (got != exp) {
					unit_diag("data 0x%llx: vmm 0x%llx, oracle 0x%llx",
						  (unsigned long long)patterns[i],
						  (unsigned long long)got, (unsigned long long)exp);
					all = false;
				}
			}
			unit_ok(all, "SAS %u SSE %d SF %d: vmm and oracle agree on %zu patterns", s,
				sse, sf, ARRAY_SIZE(patterns));
		}
	}
}

int main(void)
{
	test_decode_rejects();
	test_decode_fields();
	test_decode_ipa();
	test_store_data();
	test_complete_load();
	test_load_vs_oracle();
	return unit_done();
}
