#!/usr/bin/env bash
# The Spark job's overhead (issue 15's bar: at most 25%): one folder of 200 crops of the shared
# data (images 256x256, audio 5-second excerpts) encoded at one preset three ways, timed in one run:
#   1. ./inrkit-spark encode on local[2];
#   2. ./inrkit encode on the whole folder in one process (its default --threads, the cores);
#   3. two ./inrkit encode processes side by side, each on half of the folder.
# Run on a quiet machine from the repository root after `mvn -q -DskipTests package`:
#   DATA=../shared/data PRESET=default docs/spark/throughput.sh [WORK_DIR]
set -euo pipefail
DATA=${DATA:-../shared/data}
PRESET=${PRESET:-default}
W=${1:-$(mktemp -d)}
mkdir -p "$W"
root=$(pwd)
if [ ! -d "$W/in" ]; then
  mkdir -p "$W/in/a" "$W/in/b"
  python3 - "$DATA" "$W/in" <<'PY'
import sys, wave, subprocess, pathlib
data, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
made = []
def place(i):
    return out / ("a" if i % 2 == 0 else "b")
images = sorted((data / "img8").glob("*.png")) + sorted((data / "img16").glob("*.png"))
audio = sorted((data / "audio").glob("*.wav"))
i = 0
# Four 256x256 crops of each image at spread offsets (fewer where the image is small), then audio.
for img in images:
    w, h = map(int, subprocess.check_output(["identify", "-format", "%w %h", img]).split())
    for k in range(4):
        if i >= 160 or w < 256 or h < 256:
            break
        x, y = (w - 256) * (k % 2) // 1, (h - 256) * (k // 2) // 1
        dst = place(i) / f"{img.stem}-{k}.png"
        subprocess.check_call(["/usr/bin/convert", str(img), "+repage", "-crop", f"256x256+{x}+{y}", "+repage",
                               "-strip", str(dst)])
        i += 1
k = 0
while i < 200:
    src = audio[k % len(audio)]
    part = k // len(audio)
    with wave.open(str(src)) as r:
        rate = r.getframerate()
        r.setpos(min(part * 5 * rate, max(0, r.getnframes() - 5 * rate)))
        frames = r.readframes(5 * rate)
        with wave.open(str(place(i) / f"{src.stem}-{part}.wav"), "wb") as o:
            o.setnchannels(r.getnchannels()); o.setsampwidth(r.getsampwidth()); o.setframerate(rate)
            o.writeframes(frames)
    i += 1; k += 1
PY
fi
echo "folder: $(find "$W/in" -type f | wc -l) files, $(du -sb "$W/in" | cut -f1) bytes; preset $PRESET; $(nproc) cores"
t() { /usr/bin/time -f "%e s, peak %M KiB" "$@"; }
rm -rf "$W/spark" "$W/one" "$W/two"
echo "== ./inrkit-spark encode --master local[2]"
t "$root/inrkit-spark" encode --in "$W/in" --out "$W/spark" --master 'local[2]' --preset "$PRESET" 2>&1 | tail -2
echo "== ./inrkit encode, one process"
t "$root/inrkit" encode "$W/in/a" "$W/in/b" --out-dir "$W/one" --preset "$PRESET" -q 2>&1 | tail -1
echo "== ./inrkit encode, two processes side by side"
mkdir -p "$W/two"
start=$(date +%s.%N)
"$root/inrkit" encode "$W/in/a" --out-dir "$W/two/a" --preset "$PRESET" -q --threads 1 &
"$root/inrkit" encode "$W/in/b" --out-dir "$W/two/b" --preset "$PRESET" -q --threads 1 &
wait
echo "$(echo "$(date +%s.%N) - $start" | bc) s"
echo "== outputs: spark $(find "$W/spark" -name '*.inr' | wc -l) files, $(find "$W/spark" -name '*.inr' -print0 | du -cb --files0-from=- | tail -1 | cut -f1) bytes; one process $(find "$W/one" -name '*.inr' | wc -l) files, $(du -cb "$W"/one/*.inr | tail -1 | cut -f1) bytes"
