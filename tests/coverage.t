#!/usr/bin/perl
# tests/coverage.t — the pieces of docs/coverage.md (ci/lib/Hyptap/Coverage.pm, ci/gen-coverage)
# on synthetic input: the field list parser and its refusals, how a declared field resolves,
# the fields= of a listing, the outcome per platform, the gap reasons and the ratio; then the
# real field list and the real generator's summary line against a listing it is given.
use strict;
use warnings;
use FindBin;
use File::Temp qw(tempdir);
use Test::More;

chdir "$FindBin::Bin/.." or die "tests/coverage.t: $!\n";
use lib "$FindBin::Bin/../ci/lib";
use Hyptap::Coverage qw(read_fields resolve read_uses read_features platform_outcome field_outcomes gap_reason ratio);

my $tmp = tempdir(CLEANUP => 1);
my $n = 0;
sub spew { my ($t) = @_; my $f = "$tmp/f" . $n++; open my $fh, '>', $f or die "$f: $!\n"; print $fh $t; close $fh; return $f }

# The field list.
my $tsv = spew(<<"EOF");
# comment
R_EL2\tA\t0\tbase
R_EL2\tWIDE\t7:4\tFEAT_X
R_EL2(E2H=1)\tA1\t0\tFEAT_VHE
S_EL2\tB\t63\tFEAT_Y + FEAT_Z
EOF
my $f = read_fields($tsv);
is_deeply($f->{regs}, [ 'R_EL2', 'R_EL2(E2H=1)', 'S_EL2' ], 'read_fields: registers in file order');
is_deeply([ @{ $f->{field}{'R_EL2.WIDE'} }{qw(lo hi feature)} ], [ 4, 7, 'FEAT_X' ], 'read_fields: msb:lsb and feature');
for my $bad (["R_EL2\tA\t0\n", 'four columns'], ["R_EL2\tA\t64\tbase\n", 'bit beyond 63'],
	["R_EL2\tA\t3:5\tbase\n", 'msb below lsb'], ["R_EL2\tA\t0\tbase\nR_EL2\tA\t1\tbase\n", 'a name twice'],
	["R_EL2\tA\t7:4\tbase\nR_EL2\tB\t5\tbase\n", 'overlapping bits'], ["r_el2\tA\t0\tbase\n", 'lower-case register'],
	["# nothing\n", 'no field']) {
	my $file = spew($bad->[0]);
	ok(!eval { read_fields($file); 1 } && $@ =~ /^\Q$file\E/, "read_fields refuses $bad->[1], naming the file") or diag $@;
}

# resolve: by name (any case), by a bit inside the field, the E2H=1 layout's fallback.
is(resolve($f, 'R_EL2.wide'), 'R_EL2.WIDE', 'resolve: a name, any case');
is(resolve($f, 'R_EL2.5'), 'R_EL2.WIDE', 'resolve: a bit inside a multi-bit field');
is(resolve($f, 'R_EL2(E2H=1).0'), 'R_EL2(E2H=1).A1', 'resolve: the E2H=1 layout first');
is(resolve($f, 'R_EL2(E2H=1).WIDE'), 'R_EL2.WIDE', 'resolve: a field the E2H=1 layout does not list is the base one');
is(resolve($f, 'R_EL2.2'), undef, 'resolve: a RES0 bit is no field');
is(resolve($f, 'T_EL2.A'), undef, 'resolve: an unknown register');

# read_uses: marks, ids without fields, trap lines with ec/control before fields=.
my $list = spew(<<"EOF");
# family a.x\trows=2\tsample=0\trule=r
# a.x[1]\tec=0x18\tcontrol=R_EL2.A\tfields=+-R_EL2.A ?R_EL2.5
# a.x[2]\tfields=-R_EL2.A +S_EL2.63
# feature FEAT_Y\tpresent
# b.y
EOF
my $u = read_uses($f, $list);
is_deeply($u->{ids}, [ 'a.x[1]', 'a.x[2]', 'b.y' ], 'read_uses: every instance, not the family or feature lines');
is_deeply($u->{uses}{'R_EL2.A'}, { '+' => ['a.x[1]'], '-' => [ 'a.x[1]', 'a.x[2]' ] }, 'read_uses: + and - per instance');
is_deeply($u->{uses}{'R_EL2.WIDE'}, { '?' => ['a.x[1]'] }, 'read_uses: a probe by bit number');
for my $bad (["# a.x[1]\tfields=R_EL2.A\n", 'a token without marks', 'no \+, - or \? mark'],
	["# a.x[1]\tfields=+R_EL2.2\n", 'a RES0 bit', 'no field'], ["# a.x[1]\tfields=+Q_EL2.A\n", 'an unknown register', 'no field']) {
	my $file = spew($bad->[0]);
	ok(!eval { read_uses($f, $file); 1 } && $@ =~ /^\Q$file\E:1: a\.x\[1\]: .*$bad->[2]/, "read_uses refuses $bad->[1], naming line and id")
		or diag $@;
}
is_deeply(read_features($list), { FEAT_Y => 'present' }, 'read_features: the # feature lines');
ok(!eval { read_features(spew("# a.x\n")); 1 }, 'read_features: a listing without feature lines is refused');

# Outcomes: a synthetic read_platforms() result.
my $r = {
	platforms => [ 'qemu-7.2/max', 'qemu-7.2/cortex-a53', 'qemu-10.0/max' ],
	dev => { 'qemu-10.0/max' => { 'a.x[2]' => 'known' } },
	skip => { 'qemu-7.2/cortex-a53' => { 'a.x[1]' => 'needs FEAT_Y (ID=0)', 'a.x[2]' => 'needs FEAT_Y (ID=0)' } },
	notrun => {},
};
is(platform_outcome($r, 'qemu-7.2/max', [ 'a.x[1]', 'a.x[2]' ]), 'ran-pass', 'platform_outcome: ran, none deviates');
is(platform_outcome($r, 'qemu-10.0/max', [ 'a.x[1]', 'a.x[2]' ]), 'ran-deviation (1 of 2)', 'platform_outcome: one of the two that ran deviates');
is(platform_outcome($r, 'qemu-7.2/cortex-a53', [ 'a.x[1]', 'a.x[2]' ]), 'skipped (needs FEAT_Y (ID=0))',
	'platform_outcome: all skipped, with the reason once');
$r->{skip}{'qemu-7.2/max'}{'a.x[1]'} = 'other';
is(platform_outcome($r, 'qemu-7.2/max', [ 'a.x[1]', 'a.x[2]' ]), 'ran-pass', 'platform_outcome: one skipped, one ran: ran');
is_deeply([ field_outcomes($r, ['a.x[1]']) ],
	[ [ 'skipped (other)', ['7.2/max'] ], [ 'skipped (needs FEAT_Y (ID=0))', ['7.2/cortex-a53'] ], [ 'ran-pass', ['10.0/max'] ] ],
	'field_outcomes: grouped per outcome, short platform names');

# Gap reasons and the ratio.
my $feat = { FEAT_X => 'present', FEAT_Y => 'needs FEAT_Y (ID_Y=0)' };
like(gap_reason('base', $feat), qr/^not written yet \(every EL2/, 'gap_reason: a base field');
is(gap_reason('FEAT_X', $feat), 'not written yet (QEMU 10.0 max has FEAT_X)', 'gap_reason: the model has the feature');
is(gap_reason('FEAT_Y', $feat), 'no model implements it (QEMU 10.0 max: needs FEAT_Y (ID_Y=0))', 'gap_reason: the model lacks it');
like(gap_reason('FEAT_Q', $feat), qr/^not written yet \(FEAT_Q is not in scenarios\/model\/cpu_features\.c/, 'gap_reason: a feature hyptap cannot ask about');
like(gap_reason('FEAT_Q + FEAT_Y', $feat), qr/^no model implements it/, 'gap_reason: A + B, a missing one decides over an unknown one');
is(ratio(1, 3), '1/3 (33%)', 'ratio');
is(ratio(0, 0), '0/0 (-)', 'ratio of nothing');

# The real field list parses (overlaps, bit ranges) and names every register of the issue.
my $real = read_fields('ci/coverage/el2-fields.tsv');
my @want = qw(HCR_EL2 HCRX_EL2 MDCR_EL2 CPTR_EL2 CPTR_EL2(E2H=1) CNTHCTL_EL2 CNTHCTL_EL2(E2H=1) VTCR_EL2
	ICH_HCR_EL2 ICH_VMCR_EL2 HFGRTR_EL2 HFGWTR_EL2 HFGITR_EL2 HDFGRTR_EL2 HDFGWTR_EL2 HAFGRTR_EL2);
ok(!(grep { my $w = $_; !grep { $_ eq $w } @{ $real->{regs} } } @want), 'ci/coverage/el2-fields.tsv has every register docs/coverage.md must cover');
is(scalar @{ $real->{by_reg}{HCR_EL2} }, 59, 'HCR_EL2: 58 fields of Linux\'s sysreg plus TME (K.a)');
done_testing();
