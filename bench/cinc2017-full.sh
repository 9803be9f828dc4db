#!/usr/bin/env bash
# The CinC 2017 proof on real data on every record (org.ecgkit.cli.Cinc2017Benchmark): convert at 100 Hz, check,
# precompute spectrograms, FFT and RR features, train the waveform-only model and the hybrid as journaled experiments,
# score both per record on the test split with the challenge's metric (mean F1 of N, A, O). A benchmark, not a test:
# about 2 hours of two CPU cores. Results go to target/bench/cinc2017/ (results.csv, training.csv, timings.csv,
# summary.txt, the journal in runs/) and the figures are printed at the end.
#
#   bench/cinc2017-full.sh                          # all 6,822 records, the settings docs/real-data.md reports
#   bench/cinc2017-full.sh --records 600 --epochs 2 # a quick end-to-end check of the script
#   bench/cinc2017-full.sh --rate 150 --out target/bench/cinc2017-150hz
#
# Needs ../shared/data/cinc2017 (or ECGKIT_SHARED). Runs under `nice -n 19`, so other work on the machine goes first;
# on a shared machine read the CPU seconds it reports, not the wall clock. THREADS (default 2) sets ND4J's threads.
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${THREADS:-2}
# The nd4j-native build of the kit's defaults for this CPU (environment/native-build.sh; generic where none fits).
native=$(environment/native-build.sh --maven-option --jvm-option)
# shellcheck disable=SC2086
mvn -q $(sed -n 1p <<< "$native") -DskipTests compile dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/bench/cinc2017-classpath.txt
export OMP_NUM_THREADS=$THREADS ECGKIT_PROGRESS=${ECGKIT_PROGRESS:-0}
# shellcheck disable=SC2086
exec nice -n 19 java ${JAVA_OPTS:-} $(sed -n 2p <<< "$native") -cp "target/classes:$(cat target/bench/cinc2017-classpath.txt)" \
  org.ecgkit.cli.Cinc2017Benchmark --threads "$THREADS" "$@"
