"""Executes notebooks headless through Jupyter and writes each executed notebook plus an HTML export.

usage: run_notebooks.py [--out DIR] [--kernel NAME] [--timeout SECONDS] NOTEBOOK...

Each notebook runs in its own directory (so relative paths behave as in Jupyter) with the kernel named in its
metadata, or --kernel. A failing cell stops that notebook; its partial output is still saved, the other notebooks
still run, and the exit status is 1. No retries: a kernel that fails to start is a failure to see, not to hide.

A notebook on real data names the shared data sets it reads in its metadata (`"ecgkit": {"shared_data": ["cinc2017"]}`);
where one is missing (not in $ECGKIT_SHARED, nor in ../shared beside the repository) the notebook is skipped with a
line saying what to provide, and that is not a failure: the embedded data is what every machine has.
"""
import os
import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter


def shared_dir() -> Path:
    if os.environ.get("ECGKIT_SHARED"):
        return Path(os.environ["ECGKIT_SHARED"])
    return Path(__file__).resolve().parent.parent.parent / "shared"


def missing_data(path: Path) -> list[str]:
    needs = nbformat.read(path, as_version=4).metadata.get("ecgkit", {}).get("shared_data", [])
    return [str(shared_dir() / "data" / name) for name in needs if not (shared_dir() / "data" / name).is_dir()]


def run(path: Path, out: Path, kernel: str | None, timeout: int) -> tuple[bool, float, str]:
    nb = nbformat.read(path, as_version=4)
    name = kernel or nb.metadata.get("kernelspec", {}).get("name", "ecgkit")
    client = NotebookClient(nb, timeout=timeout, kernel_name=name, allow_errors=False,
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    started = time.monotonic()
    ok, error = True, ""
    try:
        client.execute()
    except CellExecutionError as e:
        ok, error = False, str(e).strip().splitlines()[-1] if str(e).strip() else "cell failed"
    except Exception as e:  # kernel died or never started: report it the same way
        ok, error = False, f"{type(e).__name__}: {e}"
    seconds = time.monotonic() - started
    out.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out / path.name)
    html, _ = HTMLExporter().from_notebook_node(nb)
    (out / path.with_suffix(".html").name).write_text(html, encoding="utf-8")
    return ok, seconds, error


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("target/notebooks"))
    parser.add_argument("--kernel")
    parser.add_argument("--timeout", type=int, default=3600, help="seconds per cell")
    parser.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args()
    failures = skipped = 0
    for path in args.notebooks:
        missing = missing_data(path)
        if missing:
            skipped += 1
            print(f"skipped          {path.name}: it reads {', '.join(missing)}, which is missing "
                  "(set ECGKIT_SHARED to the folder holding data/)", flush=True)
            continue
        print(f"running {path} ...", flush=True)
        ok, seconds, error = run(path, args.out, args.kernel, args.timeout)
        status = "ok" if ok else "FAILED"
        print(f"{status:6} {seconds:7.1f} s  {path.name}  ->  {args.out / path.with_suffix('.html').name}", flush=True)
        if not ok:
            failures += 1
            print(f"       {error}", file=sys.stderr, flush=True)
    ran = len(args.notebooks) - skipped
    print(f"{ran - failures}/{ran} notebooks ran without error" + (f", {skipped} skipped" if skipped else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
