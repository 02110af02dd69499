#!/usr/bin/env bash
# Runs a fixed set of CLI invocations against this checkout's build (dist/) and writes each run's
# stdout, stderr and exit code to OUTDIR, so two builds can be compared byte for byte:
#
#   npm run build && scripts/diff-check.sh /tmp/before      # on the old commit
#   npm run build && scripts/diff-check.sh /tmp/after       # on the new one
#   diff -r /tmp/before /tmp/after && echo identical
#
# Runs from the checkout root with relative paths and a scrubbed environment, so the outputs do
# not depend on where the checkout is. ../shared/samples is read when it exists.
set -u
out=${1:?usage: scripts/diff-check.sh OUTDIR}
cd "$(dirname "$0")/.."
rm -rf "$out" && mkdir -p "$out"
n=0
run() {
  n=$((n + 1))
  local id
  id=$(printf '%03d' "$n")
  printf '%s\n' "$*" >"$out/$id.cmd"
  env -i PATH="$PATH" HOME=/tmp TZ=UTC LANG=C.UTF-8 "${EXTRA_ENV[@]}" \
    node bin/ahr.js "$@" >"$out/$id.out" 2>"$out/$id.err" </dev/null
  echo $? >"$out/$id.rc"
}
EXTRA_ENV=()

run --version
run --help
run check --help
run trend --help
run schema
for k in orders feedback claims chargebacks messages returns violations; do run schema "$k"; done

for d in 2026-09-01 2026-10-15 2026-11-01 2026-11-20 2026-12-01 2026-12-31; do
  run check fixtures/demo --as-of "$d"
  run check fixtures/demo --as-of "$d" --format json
  run check fixtures/demo --as-of "$d" --format markdown
  run check fixtures/demo --as-of "$d" --details --format json
done
run check fixtures/demo --as-of 2026-11-20 --details
run check fixtures/demo --as-of 2026-11-20 --details --format markdown
run check fixtures/demo --as-of 2026-11-20 --tz America/Los_Angeles --format json --details
run check fixtures/demo --as-of 2026-11-20 --tz Asia/Tokyo
run check fixtures/demo --as-of 2026-11-20 --color
run check fixtures/demo --as-of 2026-11-20 --fail-on at_risk
run check fixtures/demo --as-of 2026-11-20 --fail-on never --quiet
run check fixtures/demo --as-of 2026-11-20 --config fixtures/bad/config-invalid.json
run check fixtures/demo --as-of 2026-11-20 --config fixtures/bad/config-unknown-key.json
run check fixtures/demo --as-of 2026-13-01
run check fixtures/demo --as-of 2026-11-20 --tz Nowhere/City
run check fixtures/demo --as-of 2026-11-20 --format yaml
run check
for m in odr pfcr lsr vtr otdr crt rdr refund_rate; do
  run trend "$m" fixtures/demo --as-of 2026-11-20 --days 30
done
run trend odr fixtures/demo --as-of 2026-11-20 --days 30 --format json
run trend lsr fixtures/demo --as-of 2026-11-20 --days 30 --window 30 --format markdown
run trend crt fixtures/demo --as-of 2026-12-31 --days 90 --window 90
run trend nope fixtures/demo --as-of 2026-11-20
run trend odr fixtures/demo --days 0

for f in fixtures/bad/* fixtures/bad/hostile/* fixtures/bad/skip-invalid/*; do
  run check "$f" --as-of 2026-11-20
  run check "$f" --as-of 2026-11-20 --skip-invalid --format json
done
run check fixtures/bad/hostile --as-of 2026-11-20 --details
run check fixtures/bad/skip-invalid --as-of 2026-11-20 --skip-invalid
for f in fixtures/read/*; do
  run check "$f" --as-of 2026-11-20 --format json
done
for f in fixtures/cli/*/; do
  run check "$f" --as-of 2026-11-20
  run check "$f" --as-of 2026-11-20 --format json
done
run check fixtures/records/amazon-samples --as-of 2026-10-20 --details
if [ -d ../shared/samples ]; then
  for f in ../shared/samples/*; do
    run check "$f" --as-of 2026-10-20 --format json
  done
  run check ../shared/samples --as-of 2026-10-20
fi
EXTRA_ENV=(NO_COLOR=1)
run check fixtures/demo --as-of 2026-11-20 --color
EXTRA_ENV=(FORCE_COLOR=1)
run check fixtures/demo --as-of 2026-11-20
run trend lsr fixtures/demo --as-of 2026-11-20 --days 30
# Added after the runs above (their numbers stay): the demo in Amazon's layouts (issue 13).
EXTRA_ENV=()
if [ -d fixtures/demo-amazon ]; then
  run check fixtures/demo-amazon --as-of 2026-05-20
  run check fixtures/demo-amazon --as-of 2026-05-20 --format json --details
  run check fixtures/demo-amazon --as-of 2026-05-20 --format markdown
fi
echo "$n runs written to $out"
