"""Report benchmark: a triage report of 20,000 posts opened and filtered in headless Chromium.

    python scripts/benchmark_report.py                 # 20,000 posts
    python scripts/benchmark_report.py --posts 50000 --keep report.html

Result rows are generated, not scanned: texts from the project's A7 corpus (data/harm,
project-written) with their labels as harm findings, names and phone numbers inserted as
personal data now and then, staff-rule findings for some posts, seven platforms and 120
days; risk and action follow the default protocol config. The page is opened from disk in
Debian's Chromium (Playwright, no browser download) and timed: first render (from
navigation start, including parsing the embedded JSON), a risk filter, and a text search
(including its 80 ms typing debounce), each until the work list is drawn and laid out.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from smrisk.config import load_config
from smrisk.findings import Assessment, Finding, Post
from smrisk.report import ReportMeta, write_report
from smrisk.risk import assess

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PLATFORMS = ["X", "Instagram", "TikTok", "Facebook", "YouTube", "Forum", "Snapchat"]
NAMES = ["Sophie de Graaf", "Daan Visser", "Lotte Bakker", "Milan Kok", "Noor el Idrissi", "Sem Mulder"]
RULES = [
    ("employee_disclosure_missing", ("B2", "C2")),
    ("employee_role_missing", ("B2",)),
    ("personal_disclaimer_missing", ("C3",)),
]
SEARCH = "school"

FILTER_JS = """() => {
  const started = performance.now();
  const select = document.getElementById("f-risk");
  select.value = "4";
  select.dispatchEvent(new Event("change"));
  document.body.offsetHeight;
  return performance.now() - started;
}"""
SEARCH_JS = """(term) => new Promise((resolve) => {
  const started = performance.now();
  const before = document.body.dataset.renders;
  const input = document.getElementById("f-search");
  input.value = term;
  input.dispatchEvent(new Event("input"));
  const check = () => {
    if (document.body.dataset.renders !== before) {
      document.body.offsetHeight;
      resolve(performance.now() - started);
    } else {
      setTimeout(check, 1);
    }
  };
  check();
})"""


def generate(count: int, seed: int = 7) -> list[Assessment]:
    """``count`` realistic assessments (see the module docstring)."""
    rng = random.Random(seed)
    corpus = [
        json.loads(line)
        for path in sorted((ROOT / "data" / "harm").glob("train-*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    config = load_config()
    start = date(2026, 9, 1)
    assessments = []
    for n in range(count):
        source = rng.choice(corpus)
        text, findings = source["text"], []
        for label in source.get("labels", []):
            words = [w for w in text.split() if len(w) > 3]
            reasons = ", ".join(f"'{w}'" for w in rng.sample(words, min(2, len(words))))
            score = rng.uniform(0.5, 0.99)
            findings.append(
                Finding(
                    "harm",
                    label,
                    None,
                    None,
                    score,
                    ("A7",),
                    f"{label} (kans {score:.2f}); woorden: {reasons}.",
                )
            )
        if rng.random() < 0.25:
            name = rng.choice(NAMES)
            text = f"{text} @{name.split()[0].lower()} {name}"
            begin = len(text) - len(name)
            findings.append(
                Finding("personal_data", "PERSON", begin, len(text), 0.9, ("A2",), "Naam: namenmodel.")
            )
        if rng.random() < 0.05:
            text += " bel 06-12345678"
            findings.append(
                Finding("personal_data", "PHONE", len(text) - 11, len(text), 0.95, ("A2",), "Telefoonnummer.")
            )
        if rng.random() < 0.04:
            label, articles = rng.choice(RULES)
            findings.append(Finding("rule", label, None, None, 1.0, articles, "Regel voor medewerkers."))
        platform = rng.choice(PLATFORMS)
        day = start + timedelta(days=rng.randrange(120))
        post = Post(
            id=f"bench-{n:06d}",
            text=text,
            author=f"@user{rng.randrange(5000)}",
            date=f"{day.isoformat()} {rng.randrange(24):02d}:{rng.randrange(60):02d}",
            url=f"https://example.org/{platform.lower()}/{n}",
            platform=platform,
        )
        assessments.append(assess(post, tuple(findings), config))
    return assessments


def measure(path: Path) -> dict[str, float]:
    """Open the report in headless Chromium and time first render, a filter and a search (ms)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        started = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_selector(".post")
        opened = (time.perf_counter() - started) * 1000
        first_render = page.evaluate("window.smriskFirstRender")
        filtered = page.evaluate(FILTER_JS)
        searched = page.evaluate(SEARCH_JS, SEARCH)
        shown = page.inner_text("#shown")
        browser.close()
    return {
        "opened": opened,
        "first_render": first_render,
        "filter": filtered,
        "search": searched,
        "shown": shown,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="Keep the report here (default: a temporary file).")
    args = parser.parse_args()
    assessments = generate(args.posts)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "report.html"
        started = time.perf_counter()
        flagged = write_report(assessments, path, ReportMeta(source=f"benchmark-{args.posts}.csv"))
        written = time.perf_counter() - started
        size = path.stat().st_size / 1e6
        timings = measure(path)
    print(f"{args.posts:,} posts, {flagged:,} flagged; report written in {written:.2f} s, {size:.1f} MB")
    print(f"open (navigation to first work-list item, wall clock): {timings['opened']:.0f} ms")
    print(f"first render (from navigation start, in the page):    {timings['first_render']:.0f} ms")
    print(f"filter risk = critical, work list redrawn:             {timings['filter']:.0f} ms")
    print(f"search {SEARCH!r} (incl. 80 ms debounce), redrawn:       {timings['search']:.0f} ms")
    total = timings["opened"] + timings["filter"] + timings["search"]
    print(f"open + filter + search: {total:.0f} ms ({timings['shown']})")


if __name__ == "__main__":
    main()
