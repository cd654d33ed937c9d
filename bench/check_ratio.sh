#!/usr/bin/env bash
# bench/check_ratio.sh [--pairs K] [N ...]: the whole `netdyn check --json` process (read the .npy,
# every report key, JSON out) against one real Schur decomposition with vectors (dgees) of the same
# Gaussian W (rho 0.9, the peer's matrices), in alternating order, K rounds; prints per n every
# round's ratio check/dgees and their median (issue 16's acceptance: at most 2.5x, goal 2x).
# Likewise `netdyn schur --json` (the ordered complex form) against dgees (at most 1.5x).
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=3
if [ "${1:-}" = "--pairs" ]; then pairs="$2"; shift 2; fi
sizes=${*:-1000 2000}
[ -x build/bin/netdyn ] || { echo "check_ratio: build first (scripts/setup.sh)" >&2; exit 1; }
cmake --build build --target bench_report >&2  # the bench mains are not in the default build
[ -f bench/data/report_1000.npy ] || /usr/bin/python3 bench/make_inputs.py >&2
wall() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}'; }
dgees() { NETDYN_BENCH_DGEES=1 build/bin/bench_report "$1" 2>/dev/null | awk '$1 == "dgees" {print $3}'; }
median() { tr ' ' '\n' | grep . | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
echo "job n median_ratio rounds(job_s/dgees_s)"
for n in $sizes; do
  for job in check schur; do
    ratios=""; detail=""
    for ((round = 1; round <= pairs; round++)); do
      if ((round % 2 == 1)); then d=$(dgees "$n"); c=$(wall build/bin/netdyn "$job" --json "bench/data/report_$n.npy")
      else c=$(wall build/bin/netdyn "$job" --json "bench/data/report_$n.npy"); d=$(dgees "$n"); fi
      ratios="$ratios $(awk -v c="$c" -v d="$d" 'BEGIN {print c / d}')"; detail="$detail $(printf '%.3f/%.3f' "$c" "$d")"
    done
    printf '%s %s %.2fx%s\n' "$job" "$n" "$(echo "$ratios" | median)" "$detail"
  done
done
