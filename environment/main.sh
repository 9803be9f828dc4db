#!/usr/bin/env bash
# The main job: set up, then execute every notebook headless on the embedded dataset and export it to HTML.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source environment/common.sh
start=$(date +%s)
environment/setup.sh
step "running the notebooks"
"$PYTHON" environment/run_notebooks.py --out target/notebooks notebooks/*.ipynb
step "done in $(( $(date +%s) - start )) s"
echo "Executed notebooks and their HTML exports: $root/target/notebooks/"
