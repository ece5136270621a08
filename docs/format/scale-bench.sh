#!/usr/bin/env bash
# Issue 14's speed and memory measurements on a 12-megapixel photo made of real ones: a 4000x3000
# mosaic of the landscape Kodak images (io.inrkit.bench.Mosaic). Encodes at --preset fast and
# decodes with 1 and 2 threads (the .inr files must be identical), decodes three 512x512 regions, and
# records wall time and peak resident memory (/usr/bin/time %M); runs cjxl -d 0 -e 7 and djxl on
# the same file when they are installed (libjxl-tools), and says so when they are not. Every
# decode is compared with the original by `inrkit compare`. Run it on a quiet machine.
#   docs/format/scale-bench.sh [DATA] [WORK]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${1:-$ROOT/../shared/data}
WORK=${2:-/tmp/inrkit-scale}
mkdir -p "$WORK"
cd "$ROOT"
[ -d cli/target/inrkit/lib ] || mvn -q -DskipTests package
CP="cli/target/inrkit/lib/*"
IMG=$WORK/mosaic-12mp.png
[ -f "$IMG" ] || java -cp "$CP" io.inrkit.bench.Mosaic 4000 3000 "$IMG" "$DATA"/img8/kodim*.png
run() { # run LABEL COMMAND...: prints label, seconds, peak MiB
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/err.txt" || { cat "$WORK/err.txt" >&2; exit 1; }
  read -r secs kb <"$WORK/time.txt"
  printf '%-44s %8.2f s %8d MiB\n' "$label" "$secs" $(( kb / 1024 ))
}
echo "12 MP mosaic: $(stat -c %s "$IMG") bytes of PNG"
for t in 1 2; do
  run "inrkit encode --preset fast --threads $t" ./inrkit encode "$IMG" "$WORK/m$t.inr" --preset fast --threads $t -f -q
done
cmp "$WORK/m1.inr" "$WORK/m2.inr" && echo "identical .inr with 1 and 2 threads: $(stat -c %s "$WORK/m1.inr") bytes"
for t in 1 2; do
  run "inrkit decode --threads $t" ./inrkit decode "$WORK/m1.inr" "$WORK/d$t.png" --threads $t -f -q
  ./inrkit compare "$IMG" "$WORK/d$t.png" | grep differing
done
# Regions: one off the tile grid, one that straddles as many 256x256 tiles as a 512x512 region
# can (9), and one on the 512x512 grid.
for region in 512x512+1700+1200 512x512+1793+1281 512x512+1536+1024; do
  run "inrkit decode --region $region" ./inrkit decode "$WORK/m1.inr" "$WORK/r.png" --region "$region" -f -q
  ./inrkit convert "$IMG" "$WORK/crop.png" --crop "$region" -f -q
  ./inrkit compare "$WORK/crop.png" "$WORK/r.png" | grep differing
done
if command -v cjxl >/dev/null && command -v djxl >/dev/null; then
  run "cjxl -d 0 -e 7" cjxl "$IMG" "$WORK/m.jxl" -d 0 -e 7
  run "djxl" djxl "$WORK/m.jxl" "$WORK/dj.png"
  echo "cjxl -d 0 -e 7: $(stat -c %s "$WORK/m.jxl") bytes"
else
  echo "cjxl / djxl not installed (apt-get install libjxl-tools): no JPEG XL rows"
fi
