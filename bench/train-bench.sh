#!/usr/bin/env bash
# DL4J (the kit's HybridModel and waveform CNN) against the same architectures in PyTorch, in one run:
# same batch, same thread count, random data of the shapes in ../shared/notes/dl4j-baseline.md.
# The two alternate step by step; prints wall-clock and process-CPU ms per batch for training and inference, and the
# DL4J ÷ PyTorch ratios (CPU time is the steadier one when other work shares the cores).
#
#   bench/train-bench.sh                                   # defaults: batch 64, 2 threads, 5 warm-up, median of 30
#   bench/train-bench.sh --iterations 10                   # quicker
#   bench/train-bench.sh --workspace NONE --cache HOST     # DL4J switches (see TrainBench)
#   NATIVE=onednn-avx2 bench/train-bench.sh                # measure another nd4j-native build (downloads its jar)
#
# THREADS (default 2) sets OpenMP/BLAS threads of both frameworks; JAVA_OPTS is passed to the JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${THREADS:-2}
mkdir -p target/bench
mvn -q compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt
CLASSPATH_JARS=$(cat target/bench/classpath.txt)
EXTRA=()
if [[ -n "${NATIVE:-}" ]]; then
  # Swap the generic natives for another build of the same version, for this run only.
  mvn -q dependency:get -Dartifact="org.nd4j:nd4j-native:1.0.0-M2.1:jar:linux-x86_64-${NATIVE}"
  GENERIC="$HOME/.m2/repository/org/nd4j/nd4j-native/1.0.0-M2.1/nd4j-native-1.0.0-M2.1-linux-x86_64.jar"
  CLASSPATH_JARS=${CLASSPATH_JARS//$GENERIC/${GENERIC%.jar}-${NATIVE}.jar}
  EXTRA+=("-Dorg.bytedeco.javacpp.platform.extension=-${NATIVE}")
fi
export OMP_NUM_THREADS=$THREADS
# Idle OpenMP workers sleep instead of spinning: spinning would count as CPU time and, on a shared machine, slow the
# framework that runs next. Applies to both frameworks; OMP_WAIT_POLICY= (empty) keeps the library default.
if [[ -z "${OMP_WAIT_POLICY-unset}" ]]; then unset OMP_WAIT_POLICY; else export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}; fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} "${EXTRA[@]}" -cp "target/classes:${CLASSPATH_JARS}" org.ecgkit.cli.TrainBench \
  --threads "$THREADS" --json target/bench/train-bench.jsonl "$@"
