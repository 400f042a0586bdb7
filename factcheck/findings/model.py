"""Findings beyond numbers: what they are and where they point. Plain frozen data."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class FindingType(StrEnum):
    """What kind of inconsistency a finding reports."""

    NAME_VARIANT = "name_variant"
    QUOTE_DIFFERENCE = "quote_difference"
    DATE_INCONSISTENCY = "date_inconsistency"

    @property
    def heading(self) -> str:
        """The section heading in reports: "Names written two ways"."""
        return TYPE_TITLES[self]


TYPE_TITLES = {
    FindingType.NAME_VARIANT: "Names written two ways",
    FindingType.QUOTE_DIFFERENCE: "Quotations that differ",
    FindingType.DATE_INCONSISTENCY: "Dates that do not add up",
}


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of one article that a finding points at."""

    article: str
    """The id of the article ("A")."""
    start: int
    """Offset of the first character in `Article.text`."""
    end: int
    """Offset just past the last character in `Article.text`."""
    text: str
    """The passage as written: `Article.text[start:end]`."""

    def as_json(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an editor should look at that is not a figure."""

    id: str
    """"N1", "Q1", "D1"…: a letter for the type, then its place among findings of that type."""
    type: FindingType
    spans: tuple[Passage, ...]
    """Every passage involved, in article then text order."""
    explanation: str
    """One or two sentences saying what differs and where."""
    minor: bool = False
    """True where the difference is usually accepted (a transliteration such as Mohammed/Muhammad)."""

    @property
    def articles(self) -> list[str]:
        from factcheck.models import article_order

        return sorted({s.article for s in self.spans}, key=article_order)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": str(self.type),
            "spans": [s.as_json() for s in self.spans],
            "explanation": self.explanation,
            "minor": self.minor,
        }
