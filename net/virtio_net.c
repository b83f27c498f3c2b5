/* SPDX-License-Identifier: MIT */
/*
 * virtio-net over virtio-mmio, polled (virtio_net.h). Register offsets and the initialisation
 * sequence are those of the virtio 1.0 specification (OASIS, 2016): 4.2.2 "MMIO Device Register
 * Layout", 3.1.1 "Driver Requirements: Device Initialization", 2.4 "Virtqueues" (split rings),
 * 5.1 "Network Device". Only the modern transport (Version 2) is driven: QEMU's virtio-mmio is
 * legacy (Version 1) unless -global virtio-mmio.force-legacy=false, and a legacy device is refused
 * with that hint rather than driven through a second, older register layout.
 *
 * DMA and caches: rings and buffers are in Normal write-back memory (the page arena). A transport
 * with "dma-coherent" (QEMU's, and the virtio devices of real SoCs, which snoop the CPU caches)
 * needs only ordering; any other gets each buffer cleaned before the device reads it and
 * invalidated before the CPU reads what the device wrote.
 */
#include <stdio.h>
#include <string.h>

#include "arch/sysreg.h"
#include "kalloc.h"
#include "kernel.h"
#include "virtio_net.h"

/* virtio 1.0 4.2.2: MMIO registers. */
#define VIRTIO_MMIO_MAGIC	     0x000 /* "virt" */
#define VIRTIO_MMIO_VERSION	     0x004
#define VIRTIO_MMIO_DEVICE_ID	     0x008
#define VIRTIO_MMIO_DEVICE_FEATURES  0x010
#define VIRTIO_MMIO_DEVICE_FEAT_SEL  0x014
#define VIRTIO_MMIO_DRIVER_FEATURES  0x020
#define VIRTIO_MMIO_DRIVER_FEAT_SEL  0x024
#define VIRTIO_MMIO_QUEUE_SEL	     0x030
#define VIRTIO_MMIO_QUEUE_NUM_MAX    0x034
#define VIRTIO_MMIO_QUEUE_NUM	     0x038
#define VIRTIO_MMIO_QUEUE_READY	     0x044
#define VIRTIO_MMIO_QUEUE_NOTIFY     0x050
#define VIRTIO_MMIO_INTERRUPT_STATUS 0x060
#define VIRTIO_MMIO_INTERRUPT_ACK    0x064
#define VIRTIO_MMIO_STATUS	     0x070
#define VIRTIO_MMIO_QUEUE_DESC	     0x080 /* low word, high at +4 */
#define VIRTIO_MMIO_QUEUE_DRIVER     0x090
#define VIRTIO_MMIO_QUEUE_DEVICE     0x0a0
#define VIRTIO_MMIO_CONFIG	     0x100

#define VIRTIO_MMIO_MAGIC_VALUE 0x74726976u
#define VIRTIO_ID_NET		1

/* virtio 1.0 2.1: device status bits. */
#define VIRTIO_STATUS_ACKNOWLEDGE 1u
#define VIRTIO_STATUS_DRIVER	  2u
#define VIRTIO_STATUS_DRIVER_OK	  4u
#define VIRTIO_STATUS_FEATURES_OK 8u
#define VIRTIO_STATUS_FAILED	  128u

/* Feature bits: 6 "Reserved Feature Bits" (VERSION_1 = 32) and 5.1.3 (MAC = 5). */
#define VIRTIO_NET_F_MAC   5
#define VIRTIO_F_VERSION_1 32

/* virtio 2.4.5: descriptor flags. */
#define VIRTQ_DESC_F_WRITE 2u

/* Queue 0 receives, queue 1 transmits (5.1.2). */
#define RXQ 0
#define TXQ 1

/* Ring entries per queue: a power of two (2.4), no more than the device offers, and enough
 * transmit buffers for lwip's whole send buffer (TCP_SND_BUF / TCP_MSS = 23 segments). */
#define QSIZE 32
/* Each buffer: the 12-byte virtio_net_hdr of VERSION_1 (5.1.6) then a frame. */
#define NET_HDR_LEN 12
/* Longest wait for a transmit buffer before a frame is dropped. */
#define TX_WAIT_MS 2000
#define BUF_SIZE   2048

struct virtq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct virtq_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[QSIZE];
	uint16_t used_event;
};

struct virtq_used_elem {
	uint32_t id;
	uint32_t len;
};

struct virtq_used {
	uint16_t flags;
	uint16_t idx;
	struct virtq_used_elem ring[QSIZE];
	uint16_t avail_event;
};

/* One queue in one page: descriptors at 0 (16-byte aligned), driver ring at 512, device ring at
 * 768 (4-byte aligned), as 2.4 requires. */
struct virtq {
	struct virtq_desc desc[QSIZE];
	struct virtq_avail avail __attribute__((aligned(256)));
	struct virtq_used used __attribute__((aligned(256)));
};
_Static_assert(sizeof(struct virtq) <= 4096, "a virtqueue fits one page");
_Static_assert(offsetof(struct virtq, used) % 4 == 0, "the used ring is 4-byte aligned");

static struct {
	volatile uint8_t *regs;
	uint64_t base;
	bool coherent;
	uint8_t mac[6];
	struct virtq *q[2];
	uint8_t *buf[2];       /* QSIZE buffers of BUF_SIZE per queue */
	uint16_t used_seen[2]; /* device ring entries consumed */
	uint16_t avail_next[2];
	int rx_held; /* descriptor of the frame virtio_net_recv() returned, -1: none */
} vn = {.rx_held = -1};

static uint32_t rd(unsigned off)
{
	return *(volatile uint32_t *)(vn.regs + off);
}

static void wr(unsigned off, uint32_t v)
{
	*(volatile uint32_t *)(vn.regs + off) = v;
}

static void wr64(unsigned off, uint64_t v)
{
	wr(off, (uint32_t)v);
	wr(off + 4, (uint32_t)(v >> 32));
}

/* Make CPU writes at @p visible to the device (before it is told about them). */
static void dma_to_device(const void *p, size_t len)
{
	if (!vn.coherent) {
		kcache_clean_inval(p, len);
	}
}

/* Drop stale cached copies of what the device wrote at @p (before the CPU reads it). */
static void dma_from_device(const void *p, size_t len)
{
	if (!vn.coherent) {
		kcache_clean_inval(p, len);
	}
}

static uint8_t *buffer(int q, unsigned i)
{
	return vn.buf[q] + (size_t)i * BUF_SIZE;
}

/* Put descriptor @i on queue @q's driver ring and ring the doorbell. */
static void post(int q, unsigned i)
{
	struct virtq *vq = vn.q[q];

	vq->avail.ring[vn.avail_next[q] % QSIZE] = (uint16_t)i;
	dma_to_device(&vq->desc[i], sizeof(vq->desc[i]));
	/* The entry before the index that publishes it (2.4.7.2). */
	dmb_oshst();
	vq->avail.idx = ++vn.avail_next[q];
	dma_to_device(&vq->avail, sizeof(vq->avail));
	dsb_st();
	wr(VIRTIO_MMIO_QUEUE_NOTIFY, (uint32_t)q);
}

/* The device ring's index, then (ordered after it) its entries are readable. */
static uint16_t used_idx(int q)
{
	struct virtq *vq = vn.q[q];
	uint16_t idx;

	dma_from_device(&vq->used, sizeof(vq->used));
	idx = *(volatile uint16_t *)&vq->used.idx;
	dmb_oshld();
	return idx;
}

static int fail(char *err, size_t errlen, const char *why)
{
	snprintf(err, errlen, "virtio-net at 0x%llx: %s", (unsigned long long)vn.base, why);
	wr(VIRTIO_MMIO_STATUS, rd(VIRTIO_MMIO_STATUS) | VIRTIO_STATUS_FAILED);
	return -1;
}

static int queue_setup(int q, char *err, size_t errlen)
{
	struct virtq *vq = kalloc_pages(1, 4096);
	uint8_t *bufs = kalloc_pages(QSIZE * BUF_SIZE / 4096, 4096);

	if (!vq || !bufs) {
		return fail(err, errlen, "no pages left in the arena for the virtqueues");
	}
	memset(vq, 0, 4096);
	vn.q[q] = vq;
	vn.buf[q] = bufs;
	wr(VIRTIO_MMIO_QUEUE_SEL, (uint32_t)q);
	if (rd(VIRTIO_MMIO_QUEUE_READY)) {
		return fail(err, errlen, "a queue is ready before it was set up (reset failed)");
	}
	if (rd(VIRTIO_MMIO_QUEUE_NUM_MAX) < QSIZE) {
		return fail(err, errlen, "the device offers fewer than 32 entries per queue");
	}
	wr(VIRTIO_MMIO_QUEUE_NUM, QSIZE);
	for (unsigned i = 0; i < QSIZE; i++) {
		vq->desc[i] = (struct virtq_desc){
			.addr = (uintptr_t)buffer(q, i), /* the EL2 map is the identity */
			.len = BUF_SIZE,
			.flags = q == RXQ ? VIRTQ_DESC_F_WRITE : 0,
		};
	}
	dma_to_device(vq, 4096);
	dsb_st();
	wr64(VIRTIO_MMIO_QUEUE_DESC, (uintptr_t)vq->desc);
	wr64(VIRTIO_MMIO_QUEUE_DRIVER, (uintptr_t)&vq->avail);
	wr64(VIRTIO_MMIO_QUEUE_DEVICE, (uintptr_t)&vq->used);
	wr(VIRTIO_MMIO_QUEUE_READY, 1);
	return 0;
}

/* 3.1.1: reset, ACKNOWLEDGE, DRIVER, features, FEATURES_OK (checked), queues, DRIVER_OK. */
static int device_init(char *err, size_t errlen)
{
	uint32_t lo, hi, want_lo = 0;

	wr(VIRTIO_MMIO_STATUS, 0);
	if (rd(VIRTIO_MMIO_STATUS) != 0) {
		return fail(err, errlen, "the device does not reset (Status stays non-zero)");
	}
	wr(VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
	wr(VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
	wr(VIRTIO_MMIO_DEVICE_FEAT_SEL, 0);
	lo = rd(VIRTIO_MMIO_DEVICE_FEATURES);
	wr(VIRTIO_MMIO_DEVICE_FEAT_SEL, 1);
	hi = rd(VIRTIO_MMIO_DEVICE_FEATURES);
	if (!(hi >> (VIRTIO_F_VERSION_1 - 32) & 1)) {
		return fail(err, errlen, "the device does not offer VIRTIO_F_VERSION_1");
	}
	if (lo >> VIRTIO_NET_F_MAC & 1) {
		want_lo |= 1u << VIRTIO_NET_F_MAC;
	}
	wr(VIRTIO_MMIO_DRIVER_FEAT_SEL, 0);
	wr(VIRTIO_MMIO_DRIVER_FEATURES, want_lo);
	wr(VIRTIO_MMIO_DRIVER_FEAT_SEL, 1);
	wr(VIRTIO_MMIO_DRIVER_FEATURES, 1u << (VIRTIO_F_VERSION_1 - 32));
	wr(VIRTIO_MMIO_STATUS, rd(VIRTIO_MMIO_STATUS) | VIRTIO_STATUS_FEATURES_OK);
	if (!(rd(VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_FEATURES_OK)) {
		return fail(err, errlen, "the device refused the features (FEATURES_OK cleared)");
	}
	if (want_lo) {
		for (unsigned i = 0; i < 6; i++) {
			vn.mac[i] = vn.regs[VIRTIO_MMIO_CONFIG + i];
		}
	} else {
		/* A locally administered unicast address (IEEE 802: bit 1 of the first octet). */
		static const uint8_t local[6] = {0x02, 'h', 'y', 'p', 't', 'p'};

		memcpy(vn.mac, local, sizeof(local));
	}
	if (queue_setup(RXQ, err, errlen) || queue_setup(TXQ, err, errlen)) {
		return -1;
	}
	wr(VIRTIO_MMIO_STATUS, rd(VIRTIO_MMIO_STATUS) | VIRTIO_STATUS_DRIVER_OK);
	for (unsigned i = 0; i < QSIZE; i++) {
		post(RXQ, i);
	}
	return 0;
}

int virtio_net_probe(const struct platform *p, char *err, size_t errlen)
{
	unsigned legacy = 0, i;

	for (i = 0; i < p->virtio_count; i++) {
		vn.regs = (volatile uint8_t *)(uintptr_t)p->virtio[i].base;
		vn.base = p->virtio[i].base;
		if (rd(VIRTIO_MMIO_MAGIC) != VIRTIO_MMIO_MAGIC_VALUE ||
		    rd(VIRTIO_MMIO_DEVICE_ID) != VIRTIO_ID_NET) {
			continue;
		}
		if (rd(VIRTIO_MMIO_VERSION) == 2) {
			break;
		}
		legacy++;
	}
	if (i == p->virtio_count) {
		snprintf(err, errlen,
			 legacy ? "virtio-net: the device is a legacy virtio-mmio one (Version 1); "
				  "hyptap drives virtio 1.0 (QEMU: -global "
				  "virtio-mmio.force-legacy=false)"
				: "no virtio-net device: none of the DTB's %u virtio,mmio "
				  "transports "
				  "holds device ID 1 (QEMU: -device virtio-net-device,netdev=...)",
			 p->virtio_count);
		return -1;
	}
	vn.coherent = p->virtio_coherent >> i & 1;
	return device_init(err, errlen);
}

void virtio_net_mac(uint8_t mac[6])
{
	memcpy(mac, vn.mac, 6);
}

uint64_t virtio_net_base(void)
{
	return vn.base;
}

int virtio_net_send(const void *frame, size_t len)
{
	unsigned i = vn.avail_next[TXQ] % QSIZE;
	uint8_t *b = buffer(TXQ, i);

	if (len > VIRTIO_NET_FRAME_MAX) {
		return -1;
	}
	/* Entries the device has not given back yet own their buffers: wait for the oldest. A
	 * loaded host's QEMU may take a while; dropping the frame instead would cost a TCP
	 * retransmission timeout (seconds) each time. */
	for (unsigned long t0 = kernel_uptime_ms();
	     (uint16_t)(vn.avail_next[TXQ] - used_idx(TXQ)) >= QSIZE;) {
		if (kernel_uptime_ms() - t0 > TX_WAIT_MS) {
			return -1;
		}
	}
	memset(b, 0, NET_HDR_LEN); /* no checksum offload, no GSO, num_buffers 0 */
	memcpy(b + NET_HDR_LEN, frame, len);
	dma_to_device(b, NET_HDR_LEN + len);
	vn.q[TXQ]->desc[i].len = (uint32_t)(NET_HDR_LEN + len);
	/* The device completes transmit descriptors in order for this driver's use: the slot reused
	 * next is the oldest, which in_flight < QSIZE says it gave back. */
	post(TXQ, i);
	return 0;
}

size_t virtio_net_recv(const void **frame)
{
	struct virtq_used_elem e;
	uint8_t *b;

	if (vn.rx_held >= 0 || used_idx(RXQ) == vn.used_seen[RXQ]) {
		return 0;
	}
	e = vn.q[RXQ]->used.ring[vn.used_seen[RXQ] % QSIZE];
	vn.used_seen[RXQ]++;
	if (e.id >= QSIZE) {
		return 0; /* a device bug: nothing sane to hand on */
	}
	vn.rx_held = (int)e.id;
	b = buffer(RXQ, e.id);
	dma_from_device(b, BUF_SIZE);
	if (e.len <= NET_HDR_LEN || e.len > BUF_SIZE) {
		virtio_net_recv_done();
		return 0;
	}
	*frame = b + NET_HDR_LEN;
	return e.len - NET_HDR_LEN;
}

void virtio_net_recv_done(void)
{
	if (vn.rx_held >= 0) {
		post(RXQ, (unsigned)vn.rx_held);
		vn.rx_held = -1;
	}
}
