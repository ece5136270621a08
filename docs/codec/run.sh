#!/usr/bin/env bash
# Regenerates the full-size measurements of docs/CODEC.md ("Full-size files with context2") into
# this folder: tables (.md), CSV and charts of each set against JPEG XL (cjxl -e 7) or FLAC
# (flac -8), at the default preset, on 2 threads (about 10 minutes on 2 cores). The external
# codecs run when installed (apt-get install libjxl-tools flac wavpack); the chart needs JPEG XL
# for images and FLAC for audio. Run from the repository root after `mvn -q -DskipTests package`:
#   docs/codec/run.sh [path/to/shared/data]
# INRKIT and OUT override the command and the output folder.
set -euo pipefail
D=${1:-../shared/data}
O=${OUT:-docs/codec}
K=${INRKIT:-./inrkit}
$K bench codec "$D"/img8/kodim*.png --threads 2 --csv $O/kodak-full.csv --chart $O/kodak-full.png -f > $O/kodak-full.md
$K bench codec "$D"/img16 --threads 2 --csv $O/img16-full.csv --chart $O/img16-full.png -f > $O/img16-full.md
$K bench codec "$D"/audio --threads 2 --csv $O/audio-clips.csv --chart $O/audio-clips.png -f > $O/audio-clips.md
# JPEG XL at its slowest effort, for the -e 9 column (sizes only).
for f in "$D"/img8/kodim*.png "$D"/img16/*.png; do
    cjxl -d 0 -e 9 --quiet "$f" "$O/e9.jxl" && stat -c "%s $(basename "$f")" "$O/e9.jxl"
done > $O/jxl-e9-bytes.txt
rm -f "$O/e9.jxl"
