#!/usr/bin/env bash
# Reproduces docs/FITTING.md's measurements with the inrkit command: iterations and time to
# lossless on real crops, both formulations, BCE vs MSE, binary vs Gray planes, bit-bias charts,
# audio segment lengths, and the fitting issue's speed bars. Takes about 15 minutes on 2 cores.
#   DATA=/path/to/shared/data docs/fitting/study.sh      (from the repository root, after mvn package)
# Raw results: docs/fitting/results/*.jsonl (one JSON object per fit); tables: summarize.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
D=${DATA:-../shared/data}
OUT=docs/fitting/results
mkdir -p "$OUT"
fit() { # name file extra-args...  -> one line of JSON in $OUT/name.jsonl
  local name=$1 file=$2; shift 2
  ./inrkit fit "$file" --json -q --force "$@" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)))' >> "$OUT/$name.jsonl"
}
centre() { # file -> the 32x32 centre crop argument
  python3 - "$1" <<'PY'
import sys, struct
with open(sys.argv[1], 'rb') as f: h = f.read(24)
w, hgt = struct.unpack('>II', h[16:24])
print(f"32x32+{(w - 32) // 2}+{(hgt - 32) // 2}")
PY
}
rm -f "$OUT"/*.jsonl
KODAK=$(for i in 01 02 03 04 05 06 07 08; do echo "$D/img8/kodim$i.png"; done)
SIXTEEN=$(ls "$D"/img16/*.png | sort | head -8)

for f in $KODAK $SIXTEEN; do
  for form in bit-input plane-heads; do
    fit "formulation-$form" "$f" --crop "$(centre "$f")" --formulation "$form" --max-iters 5000
  done
done
for f in $KODAK; do
  fit loss-mse "$f" --crop "$(centre "$f")" --formulation bit-input --loss mse --max-iters 5000
  fit mapping-gray "$f" --crop "$(centre "$f")" --mapping gray --max-iters 5000
done
# Bit bias: the paper's setting on the speed-bar crop, and a 16-bit crop.
fit chart-kodim01 "$D/img8/kodim01.png" --crop 32x32+0+0 --formulation bit-input --lr 1e-4 \
  --chart docs/fitting/bit-bias-kodim01-8bit.png
fit chart-16bit "$D/img16/rawpixls_DJI-FC6310-16bit_709_v4_krita.png" --crop "$(centre "$D/img16/rawpixls_DJI-FC6310-16bit_709_v4_krita.png")" \
  --formulation bit-input --chart docs/fitting/bit-bias-dji-16bit.png
# Audio: 8192 frames (0.17 s) of a 24-bit stereo snare, in segments of 256 to 2048 frames.
for seg in 256 512 1024 2048; do
  fit "audio-segment" "$D/audio/h2forzee_Snare-0_24bit.wav" --samples 0:8192 --segment "$seg" --max-iters 5000
done
# The fitting issue's bars (PyTorch on this machine: 25.4 s / 189 it, 383 s / 620 it, best 6.4 s).
fit bar-same-32 "$D/img8/kodim01.png" --crop 32x32+0+0 --formulation bit-input --lr 1e-4
fit bar-same-64 "$D/img8/kodim01.png" --crop 64x64+0+0 --formulation bit-input --lr 1e-4
fit bar-defaults-32 "$D/img8/kodim01.png" --crop 32x32+0+0 --width 256 --layers 3
python3 docs/fitting/summarize.py "$OUT"
