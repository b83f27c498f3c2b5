/* SPDX-License-Identifier: MIT */
/* The runner's network steps (net.h net_setup()): interface, fetched bootargs, report. */
#include <stdio.h>
#include <string.h>

#include "net.h"
#include "net_conn.h"

/* Whether @args has a token that sets hyptap.@key (what a fetched line may not change). */
static bool sets(const char *args, const char *key)
{
	size_t n = strlen(key);

	for (const char *p = args; (p = strstr(p, key)) != NULL; p += n) {
		if ((p == args || p[-1] == ' ' || p[-1] == '\t') &&
		    (p[n] == '=' || p[n] == ' ' || p[n] == '\t' || !p[n])) {
			return true;
		}
	}
	return false;
}

static int apply_fetch(struct tap *tap, struct bootargs *ba, const char *cmdline, char *err,
		       size_t errlen)
{
	static char fetched[NET_FETCH_MAX], whole[sizeof(ba->storage)];
	struct bootargs_tcp from = ba->fetch;
	char ep[24];
	int n;

	if (net_fetch(&from, fetched, sizeof(fetched), err, errlen)) {
		return -1;
	}
	net_endpoint_str(&from, ep, sizeof(ep));
	if (sets(fetched, "hyptap.net") || sets(fetched, "hyptap.fetch")) {
		snprintf(err, errlen,
			 "hyptap.fetch=tcp:%s: the fetched bootargs may not set hyptap.net or "
			 "hyptap.fetch (\"%.60s\")",
			 ep, fetched);
		return -1;
	}
	n = snprintf(whole, sizeof(whole), "%s %s", cmdline ? cmdline : "", fetched);
	if (n < 0 || (size_t)n >= sizeof(whole)) {
		snprintf(err, errlen,
			 "hyptap.fetch=tcp:%s: the command line and the fetched bootargs "
			 "are too long together",
			 ep);
		return -1;
	}
	if (bootargs_parse(ba, whole, err, errlen)) {
		char why[BOOTARGS_ERR_MAX];

		snprintf(why, sizeof(why), "%s", err);
		snprintf(err, errlen, "hyptap.fetch=tcp:%s: %s", ep, why);
		return -1;
	}
	tap_comment(tap, "fetch: bootargs from tcp:%s: \"%s\"", ep, fetched);
	return 0;
}

int net_setup(struct tap *tap, struct tap_split *split, struct bootargs *ba, const char *cmdline,
	      char *err, size_t errlen)
{
	char what[128];

	if (ba->net == BOOTARGS_NET_NONE) {
		return 0;
	}
	if (net_up(ba, &platform, err, errlen)) {
		return -1;
	}
	net_describe(what, sizeof(what));
	tap_comment(tap, "net: %s", what);
	if (ba->fetch.port && apply_fetch(tap, ba, cmdline, err, errlen)) {
		return -1;
	}
	if (ba->report.port) {
		char ep[24];

		if (net_report_open(&ba->report, split, err, errlen)) {
			return -1;
		}
		net_endpoint_str(&ba->report, ep, sizeof(ep));
		tap_comment(tap,
			    "report: the whole stream goes to tcp:%s, the console has passing "
			    "points as \"ok N\"",
			    ep);
	}
	return 0;
}
