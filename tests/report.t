#!/usr/bin/perl
# tests/report.t — ci/report (make report) and ci/report-check on a small synthetic make check
# run: two platforms' raw streams, their baselines and skip lists, the gate's real output on them
# (ci/tap-gate, as make check dumps it) and a host test's stream. The counts per cell of a pass,
# a SKIP, a known deviation, a new failure and a stale entry (a listed id that passed, and a
# listed id that is gone); hostile ids and YAML (<script>, &, quotes) escaped on every page; a
# stream cut short shown as such. ci/report-check (without a browser) must accept the report
# and reject it once a count on it or a gate decision under it is changed.
use strict;
use warnings;
use FindBin;
use File::Path qw(make_path);
use File::Temp qw(tempdir);
use HTML::Parser;
use Test::More;

chdir "$FindBin::Bin/.." or die "tests/report.t: $!\n";
my $tmp = tempdir(CLEANUP => 1);

sub slurp { my ($f) = @_; open my $fh, '<:raw', $f or die "$f: $!\n"; local $/; my $t = <$fh>; return $t // '' }
sub spew {
	my ($f, $t) = @_;
	(my $d = $f) =~ s{/[^/]*\z}{};
	make_path($d);
	open my $fh, '>:raw', $f or die "$f: $!\n";
	print $fh $t;
	close $fh or die "$f: $!\n";
}

my $hostile_yaml = q{<script>alert(1)</script> & "q" 'x'};
my $hostile_family = q{x<b>&"'.y};
# Platform t/a: a pass, a SKIP, a known deviation (listed), a new failure (not listed, hostile
# YAML), a listed id that passed (stale), an id with markup in its parameters and one whose
# family has markup; its baseline also lists an id the run does not have (stale too).
my $a = <<EOF;
TAP version 13
# hyptap 0.1 model="test" midr=0x411fd070 (Cortex-A57 r1p0) revidr=0x0 el=2 gic=v3
# gic: v3 ich_vtr_el2=0x90b80003
# firmware left: sctlr_el2=0x0 hcr_el2=0x0
# cpu 0: errata 999999 (made up for this test)
1..7
ok 1 - fam.a[1]
ok 2 - fam.a[2] # SKIP needs FEAT_X (ID_X=0)
not ok 3 - fam.b.c[1]
  ---
  rule: "the listed rule"
  ...
not ok 4 - fam.b.c[2]
  ---
  got: "$hostile_yaml"
  ...
ok 5 - other.c.d[x]
ok 6 - fam.a[<script>&"']
ok 7 - $hostile_family\[1]
# summary: pass=4 fail=2 skip=1 todo=0 planned=7 emitted=7 ms=1
EOF
my $a_expect = "fam.b.c[1]  not-ok  the rule: evidence for fam.b.c[1]\n"
	. "other.c.d[x]  not-ok  listed but it passes\ngone.x[1]  not-ok  listed but gone\n";
# Platform t/b: firmware's lines before the TAP, then cut short in its second result line.
my $b = "## Booting kernel from U-Boot (firmware noise)\nTAP version 13\n# hyptap 0.1 model=\"test\" midr=0x0 gic=v2\n1..3\nok 1 - fam.a[1]\nok 2 - fam.a[2";

my ($raw, $tap, $res, $out) = map { "$tmp/$_" } qw(raw tap results report);
spew("$raw/t-a.tap", $a);
spew("$raw/t-b.tap", $b);
spew("$res/t/a.expect", $a_expect);
system("ci/skip-list t/a <'$raw/t-a.tap' >'$tmp/a.skip'") == 0 or die "tests/report.t: ci/skip-list failed\n";
spew("$res/t/a.skip", slurp("$tmp/a.skip"));
spew("$tmp/platforms", "t/a t/a\nt/b t/b\nt/none t/none\n");
for my $p (qw(a b)) {	# the gate's own output, as make check's prove dumps it
	make_path("$tap/build/t");
	system("ci/tap-gate --no-bail --name t/$p --baseline '$res/t/$p.expect' --skips '$res/t/$p.skip'"
		. " <'$raw/t-$p.tap' >'$tap/build/t/t-$p.t'");
}
spew("$tap/build/host/x_test", "TAP version 13\n1..3\nok 1 - one\nnot ok 2 - two\nok 3 - three # SKIP no\n");

sub report { system("ci/report --raw '$raw' --tap '$tap' --results '$res' --out '$out' --platforms '$tmp/platforms' 2>'$tmp/err'") }
is(report(), 0, "ci/report builds the report") or diag(slurp("$tmp/err"));
ok(-e "$out/index.html" && -e "$out/p/t-a.html" && -e "$out/p/t-b.html", "index.html and one page per platform with a stream");

# cells(FILE): { "family\0platform\0kind" => the rendered count } of a page, and its text.
sub cells {
	my ($file) = @_;
	my (%c, @open, $text);
	my $p = HTML::Parser->new(api_version => 3,
		start_h => [ sub { push @open, [ $_[0], $_[1], '' ] unless $_[0] =~ /^(br|meta)\z/ }, 'tagname, attr' ],
		text_h => [ sub { $_->[2] .= $_[0] for @open; $text .= $_[0] }, 'dtext' ],
		end_h => [ sub {
			my $e = pop @open;
			my $at = $e->[1];
			$c{ join "\0", map { $_ // '' } @{$at}{qw(data-family data-platform data-kind)} } = $e->[2]
				if defined $at->{'data-kind'} && defined $at->{'data-platform'};
			$c{ "test\0$at->{'data-test'}\0$at->{'data-kind'}" } = $e->[2] if defined $at->{'data-test'};
		}, 'tagname' ]);
	$p->parse(slurp($file));
	$p->eof;
	return (\%c, $text);
}
my ($idx, $idx_text) = cells("$out/index.html");
my %want = (
	"fam.a\0t/a\0pass" => 2, "fam.a\0t/a\0skip" => 1, "fam.b\0t/a\0known" => 1, "fam.b\0t/a\0new" => 1,
	"other.c\0t/a\0stale" => 1, "gone.x\0t/a\0stale" => 1, "$hostile_family\0t/a\0pass" => 1,
	"*\0t/a\0pass" => 3, "*\0t/a\0stale" => 2, "*\0t/a\0gate" => 1, "fam.a\0t/b\0pass" => 2,
	"*\0*\0pass" => 5, "fam.a\0t/*\0pass" => 4, "test\0build/host/x_test\0fail" => 1,
	"test\0build/host/x_test\0pass" => 1, "test\0build/host/x_test\0skip" => 1);
for my $k (sort keys %want) {
	is($idx->{$k}, $want{$k}, "index: " . join(' ', split /\0/, $k) . " = $want{$k}");
}
ok(!grep({ /\0t\/a\0(todo)\z/ || /^fam\.a\0t\/a\0(known|new|stale)\z/ } keys %$idx), "index: zero counts are not rendered");
my $gate_b = $idx->{"*\0t/b\0gate"} // 0;
ok($gate_b >= 2, "index: the cut stream's gate points (cut short, incomplete) are counted: $gate_b");
like($idx_text, qr/not run: t\/none/, "index: a platform without a raw stream is listed as not run");
like($idx_text, qr/Host and repository tests: 1 files, 1 failing: build\/host\/x_test/, "index: a failing host test is named at the top");

my ($pa, $pa_text) = cells("$out/p/t-a.html");
is($pa->{"fam.b\0t/a\0new"}, 1, "platform page: the family's new failure count");
like($pa_text, qr/\Q$hostile_yaml\E/, "platform page: the hostile YAML reads as text in the DOM");
like($pa_text, qr/the rule: evidence for fam\.b\.c\[1\]/, "platform page: a known deviation with its baseline reason");
like($pa_text, qr/listed but gone/, "platform page: a gone entry with its listed reason");
like($pa_text, qr/needs FEAT_X \(ID_X=0\)/, "platform page: a SKIP with its reason");
like($pa_text, qr/errata 999999/, "platform page: the header's errata line");
like($pa_text, qr/firmware left: sctlr_el2/, "platform page: the firmware-left header line");
for my $f ("$out/index.html", "$out/p/t-a.html") {
	my $html = slurp($f);
	my $scripts = () = $html =~ /<script/g;
	is($scripts, 1, "$f: no <script> but the page's own");
	unlike($html, qr/<b>|"q"|\[<|'x'/, "$f: no unescaped markup or quotes from the streams");
}
like(slurp("$out/p/t-a.html"), qr/id="i-fam\.a~5b~3cscript~3e~26~22~27~5d"/, "platform page: a hostile id's anchor is escaped");

my ($pb, $pb_text) = cells("$out/p/t-b.html");
like($pb_text, qr/cut short/, "platform page: the cut stream says it was cut short");
like($idx_text, qr/t\/b: raw stream cut short/, "index: the cut stream is a change");
unlike($pb_text, qr/Booting kernel/, "platform page: firmware's '##' lines before the TAP are not header lines");

# The check: it accepts this report, and rejects a count changed on the page and a gate decision
# changed under it.
my $check = "ci/report-check --no-browser --raw '$raw' --tap '$tap' --out '$out'";
is(system("$check 2>'$tmp/err'"), 0, "ci/report-check accepts the report") or diag(slurp("$tmp/err"));
my $index = slurp("$out/index.html");
(my $bad = $index) =~ s/(data-kind="known" data-family="fam\.b" data-platform="t\/a"[^>]*>)1</${1}2</ or die "no known cell\n";
spew("$out/index.html", $bad);
isnt(system("$check 2>'$tmp/err'"), 0, "ci/report-check rejects a changed count");
like(slurp("$tmp/err"), qr/known of fam\.b on t\/a: the page shows '2', the TAP says 1/, "... and names it");
(my $gone = $index) =~ s/<span class="n k-new" data-kind="new" data-family="fam\.b"[^>]*>1<\/span>// or die "no new cell\n";
spew("$out/index.html", $gone);
isnt(system("$check 2>'$tmp/err'"), 0, "ci/report-check rejects a missing count");
spew("$out/index.html", $index);
my $gated = slurp("$tap/build/t/t-a.t");
(my $flip = $gated) =~ s/^not ok 4 - fam\.b\.c\[2\]$/ok 4 - fam.b.c[2]/m or die "no point 4\n";
spew("$tap/build/t/t-a.t", $flip);
isnt(system("$check 2>'$tmp/err'"), 0, "ci/report-check rejects a gate decision the raw stream contradicts");
like(slurp("$tmp/err"), qr/fam\.b\.c\[2\]: the gate passes a raw not ok/, "... and names it");

done_testing();
