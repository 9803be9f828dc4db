#!/usr/bin/env bash
# The main job: set up, execute every notebook headless on the embedded dataset and export it to HTML, then show the
# experiment journal that the training notebooks filled.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source environment/common.sh
start=$(date +%s)
environment/setup.sh
step "running the notebooks"
notebooks=0
"$PYTHON" environment/run_notebooks.py --out target/notebooks notebooks/*.ipynb || notebooks=$?
step "the experiment journal (runs/journal.jsonl; today's lab notebook page: runs/daily/$(date +%F).md)"
java -cp "$(cat target/classpath.txt)" -Decgkit.workspace="$root" org.ecgkit.cli.JournalTable "$root/runs"
step "done in $(( $(date +%s) - start )) s"
echo "Executed notebooks and their HTML exports: $root/target/notebooks/"
exit "$notebooks"
