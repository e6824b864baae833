"""The report as the communications team uses it, in headless Chromium: counts, filters,
search, keyboard, reviews kept in the browser, the feedback CSV read back by `smrisk train`."""

import csv
import re
from collections import Counter

import pytest
from playwright.sync_api import expect
from typer.testing import CliRunner

from smrisk.cli import app
from smrisk.findings import Assessment, Finding, Post, RiskLevel
from smrisk.harm.feedback import FEEDBACK_COLUMNS
from smrisk.report import ReportMeta, write_report

from ..conftest import ROOT
from .conftest import embedded

LEVELS = ["none", "low", "medium", "high", "critical"]


@pytest.fixture
def page(browser, example_report):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(example_report.html.as_uri())
    page.wait_for_selector(".post")
    yield page
    assert not errors
    assert all(url.startswith(("file://", "blob:")) for url in requests)  # nothing from the network
    context.close()


def shown(page) -> int:
    return int(page.inner_text("#shown").split()[0].replace(".", "").replace(",", ""))


def choose(page, select: str, value: str) -> None:
    page.select_option(select, value)


def test_overview_counts_match_the_jsonl(page, example_report):
    rows = example_report.rows
    risk = Counter(row["risk"] for row in rows if row["status"] == "ok")
    for level in LEVELS:
        assert page.inner_text(f"#count-risk-{level}") == str(risk[level])
    assert page.inner_text("#count-errors") == str(sum(row["status"] == "error" for row in rows))
    flagged = [row for row in rows if row["findings"]]
    assert shown(page) == len(flagged)
    a2 = sum(any("A2" in f["articles"] for f in row["findings"]) for row in flagged)
    assert page.inner_text('#article-counts tr[data-article="A2"][data-label=""] td.num') == str(a2)
    threats = sum("threat" in row["labels"] for row in rows)
    assert page.inner_text('#article-counts tr[data-label="threat"] td.num') == str(threats)
    assert page.locator("#chart svg rect").count() > 0
    assert "65" in page.inner_text("#meta")


def test_filters_and_search_narrow_the_work_list(page, example_report):
    rows = [row for row in example_report.rows if row["findings"]]
    choose(page, "#f-risk", str(LEVELS.index("critical")))
    assert shown(page) == sum(row["risk"] == "critical" for row in rows)
    assert page.locator(".post .badge").first.inner_text().endswith("kritiek")
    choose(page, "#f-risk", "")
    choose(page, "#f-label", "threat")
    assert shown(page) == sum("threat" in row["labels"] for row in rows)
    choose(page, "#f-label", "")
    choose(page, "#f-article", "C3")
    assert shown(page) == sum(any("C3" in f["articles"] for f in row["findings"]) for row in rows)
    choose(page, "#f-article", "")
    choose(page, "#f-platform", "TikTok")
    data = embedded(example_report.html)
    assert shown(page) == sum(post["platform"] == "TikTok" for post in data["posts"])
    choose(page, "#f-platform", "")
    page.locator('#risk-counts li[data-risk="high"] button').click()  # from the overview
    assert shown(page) == sum(row["risk"] == "high" for row in rows)
    assert page.evaluate("document.activeElement.id") == "worklist"
    choose(page, "#f-risk", "")
    page.fill("#f-search", "TOETSANTWOORDEN")
    expect(page.locator("#shown")).to_have_text(re.compile(r"^1 "))
    assert "toetsantwoorden" in page.inner_text(".post .text")
    page.fill("#f-search", "geen-enkel-bericht-zegt-dit")
    page.wait_for_selector(".empty")


def test_findings_are_highlighted_with_their_article_text(page):
    first = page.locator(".post").first
    assert first.locator("mark.pd").count() + first.locator("mark.harm").count() > 0
    chip = first.locator(".chip").first
    assert chip.get_attribute("title")  # the article's text on hover
    details = first.locator(".finding details").first
    details.locator("summary").click()
    assert "A" in details.inner_text()


def test_keyboard_navigation(page):
    page.locator("body").press("/")
    assert page.evaluate("document.activeElement.id") == "f-search"
    page.locator("#f-search").press("Tab")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.classList.contains('post')")
    unlabelled = page.locator("select, input").evaluate_all(
        "cs => cs.filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label')).length"
    )
    assert unlabelled == 0  # every control has a label


def test_reviews_persist_export_and_retrain(page, example_report, tmp_path):
    harm = page.locator(".post:has(.chip.k-harm) .finding:has(.chip.k-harm)")
    harm.nth(0).get_by_label("terecht", exact=True).check()
    harm.nth(0).locator("input[type=text]").fill("klopt, gemeld bij mentor")
    harm.nth(0).locator("input[type=text]").press("Enter")
    harm.nth(1).get_by_label("onterecht", exact=True).check()
    page.locator(".finding:has(.chip.k-personal_data)").first.get_by_label("terecht", exact=True).check()
    page.reload()
    page.wait_for_selector(".post")
    assert "3" in page.inner_text("#saved")
    assert page.locator(".review.done").count() == 3
    page.screenshot(path=str(tmp_path / "worklist.png"), full_page=False)
    assert (tmp_path / "worklist.png").stat().st_size > 10_000

    with page.expect_download() as download:
        page.click("#export-feedback")
    feedback = tmp_path / "feedback.csv"
    download.value.save_as(feedback)
    with feedback.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == FEEDBACK_COLUMNS
    assert sorted(row["decision"] for row in rows) == ["onterecht", "terecht", "terecht"]
    assert {row["report_id"] for row in rows} == {embedded(example_report.html)["report_id"]}
    assert any(row["note"] == "klopt, gemeld bij mentor" for row in rows)
    assert all(row["text"] for row in rows)

    sample = tmp_path / "train.jsonl"
    sample.write_text(
        "".join(
            (ROOT / "data" / "harm" / "train-a.jsonl").read_text(encoding="utf-8").splitlines(True)[:300]
        ),
        encoding="utf-8",
    )
    dev = tmp_path / "dev.jsonl"
    dev.write_text(
        "".join((ROOT / "data" / "harm" / "dev.jsonl").read_text(encoding="utf-8").splitlines(True)[:150]),
        encoding="utf-8",
    )
    model = tmp_path / "model"
    args = [
        "train",
        str(sample),
        "--dev",
        str(dev),
        "--feedback",
        str(feedback),
        "-o",
        str(model),
        "--C",
        "0.3",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "harm: 1 terecht, 1 onterecht (2 posts for training)" in result.output
    assert "personal_data: 1 terecht, 0 onterecht (not used for the harm model)" in result.output
    assert "Reviewer feedback" in (model / "MODEL_CARD.md").read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(model), "--feedback", str(feedback)])
    assert result.exit_code == 0, result.output
    assert "reviewed posts (feedback): 2" in result.output and "macro-F1" in result.output


def test_post_text_cannot_break_out_of_the_page(browser, tmp_path):
    hostile = '</script><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> <!-- x'
    assessment = Assessment(
        post=Post(id="1", text=hostile, author="@a", url="javascript:alert(1)", platform="X"),
        findings=(Finding("harm", "threat", None, None, 0.9, ("A7",), "threat (kans 0.90)."),),
        risk=RiskLevel.critical,
        action="Direct.",
        articles=("A7",),
    )
    path = tmp_path / "hostile.html"
    write_report([assessment], path, ReportMeta(source="x.csv"))
    page = browser.new_page()
    page.goto(path.as_uri())
    page.wait_for_selector(".post")
    assert page.evaluate("window.pwned") is None
    assert page.inner_text(".post .text") == hostile
    assert page.locator(".post a[href^=javascript]").count() == 0
    page.close()
