#!/usr/bin/env bash
# tests/compact-console.t — the compact console (hyptap.tap=compact) and ci/tap-expand.
#
# On QEMU 7.2 and 10.0 `max`, full suite: the compact stream is TAP 13 with one line per point
# at a quarter of the full stream's bytes or less; expanded, it has the full stream's result
# lines (every id, verdict, SKIP reason) and rules, and passes the platform's baseline gate
# unchanged. Refused: a digest that is not the listing's, a line lost or repeated. With -smp 2
# the "# cpu N" after every point comes back, and hyptap.on=all/repeat ids too.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
[ -f build/hyptap.img ] || { echo "1..0 # SKIP no build/hyptap.img" && exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "TAP version 13"
n=0 failed=0
# point OK DESCRIPTION [DIAGNOSTIC FILE]: one result line; a failure shows the file's tail.
point() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
	else
		failed=$((failed + 1))
		echo "not ok $n - $2"
		[ -z "${3:-}" ] || tail -n 5 "$3" | sed 's/^/# /'
	fi
}
# results FILE: the result lines of a stream.
results() { grep -E '^(not )?ok\b' "$1"; }
# points FILE: each result line without its verdict: number, id, directive. Two runs agree on
# these whatever the load; a verdict of a timing-sensitive scenario may not (the baseline gate
# judges verdicts).
points() { results "$1" | sed -E 's/^(not )?ok //'; }
# verdicts FILE: each result line's verdict and directive kind only (a compact line has no id).
verdicts() { results "$1" | sed -E 's/^((not )?ok).*# (SKIP|TODO).*/\1 \3/; s/^((not )?ok)( [0-9]+)?( - .*)?$/\1/'; }

# tap13 FILE: what TAP::Parser makes of a stream: version 13, no parse errors, as many points as
# planned, each from exactly one result line.
tap13() {
	perl -MTAP::Parser -e '
		open my $fh, "<", $ARGV[0] or die; my $tap = do { local $/; <$fh> };
		my $p = TAP::Parser->new({ tap => $tap });
		my $lines = 0;
		while (my $r = $p->next) { $lines++ if $r->is_test }
		my @e = $p->parse_errors;
		print "version=", $p->version, " planned=", $p->tests_planned, " run=", $p->tests_run,
			" lines=$lines errors=", scalar(@e), " @e\n";
		exit !($p->version == 13 && !@e && $p->tests_run == $p->tests_planned && $lines == $p->tests_run);
	' "$1"
}

# same_rules FULL EXPANDED: every failing point has the same YAML rule (as YAML data) in both.
same_rules() {
	perl -MTAP::Parser -e '
		my %rule;
		for my $f (@ARGV) {
			open my $fh, "<", $f or die; my $tap = do { local $/; <$fh> };
			my $p = TAP::Parser->new({ tap => $tap });
			my $num;
			while (my $r = $p->next) {
				$num = $r->number if $r->is_test;
				$rule{$f}{$num} = $r->data->{rule} if $r->is_yaml && ref $r->data eq "HASH";
			}
		}
		my ($a, $b) = @ARGV;
		# The points that fail in both runs (a timing-sensitive one may fail in one only).
		my @both = grep { exists $rule{$b}{$_} } keys %{ $rule{$a} };
		my @bad = grep { $rule{$a}{$_} ne $rule{$b}{$_} } @both;
		print scalar(@both), " rules compared, ", scalar(@bad), " differ",
			@bad ? ": points @bad[0 .. ($#bad < 4 ? $#bad : 4)]" : "", "\n";
		exit !(!@bad && @both);
	' "$1" "$2"
}

for v in 7.2 10.0; do
	full=$tmp/full-$v compact=$tmp/compact-$v expanded=$tmp/expanded-$v
	ci/qemu-run --qemu "$v" >"$full" 2>"$tmp/err"
	point $? "QEMU $v max: the full stream is complete" "$tmp/err"
	ci/qemu-run --qemu "$v" -- hyptap.tap=compact >"$compact" 2>"$tmp/err"
	point $? "QEMU $v max: the compact stream is complete" "$tmp/err"
	tap13 "$compact" >"$tmp/parse" 2>&1
	point $? "QEMU $v max: TAP::Parser reads the compact stream as TAP 13, one line per point ($(cat "$tmp/parse"))" "$tmp/parse"
	fb=$(wc -c <"$full") cb=$(wc -c <"$compact")
	# 115200 baud, 8N1: 10 bits on the wire per byte.
	point $((cb * 4 > fb)) "QEMU $v max: compact $cb bytes ($(perl -e "printf '%.1f', $cb * 10 / 115200") s at 115200 baud) <= 1/4 of full $fb bytes ($(perl -e "printf '%.1f', $fb * 10 / 115200") s): ratio $(perl -e "printf '%.3f', $cb / $fb")"
	# The expansion makes its own listing: a hyptap.list boot with the stream's selection.
	ci/tap-expand <"$compact" >"$expanded" 2>"$tmp/err"
	point $? "QEMU $v max: ci/tap-expand expands it (listing from its own hyptap.list boot)" "$tmp/err"
	diff <(points "$full") <(points "$expanded") >"$tmp/diff"
	point $? "QEMU $v max: expanded, its $(results "$expanded" | wc -l) points have the full stream's numbers, ids and SKIP reasons" "$tmp/diff"
	diff <(verdicts "$compact") <(verdicts "$expanded") >"$tmp/diff"
	point $? "QEMU $v max: and the compact stream's verdicts and directives, point by point" "$tmp/diff"
	same_rules "$full" "$expanded" >"$tmp/rules" 2>&1
	point $? "QEMU $v max: every failure's rule is the full stream's ($(cat "$tmp/rules"))" "$tmp/rules"
	ci/tap-gate --name "compact-$v" --baseline "results/qemu-$v/max.expect" --skips "results/qemu-$v/max.skip" \
		<"$expanded" >"$tmp/gate" 2>&1
	point $? "QEMU $v max: the expanded stream passes the baseline gate of results/qemu-$v/max" "$tmp/gate"
done

# --- refusals (QEMU 7.2 max's compact stream, a listing made once) --------------------------------
compact=$tmp/compact-7.2 list=$tmp/list
ci/qemu-run -- hyptap.list >"$list" 2>"$tmp/err"
point $? "a listing of the image (hyptap.list)" "$tmp/err"
ours=$(sed -n 's/^# compact: digest=fnv1a64:\([0-9a-f]*\) .*/\1/p' "$compact")

# refused NAME PATTERN: ci/tap-expand on $tmp/in with $list ends in one Bail out! matching PATTERN.
refused() {
	ci/tap-expand --list "${3:-$list}" <"$tmp/in" >"$tmp/out" 2>/dev/null
	local rc=$?
	local bails
	bails=$(grep -c '^Bail out!' "$tmp/out")
	[ "$rc" = 1 ] && [ "$bails" = 1 ] && [ "$(tail -n 1 "$tmp/out")" = "$(grep '^Bail out!' "$tmp/out")" ] &&
		grep -q -- "$2" "$tmp/out"
	point $? "refused: $1 ($(grep '^Bail out!' "$tmp/out" | cut -c1-160))" "$tmp/out"
}

sed 's/^\(# compact: digest=fnv1a64:\)[0-9a-f]*/\10123456789abcdef/' "$compact" >"$tmp/in"
refused "a header digest that is not the listing's, naming both" \
	"digest fnv1a64:0123456789abcdef is not fnv1a64:$ours of the listing"
ci/qemu-run -- hyptap.list 'hyptap.only=trap.*' >"$tmp/list-trap" 2>"$tmp/err"
cp "$compact" "$tmp/in"
refused "the listing of another selection (hyptap.only=trap.*)" \
	"digest fnv1a64:$ours is not fnv1a64:[0-9a-f]\{16\} of the listing" "$tmp/list-trap"

# Lines of the stream: the plan's line number, then the Nth result line after it.
plan=$(grep -n '^1\.\.' "$compact" | cut -d: -f1)
nth() { awk -v p="$plan" -v k="$1" 'NR > p && /^(not )?ok/ && ++i == k { print NR; exit }' "$compact"; }
mid=$(nth 150) last=$(nth "$(results "$compact" | wc -l)")
sed "${mid}d" "$compact" >"$tmp/in"
refused "a line lost mid-stream (point 150: '$(sed -n "${mid}p" "$compact")')" "lost before it\|point [0-9]* is [^ ]* in the stream but"
sed "${mid}p" "$compact" >"$tmp/in"
refused "a line repeated mid-stream (point 150)" "repeated before it\|point [0-9]* is [^ ]* in the stream but"
sed "${last}p" "$compact" >"$tmp/in"
refused "the last line repeated" "but the plan has"
first_fail=$(grep -n '^not ok' "$compact" | head -n 1 | cut -d: -f1)
sed "${first_fail}p" "$compact" >"$tmp/in"
refused "a failure's line repeated" "repeated before it\|in the stream but"
# The last point lost: nothing after it to check against, so the gate sees the short stream.
sed "${last}d" "$compact" | ci/tap-expand --list "$list" >"$tmp/out" 2>&1
ci/tap-gate --no-bail --baseline results/qemu-7.2/max.expect <"$tmp/out" >"$tmp/gate" 2>&1
[ $? = 1 ] && grep -q 'raw stream incomplete: planned [0-9]*, got' "$tmp/gate"
point $? "the last line lost: the gate refuses the expanded stream ($(grep -o 'raw stream incomplete[^#]*' "$tmp/gate"))" "$tmp/gate"
ci/tap-expand --list "$list" <"$tmp/full-7.2" >"$tmp/out" 2>&1
cmp -s "$tmp/full-7.2" "$tmp/out"
point $? "a full stream passes ci/tap-expand unchanged" "$tmp/out"

# --- SMP: "# cpu N" after every point -----------------------------------------------------------
ci/qemu-run --smp 2 --timeout 120 >"$tmp/full-smp" 2>"$tmp/err"
point $? "-smp 2: the full stream is complete" "$tmp/err"
ci/qemu-run --smp 2 --timeout 120 -- hyptap.tap=compact >"$tmp/compact-smp" 2>"$tmp/err"
point $? "-smp 2: the compact stream is complete ($(wc -c <"$tmp/compact-smp") bytes, full $(wc -c <"$tmp/full-smp"))" "$tmp/err"
ci/tap-expand --list "$list" <"$tmp/compact-smp" >"$tmp/expanded-smp" 2>"$tmp/err"
point $? "-smp 2: ci/tap-expand expands it" "$tmp/err"
diff <(points "$tmp/full-smp") <(points "$tmp/expanded-smp") >"$tmp/diff" &&
	diff <(verdicts "$tmp/compact-smp") <(verdicts "$tmp/expanded-smp") >>"$tmp/diff"
point $? "-smp 2: expanded, its points have the full stream's ids and the compact stream's verdicts" "$tmp/diff"
# Which PE ran what differs from run to run; what must hold: exactly one "# cpu N" after each
# point (after its YAML), N the PE a failure's YAML names, and the compact stream's "# cpu"
# lines are where N changes.
perl -e '
	my ($exp, $compact) = @ARGV;
	my (@seq, $pending, $yaml_cpu, @bad);
	open my $fh, "<", $exp or die;
	while (<$fh>) {
		if (/^(not )?ok /) { push @bad, "point " . (@seq + 1) . " has no # cpu line" if $pending; $pending = 1; undef $yaml_cpu }
		elsif (/^  cpu: (\d+)$/) { $yaml_cpu = $1 }
		elsif (/^# cpu (\d+)$/) {
			push @bad, "a # cpu line without a point" unless $pending;
			push @bad, "point " . (@seq + 1) . ": YAML cpu $yaml_cpu but # cpu $1" if defined $yaml_cpu && $yaml_cpu != $1;
			push @seq, $1; $pending = 0;
		}
	}
	push @bad, "the last point has no # cpu line" if $pending;
	my @runs = grep { $_ == 0 || $seq[$_] != $seq[$_ - 1] } 0 .. $#seq;
	open $fh, "<", $compact or die;
	my @lines = map { /^# cpu (\d+)$/ ? $1 : () } <$fh>;
	push @bad, "the compact stream has " . @lines . " # cpu lines, the expansion " . @runs . " changes"
		unless "@lines" eq "@seq[@runs]";
	print scalar(@seq), " points, ", scalar(@lines), " # cpu lines in the compact stream",
		@bad ? ": @bad[0 .. ($#bad < 2 ? $#bad : 2)]" : "", "\n";
	exit !!@bad;
' "$tmp/expanded-smp" "$tmp/compact-smp" >"$tmp/cpus" 2>&1
point $? "-smp 2: one '# cpu N' after every point, a failure's YAML cpu, the compact stream's lines where N changes ($(cat "$tmp/cpus"))" "$tmp/cpus"

sel=(hyptap.on=all hyptap.repeat=2 'hyptap.only=trap.hvc.*,stage2.attr.hcr.cross*')
ci/qemu-run --smp 2 --timeout 120 -- "${sel[@]}" >"$tmp/full-all" 2>"$tmp/err" &&
	ci/qemu-run --smp 2 --timeout 120 -- hyptap.tap=compact "${sel[@]}" >"$tmp/compact-all" 2>>"$tmp/err" &&
	ci/tap-expand <"$tmp/compact-all" >"$tmp/expanded-all" 2>>"$tmp/err"
point $? "-smp 2 ${sel[*]}: both streams complete, the compact one expanded" "$tmp/err"
diff <(points "$tmp/full-all") <(points "$tmp/expanded-all") >"$tmp/diff" 2>&1 && grep -q '^ok 2 - .*@cpu1$' "$tmp/expanded-all"
point $? "-smp 2 ${sel[*]}: expanded, its $(results "$tmp/expanded-all" | wc -l) points (ids @cpuN, repeated) are the full stream's" "$tmp/diff"

echo "1..$n"
exit $((failed != 0))
