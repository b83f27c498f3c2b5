# Hyptap::Listing — the image's scenario list (hyptap.list) as the generated area pages read it
# (ci/gen-stage2, ci/gen-virq): families with their rows, sample and rule, their instances, the
# dimensions of their row names, and the key a deviation is counted under.
package Hyptap::Listing;
use strict;
use warnings;
use Exporter qw(import);
our @EXPORT_OK = qw(read_listing dimensions dev_key);

# read_listing(FILE): (\%family, \@family_order, \@all_ids, \@family_of_each_id) for every
# instance the image lists, in its order.
sub read_listing {
	my ($file) = @_;
	my (%fam, @order, @ids, @fam_of, $cur);
	open my $fh, '<', $file or die "listing: $file: $!\n";
	while (<$fh>) {
		if (/^# family (\S+)\trows=(\d+)\tsample=(\d+)\trule=(.*?)\s*$/) {
			$cur = $1;
			$fam{$cur} = { rows => $2, sample => $3, rule => $4, ids => [] } unless $fam{$cur};
			push @order, $cur unless grep { $_ eq $cur } @order;
		} elsif (/^# ([a-z0-9]\S*)(?:\t.*)?$/) {
			die "listing: $file: instance $1 before any '# family' line\n" unless defined $cur;
			push @ids, $1;
			push @fam_of, $cur;
			push @{ $fam{$cur}{ids} }, $1;
		}
	}
	close $fh;
	return (\%fam, \@order, \@ids, \@fam_of);
}

# The dimensions of a family: its row names' parameters in order, "key=value" or a bare value
# (named by its position), with every value in order of appearance. Several [...] groups
# ("el2.ctrl[hcr][fwb,FEAT_S2FWB]") are parameters in the same order.
sub dimensions {
	my ($ids) = @_;
	my (@keys, %vals, %seen);
	for my $id (@$ids) {
		my ($params) = $id =~ /\[(.*)\]$/ or next;
		$params =~ s/\]\[/,/g;
		my $pos = 0;
		for my $p (split /,/, $params) {
			$pos++;
			my ($k, $v) = $p =~ /^([a-z0-9_]+)=(.*)$/ ? ($1, $2) : ("#$pos", $p);
			push @keys, $k unless exists $vals{$k};
			$vals{$k} //= [];
			push @{ $vals{$k} }, $v unless $seen{$k}{$v}++;
		}
	}
	return map { [$_, $vals{$_}] } @keys;
}

# A deviation counts under its rule (the text before the first ': ') and its evidence (from
# "QEMU " on), so that one cause over many rows is one line; the full reason per id is in the
# baseline file.
sub dev_key {
	my ($why) = @_;
	# Row names and "(s1=... over s2=...)" asides name the row, not the cause.
	$why =~ s/\b[a-z0-9]+(?:\.[a-z0-9-]+)+\[[^\]]*\]/<row>/g;
	$why =~ s/ ?\([^()]*=[^()]*\)//g;
	my ($rule) = $why =~ /^(.*?): /;
	my ($evidence) = $why =~ /(QEMU .*)$/;
	return $why unless defined $rule && defined $evidence;
	return "$rule … $evidence";
}

1;
