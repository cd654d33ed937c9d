#!/usr/bin/env bash
# bench/compare.sh [--quick] [--pairs K] [JOB,...]: run ../shared/bench/peer_scipy.py and netdyn's
# bench mains side by side on this machine, on the same matrices, and print the ratio
# scipy/netdyn per job (> 1: netdyn faster). Installs python3-numpy/python3-scipy if missing (as
# root).
# --pairs K: K rounds per job, peer and netdyn in alternating order, and per job and size the
# ratio of every round and their median. On a shared or virtual machine single timings drift by 1.5x
# within minutes; paired rounds see the same drift on both sides.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=""
pairs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick="--quick"; shift ;;
    --pairs) pairs="$2"; shift 2 ;;
    *) break ;;
  esac
done
jobs=${1:-eig,eigvec_cond,schur,lyap,envelope,pseudo,ode,ode_tanh,sparse_eigs,sparse_eigs_safe,report,soc_step}
NETDYN_EXTRA_PACKAGES="python3-numpy python3-scipy" scripts/setup.sh build
cmake --build build -j "${NETDYN_JOBS:-2}" --target bench >&2  # not in the default build
PY=/usr/bin/python3
PEER=../shared/bench/peer_scipy.py
[ -f "$PEER" ] || { echo "compare: $PEER not found" >&2; exit 1; }
$PY bench/make_inputs.py $quick >&2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
IFS=, read -ra list <<<"$jobs"
for job in "${list[@]}"; do
  exe=build/bin/bench_$job
  if [ ! -x "$exe" ]; then echo "compare: no bench main for '$job' yet (bench/$job.cpp)" >&2; continue; fi
  for ((round = 1; round <= pairs; round++)); do
    # Alternate who goes first: whichever runs right after the other's multi-second BLAS load
    # inherits its aftermath (clock, caches, page reclaim), measured at up to 1.4x here.
    if ((round % 2 == 1)); then
      $PY "$PEER" $quick --jobs "$job" | sed "s/\$/ $round/" >>"$tmp/peer.txt"
      "$exe" $quick 2>/dev/null | sed "s/\$/ $round/" >>"$tmp/netdyn.txt"
    else
      "$exe" $quick 2>/dev/null | sed "s/\$/ $round/" >>"$tmp/netdyn.txt"
      $PY "$PEER" $quick --jobs "$job" | sed "s/\$/ $round/" >>"$tmp/peer.txt"
    fi
  done
done
# Lines: job n seconds round. A netdyn job named JOB+VARIANT (envelope+certified: more work than
# the peer's JOB) is divided by the peer's JOB time as well.
awk 'NR==FNR {peer[$1" "$2" "$4]=$3; next}
     { split($1, base, "+"); p = base[1]" "$2" "$4 }
     p in peer {
       key = $1" "$2; r = peer[p] / $3
       if (!(key in count)) order[++keys] = key
       ratios[key, ++count[key]] = r
       s[key] = s[key] sprintf(" %.4f/%.4f", peer[p], $3)
     }
     END {
       print "job n median_ratio rounds(scipy_s/netdyn_s)"
       for (k = 1; k <= keys; k++) {
         key = order[k]; m = count[key]
         for (i = 1; i <= m; i++) v[i] = ratios[key, i]
         for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
         med = (m % 2) ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
         printf "%s %.2fx%s\n", key, med, s[key]
       }
     }' "$tmp/peer.txt" "$tmp/netdyn.txt"
