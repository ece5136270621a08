#!/usr/bin/env bash
# Usage: docs/format/reference-encodes.sh REPO OUTDIR
# Encodes a fixed set of real crops (images 8/16-bit, audio 16/24-bit, SIREN and ternary models)
# with REPO's ./inrkit and records the SHA-256 of every .inr and decoded file in OUTDIR/SUMS, with
# the JSON reports: run it on two commits and compare the SUMS to show a change writes the same
# bytes (issue 12 did, after every step). Needs ../shared/data beside REPO.
set -u
R=$1; O=$2; mkdir -p $O; D="$(cd "$R/.." && pwd)/shared/data"; K="$R/inrkit"
run() { n=$1; shift; $K encode "$@" -o $O/$n.inr -f --json --threads 2 > $O/$n.json 2>$O/$n.err; echo "$n rc=$?"; }
run k23fast $D/img8/kodim23.png --crop 128x128+200+100 --preset fast
run k01net $D/img8/kodim01.png --crop 32x32+0+0 --width 16 --layers 2 --iters 200
run k01auto $D/img8/kodim01.png --crop 32x32+0+0 --width 16 --layers 2 --iters 200 --weights auto
run m51fast $D/img16/m51_imagej_gray16.png --crop 96x96+100+100 --preset fast
run hela $D/img16/hela_cells_imagej_rgb16.png --crop 48x48+10+10 --width 16 --layers 2 --iters 100 --weights int4
run pianofast $D/audio/sonicpi_ambi_piano_16bit.wav --samples 0:20000 --preset fast
run kickseg $D/audio/h2forzee_Kick-0_24bit.wav --samples 0:4096 --width 16 --layers 2 --iters 100 --segment 2048
run tern $D/img8/kodim01.png --crop 16x16+0+0 --lossless-model --weights ternary --iters 300
run lossl $D/img8/kodim01.png --crop 8x8+0+0 --lossless-model --width 64 --layers 2 --iters 400
for f in $O/*.inr; do $K info --json $f > ${f%.inr}.info.json 2>&1; $K decode $f -o ${f%.inr}.dec.png -f -q 2>/dev/null || $K decode $f -o ${f%.inr}.dec.wav -f -q; done
$K bench fuzz $O/k01net.inr --cases 300 --seed 1 --json > $O/fuzz.json 2>&1; echo fuzz rc=$?
sha256sum $O/*.inr $O/*.dec.* > $O/SUMS
