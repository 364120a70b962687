#!/usr/bin/env bash
# dc-cli's throughput against grep, side by side in one run (BENCHMARKS.md, "dc-cli throughput").
# Usage: dc-cli/bench/throughput.sh [DIR] [ROUNDS]   (after mvn -pl dc-cli -am package)
# Generates DIR/app.log (1 GiB of the realistic mix of generate-log.py, never commit it) and its gzip once,
# then alternates the commands ROUNDS times with a warm page cache, each analyze right after its grep, and
# prints each round's two ratios, the median wall time of each command and the ratios of the medians.
# It also runs analyze over the file twice in one JVM: the second GiB's time (the difference) is analyze past the
# JVM's start-up and the JIT compiler's warm-up, against grep's (no goal: it shows where the time goes).
# Remove DIR afterwards (rm -r DIR): 1.1 GB.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../target/dc-cli.jar"
dir="${1:-/tmp/dc-cli-bench}"
rounds="${2:-3}"
ratios=""
mkdir -p "$dir"
[ -f "$dir/app.log" ] || python3 "$here/generate-log.py" "$dir/app.log"
[ -f "$dir/app.log.gz" ] || gzip -k -c "$dir/app.log" > "$dir/app.log.gz"
ls -l "$dir/app.log" "$dir/app.log.gz"

declare -A times
run() { # name, command...
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$dir/out.txt" # not /dev/null: GNU grep stops at the first match when its output is discarded
  end=$(date +%s.%N)
  times[$name]="${times[$name]:-} $(awk "BEGIN {printf \"%.3f\", $end - $start}")"
}
cat "$dir/app.log" "$dir/app.log.gz" > /dev/null # warm the page cache
last() { echo "${times[$1]}" | awk '{print $NF}'; }
for round in $(seq "$rounds"); do
  run grep grep -c code "$dir/app.log"
  run analyze java -Xmx256m -jar "$jar" analyze --json "$dir/app.log"
  run zcat_grep bash -c "zcat '$dir/app.log.gz' | grep -c code"
  run analyze_gz java -Xmx256m -jar "$jar" analyze --json "$dir/app.log.gz"
  run analyze_twice java -Xmx256m -jar "$jar" analyze --json "$dir/app.log" "$dir/app.log"
  echo "round $round: plain $(awk "BEGIN {printf \"%.2f\", $(last analyze) / $(last grep)}"), gzip $(awk "BEGIN {printf \"%.2f\", $(last analyze_gz) / $(last zcat_grep)}") (load $(cut -d' ' -f1 /proc/loadavg))"
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for name in grep analyze zcat_grep analyze_gz analyze_twice; do
  echo "$name: ${times[$name]} -> median $(echo "${times[$name]}" | median) s"
done
g=$(echo "${times[grep]}" | median); a=$(echo "${times[analyze]}" | median)
z=$(echo "${times[zcat_grep]}" | median); ag=$(echo "${times[analyze_gz]}" | median)
echo "plain: analyze / grep -c code = $(awk "BEGIN {printf \"%.2f\", $a / $g}") (target <= 3)"
echo "gzip:  analyze / zcat | grep -c code = $(awk "BEGIN {printf \"%.2f\", $ag / $z}") (target <= 1.5)"
t=$(echo "${times[analyze_twice]}" | median)
echo "past start-up: (analyze twice - analyze once) / grep -c code = $(awk "BEGIN {printf \"%.2f\", ($t - $a) / $g}") (no goal)"
