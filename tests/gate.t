#!/usr/bin/perl
# tests/gate.t — ci/tap-gate and the results/ file readers fed broken and changed input
# (docs/baselines.md). A well-formed stream with a matching baseline and skip list passes; every
# other case must end in a named failing point and exit status 1 — never in a pass, judged both
# by the exit status and by TAP::Parser reading the gate's output as prove would.
use strict;
use warnings;
use FindBin;
use File::Temp qw(tempdir);
use TAP::Parser;
use Test::More;

chdir "$FindBin::Bin/.." or die "tests/gate.t: $!\n";
my $tmp = tempdir(CLEANUP => 1);

# slurp(FILE) and spew(FILE, TEXT): raw bytes.
sub slurp { my ($f) = @_; open my $fh, '<:raw', $f or die "$f: $!\n"; local $/; my $t = <$fh>; return $t // '' }
sub spew { my ($f, $t) = @_; open my $fh, '>:raw', $f or die "$f: $!\n"; print $fh $t; close $fh or die "$f: $!\n" }

# The image's shape: header, plan, results (a failure with YAML, two SKIPs), summary.
my $good = <<'EOF';
TAP version 13
# hyptap 0.1 model="test" midr=0x0
1..5
ok 1 - a.x[1]
not ok 2 - a.x[2]
  ---
  rule: "the rule"
  failure: "what went wrong"
  ...
ok 3 - b.y[p][1] # SKIP needs FEAT_Y (ID_Y=0)
ok 4 - b.y[q][1] # SKIP needs FEAT_Y (ID_Y=0)
ok 5 - c.z # SKIP needs FEAT_Z (ID_Z=0)
# summary: pass=1 fail=1 skip=3 todo=0 planned=5 emitted=5 ms=3
EOF
my $expect = "# a comment\n\na.x[2]  not-ok  the rule is broken: evidence\n";

# The skip list of $good, as ci/skip-list writes it.
spew("$tmp/good.tap", $good);
system("ci/skip-list test <'$tmp/good.tap' >'$tmp/good.skip'") == 0 or die "tests/gate.t: ci/skip-list failed\n";
my $skips = slurp("$tmp/good.skip");

# gate(STREAM, %opt): ci/tap-gate on STREAM with the baseline/skip list texts of %opt (default:
# the good ones; undef: no such option) and extra arguments; returns (exit status, output).
sub gate {
	my ($stream, %opt) = @_;
	spew("$tmp/in.tap", $stream);
	my @args = ('--name', 'test');
	my $b = exists $opt{expect} ? $opt{expect} : $expect;
	spew("$tmp/b.expect", $b), push @args, '--baseline', "$tmp/b.expect" if defined $b;
	push @args, '--baseline', "$tmp/none.expect" unless defined $b;
	my $s = exists $opt{skips} ? $opt{skips} : $skips;
	spew("$tmp/s.skip", $s), push @args, '--skips', "$tmp/s.skip" if defined $s;
	push @args, @{ $opt{args} // [] };
	my $cmd = join ' ', 'ci/tap-gate', map({ "'$_'" } @args), "<'$tmp/in.tap' >'$tmp/out' 2>'$tmp/err'";
	my $rc = system($cmd) >> 8;
	return ($rc, slurp("$tmp/out"));
}

# prove_passes(OUTPUT): whether prove would accept OUTPUT (exit status aside).
sub prove_passes {
	my ($out) = @_;
	my $p = TAP::Parser->new({ tap => $out });
	my $bailed = 0;
	while (my $r = $p->next) {
		$bailed = 1 if $r->is_bailout;
	}
	return !$bailed && !$p->failed && !$p->parse_errors && $p->is_good_plan;
}

# fails(NAME, STREAM, QR, %opt): the gate fails with a "not ok" point matching QR (not a TODO).
sub fails {
	my ($name, $stream, $qr, %opt) = @_;
	my ($rc, $out) = gate($stream, %opt);
	my @points = grep { /^not ok \d+ - / && !/(?<!\\)#\s*todo\b/i } split /\n/, $out;
	my $hit = grep { /$qr/ } @points;
	my $ok = ok($rc == 1 && $hit && !prove_passes($out), $name);
	diag("exit $rc, failing points:\n" . join("\n", @points[0 .. ($#points < 9 ? $#points : 9)])) unless $ok;
	return $out;
}

# passes(NAME, STREAM, %opt): the gate passes.
sub passes {
	my ($name, $stream, %opt) = @_;
	my ($rc, $out) = gate($stream, %opt);
	ok($rc == 0 && prove_passes($out), $name) or diag("exit $rc:\n" . join("\n", grep { /^not ok/ } split /\n/, $out));
}

# edit(S, FROM => TO, ...): S with each FROM (a literal) replaced once by TO.
sub edit {
	my ($s, @pairs) = @_;
	while (my ($from, $to) = splice @pairs, 0, 2) {
		my $at = index($s, $from);
		die "tests/gate.t: '$from' not in the text\n" if $at < 0;
		substr($s, $at, length $from) = $to;
	}
	return $s;
}

# --- the controls: what must pass ------------------------------------------------------------------
passes("a well-formed stream with its baseline and skip list passes", $good);
passes("a filtered run (--filtered) of part of it passes", edit($good, "1..5" => "1..2",
	"ok 3 - b.y[p][1] # SKIP needs FEAT_Y (ID_Y=0)\nok 4 - b.y[q][1] # SKIP needs FEAT_Y (ID_Y=0)\nok 5 - c.z # SKIP needs FEAT_Z (ID_Z=0)\n" => "",
	"skip=3 todo=0 planned=5 emitted=5" => "skip=0 todo=0 planned=2 emitted=2"), args => ['--filtered']);
passes("boot noise before 'TAP version 13' is only a comment", "U-Boot 2023.01\n$good");
passes("a listing run (1..0 # SKIP) with an empty baseline passes", "TAP version 13\n# a.x[1]\n1..0 # SKIP listing only\n",
	expect => '', skips => undef);
{
	my @ids = grep { /\S/ } split /\n/, `printf 'b.y[p][1]\\nb.y[q][1]\\n' | LC_ALL=C sort -u | sha1sum`;
	my ($digest) = $ids[0] =~ /^([0-9a-f]{12})/;
	like($skips, qr/^b\.y  skip 2 ids=$digest  needs FEAT_Y \(ID_Y=0\)$/m,
		"ci/skip-list: one scope for b.y, its digest as docs/baselines.md computes it (sort | sha1sum)");
}

# --- the baseline gate -----------------------------------------------------------------------------
fails("a new failure fails", edit($good, "ok 1 - a.x[1]" => "not ok 1 - a.x[1]", "pass=1 fail=1" => "pass=0 fail=2"),
	qr/^not ok 1 - a\.x\[1\]$/);
fails("a listed deviation that passes is stale", edit($good, "not ok 2 - a.x[2]" => "ok 2 - a.x[2]", "pass=1 fail=1" => "pass=2 fail=0"),
	qr/a\.x\[2\] # stale baseline/);
fails("a baseline entry that matched no result is stale", $good, qr/baseline entry a\.x\[9\] matched no result/,
	expect => "$expect" . "a.x[9]  not-ok  gone\n");
fails("no baseline file: every not ok is new", $good, qr/^not ok 2 - a\.x\[2\]$/, expect => undef);
fails("a skip-all plan on a platform that expects deviations fails", "TAP version 13\n1..0 # SKIP listing only\n",
	qr/baseline entry a\.x\[2\] matched no result/, skips => undef);

# --- malformed streams -----------------------------------------------------------------------------
fails("empty input", "", qr/no plan \(0 results\)/);
fails("only a plan", "TAP version 13\n1..5\n", qr/incomplete: planned 5, got 0 results/);
fails("plan 1..0 without a reason", "TAP version 13\n1..0\n", qr/plan 1\.\.0 without a SKIP reason/, expect => '', skips => undef);
fails("the last line cut without its newline", substr($good, 0, index($good, "ok 5 - c.z") + 8),
	qr/ends without a newline: the stream was cut short/);
fails("a line cut short (newline added by the runner)", substr($good, 0, index($good, "ok 5 - c.z") + 17) . "\n",
	qr/no '\\?# summary:' line after its last result/, skips => undef);
fails("a result line cut to 'not o'", edit($good, "ok 1 - a.x[1]" => "not o"), qr/line 4 is not TAP: 'not o'/);
fails("a result cut to 'ok' (no number, no id)", edit($good, "ok 1 - a.x[1]" => "ok"), qr/raw result 1 \(line 4\) has no number/);
fails("'ok' with a number but no id", edit($good, "ok 1 - a.x[1]" => "ok 1"), qr/raw result 1 \(line 4\) has no test id/);
fails("a duplicate number", edit($good, "not ok 2 - a.x[2]" => "not ok 1 - a.x[2]"), qr/raw result 2 \(line 5\) is numbered 1/);
fails("numbers out of order", edit($good, "ok 1 - a.x[1]" => "ok 2 - a.x[1]", "not ok 2 - a.x[2]" => "not ok 1 - a.x[2]"),
	qr/raw result 1 \(line 4\) is numbered 2/);
fails("a number with a leading zero", edit($good, "ok 1 - a.x[1]" => "ok 01 - a.x[1]"), qr/is numbered 01/);
fails("a number above the plan (one result too many)", edit($good, "# summary" => "ok 6 - d.w\n# summary"),
	qr/broken: planned 5, got 6 results/);
fails("misnumbering is reported once, with a count", edit($good, "ok 3 - " => "ok 13 - ", "ok 4 - " => "ok 14 - ", "ok 5 - " => "ok 15 - ", "not ok 2" => "not ok 12", "ok 1 - " => "ok 11 - "),
	qr/raw result 1 \(line 4\) is numbered 11: .*\(and 4 more such lines\)/);
fails("a plan after the results", edit($good, "1..5\n" => "", "# summary" => "1..5\n# summary"), qr/the plan comes after 5 results/);
fails("a second plan", edit($good, "# summary" => "1..5\n# summary"), qr/a second plan '1\.\.5' \(the first, 1\.\.5, is line 3\)/);
fails("a malformed plan", edit($good, "1..5" => "1..5 results"), qr/a malformed plan '1\.\.5 results'/);
fails("no TAP version line", edit($good, "TAP version 13\n" => ""), qr/has no 'TAP version 13' line before it/);
fails("TAP version 12", edit($good, "TAP version 13" => "TAP version 12"), qr/expected 'TAP version 13', got 'TAP version 12'/);
fails("a second TAP version line", edit($good, "# summary" => "TAP version 13\n# summary"), qr/a second TAP version line/);
fails("a YAML block that never ends (results follow)", edit($good, "  ...\n" => ""),
	qr/line 6: the YAML block of result 2 never ends \(line 9 is not indented/);
fails("a YAML block that never ends (the stream ends)", substr($good, 0, index($good, "  ...")),
	qr/the YAML block of result 2 never ends \(the stream ends first\)/);
fails("a YAML block after a comment, not a result", edit($good, "  ---" => "# note\n  ---"), qr/a YAML block that does not follow a result line/);
fails("Bail out! inside a YAML block (--no-bail)", substr($good, 0, index($good, "  ...")) . "Bail out! crashed\n",
	qr/raw stream: Bail out! crashed/, args => ['--no-bail']);
{
	my ($rc, $out) = gate(substr($good, 0, index($good, "  ...")) . "Bail out! crashed\n");
	ok($rc == 1 && $out =~ /^Bail out! crashed$/m && !prove_passes($out), "Bail out! inside a YAML block (no --no-bail): passed on, exit 1");
}
fails("CR LF line endings", $good =~ s/\n/\r\n/gr, qr/line 1 ends in CR LF: .*\(and \d+ more such lines\)/);
fails("one CR LF line", edit($good, "ok 1 - a.x[1]\n" => "ok 1 - a.x[1]\r\n"), qr/line 4 ends in CR LF/);
fails("a line of binary garbage", edit($good, "ok 1 - a.x[1]\n" => "ok 1 - a.x[1]\n\xff\xfe\x00\x01garbage\x7f\n"), qr/line 5: it holds the control byte 0x00/);
fails("a NUL byte inside a result", edit($good, "a.x[1]" => "a.x\x00[1]"), qr/line 4: it holds the control byte 0x00 \(binary data\): 'ok 1 - a\.x\\x00\[1\]'/);
fails("bytes that are not UTF-8 inside an id", edit($good, "a.x[1]" => "a.x[\xe9]"), qr/line 4: it is not UTF-8/);
fails("a text line that is not TAP", edit($good, "ok 1 - a.x[1]\n" => "ok 1 - a.x[1]\nsomething else\n"), qr/line 5 is not TAP: 'something else'/);
fails("an indented line outside YAML", edit($good, "ok 1 - a.x[1]\n" => "ok 1 - a.x[1]\n  stray: 1\n"), qr/line 5 is not TAP: '  stray: 1'/);
{
	my $out = fails("a 1 MB line", edit($good, "ok 1 - a.x[1]\n" => "ok 1 - a.x[1]\n" . ("x" x 1_000_000) . "\n"), qr/line 5 is not TAP: 'x{72}'\.\.\./);
	my ($point) = grep { /is not TAP/ } split /\n/, $out;
	ok(length($point // '') < 200, "a 1 MB line: its failing point quotes 72 characters, not the whole line");
}
fails("'# TODO' inside a garbage line does not make its failing point a TODO", edit($good, "ok 1 - a.x[1]\n" => "ok 1 - a.x[1]\nrubbish # TODO fine\n"),
	qr/line 5 is not TAP: 'rubbish \\# TODO fine'/);
fails("no summary line", edit($good, "# summary: pass=1 fail=1 skip=3 todo=0 planned=5 emitted=5 ms=3\n" => ""), qr/no '\\?# summary:' line/);
fails("a summary that disagrees (a lost line, renumbered)", edit($good, "ok 1 - a.x[1]\n" => "", "1..5" => "1..4", "not ok 2" => "not ok 1",
		"ok 3 - " => "ok 2 - ", "ok 4 - " => "ok 3 - ", "ok 5 - " => "ok 4 - "),
	qr/the image's summary says pass=1 fail=1 skip=3 todo=0 planned=5 emitted=5 but the stream holds pass=0 fail=1 skip=3 todo=0 planned=4 emitted=4/);
fails("a second summary line", edit($good, "ms=3\n" => "ms=3\n# summary: pass=1\n"), qr/a second '\\?# summary:' line/);
fails("a summary before the last result", edit($good, "ok 5 - c.z # SKIP needs FEAT_Z (ID_Z=0)\n# summary: pass=1 fail=1 skip=3 todo=0 planned=5 emitted=5 ms=3\n" =>
		"# summary: pass=1 fail=1 skip=3 todo=0 planned=5 emitted=5 ms=3\nok 5 - c.z # SKIP needs FEAT_Z (ID_Z=0)\n"),
	qr/summary:' comes before result 5/);
fails("the image's Bail out! (--no-bail)", substr($good, 0, index($good, "ok 3")) . "Bail out! no UART\n", qr/raw stream: Bail out! no UART/,
	args => ['--no-bail']);

# --- the baseline file -----------------------------------------------------------------------------
fails("baseline: CR LF", $good, qr/b\.expect:3: it ends in CR/, expect => $expect =~ s/\n/\r\n/gr);
fails("baseline: a NUL byte", $good, qr/b\.expect:3: it holds the control byte 0x00/, expect => edit($expect, "evidence" => "evi\x00dence"));
fails("baseline: not UTF-8", $good, qr/b\.expect:3: it is not UTF-8/, expect => edit($expect, "evidence" => "evid\xe9nce"));
fails("baseline: the last line cut (no newline)", $good, qr/b\.expect:3: the last line has no newline/, expect => substr($expect, 0, -1));
fails("baseline: an entry without a reason", $good, qr/b\.expect:4: expected '<test-id>/, expect => "$expect" . "a.x[1]  not-ok\n");
fails("baseline: one space before not-ok", $good, qr/b\.expect:4: separate the test id from 'not-ok' by a TAB or 2\+ spaces/,
	expect => "$expect" . "a.x[1] not-ok  why\n");
fails("baseline: a glob", $good, qr/b\.expect:4: 'a\.x\*': glob patterns are not allowed/, expect => "$expect" . "a.x*  not-ok  why\n");
fails("baseline: an id listed twice", $good, qr/b\.expect:4: 'a\.x\[2\]' listed twice \(first on line 3\)/, expect => "$expect" . "a.x[2]  not-ok  again\n");
fails("baseline: binary garbage", $good, qr/b\.expect:4: it holds the control byte/, expect => "$expect\x01\x02\xff\n");

# --- the skip list file ----------------------------------------------------------------------------
my $skip_line = ($skips =~ /^(b\.y  skip .*)$/m)[0];
fails("skip list: the old one-id-per-line format", $good, qr/s\.skip:\d+: one test id per line is the old format/,
	skips => "$skips" . "b.y[p][2]  skip  needs FEAT_Y (ID_Y=0)\n");
fails("skip list: a bad digest", $good, qr/s\.skip:\d+: expected '<scope>  skip <count> ids=<12 hex digits>  <reason>'/,
	skips => edit($skips, "b.y  skip 2 ids=" => "b.y  skip 2 ids=xyz"));
fails("skip list: CR LF", $good, qr/s\.skip:1: it ends in CR/, skips => $skips =~ s/\n/\r\n/gr);
fails("skip list: the last line cut (no newline)", $good, qr/s\.skip:\d+: the last line has no newline/, skips => substr($skips, 0, -1));
fails("skip list: a scope listed twice", $good, qr/s\.skip:\d+: 'b\.y' listed twice/, skips => "$skips$skip_line\n");
fails("skip list: nested scopes", $good, qr/s\.skip:\d+: 'b\.y\[p\]' lies inside 'b\.y'/,
	skips => "$skips" . "b.y[p]  skip 1 ids=000000000000  needs FEAT_Y (ID_Y=0)\n");
fails("skip list: a glob", $good, qr/s\.skip:\d+: 'b\.y\*': a scope is an id prefix, not a glob/,
	skips => "$skips" . "b.y*  skip 1 ids=000000000000  why\n");
fails("skip list: a scope that is not an id prefix", $good, qr/s\.skip:\d+: 'b\.y\[p' is not a test id cut after/,
	skips => "$skips" . "b.y[p  skip 1 ids=000000000000  why\n");
fails("skip list: binary garbage", $good, qr/s\.skip:\d+: it holds the control byte 0x00/, skips => "$skips\x00\x01\n");

# --- the skip list's power: a new, changed or vanished SKIP fails ----------------------------------
fails("a new SKIP", edit($good, "ok 1 - a.x[1]" => "ok 1 - a.x[1] # SKIP needs FEAT_X (ID_X=0)", "pass=1 fail=1 skip=3" => "pass=0 fail=1 skip=4"),
	qr/SKIP of a\.x\[1\] \(needs FEAT_X \(ID_X=0\)\) is not in .*s\.skip: make baseline/);
fails("a SKIP with another reason", edit($good, "c.z # SKIP needs FEAT_Z (ID_Z=0)" => "c.z # SKIP needs FEAT_Z (ID_Z=1)"),
	qr/SKIP of c\.z \(needs FEAT_Z \(ID_Z=1\)\) is not in .*s\.skip with that reason \(.*s\.skip:\d+ lists c\.z: needs FEAT_Z \(ID_Z=0\)\)/);
fails("a listed SKIP that now runs", edit($good, "ok 4 - b.y[q][1] # SKIP needs FEAT_Y (ID_Y=0)" => "ok 4 - b.y[q][1]", "pass=1 fail=1 skip=3" => "pass=2 fail=1 skip=2"),
	qr/b\.y\[q\]\[1\] did not skip, but .*s\.skip:\d+ lists b\.y as skipping/);
fails("a listed SKIP that now runs, in a filtered run", edit($good, "ok 4 - b.y[q][1] # SKIP needs FEAT_Y (ID_Y=0)" => "ok 4 - b.y[q][1]", "pass=1 fail=1 skip=3" => "pass=2 fail=1 skip=2"),
	qr/b\.y\[q\]\[1\] did not skip/, args => ['--filtered']);
fails("a skipped instance that is gone", edit($good, "ok 4 - b.y[q][1] # SKIP needs FEAT_Y (ID_Y=0)\n" => "", "1..5" => "1..4", "ok 5 - c.z" => "ok 4 - c.z",
		"skip=3 todo=0 planned=5 emitted=5" => "skip=2 todo=0 planned=4 emitted=4"),
	qr/s\.skip:\d+: b\.y \(skip 2: needs FEAT_Y \(ID_Y=0\)\): the run has 1 instances under it/);
fails("a skipped instance renamed inside its scope (same count)", edit($good, "b.y[q][1]" => "b.y[r][1]"),
	qr/b\.y \(skip 2: .*\): the run's 2 instances under it are not the listed ones/);
fails("a new instance skipping inside a listed scope", edit($good, "ok 5 - c.z" => "ok 5 - b.y[r][1] # SKIP needs FEAT_Y (ID_Y=0)\nok 6 - c.z",
		"1..5" => "1..6", "skip=3 todo=0 planned=5 emitted=5" => "skip=4 todo=0 planned=6 emitted=6"),
	qr/b\.y \(skip 2: .*\): the run has 3 instances under it/);
fails("a new instance skipping inside a listed scope, in a filtered run", edit($good, "ok 5 - c.z" => "ok 5 - b.y[r][1] # SKIP needs FEAT_Y (ID_Y=0)\nok 6 - c.z",
		"1..5" => "1..6", "skip=3 todo=0 planned=5 emitted=5" => "skip=4 todo=0 planned=6 emitted=6"),
	qr/the run has 3 instances under it/, args => ['--filtered']);
fails("a listed scope with no instance in the run", $good, qr/s\.skip:\d+: e\.v \(skip 1: gone\) matched no instance of the run/,
	skips => "$skips" . "e.v  skip 1 ids=000000000000  gone\n");
fails("a missing skip list: every SKIP differs", $good, qr/SKIP of b\.y\[p\]\[1\] .* is not in/, skips => undef, args => ['--skips', "$tmp/none.skip"]);

# --- hyptap.on=all: ids with "@cpuN", a baseline per core type without it ------------------------
# Two PEs of one core type run every instance; each result is followed by the PE that ran it.
my $on_all = <<'EOF';
TAP version 13
# hyptap 0.1 model="test" midr=0x0
# cpu 0: mpidr=0x0 midr=0x410fd034 (cortex-a53 r0p4) revidr=0x0 state=online
# cpu 1: mpidr=0x1 midr=0x410fd034 (cortex-a53 r0p4) revidr=0x0 state=online
1..4
ok 1 - a.x[1]@cpu0
# cpu 0
ok 2 - a.x[1]@cpu1
# cpu 1
not ok 3 - a.x[2]@cpu0
  ---
  cpu: 0
  ...
# cpu 0
not ok 4 - a.x[2]@cpu1
  ---
  cpu: 1
  ...
# cpu 1
# summary: pass=2 fail=2 skip=0 todo=0 planned=4 emitted=4 ms=3
EOF
passes('hyptap.on=all: the core type\'s entry a.x[2] (no @cpuN) matches a.x[2]@cpu0 and a.x[2]@cpu1', $on_all, skips => undef);
passes('hyptap.on=all: an exact entry a.x[2]@cpu1 still matches its own id', $on_all, skips => undef,
	expect => "$expect" . "a.x[2]\@cpu1  not-ok  only this PE\n");
fails('hyptap.on=all: a PE that passes its core type\'s deviation is stale',
	edit($on_all, 'not ok 4 - a.x[2]@cpu1' => 'ok 4 - a.x[2]@cpu1', 'pass=2 fail=2' => 'pass=3 fail=1'),
	qr/^not ok 4 - a\.x\[2\]\@cpu1 # stale baseline/, skips => undef);
fails('hyptap.on=all: a failure on one PE that the baseline does not list is new',
	edit($on_all, 'ok 2 - a.x[1]@cpu1' => 'not ok 2 - a.x[1]@cpu1', 'pass=2 fail=2' => 'pass=1 fail=3'),
	qr/^not ok 2 - a\.x\[1\]\@cpu1$/, skips => undef);
fails('hyptap.on=all: an entry whose instance no PE ran is stale', $on_all, qr/baseline entry a\.x\[9\] matched no result/,
	skips => undef, expect => "$expect" . "a.x[9]  not-ok  gone\n");
{
	# SKIPs of a hyptap.on=all run: one scope covers the instance on every PE.
	my $s = edit($on_all, "1..4" => "1..6", "# summary: pass=2 fail=2 skip=0 todo=0 planned=4 emitted=4" =>
		"ok 5 - b.y[p]\@cpu0 # SKIP needs FEAT_Y (ID_Y=0)\n# cpu 0\nok 6 - b.y[p]\@cpu1 # SKIP needs FEAT_Y (ID_Y=0)\n# cpu 1\n"
		. "# summary: pass=2 fail=2 skip=2 todo=0 planned=6 emitted=6");
	spew("$tmp/all.tap", $s);
	my $list = `ci/skip-list test <'$tmp/all.tap'`;
	my ($digest) = `printf 'b.y[p]\@cpu0\\nb.y[p]\@cpu1\\n' | LC_ALL=C sort -u | sha1sum` =~ /^([0-9a-f]{12})/;
	like($list, qr/^b\.y  skip 2 ids=$digest  needs FEAT_Y \(ID_Y=0\)$/m,
		'hyptap.on=all: ci/skip-list gives b.y[p]@cpu0 and @cpu1 one scope, b.y (skip 2)');
	passes('hyptap.on=all: ... and the gate passes the run with that skip list', $s, skips => $list);
	fails('hyptap.on=all: ... and fails it when one PE no longer skips',
		edit($s, 'ok 6 - b.y[p]@cpu1 # SKIP needs FEAT_Y (ID_Y=0)' => 'ok 6 - b.y[p]@cpu1', 'pass=2 fail=2 skip=2' => 'pass=3 fail=2 skip=1'),
		qr/b\.y\[p\]\@cpu1 did not skip, but .* lists b\.y as skipping/, skips => $list);
	my $one = `ci/skip-list test <'$tmp/in.tap'`;	# the run just gated: only PE 0 skips
	like($one, qr/^b\.y\[p\]\@cpu0  skip 1 ids=[0-9a-f]{12}  needs FEAT_Y/m,
		'hyptap.on=all: a SKIP on one PE only gets a scope of its own, the id with its @cpuN');
}
fails('hyptap.on=all: only an "@cpu<digits>" suffix is stripped',
	edit($on_all, 'a.x[2]@cpu0' => 'a.x[2]@cpu', 'a.x[2]@cpu1' => 'a.x[2]@cpux'), qr/^not ok 3 - a\.x\[2\]\@cpu$/, skips => undef);

# --- ci/skip-list refuses what it cannot describe --------------------------------------------------
for my $case (["an incomplete stream", substr($good, 0, index($good, "ok 5"))], ["a Bail out!", "$good" . "Bail out! late\n"]) {
	spew("$tmp/in.tap", $case->[1]);
	my $rc = system("ci/skip-list test <'$tmp/in.tap' >'$tmp/out' 2>'$tmp/err'") >> 8;
	ok($rc != 0 && slurp("$tmp/err") =~ /skip-list: test: the stream (is not complete|bailed out)/, "ci/skip-list refuses $case->[0]");
}

done_testing();
