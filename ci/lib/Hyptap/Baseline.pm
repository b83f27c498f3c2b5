# Hyptap::Baseline — read a results/<platform>.expect baseline (format: docs/baselines.md), for
# ci/tap-gate (which gates on it) and ci/gen-traps (which documents it).
package Hyptap::Baseline;
use strict;
use warnings;
use Exporter qw(import);
use Hyptap::Text qw(bad_bytes quote);
our @EXPORT_OK = qw(read_baseline);

# read_baseline(FILE): a hash
#   exists  0 when FILE does not exist (an empty baseline)
#   reason  { id => reason } for every good entry
#   line    { id => its line number }
#   order   [ ids in file order ]
#   errors  [ "FILE:LINE: what is wrong" ] for every bad line
# Dies when FILE exists but cannot be read.
sub read_baseline {
	my ($file) = @_;
	my %b = (exists => 0, reason => {}, line => {}, order => [], errors => []);
	open my $fh, '<:raw', $file or do {
		return \%b if $!{ENOENT};
		die "$file: $!\n";
	};
	$b{exists} = 1;
	while (my $line = <$fh>) {
		my $bad;
		$bad = "the last line has no newline (cut short?)" unless $line =~ s/\n\z//;
		$bad //= bad_bytes($line);
		if (!defined $bad) {
			next if $line =~ /^\s*(#|\z)/;
			my ($id, $sep, $why) = $line =~ /^(\S+)([ \t]+)not-ok[ \t]+(\S.*?)\s*\z/;
			if (!defined $id) {
				$bad = "expected '<test-id><TAB or 2+ spaces>not-ok<spaces><reason>', got "
					. quote($line);
			} elsif ($sep !~ /\t| {2}/) {
				$bad = "separate the test id from 'not-ok' by a TAB or 2+ spaces";
			} elsif ($id =~ /[*?]/) {
				$bad = "'$id': glob patterns are not allowed, list exact test ids";
			} elsif (exists $b{reason}{$id}) {
				$bad = "'$id' listed twice (first on line $b{line}{$id})";
			} else {
				$b{reason}{$id} = $why;
				$b{line}{$id} = $.;
				push @{ $b{order} }, $id;
			}
		}
		push @{ $b{errors} }, "$file:$.: $bad" if defined $bad;
	}
	close $fh;
	return \%b;
}

1;
