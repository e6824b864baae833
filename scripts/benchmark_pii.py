"""Personal-data stage of smrisk versus deduce and Presidio: posts per second and F1, side by side.

    pip install -e ".[bench]"
    python scripts/benchmark_pii.py [--gold data/pii/dev.jsonl] [--repeat 10]

All three run in this one process, one after the other, on the same posts (the gold posts
repeated ``--repeat`` times for timing). Presidio is set up as a new user would for Dutch:
its language-independent recognizers registered for "nl", phone numbers for region NL,
and a blank Dutch spaCy pipeline (no Dutch NER model can be installed here). F1 is
"found" (the span overlaps gold personal data, labels aside), plus labelled overlap F1 for
smrisk, whose labels are the gold labels.
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import smrisk  # noqa: E402
from smrisk.pii.corpus import Span, read_gold  # noqa: E402
from smrisk.pii.evaluate import evaluate_spans, predict_spans  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def smrisk_tool(workdir: Path) -> Callable[[list[str]], list[list[Span]]]:
    config = workdir / "personal-data-only.toml"
    config.write_text('[checks]\nenabled = ["personal_data"]\n')
    scanner = smrisk.load(config=config)
    return lambda texts: predict_spans(scanner, texts)


def deduce_tool() -> Callable[[list[str]], list[list[Span]]]:
    import deduce

    model = deduce.Deduce()
    # deduce sets the root logger to DEBUG on import; left so, it would slow Presidio down.
    logging.getLogger().setLevel(logging.WARNING)
    return lambda texts: [
        [Span(a.start_char, a.end_char, a.tag) for a in model.deidentify(text).annotations] for text in texts
    ]


def presidio_tool(workdir: Path) -> Callable[[list[str]], list[list[Span]]]:
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        DateRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        IpRecognizer,
        PhoneRecognizer,
        SpacyRecognizer,
        UrlRecognizer,
    )

    blank = workdir / "nl_blank"
    spacy.blank("nl").to_disk(blank)
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "nl", "model_name": str(blank)}],
        }
    )
    registry = RecognizerRegistry(supported_languages=["nl"])
    for recognizer in (
        EmailRecognizer(supported_language="nl"),
        IbanRecognizer(supported_language="nl"),
        PhoneRecognizer(supported_language="nl", supported_regions=("NL",)),
        UrlRecognizer(supported_language="nl"),
        DateRecognizer(supported_language="nl"),
        CreditCardRecognizer(supported_language="nl"),
        IpRecognizer(supported_language="nl"),
        SpacyRecognizer(supported_language="nl"),
    ):
        registry.add_recognizer(recognizer)
    logging.getLogger("presidio-analyzer").setLevel(logging.WARNING)
    engine = AnalyzerEngine(
        nlp_engine=provider.create_engine(), registry=registry, supported_languages=["nl"]
    )
    return lambda texts: [
        [Span(r.start, r.end, r.entity_type) for r in engine.analyze(text, language="nl")] for text in texts
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "data" / "pii" / "dev.jsonl")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    gold = read_gold(args.gold)
    texts = [post.text for post in gold]
    timed = texts * args.repeat
    print(f"{len(gold)} gold posts ({args.gold}), timed on {len(timed)} posts, one process, one thread")
    header = ("tool", "load s", "posts/s", "found P", "found R", "found F1", "label F1")
    print(f"{header[0]:10} {header[1]:>7} {header[2]:>9} " + " ".join(f"{h:>9}" for h in header[3:]))
    with tempfile.TemporaryDirectory() as tmp:
        tools = {
            "smrisk": lambda: smrisk_tool(Path(tmp)),
            "deduce": deduce_tool,
            "presidio": lambda: presidio_tool(Path(tmp)),
        }
        for name, make in tools.items():
            started = time.perf_counter()
            run = make()
            load = time.perf_counter() - started
            run(texts[:20])  # warm up
            started = time.perf_counter()
            run(timed)
            rate = len(timed) / (time.perf_counter() - started)
            report = evaluate_spans(gold, run(texts))
            found = report.score("found")
            labelled = f"{report.score('overlap').f1:9.3f}" if name == "smrisk" else f"{'-':>9}"
            print(
                f"{name:10} {load:7.1f} {rate:9,.0f} {found.precision:8.3f} {found.recall:8.3f} "
                f"{found.f1:9.3f} {labelled}"
            )


if __name__ == "__main__":
    main()
