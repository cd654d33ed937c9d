#!/usr/bin/env bash
# check_page.sh INDEX_HTML [MIN_FIGURES]: the demo page is complete (up to </html>) and every
# figure it references exists and is a complete PNG (signature and final IEND chunk) of plausible
# size (> 10 kB); at least MIN_FIGURES (default 20) figures. Used by CI on the README's demo run,
# by check_demo.sh and by expect_outputs.sh.
set -u
. "$(dirname "$0")/png.sh"
index=$1
min=${2:-20}
dir=$(dirname "$index")
[ -s "$index" ] || { echo "no $index"; exit 1; }
grep -q "</html>" "$index" || { echo "$index is incomplete"; exit 1; }
count=0
while IFS= read -r src; do
  f="$dir/$src"
  [ -f "$f" ] || { echo "$index references missing $src"; exit 1; }
  complete_png "$f" || { echo "$src: not a complete PNG (signature and IEND chunk)"; exit 1; }
  [ "$(stat -c %s "$f")" -gt 10000 ] || { echo "$src: implausibly small"; exit 1; }
  count=$((count + 1))
done < <(grep -o 'img src="[^"]*"' "$index" | sed 's/img src="//; s/"$//')
[ "$count" -ge "$min" ] || { echo "only $count figures in $index"; exit 1; }
echo "$index: $count figures, each a complete PNG"
