/* SPDX-License-Identifier: MIT */
/*
 * lwip's configuration for hyptap (lwip 2.1.3, Debian's source package): the raw API without an
 * OS (NO_SYS), one netif (virtio-net), IPv4 with ARP, DHCP, TCP and UDP (for DHCP). Nothing runs
 * from an interrupt: net/net.c polls the device and lwip's timers from the TAP writer's sink and
 * from bounded wait loops, on whichever PE holds the TAP print lock, so no lwip locking either.
 */
#ifndef HYPTAP_LWIPOPTS_H
#define HYPTAP_LWIPOPTS_H

#define NO_SYS			   1
#define SYS_LIGHTWEIGHT_PROT	   0
#define LWIP_NETCONN		   0
#define LWIP_SOCKET		   0
#define LWIP_IPV4		   1
#define LWIP_IPV6		   0
#define LWIP_ARP		   1
#define LWIP_ETHERNET		   1
#define LWIP_ICMP		   1
#define LWIP_RAW		   0
#define LWIP_UDP		   1
#define LWIP_TCP		   1
#define LWIP_DHCP		   1
#define LWIP_DHCP_DOES_ACD_CHECK   0
#define DHCP_DOES_ARP_CHECK	   0
#define LWIP_AUTOIP		   0
#define LWIP_IGMP		   0
#define LWIP_DNS		   0
#define IP_FORWARD		   0
#define IP_REASSEMBLY		   0
#define IP_FRAG			   0
#define LWIP_NETIF_STATUS_CALLBACK 0
#define LWIP_NETIF_LINK_CALLBACK   0
#define LWIP_STATS		   0
#define LWIP_HAVE_LOOPIF	   0
#define LWIP_NETIF_LOOPBACK	   0

/* Memory: lwip's own heap and pools (static arrays in .bss), 4-byte aligned is not enough for
 * -mstrict-align's 8-byte loads of pointers: align everything to 8. */
#define MEM_ALIGNMENT		8
#define MEM_SIZE		(96 * 1024)
#define MEMP_NUM_PBUF		32
#define MEMP_NUM_TCP_PCB	4
#define MEMP_NUM_TCP_PCB_LISTEN 1
#define MEMP_NUM_TCP_SEG	64
#define MEMP_NUM_UDP_PCB	2
#define PBUF_POOL_SIZE		32

/* TCP: a full-size segment and a send buffer large enough that the TAP writer rarely waits. */
#define TCP_MSS		   1460
#define TCP_WND		   (8 * TCP_MSS)
#define TCP_SND_BUF	   (32 * 1024)
#define TCP_SND_QUEUELEN   64
#define LWIP_TCP_KEEPALIVE 0

/* Checksums in software both ways: the driver offers the device no offload feature. */
#define CHECKSUM_GEN_IP	   1
#define CHECKSUM_GEN_TCP   1
#define CHECKSUM_GEN_UDP   1
#define CHECKSUM_CHECK_IP  1
#define CHECKSUM_CHECK_TCP 1
#define CHECKSUM_CHECK_UDP 1

#define LWIP_DEBUG 0

#endif
