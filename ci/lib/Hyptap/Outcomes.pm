# Hyptap::Outcomes — what every platform of `ci/check.sh --platforms` records for a set of
# instances: a deviation (results/<platform>.expect, with its reason), a SKIP (a scope of
# results/<platform>.skip, with the CPU's reason), or a pass. For the generated pages
# (ci/gen-traps, ci/gen-stage2); the gate (ci/tap-gate --baseline --skips) fails `make check`
# whenever a run disagrees with those files, so the pages cannot drift from the runs.
package Hyptap::Outcomes;
use strict;
use warnings;
use Exporter qw(import);
use Hyptap::Baseline qw(read_baseline);
use Hyptap::SkipList qw(read_skiplist scope_of ids_digest);
our @EXPORT_OK = qw(read_platforms outcome_lines short_platform);

# read_platforms(\%listed, %opt): the platforms and their outcomes, as a hash
#   platforms  [ names, e.g. "qemu-7.2/max" ]
#   variant    { name => "", "el3" or "exhaustive" }
#   dev        { name => { id => reason } }
#   skip       { name => { id => reason } }
#   notrun     { name => { id => reason } }: results/qemu-<V>/not-run (families that abort that
#              QEMU, which ci/qemu-run leaves out there)
# %listed maps a variant ("" for the default boot, "exhaustive") to the ids the image lists in
# that boot ([ ids ]); a platform of another variant uses the default boot's. opt{skip_variant}:
# a regexp of variants to leave out. Every scope of a skip list must hold exactly the listed
# instances of this image, or the page would describe another one: dies naming the stale file.
sub read_platforms {
	my ($listed, %opt) = @_;
	my %r = (platforms => [], variant => {}, dev => {}, skip => {}, notrun => {});
	open my $pf, '-|', 'ci/check.sh', '--platforms' or die "ci/check.sh: $!\n";
	while (my $line = <$pf>) {
		chomp $line;
		# A boot through firmware (boot=KIND) is gated by the direct boot's results, so it is
		# the same platform here, not one more.
		next if $line =~ /\bboot=/;
		my $variant = (split ' ', $line)[3] // '';
		next if defined $opt{skip_variant} && $variant =~ $opt{skip_variant};
		chomp(my $name = `ci/results-name $line`);
		die "ci/results-name $line: failed\n" if $? || $name eq '';
		my @ids = @{ $listed->{$variant} // $listed->{''} };
		push @{ $r{platforms} }, $name;
		$r{variant}{$name} = $variant;
		my $bl = read_baseline("results/$name.expect");
		my $s = read_skiplist("results/$name.skip");
		my @errors = (@{ $bl->{errors} }, @{ $s->{errors} });
		die map { "$_\n" } @errors if @errors;
		$r{dev}{$name} = $bl->{reason};
		my ($qemu) = $name =~ m{^(qemu-[^/]+)/};
		for my $nr (read_not_run("results/$qemu/not-run")) {
			$r{notrun}{$name}{$_} = $nr->[1] for grep { $_ =~ $nr->[0] } @ids;
		}
		@ids = grep { !exists $r{notrun}{$name}{$_} } @ids;
		my %under;
		for my $id (@ids) {
			my $scope = scope_of($s->{scopes}, $id) // next;
			push @{ $under{$scope} }, $id;
			$r{skip}{$name}{$id} = $s->{scopes}{$scope}{reason};
		}
		for my $scope (@{ $s->{order} }) {
			my ($e, @in) = ($s->{scopes}{$scope}, @{ $under{$scope} // [] });
			die "results/$name.skip:$e->{line}: $scope lists $e->{count} instances (ids=$e->{digest}), "
				. "the image has " . @in . " (ids=" . ids_digest(@in) . "): stale, run make baseline\n"
				unless @in == $e->{count} && ids_digest(@in) eq $e->{digest};
		}
	}
	close $pf or die "ci/check.sh --platforms failed\n";
	return \%r;
}

# read_not_run(FILE): ([qr/glob/, reason], ...) of a not-run list ("<glob>  <reason>" lines, #
# comments); none when FILE does not exist.
sub read_not_run {
	my ($file) = @_;
	open my $fh, '<', $file or return ();
	my @r;
	while (my $line = <$fh>) {
		next if $line =~ /^\s*(#|$)/;
		my ($glob, $why) = $line =~ /^(\S+)\s+(.*?)\s*$/ or die "$file:$.: not \"<glob>  <reason>\"\n";
		(my $re = quotemeta $glob) =~ s/\\\*/.*/g;
		$re =~ s/\\\?/./g;
		push @r, [qr/^$re$/, $why];
	}
	return @r;
}

sub short_platform { my ($p) = @_; $p =~ s{^qemu-}{}; $p }

# outcome_lines($r, \@ids, $dev_key): one group's outcome on every platform, as markdown list
# lines "- **platforms**: outcome", platforms with the same outcome on one line. $dev_key (may
# be undef) maps a deviation's reason to the text it is counted under.
sub outcome_lines {
	my ($r, $ids, $dev_key) = @_;
	my (%by, @order);
	for my $p (@{ $r->{platforms} }) {
		my ($pass, %skips, %devs, %notrun) = (0);
		for my $id (@$ids) {
			if (exists $r->{notrun}{$p}{$id}) {
				$notrun{ $r->{notrun}{$p}{$id} }++;
			} elsif (exists $r->{dev}{$p}{$id}) {
				my $why = $r->{dev}{$p}{$id};
				$devs{ $dev_key ? $dev_key->($why) : $why }++;
			} elsif (exists $r->{skip}{$p}{$id}) {
				$skips{ $r->{skip}{$p}{$id} }++;
			} else {
				$pass++;
			}
		}
		my @parts;
		push @parts, "pass" . ($pass == @$ids ? '' : " $pass") if $pass;
		push @parts, "skip " . ($skips{$_} == @$ids ? '' : "$skips{$_}: ") . "$_" for sort keys %skips;
		push @parts, "deviation $devs{$_}: $_" for sort keys %devs;
		push @parts, "not run " . ($notrun{$_} == @$ids ? '' : "$notrun{$_}: ") . "(it aborts this QEMU): $_"
			for sort keys %notrun;
		my $what = join '; ', @parts;
		push @order, $what unless $by{$what};
		push @{ $by{$what} }, short_platform($p);
	}
	return map { "- **" . join(', ', @{ $by{$_} }) . "**: $_" } @order;
}

1;
