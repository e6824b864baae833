"""Redaction: placeholders, keyed hashes, `smrisk redact` and `smrisk scan --redact` on real files."""

import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from smrisk import Redactor, redact
from smrisk.cli import app
from smrisk.findings import Finding

runner = CliRunner()
TEXT = "bel 06-12345678 of mail sanne@gmail.com"


def _pii(start, end, label):
    return Finding("personal_data", label, start, end, 0.9, ("A2",), "x")


FINDINGS = [
    _pii(4, 15, "PHONE"),
    _pii(24, 39, "EMAIL"),
    Finding("rule", "employee_role_missing", None, None, 1.0, ("B2",), "x"),
]


def test_placeholders_replace_only_personal_data():
    assert redact(TEXT, FINDINGS) == "bel [TELEFOON] of mail [E-MAIL]"


def test_keyed_hash_is_stable_per_value_and_depends_on_the_key():
    one = Redactor("hash", b"k1")
    assert one.text(TEXT, FINDINGS) == one.text(TEXT, FINDINGS)
    assert one.token("PERSON", "Sophie de Graaf") == one.token("PERSON", "sophie  de graaf")
    assert one.token("PERSON", "Sophie") != Redactor("hash", b"k2").token("PERSON", "Sophie")
    assert one.token("PHONE", "0612345678").startswith("[TELEFOON:")
    with pytest.raises(ValueError, match="secret key"):
        Redactor("hash")


def test_scanner_redacts_what_it_finds(scanner):
    redacted = scanner.redact("mijn nummer is 0612345678 en mijn bsn 111222333")
    assert redacted == "mijn nummer is [TELEFOON] en mijn bsn [BSN]"


def test_redact_command_writes_posts_without_personal_data(tmp_path):
    source = tmp_path / "posts.csv"
    source.write_text(
        "id,author,text,url\n1,@lisa,bel me 0612345678,https://x.com/lisa/status/1\n"
        "2,Karin Smit,mooi schoolfeest,\n"
    )
    out = tmp_path / "redacted.jsonl"
    result = runner.invoke(app, ["redact", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [row["text"] for row in rows] == ["bel me [TELEFOON]", "mooi schoolfeest"]
    assert [row["author"] for row in rows] == ["[ACCOUNT]", "[NAAM]"]
    assert "0612345678" not in out.read_text() and "lisa" not in out.read_text()


def test_scan_redact_leaves_no_personal_data_in_spreadsheet(tmp_path, example_csv, staff_csv):
    out = tmp_path / "r.xlsx"
    result = runner.invoke(
        app, ["scan", str(example_csv), "-o", str(out), "--staff", str(staff_csv), "--redact", "-q"]
    )
    assert result.exit_code == 0, result.output
    frame = pd.read_excel(out, dtype=str, keep_default_na=False)
    assert (frame["url"] == "").all()
    assert not frame["author"].str.startswith("@").any()
    assert not frame["text"].str.contains(r"06-?\d{8}|NL\d\d [A-Z]{4}", regex=True).any()


def test_hash_mode_without_key_is_a_one_line_error(tmp_path, example_csv, monkeypatch):
    monkeypatch.delenv("SMRISK_REDACT_KEY", raising=False)
    result = runner.invoke(
        app, ["redact", str(example_csv), "-o", str(tmp_path / "r.csv"), "--redact-mode", "hash"]
    )
    assert result.exit_code == 2 and "SMRISK_REDACT_KEY" in result.output
