#!/usr/bin/env bash
# expect_plot.sh FILE MIN_BYTES CMD [ARGS...]: run CMD (exit 0 required), then require FILE to be
# a PNG, SVG or PDF (by extension) with the right signature and at least MIN_BYTES bytes.
set -u
file=$1
min_bytes=$2
shift 2
rm -f "$file"
if ! "$@"; then echo "command failed: $*"; exit 1; fi
[ -f "$file" ] || { echo "missing $file"; exit 1; }
size=$(stat -c %s "$file")
[ "$size" -ge "$min_bytes" ] || { echo "$file has $size bytes, expected >= $min_bytes"; exit 1; }
case "$file" in
  *.png) [ "$(head -c 8 "$file" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || { echo "$file: not a PNG"; exit 1; } ;;
  *.svg) head -c 2048 "$file" | grep -q "<svg" || { echo "$file: not an SVG"; exit 1; } ;;
  *.pdf) [ "$(head -c 5 "$file")" = "%PDF-" ] || { echo "$file: not a PDF"; exit 1; } ;;
  *) echo "unknown plot type: $file"; exit 1 ;;
esac
# No temporaries may be left next to it.
if ls -a "$(dirname "$file")" | grep -q '\.tmp\.\|\.render\.'; then echo "temporary file left in $(dirname "$file")"; exit 1; fi
echo "$file: valid, $size bytes"
