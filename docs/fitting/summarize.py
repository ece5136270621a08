#!/usr/bin/env python3
"""Markdown tables from docs/fitting/study.sh's JSON lines (a dev tool; the tests never run it)."""
import json, os, statistics, sys

out = sys.argv[1] if len(sys.argv) > 1 else "docs/fitting/results"

def load(name):
    path = os.path.join(out, name + ".jsonl")
    return [json.loads(l) for l in open(path)] if os.path.exists(path) else []

def short(r):
    name = os.path.basename(r["file"]).rsplit(".", 1)[0]
    return name[:22]

def stats(values):
    if not values:
        return "-"
    if len(values) == 1:
        return f"{values[0]:.3g}"
    return f"{statistics.mean(values):.3g} ± {statistics.stdev(values):.2g} ({min(values):.3g}..{max(values):.3g})"

def group(rows, key):
    g = {}
    for r in rows:
        g.setdefault(key(r), []).append(r)
    return g

print("### Iterations and seconds to lossless, 32x32 centre crops, lr 1e-3, full batch\n")
print("| set | formulation | lossless | iterations: mean ± sd (min..max) | seconds: mean ± sd (min..max) |")
print("|---|---|---|---|---|")
rows = load("formulation-bit-input") + load("formulation-plane-heads")
for (depth, form), rs in sorted(group(rows, lambda r: ("16-bit" if "16-bit" in r["signal"] else "8-bit", r["formulation"])).items()):
    ok = [r for r in rs if r["lossless"]]
    print(f"| {depth} ({len(rs)} crops) | {form} | {len(ok)}/{len(rs)} | {stats([r['iterations'] for r in ok])} | {stats([r['seconds'] for r in ok])} |")

print("\n### Per crop (iterations / seconds)\n")
print("| crop | bit-input | plane-heads | bit-input, MSE | plane-heads, Gray |")
print("|---|---|---|---|---|")
by = {}
for name in ["formulation-bit-input", "formulation-plane-heads", "loss-mse", "mapping-gray"]:
    for r in load(name):
        by.setdefault(short(r), {})[name] = r
for crop, cols in by.items():
    cells = []
    for name in ["formulation-bit-input", "formulation-plane-heads", "loss-mse", "mapping-gray"]:
        r = cols.get(name)
        cells.append("-" if r is None else (f"{r['iterations']} / {r['seconds']:.1f}" if r["lossless"] else f"not lossless ({r['bitErrors']} bits) / {r['seconds']:.1f}"))
    print(f"| {crop} | " + " | ".join(cells) + " |")

for title, name, base in [("BCE vs MSE (bit-input, Kodak crops)", "loss-mse", "formulation-bit-input"),
                          ("Binary vs Gray planes (plane-heads, Kodak crops)", "mapping-gray", "formulation-plane-heads")]:
    alt = load(name)
    ref = [r for r in load(base) if "8-bit" in r["signal"]]
    print(f"\n### {title}\n")
    print("| variant | lossless | iterations | seconds |")
    print("|---|---|---|---|")
    for label, rs in [("reference", ref), (name, alt)]:
        ok = [r for r in rs if r["lossless"]]
        print(f"| {label} | {len(ok)}/{len(rs)} | {stats([r['iterations'] for r in ok])} | {stats([r['seconds'] for r in ok])} |")

print("\n### Audio: 8192 frames of a 24-bit stereo snare, by segment length\n")
print("| frames per segment | segments | lossless | parameters | steps per segment: mean (max) | seconds |")
print("|---|---|---|---|---|---|")
for r in load("audio-segment"):
    steps = [s["iterations"] for s in r["perSegment"]]
    print(f"| {r['segmentFrames']} | {r['segments']} | {r['lossless']} | {r['parameters']} | {statistics.mean(steps):.0f} ({max(steps)}) | {r['seconds']:.1f} |")

print("\n### The fitting issue's bars\n")
print("| run | PyTorch (this machine) | INRKit iterations | INRKit seconds | lossless |")
print("|---|---|---|---|---|")
ref = {"bar-same-32": "189 it, 25.4 s (bar 12.7 s)", "bar-same-64": "620 it, 383 s (bar 190 s)", "bar-defaults-32": "best of 3 rates 51 it, 6.4 s (bar 4.3 s)"}
for name, label in ref.items():
    for r in load(name):
        print(f"| {name} ({r['formulation']}, lr {r['learningRate']}) | {label} | {r['iterations']} | {r['seconds']} | {r['lossless']} |")
