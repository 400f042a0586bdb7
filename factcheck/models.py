"""The claim model: articles and the numeric claims found in them. Plain frozen data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factcheck.numbers import Interval


def article_order(article_id: str) -> tuple[int, str]:
    """Sort key for article ids: A, B … Z, AA, AB."""
    return len(article_id), article_id


KINDS = ("count", "age", "date", "time", "duration", "money", "percent", "measure", "ordinal")


@dataclass(frozen=True, slots=True)
class Article:
    """One story as the editor gave it."""

    id: str
    """"A", "B", "C"… in the order given."""
    source: str
    """Where it came from: a path, a URL, or "-" for standard input."""
    title: str
    """The headline: the first line of the text, or the page's headline."""
    text: str
    """The normalised text; every claim offset points into it."""
    published: str | None = None
    """The publication date ("2016-03-18") when the input says it (a web page's metadata)."""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "text": self.text,
            "published": self.published,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure stated in an article, with what it is about."""

    id: str
    """"A1", "A2"… article id then the claim's place in that article."""
    article: str
    """The id of the article it comes from."""
    start: int
    """Offset of the first character in `Article.text`, hedge included."""
    end: int
    """Offset just past the last character in `Article.text`."""
    surface: str
    """The figure as written, hedge included: "at least 129", "Sixteen", "a 27-year-old"."""
    sentence: str
    """The sentence that states it, as written."""
    kind: str
    """One of KINDS."""
    quantity: Interval | None
    """The values the figure allows; None for a date or time that is not a number."""
    qualifier: str
    """exact, at_least, more_than, up_to, less_than, about, nearly, range or vague."""
    topic: str
    """What is counted, normalised: killed, injured, arrested, raids… or the counted noun's lemma."""
    unit: str | None = None
    """The unit for money and measures ("USD", "kilometre", "percent", "hour"); None for counts."""
    trend: str | None = None
    """"up" or "down" when the figure is a change ("rose by 3"), else None."""
    subject: str | None = None
    """Whom or what the figure is about, as written: the person for an age, the attack for a toll."""
    date: str | None = None
    """ISO form of a date the text pins down ("2015-11-17")."""
    sentence_start: int = 0
    """Offset of `sentence` in `Article.text`."""
    notes: tuple[str, ...] = field(default_factory=tuple)
    """Signals for comparison: "update" (a toll that rose), "total", "other_event"."""
    counted: str | None = None
    """For a count, the counted noun's lemma ("officer"), "people" when generic or unnamed."""
    value: float | None = None
    """The number as written, hedge aside (129 in "at least 129"; the low end of a range)."""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article,
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "sentence": self.sentence,
            "kind": self.kind,
            "quantity": self.quantity.as_json() if self.quantity else None,
            "qualifier": self.qualifier,
            "trend": self.trend,
            "unit": self.unit,
            "topic": self.topic,
            "subject": self.subject,
            "date": self.date,
            "notes": list(self.notes),
            "counted": self.counted,
            "value": _plain(self.value),
        }


def _plain(x: float | None) -> float | int | None:
    return int(x) if x is not None and x == int(x) else x
