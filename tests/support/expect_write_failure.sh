#!/usr/bin/env bash
# expect_write_failure.sh LIMIT_KB OUT_DIR CMD [ARGS...]: run CMD as if the disk were full and
# require a clean failure. The file-size limit `ulimit -f LIMIT_KB` (1024-byte blocks) with
# SIGXFSZ ignored makes every write past LIMIT_KB fail with EFBIG, as ENOSPC would on a full disk
# (no root, no loop mount needed). Requires exit code 1, an error message naming a file in
# OUT_DIR, and no partial or temporary file in OUT_DIR afterwards: no hidden file (the writers'
# temporaries are .NAME.tmp.XXXXXX / .NAME.render.XXXXXX) and no file of LIMIT_KB or more (a
# write cut by the limit leaves exactly LIMIT_KB * 1024 bytes). Complete files written before the
# failing one may stay. OUT_DIR is created empty first. Used by tests/cli/outputs.cmake.
set -u
limit_kb=$1
out_dir=$2
shift 2
command_line="$*"
rm -rf -- "$out_dir"
mkdir -p -- "$out_dir"
# The limit and the ignored signal apply to CMD and its children (gnuplot) only; ignored signals
# stay ignored across exec.
output=$(
  trap '' XFSZ
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
limit_bytes=$((limit_kb * 1024))
for f in "$out_dir"/.* "$out_dir"/*; do
  case "$f" in "$out_dir/." | "$out_dir/.." | "$out_dir/.*" | "$out_dir/*") continue ;; esac
  case "${f##*/}" in .*) fail "temporary file left behind: $f" ;; esac
  [ "$(stat -c %s -- "$f")" -lt "$limit_bytes" ] || fail "partial file left behind: $f"
done
printf '%s\n' "$output" | head -c 2000
exit 0
