#!/usr/bin/env bash
# screenshot_demo.sh INDEX_HTML OUT_PNG: render the demo page in headless Chromium and require a
# valid, non-trivial screenshot. Exits 77 (CTest SKIP_RETURN_CODE) when /usr/bin/chromium is
# absent: the default test run does not need a browser.
set -u
index=$1
shot=$2
chromium=${NETDYN_CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "skipped: $chromium not installed"; exit 77; }
[ -s "$index" ] || { echo "no $index (run the plot.demo test first)"; exit 1; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -f "$shot"
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
  --hide-scrollbars --window-size=1280,4000 --screenshot="$shot" "file://$(realpath "$index")" \
  >/dev/null 2>&1
[ -f "$shot" ] || { echo "chromium wrote no screenshot"; exit 1; }
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || { echo "$shot: not a PNG"; exit 1; }
size=$(stat -c %s "$shot")
# A page of figures compresses far worse than a blank page (a few kB).
[ "$size" -gt 100000 ] || { echo "$shot: $size bytes, the page looks empty"; exit 1; }
echo "$shot: $size bytes"
