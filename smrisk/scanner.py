"""The scanner: load once, then assess posts, DataFrames or whole files.

Each post is parsed by spaCy once; every enabled check reads that same Doc. The CLI and
notebooks both go through this module.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .articles import Article, load_articles
from .config import LANGUAGES, ProtocolConfig, load_config
from .features import CheckContext, CheckGroup, build_checks
from .findings import Assessment, Post, RiskLevel
from .io import AssessmentWriter, ColumnMap, find_columns, open_posts, post_from_record
from .nlp import build_nlp
from .redact import Redactor
from .risk import assess
from .roster import StaffRoster, read_roster

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language

logger = logging.getLogger(__name__)

#: Posts parsed and checked together (the harm classifier scores a batch in one go; per call
#: it has a fixed cost that 1,024 posts share well).
BATCH_SIZE = 1024
#: Posts per spaCy memory zone (see Scanner.assess_posts).
ZONE_POSTS = 10_240


@dataclass
class ScanSummary:
    """What a scan of a file did: rows in and out, errors, and counts by risk and label."""

    input: str
    output: str | None
    rows: int = 0
    errors: int = 0
    seconds: float = 0.0
    risk_counts: Counter[str] = field(default_factory=Counter)
    label_counts: Counter[str] = field(default_factory=Counter)
    max_risk: RiskLevel = RiskLevel.none

    def add(self, assessment: Assessment) -> None:
        self.rows += 1
        if assessment.status == "error":
            self.errors += 1
            return
        assert assessment.risk is not None
        self.risk_counts[assessment.risk.name] += 1
        self.label_counts.update(assessment.labels)
        self.max_risk = max(self.max_risk, assessment.risk)

    def merge(self, other: ScanSummary) -> None:
        """Add the counts of another summary (of a chunk scored elsewhere)."""
        self.rows += other.rows
        self.errors += other.errors
        self.risk_counts.update(other.risk_counts)
        self.label_counts.update(other.label_counts)
        self.max_risk = max(self.max_risk, other.max_risk)


class Scanner:
    """Assesses posts against a school's protocol. Build it with :func:`load`."""

    def __init__(
        self,
        config: ProtocolConfig,
        roster: StaffRoster | None = None,
        lang: str = "nl",
        nlp: Language | None = None,
    ) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {LANGUAGES}, got {lang!r}")
        self.config = config
        self.roster = roster or StaffRoster()
        self.lang = lang
        self.nlp = nlp or build_nlp(config.max_text_chars)
        self.checks: CheckGroup = build_checks(CheckContext(config, self.roster, lang))
        self.articles: dict[str, Article] = load_articles(config.school.name)
        self._posts_parsed = 0  # posts parsed so far; memory zones start after ZONE_POSTS

    # --- one post ----------------------------------------------------------------------------

    def assess(
        self,
        text: str,
        *,
        author: str | None = None,
        author_name: str | None = None,
        id: str = "1",
        platform: str | None = None,
    ) -> Assessment:
        """Assess a single text, e.g. ``scanner.assess("...", author="@mariekedv")``."""
        post = Post(id=id, text=text, author=author, author_name=author_name, platform=platform)
        return next(self.assess_posts([post]))

    def redact(self, text: str, redactor: Redactor | None = None) -> str:
        """``text`` with the personal data this scanner finds replaced (default: placeholders)."""
        return (redactor or Redactor()).text(text, self.assess(text).findings)

    # --- many posts --------------------------------------------------------------------------

    def assess_posts(self, posts: Iterable[Post], batch_size: int = BATCH_SIZE) -> Iterator[Assessment]:
        """One assessment per post, in order; posts that cannot be scored get status error."""
        iterator = iter(posts)
        while True:
            # Strings new to the vocab (handles, URLs, typos) are freed when a memory zone
            # closes, so memory stays flat over millions of posts; no Doc outlives its batch.
            # The first ZONE_POSTS posts run outside a zone, so that everyday words stay in the
            # vocab and the tokenizer cache instead of being rebuilt in every zone.
            warm = self._posts_parsed >= ZONE_POSTS
            with self.nlp.memory_zone() if warm else contextlib.nullcontext():
                for _ in range(max(1, ZONE_POSTS // batch_size)):
                    batch = list(itertools.islice(iterator, batch_size))
                    if not batch:
                        return
                    self._posts_parsed += len(batch)
                    with _collector_paused():
                        assessments = self._assess_batch(batch)
                    yield from assessments

    def _assess_batch(self, posts: list[Post]) -> list[Assessment]:
        problems = [self._problem(post) for post in posts]
        ok_posts = [post for post, problem in zip(posts, problems, strict=True) if not problem]
        docs = list(self.nlp.pipe(post.text for post in ok_posts))
        findings = iter(self.checks.run_batch(docs, ok_posts))
        return [
            Assessment(post=post, status="error", error=problem, risk=None)
            if problem
            else assess(post, tuple(next(findings)), self.config, self.lang)
            for post, problem in zip(posts, problems, strict=True)
        ]

    def _problem(self, post: Post) -> str | None:
        if post.problem:
            return post.problem
        if post.text is None:
            return "no text (the text cell is missing)"
        if not post.text.strip():
            return "empty text"
        if len(post.text) > self.config.max_text_chars:
            return (
                f"text too long: {len(post.text)} characters "
                f"(limit {self.config.max_text_chars}, limits.max_text_chars in the config)"
            )
        return None

    # --- tables and files --------------------------------------------------------------------

    def assess_frame(self, frame: pd.DataFrame, columns: dict[str, str] | None = None) -> pd.DataFrame:
        """Assess a DataFrame of posts; returns one row per input row, with the same index."""
        import pandas as pd

        column_map: ColumnMap | None = find_columns([str(c) for c in frame.columns], columns)
        if column_map is None:
            raise ValueError(f"no text column among {list(frame.columns)}; pass columns={{'text': ...}}")
        records = frame.rename(columns=str).to_dict("records")
        posts = (post_from_record(n, record, None, column_map) for n, record in enumerate(records, 1))
        rows = []
        for assessment in self.assess_posts(posts):
            rows.append(assessment.to_record() | {"action": assessment.action})
        return pd.DataFrame(rows, index=frame.index)

    def scan_file(
        self,
        input: str | Path,
        output: str | Path | None = None,
        columns: dict[str, str] | None = None,
        on_progress: Callable[[int], None] | None = None,
        redactor: Redactor | None = None,
        redacted_only: bool = False,
        on_assessment: Callable[[Assessment], None] | None = None,
    ) -> ScanSummary:
        """Assess every row of an export and write the results to ``output`` (if given).

        With a ``redactor``, tabular outputs carry redacted text and author; with
        ``redacted_only`` too, the output holds just the redacted posts (`smrisk redact`).
        ``on_assessment`` sees every assessment as it is made (e.g. to build a report).
        """
        source = open_posts(input, columns)
        logger.info("scanning %s (%s, text column %r)", source.path, source.kind, source.column_map.text)
        summary = ScanSummary(input=str(input), output=str(output) if output else None)
        started = time.perf_counter()
        writer = AssessmentWriter(output, redactor, redacted_only) if output else None
        with writer or contextlib.nullcontext():
            for assessment in self.assess_posts(source):
                summary.add(assessment)
                if on_assessment:
                    on_assessment(assessment)
                if writer:
                    writer.write(assessment)
                if on_progress and summary.rows % BATCH_SIZE == 0:
                    on_progress(summary.rows)
        summary.seconds = time.perf_counter() - started
        logger.info("scanned %d rows (%d errors) in %.1f s", summary.rows, summary.errors, summary.seconds)
        return summary


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a batch is scored (and never while the caller's
    code runs). A batch makes tens of thousands of objects, and each collection it triggers
    would walk every object of the loaded models too: that cost more than half of the
    tokenizer's time. The batch's garbage is collected after, as usual."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def load(
    config: str | Path | ProtocolConfig | None = None,
    staff: str | Path | StaffRoster | None = None,
    lang: str = "nl",
) -> Scanner:
    """Load a scanner once: the protocol config (default: Amstelveen College) and staff roster."""
    if not isinstance(config, ProtocolConfig):
        config = load_config(config)
    if staff is not None and not isinstance(staff, StaffRoster):
        staff = read_roster(staff)
    return Scanner(config, staff, lang=lang)
