/* SPDX-License-Identifier: MIT */
/*
 * A polling virtio-net driver over virtio-mmio (virtio 1.0 "modern", register layout version 2):
 * one receive and one transmit queue, no interrupts, no offloads. Descriptor rings and packet
 * buffers come from the page arena; the device reads and writes them by DMA.
 */
#ifndef NET_VIRTIO_NET_H
#define NET_VIRTIO_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform.h"

/** Largest Ethernet frame handed in or out (no FCS, no VLAN tag). */
#define VIRTIO_NET_FRAME_MAX 1514

/**
 * virtio_net_probe() - find the first virtio-mmio transport of @p holding a network device
 * (device ID 1), reset it, negotiate VIRTIO_F_VERSION_1 (and VIRTIO_NET_F_MAC when offered) and
 * set up its queues. Return: 0, or -1 with a one-line reason in @err.
 */
int virtio_net_probe(const struct platform *p, char *err, size_t errlen);

/** virtio_net_mac() - the device's MAC address (config space), or a fixed local one without. */
void virtio_net_mac(uint8_t mac[6]);

/** virtio_net_base() - the transport's register base, for messages. */
uint64_t virtio_net_base(void);

/**
 * virtio_net_send() - queue one frame @frame[@len] (@len <= VIRTIO_NET_FRAME_MAX) for transmission.
 * Return: 0, or -1 when all transmit buffers stayed the device's for 2 s (the caller drops the
 * frame, as a busy NIC would).
 */
int virtio_net_send(const void *frame, size_t len);

/**
 * virtio_net_recv() - the next received frame, if any: its bytes at *@frame (valid until
 * virtio_net_recv_done()). Return: its length, or 0 when nothing came in.
 */
size_t virtio_net_recv(const void **frame);

/** virtio_net_recv_done() - give the buffer of the last virtio_net_recv() back to the device. */
void virtio_net_recv_done(void);

#endif
