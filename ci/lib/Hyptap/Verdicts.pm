# Hyptap::Verdicts — the verdict of every instance of a raw run, and the differences between
# two runs of the same image with different PE counts (tests/smp-verdicts.t).
#
# A verdict is what TAP says of a result: "ok", "not ok", "skip" or "todo" (the image's own
# directives). Comments (the "# cpu N" after each result of an SMP run, the header) and YAML
# blocks do not count: which PE ran an instance must not change its verdict.
package Hyptap::Verdicts;
use strict;
use warnings;
use Exporter qw(import);
use Hyptap::RawTap qw(parse_result);
our @EXPORT_OK = qw(read_verdicts pe_count_differences);

# read_verdicts(FILE): a hash
#   plan      the plan's count, or undef
#   results   the number of result lines
#   order     [ ids in stream order ]
#   verdict   { id => "ok" | "not ok" | "skip" | "todo" }
#   reason    { id => the SKIP/TODO reason }
#   dup       [ ids that occur more than once ]
sub read_verdicts {
	my ($file) = @_;
	my %r = (plan => undef, results => 0, order => [], verdict => {}, reason => {}, dup => []);
	open my $fh, '<', $file or die "$file: $!\n";
	while (my $line = <$fh>) {
		chomp $line;
		$r{plan} //= $1 if $line =~ /^1\.\.(\d+)/;
		my $res = parse_result($line) or next;
		$r{results}++;
		my $id = $res->{id};
		push @{ $r{dup} }, $id if exists $r{verdict}{$id};
		push @{ $r{order} }, $id unless exists $r{verdict}{$id};
		$r{verdict}{$id} = $res->{kind} || ($res->{ok} ? 'ok' : 'not ok');
		$r{reason}{$id} = $res->{reason};
	}
	return \%r;
}

# pe_count_differences(A, B, %opt): the ids whose verdict differs between run A at opt{a} PEs
# and run B at opt{b} PEs (a < b), in A's order and then B's, each as a hash
#   id, a, b   the id and its two verdicts ("absent" when a run lacks it)
#   why        undef for a difference the PE count must not make, else what allows it:
#     - the id is a cross-PE instance (smp.*) that SKIPs in A with a reason naming A's PE count
#       (it needs more PEs than A has) and does not skip in B;
#     - an emulator deviation that only one of the two PE counts has, recorded in the committed
#       baselines: opt{baseline_a} and opt{baseline_b} ({ id => reason }, Hyptap::Baseline's
#       reason hash for each run's platform) list the id exactly where its run says "not ok",
#       and the other run says "ok".
sub pe_count_differences {
	my ($ra, $rb, %opt) = @_;
	my ($na, $nb, $bla, $blb) = @opt{qw(a b baseline_a baseline_b)};
	my (@d, %seen);
	for my $id (@{ $ra->{order} }, @{ $rb->{order} }) {
		next if $seen{$id}++;
		my ($va, $vb) = map { $_->{verdict}{$id} // 'absent' } $ra, $rb;
		next if $va eq $vb;
		my $why;
		if ($id =~ /^smp\./ && $va eq 'skip' && $vb ne 'skip' && $vb ne 'absent'
			&& names_pe_count($ra->{reason}{$id}, $na)) {
			$why = "needs more PEs than $na: SKIP ($ra->{reason}{$id})";
		} elsif ("$va $vb" =~ /^(ok not ok|not ok ok)$/
			&& exists $bla->{$id} == ($va eq 'not ok') && exists $blb->{$id} == ($vb eq 'not ok')) {
			$why = "an emulator deviation at " . ($va eq 'not ok' ? $na : $nb) . " PEs only, in its baseline: "
				. ($bla->{$id} // $blb->{$id});
		}
		push @d, { id => $id, a => $va, b => $vb, why => $why };
	}
	return @d;
}

# names_pe_count(REASON, N): whether a SKIP reason names N as the number of PEs online, as the
# image's reason for a cross-PE instance on too few PEs does ("needs 2 PEs at once, 1 online
# and selected", scenarios/runner.c).
sub names_pe_count {
	my ($reason, $n) = @_;
	return defined $reason && $reason =~ /(?<![\d.])$n online\b/;
}

1;
