"""The report's data and page, without a browser: counts, ordering, highlights, escaping, redaction."""

import json

import pytest

from smrisk import Redactor
from smrisk.config import load_config
from smrisk.findings import Assessment, Finding, Post, RiskLevel
from smrisk.report import ReportBuilder, ReportMeta, read_results, render
from smrisk.report.html import embed_json
from smrisk.report.model import day_of, harm_terms, marks

from .conftest import embedded

NAME = Finding("personal_data", "PERSON", 4, 17, 0.9, ("A2",), "Naam: gevonden door het namenmodel.")
THREAT = Finding(
    "harm",
    "threat",
    None,
    None,
    0.8,
    ("A7",),
    "threat (kans 0.80); woorden die de doorslag gaven: 'pak', 'je'.",
)
RULE = Finding("rule", "employee_role_missing", None, None, 1.0, ("B2",), "Functie niet vermeld.")


def assessment(text, findings=(), risk=RiskLevel.none, date="2026-09-01 10:00", platform="X", id="1"):
    articles = tuple(dict.fromkeys(code for f in findings for code in f.articles))
    post = Post(id=id, text=text, author="@auteur", date=date, platform=platform, url="https://x.com/a/1")
    return Assessment(post=post, findings=tuple(findings), risk=risk, action="Actie.", articles=articles)


@pytest.fixture
def data():
    builder = ReportBuilder(ReportMeta(source="/data/export.csv"))
    for item in [
        assessment("ik pak je, Sophie Jansen!", [THREAT], RiskLevel.critical, id="a"),
        assessment("hoi Sophie Jansen", [NAME], RiskLevel.low, date="02-09-2026", platform="TikTok", id="b"),
        assessment("ik werk op school", [RULE], RiskLevel.low, date=None, id="c"),
        assessment("gezellig", id="d"),
        Assessment(post=Post(id="e", text=None), status="error", error="no text", risk=None),
    ]:
        builder.add(item)
    return builder.data()


def test_counts_by_risk_article_platform_and_day(data):
    assert data["meta"]["rows"] == 5 and data["meta"]["errors"] == 1
    assert data["counts"]["risk"] == {"critical": 1, "high": 0, "medium": 0, "low": 2, "none": 1}
    articles = {(row["article"], row["label"]): row["posts"] for row in data["counts"]["articles"]}
    assert articles == {("A2", None): 1, ("A7", None): 1, ("A7", "threat"): 1, ("B2", None): 1}
    platforms = {row["platform"]: (row["posts"], row["flagged"]) for row in data["counts"]["platforms"]}
    assert platforms == {"X": (3, 2), "TikTok": (1, 1)}
    assert data["counts"]["days"] == [["2026-09-01", 1, 0, 0, 0, 1], ["2026-09-02", 0, 1, 0, 0, 0]]
    assert data["counts"]["undated"] == 1


def test_work_list_holds_flagged_posts_highest_risk_first(data):
    assert [post["id"] for post in data["posts"]] == ["a", "b", "c"]
    assert data["labels"] == ["PERSON", "employee_role_missing", "threat"]


def test_marks_personal_data_and_harmful_words_apart(data):
    threat, name = data["posts"][0], data["posts"][1]
    assert [threat["text"][s:e] for s, e, kind in threat["marks"] if kind == "harm"] == [
        "pak"
    ]  # 'je': too short
    assert [(name["text"][s:e], kind) for s, e, kind in name["marks"]] == [("Sophie Jansen", "pd")]
    assert marks("aa bb", [(0, 5)], ["bb"]) == [[0, 5, "pd"]]  # overlapping: personal data wins
    assert harm_terms((THREAT,)) == ["pak"]


@pytest.mark.parametrize(
    "cell, day",
    [
        ("2026-09-01 07:42", "2026-09-01"),
        ("2026-09-01T07:42:00Z", "2026-09-01"),
        ("1-9-2026 07:42", "2026-09-01"),
        ("01/09/2026", "2026-09-01"),
        ("2026-13-01", None),
        ("gisteren", None),
        (None, None),
    ],
)
def test_day_of(cell, day):
    assert day_of(cell) == day


def test_report_id_is_stable_for_the_same_results(data):
    builder = ReportBuilder(ReportMeta(source="elsewhere/export.csv"))
    builder.add(assessment("ik pak je, Sophie Jansen!", [THREAT], RiskLevel.critical, id="a"))
    builder.add(assessment("hoi Sophie Jansen", [NAME], RiskLevel.low, id="b"))
    builder.add(assessment("ik werk op school", [RULE], RiskLevel.low, id="c"))
    assert builder.data()["report_id"] == data["report_id"]


def test_post_text_cannot_close_the_script_element(tmp_path):
    text = "</script><script>alert(1)</script><!-- </SCRIPT"
    builder = ReportBuilder(ReportMeta(source="x.csv"))
    builder.add(assessment(text, [THREAT], RiskLevel.critical))
    page = render(builder.data())
    assert page.lower().count("</script") == 2  # the data block's and the script's own
    assert "<" not in embed_json({"t": text})
    path = tmp_path / "r.html"
    path.write_text(page, encoding="utf-8")
    assert embedded(path)["posts"][0]["text"] == text


def test_redacted_report_holds_no_personal_data(example_report):
    assessments = {a.post.id: a for a in read_results(example_report.csv, load_config())}
    builder = ReportBuilder(ReportMeta(source="x.csv"), redactor=Redactor())
    for item in assessments.values():
        builder.add(item)
    data = builder.data()
    page = render(data)
    assert data["meta"]["redacted"] and data["posts"]
    checked = 0
    for post in data["posts"]:
        original = assessments[post["id"]]
        private = {
            original.post.text[f.start : f.end]: f.label
            for f in original.findings
            if f.kind == "personal_data"
        }
        for surface, label in private.items():
            assert surface not in post["text"]
            if label != "PERSON":  # numbers, addresses, handles: nowhere on the page
                assert json.dumps(surface, ensure_ascii=False)[1:-1] not in page
            checked += 1
        assert original.post.author not in page
        assert post["url"] is None
    assert checked > 20
    assert any(kind == "pd" for post in data["posts"] for _, _, kind in post["marks"])


def test_english_report(data):
    builder = ReportBuilder(ReportMeta(source="x.csv"), lang="en")
    page = render(builder.data())
    assert '<html lang="en">' in page and "Work list" in page and "Werklijst" not in page
    with pytest.raises(ValueError, match="lang"):
        ReportBuilder(ReportMeta(source="x.csv"), lang="de")
