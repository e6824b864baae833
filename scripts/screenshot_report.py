"""Screenshots of the triage report for the README, from the bundled example.

    python scripts/screenshot_report.py            # docs/img/report-overview.png, report-worklist.png

Scans data/examples/school-mentions.csv with the staff roster and the harm check on,
writes the report and photographs its overview and its work list in headless Chromium.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import smrisk
from smrisk.report import scan_meta

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchmark_report import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "school-mentions.csv"
STAFF = ROOT / "data" / "examples" / "staff.csv"
OUT = ROOT / "docs" / "img"


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "harm.toml"
        config.write_text('[checks]\nenabled = ["personal_data", "staff_rules", "harm"]\n', encoding="utf-8")
        scanner = smrisk.load(config=config, staff=STAFF)
        report = Path(tmp) / "report.html"
        meta = replace(scan_meta(scanner, EXAMPLE.relative_to(ROOT)), config="default, harm check on")
        smrisk.write_report(scanner.assess_posts(smrisk.open_posts(EXAMPLE)), report, meta)
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(report.as_uri())
            page.wait_for_selector(".post")
            page.screenshot(path=str(OUT / "report-overview.png"))
            # A review, as a reviewer would record one: a name the model found, confirmed.
            name = page.locator(".finding", has_text="naam").first
            name.get_by_label("terecht", exact=True).check()
            page.evaluate("document.getElementById('worklist').scrollIntoView()")
            page.screenshot(path=str(OUT / "report-worklist.png"))
            browser.close()
    print(f"wrote {OUT / 'report-overview.png'} and {OUT / 'report-worklist.png'}")


if __name__ == "__main__":
    main()
