# Hyptap::Coverage — the pieces of docs/coverage.md (ci/gen-coverage): the field list
# (ci/coverage/el2-fields.tsv), the fields each instance declares in hyptap.list
# ("\tfields=+-HCR_EL2.TWI ?VTCR_EL2.19": struct scenario .fields/.row_fields), the features a
# CPU has ("# feature <name>\t<present|needs ...>"), and what every platform recorded for a
# field's instances. Host-tested by tests/coverage.t.
package Hyptap::Coverage;
use strict;
use warnings;
use Exporter qw(import);
use Hyptap::Outcomes qw(short_platform);
our @EXPORT_OK = qw(read_fields resolve read_uses read_features platform_outcome field_outcomes gap_reason ratio);

# read_fields(FILE): the field list, as
#   regs    [ register names, in file order ]
#   by_reg  { reg => [ keys, in file order ] }
#   field   { key => { reg, name, bits, lo, hi, feature } }, key = "REG.NAME"
# Lines: "register<TAB>field<TAB>msb[:lsb]<TAB>feature"; '#' comments. Dies naming FILE:LINE on a
# malformed line, a bit outside 0..63, msb < lsb, a name given twice or bits that overlap another
# field of the register (a transcription slip would otherwise measure the wrong field).
sub read_fields {
	my ($file) = @_;
	my %f = (regs => [], by_reg => {}, field => {});
	my %bit_owner;
	open my $fh, '<', $file or die "$file: $!\n";
	while (my $line = <$fh>) {
		next if $line =~ /^\s*(#|$)/;
		chomp $line;
		my ($reg, $name, $bits, $feature, @extra) = split /\t/, $line;
		die "$file:$.: not \"register<TAB>field<TAB>msb[:lsb]<TAB>feature\": $line\n"
			if @extra || !defined $feature || $feature eq '' || $reg !~ /^[A-Z][A-Z0-9_]*(?:\(E2H=1\))?$/
			|| $name !~ /^\w+$/ || $bits !~ /^(\d+)(?::(\d+))?$/;
		my ($hi, $lo) = ($1, $2 // $1);
		die "$file:$.: $reg.$name: bits $bits: msb below lsb or beyond 63\n" if $hi < $lo || $hi > 63;
		my $key = "$reg.$name";
		die "$file:$.: $key listed twice\n" if $f{field}{$key};
		for my $b ($lo .. $hi) {
			die "$file:$.: $key: bit $b is also $bit_owner{$reg}{$b}\n" if $bit_owner{$reg}{$b};
			$bit_owner{$reg}{$b} = $key;
		}
		push @{ $f{regs} }, $reg unless $f{by_reg}{$reg};
		push @{ $f{by_reg}{$reg} }, $key;
		$f{field}{$key} = { reg => $reg, name => $name, bits => $bits, lo => $lo, hi => $hi, feature => $feature };
	}
	close $fh;
	die "$file: no field\n" unless @{ $f{regs} };
	return \%f;
}

# resolve($f, "REG.F"): the key of the field, or undef. F is the field's name (any case) or a
# bit number inside it. "REG(E2H=1).F" is the E2H = 1 layout, which lists only the fields that
# differ: a field it does not list is REG's (the same bits in both layouts).
sub resolve {
	my ($f, $ref) = @_;
	my ($reg, $what) = $ref =~ /^([A-Z][A-Z0-9_]*(?:\(E2H=1\))?)\.(\w+)$/ or return undef;
	for my $r ($reg, $reg =~ /^(.*)\(E2H=1\)$/) {
		for my $key (@{ $f->{by_reg}{$r} // [] }) {
			my $fd = $f->{field}{$key};
			return $key if $what =~ /^\d+$/ ? $what >= $fd->{lo} && $what <= $fd->{hi} : lc $what eq lc $fd->{name};
		}
	}
	return undef;
}

# read_uses($f, LISTING): what the listing's instances declare, as
#   ids   [ every instance id, in order ]
#   uses  { key => { '+' => [ids], '-' => [ids], '?' => [ids] } }
# A token is "<marks>REG.F", marks one or more of + (set, effect checked), - (clear, absence
# checked), ? (read/write probe). Dies naming the line on an unknown field or a token without
# marks: a scenario that names a field the list does not have is a bug in one of them.
sub read_uses {
	my ($f, $listing) = @_;
	my (@ids, %uses);
	open my $fh, '<', $listing or die "$listing: $!\n";
	while (my $line = <$fh>) {
		next unless $line =~ /^# ([a-z0-9]\S*)(?:\t(.*?))?\s*$/;
		my ($id, $rest) = ($1, $2 // '');
		push @ids, $id;
		my ($spec) = $rest =~ /(?:^|\t)fields=([^\t]*)/ or next;
		for my $tok (split ' ', $spec) {
			my ($marks, $ref) = $tok =~ /^([-+?]+)(\S+)$/
				or die "$listing:$.: $id: field \"$tok\" has no +, - or ? mark\n";
			my $key = resolve($f, $ref) // die "$listing:$.: $id: \"$ref\" is no field of ci/coverage/el2-fields.tsv\n";
			my %seen;
			push @{ $uses{$key}{$_} }, $id for grep { !$seen{$_}++ } split //, $marks;
		}
	}
	close $fh;
	die "$listing: no instance\n" unless @ids;
	return { ids => \@ids, uses => \%uses };
}

# read_features(LISTING): { name => "present" | "needs ..." } from its "# feature" lines.
sub read_features {
	my ($listing) = @_;
	my %feat;
	open my $fh, '<', $listing or die "$listing: $!\n";
	while (<$fh>) {
		$feat{$1} = $2 if /^# feature ([^\t]+)\t(.*?)\s*$/;
	}
	close $fh;
	die "$listing: no '# feature' line (an image older than docs/coverage.md?)\n" unless %feat;
	return \%feat;
}

# platform_outcome($r, PLATFORM, \@ids): what PLATFORM (a name of $r, from
# Hyptap::Outcomes::read_platforms) recorded for the instances @ids: "ran-pass" when some
# instance ran and none deviates, "ran-deviation (k of n)" when k of the n that ran deviate (the
# baseline's reasons are in results/ and docs/traps.md), "skipped (the CPU's reasons)" when none ran, "not run (reason)"
# when the platform's QEMU leaves them out.
sub platform_outcome {
	my ($r, $p, $ids) = @_;
	my (@ran, %skip, %notrun, $dev);
	$dev = 0;
	for my $id (@$ids) {
		if (exists $r->{notrun}{$p}{$id}) {
			$notrun{ $r->{notrun}{$p}{$id} } = 1;
		} elsif (exists $r->{skip}{$p}{$id}) {
			$skip{ $r->{skip}{$p}{$id} } = 1;
		} else {
			push @ran, $id;
			$dev++ if exists $r->{dev}{$p}{$id};
		}
	}
	return @ran && $dev ? "ran-deviation ($dev of " . @ran . ')'
		: @ran ? 'ran-pass'
		: %skip ? 'skipped (' . join(' / ', sort keys %skip) . ')'
		: 'not run (' . join(' / ', sort keys %notrun) . ')';
}

# field_outcomes($r, \@ids): platform_outcome() on every platform, grouped:
# ([ text, [ short platform names ] ], ...) in platform order.
sub field_outcomes {
	my ($r, $ids) = @_;
	my (%by, @order);
	for my $p (@{ $r->{platforms} }) {
		my $what = platform_outcome($r, $p, $ids);
		push @order, $what unless $by{$what};
		push @{ $by{$what} }, short_platform($p);
	}
	return map { [ $_, $by{$_} ] } @order;
}

# gap_reason($feature, \%features): why no scenario exercises a field, from what the superset
# model (QEMU 10.0 max, %features from its hyptap.list) implements. $feature may be "A + B": the
# first one the model lacks decides, then the first one hyptap cannot ask about.
sub gap_reason {
	my ($feature, $feat) = @_;
	return 'not written yet (every EL2 implementation has the field)' if $feature eq 'base';
	my @need = split / \+ /, $feature;
	for my $n (@need) {
		my $st = $feat->{$n} // next;
		return "no model implements it (QEMU 10.0 max: $st)" if $st ne 'present';
	}
	for my $n (@need) {
		return "not written yet ($n is not in scenarios/model/cpu_features.c: no model was asked)"
			unless defined $feat->{$n};
	}
	return "not written yet (QEMU 10.0 max has $feature)";
}

# ratio(N, D): "N/D (P%)", "0/0 (-)" when there is nothing to cover.
sub ratio {
	my ($n, $d) = @_;
	return $d ? sprintf('%d/%d (%.0f%%)', $n, $d, 100 * $n / $d) : "$n/0 (-)";
}

1;
