#!/usr/bin/env bash
# DL4J (the kit's HybridModel and waveform CNN) against the same architectures in PyTorch, in one run:
# same batch, same thread count, random data of the shapes in ../shared/notes/dl4j-baseline.md.
# The two alternate step by step; prints wall-clock and process-CPU ms per batch for training and inference, and the
# DL4J ÷ PyTorch ratios (CPU time is the steadier one when other work shares the cores).
#
#   bench/train-bench.sh                                   # defaults: batch 64, 2 threads, 5 warm-up, median of 30
#   bench/train-bench.sh --iterations 10                   # quicker
#   bench/train-bench.sh --profile 10 --compare off        # per-layer and per-op profile of the DL4J steps only
#   bench/train-bench.sh --workspace NONE --cache HOST     # DL4J switches (see TrainBench)
#   ECGKIT_NATIVE=generic bench/train-bench.sh             # another nd4j-native build (default: environment/native-build.sh)
#
# THREADS (default 2) sets OpenMP/BLAS threads of both frameworks; JAVA_OPTS is passed to the JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${THREADS:-2}
mkdir -p target/bench
mvn -q compile
maven_native=$(environment/native-build.sh --maven-option)
jvm_native=$(environment/native-build.sh --jvm-option 2>/dev/null)
# shellcheck disable=SC2086
mvn -q $maven_native dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt
export OMP_NUM_THREADS=$THREADS
# Idle OpenMP workers sleep instead of spinning: spinning would count as CPU time and, on a shared machine, slow the
# framework that runs next. Applies to both frameworks; OMP_WAIT_POLICY= (empty) keeps the library default.
if [[ -z "${OMP_WAIT_POLICY-unset}" ]]; then unset OMP_WAIT_POLICY; else export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}; fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} $jvm_native -cp "target/classes:$(cat target/bench/classpath.txt)" org.ecgkit.cli.TrainBench \
  --threads "$THREADS" --json target/bench/train-bench.jsonl "$@"
