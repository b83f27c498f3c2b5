# Hyptap::Gate — what the baseline gate makes of one raw result and of the baseline entries a
# complete run left unmatched (docs/baselines.md, "What the gate does"). ci/tap-gate gates on
# these decisions, ci/report shows them: one definition, so the report cannot call a result
# something the gate did not.
package Hyptap::Gate;
use strict;
use warnings;
use Exporter qw(import);
our @EXPORT_OK = qw(baseline_key judge unmatched_entries);

# baseline_key(ID, REASONS): the baseline entry that stands for ID in REASONS ({ id => reason },
# Hyptap::Baseline): ID's own, else, for a hyptap.on=all id "ID@cpuN", the entry of ID (one core
# type's baseline); ID itself when neither is listed.
sub baseline_key {
	my ($id, $reason) = @_;
	return $1 if !exists $reason->{$id} && $id =~ /^(.+)\@cpu\d+\z/ && exists $reason->{$1};
	return $id;
}

# judge(PARSED, REASONS): the gate's decision on one raw result (PARSED: Hyptap::RawTap's
# parse_result), one of
#   'skip', 'todo'  the image's own directive, passed on as it is
#   'pass'          ok, not listed
#   'new'           not ok, not listed: a new failure (fails the gate)
#   'stale'         ok, but listed as a deviation (fails the gate)
#   'known'         not ok and listed: a known deviation (a TODO for prove)
sub judge {
	my ($r, $reason) = @_;
	return $r->{kind} if $r->{kind} ne '';
	my $listed = exists $reason->{ baseline_key($r->{id}, $reason) };
	return $r->{ok} ? ($listed ? 'stale' : 'pass') : ($listed ? 'known' : 'new');
}

# unmatched_entries(ORDER, USED, SEEN): the entries of a complete, unfiltered run's baseline
# (ORDER: its ids in file order) that no failing or passing result matched (USED: key => 1 for
# every 'known' and 'stale' decision): stale too. Each as [id, what happened], the latter
# "matched no failing result (SKIP/TODO)" when the run has the id (SEEN: id => 1), else "is not
# in the run".
sub unmatched_entries {
	my ($order, $used, $seen) = @_;
	return map { [ $_, $seen->{$_} ? "matched no failing result (SKIP/TODO)" : "is not in the run" ] }
		grep { !$used->{$_} } @$order;
}

1;
