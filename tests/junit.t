#!/usr/bin/perl
# tests/junit.t — ci/junit over synthetic streams (docs/baselines.md, "JUnit"): a raw stream of the
# image's shape through the real ci/tap-gate (a pass, a SKIP, a known deviation, an erratum TODO
# that passed and one that failed, a new failure with YAML, a stale entry, a baseline entry the
# run never reached), a bail-out and a cut stream through the gate, a prove dump cut mid-line,
# a stream's own "Bail out!", a missing dump and a test's hostile text. Every count, element,
# type, message and property is read back with XML::LibXML; the file must be well-formed
# (xmllint --noout) and, but for the testcase <properties>, valid against ci/junit-10.xsd.
use strict;
use warnings;
use FindBin;
use File::Temp qw(tempdir);
use File::Path qw(make_path);
use XML::LibXML;
use Test::More;

chdir "$FindBin::Bin/.." or die "tests/junit.t: $!\n";
my $tmp = tempdir(CLEANUP => 1);
my $dump = "$tmp/dump";

# spew(FILE, BYTES) and dumped(TEST, BYTES): a file, and a stream where prove would dump TEST.
sub spew { my ($f, $t) = @_; open my $fh, '>:raw', $f or die "$f: $!\n"; print $fh $t; close $fh or die "$f: $!\n" }
sub dumped {
	my ($t, $bytes) = @_;
	(my $d = "$dump/$t") =~ s{/[^/]*\z}{};
	make_path($d);
	spew("$dump/$t", $bytes);
}

# gated(TEST, RAW, BASELINE): RAW through ci/tap-gate --no-bail as make check runs it, dumped as TEST.
sub gated {
	my ($t, $raw, $baseline) = @_;
	spew("$tmp/raw.tap", $raw);
	spew("$tmp/b.expect", $baseline);
	system("ci/tap-gate --no-bail --name test --baseline '$tmp/b.expect' <'$tmp/raw.tap' >'$tmp/gated' 2>/dev/null");
	open my $fh, '<:raw', "$tmp/gated" or die "$tmp/gated: $!\n";
	dumped($t, do { local $/; <$fh> });
}

# The image's shape: every outcome the gate and the image give a result.
gated('build/t/qemu-7.2-test.t', <<'EOF', <<'EOF');
TAP version 13
# hyptap 0.1 model="test" midr=0x0
1..7
ok 1 - a.pass
ok 2 - a.skip[p=1] # SKIP needs FEAT_X (ID_X=0)
not ok 3 - a.dev
  ---
  rule: "the rule"
  failure: "QEMU does it wrong"
  ...
ok 4 - errata.834220.x # TODO erratum 834220
  ---
  erratum: "834220: the erratum's text"
  ...
not ok 5 - errata.1165522.y # TODO erratum 1165522
  ---
  erratum: "1165522: another erratum's text"
  ...
not ok 6 - a.new
  ---
  rule: "R2"
  failure: "got <1> & \"2\", ]]> after"
  ...
ok 7 - a.stale
# summary: pass=2 fail=2 skip=1 todo=2 planned=7 emitted=7 ms=1234
EOF
a.dev  not-ok  R1 <rule> & "quoted": QEMU target/arm/x.c
a.stale  not-ok  R3: fixed since
a.gone  not-ok  R4: not in this run
EOF

# A bail-out and a stream cut short, as the gate turns them into points.
gated('build/t/qemu-7.2-bail.t', "TAP version 13\n1..3\nok 1 - a.x\nBail out! qemu-run: timeout after 5 s\n", '');
gated('build/t/qemu-7.2-cut.t', "TAP version 13\n1..3\nok 1 - a.x\nok 2 - a.y\n", '');
# What a test file may leave: a stream cut mid-line (prove's dump ends every line with "\n", a
# stream given by hand may not), more results than planned, its own Bail out!, no dump at all.
dumped('build/host/cut_test', "TAP version 13\n1..4\nok 1 - one\nok 2 - tw");
dumped('tests/many.t', "1..1\nok 1 - one\nok 2 - two\n");
dumped('tests/bail.t', "1..3\nok 1 - first\nBail out! no qemu-system-aarch64 in PATH\nok 2 - never read\n");
# A test's hostile text (and a passing result with a YAML block): markup, "]]>", control bytes, bytes that are not UTF-8, a surrogate and a
# non-character (Perl's decoder takes both; XML 1.0 holds neither), and good UTF-8.
dumped('tests/hostile.t', join '', "TAP version 13\n1..5\n",
	"ok 1 - mark <up> & \"q\" 'a' ]]> ctl \x01\x1b bad \xff\xfe\n",
	"not ok 2 - hostile failure\n  ---\n  failure: \"]]> <&> bell \x07 and \xc3\x28\"\n  ...\n",
	"ok 3 - hostile skip # SKIP reason <&\"> ]]>\n",
	"not ok 4 - hostile todo # TODO later, <&> ]]>\n",
	"ok 5 - surrogate \xed\xa0\x80 nonchar \xef\xbf\xbf caf\xc3\xa9\n  ---\n  note: \"a pass's YAML\"\n  ...\n");

my @tests = qw(build/t/qemu-7.2-test.t build/t/qemu-7.2-bail.t build/t/qemu-7.2-cut.t
	build/host/cut_test tests/many.t tests/bail.t tests/missing.t tests/hostile.t);
my $xml = "$tmp/junit.xml";
is(system("ci/junit -o '$xml' '$dump' @tests 2>'$tmp/err'") >> 8, 0, 'ci/junit writes the file');
is(system("xmllint --noout '$xml'") >> 8, 0, 'xmllint: well-formed');
my $doc = XML::LibXML->load_xml(location => $xml);

# suite(NAME) and case(SUITE, NAME): the elements; kids(CASE): its child element names.
sub suite { my ($n) = @_; my ($s) = $doc->findnodes(qq{/testsuites/testsuite[\@name="$n"]}); return $s }
sub case {
	my ($s, $n) = @_;
	my @c = grep { $_->getAttribute('name') eq $n } $s->findnodes('testcase');
	return @c == 1 ? $c[0] : undef;
}
sub kids { my ($c) = @_; return join ',', map { $_->nodeName } grep { $_->nodeType == 1 } $c->childNodes }
sub props { my ($c) = @_; return { map { ($_->getAttribute('name') => $_->getAttribute('value')) } $c->findnodes('properties/property') } }

# counts_ok(SUITE, TESTS, FAILURES, ERRORS, SKIPPED): the attributes, and that they are the cases'.
sub counts_ok {
	my ($name, @want) = @_;
	my $s = suite($name) or return fail("testsuite $name exists");
	my @attr = map { $s->getAttribute($_) } qw(tests failures errors skipped);
	is("@attr", "@want", "$name: tests failures errors skipped");
	my @have = ($s->findnodes('testcase')->size, map { $s->findnodes("testcase[$_]")->size } qw(failure error skipped));
	is("@have", "@want", "$name: the counts are those of its testcases");
}

# outcome_ok(SUITE, CASE, ELEMENT, TYPE, MESSAGE, PROPERTIES or undef): one testcase.
sub outcome_ok {
	my ($sname, $name, $el, $type, $message, $props) = @_;
	my $c = case(suite($sname), $name) or return fail("$sname: one testcase $name");
	my $want = ($props ? 'properties,' : '') . $el;
	is(kids($c), $want, "$sname: $name holds $want");
	my ($o) = $c->findnodes($el) or return;
	is($o->getAttribute('type'), $type, "$sname: $name: type $type");
	is($o->getAttribute('message'), $message, "$sname: $name: message");
	is_deeply(props($c), $props, "$sname: $name: properties") if $props;
	return $o;
}

my $p = 'qemu-7.2-test';
is($doc->findnodes('/testsuites/testsuite')->size, 8, 'one testsuite per test');
counts_ok($p, 8, 3, 0, 4);
is(suite($p)->getAttribute('time'), '1.234', "$p: time from the summary's ms=");
is(kids(case(suite($p), 'a.pass')), '', "$p: a.pass is a plain pass");
outcome_ok($p, 'a.skip[p=1]', 'skipped', 'skip', 'needs FEAT_X (ID_X=0)');
my $dev = outcome_ok($p, 'a.dev', 'skipped', 'known-deviation', 'known deviation: R1 <rule> & "quoted": QEMU target/arm/x.c',
	{ 'hyptap.outcome' => 'known-deviation', 'hyptap.status' => 'not ok', 'hyptap.baseline' => 'R1 <rule> & "quoted": QEMU target/arm/x.c' });
like($dev->textContent, qr/failure: "QEMU does it wrong"/, "$p: a.dev carries its YAML (the evidence)");
my $e1 = outcome_ok($p, 'errata.834220.x', 'skipped', 'erratum', 'erratum 834220',
	{ 'hyptap.outcome' => 'erratum', 'hyptap.status' => 'ok', 'hyptap.erratum' => '834220' });
like($e1->textContent, qr/834220: the erratum's text/, "$p: the erratum's YAML text is kept");
outcome_ok($p, 'errata.1165522.y', 'skipped', 'erratum', 'erratum 1165522',
	{ 'hyptap.outcome' => 'erratum', 'hyptap.status' => 'not ok', 'hyptap.erratum' => '1165522' });
my $new = outcome_ok($p, 'a.new', 'failure', 'failure', 'not ok: got <1> & \"2\", ]]> after');
is($new->textContent, qq{  ---\n  rule: "R2"\n  failure: "got <1> & \\"2\\", ]]> after"\n  ...\n}, "$p: a.new carries its YAML block, ']]>' and all");
outcome_ok($p, 'a.stale', 'failure', 'stale-baseline', 'stale baseline: listed as deviation but passed');
outcome_ok($p, 'baseline entry a.gone matched no result', 'failure', 'stale-baseline',
	'stale baseline: baseline entry a.gone matched no result');
like(suite($p)->findvalue('system-out'), qr/^# hyptap 0\.1 model="test"/m, "$p: the stream's comments in <system-out>");

counts_ok('qemu-7.2-bail', 2, 0, 1, 0);
outcome_ok('qemu-7.2-bail', 'raw stream: Bail out! qemu-run: timeout after 5 s', 'error', 'bail-out',
	'raw stream: Bail out! qemu-run: timeout after 5 s');
counts_ok('qemu-7.2-cut', 3, 0, 1, 0);
outcome_ok('qemu-7.2-cut', 'raw stream incomplete: planned 3, got 2 results', 'error', 'cut-short',
	'raw stream incomplete: planned 3, got 2 results');
counts_ok('host/cut_test', 3, 0, 1, 0);
outcome_ok('host/cut_test', '(stream)', 'error', 'cut-short', 'planned 4, got 2 results: cut short');
counts_ok('tests/many', 3, 0, 1, 0);
outcome_ok('tests/many', '(stream)', 'error', 'broken', 'planned 1, got 2 results: more than planned');
counts_ok('tests/bail', 2, 0, 1, 0);
outcome_ok('tests/bail', 'Bail out!', 'error', 'bail-out', 'Bail out! no qemu-system-aarch64 in PATH');
counts_ok('tests/missing', 1, 0, 1, 0);
outcome_ok('tests/missing', '(stream)', 'error', 'cut-short', 'no TAP stream was dumped for this test (prove did not run it to the end)');

my $h = 'tests/hostile';
counts_ok($h, 5, 1, 0, 2);
my @names = map { $_->getAttribute('name') } suite($h)->findnodes('testcase');
is($names[0], q{mark <up> & "q" 'a' ]]> ctl \x01\x1b bad \xff\xfe}, "$h: a line that is not UTF-8: markup kept, bytes as \\xNN");
is($names[4], "surrogate \\x{d800} nonchar \\x{ffff} caf\x{e9}", "$h: characters XML cannot hold as \\x{..}, good UTF-8 kept");
my $pass_yaml = case(suite($h), $names[4]);
is(kids($pass_yaml), 'system-out', "$h: a pass with a YAML block: a pass, the YAML as its <system-out>");
like($pass_yaml->textContent, qr/note: "a pass's YAML"/, "$h: that YAML");
my $hf = outcome_ok($h, 'hostile failure', 'failure', 'failure', 'not ok: ]]> <&> bell \x07 and \xc3(');
like($hf->textContent, qr/failure: "\]\]> <&> bell \\x07 and \\xc3\(/, "$h: the YAML with its ']]>' and damaged bytes shown");
outcome_ok($h, 'hostile skip', 'skipped', 'skip', 'reason <&"> ]]>');
outcome_ok($h, 'hostile todo', 'skipped', 'todo', 'todo: later, <&> ]]>',
	{ 'hyptap.outcome' => 'todo', 'hyptap.status' => 'not ok' });

my $totals = do { open my $fh, '<', "$tmp/err" or die; local $/; <$fh> };
like($totals, qr/8 testsuites, 27 testcases: 11 pass, 4 failures \(2 stale baseline\), 6 errors \(2 bail-out, 3 cut short, 1 broken\), 6 skipped \(2 SKIP, 1 known deviations, 2 errata, 1 other TODO\)/,
	'the totals on stderr');
my $top = ($doc->findnodes('/testsuites'))[0];
is(join(' ', map { $top->getAttribute($_) } qw(tests failures errors)), '27 4 6', '<testsuites> totals');

# The schema: the file as written, less its testcase <properties>, and the --no-case-properties file.
$_->unbindNode for $doc->findnodes('//testcase/properties');
$doc->toFile("$tmp/stripped.xml");
is(system("xmllint --noout --schema ci/junit-10.xsd '$tmp/stripped.xml' 2>'$tmp/xsd'") >> 8, 0,
	'valid against ci/junit-10.xsd but for the testcase <properties>') or diag(`cat '$tmp/xsd'`);
is(system("ci/junit --no-case-properties -o '$tmp/plain.xml' '$dump' @tests 2>/dev/null") >> 8, 0, '--no-case-properties');
is(system("xmllint --noout --schema ci/junit-10.xsd '$tmp/plain.xml' 2>'$tmp/xsd'") >> 8, 0,
	'--no-case-properties: valid against ci/junit-10.xsd') or diag(`cat '$tmp/xsd'`);
isnt(system("xmllint --noout --schema ci/junit-10.xsd '$xml' 2>/dev/null") >> 8, 0,
	'the schema does reject testcase <properties> (the check can fail)');

# Bad usage is a message and exit status 2.
is(system("ci/junit '$dump' 2>/dev/null") >> 8, 2, 'no -o: usage, exit 2');
is(system("ci/junit -o '$tmp/x.xml' '$tmp/nonexistent' t 2>/dev/null") >> 8, 2, 'no dump directory: exit 2');

done_testing();
