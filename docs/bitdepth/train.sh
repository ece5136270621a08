#!/usr/bin/env bash
# Reproduces the learned depth prior that ships in inr-core's jar
# (inr-core/src/main/resources/io/inrkit/core/depth/depth-prior.bin).
#
#   bash docs/bitdepth/train.sh [DATA]      # DATA: where fetch-training-data.sh puts the images
#
# Fetches the training images if DATA has none (needs apt-get update, ImageMagick), builds the
# bench module, and trains with DL4J on 2 cores in about 7 minutes (one hour at most): features
# of up to 8 random 192x192 crops per image, 400 samples per crop, depth pair and channel. The
# seed and settings below are the shipped prior's; `inrkit info --depth-prior` prints what it was
# trained on.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${1:-/tmp/inrkit-depth-training}
OUT=${OUT:-inr-core/src/main/resources/io/inrkit/core/depth/depth-prior.bin}
if [ ! -d "$DATA/img8" ] || [ -z "$(ls -A "$DATA/img8" 2>/dev/null)" ]; then
  bash docs/bitdepth/fetch-training-data.sh "$DATA"
fi
# every module of the reactor writes the file; bench, built last, leaves its own classpath there
CP="$PWD/bench/target/classpath.txt"
mvn -q package -DskipTests -pl bench -am dependency:build-classpath -Dmdep.outputFile="$CP" \
    -Dmdep.includeScope=runtime
java -Xmx10g -Dorg.bytedeco.javacpp.maxbytes=6G -cp "bench/target/classes:$(cat "$CP")" \
    io.inrkit.bench.DepthPriorTraining "$DATA" "$OUT" --seed 1 --epochs 20 --crops 8 --per 400 --hidden 48,32
