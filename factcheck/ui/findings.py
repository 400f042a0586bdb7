"""Findings beyond numbers on the desk: each finding is a row of the discrepancy list, its
passages are highlighted in the columns, and it is marked and noted like a group of figures.

The desk's list, highlights and marks are built on groups of claims; here, and only here, a
finding takes that shape: one row (verdict "finding") whose claims are its passages. A mark on it
is anchored on the passages' text and offsets, like any mark.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

from factcheck import sentences
from factcheck.engine import Analysis
from factcheck.findings import Finding
from factcheck.models import Article, Claim
from factcheck.verdicts import Group

if TYPE_CHECKING:
    from factcheck.models import Verdict

FINDING = "finding"


def on_desk(analysis: Analysis) -> Analysis:
    """The analysis as the desk shows it: the figure groups, then one row per finding."""
    texts = {a.id: a for a in analysis.articles}
    rows = tuple(_row(f, texts) for f in analysis.findings)
    return replace(
        analysis,
        groups=analysis.groups + rows,
        claims=analysis.claims + tuple(c for row in rows for c in row.claims),
    )


def _row(finding: Finding, articles: dict[str, Article]) -> Group:
    passages = tuple(
        _passage(finding, n, p.article, p.start, p.end, p.text, articles[p.article])
        for n, p in enumerate(finding.spans, start=1)
    )
    written = " / ".join(dict.fromkeys(p.surface for p in passages))
    label = f"{finding.type.heading}: {written}"
    # "finding" is a desk row's verdict, not the engine's: the list, highlights and marks read
    # verdicts as strings, and nothing outside the desk sees these rows
    verdict = cast("Verdict", FINDING)
    return Group(finding.id, str(finding.type), label, passages, verdict, finding.explanation)


def _passage(
    finding: Finding, n: int, article: str, start: int, end: int, text: str, whole: Article
) -> Claim:
    s, e = next(((s, e) for s, e in sentences.split(whole.text) if s <= start < e), (start, end))
    return Claim(
        id=f"{finding.id}.{n}",
        article=article,
        start=start,
        end=end,
        surface=text,
        sentence=whole.as_written[s : max(e, end)],  # as the span quotes it
        kind=str(finding.type),
        quantity=None,
        qualifier="exact",
        topic=str(finding.type),
        sentence_start=s,
    )
