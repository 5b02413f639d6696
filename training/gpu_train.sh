#!/usr/bin/env bash
# One prepared training run on a lent GPU machine: width 16 and width 32 (the default model's size) side by side,
# from random initialisation, on the training sources only (no test source), with the thin-damage mask mix.
# Usage: DATA=path/to/data OUT=results SECONDS_BUDGET=420 bash training/gpu_train.sh
# Each run writes generator weights (the EMA), its log and its stdout to $OUT; a run stopped early still leaves
# its last checkpoint's EMA weights there.
set -u
cd "$(dirname "$0")"
export PYTHONUNBUFFERED=1
DATA=${DATA:-../../shared/data}
RUNS=${RUNS:-/tmp/misf-runs}
BUDGET=${SECONDS_BUDGET:-420}
DEVICE=${DEVICE:-cuda}
WORKERS=${WORKERS:-7}
PY=${PY:-python3}
hours=$("$PY" -c "print($BUDGET / 3600)")
nvidia-smi --query-gpu=name,memory.total --format=csv 2>/dev/null
"$PY" -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available())"
common=(--data "$DATA" --device "$DEVICE" --workers "$WORKERS" --size 256 --lr 2e-4 --hole-l1 5 --adv 0 --perceptual 0
        --ssim 3 --ema 0.998 --thin 0.5 --native 0.7 --val-every 500 --val-per-bin 16 --save-every 200 --log-every 50
        --threads 2 --hours "$hours")
IFS=";" read -ra specs <<< "${SPECS:-w16 16 32;w32 32 16}"
for spec in "${specs[@]}"; do
  set -- $spec
  timeout $((BUDGET + 60)) "$PY" train.py --run "$RUNS/$1" --width "$2" --batch "$3" "${common[@]}" ${EXTRA:-} \
      > "$OUT/$1.out" 2>&1 &
done
wait
"$PY" - "$RUNS" "$OUT" <<'PY'
import os, shutil, sys, torch
runs, out = sys.argv[1:]
for name in sorted(os.listdir(runs)):
    run = os.path.join(runs, name)
    g = os.path.join(run, "generator.pth")
    if os.path.exists(g):
        ck = torch.load(g, map_location="cpu")
    elif os.path.exists(os.path.join(run, "last.pt")):  # stopped early: the EMA of the last checkpoint
        last = torch.load(os.path.join(run, "last.pt"), map_location="cpu")
        ck = {"iteration": last["state"]["step"], "generator": last.get("ema") or last["generator"]}
    else:
        print(name, "left no weights"); continue
    keys = sorted(ck["generator"])
    half = len(keys) // 2  # two files, each under the size limit for files brought back
    for part, ks in (("a", keys[:half]), ("b", keys[half:])):
        torch.save({"iteration": ck["iteration"], "generator": {k: ck["generator"][k] for k in ks}},
                   os.path.join(out, f"{name}_{part}.pth"))
    shutil.copy(os.path.join(run, "log.tsv"), os.path.join(out, f"{name}_log.tsv"))
    print(name, "iteration", ck["iteration"])
PY
ls -la "$OUT"
