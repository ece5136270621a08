#!/usr/bin/env bash
# Regenerates the measurements of docs/BITDEPTH.md into this folder (about an hour on 2 cores,
# nearly all of it the network methods' fits and evaluations). Run from the repository root after
# `mvn -q -DskipTests package`:  docs/bitdepth/run.sh [path/to/shared/data]
# INRKIT and OUT override the command and the output folder (e.g. a copy of the distribution, so that
# rebuilding while it runs does not disturb it).
set -euo pipefail
D=${1:-../shared/data}
O=${OUT:-docs/bitdepth}
K=${INRKIT:-./inrkit}
$K bench depth "$D"/img8/kodim*.png --from 4 --centre-crop 256x256 --time 20 \
    --json $O/kodak-4to8.json --chart $O/kodak-4to8.png -f > $O/kodak-4to8.md
$K bench depth "$D"/img16 --from 8 --time 10 \
    --json $O/img16-8to16.json --chart $O/img16-8to16.png -f > $O/img16-8to16.md
$K bench depth "$D"/img16 --from 6 --time 10 \
    --json $O/img16-6to16.json --chart $O/img16-6to16.png -f > $O/img16-6to16.md
# Audio: the rules and contour on whole clips; every method on the centre 0.5 s (the network
# methods evaluate each frame with the deterministic engine, minutes for a whole clip).
$K bench depth "$D"/audio --from 16 --to 24 --methods zp,br,mig,centre,contour \
    --json $O/audio-16to24.json --chart $O/audio-16to24.png -f > $O/audio-16to24.md
$K bench depth "$D"/audio --from 16 --to 24 --centre-excerpt 24000 --time 10 \
    --json $O/audio-16to24-excerpt.json --chart $O/audio-16to24-excerpt.png -f > $O/audio-16to24-excerpt.md
# The learned prior against the rules, on the same sets (seconds, not an hour: no fit per file).
for set in "kodak-4to8:$D/img8/kodim*.png --from 4 --centre-crop 256x256" "img16-8to16:$D/img16 --from 8" \
           "img16-6to16:$D/img16 --from 6"; do
  name=${set%%:*}; args=${set#*:}
  # shellcheck disable=SC2086  # $args is a word list on purpose
  $K bench depth $args --methods zp,mig,centre,contour,learned \
      --json $O/$name-learned.json --chart $O/$name-learned.png -f > $O/$name-learned.md
done
