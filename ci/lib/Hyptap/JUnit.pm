# Hyptap::JUnit — one dumped TAP stream of `make check` as a JUnit <testsuite> (ci/junit).
#
# TAP::Formatter::JUnit wrote every SKIP and every TODO as a plain pass, so a CI page showed each
# platform's known deviations as passes. Here each result keeps what the gate and the image
# said it is (docs/baselines.md, "JUnit"):
#   ok                                  a passing <testcase/> (its YAML block, if any, as <system-out>)
#   # SKIP reason                       <skipped type="skip" message="reason">
#   not ok # TODO baseline: reason      <skipped type="known-deviation" message="known deviation: reason">
#   (ok|not ok) # TODO erratum N        <skipped type="erratum" message="erratum N">
#   (ok|not ok) # TODO reason           <skipped type="todo" message="todo: reason">
#   not ok # stale baseline: ...        <failure type="stale-baseline">
#   not ok "baseline entry ... matched no ..." (added by the gate)   the same
#   not ok                              <failure type="failure">, the YAML block as its text
#   a Bail out!, the gate's point for one, a missing plan or fewer results than planned, or more
#                                       <error type="bail-out" | "cut-short" | "broken">
# A TODO's honest status ("ok" / "not ok"), its outcome and its baseline reason or erratum number
# are also testcase <properties> (hyptap.outcome, hyptap.status, hyptap.baseline, hyptap.erratum),
# unless case_properties is off: Jenkins' JUnit plugin reads them (keepProperties), GitLab ignores
# them, and the junit-10.xsd that Jenkins' xUnit plugin validates against has no <properties>
# inside <testcase> (ci/junit-10.xsd, ci/junit --no-case-properties).
#
# Whatever bytes a stream holds, the XML is well-formed: a line that is not UTF-8 or holds control
# bytes is shown as Hyptap::Text::printable writes it, characters XML 1.0 cannot hold become
# \x{...}, attributes are escaped and CDATA never holds "]]>".
package Hyptap::JUnit;
use strict;
use warnings;
use Exporter qw(import);
use Hyptap::RawTap qw(parse_result);
use Hyptap::Text qw(bad_bytes printable);
our @EXPORT_OK = qw(read_suite suite_xml);

# The gate's own failing points (ci/tap-gate) that are not a result's: an early end of the raw
# stream, and a baseline entry that no failing result used. tests/junit.t runs the real gate, so
# a change of its wording shows there.
my $GATE_END = qr/^raw stream(?:(: Bail out!)|(?: has no plan | incomplete: )|( broken: planned )).*\z/;
my $GATE_STALE = qr/^baseline entry \S+ matched no .*\z/;

# --- text that XML can hold ------------------------------------------------------------------------

# clean(LINE): LINE (bytes, no "\n") as characters XML 1.0 can hold: damaged lines as
# Hyptap::Text::printable shows them, other non-XML characters (surrogates, U+FFFE, ...) as \x{..}.
sub clean {
	my ($line) = @_;
	my $text = defined bad_bytes($line) ? printable($line) : $line;
	utf8::decode($text);
	$text =~ s/([^\x09\x0a\x0d\x20-\x{d7ff}\x{e000}-\x{fffd}\x{10000}-\x{10ffff}])/sprintf "\\x{%x}", ord $1/ge;
	return $text;
}

# xml_text(TEXT): TEXT escaped for an attribute value or element text (TAB, LF, CR as character
# references, so that an attribute keeps them).
sub xml_text {
	my ($t) = @_;
	$t =~ s/&/&amp;/g;
	$t =~ s/</&lt;/g;
	$t =~ s/>/&gt;/g;
	$t =~ s/"/&quot;/g;
	$t =~ s/\t/&#9;/g;
	$t =~ s/\n/&#10;/g;
	$t =~ s/\r/&#13;/g;
	return $t;
}

# cdata(TEXT): TEXT as one or more CDATA sections ("]]>" split across two).
sub cdata {
	my ($t) = @_;
	$t =~ s/\]\]>/]]]]><![CDATA[>/g;
	return "<![CDATA[$t]]>";
}

# --- one stream ----------------------------------------------------------------------------------

# read_suite(NAME, FH or undef): the testsuite of the TAP stream read from FH (undef: the stream
# was never dumped). Returns { name, cases => [ case, ... ], out => [ comment lines ], ms }, each
# case { name, kind => pass|skipped|failure|error, type, message, body => [ lines ], props => [ [k, v] ] }.
sub read_suite {
	my ($name, $fh) = @_;
	my $s = { name => $name, cases => [], out => [], ms => undef };
	if (!defined $fh) {
		add_case($s, { name => '(stream)', kind => 'error', type => 'cut-short',
			message => 'no TAP stream was dumped for this test (prove did not run it to the end)' });
		return $s;
	}
	my ($plan, $skip_all, $results, $bail, $yaml, $cut) = (undef, undef, 0, undef, 0, 0);
	my $last;	# the case a YAML block belongs to
	while (defined(my $raw = <$fh>)) {
		$cut = $raw !~ s/\n\z//;
		my $line = clean($raw);
		if ($yaml) {		# a YAML block, verbatim up to its "..."
			if ($line =~ /^\s/ || $line eq '') {
				push @{ $last->{body} }, $line if $last;
				$yaml = 0 if $line =~ /^\s+\.\.\.\s*\z/;
				next;
			}
			$yaml = 0;
		}
		if ($line =~ /^\s+---\s*\z/ && $last && !@{ $last->{body} }) {
			push @{ $last->{body} }, $line;
			$yaml = 1;
		} elsif (my $r = parse_result($line)) {
			$results++;
			$last = result_case($s, $r, $results);
		} elsif ($line =~ /^1\.\.(\d+)(?:\s*#\s*(?i:skip)\S*\s*(.*?))?\s*\z/ && !defined $plan) {
			($plan, $skip_all) = ($1, $2);
			undef $last;
		} elsif ($line =~ /^Bail out!/) {
			$bail = $line;
			last;
		} else {
			push @{ $s->{out} }, $line if $line =~ /\S/ && $line !~ /^TAP version\b/;
			$s->{ms} //= $1 if $line =~ /^# summary:.*\bms=(\d+)\b/;
			undef $last unless $line =~ /^#/;
		}
	}
	if (defined $bail) {
		add_case($s, { name => 'Bail out!', kind => 'error', type => 'bail-out', message => $bail });
	} elsif (!defined $plan) {
		add_case($s, { name => '(stream)', kind => 'error', type => 'cut-short',
			message => "the stream has no plan ($results results): cut short" });
	} elsif ($results != $plan) {
		add_case($s, { name => '(stream)', kind => 'error', type => $results < $plan ? 'cut-short' : 'broken',
			message => "planned $plan, got $results results" . ($results < $plan ? ": cut short" : ": more than planned") });
	} elsif ($cut) {
		add_case($s, { name => '(stream)', kind => 'error', type => 'cut-short',
			message => 'the last line ends without a newline: cut short' });
	} elsif ($plan == 0 && defined $skip_all) {
		add_case($s, { name => '(all)', kind => 'skipped', type => 'skip', message => $skip_all || 'skipped' });
	}
	return $s;
}

# result_case(SUITE, PARSED, N): the testcase of result N.
sub result_case {
	my ($s, $r, $n) = @_;
	my $status = $r->{ok} ? 'ok' : 'not ok';
	my $c = { name => $r->{id} eq '' ? "test $n" : $r->{id}, kind => 'pass', body => [], props => [] };
	if ($r->{kind} eq 'skip') {
		@$c{qw(kind type message)} = ('skipped', 'skip', $r->{reason} eq '' ? 'skipped' : $r->{reason});
	} elsif ($r->{kind} eq 'todo') {
		my ($outcome, $message, @props);
		if ($r->{reason} =~ /^baseline:\s*(.*)\z/s) {
			($outcome, $message, @props) = ('known-deviation', "known deviation: $1", [ 'hyptap.baseline', $1 ]);
		} elsif ($r->{reason} =~ /^erratum\s+(\d+)/) {
			($outcome, $message, @props) = ('erratum', "erratum $1", [ 'hyptap.erratum', $1 ]);
		} else {
			($outcome, $message) = ('todo', 'todo' . ($r->{reason} eq '' ? '' : ": $r->{reason}"));
		}
		@$c{qw(kind type message)} = ('skipped', $outcome, $message);
		$c->{props} = [ [ 'hyptap.outcome', $outcome ], [ 'hyptap.status', $status ], @props ];
	} elsif (!$r->{ok}) {
		@$c{qw(kind type message)} = ('failure', 'failure', $status);
		if ($c->{name} =~ /^(.*?)\s+(?<!\\)#\s*(stale baseline:.*)\z/s) {
			@$c{qw(name type message)} = ($1, 'stale-baseline', $2);
		} elsif ($c->{name} =~ $GATE_STALE) {
			@$c{qw(type message)} = ('stale-baseline', "stale baseline: $c->{name}");
		} elsif ($c->{name} =~ $GATE_END) {
			@$c{qw(kind type message)} = ('error', defined $1 ? 'bail-out' : defined $2 ? 'broken' : 'cut-short', $c->{name});
		}
	}
	return add_case($s, $c);
}

# add_case(SUITE, CASE): CASE appended, its name made unique in SUITE ("name (2)", ...).
sub add_case {
	my ($s, $c) = @_;
	my $base = $c->{name};
	my $k = ++$s->{seen}{$base};
	$c->{name} = "$base ($k)" if $k > 1;
	$c->{body} //= [];
	$c->{props} //= [];
	push @{ $s->{cases} }, $c;
	return $c;
}

# counts(SUITE): { tests, failures, errors, skipped } of its cases.
sub counts {
	my ($s) = @_;
	my %n = (tests => scalar @{ $s->{cases} }, failures => 0, errors => 0, skipped => 0);
	for my $c (@{ $s->{cases} }) {
		$n{failures}++ if $c->{kind} eq 'failure';
		$n{errors}++ if $c->{kind} eq 'error';
		$n{skipped}++ if $c->{kind} eq 'skipped';
	}
	return \%n;
}

# failure_message(CASE): a failure's message: the YAML's "failure:" line where there is one.
sub failure_message {
	my ($c) = @_;
	my ($why) = map { /^\s+failure:\s*"?(.*?)"?\s*\z/ ? $1 : () } @{ $c->{body} };
	return defined $why && $c->{type} eq 'failure' ? "not ok: $why" : $c->{message};
}

# suite_xml(SUITE, CASE_PROPERTIES): the <testsuite> element as text (characters, not bytes).
sub suite_xml {
	my ($s, $props) = @_;
	my $n = counts($s);
	(my $class = $s->{name}) =~ s{[^-/A-Za-z0-9_]}{_}g;	# no '.': Jenkins splits classnames there
	my $x = sprintf qq{<testsuite name="%s" tests="%d" failures="%d" errors="%d" skipped="%d"%s>\n},
		xml_text($s->{name}), @$n{qw(tests failures errors skipped)},
		defined $s->{ms} ? sprintf(' time="%.3f"', $s->{ms} / 1000) : '';
	for my $c (@{ $s->{cases} }) {
		$x .= sprintf qq{<testcase name="%s" classname="%s"}, xml_text($c->{name}), xml_text($class);
		if ($c->{kind} eq 'pass') {	# a pass's YAML block (if any) as its output
			$x .= @{ $c->{body} } ? "><system-out>" . cdata(join("\n", @{ $c->{body} }) . "\n") . "</system-out></testcase>\n" : "/>\n";
			next;
		}
		$x .= ">\n";
		if ($props && @{ $c->{props} }) {
			$x .= "<properties>";
			$x .= sprintf qq{<property name="%s" value="%s"/>}, xml_text($_->[0]), xml_text($_->[1]) for @{ $c->{props} };
			$x .= "</properties>\n";
		}
		my $message = $c->{kind} eq 'failure' ? failure_message($c) : $c->{message};
		$x .= sprintf qq{<%s type="%s" message="%s"}, $c->{kind}, $c->{type}, xml_text($message);
		$x .= @{ $c->{body} } ? ">" . cdata(join("\n", @{ $c->{body} }) . "\n") . "</$c->{kind}>\n" : "/>\n";
		$x .= "</testcase>\n";
	}
	$x .= "<system-out>" . cdata(join("\n", @{ $s->{out} }) . "\n") . "</system-out>\n" if @{ $s->{out} };
	return $x . "</testsuite>\n";
}

1;
