#!/usr/bin/env bash
# Read throughput of the kit's memory-mapped NpyFile against numpy.load(mmap_mode='r') on the same file, same run.
# Usage: bench/data-bench.sh [ROWS]   (default 4000 rows of 12 x 1000 float32 = 192 MB; page cache warm)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-4000}"
mvn -B -q -DskipTests package dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/dependencies.txt
cp="target/classes:$(cat target/dependencies.txt)"
file="target/bench/signals-$rows.npy"
mkdir -p target/bench
java -cp "$cp" org.ecgkit.cli.DataBench write "$file" "$rows" 12 1000
for order in sequential random; do
  j=$(java -cp "$cp" org.ecgkit.cli.DataBench read "$file" "$order" 5)
  p=$(/usr/bin/python3 bench/data_bench_numpy.py "$file" "$order" 5)
  echo "$j"; echo "$p"
  jr=$(echo "$j" | awk '{print $3}'); pr=$(echo "$p" | awk '{print $3}')
  echo "ratio java/numpy ($order): $(awk -v a="$jr" -v b="$pr" 'BEGIN{printf "%.2f", a/b}')"
done
ECGKIT_PROGRESS=0 java -cp "$cp" org.ecgkit.cli.DataBench batches target/bench/synthetic-100hz-2000 64
