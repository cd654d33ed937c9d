#!/usr/bin/env bash
# screenshot_demo.sh INDEX_HTML OUT_PNG: open the demo page in headless Chromium as a reader would
# and require (1) that every figure on it loaded: the page's own script writes "loaded/total" into
# <body data-figures-loaded>, read back from the DOM Chromium dumps after the load event, and
# (2) a valid, non-trivial screenshot. Exits 77 (CTest SKIP_RETURN_CODE) when /usr/bin/chromium is
# absent, unless NETDYN_REQUIRE_BROWSER=1 (scripts/test.sh installs Chromium and sets it), where
# a missing browser is a failure.
set -u
index=$1
shot=$2
chromium=${NETDYN_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "${NETDYN_REQUIRE_BROWSER:-0}" = 1 ]; then echo "$chromium not installed"; exit 1; fi
  echo "skipped: $chromium not installed"
  exit 77
fi
[ -s "$index" ] || { echo "no $index (run the plot.demo test first)"; exit 1; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
browser() {
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --hide-scrollbars --window-size=1280,4000 "$@" "file://$(realpath "$index")" 2>/dev/null
}
expected=$(grep -o '<img src=' "$index" | wc -l)
[ "$expected" -ge 20 ] || { echo "$index: only $expected figures"; exit 1; }
loaded=$(browser --virtual-time-budget=10000 --dump-dom | grep -o 'data-figures-loaded="[0-9]*/[0-9]*"')
[ -n "$loaded" ] || { echo "the page's figure check did not run (no data-figures-loaded in the DOM)"; exit 1; }
[ "$loaded" = "data-figures-loaded=\"$expected/$expected\"" ] ||
  { echo "not every figure loaded in the browser: $loaded of $expected"; exit 1; }
echo "browser: $expected of $expected figures loaded"
rm -f "$shot"
browser --screenshot="$shot" >/dev/null
[ -f "$shot" ] || { echo "chromium wrote no screenshot"; exit 1; }
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || { echo "$shot: not a PNG"; exit 1; }
size=$(stat -c %s "$shot")
# A page of figures compresses far worse than a blank page (a few kB).
[ "$size" -gt 100000 ] || { echo "$shot: $size bytes, the page looks empty"; exit 1; }
echo "$shot: $size bytes"
