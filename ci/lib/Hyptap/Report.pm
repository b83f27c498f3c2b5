# Hyptap::Report — one platform's run as the HTML report (ci/report) shows it: the raw stream
# (build/results/raw/<name>.tap) read with Hyptap::RawTap, each result judged against the
# platform's baseline and skip list by Hyptap::Gate (the gate's own decisions), grouped by family.
package Hyptap::Report;
use strict;
use warnings;
use Exporter qw(import);
use Hyptap::RawTap qw(parse_result);
use Hyptap::Baseline qw(read_baseline);
use Hyptap::SkipList qw(read_skiplist scope_of);
use Hyptap::Gate qw(baseline_key judge unmatched_entries);
our @EXPORT_OK = qw(family_of read_run read_plain_tap gate_points @KINDS);

# What a cell counts, in the order the page shows them.
our @KINDS = qw(pass skip todo known new stale);

# family_of(ID): the family an instance is counted under: its id up to the first '[' (or the
# "@cpuN" of a hyptap.on=all run), cut after its second dot-separated part. "trap.fgt.hcr[...]"
# is in trap.fgt, "errata.834220.s2-fault" in errata.834220, "el2.probe" in el2.probe.
sub family_of {
	my ($id) = @_;
	my ($scenario) = $id =~ /^([^\[\@]*)/;
	my @parts = split /\./, $scenario, 3;
	my $f = join '.', grep { defined } @parts[ 0 .. 1 ];
	return $f eq '' ? '(no id)' : $f;
}

# read_run(RAW, EXPECT, SKIP): a hash
#   header    [ comment lines between "TAP version" and the first result, without "# " ]
#   plan      the plan's count, or undef
#   summary   the image's "# summary: ..." line, or undef
#   bail      the "Bail out!" line, or undef
#   cut       1 when the last line has no newline (the stream was cut short)
#   complete  1 when the stream ended normally: no bail-out, a plan, as many results
#   results   [ { num, id, family, ok, kind, reason, decision, line, yaml => [lines],
#                 baseline => the listed reason (known, stale) } ] in stream order
#   unmatched [ { id, family, reason, now } ]: baseline entries a complete run left unmatched,
#             stale as ci/tap-gate counts them
#   count     { family => { kind => n } } for every kind of @KINDS
#   skipscope { id => the skip list's scope for a SKIP } (the entry whose reason the CPU gave)
#   exists    { expect => 0/1, skip => 0/1 }: whether the results files exist
sub read_run {
	my ($raw, $expect, $skip) = @_;
	my $bl = read_baseline($expect);
	my $sl = read_skiplist($skip);
	my %run = (header => [], plan => undef, summary => undef, bail => undef, cut => 0, results => [],
		unmatched => [], count => {}, skipscope => {},
		exists => { expect => $bl->{exists}, skip => $sl->{exists} });
	open my $fh, '<:raw', $raw or die "$raw: $!\n";
	my ($yaml, %used, %seen);
	while (defined(my $line = <$fh>)) {
		$run{cut} = 1 unless $line =~ s/\n\z//;
		if ($yaml) {	# a YAML block after a result, up to its "..."
			if ($line =~ /^\s/ || $line eq '') {
				push @{ $yaml->{yaml} }, $line;
				undef $yaml if $line =~ /^\s+\.\.\.\s*\z/;
				next;
			}
			undef $yaml;
		}
		next if defined $run{bail};
		if (my $r = parse_result($line)) {
			my $key = baseline_key($r->{id}, $bl->{reason});
			$seen{$_} = 1 for $r->{id}, $key;
			my $d = judge($r, $bl->{reason});
			$used{$key} = 1 if $d eq 'known' || $d eq 'stale';
			my %res = (%$r, family => family_of($r->{id}), decision => $d, line => $line, yaml => []);
			$res{baseline} = $bl->{reason}{$key} if $d eq 'known' || $d eq 'stale';
			push @{ $run{results} }, \%res;
			$run{count}{ $res{family} }{$d}++;
			if ($d eq 'skip') {
				my $scope = scope_of($sl->{scopes}, $r->{id});
				$run{skipscope}{ $r->{id} } = $scope if defined $scope;
			}
		} elsif ($line =~ /^\s+---\s*\z/ && @{ $run{results} }) {
			$yaml = $run{results}[-1];
			push @{ $yaml->{yaml} }, $line;
		} elsif ($line =~ /^1\.\.(\d+)/) {
			$run{plan} //= $1;
		} elsif ($line =~ /^TAP version\b/ && !@{ $run{results} }) {
			@{ $run{header} } = ();	# what came before it is firmware's (U-Boot's "## ..." lines)
		} elsif ($line =~ /^Bail out!/) {
			$run{bail} = $line;
		} elsif ($line =~ /^# summary:/) {
			$run{summary} //= $line;
		} elsif ($line =~ /^#\s?(.*)/ && !@{ $run{results} }) {
			push @{ $run{header} }, $1;
		}
	}
	close $fh;
	$run{complete} = !defined $run{bail} && !$run{cut} && defined $run{plan} && $run{plan} == @{ $run{results} } ? 1 : 0;
	if ($run{complete}) {	# as ci/tap-gate: only a complete run can say an entry is gone
		for my $e (unmatched_entries($bl->{order}, \%used, \%seen)) {
			my ($id, $now) = @$e;
			push @{ $run{unmatched} }, { id => $id, family => family_of($id), reason => $bl->{reason}{$id}, now => $now };
			$run{count}{ family_of($id) }{stale}++;
		}
	}
	for my $f (values %{ $run{count} }) {
		$f->{$_} //= 0 for @KINDS;
	}
	return \%run;
}

# read_plain_tap(FILE): a TAP stream of a host test or a tests/*.t script, as prove dumped it
# (top-level result lines only; a subtest's indented lines belong to its summary line): a hash
#   count   { pass, fail, skip, todo }
#   plan    the plan's count, or undef
#   failed  [ the result lines that failed ]
#   bail    the "Bail out!" line, or undef
sub read_plain_tap {
	my ($file) = @_;
	my %t = (count => { map { $_ => 0 } qw(pass fail skip todo) }, plan => undef, failed => [], bail => undef);
	open my $fh, '<:raw', $file or die "$file: $!\n";
	while (defined(my $line = <$fh>)) {
		$line =~ s/\n\z//;
		if (my $r = parse_result($line)) {
			my $kind = $r->{kind} || ($r->{ok} ? 'pass' : 'fail');
			$t{count}{$kind}++;
			push @{ $t{failed} }, $line if $kind eq 'fail';
		} elsif ($line =~ /^1\.\.(\d+)/) {
			$t{plan} //= $1;
		} elsif ($line =~ /^Bail out!/) {
			$t{bail} //= $line;
		}
	}
	close $fh;
	return \%t;
}

# gate_points(FILE, N): the failing points ci/tap-gate added after the N results it judged
# (a broken or cut stream, a stale baseline entry, a SKIP-list difference, a bad results file),
# read from its output as prove dumped it (build/results/tap/build/t/<name>.t): [ descriptions ].
# Undef when FILE does not exist.
sub gate_points {
	my ($file, $n) = @_;
	open my $fh, '<:raw', $file or return undef;
	my ($seen, @points) = (0);
	while (defined(my $line = <$fh>)) {
		$line =~ s/\n\z//;
		my $r = parse_result($line) or next;
		push @points, $r->{id} =~ s/\\#/#/gr if ++$seen > $n && !$r->{ok};
	}
	close $fh;
	return \@points;
}

1;
