#!/usr/bin/env bash
# tests/docs.t — generated documentation matches the image and the baselines.
cd "$(dirname "$0")/.." || exit 1
[ -f build/hyptap.img ] || { echo "1..0 # SKIP no build/hyptap.img" && exit 0; }
echo "TAP version 13"
echo "1..1"
if out=$(ci/gen-docs --check 2>&1); then
	echo "ok 1 - docs/scenarios.md, docs/traps.md, docs/stage2.md, docs/virq.md, docs/smp.md, docs/coverage.md and docs/errata.md are up to date"
else
	echo "not ok 1 - docs/scenarios.md, docs/traps.md, docs/stage2.md, docs/virq.md, docs/smp.md, docs/coverage.md and docs/errata.md are up to date"
	printf '%s\n' "$out" | sed 's/^/# /'
fi
