#!/usr/bin/env bash
# Installs the "Java (ecgkit)" kernelspec for tests and benchmarks of this checkout: builds the kernel module and the
# kit's classes, writes the kit's runtime classpath (with the nd4j-native build for this CPU, as environment/setup.sh
# does) to kernel/target/kit-classpath.txt and installs the kernelspec into JUPYTER_DATA_DIR (default:
# kernel/target/jupyter), so that no user installation is touched.
# Callers source it or run it with the same JUPYTER_DATA_DIR.
set -euo pipefail

kernel_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(dirname "$kernel_dir")
export JUPYTER_DATA_DIR=${JUPYTER_DATA_DIR:-$kernel_dir/target/jupyter}

mvn -q -f "$kernel_dir/pom.xml" package

# The nd4j-native build the notebooks use (environment/native-build.sh; generic when none fits).
native=$("$repo_dir/environment/native-build.sh" --maven-option --jvm-option)
kit_classpath=$kernel_dir/target/kit-classpath.txt
# shellcheck disable=SC2086
(cd "$repo_dir" && mvn -q $(sed -n 1p <<< "$native") -DskipTests compile dependency:build-classpath \
  -DincludeScope=runtime -Dmdep.outputFile="$kit_classpath.deps")
printf '%s:%s\n' "$(cat "$kit_classpath.deps")" "$repo_dir/target/classes" > "$kit_classpath"

# The checkout as workspace, as environment/setup.sh installs it: generated data and runs go to data/ and runs/ here
# (ignored by git), not beside the notebook that made them.
ECGKIT_JVM_OPTS="${ECGKIT_JVM_OPTS:-} -Decgkit.workspace=$repo_dir $(sed -n 2p <<< "$native")" \
  "$kernel_dir/install.sh" "$kit_classpath"
