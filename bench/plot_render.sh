#!/usr/bin/env bash
# Render timings of org.ecgkit.plot next to a matplotlib peer drawing the same spectrogram grids, and their ratio.
# Usage: bench/plot_render.sh   (from anywhere; builds the test classes offline if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o test-compile
mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
java_out=$(mktemp)
peer_out=$(mktemp)
trap 'rm -f "$java_out" "$peer_out"' EXIT
echo "== ecgkit (Java2D) =="
java -Djava.awt.headless=true -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  org.ecgkit.plot.PlotBenchmark | tee "$java_out"
echo "== peer =="
/usr/bin/python3 bench/plot_peer.py | tee "$peer_out"
echo "== matplotlib time / ecgkit time (draw + PNG, warm) =="
# Rows with the same figure name: the last column of each is the warm draw + PNG time.
awk 'NR == FNR { if ($1 == "spectrogram") peer[$3 " x " $5 " x " $7] = $NF; next }
     $1 == "spectrogram" { key = $3 " x " $5 " x " $7; if (key in peer)
       printf "spectrogram grid %-20s %6.1fx faster\n", key, peer[key] / $NF }' "$peer_out" "$java_out"
