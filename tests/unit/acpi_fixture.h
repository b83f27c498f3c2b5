/* SPDX-License-Identifier: MIT */
/*
 * The ACPI fixtures of tests/acpi/ (tables edk2 published on QEMU virt, one
 * `<signature>@<physical address>.dat` file per table) as a physical memory the parser reads
 * through its acpi_mem map: a read is served only when it lies inside one table, so a pointer or
 * length a mutation breaks is "not readable", never a read of the test's own memory. Each table
 * has FIXTURE_ROOM bytes after it so that a test can append MADT entries, and helpers to edit a
 * field and restore the checksum. Host tests only.
 */
#ifndef TESTS_UNIT_ACPI_FIXTURE_H
#define TESTS_UNIT_ACPI_FIXTURE_H

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi.h"

#define FIXTURE_MAX_TABLES 16
#define FIXTURE_ROOM	   4096

struct fixture_table {
	char sig[5]; /* lower case as in the file name: "rsdp", "apic", ... */
	uint64_t pa;
	uint8_t *p;
	uint32_t len;	/* bytes readable at pa (the file's size, or what a test set) */
	uint32_t alloc; /* bytes allocated at p */
};

struct fixture {
	const char *name;
	struct fixture_table t[FIXTURE_MAX_TABLES];
	unsigned count;
	uint64_t rsdp;
	struct acpi_mem mem;
};

static inline void fixture_die(const char *what, const char *name)
{
	fprintf(stderr, "acpi fixture %s: %s\n", name, what);
	exit(2);
}

static const void *fixture_map(const struct acpi_mem *mem, uint64_t pa, uint64_t len)
{
	const struct fixture *f = mem->ctx;
	const struct fixture_table *best = NULL;

	/* The table starting closest below @pa: a MADT a test grew over its neighbours' addresses
	 * does not hide them. */
	for (unsigned i = 0; i < f->count; i++) {
		const struct fixture_table *t = &f->t[i];

		if (t->pa <= pa && (!best || t->pa > best->pa)) {
			best = t;
		}
	}
	if (best && pa - best->pa <= best->len && len <= best->len - (pa - best->pa)) {
		return best->p + (pa - best->pa);
	}
	return NULL;
}

/* Fixture @name (e.g. "qemu-7.2-gicv3"), loaded from TEST_ACPI_DIR. */
static inline void fixture_load(struct fixture *f, const char *name)
{
	char path[512];
	struct dirent *d;
	DIR *dir;

	memset(f, 0, sizeof(*f));
	f->name = name;
	f->mem = (struct acpi_mem){fixture_map, f};
	snprintf(path, sizeof(path), "%s/%s", TEST_ACPI_DIR, name);
	dir = opendir(path);
	if (!dir) {
		fixture_die("no such folder", path);
	}
	while ((d = readdir(dir))) {
		struct fixture_table *t = &f->t[f->count];
		unsigned long long pa;
		char sig[5], file[1024];
		FILE *in;
		long n;

		if (sscanf(d->d_name, "%4[a-z0-9]@%llx.dat", sig, &pa) != 2) {
			continue;
		}
		if (f->count == FIXTURE_MAX_TABLES) {
			fixture_die("too many tables", name);
		}
		snprintf(file, sizeof(file), "%s/%s", path, d->d_name);
		in = fopen(file, "rb");
		if (!in || fseek(in, 0, SEEK_END) || (n = ftell(in)) <= 0) {
			fixture_die("unreadable table", file);
		}
		rewind(in);
		memcpy(t->sig, sig, 5);
		t->pa = pa;
		t->len = (uint32_t)n;
		t->alloc = t->len + FIXTURE_ROOM;
		t->p = calloc(1, t->alloc);
		if (!t->p || fread(t->p, 1, t->len, in) != t->len) {
			fixture_die("short read", file);
		}
		fclose(in);
		if (!strcmp(sig, "rsdp")) {
			f->rsdp = pa;
		}
		f->count++;
	}
	closedir(dir);
	if (!f->rsdp) {
		fixture_die("no rsdp@*.dat", name);
	}
}

static inline void fixture_free(struct fixture *f)
{
	for (unsigned i = 0; i < f->count; i++) {
		free(f->t[i].p);
	}
	f->count = 0;
}

/* The table with signature @sig ("rsdp", "xsdt", "apic", "facp", "gtdt", "spcr"). */
static inline struct fixture_table *fixture_table(struct fixture *f, const char *sig)
{
	for (unsigned i = 0; i < f->count; i++) {
		if (!strcmp(f->t[i].sig, sig)) {
			return &f->t[i];
		}
	}
	fixture_die("no such table", sig);
	return NULL;
}

static inline uint32_t fixture_get(const uint8_t *p, unsigned bytes)
{
	uint32_t v = 0;

	for (unsigned i = bytes; i--;) {
		v = v << 8 | p[i];
	}
	return v;
}

static inline void fixture_put(uint8_t *p, uint64_t v, unsigned bytes)
{
	for (unsigned i = 0; i < bytes; i++, v >>= 8) {
		p[i] = (uint8_t)v;
	}
}

static inline uint8_t fixture_sum(const uint8_t *p, uint32_t len)
{
	uint8_t s = 0;

	while (len--) {
		s = (uint8_t)(s + *p++);
	}
	return s;
}

/* Make @t's checksums right again after an edit (RSDP: both; a table: over its length field,
 * bounded by what is allocated). */
static inline void fixture_fix(struct fixture_table *t)
{
	if (!strcmp(t->sig, "rsdp")) {
		t->p[8] = 0;
		t->p[8] = (uint8_t)-fixture_sum(t->p, 20);
		t->p[32] = 0;
		t->p[32] = (uint8_t)-fixture_sum(t->p, 36);
		return;
	}
	uint32_t len = fixture_get(t->p + 4, 4);

	t->p[9] = 0;
	t->p[9] = (uint8_t)-fixture_sum(t->p, len < t->alloc ? len : t->alloc);
}

/* Set @bytes at @off of table @sig to @v and restore its checksum. */
static inline void fixture_set(struct fixture *f, const char *sig, uint32_t off, uint64_t v,
			       unsigned bytes)
{
	struct fixture_table *t = fixture_table(f, sig);

	fixture_put(t->p + off, v, bytes);
	fixture_fix(t);
}

/* Table @sig's length field (and the bytes readable) set to @len, checksum restored. */
static inline void fixture_set_len(struct fixture *f, const char *sig, uint32_t len)
{
	struct fixture_table *t = fixture_table(f, sig);

	if (len > t->alloc) {
		fixture_die("length beyond the room", sig);
	}
	fixture_put(t->p + 4, len, 4);
	t->len = len;
	fixture_fix(t);
}

/* At least @room bytes allocated after table @sig's bytes (for many appended entries). */
static inline void fixture_grow(struct fixture *f, const char *sig, uint32_t room)
{
	struct fixture_table *t = fixture_table(f, sig);
	uint8_t *p = calloc(1, t->len + room);

	if (!p) {
		fixture_die("out of memory", sig);
	}
	memcpy(p, t->p, t->len);
	free(t->p);
	t->p = p;
	t->alloc = t->len + room;
}

/* Append @n bytes of @entry to the MADT (its length grows, checksum restored). */
static inline void fixture_madt_append(struct fixture *f, const uint8_t *entry, uint32_t n)
{
	struct fixture_table *t = fixture_table(f, "apic");
	uint32_t len = fixture_get(t->p + 4, 4);

	memcpy(t->p + len, entry, n);
	fixture_set_len(f, "apic", len + n);
}

/* The offset in the MADT of its @index-th entry of @type (0x0b GICC, ...), or 0 if none. */
static inline uint32_t fixture_madt_entry(struct fixture *f, uint8_t type, unsigned index)
{
	struct fixture_table *t = fixture_table(f, "apic");
	uint32_t len = fixture_get(t->p + 4, 4);

	for (uint32_t off = 44; off + 2 <= len && t->p[off + 1] >= 2; off += t->p[off + 1]) {
		if (t->p[off] == type && !index--) {
			return off;
		}
	}
	return 0;
}

/* Remove the MADT entry at @off. */
static inline void fixture_madt_remove(struct fixture *f, uint32_t off)
{
	struct fixture_table *t = fixture_table(f, "apic");
	uint32_t len = fixture_get(t->p + 4, 4), n = t->p[off + 1];

	memmove(t->p + off, t->p + off + n, len - off - n);
	fixture_set_len(f, "apic", len - n);
}

#endif
