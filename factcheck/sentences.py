"""Cheap sentence splitting and the test for whether a sentence can hold a figure.

Only sentences that can hold a figure are sent through the parser: in news prose that is about
half of them, and parsing is where the time goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck import vocab

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr gov sen rep lt sgt capt col gen maj cpl det insp supt prof rev "
    "jan feb mar apr jun jul aug sep sept oct nov dec no vs inc co corp ltd ave blvd rd mt ft "
    "u.s u.k u.n a.m p.m e.g i.e approx est dept".split()
)
_WORD_WINDOW = 24
_LAST_WORD = re.compile(r"(?<![\w.])[\w.]+$")
_END = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")

NUMBER_WORDS = sorted(vocab.NUMBER_WORDS)
DATE_WORDS = (
    sorted(vocab.WEEKDAYS)
    + (
        "january february march april june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec yesterday today tonight noon midnight"
    ).split()
)
_CAN_HOLD_FIGURE = re.compile(
    r"\d|\b(?:" + "|".join(NUMBER_WORDS + DATE_WORDS) + r")\b|\blast (?:week|month|year|night)"
    r"|\Bfold\b"
    # zero in words, only where it can be a figure ("no one was killed", "no injuries")
    r"|\bno\s+(?:one|injur|death|casualt|arrest|fatalit|shot|dead|victim|people|child|damage)",
    re.IGNORECASE,
)


# A line that links to another story ("Related: …", "► MORE: …", "WATCH: …"): that story's
# headline, whose figures are not this article's claims.
_LINK_LINE = re.compile(
    r"[^\w\n]*(?:related(?:\s+(?:stories|coverage|articles?))?|more|read\s+more|see\s+also|"
    r"also\s+read|watch|listen|recommended|video|photos)\s*:\s+[^\n]{1,160}",
    re.IGNORECASE,
)
_LINK_LENGTH = 200  # longer than any line _LINK_LINE matches


def links_elsewhere(text: str, start: int, end: int, *, headline: int = 0) -> bool:
    """Whether the sentence at `start:end` is a whole line that links to another story; the
    headline, the line at `headline`, never is ("WATCH: …" may head a video's own story).
    Looks at no more than the sentence's own line, and that only when it is short."""
    if end - start > _LINK_LENGTH or _LINK_LINE.match(text, start, end) is None:
        return False
    line_start = text.rfind("\n", max(0, start - _LINK_LENGTH), start) + 1
    if line_start <= headline or re.search(r"\w", text[line_start:start]):
        return False  # the headline, or one sentence of a longer paragraph
    line_end = text.find("\n", end, end + _LINK_LENGTH)
    line_end = len(text) if line_end < 0 else line_end
    if text[end:line_end].strip():
        return False
    return _LINK_LINE.fullmatch(text, line_start, line_end) is not None


# A gallery's or a video player's counter: "1 of 15", "2 of 15", … along one line
_COUNTER = re.compile(r"\b(\d{1,3}) of (\d{1,3})\b")
_COUNTER_RUN = 3  # counters in a row, each one on from the last, that make a line a gallery


def counters(text: str) -> list[tuple[int, int]]:
    """(start, end) of each slide counter in the text: "k of N" where a line steps through one
    total ("1 of 15 … 2 of 15 … 3 of 15"), a gallery's or a player's place, not a figure. The
    captions between them are kept: they are the outlet's text. One pass over the text."""
    found: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        run: list[re.Match[str]] = []
        for m in [*_COUNTER.finditer(line.group()), None]:  # None ends the line's last run
            steps = (
                m is not None
                and bool(run)
                and (int(m[1]), m[2]) == (int(run[-1][1]) + 1, run[-1][2])
            )
            if run and not steps:
                if len(run) >= _COUNTER_RUN:
                    found.extend((line.start() + r.start(), line.start() + r.end()) for r in run)
                run = []
            if m is not None:
                run.append(m)
    return found


def split(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence: lines first (headlines, captions), then sentence ends."""
    for line in re.finditer(r"[^\n]+", text):
        base, body = line.start(), line.group()
        start = 0
        for m in _END.finditer(body):
            # the word before the stop, looked for in a bounded window: a run of abbreviations
            # ("No. No. No.") must not make each look-back rescan the whole run
            word = _LAST_WORD.search(body, max(start, m.start() - _WORD_WINDOW), m.start())
            last = word.group().lower().rstrip(".") if word else ""
            if m.group().startswith(".") and (
                last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())
            ):
                continue
            yield from _trimmed(body, base, start, m.end())
            start = m.end()
        yield from _trimmed(body, base, start, len(body))


def _trimmed(body: str, base: int, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = body[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        yield base + start + lead, base + start + lead + len(stripped)


# The entities the extractor reads are names (of people, places, groups, events), which English
# capitalises, and dates, which a time word, a month's or a day's name, or a year writes: "in the
# past week", "during the night", "in 2015", "in the 1990s".
_DATE_CUE = re.compile(
    r"\b(?:"
    + "|".join(
        DATE_WORDS
        + sorted(vocab.TIME_UNITS)
        + "fortnight weekend morning afternoon evening overnight tomorrow ago annual daily "
        "season spring summer autumn fall winter".split()
    )
    + r")|\b[12]\d{3}s?\b|'\d0s\b",
    re.IGNORECASE,
)


def may_hold_entity(sentence: str) -> bool:
    """Whether the entity recogniser can find anything the extractor reads in the sentence: a
    capital letter, or a word or number that writes a date. Where it cannot ("1,204 killed."),
    the recogniser, about half of what parsing a sentence costs, is not run."""
    return sentence != sentence.lower() or _DATE_CUE.search(sentence) is not None


def can_hold_figure(sentence: str) -> bool:
    """True when the sentence has a digit, a number word, or a date word."""
    return _CAN_HOLD_FIGURE.search(sentence) is not None
