#!/usr/bin/env bash
# expect_write_failure.sh LIMIT_KB OUT_DIR CMD [ARGS...]: run CMD as if the disk were full and
# require a clean failure. The file-size limit `ulimit -f LIMIT_KB` (1024-byte blocks) makes
# every write past LIMIT_KB fail, as ENOSPC would on a full disk (no root, no loop mount needed).
# The limit's signal, SIGXFSZ, is left at its default (which kills the process), as on a quota'd
# cluster: netdyn must ignore it itself and see EFBIG (tools/main.cpp). Requires exit code 1, an
# error message naming a file in OUT_DIR, and OUT_DIR empty afterwards: a command's files are
# staged and only moved into place when all of them are complete (netdyn::OutputDirectory), so
# a failure leaves nothing: no partial, temporary or staging file, and none of the files that
# were complete before the failing one. OUT_DIR is created empty first. Used by
# tests/cli/outputs.cmake.
set -u
limit_kb=$1
out_dir=$2
shift 2
command_line="$*"
rm -rf -- "$out_dir"
mkdir -p -- "$out_dir"
# The limit applies to CMD and its children (gnuplot) only.
output=$(
  trap - XFSZ
  ulimit -f "$limit_kb" || exit 99
  exec "$@" 2>&1
)
status=$?
fail() {
  printf '%s\n--- command: %s (ulimit -f %s)\n--- output ---\n%s\n--- %s ---\n' "$1" "$command_line" \
    "$limit_kb" "$output" "$out_dir"
  ls -la -- "$out_dir"
  exit 1
}
[ "$status" -eq 1 ] || fail "expected exit 1, got $status"
printf '%s' "$output" | grep -Fq -- "$out_dir/" || fail "the error message does not name a file in $out_dir"
[ -z "$(ls -A -- "$out_dir")" ] || fail "files left behind in $out_dir"
printf '%s\n' "$output" | head -c 2000
exit 0
