"""The bundled example scanned once with the harm check on, its report, and a headless Chromium."""

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from smrisk.cli import app

CHROMIUM = Path("/usr/bin/chromium")
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
HARM_CONFIG = '[checks]\nenabled = ["personal_data", "staff_rules", "harm"]\n'


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def embedded(html_path: Path) -> dict:
    """The JSON blob a report page embeds."""
    page = html_path.read_text(encoding="utf-8")
    start = page.index('<script type="application/json" id="smrisk-data">') + len(
        '<script type="application/json" id="smrisk-data">'
    )
    return json.loads(page[start : page.index("</script>", start)])


@pytest.fixture(scope="session")
def harm_config(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("config") / "harm.toml"
    path.write_text(HARM_CONFIG, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def example_report(tmp_path_factory, example_csv, staff_csv, harm_config) -> SimpleNamespace:
    """`smrisk scan --report` on the bundled example: the results (JSONL and CSV) and the report."""
    folder = tmp_path_factory.mktemp("example")
    out = SimpleNamespace(
        jsonl=folder / "results.jsonl", csv=folder / "results.csv", html=folder / "report.html", folder=folder
    )
    common = [str(example_csv), "--staff", str(staff_csv), "--config", str(harm_config), "-q"]
    result = CliRunner().invoke(app, ["scan", *common, "-o", str(out.jsonl), "--report", str(out.html)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["scan", *common, "-o", str(out.csv)])
    assert result.exit_code == 0, result.output
    out.rows = read_jsonl(out.jsonl)
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download); skipped when absent."""
    if not CHROMIUM.is_file():
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
