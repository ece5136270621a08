#!/usr/bin/env bash
# What independent tiles cost (issue 14; docs/CODEC.md, "Tiles"): every image's context-model
# bytes coded whole against independent tiles of 256 and 512 pixels, each tile with a fresh
# model, plus 8 bytes of index a tile. Sizes only, so the machine need not be quiet.
#   docs/format/tiling-study.sh [DATA]      (DATA: ../shared/data by default)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${1:-$ROOT/../shared/data}
cd "$ROOT"
[ -d cli/target/inrkit/lib ] || mvn -q -DskipTests package
for set in img8/kodim img16/; do
  java -cp "cli/target/inrkit/lib/*" io.inrkit.bench.TilingStudy --threads 2 256,512 "$DATA/$set"*.png
done
