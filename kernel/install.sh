#!/usr/bin/env bash
# Installs the Jupyter kernel "Java (ecgkit)" (kernelspec name: ecgkit) for this checkout.
#
#   kernel/install.sh [CLASSPATH_FILE]
#
# CLASSPATH_FILE holds the classpath the notebooks use, ':'-separated on one line: the kit's classes or jar and its
# runtime dependencies (default: target/classpath.txt at the repository root). Every entry must exist; relative
# entries are taken from the repository root. Builds the kernel module first if its jar is missing or older than
# its sources. JVM options for the kernel (e.g. -Xmx8g) come from ECGKIT_JVM_OPTS, split at spaces.
# The kernelspec goes where `jupyter kernelspec install --user` puts it: $JUPYTER_DATA_DIR/kernels when that is
# set, else ~/.local/share/jupyter/kernels.
set -euo pipefail

kernel_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(dirname "$kernel_dir")
classpath_file=${1:-$repo_dir/target/classpath.txt}
kernel_jar=$kernel_dir/target/ecgkit-kernel.jar
python=/usr/bin/python3

if [[ ! -f $classpath_file ]]; then
  echo "install.sh: classpath file $classpath_file does not exist; build the kit first, e.g." >&2
  echo "  mvn -DskipTests package dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile=target/classpath.txt" >&2
  echo "  and append :target/classes (or the kit jar) to that file" >&2
  exit 1
fi

if [[ ! -f $kernel_jar || -n $(find "$kernel_dir/pom.xml" "$kernel_dir/src/main" -newer "$kernel_jar" -print -quit) ]]; then
  echo "Building the kernel module (mvn -f kernel/pom.xml package)" >&2
  mvn -q -f "$kernel_dir/pom.xml" -DskipTests package
fi

# The user classpath goes after the kernel's own libraries, so that JShell code, the kernel and the extensions
# found on it share one class loader.
user_classpath=""
IFS=':' read -r -a entries <<< "$(tr -d '\n' < "$classpath_file")"
for entry in "${entries[@]}"; do
  [[ -z $entry ]] && continue
  [[ $entry != /* ]] && entry=$repo_dir/$entry
  if [[ ! -e $entry ]]; then
    echo "install.sh: $classpath_file names $entry, which does not exist; rebuild the kit" >&2
    exit 1
  fi
  user_classpath+=":$entry"
done
classpath="$kernel_jar:$kernel_dir/target/lib/*$user_classpath"

if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
  java_bin=$JAVA_HOME/bin/java
else
  java_bin=$(readlink -f "$(command -v java)")
fi
read -r -a jvm_opts <<< "${ECGKIT_JVM_OPTS:-}"

spec_dir=$kernel_dir/target/kernelspec/ecgkit
mkdir -p "$spec_dir"
"$python" - "$spec_dir/kernel.json" "$java_bin" "$classpath" "${jvm_opts[@]}" <<'PY'
import json, sys
path, java, classpath, *jvm_opts = sys.argv[1:]
spec = {
    "argv": [java, *jvm_opts, "-cp", classpath, "org.ecgkit.kernel.Main", "{connection_file}"],
    "display_name": "Java (ecgkit)",
    "language": "java",
    "interrupt_mode": "message",
    "metadata": {"debugger": False},
}
with open(path, "w") as f:
    json.dump(spec, f, indent=2)
PY
"$python" -m jupyter kernelspec install --user --replace --name ecgkit "$spec_dir" >&2
