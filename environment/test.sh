#!/usr/bin/env bash
# The test command (.ci/run calls it): set up, then the kit's JUnit tests (including one that executes
# notebooks/01-data-check.ipynb through Jupyter and the installed kernel), then the kernel's protocol tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source environment/common.sh
start=$(date +%s)
environment/setup.sh
step "kit tests (JUnit)"
# The tests run on the nd4j-native build the notebooks use (the pom's native-extension profile sets surefire's argLine).
# shellcheck disable=SC2086
mvn -B $(environment/native-build.sh --maven-option) test -Decgkit.shared="${ECGKIT_SHARED:-$root/../shared}"
step "kernel tests (Jupyter protocol)"
kernel/test.sh
step "all tests passed in $(( $(date +%s) - start )) s"
