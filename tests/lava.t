#!/usr/bin/perl
# tests/lava.t — the LAVA job of ci/lava/ runs for real and LAVA records one test case per TAP
# point (issue 11 item 6). lava-run (Debian's lava-dispatcher) runs ci/lava/qemu-job.yaml on
# the device dictionary ci/lava/qemu-hyptap.yaml, pointed at build/hyptap.img and the local
# QEMU 7.2, with no lava-server and no network. Then LAVA's recorded results (the "results"
# lines of lava-run's log, ci/lava/log-results) are compared with the TAP stream of the same
# boot, which QEMU itself writes to a file (a logfile on the UART's chardev, so that the stream
# does not come through LAVA): one result per point, each id once, the right result for each
# verdict (Hyptap::Lava), the same pass/fail/skip counts, and the deviations of the platform's
# baseline (results/qemu-7.2/max.expect) recorded as fail.
#
# Controls first: the comparison must catch a dropped, merged, repeated or wrong result in an
# edited copy of LAVA's results; LAVA's monitor, fed a made-up stream with every directive
# (a "QEMU" that is cat), must record what the oracle says. The whole suite runs: LAVA keeps up
# (the numbers are printed as notes).
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../ci/lib";
use File::Temp qw(tempdir);
use Time::HiRes qw(time);
use Test::More;
use Hyptap::Baseline qw(read_baseline);
use Hyptap::Verdicts qw(read_verdicts);
use Hyptap::Listing qw(read_listing);
use Hyptap::Lava qw(lava_case lava_result read_lava_results lava_differences case_collisions lava_counts);

chdir "$FindBin::Bin/.." or die "tests/lava.t: $!\n";
my $top = do { require Cwd; Cwd::getcwd() };
my $tmp = tempdir(CLEANUP => 1);
my $platform = 'qemu-7.2/max';	# the platform the job boots (ci/lava/qemu-hyptap.yaml)

sub slurp { my ($f) = @_; open my $fh, '<', $f or die "$f: $!\n"; local $/; return scalar <$fh> }
sub spew { my ($f, $s) = @_; open my $fh, '>', $f or die "$f: $!\n"; print $fh $s; close $fh or die "$f: $!\n" }
# edit(TEXT, FROM, TO): TEXT with the one occurrence of FROM replaced; dies unless there is one.
sub edit {
	my ($text, $from, $to) = @_;
	my $n = () = $text =~ /\Q$from\E/g;
	die "tests/lava.t: expected one '$from' in a ci/lava file, found $n\n" unless $n == 1;
	$text =~ s/\Q$from\E/$to/;
	return $text;
}
sub write_results {	# a results file in ci/lava/log-results's format
	my ($name, @r) = @_;
	spew("$tmp/$name", join '', map { "hyptap\t$_->{case}\t$_->{result}\t$_->{id}\n" } @r);
	return read_lava_results("$tmp/$name");
}
sub show { my @d = @_; diag($_) for @d[0 .. ($#d < 19 ? $#d : 19)]; diag("... and " . (@d - 20) . " more") if @d > 20 }

# --- controls: the comparison on made-up results ---------------------------------------------------
spew("$tmp/c.tap", "TAP version 13\n1..3\nok 1 - a.x[k=1,v]\nnot ok 2 - a.y\nok 3 - a.z # SKIP needs FEAT_Z\n");
my $cv = read_verdicts("$tmp/c.tap");
my @good = ({ case => 'a_x_k_1_v_', result => 'pass', id => 'a.x[k=1,v]' },
	{ case => 'a_y', result => 'fail', id => 'a.y' }, { case => 'a_z', result => 'skip', id => 'a.z' });
is_deeply([ lava_differences($cv, write_results('c-good', @good)) ], [], 'control: one right result per point is no difference');
is_deeply([ lava_differences($cv, write_results('c-drop', @good[0, 2])) ], ['a.y: a point of the stream that LAVA did not record'],
	'control: a dropped point is a difference');
is_deeply([ lava_differences($cv, write_results('c-merge', { case => 'a_x_k_1_v_ok_2_a_y', result => 'pass', id => 'a.x[k=1,v] ok 2 - a.y' }, $good[2])) ],
	[ 'a.x[k=1,v] ok 2 - a.y: recorded by LAVA (case a_x_k_1_v_ok_2_a_y), not a point of the stream',
	  'a.x[k=1,v]: a point of the stream that LAVA did not record', 'a.y: a point of the stream that LAVA did not record' ],
	'control: two points merged into one result are differences');
is_deeply([ lava_differences($cv, write_results('c-twice', @good, $good[1])) ], ['a.y: recorded 2 times'],
	'control: a point recorded twice is a difference');
is_deeply([ lava_differences($cv, write_results('c-flip', $good[0], { %{ $good[1] }, result => 'pass' }, { %{ $good[2] }, result => 'pass' })) ],
	[ 'a.y: LAVA result pass, the stream says not ok (fail)', 'a.z: LAVA result pass, the stream says skip (skip)' ],
	'control: a wrong result (fail or SKIP as pass) is a difference');
is_deeply([ lava_differences($cv, write_results('c-case', { %{ $good[0] }, case => 'a_x' }, @good[1, 2])) ],
	["a.x[k=1,v]: LAVA case 'a_x', expected 'a_x_k_1_v_'"], 'control: a case name that is not LAVA\'s for the id is a difference');
is_deeply([ case_collisions([ 'a[x,y]', 'a[x.y]', 'A[x=y]', 'b' ]) ], ['a_x_y_: A[x=y] a[x,y] a[x.y]'],
	'control: ids that LAVA names alike are found');

# --- the files of ci/lava/ -----------------------------------------------------------------------------
my @jobs = ('ci/lava/qemu-job.yaml', 'ci/lava/rpi4-job.yaml');
my $schema = `ci/lava/check-schema --job $jobs[0] --job $jobs[1] --device ci/lava/qemu-hyptap.yaml --device ci/lava/rpi4-01.yaml 2>&1`;
ok($? == 0, 'both jobs and both device dictionaries pass LAVA\'s own schemas (lava_common.schemas)') or diag($schema);
my @monitor = map { (slurp($_) =~ /^(    monitors:\n.*)\z/ms)[0] // '' } @jobs;
ok($monitor[0] ne '' && $monitor[0] eq $monitor[1], 'the QEMU job and the board job end in the same TAP monitor');

# --- LAVA itself ---------------------------------------------------------------------------------------
if (!-x '/usr/bin/lava-run') {
	fail('lava-run is installed (lava-dispatcher, make deps)');
	done_testing();
	exit;
}
for my $why ($> != 0 ? 'lava-run runs as root only' : (), !-f 'build/hyptap.img' ? 'no build/hyptap.img (run make)' : ()) {
	SKIP: { skip "LAVA's runs: $why", 1 }
	done_testing();
	exit;
}
my ($qemu) = grep { -x } map { "$_/qemu-system-aarch64" } split /:/, $ENV{PATH};	# ci/qemu-run's QEMU 7.2
$qemu // BAIL_OUT('no qemu-system-aarch64 in PATH (make deps)');
spew("$tmp/dispatcher.yaml", "# no network: the worker's address for LAVA's substitutions\ndispatcher_ip: 127.0.0.1\nprefix: hyptap-lava-t-$$-\n");

# lava_run(NAME, DEVICE_TEXT, JOB_TEXT): lava-run on them; the log in $tmp/NAME.log, LAVA's
# results of the "hyptap" suite as read_lava_results, the job's and the monitor's LAVA results
# and the wall time.
sub lava_run {
	my ($name, $device, $job) = @_;
	spew("$tmp/$name-device.yaml", $device);
	spew("$tmp/$name-job.yaml", $job);
	my $t0 = time;
	# LAVA's own timeouts end a stuck job (the monitor's: 5 minutes); timeout(1) is the backstop.
	system("timeout --kill-after=10 600 lava-run --job-id $name --output-dir '$tmp/$name-out' --device '$tmp/$name-device.yaml'"
		. " --dispatcher '$tmp/dispatcher.yaml' '$tmp/$name-job.yaml' >'$tmp/$name.log' 2>&1 </dev/null");
	my %r = (status => $? >> 8, wall => time - $t0, log => "$tmp/$name.log");
	system("ci/lava/log-results --definition hyptap '$tmp/$name.log' >'$tmp/$name.results'") == 0
		or die "tests/lava.t: ci/lava/log-results failed on $tmp/$name.log\n";
	$r{results} = read_lava_results("$tmp/$name.results");
	system("ci/lava/log-results --definition lava '$tmp/$name.log' >'$tmp/$name.lava'") == 0 or die;
	for (@{ read_lava_results("$tmp/$name.lava") }) {
		$r{job} = $_->{result} if $_->{case} eq 'job';
		$r{monitor} = $_->{result} if $_->{case} eq 'lava-test-monitor';
	}
	($r{monitor_s}) = slurp("$tmp/$name.log") =~ /"case": "lava-test-monitor", "definition": "lava", "duration": "([\d.]+)"/;
	return \%r;
}
sub lava_ok {	# the job ran through and the monitor found its end string
	my ($r, $what) = @_;
	ok($r->{status} == 0 && ($r->{job} // '') eq 'pass' && ($r->{monitor} // '') eq 'pass',
		"$what: lava-run passes the job, the monitor saw the end of the stream") or do {
		diag("lava-run exit status $r->{status}, job " . ($r->{job} // 'none') . ", monitor " . ($r->{monitor} // 'none'));
		diag(`grep -v '"lvl": "target"' '$r->{log}' | tail -n 5`);
	};
}

my $device_text = slurp('ci/lava/qemu-hyptap.yaml');
my $job_text = slurp('ci/lava/qemu-job.yaml');

# LAVA's monitor on a made-up stream: the device's "QEMU" is cat, its "image" the stream.
my $made_up = <<'EOF';
TAP version 13
# hyptap 0.1 (made up by tests/lava.t: every directive, ids with LAVA-hostile characters)
1..9
ok 1 - c.pass
not ok 2 - c.fail[x=1,y=2]
  ---
  got: "ok 3 - a line of a YAML block is not a point"
  ...
ok 3 - c.skip[FEAT_X] # SKIP needs FEAT_X
not ok 4 - c.todo[fail] # TODO known to fail
ok 5 - c.todo[pass] # TODO passes now
ok 6 - c.odd[<a>,b.c@d+e=f]
# ok 99 - a comment is not a point
ok 7 - el2.ctrl[hcr][fien,FEAT_RASv1p1]
not ok 8 - c.fail[mmuoff-a1-ldr-x+1]
ok 9 - c.last # SKIP
# summary: pass=3 fail=2 skip=2 todo=2 planned=9 emitted=9 ms=0
EOF
spew("$tmp/made-up.tap", $made_up);
my $cat_device = edit($device_text, 'command: qemu-system-aarch64', 'command: /bin/cat');
$cat_device =~ s/^ +- -.*\n//mg;	# no QEMU options
$cat_device = edit($cat_device, "options:\n", "options: []\n");
my $cat_job = edit(edit($job_text, 'file:///srv/hyptap/hyptap.img', "file://$tmp/made-up.tap"),
	'image_arg: -kernel {kernel} -append "hyptap.console=uart"', "image_arg: '{kernel}'");
my $m = lava_run('lava-t-control', $cat_device, $cat_job);
lava_ok($m, 'control: a made-up stream');
my $mv = read_verdicts("$tmp/made-up.tap");
my @md = lava_differences($mv, $m->{results});
ok(!@md && @{ $m->{results} } == 9, 'control: LAVA records the made-up stream\'s 9 points, ok as pass, not ok as fail, SKIP as skip,'
	. ' TODO as unknown, each id exactly') or show(@md);
is_deeply(lava_counts($m->{results}), { pass => 3, fail => 2, skip => 2, unknown => 2 },
	'control: ... which is the made-up summary\'s pass=3 fail=2 skip=2 todo=2');

# The real run: the job's own bootargs (the whole suite), QEMU 7.2, the image of this tree.
my $device = edit($device_text, 'command: qemu-system-aarch64', "command: $qemu");
$device = edit($device, "- -serial stdio\n", "- -chardev stdio,id=uart,logfile=$tmp/uart.tap\n          - -serial chardev:uart\n");
my $job = edit($job_text, 'file:///srv/hyptap/hyptap.img', "file://$top/build/hyptap.img");
my $run = lava_run('lava-t-qemu', $device, $job);
lava_ok($run, "LAVA on $platform");
my $v = -f "$tmp/uart.tap" ? read_verdicts("$tmp/uart.tap") : { plan => undef, results => 0, order => [], verdict => {}, dup => [] };
my $results = $run->{results};
ok(defined $v->{plan} && $v->{results} == $v->{plan} && $v->{plan} > 0 && !@{ $v->{dup} },
	"the stream QEMU wrote is complete: plan " . ($v->{plan} // 'missing') . ", $v->{results} results, every id once");
my @d = lava_differences($v, $results);
ok(!@d && @$results == ($v->{plan} // -1), "LAVA recorded one result per TAP point, each id once with its verdict: "
	. @$results . " results for a plan of " . ($v->{plan} // 'none')) or show(@d);
my %tap = (pass => 0, fail => 0, skip => 0, unknown => 0);
$tap{ lava_result($v->{verdict}{$_}) }++ for @{ $v->{order} };
my $lc = lava_counts($results);
my ($summary) = (-f "$tmp/uart.tap" ? slurp("$tmp/uart.tap") : '') =~ /^# summary: (pass=\d+ fail=\d+ skip=\d+ todo=\d+)/m;
is("pass=$lc->{pass} fail=$lc->{fail} skip=$lc->{skip} todo=$lc->{unknown}", $summary // 'no summary',
	"LAVA's pass/fail/skip/unknown counts are the image's own summary line");
is_deeply($lc, \%tap, "... and the stream's result lines' counts");

# The baseline's deviations: each recorded as fail, and no other fail (ci/tap-gate's verdict on
# the same stream, seen from LAVA).
my $bl = read_baseline("results/$platform.expect");
ok($bl->{exists} && !@{ $bl->{errors} }, "results/$platform.expect reads cleanly") or diag(join "\n", @{ $bl->{errors} });
sub deviation_differences {
	my ($res, $reason) = @_;
	my %lava = map { $_->{id} => $_->{result} } @$res;
	return ((map { "$_: a baseline deviation recorded as " . ($lava{$_} // 'nothing') } grep { ($lava{$_} // '') ne 'fail' } sort keys %$reason),
		(map { "$_->{id}: fail, not in the baseline" } grep { $_->{result} eq 'fail' && !exists $reason->{ $_->{id} } } @$res));
}
my @dev = deviation_differences($results, $bl->{reason});
ok(!@dev, "every deviation of results/$platform.expect is a LAVA fail, and no other point is (" . (keys %{ $bl->{reason} }) . " deviations)") or show(@dev);

# LAVA searches only the last searchwindowsize bytes of what it has read (lava_dispatcher/
# shell.py; data before that is dropped once a later pattern matches), and a board's console is
# read spawn_maxread bytes at a time: a result line is only safe if a read plus the line fit in
# the window. With LAVA's default spawn_maxread of 4092 a fast console lost about 4% of the
# points (and the start string) when this was measured (docs/design-notes.md).
my ($window) = slurp('/usr/lib/python3/dist-packages/lava_dispatcher/shell.py') =~ /searchwindowsize=(\d+)/;
my ($longest) = sort { $b <=> $a } map { length } grep { /^(?:not )?ok / } split /\n/, (-f "$tmp/uart.tap" ? slurp("$tmp/uart.tap") : '');
for my $dev ('ci/lava/qemu-hyptap.yaml', 'ci/lava/rpi4-01.yaml') {
	my ($maxread) = slurp($dev) =~ /^\s*spawn_maxread: '?(\d+)'?$/m;
	ok(defined $window && defined $maxread && defined $longest && $maxread + $longest + 2 <= $window,
		"$dev: a console read (spawn_maxread " . ($maxread // 'unset') . ") plus the longest result line (" . ($longest // '?')
		. " bytes) fit in LAVA's search window (" . ($window // '?') . ')');
}

# Negative controls on the real results: an edited copy must fail each check it should.
SKIP: {
	skip 'no LAVA results to edit', 5 unless @$results >= 3 && !@d;
	my ($k) = grep { $results->[$_]{result} eq 'fail' } 0 .. $#$results;
	$k //= 0;
	my @r = @$results;
	my ($p, $q) = @r[$k, $k + 1];
	my $in_baseline = exists $bl->{reason}{ $p->{id} };
	my $drop = write_results('real-drop', @r[grep { $_ != $k } 0 .. $#r]);
	ok((grep { $_ eq "$p->{id}: a point of the stream that LAVA did not record" } lava_differences($v, $drop))
		&& (!$in_baseline || grep { $_ eq "$p->{id}: a baseline deviation recorded as nothing" } deviation_differences($drop, $bl->{reason})),
		"negative control: the real results with $p->{id} dropped fail the comparison");
	my $merged = "$p->{id} ok - $q->{id}";
	my $merge = write_results('real-merge', @r[0 .. $k - 1], { %$p, id => $merged, case => lava_case($merged) }, @r[$k + 2 .. $#r]);
	is_deeply([ lava_differences($v, $merge) ], [ "$merged: recorded by LAVA (case " . lava_case($merged) . "), not a point of the stream",
		"$p->{id}: a point of the stream that LAVA did not record", "$q->{id}: a point of the stream that LAVA did not record" ],
		"negative control: ... with $p->{id} and $q->{id} merged into one result");
	ok((grep { $_ eq "$q->{id}: recorded 2 times" } lava_differences($v, write_results('real-twice', @r, $q))),
		"negative control: ... with $q->{id} recorded twice");
	my $flip = write_results('real-flip', @r[0 .. $k - 1], { %$p, result => 'pass' }, @r[$k + 1 .. $#r]);
	ok((grep { /^\Q$p->{id}\E: LAVA result pass/ } lava_differences($v, $flip))
		&& (!$in_baseline || grep { $_ eq "$p->{id}: a baseline deviation recorded as pass" } deviation_differences($flip, $bl->{reason})),
		"negative control: ... with $p->{id} recorded as pass");
	my $extra = write_results('real-extra', @r, { case => 'nosuch', result => 'fail', id => 'nosuch' });
	ok((grep { /^nosuch: recorded by LAVA/ } lava_differences($v, $extra)) && (grep { /^nosuch: fail, not in the baseline/ } deviation_differences($extra, $bl->{reason})),
		'negative control: ... with a fail that is no point of the stream');
}

# The case names: LAVA's monitor names the case after the id (lower case, runs of other
# characters one "_"), which is not reversible in general; the exact id is in
# extra.test_case_id. The name still identifies the point only if no two ids of the image, over
# every row of every family (hyptap.list hyptap.exhaustive), share one.
my $list = `ci/qemu-run --console uart -- hyptap.list hyptap.exhaustive 2>&1`;
spew("$tmp/list.tap", $list);
my (undef, undef, $ids) = read_listing("$tmp/list.tap");
my @coll = case_collisions($ids);
ok(@$ids >= @{ $v->{order} } && !@coll, "LAVA's case name identifies the id: no two of the image's " . @$ids . " ids (exhaustive) share one")
	or show(@coll);

note(sprintf "LAVA on %s: %d points in %.1f s of lava-run (the monitor %s s, %.0f points/s), %.1f s for the made-up control",
	$platform, scalar @$results, $run->{wall}, $run->{monitor_s} // '?', @$results / (($run->{monitor_s} || 1e9)), $m->{wall});
done_testing();
