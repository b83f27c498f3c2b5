/* SPDX-License-Identifier: MIT */
/* The page arena for guest RAM and stage-2 tables, and the cache maintenance they need. */
#include "arch/sysreg.h"
#include "kalloc.h"
#include "palloc.h"
#include "smp.h"

static struct palloc arena;
static struct spinlock arena_lock;

int kalloc_init(const struct platform *p)
{
	return palloc_init(&arena, p->arena.base, p->arena.size);
}

void *kalloc_pages(size_t count, size_t align)
{
	spin_lock(&arena_lock);
	void *p = palloc_alloc(&arena, count, align < PAGE_SIZE ? PAGE_SIZE : align);

	if (p) {
		this_cpu()->pages += count;
	}
	spin_unlock(&arena_lock);
	return p;
}

void kfree_pages(void *p, size_t count)
{
	spin_lock(&arena_lock);
	palloc_free(&arena, p, count);
	this_cpu()->pages -= count;
	spin_unlock(&arena_lock);
}

void kalloc_pages_keep(size_t count)
{
	this_cpu()->pages -= count;
}

void kalloc_pages_adopt(size_t count)
{
	this_cpu()->pages += count;
}

size_t kalloc_pages_of_this_cpu(void)
{
	return this_cpu()->pages;
}

void kcache_clean_inval(const void *p, size_t len)
{
	/* CTR_EL0.DminLine: log2 of the smallest data cache line, in words. */
	uintptr_t line = 4u << ((read_ctr_el0() >> 16) & 0xf);
	uintptr_t a = (uintptr_t)p & ~(line - 1);

	for (; a < (uintptr_t)p + len; a += line) {
		dc_civac(a);
	}
	dsb_sy();
}
