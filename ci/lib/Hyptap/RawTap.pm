# Hyptap::RawTap — a result line of the image's TAP stream, read the same way by ci/tap-gate,
# ci/baseline and ci/skip-list.
#
# The image writes "ok N - <id>" or "not ok N - <id>", optionally followed by its own directive
# " # SKIP <reason>" or " # TODO <reason>" (tap/tap.c); '#' never occurs in an id (the image
# prints it as '_'), so the first unescaped '#' starts the directive as TAP 13 says.
package Hyptap::RawTap;
use strict;
use warnings;
use Exporter qw(import);
our @EXPORT_OK = qw(parse_result);

# parse_result(LINE): undef unless LINE (without "\n") is a TAP result line; else a hash:
#   ok      1 for "ok", 0 for "not ok"
#   num     the test number as written, or undef when there is none
#   id      the description without the leading "- " (the test id; "" when there is none)
#   kind    'skip', 'todo' or '' (no directive)
#   reason  the directive's reason ('' when it gives none)
#   directive  the directive as written ("# SKIP needs FEAT_X ..."), or undef
sub parse_result {
	my ($line) = @_;
	return undef unless $line =~ /^(not )?ok\b(.*)\z/s;
	my ($ok, $rest) = (!$1, $2);
	my $num = $rest =~ s/^[ \t]+(\d+)\b// ? $1 : undef;
	$rest =~ s/^\s*(?:-\s*)?//;
	my ($id, $directive) = $rest =~ /^(.*?)\s*(?<!\\)(#\s*(?:skip\S*|todo\b).*)?\z/is;
	my ($kind, $reason) = ('', '');
	if (defined $directive) {
		($kind, $reason) = $directive =~ /^#\s*(skip|todo)\S*\s*(.*?)\s*\z/is;
		$kind = lc $kind;
	}
	return { ok => $ok ? 1 : 0, num => $num, id => $id, kind => $kind, reason => $reason,
		directive => $directive };
}

1;
