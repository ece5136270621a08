#!/usr/bin/env bash
# Regenerates the tables of docs/QUANTIZATION.md into this folder (about 90 minutes on 2 cores).
# Run from the repository root after `mvn -q -DskipTests package`:
#   docs/quantization/run.sh [path/to/shared/data]
# INRKIT and OUT override the command and the output folder.
set -euo pipefail
D=${1:-../shared/data}
O=${OUT:-docs/quantization}
K=${INRKIT:-./inrkit}
T=${THREADS:-2}
q() { name=$1; shift; "$K" bench quant "$@" --threads "$T" --json "$O/$name.json" -f -q > "$O/$name.md"; }
# Four signals at the default preset's network (32x2, 1500 steps; audio 16x2 per 1024 frames, 300 steps).
q kodim01-64 "$D"/img8/kodim01.png --crop 64x64+352+224
q kodim23-64 "$D"/img8/kodim23.png --crop 64x64+352+224
q nikon16-64 "$D"/img16/wesaturate64_Nikon-D3-14bit_2020_g1.png
q speech-4096 "$D"/audio/synthetic-speech_espeak-ng_1.wav --samples 8192:4096 --width 16 --iterations 300
# The bar's set: 256x256 centre crops of Kodak images.
q kodim01-256 "$D"/img8/kodim01.png --crop 256x256+256+128
q kodim23-256 "$D"/img8/kodim23.png --crop 256x256+256+128
for k in 02 03 04 05 06 07; do q kodim$k-256 "$D"/img8/kodim$k.png --crop 256x256+256+128; done
# The paper's ternary network on the 32x32 kodim01 crop: seeds, encoding, rate, width; then the files.
f() { name=$1; shift; "$K" fit "$D"/img8/kodim01.png --crop 32x32 --ternary-weights --max-iters 5000 --threads "$T" --json "$@" -q > "$O/ternary-$name.json"; }
f seed0
f seed1 --seed 1
f seed2 --seed 2
f k3 --frequencies 3
f lr1e-4 --lr 1e-4
f w128 --width 128
"$K" fit "$D"/img8/kodim01.png --crop 32x32 --ternary-weights --threads "$T" --chart "$O/ternary-kodim01-32x32.png" -q > /dev/null
for w in ternary fp16 fp32; do
    "$K" encode "$D"/img8/kodim01.png "$O/k01-32-$w.inr" --crop 32x32 --lossless-model --weights "$w" --threads "$T" -f -q
    "$K" info "$O/k01-32-$w.inr" --json > "$O/ternary-file-$w.json"
    rm "$O/k01-32-$w.inr"
done
