# Hyptap::SkipList — the results/<platform>.skip format (docs/baselines.md): written by
# ci/skip-list, enforced by ci/tap-gate --skips, read by ci/gen-traps for docs/traps.md.
#
# A skip list names each SKIP of a complete run by scope, not by instance: a scope is a test id
# cut after its scenario id or after one of its "[...]" parameter groups, and
#     <scope>  skip <count> ids=<digest>  <reason>
# says that every instance of the run whose id is <scope> or starts with "<scope>[" (or, with
# hyptap.on=all, "<scope>@cpu") skips with
# exactly <reason>, that there are <count> of them, and that <digest> is the first 12 hex digits
# of the SHA-1 of their ids, sorted bytewise, one per line with "\n" after each (the same as
# `LC_ALL=C sort -u | sha1sum`). The writer picks for each skipped instance the shortest scope
# whose instances all skip with one reason, so "trap.fgt  skip 1440 ..." stands for 1440 lines.
# The count is what a reviewer reads; the digest keeps the gate exact: an instance renamed
# under a scope changes it even when the count stays.
package Hyptap::SkipList;
use strict;
use warnings;
use Exporter qw(import);
use Digest::SHA qw(sha1_hex);
use Hyptap::Text qw(bad_bytes quote);
our @EXPORT_OK = qw(scope_prefixes scope_of ids_digest read_skiplist skiplist_lines);

# The shape of every id the image prints, and so of every scope: a scenario id, then "[...]"
# parameter groups, then, in a hyptap.on=all run, the PE that ran it ("@cpu3").
my $ID = qr/^[^\[\]\s\@]+(?:\[[^\[\]]*\])*(?:\@cpu\d+)?\z/;

# scope_prefixes(ID): the scopes ID lies in, shortest first: the scenario id, then one more
# "[...]" group each, ending with ID itself. A hyptap.on=all id "ID@cpuN" lies in the scopes of
# ID and then in itself, so that one scope covers an instance on every PE. An id not of the
# form scenario[..][..] has only itself.
sub scope_prefixes {
	my ($id) = @_;
	my ($scenario, $groups, $pe) = $id =~ /^([^\[\]\@]+)((?:\[[^\[\]]*\])*)(\@cpu\d+)?\z/ or return ($id);
	my @p = ($scenario);
	push @p, $p[-1] . $1 while $groups =~ /\G(\[[^\[\]]*\])/gc;
	push @p, $id if defined $pe;
	return @p;
}

# scope_of(SCOPES, ID): the scope in the hash SCOPES (scope => anything) that ID lies in, or
# undef. Scopes of one list never nest (read_skiplist checks), so there is at most one.
sub scope_of {
	my ($scopes, $id) = @_;
	for my $p (reverse scope_prefixes($id)) {
		return $p if exists $scopes->{$p};
	}
	return undef;
}

# ids_digest(IDS...): the digest of a set of ids, as described above.
sub ids_digest {
	my %u = map { $_ => 1 } @_;
	return substr(sha1_hex(join '', map { "$_\n" } sort keys %u), 0, 12);
}

# read_skiplist(FILE): a hash
#   exists  0 when FILE does not exist (an empty list)
#   scopes  { scope => { count, digest, reason, line } } for every good entry
#   order   [ scopes in file order ]
#   errors  [ "FILE:LINE: what is wrong" ] for every bad line
# Dies when FILE exists but cannot be read.
sub read_skiplist {
	my ($file) = @_;
	my %s = (exists => 0, scopes => {}, order => [], errors => []);
	open my $fh, '<:raw', $file or do {
		return \%s if $!{ENOENT};
		die "$file: $!\n";
	};
	$s{exists} = 1;
	while (my $line = <$fh>) {
		my $bad;
		$bad = "the last line has no newline (cut short?)" unless $line =~ s/\n\z//;
		$bad //= bad_bytes($line);
		if (!defined $bad) {
			next if $line =~ /^\s*(#|\z)/;
			my ($scope, $count, $digest, $why) =
				$line =~ /^(\S+)(?:\t| {2,})skip ([1-9]\d*) ids=([0-9a-f]{12})(?:\t| {2,})(\S.*?)\s*\z/;
			if (!defined $scope) {
				$bad = $line =~ /^\S+(?:\t| {2,})skip(?:\t| {2,})\S/
					? "one test id per line is the old format: regenerate the list (make baseline)"
					: "expected '<scope>  skip <count> ids=<12 hex digits>  <reason>', got " . quote($line);
			} elsif ($scope =~ /[*?]/) {
				$bad = "'$scope': a scope is an id prefix, not a glob";
			} elsif ($scope !~ $ID) {
				$bad = "'$scope' is not a test id cut after its scenario id or a '[...]' group";
			} elsif (exists $s{scopes}{$scope}) {
				$bad = "'$scope' listed twice (first on line $s{scopes}{$scope}{line})";
			} else {
				$s{scopes}{$scope} = { count => $count, digest => $digest, reason => $why, line => $. };
				push @{ $s{order} }, $scope;
			}
		}
		push @{ $s{errors} }, "$file:$.: $bad" if defined $bad;
	}
	close $fh;
	# Nested scopes would make one instance belong to two entries.
	for my $scope (@{ $s{order} }) {
		my @outer = grep { $_ ne $scope && exists $s{scopes}{$_} } scope_prefixes($scope);
		next unless @outer;
		my $e = $s{scopes}{$scope};
		push @{ $s{errors} }, "$file:$e->{line}: '$scope' lies inside '$outer[0]' (line $s{scopes}{$outer[0]}{line})";
		delete $s{scopes}{$scope};
	}
	@{ $s{order} } = grep { exists $s{scopes}{$_} } @{ $s{order} };
	return \%s;
}

# skiplist_lines(NAME, RUN): the skip list of one complete run as lines (with "\n"). RUN is a
# list of [id, skip reason or undef] in run order (repeated ids count once). Entries are grouped
# by scenario (in run order), then by reason.
sub skiplist_lines {
	my ($name, $run) = @_;
	my (@ids, %why, %under);	# unique ids in order; id -> reason or undef; scope -> ids
	for my $r (@$run) {
		my ($id, $why) = @$r;
		next if exists $why{$id};
		die "skip-list: test id " . quote($id) . " is not of the form scenario[...][...] without blanks or globs\n"
			if $id !~ $ID || $id =~ /[\s*?]/;
		die "skip-list: the SKIP of $id gives no reason\n" if defined $why && $why !~ /\S/;
		push @ids, $id;
		$why{$id} = $why;
		push @{ $under{$_} }, $id for scope_prefixes($id);
	}
	# uniform(SCOPE): the reason all instances under SCOPE skip with, or undef.
	my %uniform;
	my $uniform = sub {
		my ($p) = @_;
		return $uniform{$p} if exists $uniform{$p};
		my $why = $why{ $under{$p}[0] };
		for (@{ $under{$p} }) {
			$why = undef, last unless defined $why{$_} && defined $why && $why{$_} eq $why;
		}
		return $uniform{$p} = $why;
	};
	# For each skipped instance, the shortest scope whose instances all skip with its reason.
	my (%entry, @order);
	my $total = 0;
	for my $id (grep { defined $why{$_} } @ids) {
		$total++;
		for my $p (scope_prefixes($id)) {
			next unless defined $uniform->($p);
			push @order, $p unless $entry{$p}++;
			last;
		}
	}
	my (@by_scenario, %group);	# scenario -> reason -> scopes
	for my $p (@order) {
		my ($scenario) = scope_prefixes($p);
		my $why = $why{ $under{$p}[0] };
		push @by_scenario, $scenario unless $group{$scenario};
		push @{ $group{$scenario}{reasons} }, $why unless $group{$scenario}{scopes}{$why};
		push @{ $group{$scenario}{scopes}{$why} }, $p;
	}
	my @lines = (
		"# hyptap skip list: $name, $total SKIPs in " . @order . " scopes. Generated by ci/skip-list (make\n",
		"# baseline) from a complete run; checked by ci/tap-gate --skips; format: docs/baselines.md.\n",
		"# <scope>  skip <count> ids=<digest>  <reason the CPU gave>: the <count> instances whose id is\n",
		"# <scope> or starts with \"<scope>[\" all skip, for that reason.\n", "\n");
	for my $scenario (@by_scenario) {
		for my $why (@{ $group{$scenario}{reasons} }) {
			for my $p (@{ $group{$scenario}{scopes}{$why} }) {
				push @lines, sprintf "%s  skip %d ids=%s  %s\n", $p, scalar @{ $under{$p} },
					ids_digest(@{ $under{$p} }), $why;
			}
		}
	}
	return @lines;
}

1;
