"""Reviewer feedback from the report folded into harm training rows."""

import csv

import pytest

from smrisk.errors import InputError
from smrisk.harm.feedback import FEEDBACK_COLUMNS, read_feedback


def write(path, rows, columns=FEEDBACK_COLUMNS):
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(rows)
    return path


def row(post_id, label, decision, kind="harm", text="ik pak je na school", start="", end=""):
    return ["r1", post_id, label, kind, "A7" if kind == "harm" else "A2", start, end, decision, "", text]


def test_confirmed_labels_and_rejected_negatives(tmp_path):
    path = write(
        tmp_path / "f.csv",
        [
            row("1", "threat", "terecht"),
            row("1", "insult", "onterecht"),
            row("2", "bullying", "onterecht", text="we maken ze af zaterdag"),
            row("3", "PERSON", "terecht", kind="personal_data", start="0", end="4"),
            row("4", "employee_role_missing", "onterecht", kind="rule"),
        ],
    )
    feedback = read_feedback([path])
    assert {post.id: post.labels for post in feedback.posts} == {
        "feedback:r1:1": ("threat",),
        "feedback:r1:2": (),
    }
    assert feedback.posts[1].text == "we maken ze af zaterdag"
    assert feedback.lines() == [
        "personal_data: 1 terecht, 0 onterecht (not used for the harm model)",
        "harm: 1 terecht, 2 onterecht (2 posts for training)",
        "rule: 0 terecht, 1 onterecht (not used for the harm model)",
    ]


def test_a_finding_reviewed_twice_keeps_the_last_decision(tmp_path):
    first = write(tmp_path / "a.csv", [row("1", "threat", "terecht")])
    second = write(tmp_path / "b.csv", [row("1", "threat", "onterecht")])
    feedback = read_feedback([first, second])
    assert [post.labels for post in feedback.posts] == [()]


@pytest.mark.parametrize(
    "bad, message",
    [
        (row("1", "threat", "misschien"), "row 2: decision must be 'terecht' or 'onterecht'"),
        (row("1", "gossip", "terecht"), "row 2: unknown harm label 'gossip'"),
        (row("1", "threat", "terecht", text=" "), "row 2: a harm finding without the post text"),
    ],
)
def test_bad_rows_are_named_by_number(tmp_path, bad, message):
    with pytest.raises(InputError, match=message):
        read_feedback([write(tmp_path / "f.csv", [bad])])


def test_missing_columns(tmp_path):
    with pytest.raises(InputError, match="needs columns decision"):
        read_feedback(
            [write(tmp_path / "f.csv", [], columns=[c for c in FEEDBACK_COLUMNS if c != "decision"])]
        )
