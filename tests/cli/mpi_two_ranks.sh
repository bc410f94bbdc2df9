#!/usr/bin/env bash
# `mpirun -n 2 resus-mpi` gives the same result files, byte for byte, as one `resus batch` of the
# same study (docs/batch.md; the Monte Carlo issue: "bit-identical ... under mpirun -n 2").
#   mpi_two_ranks.sh RESUS RESUS_MPI MPIEXEC
set -euo pipefail
resus=$1 resus_mpi=$2 mpiexec=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/study.json" <<'JSON'
{"seed": 5, "patients": 6, "duration_s": 150,
 "population": {"parameters": {"body_mass_kg": {"dist": "normal", "mean": 75, "sd": 12}}},
 "arrest": {"at_s": 20, "rhythm": {"dist": "categorical", "values": ["vf_coarse", "pea"]}},
 "team": {"preset": "in_hospital"}}
JSON
"$resus" batch "$work/study.json" --out "$work/one" --chunk 2 -q
# Open MPI refuses root unless told (CI containers run as root); two ranks on this machine.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
"$mpiexec" -n 2 --oversubscribe "$resus_mpi" "$work/study.json" --out "$work/mpi" --chunk 2 -q
cmp "$work/one/results.csv" "$work/mpi/results.csv"
cmp "$work/one/results.json" "$work/mpi/results.json"
echo "mpirun -n 2: $(($(wc -l < "$work/mpi/results.csv") - 1)) patients, results identical to one process"
