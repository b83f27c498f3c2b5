/* SPDX-License-Identifier: MIT */
/*
 * virq.v4.vlpi[<case>]: GICv4.0 direct injection of a virtual LPI (kernel/gic_its.c). Each
 * instance maps DeviceID 0 (MAPD), the vPE (VMAPP), EventID 0 -> vINTID 8197 of that vPE with
 * no doorbell (VMAPTI, doorbell 1023), writes the vINTID's configuration byte, makes the vLPI
 * pending with INT while the vPE is resident or not, runs the guest (guest/vlpi.S) with the
 * vPE resident or not, and compares ICV_HPPIR1/IAR1 with scenarios/model/vlpi_model.c. The
 * VPT bit of a vLPI that was not delivered must still be set. Everything is unmapped again
 * (DISCARD, VMAPP/MAPD V = 0) and the vPE made non-resident before the instance ends.
 */
#include <stdio.h>

#include "arch/el2.h"
#include "arch/sysreg.h"
#include "gic_its.h"
#include "gic_width_model.h"
#include "hvc.h"
#include "kernel.h"
#include "platform.h"
#include "scenario.h"
#include "vlpi_model.h"

#define VLPI_DEVID   0
#define VLPI_EVENTID 0
#define VLPI_VINTID  (GIC_ITS_VINTID_FIRST + 5)
#define NO_DOORBELL  1023
/* ICH_VMCR_EL2: VENG1 (bit 1), VPMR [31:24]. */
#define VMCR_VENG1     (1ULL << 1)
#define VMCR_VPMR(p)   ((uint64_t)(p) << 24)
#define ICH_HCR_EN_BIT 1ULL

struct vlpi_row {
	const char *name;
	uint8_t config;	   /* configuration byte: Priority [7:2], Enable [0] */
	bool int_resident; /* the INT command is issued while the vPE is resident */
	bool run_resident; /* the guest runs with the vPE resident */
	uint64_t vmcr;
};

static const struct vlpi_row vlpi_rows[] = {
	{"[resident]", 0xa1, true, true, VMCR_VENG1 | VMCR_VPMR(0xf0)},
	{"[pending-then-resident]", 0xa1, false, true, VMCR_VENG1 | VMCR_VPMR(0xf0)},
	{"[not-resident]", 0xa1, false, false, VMCR_VENG1 | VMCR_VPMR(0xf0)},
	{"[disabled]", 0xa0, true, true, VMCR_VENG1 | VMCR_VPMR(0xf0)},
	{"[pmr-masked]", 0xa1, true, true, VMCR_VENG1 | VMCR_VPMR(0xa0)},
	{"[pmr-above]", 0xa1, true, true, VMCR_VENG1 | VMCR_VPMR(0xa8)},
	{"[veng1-off]", 0xa1, true, true, VMCR_VPMR(0xf0)},
};

static const char *vlpi_requires(const void *row, char *why, size_t len)
{
	const char *r = gic_its_unavailable(&platform);

	(void)row;
	if (r) {
		snprintf(why, len, "%s", r);
		return why;
	}
	return NULL;
}

static bool vpt_pending(const struct gic_vpe *vpe, uint32_t intid)
{
	return (vpe->pending[intid / 8] >> (intid % 8)) & 1;
}

static bool its_ok(struct scenario_ctx *c, int rc, const char *what)
{
	if (rc) {
		sc_fail(c, "ITS command %s did not complete (GITS_CREADR stalled or timed out)",
			what);
	}
	return !rc;
}

/* Map the device, the vPE and the event; the configuration byte of the vINTID. */
static bool vlpi_map(struct scenario_ctx *c, struct gic_vpe *vpe, uint8_t config)
{
	vpe->prop[VLPI_VINTID - GIC_ITS_VINTID_FIRST] = config;
	dsb_ish();
	return its_ok(c, gic_its_mapd(VLPI_DEVID, true), "MAPD") &&
	       its_ok(c, gic_its_vmapp(vpe, true), "VMAPP") &&
	       its_ok(c, gic_its_vmapti(VLPI_DEVID, VLPI_EVENTID, vpe, VLPI_VINTID, NO_DOORBELL),
		      "VMAPTI") &&
	       its_ok(c, gic_its_vinvall(vpe), "VINVALL");
}

static void vlpi_unmap(struct scenario_ctx *c, const struct gic_vpe *vpe)
{
	if (gic_its_vpe_resident(vpe, false)) {
		sc_fail(c, "GICR_VPENDBASER.Dirty did not clear");
	}
	its_ok(c, gic_its_discard(VLPI_DEVID, VLPI_EVENTID), "DISCARD");
	its_ok(c, gic_its_vmapp(vpe, false), "VMAPP V=0");
	its_ok(c, gic_its_mapd(VLPI_DEVID, false), "MAPD V=0");
}

static void run_vlpi(struct scenario_ctx *c, const void *row)
{
	const struct vlpi_row *r = row;
	struct sc_setup s = {.payload = GSYM(gp_vlpi_ack),
			     .vcpu.ich_vmcr = r->vmcr,
			     .vcpu.ich_hcr = ICH_HCR_EN_BIT};
	const struct vlpi_case model = {
		.vintid = VLPI_VINTID,
		.config = r->config,
		.pending = true,
		.resident = r->run_resident,
		.vmcr = r->vmcr,
		.pri_bits = gw_vtr_decode(read_ich_vtr_el2()).pri_bits,
	};
	uint32_t expect = vlpi_iar1(&model), expect_hppir = vlpi_hppir1(&model);
	char err[128];
	struct gic_vpe *vpe;
	uint64_t got;

	if (gic_its_init(&platform, err, sizeof(err))) {
		sc_fail(c, "ITS: %s", err);
		return;
	}
	vpe = gic_its_vpe();
	if (!sc_start(c, &s) || !vlpi_map(c, vpe, r->config)) {
		vlpi_unmap(c, vpe);
		return;
	}
	if (r->int_resident) {
		gic_its_vpe_resident(vpe, true);
	}
	its_ok(c, gic_its_int(VLPI_DEVID, VLPI_EVENTID), "INT");
	its_ok(c, gic_its_vsync(vpe), "VSYNC");
	gic_its_vpe_resident(vpe, r->run_resident);
	struct exit e = sc_run(c);

	gic_its_vpe_resident(vpe, false);
	sc_diag(c, "vintid", "%u  # config 0x%02x", VLPI_VINTID, r->config);
	sc_diag(c, "ich_vmcr_el2", "0x%llx", (unsigned long long)r->vmcr);
	if (sc_expect_done(c, &e, 0)) {
		if (sc_report(c, GREPORT_USER + 0, &got)) {
			sc_expect_u64(c, "icv_hppir1", got, expect_hppir);
		}
		if (sc_report(c, GREPORT_USER + 1, &got)) {
			sc_expect_u64(c, "icv_iar1", got, expect);
		}
		if (sc_report(c, GREPORT_USER + 2, &got)) {
			sc_expect_u64(c, "icv_iar1_again", got, VLPI_SPURIOUS);
		}
		if (sc_report(c, GREPORT_USER + 3, &got)) {
			sc_expect_u64(c, "icv_rpr_after_eoi", got & 0xff, 0xff);
		}
		/* Not delivered: the ITS left it pending in the VPT. */
		sc_expect_u64(c, "vpt_pending", vpt_pending(vpe, VLPI_VINTID),
			      expect == VLPI_SPURIOUS);
	}
	vlpi_unmap(c, vpe);
}

SCENARIO(
	virq_v4_vlpi, .id = "virq.v4.vlpi",
	.rule = "GICv4.0 direct injection: a vLPI the ITS made pending (MAPD, VMAPP, VMAPTI with "
		"no doorbell, INT) is read by ICV_HPPIR1_EL1/ICV_IAR1_EL1 as its vINTID exactly "
		"when its vPE is resident (GICR_VPENDBASER.Valid), its configuration byte has "
		"Enable = 1, VENG1 = 1 and its priority (config[7:2]) is below VPMR; an LPI has no "
		"active state (a second IAR1 reads 1023, RPR idle after the EOI); a vLPI not "
		"delivered stays pending in the VPT. Window: up to 1024 HPPIR1 reads",
	SCENARIO_ROWS(vlpi_rows), .requires = vlpi_requires, .run = run_vlpi,
	/* kernel/gic_its.c has one command queue and one vPE: one instance at a time. */
	.alone = true);
