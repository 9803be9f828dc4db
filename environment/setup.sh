#!/usr/bin/env bash
# Sets up everything the notebooks and tests need, idempotently:
#  1. Debian packages: Jupyter (nbconvert, nbclient, notebook, client, kernel-test) and numpy/scipy/sklearn,
#     which the tests use as reference implementations. Installed only when missing.
#  2. The kit: jar + runtime classpath (target/classpath.txt), built with Maven, with the nd4j-native build for
#     this CPU (environment/native-build.sh).
#  3. The notebook kernel "Java (ecgkit)" (kernel/), installed as a Jupyter kernelspec with the kit preloaded.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source environment/common.sh

packages=(jupyter-nbconvert python3-nbclient jupyter-notebook jupyter-client python3-jupyter-kernel-test
          python3-numpy python3-scipy python3-sklearn)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  step "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
else
  step "Debian packages present"
fi

step "building the kit (Maven)"
# The fastest nd4j-native build this CPU supports (docs/speed.md), or the generic one when none fits or Maven cannot
# supply its jar: the Maven option puts its jar on the classpath, the JVM option makes the kernel load it.
native=$(environment/native-build.sh --maven-option --jvm-option)
maven_native=$(sed -n 1p <<< "$native")
jvm_native=$(sed -n 2p <<< "$native")
# shellcheck disable=SC2086
mvn -B -q $maven_native -DskipTests package dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile=target/dependencies.txt
echo "$root/target/ecgkit-$(kit_version).jar:$(cat target/dependencies.txt)" > target/classpath.txt

step "installing the Jupyter kernel \"Java (ecgkit)\""
ECGKIT_JVM_OPTS="${ECGKIT_JVM_OPTS:-} $jvm_native -Decgkit.workspace=$root" kernel/install.sh "$root/target/classpath.txt"
