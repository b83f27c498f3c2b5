/* SPDX-License-Identifier: MIT */
/*
 * One TCP connection over lwip's raw API with bounded, polling waits: what net/fetch.c and
 * net/report.c share (net/net.c implements it). Private to net/.
 */
#ifndef NET_NET_CONN_H
#define NET_NET_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bootargs.h"

struct tcp_pcb;

/**
 * struct net_conn - one connection.
 * @pcb:       lwip's control block; NULL once lwip freed it (reset, abort) or we closed it.
 * @connected: the handshake completed.
 * @gone:      the connection ended: @why says how (the peer's FIN, a reset, a timeout...).
 * @rx:        where received bytes go (@rx_len of @rx_size; more is dropped); NULL: dropped.
 * @sent:      bytes handed to lwip so far.
 */
struct net_conn {
	struct tcp_pcb *pcb;
	bool connected, gone;
	const char *why;
	char *rx;
	size_t rx_len, rx_size;
	unsigned long sent;
};

/** Poll the device once: every frame received into lwip, then lwip's timers. */
void net_poll(void);

/** Open @c to @t within @timeout_ms. Return: 0, or -1 with the reason in @err. */
int net_conn_open(struct net_conn *c, const struct bootargs_tcp *t, unsigned timeout_ms, char *err,
		  size_t errlen);

/**
 * net_conn_send() - hand @s[@len] to lwip, waiting while its send buffer is full, at most
 * @stall_ms without any progress. Return: 0, or -1 with @c->gone set.
 */
int net_conn_send(struct net_conn *c, const char *s, size_t len, unsigned stall_ms);

/** net_conn_drain() - wait until the peer acknowledged every byte, at most @timeout_ms. */
int net_conn_drain(struct net_conn *c, unsigned timeout_ms);

/** net_conn_close() - close (FIN) and let lwip send it for a while; abort when that fails. */
void net_conn_close(struct net_conn *c);

/** net_conn_gone() - mark @c ended because of @why and abort what lwip still holds of it. */
void net_conn_gone(struct net_conn *c, const char *why);

/** "A.B.C.D:PORT" of @t into @buf. */
void net_endpoint_str(const struct bootargs_tcp *t, char *buf, size_t len);

#endif
