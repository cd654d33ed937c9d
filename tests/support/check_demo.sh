#!/usr/bin/env bash
# check_demo.sh NETDYN OUT_DIR: run `netdyn demo --out OUT_DIR`, then check the page and every
# figure on it (check_page.sh).
set -u
netdyn=$1
out=$2
rm -rf "$out"
"$netdyn" demo --out "$out" || { echo "demo failed"; exit 1; }
exec "$(dirname "$0")/check_page.sh" "$out/index.html" 20
