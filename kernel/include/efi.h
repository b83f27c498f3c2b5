/* SPDX-License-Identifier: MIT */
/*
 * The few UEFI types the EFI entry uses (UEFI 2.10: 4.3 System Table, 4.4 Boot Services, 7.2
 * Memory Allocation Services, 9.1 Loaded Image Protocol, 12.4 Simple Text Output). Pure
 * declarations: the host unit tests build fake tables from them.
 */
#ifndef EFI_H
#define EFI_H

#include <stddef.h>
#include <stdint.h>

typedef uint64_t efi_status_t;
typedef void *efi_handle_t;
typedef uint16_t efi_char16_t;

#define EFI_ERROR_BIT		 (1ull << 63)
#define EFI_SUCCESS		 0ull
#define EFI_LOAD_ERROR		 (EFI_ERROR_BIT | 1)
#define EFI_INVALID_PARAMETER	 (EFI_ERROR_BIT | 2)
#define EFI_UNSUPPORTED		 (EFI_ERROR_BIT | 3)
#define EFI_BUFFER_TOO_SMALL	 (EFI_ERROR_BIT | 5)
#define EFI_OUT_OF_RESOURCES	 (EFI_ERROR_BIT | 9)
#define EFI_NOT_FOUND		 (EFI_ERROR_BIT | 14)
#define EFI_INCOMPATIBLE_VERSION (EFI_ERROR_BIT | 25)

#define EFI_PAGE_SIZE 4096ull

/** EFI_SYSTEM_TABLE.Hdr.Signature: "IBI SYST". */
#define EFI_SYSTEM_TABLE_SIGNATURE 0x5453595320494249ull

typedef struct {
	uint32_t data1;
	uint16_t data2, data3;
	uint8_t data4[8];
} efi_guid_t;

/* b1b621d5-f19c-41a5-830b-d9152c69aae0: the flattened device tree (UEFI 2.10, 4.6.1.1). */
#define EFI_DTB_TABLE_GUID                                                                         \
	{                                                                                          \
		0xb1b621d5, 0xf19c, 0x41a5,                                                        \
		{                                                                                  \
			0x83, 0x0b, 0xd9, 0x15, 0x2c, 0x69, 0xaa, 0xe0                             \
		}                                                                                  \
	}
/* 8868e871-e4f1-11d3-bc22-0080c73c8881: the ACPI 2.0+ RSDP. */
#define EFI_ACPI_20_TABLE_GUID                                                                     \
	{                                                                                          \
		0x8868e871, 0xe4f1, 0x11d3,                                                        \
		{                                                                                  \
			0xbc, 0x22, 0x00, 0x80, 0xc7, 0x3c, 0x88, 0x81                             \
		}                                                                                  \
	}
/* 5b1b31a1-9562-11d2-8e3f-00a0c969723b: EFI_LOADED_IMAGE_PROTOCOL. */
#define EFI_LOADED_IMAGE_PROTOCOL_GUID                                                             \
	{                                                                                          \
		0x5b1b31a1, 0x9562, 0x11d2,                                                        \
		{                                                                                  \
			0x8e, 0x3f, 0x00, 0xa0, 0xc9, 0x69, 0x72, 0x3b                             \
		}                                                                                  \
	}

struct efi_table_header {
	uint64_t signature;
	uint32_t revision;
	uint32_t header_size;
	uint32_t crc32;
	uint32_t reserved;
};

struct efi_simple_text_output {
	void *reset;
	efi_status_t (*output_string)(struct efi_simple_text_output *self,
				      const efi_char16_t *string);
	/* the rest is not used */
};

/** EFI_MEMORY_TYPE (UEFI 2.10, 7.2, Table 7.6). */
enum efi_memory_type {
	EFI_RESERVED_MEMORY,
	EFI_LOADER_CODE,
	EFI_LOADER_DATA,
	EFI_BOOT_SERVICES_CODE,
	EFI_BOOT_SERVICES_DATA,
	EFI_RUNTIME_SERVICES_CODE,
	EFI_RUNTIME_SERVICES_DATA,
	EFI_CONVENTIONAL_MEMORY,
	EFI_UNUSABLE_MEMORY,
	EFI_ACPI_RECLAIM_MEMORY,
	EFI_ACPI_NVS_MEMORY,
	EFI_MEMORY_MAPPED_IO,
	EFI_MEMORY_MAPPED_IO_PORT_SPACE,
	EFI_PAL_CODE,
	EFI_PERSISTENT_MEMORY,
	EFI_UNACCEPTED_MEMORY,
};

/** EFI_MEMORY_DESCRIPTOR; a map's entries are DescriptorSize apart, which may be larger. */
struct efi_memory_descriptor {
	uint32_t type;
	uint32_t pad;
	uint64_t physical_start;
	uint64_t virtual_start;
	uint64_t number_of_pages;
	uint64_t attribute;
};

/** EFI_MEMORY_DESCRIPTOR.Attribute: write-back cacheable, i.e. RAM. */
#define EFI_MEMORY_WB (1ull << 3)

enum efi_allocate_type { EFI_ALLOCATE_ANY_PAGES, EFI_ALLOCATE_MAX_ADDRESS, EFI_ALLOCATE_ADDRESS };

struct efi_boot_services {
	struct efi_table_header hdr;
	void *raise_tpl, *restore_tpl;
	efi_status_t (*allocate_pages)(enum efi_allocate_type type, enum efi_memory_type mem,
				       uint64_t pages, uint64_t *address);
	efi_status_t (*free_pages)(uint64_t address, uint64_t pages);
	efi_status_t (*get_memory_map)(uint64_t *map_size, struct efi_memory_descriptor *map,
				       uint64_t *map_key, uint64_t *desc_size,
				       uint32_t *desc_version);
	void *allocate_pool, *free_pool;
	void *create_event, *set_timer, *wait_for_event, *signal_event, *close_event, *check_event;
	void *install_protocol_interface, *reinstall_protocol_interface,
		*uninstall_protocol_interface;
	efi_status_t (*handle_protocol)(efi_handle_t handle, const efi_guid_t *protocol,
					void **interface);
	void *reserved, *register_protocol_notify, *locate_handle, *locate_device_path,
		*install_configuration_table;
	void *load_image, *start_image, *exit, *unload_image;
	efi_status_t (*exit_boot_services)(efi_handle_t image, uint64_t map_key);
	/* the rest is not used */
};

struct efi_config_table {
	efi_guid_t guid;
	const void *table;
};

struct efi_system_table {
	struct efi_table_header hdr;
	const efi_char16_t *firmware_vendor;
	uint32_t firmware_revision;
	efi_handle_t console_in_handle;
	void *con_in;
	efi_handle_t console_out_handle;
	struct efi_simple_text_output *con_out;
	efi_handle_t standard_error_handle;
	void *std_err;
	void *runtime_services;
	struct efi_boot_services *boot_services;
	uint64_t number_of_table_entries;
	const struct efi_config_table *configuration_table;
};

struct efi_loaded_image {
	uint32_t revision;
	efi_handle_t parent_handle;
	struct efi_system_table *system_table;
	efi_handle_t device_handle;
	void *file_path;
	void *reserved;
	uint32_t load_options_size;
	const void *load_options;
	void *image_base;
	uint64_t image_size;
	/* the rest is not used */
};

_Static_assert(offsetof(struct efi_system_table, boot_services) == 0x60, "UEFI 4.3.1");
_Static_assert(offsetof(struct efi_system_table, configuration_table) == 0x70, "UEFI 4.3.1");
_Static_assert(offsetof(struct efi_boot_services, exit_boot_services) == 0xe8, "UEFI 4.4.1");
_Static_assert(offsetof(struct efi_boot_services, handle_protocol) == 0x98, "UEFI 4.4.1");
_Static_assert(offsetof(struct efi_loaded_image, load_options) == 0x38, "UEFI 9.1.1");
_Static_assert(sizeof(struct efi_memory_descriptor) == 40, "UEFI 7.2.3");

#endif
