# Hyptap::Text — what ci/tap-gate and the results/ file readers say about a line's bytes.
#
# The image prints UTF-8 text lines ending in "\n" (ci/qemu-run strips the UART's "\r"), and the
# committed results/ files are the same kind of text. Anything else — a CR, a NUL, a control
# byte, bytes that are not UTF-8 — means the line was damaged or is not what it claims to be, so
# every reader reports it instead of guessing.
package Hyptap::Text;
use strict;
use warnings;
use Exporter qw(import);
our @EXPORT_OK = qw(bad_bytes printable quote);

# bad_bytes(LINE): LINE without its "\n"; a short description of what is wrong with its bytes,
# or undef when it is clean UTF-8 text (TAB allowed).
sub bad_bytes {
	my ($line) = @_;
	return "it ends in CR (a CR LF line ending)" if $line =~ /\r\z/;
	if ($line =~ /([\x00-\x08\x0a-\x1f\x7f])/) {
		return sprintf "it holds the control byte 0x%02x (binary data)", ord $1;
	}
	return "it is not UTF-8 (binary data)" unless utf8::decode(my $copy = $line);
	return undef;
}

# printable(LINE): LINE with control bytes (and, unless it is UTF-8, every byte >= 0x80) written
# as \xNN, so that a damaged line can be shown and passed on without damaging the output.
sub printable {
	my ($line) = @_;
	my $not_utf8 = !utf8::decode(my $copy = $line);
	my $re = $not_utf8 ? qr/([\x00-\x08\x0a-\x1f\x7f-\xff])/ : qr/([\x00-\x08\x0a-\x1f\x7f])/;
	$line =~ s/$re/sprintf "\\x%02x", ord $1/ge;
	return $line;
}

# quote(TEXT): TEXT as a message can show it: control bytes and non-ASCII as \xNN, '#' as '\#'
# (so that a quoted line can never turn a failing TAP point into a TODO or SKIP), at most 72
# characters.
sub quote {
	my ($text) = @_;
	my $cut = length($text) > 72;
	$text = substr($text, 0, 72) if $cut;
	$text =~ s/([^\x20-\x7e])/sprintf "\\x%02x", ord $1/ge;
	$text =~ s/#/\\#/g;
	return "'$text'" . ($cut ? "..." : "");
}

1;
