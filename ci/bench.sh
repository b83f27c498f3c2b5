#!/usr/bin/env bash
# ci/bench.sh — make bench: time the whole suite on one platform, N runs, medians as markdown.
#
#   ci/bench.sh [-n RUNS] [--qemu 7.2|10.0] [--cpu C] [--gic 2|3] [--smp N] [--icount] [-- bootargs...]
#   ci/bench.sh --scaling [-n RUNS] [--qemu 7.2|10.0] [--cpu C] [--gic 2|3] [-- bootargs...]
#   ci/bench.sh --exit-cost [--qemu 7.2|10.0] [--cpu C]
#
# --scaling: the suite but its cross-PE families (smp.*: they SKIP at -smp 1, so the work would
# differ) at -smp 1, 2 and 4 (multi-threaded TCG: one host thread per PE) on QEMU
# 7.2 and 10.0 (or the one --qemu names), N runs each, and the speed-up over -smp 1 of the
# suite's wall time (start → last line), with the work queue's cost where the image reports it
# (its "# queue: cpus=N instances=M claims=C wait_us=W claim_ns_per_instance=D" line,
# hyptap.timing; scenarios/runner.c); "n/a" where it prints none.
#
# --exit-cost: the bench.exit.* family (scenarios/bench/exit.c: the EL2 cost of one round trip
# per exit kind, from the PMU filtered to EL2) on QEMU 7.2 and 10.0 (or the one --qemu names),
# once under `ci/qemu-run --icount` (exact EL2 instruction counts: INST_RETIRED counts only with
# -icount) and once without (EL2 "cycles": QEMU's PMCCNTR is its virtual clock at 1 GHz, so
# without -icount they are host nanoseconds spent emulating EL2 code, not CPU cycles; under
# -icount shift=0 they equal the instruction count). Medians of the image's samples, min-max.
#
# Times come from `ci/qemu-run --timing` and count from QEMU's start: to the plan line (boot,
# DTB, MMU, scenario selection), to the last line (the whole suite), to QEMU's exit. TAP points
# per second are results / (last line - plan line): the scenario throughput, boot excluded.
set -euo pipefail

usage() {
	echo "usage: ci/bench.sh [-n RUNS] [--qemu 7.2|10.0] [--cpu C] [--gic 2|3] [--smp N] [--icount] [-- bootargs...]" >&2
	echo "       ci/bench.sh --scaling [-n RUNS] [--qemu 7.2|10.0] [--cpu C] [--gic 2|3] [-- bootargs...]" >&2
	echo "       ci/bench.sh --exit-cost [--qemu 7.2|10.0] [--cpu C]" >&2
	exit 2
}

top=$(cd "$(dirname "$0")/.." && pwd)
runs=5 qver='' cpu=max gic=3 smp=1 scaling=0 exit_cost=0 extra=()
while (($#)); do
	case "$1" in
	-n | --qemu | --cpu | --gic | --smp) (($# >= 2)) || { echo "bench: $1 needs a value" >&2 && usage; } ;;&
	-n) runs=$2 && shift 2 ;;
	--qemu) qver=$2 && shift 2 ;;
	--cpu) cpu=$2 && shift 2 ;;
	--gic) gic=$2 && shift 2 ;;
	--smp) smp=$2 && shift 2 ;;
	--scaling) scaling=1 && shift ;;
	--exit-cost) exit_cost=1 && shift ;;
	--icount) extra+=(--icount) && shift ;;
	--) shift && break ;;
	*) echo "bench: unknown argument '$1'" >&2 && usage ;;
	esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || usage
[[ "$smp" =~ ^[1-9][0-9]*$ ]] || usage
((!scaling)) || [ "$smp" = 1 ] || { echo "bench: --scaling chooses the PE counts itself" >&2 && usage; }
image=$top/build/hyptap.img
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# bench_runs Q N DIR: RUNS timed runs of the suite on QEMU Q at -smp N; DIR gets the timing lines
# of ci/qemu-run (timings), the image's "# time" lines (areas) and its "# queue:" lines (queue).
bench_runs() {
	local q=$1 n=$2 dir=$3 i
	mkdir -p "$dir"
	: >"$dir/timings" && : >"$dir/areas" && : >"$dir/queue"
	for ((i = 1; i <= runs; i++)); do
		# The run under perl's times(): the CPU time QEMU used (all its threads) goes with the
		# wall times, as cpu_ms=.
		if ! perl -e 'my $rc = system(@ARGV); my (undef, undef, $u, $s) = times;
			printf STDERR "bench: cpu_ms=%d\n", ($u + $s) * 1000; exit($rc ? 1 : 0)' \
			"$top/ci/qemu-run" --timing --qemu "$q" --cpu "$cpu" --gic "$gic" --smp "$n" --image "$image" "${extra[@]}" \
			-- hyptap.timing "${bootargs[@]}" >"$tmp/out" 2>"$tmp/err"; then
			echo "bench: QEMU $q -smp $n: run $i failed:" >&2
			tail -n 5 "$tmp/out" "$tmp/err" >&2
			exit 1
		fi
		echo "$(grep '^qemu-run: .* plan_ms=' "$tmp/err") $(sed -n 's/^bench: \(cpu_ms=[0-9]*\)$/\1/p' "$tmp/err")" >>"$dir/timings"
		grep '^# time' "$tmp/out" >>"$dir/areas" || { echo "bench: run $i printed no '# time' lines" >&2 && exit 1; }
		grep '^# queue:' "$tmp/out" >>"$dir/queue" || true # only an SMP image prints it
		echo "bench: run $i/$runs: $(tail -n 1 "$dir/timings" | sed 's/^qemu-run: //')" >&2
	done
}

# qemu_version Q: "QEMU emulator version X.Y.Z" of QEMU Q.
qemu_version() {
	sed -n 's/^ *\(QEMU emulator version [^ ]*\).*/\1/p' <(
		if [ "$1" = 10.0 ]; then
			"${HYPTAP_CACHE:-$HOME/.cache/hyptap}/qemu-10/root/usr/bin/qemu-system-aarch64" --version
		else
			qemu-system-aarch64 --version
		fi)
}
host_cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
bootargs=("$@")

if ((exit_cost)); then
	qemus=(7.2 10.0)
	[ -z "$qver" ] || qemus=("$qver")
	for q in "${qemus[@]}"; do
		for mode in icount plain; do
			flag=()
			[ "$mode" = plain ] || flag=(--icount)
			if ! "$top/ci/qemu-run" --qemu "$q" --cpu "$cpu" --image "$image" "${flag[@]}" \
				-- hyptap.only='bench.exit.*' >"$tmp/exit-$q-$mode" 2>"$tmp/err"; then
				echo "bench: bench.exit.* on QEMU $q ($mode) failed:" >&2
				tail -n 5 "$tmp/exit-$q-$mode" "$tmp/err" >&2
				exit 1
			fi
		done
	done
	perl - "$tmp" "$cpu" "$host_cpu" "${qemus[@]}" <<'PERL'
use strict;
use warnings;
my ($dir, $cpu, $host_cpu, @qemus) = @ARGV;
my (%v, @kinds, %seen); # $v{kind}{"q mode"} = [median, min, max] of insns or cycles
for my $q (@qemus) {
	for my $mode (qw(icount plain)) {
		open my $fh, '<', "$dir/exit-$q-$mode" or die "bench: $dir/exit-$q-$mode: $!\n";
		while (<$fh>) {
			my ($kind, $rest) = /^# bench\.exit\.(\S+): (.*)$/ or next;
			push @kinds, $kind unless $seen{$kind}++;
			my $what = $mode eq 'icount' ? 'el2_insns' : 'cycles';
			$v{$kind}{"$q $mode"} = [$1, $2, $3] if $rest =~ /\b$what=(\d+) \(min (\d+), max (\d+)\)/;
		}
	}
}
sub cell {
	my ($k, $key) = @_;
	my $c = $v{$k}{$key} or return "skip";
	return $c->[1] == $c->[2] ? "$c->[0]" : "$c->[0] ($c->[1]–$c->[2])";
}
print "| exit kind | " . join(" | ", map { "EL2 insns, QEMU $_ -icount" } @qemus) . " | "
	. join(" | ", map { "EL2 \"cycles\" (host ns), QEMU $_" } @qemus) . " |\n";
print "| --- |" . " ---: |" x (2 * @qemus) . "\n";
for my $k (@kinds) {
	print "| $k | " . join(" | ", (map { cell($k, "$_ icount") } @qemus), (map { cell($k, "$_ plain") } @qemus)) . " |\n";
}
print "\nbench.exit.* on -cpu $cpu: medians of the image's 200 samples per kind (min–max where they "
	. "differ), TCG; host: $host_cpu. Instructions: INST_RETIRED filtered to EL2 under -icount "
	. "shift=0 (exact, the same on every run). \"Cycles\" without -icount: QEMU's PMCCNTR_EL0 is its "
	. "virtual clock at 1 GHz, i.e. host nanoseconds spent emulating EL2 code; they vary from run to run.\n";
PERL
	exit 0
fi

if ((scaling)); then
	qemus=(7.2 10.0)
	[ -z "$qver" ] || qemus=("$qver")
	# Speed-ups on a shared host mean little when other work competes for its cores: the
	# 1-minute load average before and after goes with the table.
	load_before=$(cut -d' ' -f1 /proc/loadavg)
	# The same work at every count: the cross-PE families (smp.*) SKIP at -smp 1 and run alone
	# (the other PEs parked) above it, so they are left out of the comparison.
	bootargs=(hyptap.skip='smp.*' "${bootargs[@]}")
	for q in "${qemus[@]}"; do
		for n in 1 2 4; do bench_runs "$q" "$n" "$tmp/$q-$n"; done
	done
	load="$load_before before, $(cut -d' ' -f1 /proc/loadavg) after"
	perl - "$tmp" "$runs" "$cpu" "$gic" "$host_cpu" "$(nproc)" "${bootargs[*]}" "$load" "${qemus[@]}" <<'PERL'
use strict;
use warnings;
my ($dir, $runs, $cpu, $gic, $host_cpu, $cores, $bootargs, $load, @qemus) = @ARGV;
sub median {
	my @s = sort { $a <=> $b } @_;
	return undef unless @s;
	return @s % 2 ? $s[$#s / 2] : ($s[@s / 2 - 1] + $s[@s / 2]) / 2;
}
# fields(FILE): field -> [ values over the lines (runs) of FILE ]
sub fields {
	my ($file) = @_;
	my %v;
	open my $fh, '<', $file or die "bench: $file: $!\n";
	while (<$fh>) {
		push @{ $v{$1} }, $2 while /(\w+)=(\d+(?:\.\d+)?)\b/g;
	}
	return \%v;
}
print "| QEMU | CPU | -smp | runs | results | start → last line | speed-up | plan → last line | speed-up | TAP points/s | QEMU CPU time | bound on $cores free cores | queue: wait | queue: claim per instance |\n";
print "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
for my $q (@qemus) {
	my ($base_last, $base_suite, $base_cpu);
	for my $n (1, 2, 4) {
		my $t = fields("$dir/$q-$n/timings");
		my $qu = fields("$dir/$q-$n/queue");
		my ($plan, $last, $results, $cpu_ms) = map { median(@{ $t->{$_} }) } qw(plan_ms last_ms results cpu_ms);
		my $suite = $last - $plan;
		($base_last, $base_suite, $base_cpu) = ($last, $suite, $cpu_ms) if $n == 1;
		# The best the run could do with the host's cores to itself: its CPU time spread over
		# min(N, cores) of them, against the 1-PE run's CPU time.
		my $par = $n < $cores ? $n : $cores;
		my $bound = $base_cpu / ($cpu_ms / $par || 1);
		my $wait = median(@{ $qu->{wait_us} // [] });
		my $claim = median(@{ $qu->{claim_ns_per_instance} // [] });
		printf "| %s | %s%s | %d | %d | %d | %d ms | %.2fx | %d ms | %.2fx | %.0f | %d ms | %.2fx | %s | %s |\n", $q, $cpu,
			$gic == 2 ? " (GICv2)" : "", $n, $runs, $results, $last, $base_last / ($last || 1), $suite,
			$base_suite / ($suite || 1), $results / ($suite || 1) * 1000, $cpu_ms, $bound,
			defined $wait ? sprintf("%.1f ms", $wait / 1000) : "n/a",
			defined $claim ? sprintf("%.1f us", $claim / 1000) : "n/a";
	}
}
print "\nMedians of $runs runs; speed-up = the -smp 1 time / this one; QEMU CPU time = user + system"
	. " time of all its threads; bound = the -smp 1 CPU time / (this CPU time / min(N, $cores)), the speed-up"
	. " free cores would allow; TCG is multi-threaded (one host "
	. "thread per PE) on a $cores-core host: $host_cpu, load average $load" . ($bootargs ne "" ? "; bootargs: `$bootargs`" : "")
	. ". Queue: the image's own \"# queue:\" line (hyptap.timing): wait = the time PEs waited for the"
	. " in-order window, claim = the lock and bookkeeping of taking an instance; n/a where it prints none.\n";
PERL
	exit 0
fi

qver=${qver:-7.2}
bench_runs "$qver" "$smp" "$tmp/runs"
qemu_version=$(qemu_version "$qver")

perl - "$tmp/runs/timings" "$runs" "$qver" "$cpu" "$gic" "$(stat -c %s "$image")" "$qemu_version" "$host_cpu" "$*" "$smp" <<'PERL'
use strict;
use warnings;
my ($file, $runs, $qver, $cpu, $gic, $size, $qemu_version, $host_cpu, $bootargs, $smp) = @ARGV;
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
	$qver, $cpu . ($smp > 1 ? " -smp $smp" : ""), $gic == 2 ? " (GICv2)" : "", $runs, $plan, $last, $total, $results, $rate, $size / 1024;
print "\nMedians of $runs runs; points/s = results / (last line - plan line). $qemu_version, TCG, "
	. "host: $host_cpu" . ($bootargs ne "" ? ", bootargs: `$bootargs`" : "") . ".\n";
PERL

perl - "$tmp/runs/areas" "$runs" <<'PERL'
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
