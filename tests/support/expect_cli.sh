#!/usr/bin/env bash
# expect_cli.sh EXIT REGEX CMD [ARGS...]: run CMD, require exit code EXIT and REGEX (extended grep)
# in its combined stdout+stderr. Used by the command-line CTest cases (tests/cli_tests.cmake).
set -u
expected_exit=$1
pattern=$2
shift 2
output=$("$@" 2>&1)
status=$?
if [ "$status" -ne "$expected_exit" ]; then
  printf 'expected exit %s, got %s from: %s\n--- output ---\n%s\n' "$expected_exit" "$status" "$*" "$output"
  exit 1
fi
if ! printf '%s' "$output" | grep -Ezq -- "$pattern"; then
  printf 'output of %s does not match /%s/\n--- output ---\n%s\n' "$*" "$pattern" "$output"
  exit 1
fi
printf '%s\n' "$output" | head -c 2000
exit 0
