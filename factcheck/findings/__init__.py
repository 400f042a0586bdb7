"""Findings beyond numbers: names written two ways, quotations that differ, dates that do not add up.

    findings = find_all(articles, nlp)

Each finder reads the articles' text; spaCy is asked only about the few sentences a finder needs
its entities for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.findings.model import TYPE_TITLES, Finding, FindingType, Passage

if TYPE_CHECKING:
    from spacy.language import Language

    from factcheck.models import Article

__all__ = ["TYPE_TITLES", "Finding", "FindingType", "Passage", "find_all"]


def find_all(articles: Sequence[Article], nlp: Language | None = None) -> tuple[Finding, ...]:
    """Every finding, names first, then quotations, then dates."""
    from factcheck.findings import datecheck, names, quotes

    return (
        *names.find(articles, nlp),
        *quotes.find(articles),
        *datecheck.find(articles, nlp),
    )
