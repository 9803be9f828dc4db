#!/usr/bin/python3
"""Writes the scikit-learn reference values that the org.ecgkit.eval tests compare against.

Run from the repository root with Debian's interpreter (scikit-learn 1.2.1):
    /usr/bin/python3 src/test/python/eval_fixtures.py
Each case is one JSON file under src/test/resources/fixtures/eval/ holding the inputs and sklearn's outputs.
Values sklearn leaves undefined (AUROC of a class with one label value, AP of a class with no positives) are
written as null; ecgkit reports them as NaN and leaves them out of macro averages.
"""
import json
import sys
import warnings
from fractions import Fraction
from pathlib import Path

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, average_precision_score, confusion_matrix, f1_score,
                             multilabel_confusion_matrix, precision_recall_curve,
                             precision_recall_fscore_support, roc_auc_score, roc_curve)

OUT = Path(__file__).resolve().parents[1] / "resources" / "fixtures" / "eval"
# zero_division warnings are the behaviour under test, not noise to act on
warnings.filterwarnings("ignore", category=UserWarning)
warnings.filterwarnings("ignore", message=".*ill-defined.*")


def floats(values):
    return [None if np.isnan(v) else float(v) for v in np.asarray(values, dtype=float)]


def mean_defined(values):
    defined = [v for v in values if not np.isnan(v)]
    return float(np.mean(defined)) if defined else None


def ranking_metrics(binary_truth, scores, with_curves):
    """Per-class AUROC, AP and optionally curves; binary_truth and scores are [n, K]."""
    k_classes = binary_truth.shape[1]
    auroc, ap, roc, pr = [], [], [], []
    for k in range(k_classes):
        y, s = binary_truth[:, k], scores[:, k]
        positives, negatives = int(y.sum()), int(len(y) - y.sum())
        auroc.append(roc_auc_score(y, s) if positives and negatives else np.nan)
        ap.append(average_precision_score(y, s) if positives else np.nan)
        if with_curves and positives and negatives:
            fpr, tpr, thr = roc_curve(y, s, drop_intermediate=False)
            precision, recall, pr_thr = precision_recall_curve(y, s)
            # sklearn 1.2 puts max(score) + 1 in front of the ROC thresholds; ecgkit puts +Infinity there
            roc.append({"fpr": floats(fpr), "tpr": floats(tpr), "thresholds": floats(thr[1:])})
            pr.append({"precision": floats(precision), "recall": floats(recall), "thresholds": floats(pr_thr)})
        elif with_curves:
            roc.append(None)
            pr.append(None)
    result = {"auroc": floats(auroc), "average_precision": floats(ap),
              "macro_auroc": mean_defined(auroc), "macro_average_precision": mean_defined(ap)}
    if with_curves:
        result["roc_curves"] = roc
        result["pr_curves"] = pr
    return result


def threshold_metrics(truth, predicted, labels):
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=labels, average=None, zero_division=0)
    macro = precision_recall_fscore_support(truth, predicted, labels=labels, average="macro", zero_division=0)
    return {
        "accuracy": float(accuracy_score(truth, predicted)),
        "macro_precision": float(macro[0]),
        "macro_recall": float(macro[1]),
        "macro_f1": float(f1_score(truth, predicted, labels=labels, average="macro", zero_division=0)),
        "micro_f1": float(f1_score(truth, predicted, labels=labels, average="micro", zero_division=0)),
        "weighted_f1": float(f1_score(truth, predicted, labels=labels, average="weighted", zero_division=0)),
        "precision": floats(precision), "recall": floats(recall), "f1": floats(f1),
        "support": [int(s) for s in support],
    }


def multiclass_case(name, class_names, truth, scores, with_curves=False, f1_subset=None):
    k_classes = len(class_names)
    labels = list(range(k_classes))
    predicted = np.argmax(scores, axis=1)  # first maximum on ties, as ecgkit
    expected = threshold_metrics(truth, predicted, labels)
    expected["confusion_matrix"] = confusion_matrix(truth, predicted, labels=labels).tolist()
    one_hot = np.eye(k_classes, dtype=int)[truth]
    expected.update(ranking_metrics(one_hot, scores, with_curves))
    sums_to_one = np.allclose(scores.sum(axis=1), 1.0)
    if sums_to_one and len(np.unique(truth)) == k_classes:
        expected["sklearn_ovr_macro_auroc"] = float(
            roc_auc_score(truth, scores, multi_class="ovr", average="macro", labels=labels))
    if f1_subset:
        f1 = dict(zip(class_names, expected["f1"]))
        expected["mean_f1_subset"] = {"classes": f1_subset, "value": float(np.mean([f1[c] for c in f1_subset]))}
    write(name, {"task": "multiclass", "class_names": class_names, "truth": truth.tolist(),
                 "probabilities": scores.tolist(), "expected": expected})


def multilabel_expected(truth, scores, thresholds, with_curves=False):
    predicted = (scores >= np.asarray(thresholds)).astype(int)
    expected = threshold_metrics(truth, predicted, list(range(truth.shape[1])))
    expected["confusion_matrix"] = [m.ravel().tolist() for m in multilabel_confusion_matrix(truth, predicted)]
    expected.update(ranking_metrics(truth, scores, with_curves))
    return expected


def multilabel_case(name, class_names, truth, scores, thresholds=None, with_curves=False):
    case = {"task": "multilabel", "class_names": class_names, "truth": truth.tolist(),
            "probabilities": scores.tolist()}
    if thresholds is not None:
        case["thresholds"] = list(thresholds)
    case["expected"] = multilabel_expected(
        truth, scores, thresholds if thresholds is not None else [0.5] * len(class_names), with_curves)
    write(name, case)


def tuned_thresholds(truth, scores, objective):
    """Brute force over every unique score: exact fractions so that equal scores are real ties; the highest
    threshold wins a tie; a class without positives (or, for Youden's J, without negatives) keeps 0.5."""
    thresholds, best_scores = [], []
    for k in range(truth.shape[1]):
        y, s = truth[:, k], scores[:, k]
        positives, negatives = int(y.sum()), int(len(y) - y.sum())
        if positives == 0 or (objective == "youden_j" and negatives == 0):
            thresholds.append(0.5)
            best_scores.append(None)
            continue
        best, best_t = None, None
        for t in sorted(np.unique(s), reverse=True):
            p = s >= t
            tp, fp = int(np.sum(p & (y == 1))), int(np.sum(p & (y == 0)))
            fn = positives - tp
            if objective == "f1":
                value = Fraction(2 * tp, 2 * tp + fp + fn)
                assert abs(float(value) - f1_score(y, p.astype(int), zero_division=0)) < 1e-12
            else:
                value = Fraction(tp, positives) - Fraction(fp, negatives)
            if best is None or value > best:
                best, best_t = value, float(t)
        thresholds.append(best_t)
        best_scores.append(float(best))
    return thresholds, best_scores


def write(name, case):
    case["generator"] = f"src/test/python/eval_fixtures.py, scikit-learn {sklearn.__version__}"
    (OUT / f"{name}.json").write_text(json.dumps(case, allow_nan=False, separators=(",", ":")) + "\n")


def cinc_like_ties(rng):
    """Probabilities in steps of 1/20 (many ties); the noisy class '~' never wins the argmax."""
    n = 120
    truth = rng.choice(4, size=n, p=[0.45, 0.2, 0.25, 0.1])
    scores = np.zeros((n, 4))
    for i, label in enumerate(truth):
        noisy = rng.integers(0, 3) if label != 3 else rng.integers(1, 3)
        weights = np.full(3, 1.0)
        if label < 3:
            weights[label] += 1.5
        counts = rng.multinomial(20 - noisy, weights / weights.sum())
        scores[i, :3] = counts / 20
        scores[i, 3] = noisy / 20
    assert 3 not in np.argmax(scores, axis=1)
    return truth, scores


def separable_signal(rng, n, k_classes, truth_one_hot, strength):
    return rng.normal(size=(n, k_classes)) + strength * truth_one_hot


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(2017)
    truth, scores = cinc_like_ties(rng)
    multiclass_case("multiclass_ties", ["N", "A", "O", "~"], truth, scores, with_curves=True,
                    f1_subset=["N", "A", "O"])

    for seed, normalise in [(1, True), (2, False)]:
        rng = np.random.default_rng(seed)
        n, k = 200, 5
        truth = rng.integers(0, k, size=n)
        logits = separable_signal(rng, n, k, np.eye(k)[truth], 1.2)
        scores = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True) if normalise else logits
        kind = "softmax" if normalise else "logits"
        multiclass_case(f"multiclass_{kind}_seed{seed}", [f"c{i}" for i in range(k)], truth, scores)

    rng = np.random.default_rng(5)
    truth = rng.integers(0, 2, size=60)  # class 2 never occurs in truth but is predicted
    scores = np.round(rng.dirichlet([2, 2, 1.5], size=60), 2)
    multiclass_case("multiclass_class_absent_from_truth", ["NORM", "AF", "PVC"], truth, scores)

    rng = np.random.default_rng(6)
    n, k = 150, 5
    truth = (rng.random((n, k)) < [0.4, 0.2, 0.3, 0.0, 1.0]).astype(int)  # column 3 all zero, column 4 all one
    scores = np.round(np.clip(rng.normal(0.4, 0.2, size=(n, k)) + 0.3 * truth, 0, 1), 2)
    multilabel_case("multilabel_constant_columns", ["NORM", "MI", "STTC", "CD", "HYP"], truth, scores,
                    with_curves=True)

    rng = np.random.default_rng(4)
    n, k = 200, 4
    truth = (rng.random((n, k)) < [0.5, 0.3, 0.15, 0.4]).astype(int)
    scores = 1 / (1 + np.exp(-separable_signal(rng, n, k, truth, 1.5) + 1.0))
    multilabel_case("multilabel_fixed_thresholds_seed4", ["AF", "RBBB", "LBBB", "STD"], truth, scores,
                    thresholds=[0.3, 0.5, 0.7, 0.45])

    rng = np.random.default_rng(3)
    n, k = 200, 4
    names = ["NORM", "AF", "IAVB", "PAC"]
    prevalence = [0.5, 0.2, 0.1, 0.05]
    splits = {}
    for split in ["validation", "test"]:
        truth = (rng.random((n, k)) < prevalence).astype(int)
        # scores skewed low, as for rare labels, so 0.5 is a poor threshold; 2 decimals make ties
        scores = np.round(1 / (1 + np.exp(-separable_signal(rng, n, k, truth, 1.3) + 1.5)), 2)
        splits[split] = (truth, scores)
    val_truth, val_scores = splits["validation"]
    f1_thresholds, f1_best = tuned_thresholds(val_truth, val_scores, "f1")
    youden_thresholds, youden_best = tuned_thresholds(val_truth, val_scores, "youden_j")
    default_f1 = f1_score(val_truth, (val_scores >= 0.5).astype(int), average=None, zero_division=0)
    test_truth, test_scores = splits["test"]
    write("multilabel_tuned_thresholds_seed3", {
        "task": "multilabel", "class_names": names,
        "validation": {"truth": val_truth.tolist(), "probabilities": val_scores.tolist()},
        "test": {"truth": test_truth.tolist(), "probabilities": test_scores.tolist()},
        "tuned": {
            "f1": {"thresholds": f1_thresholds, "validation_scores": f1_best},
            "youden_j": {"thresholds": youden_thresholds, "validation_scores": youden_best},
            "validation_f1_at_default": floats(default_f1),
        },
        "expected_test_with_f1_thresholds": multilabel_expected(test_truth, test_scores, f1_thresholds),
    })


if __name__ == "__main__":
    sys.exit(main())
