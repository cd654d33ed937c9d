#!/usr/bin/env bash
# bench/compare.sh [--quick] [JOB,...]: run ../shared/bench/peer_scipy.py and netdyn's bench mains
# side by side on this machine, on the same matrices, and print the ratio scipy/netdyn per job
# (> 1: netdyn faster). Installs python3-numpy/python3-scipy if missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=""
if [ "${1:-}" = "--quick" ]; then quick="--quick"; shift; fi
jobs=${1:-eig,eigvec_cond,schur,lyap,envelope,pseudo,ode,ode_tanh,sparse_eigs}
NETDYN_EXTRA_PACKAGES="python3-numpy python3-scipy" scripts/setup.sh build
PY=/usr/bin/python3
PEER=../shared/bench/peer_scipy.py
[ -f "$PEER" ] || { echo "compare: $PEER not found" >&2; exit 1; }
$PY bench/make_inputs.py $quick >&2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
IFS=, read -ra list <<<"$jobs"
for job in "${list[@]}"; do
  exe=build/bin/bench_$job
  if [ ! -x "$exe" ]; then echo "compare: no bench main for '$job' yet (bench/$job.cpp)" >&2; continue; fi
  $PY "$PEER" $quick --jobs "$job" >>"$tmp/peer.txt"
  "$exe" $quick >>"$tmp/netdyn.txt"
done
echo "job n scipy_s netdyn_s ratio"
awk 'NR==FNR {peer[$1" "$2]=$3; next} ($1" "$2) in peer {printf "%s %s %.4f %.4f %.2fx\n", $1, $2, peer[$1" "$2], $3, peer[$1" "$2]/$3}' \
  "$tmp/peer.txt" "$tmp/netdyn.txt"
