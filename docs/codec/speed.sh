#!/usr/bin/env bash
# Issue 13's speed bars on the full Kodak set, as a user meets them: each image encoded at the
# default preset (`inrkit encode`) and by `cjxl -d 0 -e 9`, then every file decoded to PNG by
# `inrkit decode` and `djxl`, twice, one command after another, 2 threads each; every decode is
# compared with the original sample by sample. Needs cjxl and djxl (apt-get install
# libjxl-tools); takes about 12 minutes on 2 cores. Run on an otherwise idle machine from the
# repository root after `mvn -q -DskipTests package`:
#   docs/codec/speed.sh [path/to/shared/data] > speed.txt
# Prints one line per run ("enc FILE inrkit_s cjxl_s inr_bytes jxl_bytes", "decN FILE inrkit_s
# djxl_s differing N"), then the summed and per-file ratios. WORK overrides the scratch folder.
set -euo pipefail
D=${1:-../shared/data}
K=$(readlink -f "${INRKIT:-./inrkit}")
W=${WORK:-$(mktemp -d)}
for tool in cjxl djxl; do
    command -v $tool >/dev/null || { echo "speed.sh: $tool is not installed (apt-get install libjxl-tools)" >&2; exit 1; }
done
now() { date +%s.%N; }
for f in "$D"/img8/kodim*.png; do
    k=$(basename "$f" .png)
    rm -f "$W/$k.inr" "$W/$k.jxl"
    a=$(now); "$K" encode "$f" "$W/$k.inr" --threads 2 >/dev/null 2>&1; b=$(now)
    cjxl -d 0 -e 9 --num_threads 2 "$f" "$W/$k.jxl" >/dev/null 2>&1; c=$(now)
    echo "enc $k $(echo "$b - $a" | bc) $(echo "$c - $b" | bc) $(stat -c %s "$W/$k.inr") $(stat -c %s "$W/$k.jxl")"
done | tee "$W/runs.txt"
for pass in 1 2; do
    for f in "$D"/img8/kodim*.png; do
        k=$(basename "$f" .png)
        rm -f "$W/o$k.png" "$W/j$k.png"
        a=$(now); "$K" decode "$W/$k.inr" "$W/o$k.png" --threads 2 >/dev/null 2>&1; b=$(now)
        djxl "$W/$k.jxl" "$W/j$k.png" --num_threads 2 >/dev/null 2>&1; c=$(now)
        echo "dec$pass $k $(echo "$b - $a" | bc) $(echo "$c - $b" | bc) $("$K" compare "$W/o$k.png" "$f" | grep -o 'differing [0-9]*')"
    done
done | tee -a "$W/runs.txt"
awk '
    $1 == "enc" { ei += $3; ej += $4; r = $3 / $4; emin = (emin == "" || r < emin) ? r : emin; emax = r > emax ? r : emax }
    $1 ~ /^dec/ { di[$1] += $3; dj[$1] += $4; r = $3 / $4; if (r > 15) over[$1]++; if ($6 != 0) bad++
                  dmin[$1] = (dmin[$1] == "" || r < dmin[$1]) ? r : dmin[$1]; dmax[$1] = r > dmax[$1] ? r : dmax[$1] }
    END {
        printf "encode: %.1f s against cjxl -e 9 %.1f s: %.3fx summed, %.2f-%.2fx per file (bar 2x)\n", ei, ej, ei / ej, emin, emax
        for (p in di) printf "%s: %.2f s against djxl %.3f s: %.2fx summed, %.1f-%.1fx per file, %d files over 15x (bar 15x)\n", p, di[p], dj[p], di[p] / dj[p], dmin[p], dmax[p], over[p]
        printf "decodes differing from the original: %d\n", bad
    }' "$W/runs.txt"
