#!/usr/bin/env bash
# Spectrogram and zero-phase filter throughput, ecgkit (org.ecgkit.cli.SignalBench, from the built jar) against
# scipy.signal.spectrogram and sosfiltfilt in the same run, one thread and all cores. Prints records per second and
# ratios. Usage: bench/signal-bench.sh [seconds per measurement, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER=${1:-3}
mvn -q -o -DskipTests package
CLASSPATH="$(ls target/ecgkit-*.jar | head -1):$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
mkdir -p target/bench
java -cp "$CLASSPATH" org.ecgkit.cli.SignalBench --seconds "$SECONDS_PER" --out target/bench/signal-java.json
/usr/bin/python3 bench/signal_bench.py --java target/bench/signal-java.json --seconds "$SECONDS_PER"
