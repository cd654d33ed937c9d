#!/usr/bin/env bash
# expect_outputs.sh MODE NETDYN SCRATCH FILES ARGS...: run `netdyn ARGS...` the way users do, then
# require every file it should write to be there and complete (issue 15).
#   MODE      relative: run from SCRATCH/work dir's (a space and a quote in the path) with every
#             path relative to it; absolute: run from / with every path absolute.
#   FILES     space-separated paths of the files expected under the output folder.
#   ARGS      netdyn's arguments, where
#             @IN=PATH@ becomes a copy of PATH in the work folder ("in put.<ext>"), and
#             @OUT@ becomes the output folder "out dir/nested", missing before the first run.
#             Without @OUT@, FILES are relative to the working directory (a default --out).
# The command runs twice: into the missing folder (created), then over the first run's files
# (replaced). After each run: exit 0, each file present and complete (PNG up to its IEND chunk,
# .npy with its magic, .html as check_page.sh checks it,
# anything else non-empty), no empty file anywhere, and no staging or temporary file left anywhere under SCRATCH.
set -u
mode=$1
netdyn=$2
scratch=$3
files=$4
shift 4

rm -rf "$scratch"
work="$scratch/work dir's"
mkdir -p "$work" || exit 1
case "$mode" in
  relative) cwd="$work"; base="" ;;
  absolute) cwd="/"; base="$work/" ;;
  *) echo "unknown mode $mode"; exit 1 ;;
esac

args=()
out_used=0
for a in "$@"; do
  case "$a" in
    @IN=*@)
      src=${a#@IN=}
      src=${src%@}
      name="in put.${src##*.}"
      cp "$src" "$work/$name" || exit 1
      args+=("$base$name")
      ;;
    *@OUT@*)
      out_used=1
      args+=("${a//@OUT@/${base}out dir/nested}")
      ;;
    *) args+=("$a") ;;
  esac
done
if [ "$out_used" = 1 ]; then out_dir="$work/out dir/nested"; else out_dir="$work"; fi

. "$(dirname "$0")/png.sh"

check_file() {
  local f=$1
  [ -s "$f" ] || { echo "missing or empty: $f"; return 1; }
  case "$f" in
    *.png) complete_png "$f" || { echo "not a complete PNG: $f"; return 1; } ;;
    *.npy) [ "$(head -c 6 "$f" | tail -c 5)" = "NUMPY" ] || { echo "not an .npy: $f"; return 1; } ;;
    *.html) "$(dirname "$0")/check_page.sh" "$f" 1 || return 1 ;;
  esac
}

first=""
for f in $files; do first="$out_dir/$f"; break; done
for round in 1 2; do
  before=$([ -e "$first" ] && stat -c %i "$first")
  if ! (cd "$cwd" && "$netdyn" "${args[@]}" >"$scratch/stdout" 2>"$scratch/stderr"); then
    echo "round $round: netdyn ${args[*]} (from $cwd) failed:"
    cat "$scratch/stderr"
    exit 1
  fi
  for f in $files; do
    check_file "$out_dir/$f" || exit 1
  done
  # Replaced by a rename, not rewritten in place: a reader never sees a half-written file.
  if [ "$round" = 2 ] && [ "$(stat -c %i "$first")" = "$before" ]; then
    echo "round 2: $first was not replaced by a new file"; exit 1
  fi
  empty=$(find "$work" -type f -empty)
  [ -z "$empty" ] || { echo "round $round wrote empty files: $empty"; exit 1; }
  left=$(find "$scratch" -name '.netdyn-staging-*' -o -name '*.tmp.*' -o -name '*.render.*')
  [ -z "$left" ] || { echo "round $round left temporaries: $left"; exit 1; }
done
echo "$mode: netdyn ${args[*]}: $(echo $files | wc -w) files complete, twice"
