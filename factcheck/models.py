"""The claim model: articles and the numeric claims found in them. Plain frozen data."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from factcheck.numbers import Interval


def article_order(article_id: str) -> tuple[int, str]:
    """Sort key for article ids: A, B … Z, AA, AB."""
    return len(article_id), article_id


class Kind(StrEnum):
    """What sort of figure a claim is."""

    COUNT = "count"
    AGE = "age"
    DATE = "date"
    TIME = "time"
    DURATION = "duration"
    MONEY = "money"
    PERCENT = "percent"
    MEASURE = "measure"
    ORDINAL = "ordinal"


KINDS = tuple(Kind)


class Qualifier(StrEnum):
    """How a figure is hedged; each reads as an interval (see `numbers.Interval`)."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    UP_TO = "up_to"
    LESS_THAN = "less_than"
    ABOUT = "about"
    NEARLY = "nearly"
    RANGE = "range"
    VAGUE = "vague"

    @property
    def words(self) -> str:
        """How the desk says it before a number ("at least"); empty for a range or vague amount."""
        return _HEDGE_WORDS.get(self, "")


_HEDGE_WORDS = {
    "exact": "exactly",
    "at_least": "at least",
    "more_than": "more than",
    "up_to": "up to",
    "less_than": "fewer than",
    "about": "about",
    "nearly": "nearly",
}


class Note(StrEnum):
    """Signals extraction leaves for grouping: which occurrence of a fact a figure states."""

    UPDATE = "update"
    """a toll that changed ("the toll rose to 24")"""
    TOTAL = "total"
    """a running total ("30 arrests so far this week")"""
    OTHER_EVENT = "other_event"
    """a figure of another incident, told for comparison"""
    PART = "part"
    """a part of the whole ("one of the victims")"""
    INTENT = "intent"
    """what someone meant or could have done ("planned to kill hundreds")"""
    WITH_PERPETRATOR = "with_perpetrator"
    """a toll that counts the attacker ("five dead, including the gunman")"""


class Verdict(StrEnum):
    """How the figures of a group compare, most serious first."""

    CONFLICT = "conflict"
    QUALIFIER_MISMATCH = "qualifier_mismatch"
    AGREE = "agree"
    SINGLE = "single"

    @property
    def severity(self) -> int:
        """0 for the most serious."""
        return list(Verdict).index(self)


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
    written: str | None = None
    """`text` with the curly quotation marks and apostrophes the input used, where it used any:
    one character for one, so every offset points into both."""

    def __post_init__(self) -> None:
        if self.written is not None and len(self.written) != len(self.text):
            raise ValueError(
                "an article's text as written must match its text character for character"
            )

    @property
    def as_written(self) -> str:
        """The text to show and quote: the article's own quotation marks and apostrophes."""
        return self.written or self.text

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "text": self.as_written,
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
    predicate: str | None = None
    """What happened to what is counted, as a lemma, when a verb says it: "drop" for "four bombs
    were dropped", "carry", "pack", "last"; None for "is" and "has"."""
    acts: bool = False
    """Whether what is counted did it, the predicate's subject in the active voice ("three
    groups began the attack"), rather than had it done ("four bombs were dropped")."""
    modifiers: tuple[str, ...] = ()
    """Words that narrow what is counted ("strong" aftershocks, "tank" shells) and how badly
    ("critical" for the critically wounded, a part of the wounded)."""
    occurrence: int | None = None
    """Which of several events of a kind: 0 for the first quake, 1 for the second; None when the
    text does not say."""
    day: str | None = None
    """The weekday the figure's sentence ties it to ("monday"), when it names one."""

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
            "predicate": self.predicate,
            "acts": self.acts,
            "modifiers": list(self.modifiers),
            "occurrence": self.occurrence,
            "day": self.day,
        }


def _plain(x: float | None) -> float | int | None:
    return int(x) if x is not None and x == int(x) else x
