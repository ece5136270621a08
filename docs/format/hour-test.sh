#!/usr/bin/env bash
# Issue 14's hour-long audio check: encode an hour of WAV from standard input and decode it to
# standard output under a 512 MiB heap, each timed with peak resident memory, and cmp the result.
# Usage: docs/format/hour-test.sh HOUR.wav [PRESET]   (from the repository root, after mvn package)
set -euo pipefail
wav=$1
preset=${2:-default}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export JAVA_OPTS=-Xmx512m
/usr/bin/time -f "encode: %e s wall, %U s user, %M KB peak RSS" \
  ./inrkit encode - -o "$out/hour.inr" --preset "$preset" -q < "$wav"
ls -l "$out/hour.inr"
/usr/bin/time -f "decode: %e s wall, %U s user, %M KB peak RSS" \
  ./inrkit decode "$out/hour.inr" -o - -q | cmp - "$wav" && echo "cmp: identical"
/usr/bin/time -f "excerpt: %e s wall, %M KB peak RSS" \
  ./inrkit decode "$out/hour.inr" -o "$out/excerpt.wav" --samples 80000000:441000 -q
