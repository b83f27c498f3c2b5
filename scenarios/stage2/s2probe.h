/* SPDX-License-Identifier: MIT */
/*
 * The probe of stage2.vmid and stage2.tlbi: a VM whose stage 2 maps PROBE_IPA to one of its own
 * probe pages, and a vCPU running gp_s2probe (guest/s2probe.S), which reads the probe page and
 * optionally stores to it each time it runs. Each probe page carries its output number (the
 * tlb_model.h name of that physical page) in words 0 and 1, so a read tells which page the
 * translation used, and a read that mixes two pages is visible as such.
 */
#ifndef STAGE2_S2PROBE_H
#define STAGE2_S2PROBE_H

#include "scenario.h"
#include "tlb_model.h"

#define PROBE_IPA   0x50000000ULL	  /* outside guest RAM: only the probe mapping covers it */
#define PROBE_PAGES 2			  /* per VM, in its RAM, 64K below the top */
#define PROBE_MIX   (TLB_OUTPUTS + 1)	  /* observation: words of two pages, or of none */
#define PROBE_W0    0x5eed000000000000ULL /* words 0 and 1 of a probe page, | its output */
#define PROBE_W1    0xfeed000000000000ULL

struct s2probe {
	struct vm *vm;
	struct vcpu *vcpu;
	struct tlb_regime regime;
	unsigned out[PROBE_PAGES]; /* output number of each probe page */
	unsigned mapped;	   /* output PROBE_IPA maps to now (TLB_FAULT: unmapped) */
	unsigned level;		   /* of the probe's stage-2 leaf: 3 (a page) or 2 (a block) */
	uint64_t size;		   /* bytes the leaf maps */
	void *block[PROBE_PAGES];  /* the 2 MiB blocks of a level-2 probe, else NULL */
};

#define PROBE_BLOCK_SIZE 0x200000ULL /* a level-2 block with the 4K granule */

/**
 * s2probe_add() - a further VM of the instance with @cfg (its RAM size is the probe's own),
 * probe pages numbered @first_out and @first_out + 1, PROBE_IPA mapped to the first, and its
 * vCPU: with its MMU off, or with @s1 a flat stage 1 (Normal WB, caches on), so that the TLB
 * holds genuinely combined stage 1+2 entries. With @block the probe pages are 2 MiB blocks from
 * the page arena mapped by a level-2 leaf (4K granule); s2probe_release() gives them back.
 * False (instance failed) on error.
 */
bool s2probe_add(struct scenario_ctx *c, struct s2probe *p, const struct vm_config *cfg,
		 unsigned first_out, bool s1, bool block);
/** Give back what s2probe_add() took beyond the VM (the blocks); the VM is the runner's. */
void s2probe_release(struct s2probe *p);
/** Map PROBE_IPA to probe page (or block) @k, 0 or 1, RW Normal WB; no TLB maintenance. */
bool s2probe_map(struct scenario_ctx *c, struct s2probe *p, unsigned k);
/** The same, read-only at stage 2 (S2AP = 0b01): a store takes a Permission fault. */
bool s2probe_map_ro(struct scenario_ctx *c, struct s2probe *p, unsigned k);
/** Unmap PROBE_IPA; no TLB maintenance. */
bool s2probe_unmap(struct scenario_ctx *c, struct s2probe *p);
/**
 * s2probe_run() - run the vCPU once: it reads the probe page and stores @store (0: nothing) to
 * it. *@obs is the output the read saw, TLB_FAULT for a stage-2 Translation fault (at the leaf's
 * level, on the load of PROBE_IPA: else the instance fails and false is returned), or PROBE_MIX.
 */
bool s2probe_run(struct scenario_ctx *c, struct s2probe *p, uint64_t store, unsigned *obs);
/** s2probe_run() on the instance's PE @k (sc_run_vcpu_on(): cross-PE instances, k = 0 here). */
bool s2probe_run_on(struct scenario_ctx *c, struct s2probe *p, unsigned k, uint64_t store,
		    unsigned *obs);
/** The output words 0 and 1 of a probe page name, PROBE_MIX if they are of two or none. */
unsigned s2probe_classify(uint64_t w0, uint64_t w1);
/**
 * s2probe_check() - @obs must be in @permitted (tlb_model_read()); the diagnosis names @what,
 * the observation and the permitted set.
 */
bool s2probe_check(struct scenario_ctx *c, const char *what, unsigned obs, uint32_t permitted);
/**
 * s2probe_store_out() - the output number of the one probe page of @ps[0..@n) whose word 2
 * holds @store; PROBE_MIX if none or several do.
 */
unsigned s2probe_store_out(struct s2probe *ps, unsigned n, uint64_t store);

/*
 * For probes of a further vCPU (scenarios/smp/): the IPA of probe page @k in guest RAM; a
 * further page of guest RAM no one else uses; the EL1 settings of the flat stage 1 (@s1 of
 * s2probe_add()), the VA (= IPA) of its level-3 descriptor of PROBE_IPA, and that
 * descriptor's value for a page at @ipa.
 */
uint64_t s2probe_page_ipa(const struct s2probe *p, unsigned k);
uint64_t s2probe_free_ipa(const struct s2probe *p);
void s2probe_s1_config(const struct vm_config *cfg, struct vcpu_config *v);
uint64_t s2probe_s1_desc_va(const struct s2probe *p);
uint64_t s2probe_s1_page_desc(uint64_t ipa);

#endif
