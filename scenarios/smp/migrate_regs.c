/* SPDX-License-Identifier: MIT */
/*
 * smp.migrate.gpr and smp.migrate.el1: a vCPU keeps its registers when it moves between PEs.
 *
 * - gpr: the guest (gp_migrate_gprs, guest/smp_migrate.S) sets x0..x30 to a pattern of the
 *   round and yields; the harness moves it along the row's path (PE k of the instance: 0 runs
 *   it, 1 is the other), a poison vCPU having filled the destination PE's registers with its
 *   own pattern just before; resumed, the guest stores all 31 before touching any. Every dump
 *   must be the round's pattern.
 * - el1: the guest (gp_migrate_el1) writes every register of MIGRATE_EL1_REGS
 *   (guest/smp_migrate.h) and SP_EL1, reads them back, yields; the harness moves it to PE 1,
 *   where the poison vCPU wrote other values into the same registers; resumed, it reads them
 *   again. A row per register: the value after the move must be the value before it, and the
 *   strict-mask bits of the value before it what the guest wrote. MPIDR_EL1 is VMPIDR_EL2, the
 *   vCPU's, on both PEs.
 */
#include <stdio.h>
#include <string.h>

#include "kalloc.h"
#include "migrate.h"
#include "smp_migrate.h"

/* ---- gpr ----------------------------------------------------------------------------------- */

struct gpr_row {
	const char *name;
	struct migrate_path path;
};

static const struct gpr_row gpr_rows[] = {
	{"[pe0>pe1]", {1, {0, 1}}},
	{"[pe1>pe0]", {1, {1, 0}}},
	{"[pe0>pe1>pe0]", {2, {0, 1, 0}}},
	{"[pe0>pe1>pe0>pe1]", {3, {0, 1, 0, 1}}},
};

#define GPR_BASE	  0x6d00000000000000ULL /* the vCPU's pattern: base + (round << 32) + n */
#define GPR_POISON_BASE	  0x0b00000000000000ULL
#define GPR_POISON_ROUNDS 8 /* more than any row needs: the poison only ever yields */

static uint64_t gpr_expected(unsigned round, unsigned n)
{
	return GPR_BASE + ((uint64_t)round << 32) + n;
}

/* The guest's dump of @round (it wrote it with its caches off). */
static const uint64_t *gpr_dump(struct vcpu *v, unsigned round)
{
	uint64_t ipa = GSYM(gl_migrate_gprs_dump) + round * MIGRATE_GPR_DUMP_SIZE;
	const uint64_t *d = vm_ram_ptr(v->vm, IPA(ipa), 31 * 8);

	if (d) {
		kcache_clean_inval(d, 31 * 8);
	}
	return d;
}

static void run_gpr(struct scenario_ctx *c, const void *row)
{
	const struct gpr_row *r = row;
	struct sc_setup s = {.payload = GSYM(gp_migrate_gprs),
			     .args = {GPR_BASE, r->path.hops},
			     .vm.ram_size = MIGRATE_RAM_SIZE,
			     .vcpu.vmpidr = MIGRATE_VMPIDR};
	struct sc_setup ps = {.payload = GSYM(gp_migrate_gprs),
			      .args = {GPR_POISON_BASE, GPR_POISON_ROUNDS},
			      .vm.ram_size = MIGRATE_RAM_SIZE,
			      .vcpu.vmpidr = MIGRATE_POISON_VMPIDR};
	struct vcpu *v = sc_start(c, &s), *p = NULL;
	struct vm *pvm = v ? sc_add_vm(c, &ps) : NULL;
	char where[48];

	if (!pvm || !(p = sc_add_vcpu(c, pvm, &ps))) {
		return;
	}
	for (unsigned h = 0; h <= r->path.hops; h++) {
		unsigned k = r->path.pe[h];

		if (h && !migrate_poison(c, p, k, 1, GSYM(gl_migrate_gprs_yield))) {
			return;
		}
		struct exit e = sc_run_vcpu_on(c, v, k);

		snprintf(where, sizeof(where), "run %u of the vCPU, on cpu %u", h, sc_pe(c, k));
		if (h == r->path.hops
			    ? !sc_expect_done(c, &e, 0)
			    : !migrate_expect_yield(c, &e, 1, GSYM(gl_migrate_gprs_yield), where)) {
			sc_diag(c, "run", "%s", where);
			return;
		}
	}
	for (unsigned round = 0; round < r->path.hops; round++) {
		const uint64_t *d = gpr_dump(v, round);
		char what[48];

		for (unsigned n = 0; d && n < 31; n++) {
			if (d[n] != gpr_expected(round, n)) {
				snprintf(what, sizeof(what), "x%u after hop %u (to cpu %u)", n,
					 round + 1, sc_pe(c, r->path.pe[round + 1]));
				sc_expect_u64(c, what, d[n], gpr_expected(round, n));
				break;
			}
		}
	}
}

SCENARIO(smp_migrate_gpr, .id = "smp.migrate.gpr", .pes = 2,
	 .rule = "A vCPU moved between PEs keeps x0..x30: after each move (the PE it moves to "
		 "just ran another VM's vCPU with other values) the guest reads the values it "
		 "wrote before the move",
	 SCENARIO_ROWS(gpr_rows), .run = run_gpr);

/* ---- el1 ----------------------------------------------------------------------------------- */

struct el1_row {
	const char *name;
	unsigned slot; /* in the value blocks: the table index, MIGRATE_EL1_SP or MPIDR_SLOT */
	uint64_t subject, poison, strict;
};

#define MPIDR_SLOT MIGRATE_EL1_SLOTS /* not a block slot: the guest's MPIDR_EL1 is read apart */

#define EL1_ROW(i, reg, subject_, poison_, mask) {"[" #reg "]", (i), (subject_), (poison_), (mask)},
static const struct el1_row el1_rows[] = {
	MIGRATE_EL1_REGS(EL1_ROW){"[sp_el1]", MIGRATE_EL1_SP, MIGRATE_EL1_SP_VALUES},
	{"[mpidr_el1]", MPIDR_SLOT, 0, 0, 0},
};

/* Load the value block of @vm: @subject (or the poison column) of every register. */
static bool el1_load_values(struct scenario_ctx *c, struct vm *vm, bool poison)
{
	uint64_t v[MIGRATE_EL1_SLOTS] = {0};

	for (size_t i = 0; i < sizeof(el1_rows) / sizeof(el1_rows[0]); i++) {
		if (el1_rows[i].slot >= MIGRATE_EL1_SLOTS) {
			continue;
		}
		v[el1_rows[i].slot] = poison ? el1_rows[i].poison : el1_rows[i].subject;
	}
	if (vm_load(vm, IPA(GSYM(gl_migrate_el1_values)), v, sizeof(v))) {
		sc_fail(c, "could not load the EL1 values into guest RAM");
		return false;
	}
	return true;
}

static uint64_t el1_block(struct vcpu *v, uint64_t ipa, unsigned slot)
{
	const uint64_t *b = vm_ram_ptr(v->vm, IPA(ipa), 8 * MIGRATE_EL1_SLOTS);

	if (!b) {
		return 0;
	}
	kcache_clean_inval(&b[slot], 8);
	return b[slot];
}

static void run_el1(struct scenario_ctx *c, const void *row)
{
	const struct el1_row *r = row;
	const uint64_t blocks[3] = {GSYM(gl_migrate_el1_values), GSYM(gl_migrate_el1_before),
				    GSYM(gl_migrate_el1_after)};
	struct sc_setup s = {.payload = GSYM(gp_migrate_el1),
			     .args = {blocks[0], blocks[1], blocks[2]},
			     .vm.ram_size = MIGRATE_RAM_SIZE,
			     .vcpu.vmpidr = MIGRATE_VMPIDR};
	struct sc_setup ps = s;
	struct vcpu *v = sc_start(c, &s), *p = NULL;
	struct vm *pvm;
	struct exit e;

	ps.vcpu.vmpidr = MIGRATE_POISON_VMPIDR;
	if (!v || !el1_load_values(c, v->vm, false) || !(pvm = sc_add_vm(c, &ps)) ||
	    !el1_load_values(c, pvm, true) || !(p = sc_add_vcpu(c, pvm, &ps))) {
		return;
	}
	e = sc_run_vcpu_on(c, v, 0);
	if (!migrate_expect_yield(c, &e, 1, GSYM(gl_migrate_el1_yield), "vCPU on PE 0")) {
		return;
	}
	uint64_t mpidr_before = v->ctx.x[24];

	if (!migrate_poison(c, p, 1, 1, GSYM(gl_migrate_el1_yield))) {
		return;
	}
	e = sc_run_vcpu_on(c, v, 1);
	sc_diag(c, "moved", "cpu %u -> cpu %u", sc_pe(c, 0), sc_pe(c, 1));
	if (!sc_expect_done(c, &e, 0)) {
		return;
	}
	if (r->slot == MPIDR_SLOT) {
		sc_expect_u64(c, "mpidr_el1 before the move", mpidr_before, MIGRATE_VMPIDR);
		sc_expect_u64(c, "mpidr_el1 after the move", v->ctx.x[25], MIGRATE_VMPIDR);
		return;
	}
	uint64_t before = el1_block(v, blocks[1], r->slot);
	uint64_t after = el1_block(v, blocks[2], r->slot);
	uint64_t poison = el1_block(p, blocks[1], r->slot);

	sc_diag(c, "poison_read", "0x%llx (what the PE held before the vCPU came)",
		(unsigned long long)poison);
	sc_expect_u64(c, "read before the move & strict mask", before & r->strict,
		      r->subject & r->strict);
	sc_expect_u64(c, "read after the move", after, before);
}

SCENARIO(smp_migrate_el1, .id = "smp.migrate.el1", .pes = 2,
	 .rule = "A vCPU moved between PEs keeps its EL1 system registers: each reads the same "
		 "after the move as before it (the PE it moves to just ran another VM's vCPU "
		 "with other values), and its architected read/write bits as the guest wrote "
		 "them; MPIDR_EL1 (VMPIDR_EL2) does not follow the PE",
	 SCENARIO_ROWS(el1_rows), .run = run_el1);
