"""Figures with a unit: percentages, money, durations, earthquake magnitudes and measures."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck import describe, units
from factcheck.describe import text_of
from factcheck.figures.found import Found
from factcheck.vocab import (
    CROWD_NOUNS,
    CURRENCY_WORDS,
    TIME_UNIT_PATTERN,
    TIME_UNITS,
    TOPIC_AFTER,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from factcheck.numbers import Figure

PERCENT = re.compile(r"^\s*(?:%|percent\b|per\s+cent\b|pct\b|percentage\s+points?\b)", re.I)
_ENDS_PERCENT = re.compile(
    r"(?:%|\bpercent|\bper\s+cent|\bpct)$", re.I
)  # "20 percent to 35 percent"
_MAGNITUDE = re.compile(
    r"^(?:\s*(?:,|and|or)\s*\d+(?:\.\d+)?)*[\s-]*magnitude\b|^\s+on the richter", re.I
)  # "6.8 and 6.5 magnitude quakes": the scale covers every figure of the list
_MAGNITUDE_BEFORE = re.compile(
    r"\bmagnitude(?:\s+of)?\s+$|"
    r"\b(?:quakes?|earthquakes?|tremors?|temblors?|aftershocks?),?\s+(?:\w+\s+){0,2}?measuring\s+"
    r"(?:(?:\d+(?:\.\d+)?)\s*(?:,|and|or)\s*)*$|"
    r"\b(?:quakes?|earthquakes?|tremors?|temblors?|aftershocks?)\s+of\s+(?:\w+\s+){0,2}?$",
    re.I,
)


_UNIT_WORD = re.compile(r"[^\s\d,;:()\[\]\"'.!?]+")
# Words that quantulum3 lists as unit spellings but that news prose uses as plain words
_NOT_UNITS = {
    "a",
    "an",
    "in",
    "at",
    "is",
    "it",
    "of",
    "or",
    "as",
    "on",
    "to",
    "by",
    "per",
    "no",
    "do",
    "point",
    "points",
    "times",
    "set",
    "sets",
    "pair",
    "pairs",
    "pc",
    "bar",
    "bars",
    "car",
    "cars",
    "cup",
    "cups",
    "pt",
    "am",
    "pm",
    "gal",
    "min",
    "mi",
    "h",
    "line",
    "lines",
    "round",
    "rounds",
    "shot",
    "shots",
    "gross",
    "stone",
}
_SHORT_UNITS = {
    "km",
    "kg",
    "mm",
    "cm",
    "ft",
    "lb",
    "lbs",
    "oz",
    "hp",
    "kw",
    "mw",
    "gw",
    "ml",
    "mg",
    "mph",
    "kph",
    "sq",
    "gb",
    "mb",
    "tb",
    "ppm",
    "ppb",
    "khz",
    "mhz",
    "ghz",
}


_HOLDS_UNIT = re.compile(rf"\s+(?:{TIME_UNIT_PATTERN})\s+and\s+a\s+half$", re.I)


_FRACTION = re.compile(
    r"^(?:half|(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-]+"
    r"(?:thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?))$",
    re.I,
)


_OF_TIME = re.compile(rf"\s+of\s+(?:an?\s+|the\s+)?(?:{TIME_UNIT_PATTERN})\b", re.I)


def written_unit(after: str) -> tuple[str, str, int] | None:
    """The unit written right after a figure, looked up in quantulum3's lexicon."""
    words = _UNIT_WORD.findall(after[:40])[: units.MAX_WORDS]
    if not words or words[0].lower() in _NOT_UNITS or words[0].lower() in TIME_UNITS:
        return None
    glued = not after[:1].isspace()
    found = units.unit_after(words)
    if found is None:
        return None
    used = found[2]
    first = words[0].lower()
    if used == 1 and len(first) <= 3 and not glued and first not in _SHORT_UNITS:
        return None  # "5 m" is rarely metres in news copy; "5m" and "5 km" are
    return found


def _measured(num: Token) -> str | None:
    """What a measure measures: "a depth of 10 km" is depth; "a 10 km drive" is drive."""
    unit = num.head if num.head != num else None
    if unit is None:
        return None
    if unit.dep_ == "pobj" and unit.head.dep_ == "prep" and unit.head.head.pos_ == "NOUN":
        return unit.head.head.lemma_.lower()
    if unit.head.pos_ == "NOUN" and unit.dep_ in ("compound", "amod", "nmod"):
        return unit.head.lemma_.lower()
    return None


def noun_lemma(num: Token) -> str | None:
    head = num.head
    if (
        head != num
        and head.pos_ in ("NOUN", "PROPN")
        and num.dep_ in ("nummod", "quantmod", "compound", "amod")
    ):
        return head.lemma_.lower()
    return None


def _noun_after_percent(doc: Doc, num: Token) -> str:
    """What a percentage is of: "60 per cent of men" (man), "turnout rose 3%" (turnout)."""
    sign = num.head if num.head.lower_ in ("%", "percent", "cent", "pct") else num
    for token in (sign, num):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ == "PRON":
                    obj = describe.antecedent(obj)  # "half of them"
                    if obj is not None and obj.lemma_.lower() in CROWD_NOUNS:
                        return "people"
                if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                    return obj.lemma_.lower()
    verb = describe.governing_verb(sign)
    if verb is not None:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return subj.lemma_.lower()
    return "percent"


def amount(doc: Doc, num: Token, fig: Figure) -> Found | None:
    """A figure with a unit: money, a percentage, a duration, a magnitude, a measure."""
    text = text_of(doc)
    after = text[fig.end : fig.end + 40]
    before = text[max(0, fig.start - 60) : fig.start]
    start, end = fig.start, fig.end

    def found(kind: str, topic: str, unit: str, stop: int = end) -> Found:
        return Found(
            start, stop, kind, fig.interval, fig.qualifier, topic, unit=unit, trend=fig.trend
        )

    percent = PERCENT.match(text[fig.number_end :])
    if percent or _ENDS_PERCENT.search(text[fig.start : fig.end]):
        stop = max(end, fig.number_end + percent.end()) if percent else end
        return found("percent", _noun_after_percent(doc, num), "percent", stop)
    if fig.currency:
        return found("money", noun_lemma(num) or "money", fig.currency)
    if (
        _FRACTION.match(text[fig.number_start : fig.end])
        and re.match(r"\s+of\b", after)
        and not _OF_TIME.match(after)  # "a quarter of a century" is a length of time
    ):
        # "half of the suspects", "two-thirds of homes": a share, said as a percentage
        share = fig.interval
        share = replace(share, low=round(share.low * 100, 6), high=round(share.high * 100, 6))
        return replace(
            found("percent", _noun_after_percent(doc, num), "percent"),
            quantity=share,
            value=round(fig.value * 100, 6),
        )
    inside = text[fig.number_end : fig.end]  # "an hour and a half" holds its unit
    words = re.findall(r"[A-Za-z]+|[^\sA-Za-z\d]", inside if _HOLDS_UNIT.match(inside) else after)
    first = words[0].lower() if words else ""
    if first == "-" and len(words) > 1:
        first = words[1].lower()
    if first in CURRENCY_WORDS:
        return found("money", "money", CURRENCY_WORDS[first])
    if first in TIME_UNITS:  # "five hours", "24-hour", "nine days later"
        span_of = describe.duration_of(num)
        return replace(
            found("duration", TIME_UNITS[first], TIME_UNITS[first]),
            subject=span_of,
            predicate="last" if span_of else None,
        )
    if _MAGNITUDE.match(after) or _MAGNITUDE_BEFORE.search(before):
        return replace(
            found("measure", "magnitude", "magnitude"),
            occurrence=describe.occurrence(doc, num, fig.start),
        )
    measure = written_unit(text[fig.end :]) if first not in TOPIC_AFTER else None
    if measure is not None:
        name, entity, _ = measure
        kind = "money" if entity == "currency" else "duration" if entity == "time" else "measure"
        return found(kind, _measured(num) or entity, name)
    return None
