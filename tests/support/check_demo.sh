#!/usr/bin/env bash
# check_demo.sh NETDYN OUT_DIR: run `netdyn demo --out OUT_DIR`, then require index.html to exist
# and every picture it references to exist and be a valid PNG of plausible size (> 10 kB).
set -u
netdyn=$1
out=$2
rm -rf "$out"
"$netdyn" demo --out "$out" || { echo "demo failed"; exit 1; }
index="$out/index.html"
[ -s "$index" ] || { echo "no $index"; exit 1; }
grep -q "</html>" "$index" || { echo "$index is incomplete"; exit 1; }
count=0
for src in $(grep -o 'img src="[^"]*"' "$index" | sed 's/img src="//; s/"$//'); do
  f="$out/$src"
  [ -f "$f" ] || { echo "index.html references missing $src"; exit 1; }
  [ "$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || { echo "$src: not a PNG"; exit 1; }
  [ "$(stat -c %s "$f")" -gt 10000 ] || { echo "$src: implausibly small"; exit 1; }
  count=$((count + 1))
done
[ "$count" -ge 20 ] || { echo "only $count figures in index.html"; exit 1; }
echo "demo: index.html with $count valid figures"
