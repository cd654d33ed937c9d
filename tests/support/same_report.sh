#!/usr/bin/env bash
# same_report.sh NETDYN REFERENCE FILE...: `netdyn check` of every FILE prints the REFERENCE's report
# (text after its first line, which names the file) and the same --json to the last digit, apart
# from the provenance that says which file it was (issue 21: every format gives the same report).
set -u
netdyn=$1
reference=$2
shift 2
want_text=$("$netdyn" check "$reference" | tail -n +2) || exit 1
want_json=$("$netdyn" check "$reference" --json) || exit 1
strip='import json, sys; j = json.load(sys.stdin); j.pop("provenance"); print(json.dumps(j, sort_keys=True))'
want_json=$(printf '%s' "$want_json" | /usr/bin/python3 -c "$strip") || exit 1
status=0
for f in "$@"; do
  text=$("$netdyn" check "$f" | tail -n +2) || { echo "FAIL: netdyn check $f exited non-zero"; status=1; continue; }
  json=$("$netdyn" check "$f" --json | /usr/bin/python3 -c "$strip") || { echo "FAIL: $f --json"; status=1; continue; }
  if [ "$text" != "$want_text" ]; then
    echo "FAIL: report of $f differs from $reference:"; diff <(printf '%s\n' "$want_text") <(printf '%s\n' "$text")
    status=1
  elif [ "$json" != "$want_json" ]; then
    echo "FAIL: JSON of $f differs from $reference"; status=1
  else
    echo "same report: $f"
  fi
done
exit $status
