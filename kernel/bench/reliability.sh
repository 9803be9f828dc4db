#!/usr/bin/env bash
# Kernel reliability and start-up figures (see reliability.py): installs the kernelspec with the kit's classpath
# into a private JUPYTER_DATA_DIR, then runs the cycles and headless notebook runs. Arguments go to reliability.py,
# e.g. --cycles 100 --notebook-runs 20 notebooks/*.ipynb
set -euo pipefail

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export JUPYTER_DATA_DIR=${JUPYTER_DATA_DIR:-$(dirname "$bench_dir")/target/jupyter}

"$(dirname "$bench_dir")/install-dev.sh"
/usr/bin/python3 "$bench_dir/reliability.py" "$@"
