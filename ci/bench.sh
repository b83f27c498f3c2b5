#!/usr/bin/env bash
# ci/bench.sh — make bench: time the whole suite on one platform, N runs, medians as markdown.
#
#   ci/bench.sh [-n RUNS] [--qemu 7.2|10.0] [--cpu C] [--gic 2|3] [--icount] [-- bootargs...]
#
# Times come from `ci/qemu-run --timing` and count from QEMU's start: to the plan line (boot,
# DTB, MMU, scenario selection), to the last line (the whole suite), to QEMU's exit. TAP points
# per second are results / (last line - plan line): the scenario throughput, boot excluded.
set -euo pipefail

usage() {
	echo "usage: ci/bench.sh [-n RUNS] [--qemu 7.2|10.0] [--cpu C] [--gic 2|3] [--icount] [-- bootargs...]" >&2
	exit 2
}

top=$(cd "$(dirname "$0")/.." && pwd)
runs=5 qver=7.2 cpu=max gic=3 extra=()
while (($#)); do
	case "$1" in
	-n | --qemu | --cpu | --gic) (($# >= 2)) || { echo "bench: $1 needs a value" >&2 && usage; } ;;&
	-n) runs=$2 && shift 2 ;;
	--qemu) qver=$2 && shift 2 ;;
	--cpu) cpu=$2 && shift 2 ;;
	--gic) gic=$2 && shift 2 ;;
	--icount) extra+=(--icount) && shift ;;
	--) shift && break ;;
	*) echo "bench: unknown argument '$1'" >&2 && usage ;;
	esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || usage
image=$top/build/hyptap.img

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for ((i = 1; i <= runs; i++)); do
	if ! "$top/ci/qemu-run" --timing --qemu "$qver" --cpu "$cpu" --gic "$gic" --image "$image" "${extra[@]}" -- hyptap.timing "$@" \
		>"$tmp/out" 2>"$tmp/err"; then
		echo "bench: run $i failed:" >&2
		tail -n 5 "$tmp/out" "$tmp/err" >&2
		exit 1
	fi
	grep '^qemu-run: .* plan_ms=' "$tmp/err" >>"$tmp/timings"
	grep '^# time' "$tmp/out" >>"$tmp/areas" || { echo "bench: run $i printed no '# time' lines" >&2 && exit 1; }
	echo "bench: run $i/$runs: $(tail -n 1 "$tmp/timings" | sed 's/^qemu-run: //')" >&2
done

qemu_version=$(sed -n 's/^ *\(QEMU emulator version [^ ]*\).*/\1/p' <(
	if [ "$qver" = 10.0 ]; then
		"${HYPTAP_CACHE:-$HOME/.cache/hyptap}/qemu-10/root/usr/bin/qemu-system-aarch64" --version
	else
		qemu-system-aarch64 --version
	fi))
host_cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)

perl - "$tmp/timings" "$runs" "$qver" "$cpu" "$gic" "$(stat -c %s "$image")" "$qemu_version" "$host_cpu" "$*" <<'PERL'
use strict;
use warnings;
my ($file, $runs, $qver, $cpu, $gic, $size, $qemu_version, $host_cpu, $bootargs) = @ARGV;
my %v;	# field -> values over the runs
open my $fh, '<', $file or die "bench: $file: $!\n";
while (<$fh>) {
	push @{ $v{$1} }, $2 while /(\w+)=(\d+)/g;
}
sub median {
	my @s = sort { $a <=> $b } @{ $v{ $_[0] } };
	return @s % 2 ? $s[$#s / 2] : ($s[@s / 2 - 1] + $s[@s / 2]) / 2;
}
my %seen = map { $_ => 1 } @{ $v{results} };
warn "bench: the result count differs between runs: @{ $v{results} }\n" if keys %seen > 1;
my ($plan, $last, $total, $results) = map { median($_) } qw(plan_ms last_ms total_ms results);
my $rate = $results / (($last - $plan) || 1) * 1000;
print "| QEMU | CPU | runs | start → plan line | start → last line | start → exit | results | TAP points/s | image |\n";
print "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
printf "| %s | %s%s | %d | %d ms | %d ms | %d ms | %d | %.0f | %.1f KiB |\n",
	$qver, $cpu, $gic == 2 ? " (GICv2)" : "", $runs, $plan, $last, $total, $results, $rate, $size / 1024;
print "\nMedians of $runs runs; points/s = results / (last line - plan line). $qemu_version, TCG, "
	. "host: $host_cpu" . ($bootargs ne "" ? ", bootargs: `$bootargs`" : "") . ".\n";
PERL

perl - "$tmp/areas" "$runs" <<'PERL'
use strict;
use warnings;
my ($file, $runs) = @ARGV;
my (%v, @order, %seen);	# "kind name" -> field -> values over the runs
open my $fh, '<', $file or die "bench: $file: $!\n";
while (<$fh>) {
	my ($kind, $name, $rest) = /^# (time|time-area) (\S+) (.*)$/ or next;
	my $k = "$kind $name";
	push @order, $k unless $seen{$k}++;
	push @{ $v{$k}{$1} }, $2 while $rest =~ /(\w+)=(\d+)/g;
}
sub med {
	my @s = sort { $a <=> $b } @{ $_[0] };
	return @s % 2 ? $s[$#s / 2] : ($s[@s / 2 - 1] + $s[@s / 2]) / 2;
}
sub row {
	my ($k) = @_;
	my %m = map { $_ => med($v{$k}{$_}) } keys %{ $v{$k} };
	my ($name) = $k =~ / (\S+)$/;
	my $per_s = $m{total_us} ? $m{instances} / $m{total_us} * 1e6 : 0;
	my $mean = $m{executed} ? sprintf("%.2f", $m{exec_us} / $m{executed} / 1000) : "-";
	my $median = $m{executed} ? sprintf("%.2f", $m{median_us} / 1000) : "-";
	printf "| %s | %d | %d | %.1f | %.0f | %s | %s |\n", $name, $m{instances}, $m{executed},
		$m{total_us} / 1000, $per_s, $mean, $median;
}
my $head = "| instances | executed | ms | instances/s | ms per executed instance | median ms per executed instance |\n"
	. "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n";
print "\nPer area (the image's own clock, hyptap.timing; medians of $runs runs):\n\n| area $head";
row($_) for grep { /^time-area / } @order;
print "\nPer scenario of the stage2, el2, virq and timer areas:\n\n| scenario $head";
row($_) for grep { /^time (?:stage2|el2|virq|timer)\./ } @order;
PERL
