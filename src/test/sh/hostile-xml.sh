#!/usr/bin/env bash
# Benchmark: how long `separata validate` takes to refuse entity bombs in a JVM with 256 MB of heap
# (billion laughs, and a quadratic blow-up of 100 000 characters used 50 000 times), wall clock,
# JVM start included. Prints the median of RUNS runs each. Needs target/separata.jar:
#   mvn -q -DskipTests package && src/test/sh/hostile-xml.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUNS=${RUNS:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$tmp/quadratic.xml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0"?>\n<!DOCTYPE article [\n<!ENTITY a "' + "a" * 100000 + '">\n]>\n')
    f.write('<article xml:lang="en"><front><journal-meta><journal-title>J</journal-title></journal-meta>')
    f.write('<article-meta><title-group><article-title>' + "&a;" * 50000 + '</article-title></title-group>')
    f.write('</article-meta></front></article>\n')
PY
for f in src/test/resources/jats/hostile/billion-laughs.xml "$tmp/quadratic.xml" \
         src/test/resources/jats/scielo/0034-7094-rba-69-03-0227.xml; do
  times=()
  for _ in $(seq "$RUNS"); do
    start=$(date +%s%N)
    code=0
    java -Xmx256m -jar target/separata.jar validate "$f" >/dev/null 2>&1 || code=$?
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-40s exit %d  median %5d ms  (runs: %s)\n' "$(basename "$f")" "$code" "$median" "${times[*]}"
done
