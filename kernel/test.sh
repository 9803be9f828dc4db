#!/usr/bin/env bash
# Tests the "Java (ecgkit)" kernel: its unit tests (Maven), then protocol, display, error, interrupt, stdin and
# shutdown tests through a real Jupyter client (kernel/src/test/python, Debian's /usr/bin/python3 with
# jupyter-client and python3-jupyter-kernel-test). Builds the kit's classes and classpath first, so that the
# tests see the kit's renderers, and installs the kernelspec into a private Jupyter data directory
# (JUPYTER_DATA_DIR, default kernel/target/jupyter) so that no user installation is touched.
set -euo pipefail

kernel_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(dirname "$kernel_dir")
export JUPYTER_DATA_DIR=${JUPYTER_DATA_DIR:-$kernel_dir/target/jupyter}

mvn -q -f "$kernel_dir/pom.xml" package

# The kit's runtime classpath: its dependencies, then its compiled classes.
kit_classpath=$kernel_dir/target/kit-classpath.txt
(cd "$repo_dir" && mvn -q -DskipTests compile dependency:build-classpath \
  -DincludeScope=runtime -Dmdep.outputFile="$kit_classpath.deps")
printf '%s:%s\n' "$(cat "$kit_classpath.deps")" "$repo_dir/target/classes" > "$kit_classpath"

"$kernel_dir/install.sh" "$kit_classpath"
/usr/bin/python3 -m unittest discover -s "$kernel_dir/src/test/python" -p 'test_*.py' "$@"
