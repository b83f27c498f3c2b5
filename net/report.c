/* SPDX-License-Identifier: MIT */
/*
 * hyptap.report (net.h): the TAP stream over one TCP connection, as the full channel of the
 * runner's struct tap_split. The bytes are the stream itself, nothing framed around them, so the
 * collector can hand them to any TAP consumer. When the connection ends before the close (the
 * collector closes or dies, nothing is acknowledged for REPORT_STALL_MS), the split is detached
 * with a comment saying so, and the console carries the rest verbatim.
 */
#include <stdio.h>
#include <string.h>

#include "kernel.h"
#include "net.h"
#include "net_conn.h"

/* No progress for this long and the collector is taken for gone. */
#define REPORT_STALL_MS	  5000
#define REPORT_CONNECT_MS 5000

static struct {
	struct net_conn c;
	struct tap_split *split;
	char ep[24];
	unsigned long t0;
	bool open;
} rep;

static void report_lost(const char *when)
{
	char why[160];

	net_conn_gone(&rep.c, rep.c.why);
	rep.open = false;
	snprintf(why, sizeof(why),
		 "report: tcp:%s %s %s after %lu bytes; the console carries every line from here",
		 rep.ep, when, rep.c.why, rep.c.sent);
	tap_split_detach(rep.split, why);
}

static void report_write(void *ctx, const char *s, size_t len)
{
	(void)ctx;
	if (rep.open && net_conn_send(&rep.c, s, len, REPORT_STALL_MS)) {
		report_lost("lost:");
	}
}

int net_report_open(const struct bootargs_tcp *t, struct tap_split *split, char *err, size_t errlen)
{
	net_endpoint_str(t, rep.ep, sizeof(rep.ep));
	if (net_conn_open(&rep.c, t, REPORT_CONNECT_MS, err, errlen)) {
		return -1;
	}
	rep.split = split;
	rep.open = true;
	rep.t0 = kernel_uptime_ms();
	if (tap_split_attach(split, report_write, NULL)) {
		net_conn_gone(&rep.c, "not attached");
		rep.open = false;
		snprintf(err, errlen,
			 "hyptap.report: the stream before the connection is longer "
			 "than its buffer (TAP_SPLIT_PENDING)");
		return -1;
	}
	return 0;
}

void net_report_close(char *note, size_t len)
{
	unsigned long ms;

	note[0] = '\0';
	if (!rep.open) {
		return;
	}
	if (net_conn_drain(&rep.c, REPORT_STALL_MS)) {
		report_lost("lost at the end:");
		return;
	}
	ms = kernel_uptime_ms() - rep.t0;
	net_conn_close(&rep.c);
	rep.open = false;
	tap_split_detach(rep.split, NULL);
	snprintf(note, len, "report: tcp:%s %lu bytes in %lu ms, all acknowledged", rep.ep,
		 rep.c.sent, ms);
}
