/* SPDX-License-Identifier: MIT */
/*
 * hyptap.fetch (net.h): ask a collector for bootargs. The protocol, one line each way, ASCII:
 *
 *   image:     "hyptap-fetch 1 mac=52:54:00:12:34:56\n"   (1: the protocol's version)
 *   collector: "bootargs hyptap.only=trap.* hyptap.seed=7\n", then it closes
 *
 * The reply is one line of printable ASCII (tabs allowed) of at most NET_FETCH_MAX bytes with
 * its newline; "bootargs" alone (or followed by blanks) is an empty set. Anything else (no
 * newline before the close or the timeout, another first word, a control byte, a longer line,
 * bytes after the newline) is refused, and the runner bails out naming it.
 */
#include <stdio.h>
#include <string.h>

#include "kernel.h"
#include "net.h"
#include "net_conn.h"
#include "virtio_net.h"

/* The whole exchange: connecting, the request, the reply, the collector's close. */
#define FETCH_MS 10000

static int bad_reply(char *err, size_t errlen, const char *ep, const char *why)
{
	snprintf(err, errlen, "hyptap.fetch=tcp:%s: %s", ep, why);
	return -1;
}

int net_fetch(const struct bootargs_tcp *t, char *args, size_t size, char *err, size_t errlen)
{
	static char reply[NET_FETCH_MAX + 1];
	struct net_conn c;
	char ep[24], req[64];
	uint8_t m[6];
	unsigned long t0 = kernel_uptime_ms();
	const char *nl, *a;

	net_endpoint_str(t, ep, sizeof(ep));
	if (net_conn_open(&c, t, FETCH_MS, err, errlen)) {
		return -1;
	}
	c.rx = reply;
	c.rx_size = sizeof(reply);
	virtio_net_mac(m);
	snprintf(req, sizeof(req), "hyptap-fetch 1 mac=%02x:%02x:%02x:%02x:%02x:%02x\n", m[0], m[1],
		 m[2], m[3], m[4], m[5]);
	net_conn_send(&c, req, strlen(req), FETCH_MS);
	/* Until the collector closes (it must, after its line). */
	while (!c.gone && kernel_uptime_ms() - t0 <= FETCH_MS) {
		net_poll();
	}
	if (!c.gone) {
		net_conn_gone(&c, "timeout");
		return bad_reply(err, errlen, ep, "the collector did not answer and close in time");
	}
	net_conn_close(&c);
	net_conn_gone(&c, c.why);
	nl = memchr(reply, '\n', c.rx_len);
	if (c.rx_len == 0) {
		return bad_reply(err, errlen, ep, "empty reply (expected \"bootargs ...\\n\")");
	}
	if (nl == NULL) {
		return bad_reply(err, errlen, ep,
				 c.rx_len > NET_FETCH_MAX ? "reply line too long"
							  : "reply has no newline");
	}
	if ((size_t)(nl - reply) + 1 != c.rx_len) {
		return bad_reply(err, errlen, ep, "more than one line in the reply");
	}
	if (strncmp(reply, "bootargs", 8) != 0 || (reply[8] != ' ' && reply[8] != '\n')) {
		return bad_reply(err, errlen, ep, "reply does not start with \"bootargs\"");
	}
	for (const char *p = reply; p < nl; p++) {
		if ((*p < 0x20 || *p > 0x7e) && *p != '\t') {
			return bad_reply(err, errlen, ep, "reply has a byte that is not printable");
		}
	}
	for (a = reply + 8; a < nl && (*a == ' ' || *a == '\t'); a++) {
	}
	if ((size_t)(nl - a) >= size) {
		return bad_reply(err, errlen, ep, "reply does not fit the bootargs");
	}
	memcpy(args, a, (size_t)(nl - a));
	args[nl - a] = '\0';
	return 0;
}
