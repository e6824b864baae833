"""Readers on real files: every format, export dialect and bad input the issue lists."""

import json

import pandas as pd
import pytest

from smrisk.errors import InputError
from smrisk.io import open_posts

from .bad_inputs import CASES, ONE_MB_POST

USABLE = [case for case in CASES if case.fails is None]
UNUSABLE = [case for case in CASES if case.fails is not None]


@pytest.mark.parametrize("case", UNUSABLE, ids=[case.name for case in UNUSABLE])
def test_unusable_file_raises_one_line_input_error(tmp_path, case):
    path = tmp_path / case.name
    case.write(path)
    with pytest.raises(InputError) as error:
        list(open_posts(path))
    message = str(error.value)
    assert case.fails in message and "\n" not in message and str(path) in message


@pytest.mark.parametrize("case", USABLE, ids=[case.name for case in USABLE])
def test_every_row_becomes_one_post_and_each_scores_or_says_why(tmp_path, scanner, case):
    path = tmp_path / case.name
    case.write(path)
    assessments = list(scanner.assess_posts(open_posts(path)))
    assert tuple(a.status for a in assessments) == case.statuses
    if case.ids:
        assert tuple(a.post.id for a in assessments) == case.ids
    for assessment in assessments:
        assert (assessment.error is None) == (assessment.status == "ok")
        assert assessment.error is None or len(assessment.error) < 200


def test_text_is_decoded_and_repaired(tmp_path):
    cases = {
        "cp1252.csv": ("id;bericht\n1;café met ëen\n".encode("cp1252"), "café met ëen"),
        "bom.csv": (b"\xef\xbb\xbfid,text\n1,h\xc3\xa9\n", "hé"),
        "mojibake.csv": ("id,text\n1,CafÃ© Ã«en â€“ ðŸ˜‚\n".encode(), "Café ëen – 😂"),
        "utf16.csv": ("text\tauthor\nschoolfeest ✨\t@x\n".encode("utf-16"), "schoolfeest ✨"),
    }
    for name, (data, expected) in cases.items():
        (tmp_path / name).write_bytes(data)
        assert [post.text for post in open_posts(tmp_path / name)] == [expected], name


def test_control_characters_become_spaces_so_offsets_stay_true(tmp_path):
    path = tmp_path / "ctrl.csv"
    path.write_bytes('text\n"a\x00b\x07c 😀"\n'.encode())
    assert [post.text for post in open_posts(path)] == ["a b c 😀"]


def test_one_mb_post_is_an_error_row_not_a_crash(tmp_path, scanner):
    path = tmp_path / "big.csv"
    path.write_text(f'id,text\n1,"{ONE_MB_POST}"\n')
    [assessment] = scanner.assess_posts(open_posts(path))
    assert assessment.status == "error" and "text too long" in assessment.error


@pytest.mark.parametrize(
    "header, fields",
    [
        # Coosto (Dutch interface)
        (
            "Id;Datum;Auteur;Bericht;Bron;URL",
            {
                "text": "Bericht",
                "author": "Auteur",
                "id": "Id",
                "platform": "Bron",
                "date": "Datum",
                "url": "URL",
            },
        ),
        # OBI4wan
        (
            "Date,Author,Content,Source,URL,Sentiment",
            {"text": "Content", "author": "Author", "platform": "Source"},
        ),
        # Brandwatch
        (
            "Query Id,Query Name,Date,Title,Url,Domain,Page Type,Full Text,Author,Full Name,Mention Id",
            {
                "text": "Full Text",
                "author": "Author",
                "author_name": "Full Name",
                "id": "Mention Id",
                "platform": "Page Type",
                "url": "Url",
            },
        ),
        # Meltwater
        (
            "Date,Headline,URL,Opening Text,Hit Sentence,Source,Influencer,Document ID",
            {"text": "Hit Sentence", "author": "Influencer", "id": "Document ID"},
        ),
        # generic English and snake case
        (
            "post_id,created_at,user_name,message,link",
            {"text": "message", "author": "user_name", "id": "post_id", "date": "created_at"},
        ),
    ],
)
def test_columns_of_social_listening_exports_are_found(tmp_path, header, fields):
    path = tmp_path / "export.csv"
    delimiter = ";" if ";" in header else ","
    path.write_text(header + "\n" + delimiter.join(["x"] * len(header.split(delimiter))) + "\n")
    column_map = open_posts(path).column_map
    for field, column in fields.items():
        assert getattr(column_map, field) == column, field


def test_brandwatch_preamble_lines_before_the_header_are_skipped(tmp_path):
    path = tmp_path / "brandwatch.csv"
    path.write_text(
        "Report:,Mentions\nBrand:,Amstelveen College\nFrom:,2026-11-01\n\n"
        "Date,Title,Url,Full Text,Author\n"
        "2026-11-02,t,https://x.com/a/status/1,hoi,@a\n"
    )
    [post] = open_posts(path)
    assert (post.text, post.author, post.platform) == ("hoi", "@a", "X")


def test_explicit_columns_override_and_missing_override_names_the_columns(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("kop,inhoud,wie\nA,de tekst,@x\n")
    [post] = open_posts(path, {"text": "kop", "author": "wie"})
    assert (post.text, post.author) == ("A", "@x")
    with pytest.raises(InputError, match=r"column 'body' \(--text-column\) not found"):
        open_posts(path, {"text": "body"})


def test_ids_are_kept_as_written(tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text("id,text\n007,a\n1834567890123456789,b\n,c\n")
    assert [post.id for post in open_posts(path)] == ["007", "1834567890123456789", "3"]


def test_every_format_reads_the_same_posts(tmp_path, example_csv):
    frame = pd.read_csv(example_csv, sep=";", dtype=str, keep_default_na=False)
    frame.to_excel(tmp_path / "x.xlsx", index=False)
    frame.to_parquet(tmp_path / "x.parquet")
    frame.to_json(tmp_path / "x.jsonl", orient="records", lines=True, force_ascii=False)
    (tmp_path / "x.json").write_text(
        json.dumps({"exported": "2026-11-25", "data": frame.to_dict("records")}, ensure_ascii=False)
    )
    expected = [(p.id, p.text, p.author) for p in open_posts(example_csv)]
    assert len(expected) == len(frame) > 50
    for name in ("x.xlsx", "x.parquet", "x.jsonl", "x.json"):
        assert [(p.id, p.text, p.author) for p in open_posts(tmp_path / name)] == expected, name


def test_nested_json_fields_are_found_by_dotted_name(tmp_path):
    path = tmp_path / "nested.json"
    path.write_text(json.dumps([{"id": "1", "message": "hoi", "author": {"username": "@x"}}]))
    [post] = open_posts(path, {"author": "author.username"})
    assert post.author == "@x"
