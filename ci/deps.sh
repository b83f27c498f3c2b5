#!/usr/bin/env bash
# Install and cache everything hyptap needs (DESIGN.md §2). Idempotent: a second run finds every
# stamp and does no work. Nothing is written into the source tree; everything lives in
# $HYPTAP_CACHE (default ~/.cache/hyptap). The host's dpkg architectures are never changed.
# Every download goes through the host's own APT configuration: its mirror (ci/apt-mirror) and
# its apt.conf settings, so a local mirror or a proxy (Acquire::http::Proxy) is honoured.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${HYPTAP_CACHE:-$HOME/.cache/hyptap}
JOBS=$(nproc 2>/dev/null || echo 2)
mkdir -p "$CACHE"

log() { printf 'deps: %s\n' "$*" >&2; }

# --- 1. Debian packages on the host -------------------------------------------------------------
# Everything `make run` and `make check` use beyond Debian's Essential set (coreutils' timeout,
# tar, sed, grep, ...), which even a minimal (minbase) root has; ci/fresh-machine proves the list.
HOST_PKGS=(
	gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu	# cross compiler, used freestanding
	gcc-arm-linux-gnueabihf				# AArch32 guest payloads (guest32/)
	gcc libc6-dev					# host C compiler: newlib's configure, host tests
	newlib-source bison flex texinfo xz-utils	# C library source, what its build needs
	libfdt-dev					# host libfdt: host-side DTB tests
	qemu-system-arm					# QEMU 7.2: qemu-system-aarch64
	device-tree-compiler gdb-multiarch		# dtc, fdtget, fdtput; make debug
	perl libtap-formatter-html-perl			# prove, TAP::Formatter::HTML
	libxml2-utils libxml-libxml-perl		# xmllint, XML::LibXML: JUnit XML checks
	chromium libhtml-parser-perl			# make check's report check (ci/report-check)
	make mawk					# the Makefile and its awk
	dpkg-dev ca-certificates debian-archive-keyring	# dpkg-source; https; the APT keyring
	mmdebstrap					# ci/fresh-machine (CI)
	u-boot-qemu qemu-efi-aarch64			# firmware in front of the image (ci/boot/)
	mtools dosfstools fdisk u-boot-tools		# FAT ESPs and disks without root (sfdisk), boot.scr
	acpica-tools					# iasl: ACPI table fixtures for host tests
	lava-dispatcher					# lava-run: the LAVA jobs of ci/lava/
)
missing=()
for p in "${HOST_PKGS[@]}"; do
	case "$p" in \#*) continue ;; esac
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
	cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
	if [ "$(id -u)" != 0 ]; then
		log "missing Debian packages: ${missing[*]}"
		log "run as root:  $cmd"
		exit 1
	fi
	log "installing ${missing[*]}"
	# Always refresh first: a fresh machine may have no package lists, or stale ones whose
	# versions are no longer on the mirror.
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --- 2. A private APT state for foreign-arch, source and backports downloads -------------------
# Its own sources list, lists directory and cache: the host's APT and dpkg are left untouched.
# The host's apt.conf(.d) is still read, so its proxy and network settings apply here too.
# The sources are those of the host's Debian mirror(s); when they change, the lists are renewed.
APTDIR=$CACHE/apt
apt_private() {
	apt-get -q \
		-o Dir::Etc::SourceList="$APTDIR/sources.list" \
		-o Dir::Etc::SourceParts=/dev/null \
		-o Dir::State::Lists="$APTDIR/lists" \
		-o Dir::Cache="$APTDIR/cache" \
		-o Dir::State::status=/dev/null \
		-o APT::Architecture=amd64 \
		-o APT::Architectures::=amd64 -o APT::Architectures::=arm64 \
		-o Debug::NoLocking=1 "$@"
}
mirrors=$("$top/ci/apt-mirror")
key=signed-by=/usr/share/keyrings/debian-archive-keyring.gpg
sources=$(for m in $mirrors; do
	echo "deb [arch=amd64,arm64 $key] $m bookworm main"
	echo "deb-src [$key] $m bookworm main"
	echo "deb [arch=amd64 $key] $m bookworm-backports main"
done)
if [ ! -f "$APTDIR/.stamp" ] || [ "$sources" != "$(cat "$APTDIR/sources.list" 2>/dev/null)" ]; then
	log "private APT state in $APTDIR, from ${mirrors//$'\n'/ }"
	rm -f "$APTDIR/.stamp"
	mkdir -p "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial"
	printf '%s\n' "$sources" >"$APTDIR/sources.list"
	apt_private update --error-on=any
	touch "$APTDIR/.stamp"
fi

fetch_deb() { # fetch_deb DIR PKG[:ARCH][/RELEASE]... -> .debs in DIR
	local dir=$1
	shift
	mkdir -p "$dir"
	(cd "$dir" && apt_private download "$@")
}

# --- 3. libfdt for arm64 (static library + headers) ---------------------------------------------
LIBFDT=$CACHE/libfdt
if [ ! -f "$LIBFDT/.stamp" ]; then
	log "libfdt-dev:arm64"
	rm -rf "$LIBFDT" && mkdir -p "$LIBFDT/deb"
	fetch_deb "$LIBFDT/deb" libfdt-dev:arm64
	for d in "$LIBFDT"/deb/*.deb; do dpkg-deb -x "$d" "$LIBFDT/root"; done
	mkdir -p "$LIBFDT/include" "$LIBFDT/lib"
	cp "$LIBFDT"/root/usr/include/*.h "$LIBFDT/include/"
	cp "$LIBFDT"/root/usr/lib/aarch64-linux-gnu/libfdt.a "$LIBFDT/lib/"
	touch "$LIBFDT/.stamp"
fi

# --- 4. newlib for aarch64-none-elf, built with the Debian cross compiler -----------------------
NEWLIB=$CACHE/newlib
if [ ! -f "$NEWLIB/.stamp" ]; then
	log "building newlib (about 90 s)"
	rm -rf "$NEWLIB" && mkdir -p "$NEWLIB/build"
	tarball=$(ls /usr/src/newlib/newlib-*.tar.* 2>/dev/null | head -n 1)
	[ -n "$tarball" ] || { log "newlib-source has no tarball in /usr/src/newlib"; exit 1; }
	tar -C "$NEWLIB" -xf "$tarball"
	src=$(ls -d "$NEWLIB"/newlib-*/ | head -n 1)
	# Freestanding, no syscalls of newlib's own: kernel/syscalls.c provides _write/_sbrk/_exit.
	# -fno-stack-protector: newlib runs before the guard is set. It may use FP/SIMD registers
	# (memcpy), so the world switch puts the host CPTR_EL2 back before any C runs.
	tflags="-O2 -g -ffunction-sections -fdata-sections -fno-stack-protector"
	(cd "$NEWLIB/build" &&
		"$src/configure" --target=aarch64-none-elf --prefix="$NEWLIB/install" \
			--disable-multilib --disable-newlib-supplied-syscalls \
			--enable-newlib-nano-malloc --disable-newlib-io-float \
			--enable-newlib-reent-small --disable-nls \
			CC_FOR_TARGET=aarch64-linux-gnu-gcc AR_FOR_TARGET=aarch64-linux-gnu-ar \
			AS_FOR_TARGET=aarch64-linux-gnu-as LD_FOR_TARGET=aarch64-linux-gnu-ld \
			RANLIB_FOR_TARGET=aarch64-linux-gnu-ranlib NM_FOR_TARGET=aarch64-linux-gnu-nm \
			STRIP_FOR_TARGET=aarch64-linux-gnu-strip \
			CFLAGS_FOR_TARGET="$tflags" >"$NEWLIB/configure.log" 2>&1 &&
		make -j"$JOBS" all-target-newlib >"$NEWLIB/build.log" 2>&1 &&
		make install-target-newlib >"$NEWLIB/install.log" 2>&1) ||
		{ log "newlib build failed; see $NEWLIB/*.log"; tail -n 20 "$NEWLIB"/*.log >&2; exit 1; }
	rm -rf "$src"
	touch "$NEWLIB/.stamp"
fi

# --- 5. lwip source (TAP over TCP: the Makefile builds build/liblwip.a from it) ------------------
LWIP=$CACHE/lwip
if [ ! -f "$LWIP/.stamp" ]; then
	log "lwip source package"
	rm -rf "$LWIP" && mkdir -p "$LWIP"
	(cd "$LWIP" && apt_private source --download-only lwip && dpkg-source -x --no-check ./*.dsc src) >/dev/null
	touch "$LWIP/.stamp"
fi

# --- 6. QEMU 10.0 from bookworm-backports, beside the system QEMU 7.2 ---------------------------
QEMU10=$CACHE/qemu-10
if [ ! -f "$QEMU10/.stamp" ]; then
	log "qemu-system-arm from bookworm-backports"
	rm -rf "$QEMU10" && mkdir -p "$QEMU10/deb"
	fetch_deb "$QEMU10/deb" qemu-system-arm/bookworm-backports qemu-system-data/bookworm-backports
	for d in "$QEMU10"/deb/*.deb; do dpkg-deb -x "$d" "$QEMU10/root"; done
	touch "$QEMU10/.stamp"
fi

# Report, so a log shows what the build will use.
q10=$QEMU10/root/usr/bin/qemu-system-aarch64
if ! "$q10" --version >/dev/null 2>&1; then
	log "QEMU 10 does not start; its missing libraries:"
	ldd "$q10" | grep 'not found' >&2 || true
	exit 1
fi
log "ok: $(qemu-system-aarch64 --version | head -n 1) / $("$q10" --version | head -n 1)"
