#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] [TARGET...]: build the libFuzzer targets (npy, csv, mtx, mat, h5,
# npz: the matrix readers; cli: the command line's argument parsing) with clang (ASan + UBSan) and run each for
# SECONDS (default 60) on a seed corpus made from data/ and tests/data/ (readers) and from the
# examples in every subcommand's --help (cli). Findings
# (crash-*, leak-*, timeout-*, oom-*) are left in build-fuzz/findings/TARGET/ and make it exit 1.
# Installs clang and libclang-rt-14-dev if missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(npy csv mtx mat h5 npz cli)
NETDYN_EXTRA_PACKAGES="clang libclang-rt-14-dev" scripts/setup.sh --install-only
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link -fno-omit-frame-pointer -g"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS="$flags" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" -DNETDYN_FUZZ=ON \
  -DNETDYN_BUILD_TESTS=OFF -DNETDYN_BUILD_BENCH=OFF -DNETDYN_BUILD_TOOLS=ON \
  -DNETDYN_BUILD_PYTHON=OFF >/dev/null
cmake --build build-fuzz -j "${NETDYN_JOBS:-2}" --target netdyn_cli $(printf 'fuzz_%s ' "${targets[@]}") \
  >build-fuzz/build.log || { tail -40 build-fuzz/build.log >&2; echo "fuzz: build failed" >&2; exit 1; }
status=0
for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$t
  findings=build-fuzz/findings/$t
  mkdir -p "$corpus" "$findings"
  case $t in
    npy) cp data/*.npy tests/data/good/*.npy tests/data/bad/*.npy "$corpus"/ ;;
    csv) cp data/*.csv tests/data/good/*.csv tests/data/good/*.txt tests/data/good/*.dat \
            tests/data/bad/*.csv tests/data/bad/*.txt tests/data/formats/*.csv "$corpus"/ ;;
    mtx) cp tests/data/good/*.mtx tests/data/bad/*.mtx "$corpus"/ ;;
    mat|h5|npz) cp data/*."$t" tests/data/formats/*."$t" "$corpus"/ ;;
    cli) # each example line of `netdyn --help` as words separated by newlines, and SUB --help
      i=0
      while read -r line; do
        i=$((i + 1)); printf '%s' "${line#netdyn }" | tr ' ' '\n' >"$corpus/example_$i"
        sub=${line#netdyn }; printf '%s\n--help' "${sub%% *}" >"$corpus/help_${sub%% *}"
      done < <(build-fuzz/bin/netdyn --help | sed -n 's/^ *\(netdyn .*\)$/\1/p') ;;
  esac
  echo "fuzz_$t: ${seconds}s" >&2
  if ! (cd "$findings" && ASAN_OPTIONS=allocator_may_return_null=1:detect_leaks=1 \
        ../../fuzz/fuzz_$t -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 \
        -timeout=10 -close_fd_mask=3 -print_final_stats=1 "../../corpus/$t" 2>"../$t.log"); then
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "build-fuzz/findings/$t.log" | sed "s/^/fuzz_$t /" || true
  if ls "$findings"/crash-* "$findings"/leak-* "$findings"/timeout-* "$findings"/oom-* >/dev/null 2>&1; then
    echo "fuzz_$t: FINDINGS in $findings" >&2
    status=1
  fi
done
exit $status
