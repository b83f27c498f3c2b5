# Hyptap::Lava — what LAVA should have recorded for a TAP stream, and how what it did record
# differs (tests/lava.t; the jobs and the mapping: ci/lava/README.md).
#
# The oracle is written from TAP's and LAVA's rules, not from the jobs' monitor: it never reads
# the pattern or the fixupdict it checks.
#   - A result line is one LAVA test case; its verdict (Hyptap::Verdicts) maps to LAVA's result:
#     "ok" pass, "not ok" fail, "skip" skip, "todo" unknown (a TODO point's outcome does not
#     count in TAP, and the image's summary counts it apart from pass and fail).
#   - LAVA keeps the id exactly in extra.test_case_id, and names the case after it the way its
#     monitor does (lava_dispatcher/actions/test/monitor.py: strip, lower case, each run of
#     non-word characters one "_").
package Hyptap::Lava;
use strict;
use warnings;
use Exporter qw(import);
our @EXPORT_OK = qw(lava_case lava_result read_lava_results lava_differences case_collisions lava_counts);

my %result_of = ('ok' => 'pass', 'not ok' => 'fail', 'skip' => 'skip', 'todo' => 'unknown');

# lava_case(ID): the case name LAVA's monitor gives a test_case_id.
sub lava_case {
	my ($id) = @_;
	(my $case = lc $id) =~ s/^\s+|\s+$//g;
	$case =~ s/[^a-z0-9_]+/_/g;
	return $case;
}

# lava_result(VERDICT): LAVA's result for a TAP verdict ("ok", "not ok", "skip", "todo").
sub lava_result {
	my ($verdict) = @_;
	return $result_of{$verdict} // die "Hyptap::Lava: no LAVA result for verdict '$verdict'\n";
}

# read_lava_results(FILE): ci/lava/log-results's lines as [ { case, result, id } ], in order.
sub read_lava_results {
	my ($file) = @_;
	my @r;
	open my $fh, '<', $file or die "$file: $!\n";
	while (my $line = <$fh>) {
		chomp $line;
		my ($def, $case, $result, $id) = split /\t/, $line, -1;
		die "$file:$.: not 4 tab-separated fields\n" unless defined $id;
		push @r, { case => $case, result => $result, id => $id };
	}
	close $fh;
	return \@r;
}

# lava_differences(VERDICTS, RESULTS): how LAVA's RESULTS (read_lava_results) differ from the
# stream's VERDICTS (Hyptap::Verdicts::read_verdicts): a list of "ID: what" strings, empty when
# there is exactly one result per point, with the point's result and case name, in stream order.
sub lava_differences {
	my ($v, $results) = @_;
	my (@d, %seen);
	my %pos;
	@pos{ @{ $v->{order} } } = (0 .. $#{ $v->{order} });
	my $next = 0;
	for my $r (@$results) {
		my $id = $r->{id};
		if (!exists $v->{verdict}{$id}) {
			push @d, "$id: recorded by LAVA (case $r->{case}), not a point of the stream";
			next;
		}
		if ($seen{$id}++) {
			push @d, "$id: recorded " . $seen{$id} . " times";
			next;
		}
		my $want = lava_result($v->{verdict}{$id});
		push @d, "$id: LAVA result $r->{result}, the stream says $v->{verdict}{$id} ($want)" if $r->{result} ne $want;
		my $case = lava_case($id);
		push @d, "$id: LAVA case '$r->{case}', expected '$case'" if $r->{case} ne $case;
		push @d, "$id: recorded out of stream order" if $pos{$id} < $next;
		$next = $pos{$id} + 1;
	}
	push @d, map { "$_: a point of the stream that LAVA did not record" } grep { !$seen{$_} } @{ $v->{order} };
	return @d;
}

# case_collisions(IDS): the groups of distinct ids that LAVA would give the same case name, as
# "case: id1 id2 ..." strings (empty when the case name identifies the id).
sub case_collisions {
	my ($ids) = @_;
	my %by;
	my %uniq = map { $_ => 1 } @$ids;
	push @{ $by{ lava_case($_) } }, $_ for sort keys %uniq;
	return map { "$_: @{ $by{$_} }" } grep { @{ $by{$_} } > 1 } sort keys %by;
}

# lava_counts(RESULTS): { pass => N, fail => N, skip => N, unknown => N, ... } of LAVA's results.
sub lava_counts {
	my ($results) = @_;
	my %n = (pass => 0, fail => 0, skip => 0, unknown => 0);
	$n{ $_->{result} }++ for @$results;
	return \%n;
}

1;
