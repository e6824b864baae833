"""Choose the harm classifier's settings on writers it has never read, without the test set.

    python scripts/harm_select.py [--C 10 30 100] [--validation train-h train-k]

The ``--validation`` training files (whole writing sessions) are held out; a classifier is
fitted on the other training files with each setting, its thresholds tuned as ``smrisk
train`` tunes them (dev set plus the fitted files scored across sessions), and it is scored
on the held-out sessions: macro-F1 of the main labels, every label's F1, threat recall and
false alarms on acceptable posts. data/harm/test.jsonl is never read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from smrisk.harm.corpus import read_corpus
from smrisk.harm.evaluate import evaluate
from smrisk.harm.train import fit_tuned

HARM = Path(__file__).resolve().parents[1] / "data" / "harm"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--C", type=float, nargs="+", default=[10.0, 30.0, 100.0])
    parser.add_argument("--validation", nargs="+", default=["train-h", "train-k"])
    parser.add_argument("--across-sessions", choices=("yes", "no", "both"), default="yes")
    args = parser.parse_args()
    paths = sorted(HARM.glob("train-*.jsonl"))
    held = [p for p in paths if p.stem in args.validation]
    fitted = [p for p in paths if p.stem not in args.validation]
    sessions = [read_corpus([p]) for p in fitted]
    validation = read_corpus(held)
    dev = read_corpus([HARM / "dev.jsonl"])
    print(
        f"fit on {[p.stem for p in fitted]}; validate on {[p.stem for p in held]} ({len(validation)} posts)"
    )
    across = {"yes": [True], "no": [False], "both": [True, False]}[args.across_sessions]
    for C in args.C:
        for cross in across:
            model = fit_tuned(sessions if cross else [sum(sessions, [])], dev, C=C)
            report = evaluate(model, validation, robustness=True)
            main_f1 = report.macro_f1
            per_label = " ".join(f"{k} {v.f1:.3f}" for k, v in report.labels.items())
            print(
                f"C={C:g} across-sessions={cross}: macro-F1 {main_f1:.3f}, false alarms "
                f"{report.false_alarm_rate:.3f}, threat recall {report.labels['threat'].recall:.3f}, "
                f"worst variant drop {main_f1 - min(report.robustness.values()):.3f} | {per_label}",
                flush=True,
            )


if __name__ == "__main__":
    main()
