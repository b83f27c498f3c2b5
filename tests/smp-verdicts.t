#!/usr/bin/perl
# tests/smp-verdicts.t — a verdict does not depend on the number of PEs (issue 10): the same
# image, booted on QEMU 7.2 and 10.0 -cpu max at -smp 1, 2 and 4, gives every instance the same
# verdict (ok / not ok / skip / todo) in the three runs. Which PE ran an instance ("# cpu N")
# and what ran beside it must not show.
#
# Two differences are allowed, and only these (Hyptap::Verdicts):
#   - a cross-PE instance (smp.*, a family with .pes >= 2) SKIPs on fewer PEs than it needs,
#     with a reason naming the online count;
#   - an emulator deviation that QEMU has at one PE count only (its parallel TCG mode, used for
#     any -smp above 1, differs from the serial one), as the committed baselines record it:
#     results/qemu-<V>/max.expect for -smp 1, results/qemu-<V>/max-smp4.expect for -smp 2 and 4.
# Every other difference fails its point, with the id and its three verdicts.
#
# One point per complete run, one per pair of PE counts (1-2, 1-4, 2-4) per QEMU. The six runs
# start at once (each is one full suite); controls first check that the comparison fails on
# made-up differences. HYPTAP_SMP_VERDICTS_QEMU="7.2" limits the QEMU versions.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../ci/lib";
use File::Temp qw(tempdir);
use Time::HiRes qw(time);
use Test::More;
use Hyptap::Baseline qw(read_baseline);
use Hyptap::Verdicts qw(read_verdicts pe_count_differences);

chdir "$FindBin::Bin/.." or die "tests/smp-verdicts.t: $!\n";
my $tmp = tempdir(CLEANUP => 1);
my @qemus = split ' ', ($ENV{HYPTAP_SMP_VERDICTS_QEMU} // '7.2 10.0');
my @counts = (1, 2, 4);
my @pairs = ([1, 2], [1, 4], [2, 4]);

# --- controls: the comparison on made-up streams ---------------------------------------------------
sub stream {
	my ($name, @results) = @_;
	open my $fh, '>', "$tmp/$name" or die "$tmp/$name: $!\n";
	print $fh "TAP version 13\n1.." . @results . "\n";
	my $n = 0;
	for (@results) {	# "!id" is a "not ok"
		my $not = s/^!// ? 'not ' : '';
		print $fh "${not}ok " . ++$n . " - $_\n# cpu " . ($n % 2) . "\n";
	}
	close $fh;
	return read_verdicts("$tmp/$name");
}
sub unexplained { grep { !defined $_->{why} } pe_count_differences(@_) }
{
	my $one = stream('c1', 'a.x', 'smp.tlbi[is] # SKIP needs 2 PEs at once, 1 online and selected', 'b.y # SKIP needs FEAT_Y');
	my $two = stream('c2', 'a.x', 'smp.tlbi[is]', 'b.y # SKIP needs FEAT_Y');
	is(scalar unexplained($one, $two, a => 1, b => 2), 0,
		"control: a cross-PE instance that skips at 1 PE with '1 online' and runs at 2 is allowed");
	my $bad = stream('c3', 'a.x # SKIP no', 'smp.tlbi[is] # SKIP needs 2 PEs', 'b.y');
	is_deeply([ map { $_->{id} } unexplained($one, $bad, a => 1, b => 2) ], [ 'a.x', 'b.y' ],
		"control: another SKIP, a SKIP that vanished, are differences");
	is_deeply([ map { $_->{id} } unexplained($bad, $two, a => 1, b => 2) ], [ 'a.x', 'smp.tlbi[is]', 'b.y' ],
		"control: a cross-PE SKIP whose reason does not name the online count is a difference");
	my $fail = stream('c4', '!a.x', 'smp.tlbi[is]', 'b.y # SKIP needs FEAT_Y');
	is_deeply([ map { $_->{id} } unexplained($two, $fail, a => 2, b => 4) ], ['a.x'],
		"control: ok at 2 PEs, not ok at 4 is a difference without a baseline that says so");
	is(scalar unexplained($two, $fail, a => 2, b => 4, baseline_a => {}, baseline_b => { 'a.x' => 'why' }), 0,
		"control: ... and allowed when only the 4-PE run's baseline lists it");
	is(scalar unexplained($two, $fail, a => 2, b => 4, baseline_a => { 'a.x' => 'why' }, baseline_b => { 'a.x' => 'why' }), 1,
		"control: ... but not when both baselines list it (then both runs must fail)");
	my $short = stream('c5', 'a.x', 'smp.tlbi[is]');
	is_deeply([ map { "$_->{id} $_->{b}" } unexplained($two, $short, a => 2, b => 4) ], ['b.y absent'],
		"control: an instance missing from one run is a difference");
}

# --- the runs ---------------------------------------------------------------------------------------
if (!-f 'build/hyptap.img') {
	plan skip_all => 'no build/hyptap.img (run make)';
}
my %pid;	# "Q N" -> pid
my $t0 = time;
for my $q (@qemus) {
	for my $n (@counts) {
		my $out = "$tmp/$q-$n";
		my $pid = fork // die "tests/smp-verdicts.t: fork: $!\n";
		if (!$pid) {
			open STDOUT, '>', "$out.tap" or die "$out.tap: $!\n";
			open STDERR, '>', "$out.err" or die "$out.err: $!\n";
			open STDIN, '<', '/dev/null' or die "/dev/null: $!\n";
			# Six suites share the host's cores (and make check's other jobs): a generous limit.
			exec 'ci/qemu-run', '--qemu', $q, '--cpu', 'max', '--smp', $n, '--timeout', 400 or die "ci/qemu-run: $!\n";
		}
		$pid{"$q $n"} = $pid;
	}
}
my %status;
for my $k (keys %pid) {
	waitpid($pid{$k}, 0);
	$status{$k} = $? >> 8;
}
note(sprintf "%d runs in %.1f s wall", scalar keys %pid, time - $t0);

for my $q (@qemus) {
	my %run;
	for my $n (@counts) {
		my $r = $run{$n} = read_verdicts("$tmp/$q-$n.tap");
		my $ok = ok($status{"$q $n"} == 0 && !@{ $r->{dup} }, "QEMU $q max -smp $n: a complete stream ($r->{results} results)");
		if (!$ok) {
			diag("ci/qemu-run exit status " . $status{"$q $n"} . "; ids twice: @{ $r->{dup} }[0 .. ($#{ $r->{dup} } < 4 ? $#{ $r->{dup} } : 4)]");
			diag(`tail -n 3 '$tmp/$q-$n.tap' '$tmp/$q-$n.err'`);
		}
	}
	my %bl = map { $_ => baseline($q, $_) } @counts;
	for my $p (@pairs) {
		my ($lo, $hi) = @$p;
		my @d = pe_count_differences($run{$lo}, $run{$hi}, a => $lo, b => $hi, baseline_a => $bl{$lo}, baseline_b => $bl{$hi});
		my @bad = grep { !defined $_->{why} } @d;
		my $allowed = @d - @bad;
		ok(!@bad, "QEMU $q max: -smp $lo and -smp $hi give every instance the same verdict, but for allowed differences"
			. " (" . @{ $run{$lo}{order} } . " ids, $allowed allowed)") or do {
			my @show = @bad[0 .. ($#bad < 29 ? $#bad : 29)];
			for my $x (@show) {
				diag("$x->{id}: " . join(', ', map { "-smp $_ " . verdict($run{$_}, $x->{id}) } @counts));
			}
			diag("... and " . (@bad - @show) . " more") if @bad > @show;
		};
		my %kinds;
		$kinds{ $_->{why} =~ /^needs more PEs/ ? "cross-PE instances that skip at -smp $lo" : "emulator deviations of one PE count (baselines)" }++
			for grep { defined $_->{why} } @d;
		note("-smp $lo/$hi: allowed: $kinds{$_} $_") for sort keys %kinds;
		note("-smp $lo/$hi: allowed: $_->{id}: $_->{a} / $_->{b}") for grep { defined $_->{why} } @d;
	}
}
done_testing();

# verdict(RUN, ID): ID's verdict in RUN, with a SKIP's reason.
sub verdict {
	my ($r, $id) = @_;
	my $v = $r->{verdict}{$id} // return 'absent';
	return $v eq 'skip' ? "skip ($r->{reason}{$id})" : $v;
}

# baseline(Q, N): the reasons of the baseline that gates QEMU Q -cpu max at -smp N in make check;
# -smp 2 has no platform of its own and takes -smp 4's (QEMU's parallel TCG is the same mode for
# every count above 1).
sub baseline {
	my ($q, $n) = @_;
	my $file = "results/qemu-$q/max" . ($n > 1 ? '-smp4' : '') . '.expect';
	my $b = read_baseline($file);
	die "tests/smp-verdicts.t: $file: no such baseline\n" unless $b->{exists};
	die map { "tests/smp-verdicts.t: $_\n" } @{ $b->{errors} } if @{ $b->{errors} };
	return $b->{reason};
}
