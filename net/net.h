/* SPDX-License-Identifier: MIT */
/*
 * The network side of the runner (docs/design-notes.md, "TAP over TCP"): bring the interface up
 * (hyptap.net), ask a collector for bootargs (hyptap.fetch), stream the TAP report to it
 * (hyptap.report). lwip 2.1.3 in NO_SYS raw-API mode over the polled virtio-net driver; no
 * interrupt, no thread: everything progresses inside these calls and inside the report sink.
 * Not for more than one PE at a time: the runner calls them before the run, and the report sink
 * runs under the TAP print lock.
 */
#ifndef NET_NET_H
#define NET_NET_H

#include <stddef.h>

#include "bootargs.h"
#include "platform.h"
#include "tap_split.h"

/** Longest reply line of the fetch protocol, "bootargs " and the newline included. */
#define NET_FETCH_MAX 768

/**
 * net_up() - probe virtio-net, start lwip, configure the address (@ba->net: DHCP within
 * NET_DHCP_MS, or static). Return: 0, or -1 with a one-line reason in @err.
 */
int net_up(const struct bootargs *ba, const struct platform *p, char *err, size_t errlen);

/** net_describe() - "virtio-net@0x... mac=... ip=A.B.C.D/P gw=... (dhcp|static)" into @buf. */
void net_describe(char *buf, size_t len);

/**
 * net_fetch() - the fetch protocol with @t: send "hyptap-fetch 1 mac=MAC\n", read one line
 * "bootargs ARGS\n", the peer closes. @args receives ARGS (NUL-terminated, @size bytes at most).
 * Return: 0, or -1 with the reason in @err (no connection, timeout, no or a malformed line).
 */
int net_fetch(const struct bootargs_tcp *t, char *args, size_t size, char *err, size_t errlen);

/**
 * net_report_open() - connect to @t and attach the connection to @split as its full channel.
 * Return: 0, or -1 with the reason in @err.
 */
int net_report_open(const struct bootargs_tcp *t, struct tap_split *split, char *err,
		    size_t errlen);

/**
 * net_report_close() - when the report is still attached: wait (bounded) until the collector
 * has acknowledged every byte, close, detach from the split. @note receives one line for the
 * console: bytes sent and time, or why the close failed. Nothing happens without a report.
 */
void net_report_close(char *note, size_t len);

/**
 * net_setup() - what hyptap.net, hyptap.fetch and hyptap.report ask for, in that order, before
 * the selection is made: the interface up; the fetched bootargs appended to @cmdline and @ba
 * parsed again from the whole (they may not set hyptap.net or hyptap.fetch); the report attached
 * to @split. Each step says what it did as a comment on @tap. Nothing without hyptap.net.
 * Return: 0, or -1 with the reason for the Bail out! in @err.
 */
int net_setup(struct tap *tap, struct tap_split *split, struct bootargs *ba, const char *cmdline,
	      char *err, size_t errlen);

#endif
