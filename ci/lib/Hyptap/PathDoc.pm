# Hyptap::PathDoc — a generated page of one area whose families are grouped by the paths of the
# issue that added them (docs/virq.md by ci/gen-virq, docs/smp.md by ci/gen-smp): a summary
# table, then per path its families, their ids and their outcome per platform, from the
# committed results (Hyptap::Outcomes). A family of the area that no path claims stops the
# generator, so a new family cannot go undocumented.
package Hyptap::PathDoc;
use strict;
use warnings;
use Exporter qw(import);
use Hyptap::Listing qw(read_listing dev_key);
use Hyptap::Outcomes qw(read_platforms outcome_lines);

our @EXPORT_OK = qw(print_path_doc);

# print_path_doc(name => 'gen-virq', title => ..., intro => [lines], area => qr/.../,
#                paths => [[title, id regex, optional note], ...], listing => FILE,
#                exhaustive => FILE)
sub print_path_doc {
	my (%a) = @_;
	my ($area, @paths) = ($a{area}, @{ $a{paths} });
	my ($fam, $order, $ids) = read_listing($a{listing});
	my ($xfam, $xorder, $xids) = read_listing($a{exhaustive});
	my @families = grep { $_ =~ $area } @$xorder;
	die "$a{name}: no family of the area in the listing\n" unless @families;
	my %path_of;
	for my $f (@families) {
		my @hit = grep { $f =~ $paths[$_][1] } 0 .. $#paths;
		die "$a{name}: family $f belongs to no path (add it to ci/$a{name}'s \@paths)\n" unless @hit;
		$path_of{$f} = $hit[0];
	}
	my $r = eval { read_platforms({ '' => $ids, exhaustive => $xids }) } // die "$a{name}: $@";
	my %default = map { $_ => 1 } @$ids;
	my $count = grep { $_ =~ $area } @$ids;
	my $xcount = grep { $_ =~ $area } @$xids;

	print "# $a{title}\n\n";
	print "$_\n" for @{ $a{intro} };
	print "\n";
	printf "%d famil%s, %d instances in a default boot, %d with `hyptap.exhaustive`, on %d platforms.\n\n",
		scalar @families, @families == 1 ? 'y' : 'ies', $count, $xcount, scalar @{ $r->{platforms} };
	print "| path | families | instances |\n| --- | --- | ---: |\n";
	for my $p (0 .. $#paths) {
		my @in = grep { $path_of{$_} == $p } @families;
		my $n = 0;
		$n += @{ $xfam->{$_}{ids} } for @in;
		printf "| %d. %s | %s | %d |\n", $p + 1, $paths[$p][0], @in ? join(', ', map { "`$_`" } @in) : 'none yet', $n;
	}

	for my $p (0 .. $#paths) {
		my @in = grep { $path_of{$_} == $p } @families;
		printf "\n## %d. %s\n\n", $p + 1, $paths[$p][0];
		print "$paths[$p][2]\n\n" if defined $paths[$p][2];
		unless (@in) {
			print "No family yet.\n";
			next;
		}
		print "| family | rows | a default boot runs | rule |\n| --- | ---: | --- | --- |\n";
		for my $f (@in) {
			my $x = $xfam->{$f};
			my $n = @{ $fam->{$f}{ids} // [] };
			my $runs = $x->{sample} ? "$n (a `hyptap.seed` sample)" : "all";
			printf "| `%s` | %d | %s | %s |\n", $f, $x->{rows}, $runs, $x->{rule};
		}
		print "\n### Scenario ids\n";
		for my $f (@in) {
			printf "\n<details><summary><code>%s</code>: %d ids</summary>\n\n```\n", $f, scalar @{ $xfam->{$f}{ids} };
			print(($default{$_} ? '  ' : '+ ') . "$_\n") for @{ $xfam->{$f}{ids} };
			print "```\n\n</details>\n";
		}
		print "\n### Outcome per platform\n";
		my %sub = (%$r, platforms => [ grep { $r->{variant}{$_} ne 'exhaustive' } @{ $r->{platforms} } ]);
		for my $f (@in) {
			printf "\n`%s`:\n\n", $f;
			print "$_\n" for outcome_lines(\%sub, $fam->{$f}{ids} // [], \&dev_key);
		}
	}
}

1;
