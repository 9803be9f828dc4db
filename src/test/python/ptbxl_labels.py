"""PTB-XL label aggregation as the benchmark code does it (helme/ecg_ptbxl_benchmarking, utils.compute_label_aggregations
and select_data with min_samples=0), with the csv module instead of pandas: every scp_codes key counts, whatever its
likelihood. Writes fixtures/ptbxl/labels.json: for each task the sorted label names of every ecg_id of the subset.

Run: /usr/bin/python3 src/test/python/ptbxl_labels.py [shared folder, default ../shared]
"""
import ast
import csv
import json
import pathlib
import sys

repo = pathlib.Path(__file__).resolve().parents[3]
shared = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else repo.parent / "shared"
folder = shared / "data" / "ptbxl-500"

statements = {row[""]: row for row in csv.DictReader(open(folder / "scp_statements.csv", newline=""))}


def is_set(row, column):
    return row[column] != "" and float(row[column]) == 1.0


def aggregate(codes, task):
    out = set()
    for key in codes:
        s = statements[key]
        if task == "all":
            out.add(key)
        elif task == "diagnostic" and is_set(s, "diagnostic"):
            out.add(key)
        elif task == "subdiagnostic" and is_set(s, "diagnostic") and s["diagnostic_subclass"]:
            out.add(s["diagnostic_subclass"])
        elif task == "superdiagnostic" and is_set(s, "diagnostic") and s["diagnostic_class"]:
            out.add(s["diagnostic_class"])
        elif task == "form" and is_set(s, "form"):
            out.add(key)
        elif task == "rhythm" and is_set(s, "rhythm"):
            out.add(key)
    return sorted(out)


tasks = ["all", "diagnostic", "subdiagnostic", "superdiagnostic", "form", "rhythm"]
out = {t: {} for t in tasks}
for row in csv.DictReader(open(folder / "ptbxl_database.csv", newline="")):
    codes = ast.literal_eval(row["scp_codes"])
    for t in tasks:
        out[t][row["ecg_id"]] = aggregate(codes, t)
target = repo / "src" / "test" / "resources" / "fixtures" / "ptbxl" / "labels.json"
target.write_text(json.dumps(out, separators=(",", ":")))
print("wrote", target)
