"""Dates and clock times in running text, so that "Nov. 13" is never 13 of anything."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_WORDS = (
    r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?"
)
# Title case, or all capitals as datelines and captions write them ("APRIL 2, 2019")
_MONTH = f"(?P<month>{_MONTH_WORDS}|{re.sub(r'[a-z]', lambda c: c.group().upper(), _MONTH_WORDS)})"
_ZONE = r"(?:GMT|UTC|EDT|EST|BST|CET|CEST|PST|PDT)\b"
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("time", re.compile(r"\b[012]?\d:[0-5]\d(?:\s*(?:[ap]\.?m\.?))?(?![\d:])", re.I)),
    ("time", re.compile(r"\b[01]?\d(?:[.:][0-5]\d)?\s*(?:[ap]\.m\.|[ap]m\b)", re.I)),
    ("time", re.compile(r"\b(?:noon|midday|midnight)\b", re.I)),
    ("time", re.compile(rf"\b[0-2]\d[0-5]\d\s*{_ZONE}")),
    ("time", re.compile(rf"\b[0-2]\d[0-5]\d(?=\s*\(\s*[0-2]\d[0-5]\d\s*{_ZONE}\s*\))")),
    ("date", _MONTH_DAY := re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")),
    ("date", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?")),
    ("date", _MONTH_YEAR := re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b")),
    ("date", re.compile(r"\b(?P<m>[01]?\d) ?/ ?(?P<d>[0-3]?\d) ?/ ?(?P<y>(?:19|20)?\d\d)\b")),
    ("date", re.compile(rf"\b(?:(?:last|next|this|early|late)\s+)?{_WEEKDAY}{_PART}?\b", re.I)),
    # a month alone, where a preposition makes it a time: "last October", "since September"
    (
        "date",
        re.compile(
            rf"\b(?:in|since|until|by|last|next|this|early|late|mid)\s+(?P<only>{_MONTH})\b(?!\s+\d)"
        ),
    ),
    (
        "date",
        re.compile(
            r"\b(?:(?:early|late|mid)[\s-])?" + _MONTH + r"\b(?=\s+(?:of\s+)?(?:this|last|next)\b)"
        ),
    ),
]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    kind: str
    """"date" or "time"."""
    iso: str | None = None
    """"2015-11-17" where day, month and year are known (the year may come from the article)."""


def find_dates(text: str, *, anchor_year: int | None = None) -> list[DateMention]:
    """Date and time mentions, longest first where they overlap."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if m.group().strip().lower() == "may" or (kind == "date" and m.group() == "March"):
                continue
            start, end = m.span("only") if "only" in pattern.groupindex else m.span()
            found.append((start, end, kind, m))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    mentions: list[DateMention] = []
    last_end = -1
    for start, end, kind, m in found:
        if start < last_end:
            continue
        mentions.append(
            DateMention(start, end, kind, _iso(m, anchor_year) if kind == "date" else None)
        )
        last_end = end
    return mentions


def _iso(m: re.Match[str], anchor_year: int | None) -> str | None:
    groups = m.groupdict()
    if groups.get("m"):
        year = int(groups["y"])
        year = year + 2000 if year < 100 else year
        return _format(year, int(groups["m"]), int(groups["d"]))
    month_word = groups.get("month")
    if not month_word:
        return None
    month = _MONTHS[month_word[:3].lower()]
    found_year = int(groups["year"]) if groups.get("year") else anchor_year
    day = int(groups["day"]) if groups.get("day") else None
    if found_year is None:
        return None
    if day is None:
        return f"{found_year:04d}-{month:02d}"
    return _format(found_year, month, day)


def _format(year: int, month: int, day: int) -> str | None:
    import datetime

    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def anchor_year(text: str) -> int | None:
    """The year the article is set in: the one its full dates name most, else its commonest year."""
    full = [int(m.group("year")) for m in _MONTH_DAY.finditer(text) if m.group("year")]
    full += [int(m.group("year")) for m in _MONTH_YEAR.finditer(text)]
    years = full or [int(y) for y in re.findall(r"\b(19[5-9]\d|20\d\d)\b", text)]
    return Counter(years).most_common(1)[0][0] if years else None


_CLOCK = re.compile(r"(?P<h>[012]?\d)(?:[.:](?P<m>[0-5]\d))?\s*(?P<ampm>[ap])?\.?\s*m?\.?", re.I)
_CLOCK_24 = re.compile(r"(?P<h>[0-2]\d)(?P<m>[0-5]\d)(?:\s*[A-Z]{3,4})?$")


def minutes_of_day(surface: str) -> float | None:
    """A clock time as minutes after midnight: "1:45 a.m." is 105, "9 p.m." 1260, "noon" 720."""
    word = surface.strip().lower()
    if word in ("noon", "midday"):
        return 720.0
    if word == "midnight":
        return 0.0
    m = _CLOCK_24.match(surface.strip()) or _CLOCK.match(surface.strip())
    if m is None:
        return None
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    ampm = (m.groupdict().get("ampm") or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    return float(hour * 60 + minute)
