#!/usr/bin/env bash
# tests/tap-tcp.t — TAP over TCP (docs/design-notes.md, "TAP over TCP"): the image on QEMU user
# networking (restrict=on: loopback only) streams its TAP to ci/tap-collect, which the baseline
# gate reads like the UART stream; the UART keeps a complete short stream; hyptap.fetch selects
# what the collector says; a collector that drops the connection leaves the run complete on the
# UART; a static address; bad network bootargs are one clear Bail out!.
set -uo pipefail
. "$(dirname "$0")/tap.sh"
tap_begin 16
CHECK_ERR_LINES=8
ep=tcp:10.0.2.100:1234

# net COLLECTOR-ARGS -- QEMU-RUN-ARGS: the collector in the background on a free port, the image
# through qemu-run --net user-collector PORT; UART in $tmp/out (qemu-run's stderr in $tmp/err,
# exit status $rc), the collected stream in $tmp/tcp (its stderr in $tmp/cerr, status $crc).
net() {
	local cargs=() pid
	while [ "$1" != -- ]; do cargs+=("$1") && shift; done
	shift
	rm -f "$tmp/port"
	ci/tap-collect --port 0 --port-file "$tmp/port" --timeout 150 "${cargs[@]}" >"$tmp/tcp" 2>"$tmp/cerr" &
	pid=$!
	for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
	rc=0 crc=0
	ci/qemu-run --timeout 90 --net user-collector "$(cat "$tmp/port")" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
	# The collector ends with the report; a run without one leaves it waiting: stop it.
	kill -0 "$pid" 2>/dev/null && sleep 2 && kill "$pid" 2>/dev/null
	wait "$pid" || crc=$?
	cat "$tmp/cerr" >>"$tmp/err"
}
has() { grep -qE -- "$1" "$tmp/out"; }
# results FILE: "N STATUS DIRECTIVE" per result line (the verdict without the id).
results() { perl -ne 'print "$2 $1 ", (/ # (SKIP|TODO)\b/ ? $1 : "-"), "\n" if /^(ok|not ok) (\d+)\b/' "$1"; }
# complete FILE: TAP::Parser reads FILE as one good TAP 13 stream: a plan, every planned point
# once and in order, no parse error.
complete() {
	perl -MTAP::Parser -e '
		open my $fh, "<", $ARGV[0] or exit 1;
		my $p = TAP::Parser->new({ tap => do { local $/; <$fh> } });
		my $n = 0;
		while (my $r = $p->next) { $n++ == $r->number - 1 or exit 1 if $r->is_test }
		exit !($p->is_good_plan && !$p->parse_errors && $p->tests_run == $p->tests_planned && $p->tests_run > 0);
	' "$1"
}

# 1-4: the whole suite over TCP on QEMU 7.2 max, DHCP.
net -- -- hyptap.net=dhcp hyptap.report=$ep
((rc == 0 && crc == 0)) && [ "$(head -n 1 "$tmp/tcp")" = "TAP version 13" ] &&
	ci/tap-gate --baseline results/qemu-7.2/max.expect --skips results/qemu-7.2/max.skip \
		<"$tmp/tcp" >"$tmp/gate" 2>&1
check "7.2 max over TCP: the collected stream passes the gate of results/qemu-7.2/max"
cp "$tmp/tcp" "$tmp/tcp-full" && cp "$tmp/out" "$tmp/uart-full"

complete "$tmp/out" && [ "$(results "$tmp/out")" = "$(results "$tmp/tcp")" ]
check "7.2 max, the UART: complete TAP, the same verdict and directive for every point"

[ "$(grep -c '^not ok' "$tmp/out")" -gt 0 ] &&
	diff <(sed -n '/^not ok/,/^  \.\.\.$/p' "$tmp/out") <(sed -n '/^not ok/,/^  \.\.\.$/p' "$tmp/tcp") >/dev/null &&
	! grep -qE '^ok [0-9]+ - ' "$tmp/out" && has '^# hyptap ' && has '^1\.\.[0-9]+$' &&
	[ "$(grep '^# summary:' "$tmp/out")" = "$(grep '^# summary:' "$tmp/tcp")" ]
check "7.2 max, the UART: header, plan, failures with their YAML and the summary as sent; passes as \"ok N\""

has '^# net: virtio-net@0x[0-9a-f]+ mac=52:54:00:12:34:56 ip=10\.0\.2\.15/24 .*\(dhcp\)$' &&
	grep -qE "^# report: tcp:10\.0\.2\.100:1234 $(stat -c %s "$tmp/tcp") bytes in [0-9]+ ms, all acknowledged$" "$tmp/out"
check "the UART says the address DHCP gave and how many bytes the collector acknowledged (all it got)"

# 5-6: hyptap.fetch: the collector chooses the scenarios; the same as on the command line.
only='hyptap.only=trap.hvc.*,guest.exit,stage2.perm.*'
ci/qemu-run --timeout 60 -- "$only" >"$tmp/direct" 2>/dev/null
net --bootargs "$only" -- -- hyptap.net=dhcp hyptap.fetch=$ep hyptap.report=$ep
ids() { sed -n 's/^\(not \)\{0,1\}ok [0-9]* - \([^ ]*\).*/\2/p' "$1"; }
((rc == 0 && crc == 0)) && [ "$(ids "$tmp/direct" | wc -l)" -gt 10 ] &&
	[ "$(ids "$tmp/tcp")" = "$(ids "$tmp/direct")" ] && grep -q "^tap-collect: fetch from \"hyptap-fetch 1 mac=" "$tmp/err"
check "hyptap.fetch: the run selects exactly what the fetched $only selects on the command line"
has "^# fetch: bootargs from tcp:10\.0\.2\.100:1234: \"$only\"$"
check "hyptap.fetch: the UART names what was fetched"

# 7-8: the collector drops the report after 100 points: the UART says so and completes the run.
net --drop-after 100 -- -- hyptap.net=dhcp hyptap.report=$ep
lost=$(grep -n '^# report: tcp:10\.0\.2\.100:1234 lost: .* after [0-9]* bytes; the console carries every line from here$' "$tmp/out" | cut -d: -f1)
((rc == 0 && crc == 3)) && [ -n "$lost" ] && complete "$tmp/out" &&
	[ "$(results "$tmp/out")" = "$(results "$tmp/uart-full")" ]
check "collector drops the connection: the UART reports it, its stream is complete with the same verdicts"
after=$(tail -n +"${lost:-1}" "$tmp/out" | grep -E '^(not )?ok ')
[ -n "$lost" ] && ! grep -qvE '^(not )?ok [0-9]+ - ' <<<"$after" && [ "$(wc -l <<<"$after")" -gt 1000 ]
check "after the loss every point on the UART carries its id again"

# 9: a static address, QEMU 10.0 max: the gate of results/qemu-10.0/max on the collected stream.
net -- --qemu 10.0 -- hyptap.net=10.0.2.15/24,10.0.2.2 hyptap.report=$ep
((rc == 0 && crc == 0)) && has '^# net: .* ip=10\.0\.2\.15/24 gw=10\.0\.2\.2 \(static\)$' &&
	ci/tap-gate --baseline results/qemu-10.0/max.expect --skips results/qemu-10.0/max.skip \
		<"$tmp/tcp" >"$tmp/gate" 2>&1 && complete "$tmp/out"
check "10.0 max, static address: the collected stream passes the gate of results/qemu-10.0/max"

# 10-14: bad network bootargs and setups: one clear Bail out!, never a hang.
net -- -- hyptap.net=10.0.2.300/24 hyptap.report=$ep
((rc == 1)) && has '^Bail out! bad bootarg "hyptap\.net=10\.0\.2\.300/24": expected dhcp or IP/PREFIX\[,GW\]'
check "hyptap.net=10.0.2.300/24: Bail out! naming the bootarg"

net -- -- hyptap.report=$ep
((rc == 1)) && has '^Bail out! bad bootargs: hyptap\.report needs hyptap\.net='
check "hyptap.report without hyptap.net: Bail out! saying so"

net -- -- hyptap.net=192.168.7.2/24 hyptap.report=$ep
((rc == 1)) && has '^Bail out! tcp:10\.0\.2\.100:1234: cannot connect \(.* within [0-9]+ ms\)$'
check "a static address off the collector's network: Bail out! naming the endpoint"

net --reply 'only=guest.exit' -- -- hyptap.net=dhcp hyptap.fetch=$ep
((rc == 1)) && has '^Bail out! hyptap\.fetch=tcp:10\.0\.2\.100:1234: reply has no newline' &&
	! has '^1\.\.'
check "hyptap.fetch, a reply that is not a bootargs line: Bail out! before any plan"

rc=0
ci/qemu-run --timeout 30 -- hyptap.net=dhcp >"$tmp/out" 2>"$tmp/err" || rc=$?
((rc == 1)) && has '^Bail out! no virtio-net device: none of the DTB.s 32 virtio,mmio transports holds device ID 1'
check "hyptap.net without a network device: Bail out! saying what QEMU needs"

# QEMU's default virtio-mmio is legacy (Version 1): refused with the option that fixes it.
rc=0
timeout 30 qemu-system-aarch64 -M virt,virtualization=on -cpu max -m 512M -nographic \
	-kernel build/hyptap.img -append hyptap.net=dhcp -netdev user,id=n0,restrict=on \
	-device virtio-net-device,netdev=n0 </dev/null 2>"$tmp/err" | tr -d '\r' >"$tmp/out" || rc=$?
((rc == 0)) && has '^Bail out! virtio-net: the device is a legacy virtio-mmio one \(Version 1\); .*-global virtio-mmio\.force-legacy=false'
check "a legacy virtio-mmio device: Bail out! naming -global virtio-mmio.force-legacy=false"

# 4 PEs: the report sink runs on whichever PE holds the print lock (the "# cpu N" comments say
# which ran each point). The areas whose verdicts do not depend on the host's load (the timer and
# cross-PE families can differ at -smp 4 on a loaded host), gated by max-smp4 as a filtered run.
net -- --smp 4 -- hyptap.net=dhcp hyptap.report=$ep 'hyptap.only=trap.*,stage2.*,el2.*,guest.*'
((rc == 0 && crc == 0)) && complete "$tmp/out" && [ "$(results "$tmp/out")" = "$(results "$tmp/tcp")" ] &&
	grep -q '^# cpu [1-3]$' "$tmp/tcp" &&
	ci/tap-gate --filtered --baseline results/qemu-7.2/max-smp4.expect \
		--skips results/qemu-7.2/max-smp4.skip <"$tmp/tcp" >"$tmp/gate" 2>&1
check "7.2 max, 4 PEs over TCP: the gate of results/qemu-7.2/max-smp4, the UART's verdicts the same"
