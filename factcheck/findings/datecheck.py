"""Dates that do not add up: a weekday beside a date it does not fall on, "four days after
Nov. 13" beside a date that is not four days later, one event dated on different days, and one
event timed differently.

Only what the text pins down is checked: a weekday is set against a date written beside it (the
year as written, else any year the article names, the year after it, or its publication year);
day arithmetic only where both dates are in the sentence; an event's day only where a weekday or
date is attached to a word naming the event ("Saturday's killings", "passed away Saturday night",
"killed on May 3", "May 4, one day after the attack"), by the words around it or, with a
pipeline, by the parse; an odd day only a day off the usual one (two days off is another event's
day more often than a slip); a clock time only where the parse ties it to the event, in no named
time zone, and only against another article's time for it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck import sentences
from factcheck.findings.model import Finding, FindingType, Passage
from factcheck.models import Article, article_order
from factcheck.vocab import (
    STATEMENT_WORDS,
    STORY_EVENT_KINDS,
    STORY_EVENT_WORDS,
    TENS,
    UNITS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# "three days after": the numbers in words a day is counted by
_SMALL_NUMBERS = {**UNITS, "twenty": TENS["twenty"]}


def _how_many(word: str) -> int:
    """The count of days or weeks a date is told by: "a" or "an", a number word, or digits."""
    word = word.lower()
    if word in ("a", "an"):
        return 1
    return _SMALL_NUMBERS[word] if word in _SMALL_NUMBERS else int(word)


_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATES = (
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR}\b)?", re.I),
)
_WEEKDAY = re.compile(
    r"\b(?P<weekday>(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)\b"
    r"(?P<part>\s+(?:morning|afternoon|evening|night))?",
    re.I,
)
# "Monday, May 6, 2019", "Tuesday night (Feb. 4)", "Sat, 9 Mar 2024"
_BESIDE = re.compile(r"^\s*[,(]?\s*(?:the\s+)?$", re.I)
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
_SPAN = re.compile(
    r"\b(?P<n>\d+|" + "|".join(_SMALL_NUMBERS) + r"|a|an|one)\s+(?P<unit>days?|weeks?)\s+"
    r"(?P<dir>after|before|later|earlier)\b",
    re.I,
)
# how far from exact a count of days in words may be: "four weeks after" is 26 to 32 days
_SLACK = {"day": 0, "week": 3}
# after a date: ", two days after a bombing", the event within five words
_DAYS_AFTER = re.compile(
    r",?\s+(?P<n>\d+|" + "|".join(_SMALL_NUMBERS) + r"|a|an|one)\s+days?\s+(?P<dir>after|before)"
    r"(?P<what>(?:\s+[\w'’-]+){1,5})",
    re.I,
)
_EARLY_HOURS = re.compile(r"\b(?:[0-5](?::[0-5]\d)?|12(?::[0-5]\d)?)\s*a\.?m\.?", re.I)


@dataclass(frozen=True, slots=True)
class _Date:
    start: int
    end: int
    month: int
    day: int
    year: int | None


def find(
    articles: Sequence[Article],
    nlp: Language | None = None,
    *,
    parses: Mapping[tuple[str, int], Doc] | None = None,
) -> list[Finding]:
    """Date inconsistencies inside each article and across them, in article then text order.
    With a pipeline, a weekday too far from its event word for the word rules is tied to it
    through the parse ("foiled a pirate attack on merchant ships … on Friday"), and clock times
    are compared; `parses` holds sentences already parsed, by (article id, offset)."""
    found: list[tuple[list[Passage], str]] = []
    split = {a.id: list(sentences.split(a.text)) for a in articles}
    dated = {
        a.id: [(s, e) for s, e in split[a.id] if _DAY_WORD.search(a.text, s, e)] for a in articles
    }
    for article in articles:
        years = _years(article)
        for s, e in dated[article.id]:
            found += _weekday_beside_date(article, s, e, years)
            found += _arithmetic(article, s, e, years)
    parsed: dict[tuple[str, int], str] = {}
    times: list[_Time] = []
    if nlp is not None:
        parsed, times = _parsed_events(articles, split, nlp, parses or {})
    found += _event_days(articles, dated, parsed)
    found += _event_times(times)
    # one passage, one finding: the first rule to mark it says why
    marked: set[Passage] = set()
    unique = []
    for spans, explanation in found:
        if spans[0] not in marked:
            marked.add(spans[0])
            unique.append((spans, explanation))
    found = sorted(unique, key=lambda f: (article_order(f[0][0].article), f[0][0].start))
    return [
        Finding(f"D{n}", FindingType.DATE_INCONSISTENCY, tuple(spans), explanation)
        for n, (spans, explanation) in enumerate(found, start=1)
    ]


_DAY_WORD = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I
)


def _years(article: Article) -> list[int]:
    """Years an unstated year can be: those the article names, its publication year."""
    years = [int(y) for y in _YEARS.findall(article.text)]
    if article.published and article.published[:4].isdigit():
        years.append(int(article.published[:4]))
    return [y for y, _ in Counter(years).most_common()]


def _dates(text: str, offset: int) -> Iterator[_Date]:
    found = sorted((m for p in _DATES for m in p.finditer(text)), key=lambda m: m.start())
    for m in found:
        month_word = m.group("month").lower()
        if month_word == "may" and m.group("month") != "May":
            continue
        month = _MONTHS.index(month_word[:3]) + 1
        day = int(m.group("day"))
        year = int(m.group("year")) if m.group("year") else None
        if 1 <= day <= 31:
            yield _Date(offset + m.start(), offset + m.end(), month, day, year)


def _on(date: _Date, year: int) -> dt.date | None:
    try:
        return dt.date(year, date.month, date.day)
    except ValueError:
        return None


def _weekday_number(word: str) -> int | None:
    word = word.lower()
    for i, name in enumerate(WEEKDAYS):
        if word == name:
            return i
    return WEEKDAY_ABBREVIATIONS.get(word)


def _weekday_beside_date(
    article: Article, s: int, e: int, years: list[int]
) -> list[tuple[list[Passage], str]]:
    written = article.as_written
    text = written[s:e]
    dates = list(_dates(text, s))
    out: list[tuple[list[Passage], str]] = []
    for w in _WEEKDAY.finditer(text):
        weekday = _weekday_number(w.group("weekday"))
        if weekday is None:
            continue
        after = next((d for d in dates if d.start >= s + w.end()), None)
        if after is None or not _BESIDE.match(written[s + w.end() : after.start]):
            continue
        # an unwritten year may be the one after the year an article names: "Monday (3 January)"
        # in a story that names only the December before
        candidates = [after.year] if after.year else [*years, *(y + 1 for y in years)]
        days = [d for d in (_on(after, y) for y in candidates if y) if d]
        if not days or any(d.weekday() == weekday for d in days):
            continue
        day = days[0]
        start, end = s + w.start(), after.end
        if "(" in written[s + w.end() : after.start] and written[end : end + 1] == ")":
            end += 1  # "Thursday (March 7)"
        out.append(
            (
                [Passage(article.id, start, end, written[start:end])],
                f"{article.id} writes “{written[start:end]}”, but "
                f"{day.strftime('%B')} {day.day}, {day.year} was a {day.strftime('%A')}.",
            )
        )
    return out


def _arithmetic(
    article: Article, s: int, e: int, years: list[int]
) -> list[tuple[list[Passage], str]]:
    """ "on Nov. 17, four days after … Nov. 13": both dates in the sentence, the count between."""
    text = article.as_written[s:e]
    dates = list(_dates(text, s))
    out: list[tuple[list[Passage], str]] = []
    for m in _SPAN.finditer(text):
        before = [d for d in dates if d.end <= s + m.start()]
        after = [d for d in dates if d.start >= s + m.end()]
        if not before or not after:
            continue
        first, second = before[-1], after[0]
        year = first.year or second.year or (years[0] if years else None)
        if year is None:
            continue
        d1, d2 = _on(first, first.year or year), _on(second, second.year or year)
        if d1 is None or d2 is None:
            continue
        n = _how_many(m.group("n"))
        unit = m.group("unit").lower().rstrip("s")
        days = n * (7 if unit == "week" else 1)
        actual = (d1 - d2).days if m.group("dir").lower() in ("after", "later") else (d2 - d1).days
        if abs(abs(actual) - days) <= _SLACK[unit]:
            continue
        start, end = first.start, second.end
        out.append(
            (
                [Passage(article.id, start, end, article.as_written[start:end])],
                f"{article.id} says “{m.group()}”, but {d2:%B} {d2.day} to {d1:%B} {d1.day} "
                f"is {abs(actual)} day{'s' if abs(actual) != 1 else ''}.",
            )
        )
    return out


# -- one event, different days ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Dated:
    article: str
    start: int
    end: int
    event: str
    day: int
    """The weekday (Monday 0), or for a date its ordinal in a leap year (month and day only)."""
    is_date: bool
    night: bool
    """"Sunday night", "late Sunday": the night that runs into the next day's small hours."""
    small_hours: bool
    """A clock time between midnight and 6 a.m. goes with it."""
    morning: bool
    """"early Monday", "Monday morning"."""
    text: str
    named: bool = False
    """The day names the event outright ("Saturday's killings", "the Wednesday bombings")
    rather than standing near it ("the fire Sunday morning")."""
    derived: bool = False
    """A date counted from another ("May 4, one day after the attack"): the attack's, not May 4."""


_WORDS = re.compile(r"[\w'’]+")
# "Sunday's brutal attack", "the Tuesday raids", "Monday night's blast"
_DETERMINER = re.compile(r"\b(?:the|a|an|this|that|last|its|their)\s+$", re.I)
_AFTER = re.compile(r"^(?P<possessive>['’]s)?(?P<words>(?:[ \t]+[\w-]+){1,3})")


def _event_days(
    articles: Sequence[Article],
    dated_sentences: dict[str, list[tuple[int, int]]],
    parsed: dict[tuple[str, int], str],
) -> list[tuple[list[Passage], str]]:
    """Weekdays, or dates, attached to the same event word that disagree with the day most
    mentions give, once small hours are allowed for. An article that itself gives the usual day
    for such an event is taken to mean another one ("died Friday" beside "died Sunday": two
    deaths), unless the day names the event outright and is the usual day's neighbour, the
    usual slip ("the Wednesday bombings" beside Thursday's)."""
    dated: dict[tuple[str, bool], list[_Dated]] = defaultdict(list)
    for article in articles:
        for s, e in dated_sentences[article.id]:
            for d in _attached(article, s, e, parsed):
                dated[(d.event, d.is_date)].append(d)
    out: list[tuple[list[Passage], str]] = []
    for (event, _), mentions in dated.items():
        votes = Counter(d.day for d in mentions)
        if len(votes) < 2:
            continue
        (usual, n_usual), (_, n_next) = votes.most_common(2)
        if n_usual < 2 or n_next == n_usual:
            continue  # no day that most of them agree on
        agreeing = [d for d in mentions if d.day == usual]
        for d in mentions:
            if d.day == usual or any(_compatible(d, other) for other in agreeing):
                continue
            if not _neighbours(d, agreeing[0]):
                continue  # the usual slip is a day (a night past midnight, a time zone); two
                # days or more apart, the day is more likely another event's
            # a calendar date names its day outright, and an attack has one: "killed May 3"
            # and "killed … on May 4" in one article contradict each other (deaths do not)
            if any(o.article == d.article for o in agreeing) and not (
                d.named or (d.is_date and event != "death")
            ):
                continue
            if d.derived:
                continue  # the date it was counted from is right; the count is another rule's
            places = ", ".join(sorted({o.article for o in agreeing}, key=article_order))
            shown = next((o for o in agreeing if not o.derived), agreeing[0])
            out.append(
                (
                    # only the odd one out is marked: the others are right
                    [Passage(d.article, d.start, d.end, d.text)],
                    f"{d.article} dates the {event} “{d.text}”; {places} "
                    f"{'say' if ',' in places else 'says'} {shown.text}.",
                )
            )
    return out


def _neighbours(a: _Dated, b: _Dated) -> bool:
    if a.is_date:
        return abs(a.day - b.day) == 1
    return (a.day - b.day) % 7 in (1, 6)


def _compatible(a: _Dated, b: _Dated) -> bool:
    """ "Late Friday night" is "1:15 a.m. Saturday" and "early Saturday morning"."""
    for x, y in ((a, b), (b, a)):
        if x.is_date or y.is_date:
            continue
        if x.night and (y.small_hours or y.morning) and (x.day + 1) % 7 == y.day:
            return True
    return False


# "was shot by a neighbour, Paul, on May 4": a date names its day outright, so it may sit
# further from its event word than a weekday
_DATE_REACH = 6


def _attached(
    article: Article, s: int, e: int, parsed: dict[tuple[str, int], str]
) -> Iterator[_Dated]:
    yield from _weekdays(article, s, e, parsed)
    text = article.as_written[s:e]
    words = [(m.group().lower(), m.start(), m.end()) for m in _WORDS.finditer(text)]
    for d in _dates(text, s):
        event, shift, end = _event_before(words, d.start - s, reach=_DATE_REACH), 0, d.end
        if event is None:
            # "on May 4, one day after a bombing": the bombing's date is May 3
            m = _DAYS_AFTER.match(text, d.end - s)
            if m is None:
                continue
            event = _first_event(m.group("what"))
            shift = _how_many(m.group("n"))
            shift = -shift if m.group("dir").lower() == "after" else shift
            end = s + m.end()
        if event is None:
            continue
        try:
            day = dt.date(2000, d.month, d.day).toordinal() + shift
        except ValueError:
            continue
        label = article.as_written[d.start : end]
        yield _Dated(
            article.id,
            d.start,
            end,
            event,
            day,
            True,
            False,
            False,
            False,
            label,
            derived=bool(shift),
        )


def _first_event(words: str) -> str | None:
    for word in words.lower().split():
        if word in STORY_EVENT_WORDS:
            return STORY_EVENT_KINDS.get(word, word)
    return None


def _weekdays(
    article: Article, s: int, e: int, parsed: dict[tuple[str, int], str]
) -> Iterator[_Dated]:
    """Weekdays in a sentence with the event word each dates."""
    text = article.as_written[s:e]
    small_hours = bool(_EARLY_HOURS.search(text))
    words = [(m.group().lower(), m.start(), m.end()) for m in _WORDS.finditer(text)]
    for w in _story_weekdays(text):
        weekday = _weekday_number(w.group("weekday"))
        if weekday is None:
            continue
        before = text[max(0, w.start() - 6) : w.start()].lower()
        part = (w.group("part") or "").lower()
        named_by = _event_after(text[w.end() :], text[: w.start()])
        dates = (
            named_by or _event_before(words, w.start()) or parsed.get((article.id, s + w.start()))
        )
        if dates is None:
            continue
        yield _Dated(
            article.id,
            s + w.start(),
            s + w.end(),
            dates,
            weekday,
            False,
            "night" in part or "late" in before,
            small_hours,
            "morning" in part or "early" in before,
            w.group(),
            named_by is not None,
        )


def _event_after(rest: str, before: str) -> str | None:
    """ "Sunday's brutal attack", "the Tuesday raids"; not "on Wednesday shot", where
    the word after is a verb."""
    m = _AFTER.match(rest)
    if m is None or not (m.group("possessive") or _DETERMINER.search(before[-20:])):
        return None
    following = m.group("words").split()
    for word in following if m.group("possessive") else following[:1]:
        word = word.lower()
        if word in STORY_EVENT_WORDS:
            return STORY_EVENT_KINDS.get(word, word)
    return None


def _event_before(words: list[tuple[str, int, int]], at: int, *, reach: int = 4) -> str | None:
    """The event word a weekday dates when it follows close behind: "passed away Saturday",
    "was killed on Friday", "the attack on merchant vessels … on Friday"."""
    before = [w for w in words if w[2] <= at][-reach:]
    for word, _, _ in reversed(before):
        if word in STATEMENT_WORDS:
            return None  # "… the shooting, spoke Monday": the day of the statement
        if word in STORY_EVENT_WORDS:
            return STORY_EVENT_KINDS.get(word, word)
        if word == "away":
            return "death"  # passed away
    return None


def _story_weekdays(text: str) -> Iterator[re.Match[str]]:
    """Weekdays written out in a story's prose: not a dateline in capitals, not "Fri" in a
    timestamp."""
    for w in _WEEKDAY.finditer(text):
        name = w.group("weekday")
        if name[0].isupper() and not name.isupper() and name.lower().endswith("day"):
            yield w


# -- the parse, for weekdays the word rules cannot tie to their event ---------------------------

_EVENT_WORD = re.compile(r"\b(?:" + "|".join(sorted(STORY_EVENT_WORDS)) + r")\b", re.I)
# "after a man on Tuesday shot two people": a clause about an earlier or later moment
_OTHER_MOMENT = frozenset({"after", "before", "since", "until", "following"})
_LONGEST_PARSED = 2_000  # characters, as the extraction parses at most
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "xcomp"})  # xcomp: "began shooting"
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def wants_parse(piece: str) -> bool:
    """A sentence whose parse the date rules read: an event word and a weekday or clock time,
    in a sentence of prose length (a run-on dump would stall the parser)."""
    return (
        len(piece) <= _LONGEST_PARSED
        and bool(_EVENT_WORD.search(piece))
        and (next(_story_weekdays(piece), None) is not None or _CLOCK.search(piece) is not None)
    )


def _parsed_events(
    articles: Sequence[Article],
    split: dict[str, list[tuple[int, int]]],
    nlp: Language,
    parses: Mapping[tuple[str, int], Doc],
) -> tuple[dict[tuple[str, int], str], list[_Time]]:
    """(article, weekday offset) -> the event word the parse ties the weekday to, and the clock
    times the parse ties to an event word. Only sentences with an event word and a weekday or a
    clock time are read; those `parses` lacks are parsed by the tagger and the parser alone."""
    jobs: list[tuple[Article, int, str]] = []
    for article in articles:
        for s, e in split[article.id]:
            piece = article.text[s:e]
            if wants_parse(piece):
                jobs.append((article, s, piece))
    if not jobs:
        return {}, []
    given = [parses.get((a.id, s)) for a, s, _ in jobs]
    missing = [
        nlp.make_doc(piece)
        for (_, _, piece), doc in zip(jobs, given, strict=True)
        if doc is None or doc.text != piece
    ]
    parsed: Iterator[Any] = iter(missing)
    for name in ("tok2vec", "tagger", "parser"):
        if name in nlp.pipe_names:
            parsed = nlp.get_pipe(name).pipe(parsed)  # type: ignore[attr-defined]
    docs = (
        doc if doc is not None and doc.text == piece else next(parsed)
        for (_, _, piece), doc in zip(jobs, given, strict=True)
    )
    events: dict[tuple[str, int], str] = {}
    times: list[_Time] = []
    for (article, s, piece), doc in zip(jobs, docs, strict=True):
        for w in _story_weekdays(piece):
            span = doc.char_span(w.start(), w.end())  # "Thursday night": the night is dated
            event = _event_of(span.root) if span is not None else None
            if event is not None:
                events[(article.id, s + w.start())] = event
        for c in _CLOCK.finditer(piece):
            if _ZONE.match(piece, c.end()):
                continue  # "12:30 a.m. EDT", "2:53 p.m. local time": compared only in one zone
            span = doc.char_span(c.start(), c.end(), alignment_mode="expand")
            event = _event_of_time(span.root) if span is not None else None
            if event is not None:
                hour = int(c.group("h")) % 12 + (12 if c.group("half").lower() == "p" else 0)
                minutes = hour * 60 + int(c.group("m") or 0)
                text = article.as_written[s + c.start() : s + c.end()]
                times.append(_Time(article.id, s + c.start(), s + c.end(), event, minutes, text))
    return events, times


def _event_of(day: Token) -> str | None:
    """The event a weekday dates through the parse: the word it hangs on ("the bombing on
    Tuesday"), that verb's subject or object ("on Thursday thwarted an attack"), the event a
    clause describes ("the massacre that began … Sunday"); failing those, the sentence's own verb
    when no other clause stands between ("foiled an attack on ships sailing … on Friday").
    None for a statement's day, another moment's ("after … on Tuesday shot …") or another
    clause's ("said a man attacked … and tried … Thursday")."""
    head = day.head
    if day.dep_ == "pobj" and head.head.i != head.i:
        head = head.head  # past "on"
    event = _event_at(head)
    if event is not None or _elsewhere(head):
        return event
    t = head
    while t.head.i != t.i:
        t = t.head
        if (t.tag_ in _FINITE and t.head.i != t.i) or _elsewhere(t):
            return None
    return _event_at(t) if t.tag_.startswith("VB") else None


def _elsewhere(t: Token) -> bool:
    """A statement ("said") or a clause about another moment ("after he shot")."""
    return (t.tag_.startswith("VB") and t.lower_ in STATEMENT_WORDS) or any(
        c.dep_ == "mark" and c.lower_ in _OTHER_MOMENT for c in t.children
    )


def _event_at(t: Token) -> str | None:
    """The event a word names: itself, or as a verb its subject or object (or those of the verbs
    "and" joins to it), or the event noun a relative clause describes."""
    low = t.lower_
    if low in STORY_EVENT_WORDS and not _elsewhere(t):
        return STORY_EVENT_KINDS.get(low, low)
    if not t.tag_.startswith("VB") or _elsewhere(t):
        return None
    for v in (t, *(c for c in t.children if c.dep_ == "conj" and c.tag_.startswith("VB"))):
        for c in v.children:
            if c.dep_ in _ARGUMENTS and c.lower_ in STORY_EVENT_WORDS:
                return STORY_EVENT_KINDS.get(c.lower_, c.lower_)
    if t.dep_ == "relcl" and t.head.lower_ in STORY_EVENT_WORDS:
        return STORY_EVENT_KINDS.get(t.head.lower_, t.head.lower_)
    return None


# -- one event, different clock times ------------------------------------------------------------

_CLOCK = re.compile(r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*(?P<half>[ap])\.?m\b\.?", re.I)
_ZONE = re.compile(r"\s*\(?(?:[A-Z]{1,4}T\b|UTC|GMT|IST|local\b)")
# two times of one event further apart than this are two moments of it (the first shot and the
# standoff's end), not one moment told two ways
_SAME_MOMENT = 90
_SLIP = 10
"""Minutes two tellings of one moment may differ by ("just before 9" and "9:05")."""


@dataclass(frozen=True, slots=True)
class _Time:
    article: str
    start: int
    end: int
    event: str
    minutes: int
    """Since midnight."""
    text: str


def _event_of_time(clock: Token) -> str | None:
    """The event a clock time dates: the word or verb it hangs on ("the shooting broke out
    around 7:30 p.m."), or the event of a "when" clause on that verb ("were gathered at about
    7:20 p.m. … when two men began shooting")."""
    t = clock
    for _ in range(4):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.lower_ in STORY_EVENT_WORDS and not _elsewhere(t):
            return STORY_EVENT_KINDS.get(t.lower_, t.lower_)
        if t.tag_.startswith("VB"):
            event = _event_at(t)
            if event is not None or _elsewhere(t):
                return event
            for c in t.children:
                if c.dep_ == "advcl" and any(g.lower_ == "when" for g in c.children):
                    return _event_at(c)
            return None
    return None


def _event_times(times: list[_Time]) -> list[tuple[list[Passage], str]]:
    """One event timed differently by different articles: the odd one out where most agree,
    both where two disagree. Only where each article gives the event one time, and the times
    are close enough to be one moment told two ways."""
    by_event: dict[str, list[_Time]] = defaultdict(list)
    for t in times:
        by_event[t.event].append(t)
    out: list[tuple[list[Passage], str]] = []
    for event, told in by_event.items():
        per_article: dict[str, set[int]] = defaultdict(set)
        for t in told:
            per_article[t.article].add(t.minutes)
        if len(per_article) < 2 or any(max(v) - min(v) > _SLIP for v in per_article.values()):
            continue
        values = [t.minutes for t in told]
        if max(values) - min(values) <= _SLIP or max(values) - min(values) > _SAME_MOMENT:
            continue
        votes = Counter(t.minutes for t in told)
        (usual, n_usual), (_, n_next) = votes.most_common(2)
        if n_usual > n_next:
            agreeing = [t for t in told if abs(t.minutes - usual) <= _SLIP]
            places = ", ".join(sorted({t.article for t in agreeing}, key=article_order))
            for t in told:
                if abs(t.minutes - usual) > _SLIP:
                    out.append(
                        (
                            [Passage(t.article, t.start, t.end, t.text)],
                            f"{t.article} times the {event} “{t.text}”; {places} "
                            f"{'say' if ',' in places else 'says'} {agreeing[0].text}.",
                        )
                    )
        else:
            first: dict[str, _Time] = {}
            for t in sorted(told, key=lambda t: (article_order(t.article), t.start)):
                first.setdefault(t.article, t)
            shown = list(first.values())
            out.append(
                (
                    [Passage(t.article, t.start, t.end, t.text) for t in shown],
                    f"The articles time the {event} differently: "
                    + ", ".join(f"“{t.text}” ({t.article})" for t in shown)
                    + ".",
                )
            )
    return out
