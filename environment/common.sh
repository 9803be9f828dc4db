# Helpers shared by the environment scripts (sourced, not run).
step() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
kit_version() { sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1; }
# Debian's Python: the one with Jupyter and numpy from Debian packages, whatever python3 is first on PATH.
PYTHON=/usr/bin/python3
# Headless runs print one progress line per task instead of updating it in place.
export ECGKIT_PROGRESS="${ECGKIT_PROGRESS:-0}"
