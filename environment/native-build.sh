#!/usr/bin/env bash
# Picks the nd4j-native build for this machine: the fastest one the CPU supports (order and measurements in
# docs/speed.md; org.ecgkit.train.NativeBuild decides), provided Maven can supply its jar; else the generic build.
# Every fallback is explained on stderr. Prints one line per option asked for, in the order asked:
#   environment/native-build.sh                  # the build: onednn-avx512, onednn-avx2 or generic
#   environment/native-build.sh --maven-option   # -Dnd4j.extension=<build> for mvn (adds its jar); empty for generic
#   environment/native-build.sh --jvm-option     # -Dorg.bytedeco.javacpp.platform.extension=-<build>; empty for generic
#   environment/native-build.sh --maven-option --jvm-option   # both, two lines, from one decision
# ECGKIT_NATIVE=<build> asks for a given build (still checked against the CPU; "generic" turns the choice off);
# ECGKIT_CPU_FLAGS="flag flag ..." pretends to be a CPU with these /proc/cpuinfo flags (to test the fallbacks).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version=$(sed -n 's:.*<dl4j.version>\(.*\)</dl4j.version>.*:\1:p' "$root/pom.xml")
say() { echo "native-build: $*" >&2; }

if [[ ! -f $root/target/classes/org/ecgkit/train/NativeBuild.class ]]; then
  mvn -q -f "$root/pom.xml" compile >&2
fi
decide() { java -cp "$root/target/classes" org.ecgkit.train.NativeBuild "$@"; }

if [[ -n ${ECGKIT_NATIVE:-} ]]; then
  build=$ECGKIT_NATIVE
  if ! decide --check "$build"; then
    say "using the generic build"
    build=generic
  fi
else
  build=$(decide)
fi

if [[ $build != generic ]]; then
  # The jar must come from Maven (local repository or Central): about 95 MB, once.
  jar="$HOME/.m2/repository/org/nd4j/nd4j-native/$version/nd4j-native-$version-linux-x86_64-$build.jar"
  if [[ ! -f $jar ]] && ! mvn -q dependency:get -Dtransitive=false \
      -Dartifact="org.nd4j:nd4j-native:$version:jar:linux-x86_64-$build" >/dev/null 2>&1; then
    say "the jar of build '$build' (org.nd4j:nd4j-native:$version:linux-x86_64-$build) cannot be downloaded; using the generic build"
    build=generic
  fi
fi
say "nd4j-native build: $build"

option() { [[ $build == generic ]] && echo || echo "$1"; }
for asked in "${@:-}"; do
  case "$asked" in
    "") echo "$build" ;;
    --maven-option) option "-Dnd4j.extension=$build" ;;
    --jvm-option) option "-Dorg.bytedeco.javacpp.platform.extension=-$build" ;;
    *) echo "usage: $0 [--maven-option] [--jvm-option]" >&2; exit 2 ;;
  esac
done
