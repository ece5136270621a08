#!/bin/sh
# Reproduce the study (run from /tmp/bd-study). prep.py builds train_crops.npz + kodak_crops.npy.
python3 prep.py
python3 base.py
python3 bdx.py --model ridge --per 1000 --tag ridge-w7
python3 bdx.py --model ridge --per 1000 --sets png,stel --tag ridge-w7-noJPG
python3 bdx.py --model ridge --per 1000 --dist 1 --scales 4,8,16 --tag ridge-w7-dist-scales
python3 bdx.py --model mlp --per 1000 --secs 300 --epochs 20 --tag mlp64x2-w7
python3 bdx.py --model mlp --per 1000 --dist 1 --scales 4,8,16 --secs 300 --epochs 20 --tag mlp64x2-dist-scales
python3 bdx.py --model mlp --per 1000 --dist 1 --scales 4,8,16 --hidden 128,64 --secs 150 --epochs 60 --tag mlp128-64-dist-scales
