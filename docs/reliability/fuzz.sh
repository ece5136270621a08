#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser INRKit owns (docs/RELIABILITY.md): runs each Jazzer
# @FuzzTest target in turn in fuzzing mode for its maxDuration (60-300 s) and prints one row a
# target: executions, seconds, executions a second, coverage (libFuzzer's cov: edges, ft:
# features), corpus entries, and the finding if there was one. A finding is written by Jazzer
# into the target's committed inputs folder (src/test/resources/.../<Test>Inputs/<target>/) as
# crash-* or timeout-*, where every later `mvn verify` replays it: fix the defect and commit it.
# The generated corpus lives in each module's .cifuzz-corpus/ (not committed), so a second run
# starts where the first stopped.
#
#   docs/reliability/fuzz.sh                 # every target
#   docs/reliability/fuzz.sh decoder.anyBytes image.pngChunks   # some
#
# Run it on a quiet machine: executions a second depend on what else runs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LOGS=${LOGS:-$ROOT/target/fuzz}
mkdir -p "$LOGS"

# name             module  test class           method
TARGETS=(
  "decoder.anyBytes              codec io.inrkit.codec.DecoderFuzzTest     anyBytes"
  "decoder.sectionsWithValidCrcs codec io.inrkit.codec.DecoderFuzzTest     sectionsWithValidCrcs"
  "image.imageFile               image io.inrkit.image.ImageInputFuzzTest  imageFile"
  "image.pngChunks               image io.inrkit.image.ImageInputFuzzTest  pngChunks"
  "image.pnmHeader               image io.inrkit.image.ImageInputFuzzTest  pnmHeader"
  "image.inrThroughImageIo       image io.inrkit.image.ImageInputFuzzTest  inrThroughImageIo"
  "audio.audioFile               audio io.inrkit.audio.AudioInputFuzzTest  audioFile"
  "audio.wavHeader               audio io.inrkit.audio.AudioInputFuzzTest  wavHeader"
  "audio.inrThroughJavaxSound    audio io.inrkit.audio.AudioInputFuzzTest  inrThroughJavaxSound"
)

wanted() { # wanted NAME [SELECTED...]: true when nothing is selected or NAME is
  local n=$1; shift
  [ $# -eq 0 ] && return 0
  for w in "$@"; do [ "$w" = "$n" ] && return 0; done
  return 1
}

cd "$ROOT"
printf '%-30s %12s %6s %9s %6s %7s %6s  %s\n' target executions s exec/s cov ft corpus finding
total=0
for t in "${TARGETS[@]}"; do
  read -r name module class method <<<"$t"
  wanted "$name" "$@" || continue
  log="$LOGS/$name.log"
  # JUnit's own timeout would stop the whole fuzzing run: disable it, so the class's @Timeout
  # (10 s) reaches libFuzzer as its per-input -timeout instead; the hooks (comparison tracing)
  # guide the fuzzer, so they are on here though the build replays without them.
  JAZZER_FUZZ=1 mvn -o -B test -pl "$module" -am -Dtest="$class#$method" \
      -Dsurefire.failIfNoSpecifiedTests=false -Djunit.jupiter.execution.timeout.mode=disabled -Djazzer.hooks=true \
      >"$log" 2>&1 || true
  # libFuzzer's status lines: "#<executions><TAB>DONE   cov: ..."; the last one if it stopped early
  done_line=$(grep -aE '^#[0-9]+\s+DONE' "$log" | tail -1 || true)
  [ -n "$done_line" ] || done_line=$(grep -aE '^#[0-9]+\s' "$log" | tail -1 || true)
  runs=$(grep -aoE '^Done [0-9]+ runs in [0-9]+' "$log" | tail -1 | awk '{print $2, $5}' || true)
  execs=${runs% *}; secs=${runs#* }
  if [ -z "$runs" ]; then
    execs=$(sed -E 's/^#([0-9]+).*/\1/' <<<"$done_line"); secs="?"
  fi
  field() { grep -oE "$1: [0-9]+" <<<"$done_line" | awk '{print $2}' || true; }
  cov=$(field cov); ft=$(field ft); corp=$(field corp)
  finding=$(grep -a -m1 -oE '== Java Exception: .*|ALARM: working on the last Unit for [0-9]+ seconds|Out of memory|crash-[0-9a-f]+|timeout-[0-9a-f]+' "$log" || true)
  rate="?"; [ "$secs" != "?" ] && [ "${secs:-0}" -gt 0 ] && rate=$(( ${execs:-0} / secs ))
  printf '%-30s %12s %6s %9s %6s %7s %6s  %s\n' "$name" "${execs:-?}" "$secs" "$rate" "${cov:-?}" "${ft:-?}" "${corp:-?}" "${finding:-none}"
  total=$(( total + ${execs:-0} ))
done
echo "total executions: $total (logs in $LOGS)"
