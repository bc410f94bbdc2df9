#!/usr/bin/env bash
# examples/slurm/resus-array.sbatch, run as two array tasks one after the other with the
# variables Slurm would set, gives the same result files, byte for byte, as one `resus batch`
# of the same study (docs/batch.md, "On a cluster"; the last task to finish merges).
#   slurm_array.sh RESUS SBATCH_SCRIPT
set -euo pipefail
resus=$1 script=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/study.json" <<'JSON'
{"seed": 9, "patients": 6, "duration_s": 150,
 "population": {"parameters": {"body_mass_kg": {"dist": "normal", "mean": 75, "sd": 12}}},
 "arrest": {"at_s": 20, "rhythm": {"dist": "categorical", "values": ["vf_coarse", "pea"]},
            "witnessed": {"dist": "categorical", "values": ["bystander", "ems", "unwitnessed"]}},
 "team": {"preset": "in_hospital"}}
JSON
"$resus" batch "$work/study.json" --out "$work/one" -q
for task in 1 0; do
  RESUS="$resus" SLURM_ARRAY_TASK_ID=$task SLURM_ARRAY_TASK_COUNT=2 SLURM_CPUS_PER_TASK=1 \
    bash "$script" "$work/study.json" "$work/array" > /dev/null
done
cmp "$work/one/results.csv" "$work/array/results.csv"
cmp "$work/one/results.json" "$work/array/results.json"
echo "slurm array of 2: $(($(wc -l < "$work/array/results.csv") - 1)) patients, results identical to one process"
