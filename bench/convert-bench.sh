#!/usr/bin/env bash
# Conversion time of the real databases: the kit's CinC 2017 conversion (all 6,822 records into 30 s windows) against
# a numpy peer doing the same reading and windowing, same run, fresh outputs (no cache); and PTB-XL at 100 Hz.
# Usage: bench/convert-bench.sh [SHARED]   (default ../shared; page cache warm after the first pass)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-${ECGKIT_SHARED:-../shared}}"
mvn -B -q -DskipTests package dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/dependencies.txt
cp="target/classes:$(cat target/dependencies.txt)"
out=target/bench/convert
rm -rf "$out"; mkdir -p "$out"
cinc="$shared/data/cinc2017/training"
cat "$cinc"/*.mat > /dev/null   # warm the page cache for both sides
j=$(ECGKIT_PROGRESS=0 java -cp "$cp" org.ecgkit.cli.ConvertRealData cinc2017 "$cinc" "$out/kit-cinc" | grep '^cinc2017:')
p=$(/usr/bin/python3 bench/convert_peer_numpy.py "$cinc" "$out/numpy-cinc")
echo "$j"; echo "$p"
js=$(echo "$j" | sed -E 's/.*, ([0-9.]+) s.*/\1/'); ps=$(echo "$p" | sed -E 's/.* in ([0-9.]+) s/\1/')
echo "ratio kit/numpy (cinc2017): $(awk -v a="$js" -v b="$ps" 'BEGIN{printf "%.2f", a/b}')"
ECGKIT_PROGRESS=0 java -cp "$cp" org.ecgkit.cli.ConvertRealData ptbxl "$shared/data/ptbxl-500" "$out/kit-ptbxl100" 100 superdiagnostic | grep -v '^converting'
ECGKIT_PROGRESS=0 java -cp "$cp" org.ecgkit.cli.ConvertRealData ptbxl "$shared/data/ptbxl-500" "$out/kit-ptbxl100" 100 superdiagnostic | grep -v '^converting'
