#!/usr/bin/env bash
# On a lent GPU machine: continue the default model from what `gpu_transfer.py pack` put in .gpu/ (the training
# sources and whole groups of NVIDIA masks in data.tar, the package's generator in init/), one run of width 32 at a
# large batch, weights (the EMA, in two halves), log and stdout to $OUT. Back here: `gpu_transfer.py merge`.
# Usage (the run tool's command, carry ['.gpu']): OUT=$OUT SECONDS_BUDGET=360 bash training/gpu_continue.sh
# Knobs: BATCH (96), LR (2e-4, cosine over the budget), WORKERS (14), VAL_EVERY (400), EXTRA (more train.py options).
set -eu
cd "$(dirname "$0")/.."
: "${OUT:?set OUT to the folder whose files come back}"
DATA=${DATA:-/tmp/misf-data}
mkdir -p "$DATA"
tar -xf .gpu/data.tar -C "$DATA"
echo "$(find "$DATA/images" -type f | wc -l) training images, $(ls "$DATA/masks/irregular" | wc -l) masks"
OUT="$OUT" DATA="$DATA" SECONDS_BUDGET="${SECONDS_BUDGET:-360}" WORKERS="${WORKERS:-14}" SPECS="w32 32 ${BATCH:-96}" \
    EXTRA="--init $PWD/.gpu/init --lr ${LR:-2e-4} --ssim 10 --val-every ${VAL_EVERY:-400} ${EXTRA:-}" \
    bash training/gpu_train.sh
