/* SPDX-License-Identifier: MIT */
/*
 * lwip on hyptap (net.h, net_conn.h): the netif over virtio-net, the polling loop, lwip's port
 * hooks (sys_now, LWIP_RAND, LWIP_PLATFORM_ASSERT), and one TCP connection with bounded waits.
 */
#include <stdio.h>
#include <string.h>

#include "arch/sysreg.h"
#include "kernel.h"
#include "lwip/dhcp.h"
#include "lwip/etharp.h"
#include "lwip/init.h"
#include "lwip/netif.h"
#include "lwip/tcp.h"
#include "lwip/timeouts.h"
#include "net.h"
#include "net_conn.h"
#include "netif/ethernet.h"
#include "virtio_net.h"

/* How long DHCP may take: slirp answers at once, a board's LAN within seconds. */
#define NET_DHCP_MS 10000

static struct netif nif;
static bool nif_dhcp;

u32_t sys_now(void)
{
	return (u32_t)kernel_uptime_ms();
}

uint32_t net_rand(void)
{
	uint64_t c = read_cntpct_el0();

	/* The counter's fast-moving low bits, mixed (splitmix64's finaliser). */
	c ^= c >> 30;
	c *= 0xbf58476d1ce4e5b9ull;
	c ^= c >> 27;
	return (uint32_t)(c >> 16);
}

void net_lwip_assert(const char *msg, const char *file, int line)
{
	kernel_panic("lwip assertion \"%s\" failed at %s:%d", msg, file, line);
}

static err_t nif_linkoutput(struct netif *n, struct pbuf *p)
{
	static uint8_t frame[VIRTIO_NET_FRAME_MAX];

	(void)n;
	if (p->tot_len > sizeof(frame)) {
		return ERR_BUF;
	}
	pbuf_copy_partial(p, frame, p->tot_len, 0);
	/* No net_poll() here: lwip is inside its output path and must not be re-entered. */
	return virtio_net_send(frame, p->tot_len) ? ERR_MEM : ERR_OK;
}

static err_t nif_init(struct netif *n)
{
	n->name[0] = 'v';
	n->name[1] = 'n';
	n->linkoutput = nif_linkoutput;
	n->output = etharp_output;
	n->mtu = 1500;
	n->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
	n->hwaddr_len = ETH_HWADDR_LEN;
	virtio_net_mac(n->hwaddr);
	return ERR_OK;
}

void net_poll(void)
{
	const void *frame;
	size_t len;

	while ((len = virtio_net_recv(&frame)) != 0) {
		struct pbuf *p = pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_POOL);

		if (p != NULL) {
			pbuf_take(p, frame, (u16_t)len);
		}
		virtio_net_recv_done();
		if (p != NULL && nif.input(p, &nif) != ERR_OK) {
			pbuf_free(p);
		}
	}
	sys_check_timeouts();
}

static ip4_addr_t ip4_of(uint32_t v)
{
	ip4_addr_t a;

	IP4_ADDR(&a, v >> 24 & 0xff, v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
	return a;
}

int net_up(const struct bootargs *ba, const struct platform *p, char *err, size_t errlen)
{
	ip4_addr_t ip = ip4_of(0), mask = ip4_of(0), gw = ip4_of(0);

	if (virtio_net_probe(p, err, errlen)) {
		return -1;
	}
	lwip_init();
	if (ba->net == BOOTARGS_NET_STATIC) {
		ip = ip4_of(ba->net_ip);
		mask = ip4_of(ba->net_prefix == 32 ? ~0u : ~(~0u >> ba->net_prefix));
		gw = ip4_of(ba->net_gw);
	}
	netif_add(&nif, &ip, &mask, &gw, NULL, nif_init, ethernet_input);
	netif_set_default(&nif);
	netif_set_up(&nif);
	netif_set_link_up(&nif);
	nif_dhcp = ba->net == BOOTARGS_NET_DHCP;
	if (!nif_dhcp) {
		return 0;
	}
	if (dhcp_start(&nif) != ERR_OK) {
		snprintf(err, errlen, "hyptap.net=dhcp: lwip cannot start DHCP (out of memory)");
		return -1;
	}
	for (unsigned long t0 = kernel_uptime_ms(); !dhcp_supplied_address(&nif);) {
		net_poll();
		if (kernel_uptime_ms() - t0 > NET_DHCP_MS) {
			snprintf(err, errlen,
				 "hyptap.net=dhcp: no DHCP offer within %u ms on virtio-net@0x%llx",
				 NET_DHCP_MS, (unsigned long long)virtio_net_base());
			return -1;
		}
	}
	return 0;
}

void net_describe(char *buf, size_t len)
{
	const uint8_t *m = nif.hwaddr;
	char ip[16], gw[16];
	uint32_t mask = lwip_ntohl(ip4_addr_get_u32(netif_ip4_netmask(&nif)));

	ip4addr_ntoa_r(netif_ip4_addr(&nif), ip, sizeof(ip));
	ip4addr_ntoa_r(netif_ip4_gw(&nif), gw, sizeof(gw));
	snprintf(buf, len,
		 "virtio-net@0x%llx mac=%02x:%02x:%02x:%02x:%02x:%02x ip=%s/%d gw=%s (%s)",
		 (unsigned long long)virtio_net_base(), m[0], m[1], m[2], m[3], m[4], m[5], ip,
		 mask ? 32 - __builtin_ctz(mask) : 0, gw, nif_dhcp ? "dhcp" : "static");
}

void net_endpoint_str(const struct bootargs_tcp *t, char *buf, size_t len)
{
	snprintf(buf, len, "%u.%u.%u.%u:%u", t->ip >> 24, t->ip >> 16 & 0xff, t->ip >> 8 & 0xff,
		 t->ip & 0xff, t->port);
}

/* ---- one TCP connection ------------------------------------------------------------------- */

void net_conn_gone(struct net_conn *c, const char *why)
{
	if (!c->gone) {
		c->gone = true;
		c->why = why;
	}
	if (c->pcb != NULL) {
		struct tcp_pcb *pcb = c->pcb;

		c->pcb = NULL;
		tcp_arg(pcb, NULL);
		tcp_abort(pcb);
	}
}

/* lwip freed the pcb already (tcp_err's contract). */
static void conn_err(void *arg, err_t e)
{
	struct net_conn *c = arg;

	if (c == NULL) {
		return;
	}
	c->pcb = NULL;
	if (!c->gone) {
		c->gone = true;
		c->why = e == ERR_RST	 ? "reset by the peer"
			 : e == ERR_ABRT ? "aborted (retransmissions timed out)"
			 : e == ERR_CLSD ? "closed"
					 : "failed";
	}
}

static err_t conn_connected(void *arg, struct tcp_pcb *pcb, err_t e)
{
	struct net_conn *c = arg;

	(void)pcb;
	if (c != NULL && e == ERR_OK) {
		c->connected = true;
	}
	return ERR_OK;
}

static err_t conn_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t e)
{
	struct net_conn *c = arg;

	(void)e;
	if (p == NULL) {
		/* The peer's FIN: for both protocols the end of what it will take. */
		if (c != NULL && !c->gone) {
			c->gone = true;
			c->why = "closed by the collector";
		}
		return ERR_OK;
	}
	if (c != NULL && c->rx != NULL) {
		size_t room = c->rx_size - c->rx_len, n = p->tot_len < room ? p->tot_len : room;

		pbuf_copy_partial(p, c->rx + c->rx_len, (u16_t)n, 0);
		c->rx_len += n;
	}
	tcp_recved(pcb, p->tot_len);
	pbuf_free(p);
	return ERR_OK;
}

int net_conn_open(struct net_conn *c, const struct bootargs_tcp *t, unsigned timeout_ms, char *err,
		  size_t errlen)
{
	ip_addr_t ip;
	char ep[24];
	unsigned long t0 = kernel_uptime_ms();

	net_endpoint_str(t, ep, sizeof(ep));
	memset(c, 0, sizeof(*c));
	ip_addr_copy_from_ip4(ip, ip4_of(t->ip));
	c->pcb = tcp_new();
	if (c->pcb == NULL) {
		snprintf(err, errlen, "tcp:%s: lwip has no free TCP control block", ep);
		return -1;
	}
	tcp_arg(c->pcb, c);
	tcp_err(c->pcb, conn_err);
	tcp_recv(c->pcb, conn_recv);
	if (tcp_connect(c->pcb, &ip, t->port, conn_connected) != ERR_OK) {
		net_conn_gone(c, "no route");
	}
	while (!c->connected && !c->gone && kernel_uptime_ms() - t0 <= timeout_ms) {
		net_poll();
	}
	if (!c->connected) {
		net_conn_gone(c, "no answer");
		snprintf(err, errlen, "tcp:%s: cannot connect (%s within %u ms)", ep, c->why,
			 timeout_ms);
		return -1;
	}
	return 0;
}

int net_conn_send(struct net_conn *c, const char *s, size_t len, unsigned stall_ms)
{
	unsigned long t0 = kernel_uptime_ms();

	while (len != 0 && !c->gone) {
		size_t room = c->pcb != NULL ? tcp_sndbuf(c->pcb) : 0, n = len < room ? len : room;

		if (n > 0xffff) {
			n = 0xffff;
		}
		if (n != 0 && tcp_write(c->pcb, s, (u16_t)n, TCP_WRITE_FLAG_COPY) == ERR_OK) {
			s += n;
			len -= n;
			c->sent += n;
			t0 = kernel_uptime_ms();
			continue;
		}
		/* Send what is queued and wait for acknowledgements to free the buffer. */
		tcp_output(c->pcb);
		net_poll();
		if (kernel_uptime_ms() - t0 > stall_ms) {
			net_conn_gone(c, "no acknowledgement for too long");
		}
	}
	if (!c->gone) {
		/* Nagle keeps small lines together while a segment is unacknowledged. */
		tcp_output(c->pcb);
		net_poll();
	}
	return c->gone ? -1 : 0;
}

int net_conn_drain(struct net_conn *c, unsigned timeout_ms)
{
	unsigned long t0 = kernel_uptime_ms();

	while (!c->gone && c->pcb != NULL && (c->pcb->unsent != NULL || c->pcb->unacked != NULL)) {
		tcp_output(c->pcb);
		net_poll();
		if (kernel_uptime_ms() - t0 > timeout_ms) {
			net_conn_gone(c, "not everything acknowledged in time");
		}
	}
	return c->gone ? -1 : 0;
}

void net_conn_close(struct net_conn *c)
{
	unsigned long t0 = kernel_uptime_ms();
	struct tcp_pcb *pcb = c->pcb;

	if (pcb == NULL) {
		return;
	}
	c->pcb = NULL;
	tcp_arg(pcb, NULL);
	if (tcp_close(pcb) != ERR_OK) {
		tcp_abort(pcb);
		return;
	}
	/* Long enough for the FIN to leave and be acknowledged; lwip owns the pcb from here. */
	while (kernel_uptime_ms() - t0 < 200) {
		net_poll();
	}
}
