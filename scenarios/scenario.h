/* SPDX-License-Identifier: MIT */
/*
 * The scenario table. A scenario is one data entry: an id, the architectural rule it checks,
 * an optional array of parameter rows (one TAP point per row), a `requires` check that turns
 * into a SKIP with the ID-register reason, and a run function that drives a fresh guest
 * through the vmm API and compares what it sees with an oracle from scenarios/model/.
 *
 * Entries register themselves in the .scenarios.* linker section; the runner sorts them by
 * id, so TAP numbering is stable whatever the link order.
 */
#ifndef SCENARIOS_SCENARIO_H
#define SCENARIOS_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guest32_syms.h"
#include "guest_syms.h"
#include "vmm.h"

struct scenario_ctx;

struct scenario {
	const char *id;	  /* "trap.hvc.imm"; a row's name is appended: "trap.hvc.imm[0x0000]" */
	const char *rule; /* the rule checked, quoted in the YAML of a failure */
	const void *rows; /* array of row structs whose first member is `const char *name` */
	size_t row_size;
	size_t row_count; /* 0: a single instance without parameters */
	/* NULL if the CPU has what the instance needs, else the SKIP reason (written to why). */
	const char *(*requires)(const void *row, char *why, size_t len);
	void (*run)(struct scenario_ctx *c, const void *row);
	/*
	 * Trap scenarios (docs/traps.md): the exception classes they produce ("0x18", or several:
	 * "0x30 0x31") and the trap control they exercise; a family whose control varies per row
	 * names it with row_control() instead. hyptap.list prints both after each id.
	 */
	const char *ec;
	const char *control;
	const char *(*row_control)(const void *row);
	/*
	 * Coverage (docs/coverage.md, ci/gen-coverage): the EL2 control fields the instance
	 * exercises, as space-separated "<marks>REG.FIELD" (ci/coverage/el2-fields.tsv names):
	 * '+' it runs with the field set and checks the effect, '-' with it clear and checks its
	 * absence, '?' a read/write probe only. "+-HCR_EL2.TWI HCR_EL2.TWE" is wrong: every
	 * field has its marks. A family whose fields vary per row gives row_fields() instead
	 * (NULL: none for that row). hyptap.list prints them after each id.
	 */
	const char *fields;
	const char *(*row_fields)(const void *row);
	/*
	 * Families whose full cross product is too large for every boot: @sample rows per boot
	 * (per stratum, when @sample_stratum gives each row a stratum key), chosen by
	 * hyptap.seed (scenarios/sample.h); hyptap.exhaustive runs every row. 0: every row.
	 */
	unsigned sample;
	unsigned (*sample_stratum)(const void *row);
	/*
	 * Cross-PE families (scenarios/smp/): the PEs one instance needs at once. With 2 or more
	 * it runs alone, the others parked, reached through sc_on_pe() and sc_run_vcpu_on(); it
	 * SKIPs when fewer PEs are online. 0 or 1: one PE, beside the other PEs' instances.
	 */
	unsigned pes;
	/* Runs alone, on whatever PE takes it: it uses one shared resource (the ITS's one vPE). */
	bool alone;
};

#define SCENARIO_SECTION(name) __attribute__((used, section(".scenarios." #name), aligned(8)))

/** Register a scenario; @name is a C identifier, sorted like the id. */
#define SCENARIO(name, ...)                                                                        \
	static const struct scenario scenario_##name SCENARIO_SECTION(name) = {__VA_ARGS__}

/** Register a family: one instance per element of the array @rows. */
#define SCENARIO_ROWS(rows_)                                                                       \
	.rows = (rows_), .row_size = sizeof((rows_)[0]),                                           \
	.row_count = sizeof(rows_) / sizeof((rows_)[0])

/** Guest addresses, from the guest image's symbol table (build/gen/guest_syms.h). */
#define GSYM(sym) GSYM_##sym
/** AArch32 guest addresses (build/gen/guest32_syms.h); a T32 function's entry needs | 1. */
#define G32SYM(sym) G32SYM_##sym

/**
 * What a scenario instance asks of its fresh VM and vCPU. The vCPU settings are the vmm's own
 * struct vcpu_config, embedded, so a new vCPU feature is one field in vmm.h; sc_start() fills in
 * what the guest runtime decides (entry, VBAR_EL1, x0..x3 from @payload and @args).
 */
struct sc_setup {
	uint64_t payload; /* GSYM(gp_...), or G32SYM(...) with .vcpu.aarch32 */
	uint64_t args[3]; /* payload arguments (x1..x3 at entry; the runtime passes x0..x2) */
	struct vm_config vm;
	bool doorbell_channel; /* the runtime reports and exits through the doorbell, not HVC */
	struct vcpu_config vcpu;
};

/** Fresh VM (zeroed RAM, guest image loaded, fresh stage 2 and VMID) and vCPU. */
struct vcpu *sc_start(struct scenario_ctx *c, const struct sc_setup *s);
/** vcpu_run() on the instance's current vCPU (sc_start()'s, or the one sc_run_vcpu() ran). */
struct exit sc_run(struct scenario_ctx *c);
/** The first VM of the instance (sc_start()'s). */
struct vm *sc_vm(struct scenario_ctx *c);
/** The current vCPU: the one that ran last, which the checks below look at. */
struct vcpu *sc_vcpu(struct scenario_ctx *c);

/*
 * Instances with several VMs and vCPUs (VMID isolation, multi-vCPU interrupts): each VM is
 * fresh as sc_start()'s (own VMID, zeroed RAM with the guest image of @s, own stage 2), each
 * vCPU has its own EL1 and virtual-interface context; the runner destroys them all after the
 * instance and checks that no page leaked. On failure they return NULL with the instance
 * failed.
 */
/** A further VM (@s: its vm config, guest image and report channel). */
struct vm *sc_add_vm(struct scenario_ctx *c, const struct sc_setup *s);
/**
 * sc_drop_vm() - destroy @vm and its vCPUs now, not after the instance: the next VM of the
 * instance then gets what the vmm hands a new VM after one has gone (guest.fresh).
 */
void sc_drop_vm(struct scenario_ctx *c, struct vm *vm);
/** A further vCPU on @vm (@s: its payload, arguments and vcpu config). */
struct vcpu *sc_add_vcpu(struct scenario_ctx *c, struct vm *vm, const struct sc_setup *s);
/** vcpu_run() on @v, which becomes the current vCPU. */
struct exit sc_run_vcpu(struct scenario_ctx *c, struct vcpu *v);

/*
 * Cross-PE instances (struct scenario.pes >= 2). PE k of the instance: k = 0 is the one running
 * it, the others are parked and run what is posted to them. Each call is bounded: a PE that
 * does not return fails the instance and is marked dead.
 */
unsigned sc_pe_count(struct scenario_ctx *c);
/** The smp.h index of the instance's PE @k. */
unsigned sc_pe(struct scenario_ctx *c, unsigned k);
/** vcpu_run(@v) on the instance's PE @k; @v is unloaded there after (and here before). */
struct exit sc_run_vcpu_on(struct scenario_ctx *c, struct vcpu *v, unsigned k);
/**
 * Start vcpu_run(@v) on PE @k (k >= 1) and return at once; *@e holds the exit once
 * sc_pe_wait(@c, @k) returned 0. Meanwhile this PE may run another vCPU (two vCPUs of one VM
 * at the same time on two PEs). @v must not run anywhere else until then.
 */
int sc_run_vcpu_on_async(struct scenario_ctx *c, struct vcpu *v, unsigned k, struct exit *e);
/** @fn(@arg) on PE @k (k = 0: here, at once); 0, or -1 with the instance failed. */
int sc_on_pe(struct scenario_ctx *c, unsigned k, void (*fn)(void *), void *arg);
/** Post @fn(@arg) to PE @k and return; sc_pe_wait() waits for it (bounded). */
int sc_on_pe_async(struct scenario_ctx *c, unsigned k, void (*fn)(void *), void *arg);
int sc_pe_wait(struct scenario_ctx *c, unsigned k);

/* Checks. Each failing check marks the instance not ok and adds its YAML lines. */
bool sc_expect_u64(struct scenario_ctx *c, const char *what, uint64_t got, uint64_t expected);
bool sc_expect_esr(struct scenario_ctx *c, uint64_t got, uint64_t expected);
bool sc_expect_reason(struct scenario_ctx *c, const struct exit *e, enum exit_reason expected);
/**
 * A trap: @e must be a @reason exit with exactly ESR_EL2 @esr and ELR_EL2 @elr (the preferred
 * return address); the raw syndrome goes into the diagnosis. Returns false only when the exit
 * is of another kind (nothing more to check); a syndrome mismatch fails the instance but the
 * scenario may go on (resume the guest) to collect more evidence.
 */
bool sc_expect_exit(struct scenario_ctx *c, const struct exit *e, enum exit_reason reason,
		    uint64_t esr, uint64_t elr);
/**
 * The guest must have ended through the ABI with @status, and nothing else happened: in
 * particular no exception at EL1, unless the scenario called sc_expect_el1_exceptions().
 */
bool sc_expect_done(struct scenario_ctx *c, const struct exit *e, uint64_t status);
/** This instance takes exceptions on the guest's own EL1 vectors on purpose. */
void sc_expect_el1_exceptions(struct scenario_ctx *c);
/**
 * The guest's own vectors took an exception at offset @vector (0x200: current EL, SPx,
 * synchronous) with ESR_EL1 @esr and ELR_EL1 @elr, as the runtime reported them.
 */
void sc_expect_el1_exception(struct scenario_ctx *c, uint64_t vector, uint64_t esr, uint64_t elr);
void sc_fail(struct scenario_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/** Add a YAML line to the diagnosis (printed only if the instance fails). */
void sc_diag(struct scenario_ctx *c, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/**
 * A "# " comment printed after the instance's result line, passed or not (one per instance,
 * the last call wins): measurements such as bench.exit.*'s counts.
 */
void sc_note(struct scenario_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/** Raw syndrome of @e into the diagnosis. */
void sc_diag_exit(struct scenario_ctx *c, const struct exit *e);
/** The value a guest reported under @key; a failure if it never reported it. */
bool sc_report(struct scenario_ctx *c, unsigned key, uint64_t *value);

const char *exit_reason_name(enum exit_reason r);

/**
 * sc_row_control_from_name() - a row_control() for families whose rows start with the control:
 * "[tid3]..." gives "HCR_EL2.TID3", "[tda]..." "MDCR_EL2.TDA", "[hdfgrtr.6]..." the FGT
 * register "HDFGRTR_EL2 (FEAT_FGT, ...)". The result lives in a static buffer.
 */
const char *sc_row_control_from_name(const void *row);
/**
 * sc_row_fields_from_name() - a row_fields() for such families whose control traps when 1 and
 * whose rows end in "[trap]" (the control set) or "[notrap]" (clear): "+HCR_EL2.TID3" or
 * "-HCR_EL2.TID3"; NULL for FGT rows and rows without that suffix. Static buffer.
 */
const char *sc_row_fields_from_name(const void *row);

#endif
