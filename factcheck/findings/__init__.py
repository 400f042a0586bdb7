"""Findings beyond numbers: names written two ways, quotations that differ, dates that do not add up.

    findings = find_all(articles, nlp)

Each finder reads the articles' text; spaCy is asked only about the few sentences a finder needs
its entities for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from factcheck.findings.model import TYPE_TITLES, Finding, FindingType, Passage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from factcheck.models import Article

__all__ = ["TYPE_TITLES", "Finding", "FindingType", "Passage", "find_all", "wants_parse"]


def find_all(
    articles: Sequence[Article],
    nlp: Language | None = None,
    *,
    parses: Mapping[tuple[str, int], Doc] | None = None,
) -> tuple[Finding, ...]:
    """Every finding, names first, then quotations, then dates. `parses` holds sentences
    already parsed by the same pipeline, by (article id, offset): those are not parsed again."""
    from factcheck.findings import datecheck, names, quotes

    return (
        *names.find(articles, nlp),
        *quotes.find(articles),
        *datecheck.find(articles, nlp, parses=parses),
    )


def wants_parse(sentence: str) -> bool:
    """Whether the findings read this sentence's parse (so a stage that parses it anyway can
    hand it over)."""
    from factcheck.findings import datecheck

    return datecheck.wants_parse(sentence)
