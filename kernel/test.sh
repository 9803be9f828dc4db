#!/usr/bin/env bash
# Tests the "Java (ecgkit)" kernel: its unit tests (Maven), then protocol, display, error, interrupt, stdin and
# shutdown tests through a real Jupyter client (kernel/src/test/python, Debian's /usr/bin/python3 with
# jupyter-client and python3-jupyter-kernel-test), against a kernelspec with the kit's classpath installed into
# a private JUPYTER_DATA_DIR (default kernel/target/jupyter). Arguments go to unittest, e.g. -k Interrupt.
set -euo pipefail

kernel_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export JUPYTER_DATA_DIR=${JUPYTER_DATA_DIR:-$kernel_dir/target/jupyter}

"$kernel_dir/install-dev.sh"
/usr/bin/python3 -m unittest discover -s "$kernel_dir/src/test/python" -p 'test_*.py' "$@"
