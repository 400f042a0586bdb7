"""Claims from articles: figures found by the grammar, given a kind, a topic and a subject by spaCy.

The numbers module reads the figures off the text; this module runs the pipeline and asks the
modules of `factcheck.figures` what each one is (a date, an age, a sum of money, a toll).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields, replace
from typing import TYPE_CHECKING

from factcheck import dates, describe, sentences
from factcheck.describe import text_of
from factcheck.figures import ages, amounts, counts, labels, scope
from factcheck.figures.found import Found
from factcheck.models import Article, Claim
from factcheck.numbers import Interval, find_figures
from factcheck.vocab import SCALES, TOPIC_AFTER, TOPIC_AFTER_PATTERN, TOPIC_LEMMAS, singular

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from factcheck.numbers import Figure

LEAD_CHARS = 600
_FOLLOWING = 160  # characters of the next sentence read for what a toll includes
_MAX_SENTENCE = 2_000  # characters: longer "sentences" are tables or run-ons, parsed in pieces
MAX_QUOTE = 600  # characters of its sentence a claim carries: around the figure past that
MAX_FIGURES_PER_SENTENCE = 60  # past that a "sentence" is a table or a dump: the rest is dropped


def extract_articles(
    nlp: Language,
    articles: Sequence[Article],
    *,
    keep: Callable[[str, int, Doc], None] | None = None,
) -> list[Claim]:
    """Every claim in every article, in article order then text order. `keep` is shown each
    parsed piece (article id, offset, parse), for a later stage that reads the same sentences."""
    # (article, sentence start, sentence end, piece start, piece end) for each piece worth parsing
    jobs: list[tuple[Article, int, int, int, int]] = []
    for article in articles:
        headline = len(article.text) - len(article.text.lstrip())
        for start, end in sentences.split(article.text):
            if sentences.links_elsewhere(article.text, start, end, headline=headline):
                continue
            figures = 0
            for s, e in _pieces(start, end):
                if figures >= MAX_FIGURES_PER_SENTENCE:
                    break  # a run-on dump: the pieces past the cap would be parsed for nothing
                if sentences.can_hold_figure(article.text[s:e]):
                    jobs.append((article, start, end, s, e))
                    if e - s == _MAX_SENTENCE:
                        figures += len(find_figures(article.text[s:e]))
    first = _first_readings(jobs)
    repeated = {k for n, k in enumerate(first) if k != n}
    texts = (a.text[s:e] for n, (a, _, _, s, e) in enumerate(jobs) if first[n] == n)
    docs = _parsed(nlp, texts)
    anchors = {a.id: dates.anchor_year(a.text) for a in articles}
    found: dict[str, list[tuple[Found, int, int]]] = {a.id: [] for a in articles}
    per_sentence: dict[tuple[str, int], int] = {}
    readings: dict[int, tuple[int, list[Found], Doc]] = {}  # a repeated sentence's first reading
    for n, (article, ss, se, s, _e) in enumerate(jobs):
        if first[n] != n:
            at, earlier, doc = readings[first[n]]
            if keep is not None:
                keep(article.id, s, doc)  # the same text: the first reading's parse serves
            kept = [replace(f, start=f.start + s - at, end=f.end + s - at) for f in earlier]
            found[article.id].extend((f, *_quote(article.text, ss, se, f)) for f in kept)
            continue
        doc = next(docs)
        if keep is not None:
            keep(article.id, s, doc)
        lead = article.text[: min(LEAD_CHARS, s)]
        following = article.text[se : se + _FOLLOWING]
        seen = per_sentence.get((article.id, ss), 0)
        if seen >= MAX_FIGURES_PER_SENTENCE:
            continue
        room = MAX_FIGURES_PER_SENTENCE - seen
        kept = _claims_in_sentence(doc, s, anchors[article.id], lead, following, room)[:room]
        if n in repeated:
            readings[n] = (s, kept, doc)
        found[article.id].extend((f, *_quote(article.text, ss, se, f)) for f in kept)
        per_sentence[(article.id, ss)] = seen + len(kept)
    claims: list[Claim] = []
    for article in articles:
        counted = _outside(found[article.id], sentences.counters(article.text))
        for n, (f, ss, se) in enumerate(counted, start=1):
            claims.append(
                Claim(
                    id=f"{article.id}{n}",
                    article=article.id,
                    surface=article.text[f.start : f.end],
                    sentence=article.text[ss:se],
                    sentence_start=ss,
                    **{field.name: getattr(f, field.name) for field in fields(Found)},
                )
            )
    return claims


def _outside(
    found: list[tuple[Found, int, int]], spans: list[tuple[int, int]]
) -> list[tuple[Found, int, int]]:
    """The figures, in their order, that overlap none of `spans` (sorted, apart): a slide
    counter's "6 of 15" is no claim."""
    if not spans:
        return found
    ends = [e for _, e in spans]
    kept: list[tuple[Found, int, int]] = []
    for item in found:
        k = bisect_right(ends, item[0].start)  # the first span ending after the figure starts
        if k < len(spans) and spans[k][0] < item[0].end:
            continue
        kept.append(item)
    return kept


_BATCH_CHARS = 8_000  # about 64 sentences of news: a batch the parser takes in one step


def _parsed(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """The parses of `texts`, in order, batched by characters rather than by count: a batch
    of 64 three-word sentences ("12 killed." a hundred thousand times) is all overhead, while
    one of 64 sentences of news is about 8,000 characters. Batching changes no parse. The
    entity recogniser runs last, and only on the texts that may hold an entity the extractor
    reads (`sentences.may_hold_entity`), where it has token vectors of its own (as in the
    small English pipeline): running it on fewer texts then changes no other annotation."""
    apart = _recogniser_apart(nlp)
    batch: list[str] = []
    size = 0
    for text in texts:
        batch.append(text)
        size += len(text)
        if size >= _BATCH_CHARS:
            yield from _parse_batch(nlp, batch, apart)
            batch, size = [], 0
    if batch:
        yield from _parse_batch(nlp, batch, apart)


def _recogniser_apart(nlp: Language) -> bool:
    """Whether the pipeline's entity recogniser reads token vectors of its own, rather than
    those of a shared layer that it listens to, which would have to run with it."""
    listened = (getattr(pipe, "listening_components", ()) for _, pipe in nlp.components)
    return "ner" in nlp.pipe_names and not any("ner" in names for names in listened)


def _parse_batch(nlp: Language, batch: list[str], apart: bool) -> list[Doc]:
    if not apart:
        return list(nlp.pipe(batch, batch_size=len(batch)))
    docs = list(nlp.pipe(batch, batch_size=len(batch), disable=["ner"]))
    named = [doc for doc, text in zip(docs, batch, strict=True) if sentences.may_hold_entity(text)]
    for _ in nlp.get_pipe("ner").pipe(named, batch_size=max(1, len(named))):  # type: ignore[attr-defined]
        pass  # the recogniser annotates each doc in place
    return docs


def _first_readings(jobs: Sequence[tuple[Article, int, int, int, int]]) -> list[int]:
    """For each piece, the first piece that reads the same: itself, or an earlier whole sentence
    of the same article with the same text, the same text after it and the same lead. What is
    found in a sentence depends on nothing else, so a sentence repeated a thousand times (a
    table's rows, a feed's boilerplate, a hostile input) is parsed once."""
    first: list[int] = []
    seen: dict[tuple[str, int, int, str], int] = {}
    for n, (article, ss, se, s, e) in enumerate(jobs):
        if (s, e) != (ss, se):
            first.append(n)  # a piece of a run-on: what it keeps depends on the pieces before
            continue
        key = (article.id, min(s, LEAD_CHARS), e - s, article.text[s : e + _FOLLOWING])
        first.append(seen.setdefault(key, n))
    return first


def _quote(text: str, start: int, end: int, f: Found) -> tuple[int, int]:
    """The part of its sentence a claim carries: all of it up to MAX_QUOTE characters, else a
    window of that size around the figure, cut at spaces. A run-on "sentence" of a megabyte
    must not be copied into each of its claims."""
    if end - start <= MAX_QUOTE:
        return start, end
    centre = (f.start + f.end) // 2
    first = max(start, min(centre - MAX_QUOTE // 2, end - MAX_QUOTE))
    last = min(end, first + MAX_QUOTE)
    if first > start:
        space = text.find(" ", first, min(f.start, first + 40))
        first = space + 1 if space >= 0 else first
    if last < end:
        space = text.rfind(" ", max(f.end, last - 40), last)
        last = space if space >= 0 else last
    return first, last


def _pieces(start: int, end: int) -> Iterable[tuple[int, int]]:
    """Split an over-long sentence so one run-on line cannot stall the parser."""
    while end - start > _MAX_SENTENCE:
        yield start, start + _MAX_SENTENCE
        start += _MAX_SENTENCE
    yield start, end


def _claims_in_sentence(
    doc: Doc,
    offset: int,
    anchor_year: int | None,
    lead: str,
    following: str = "",
    limit: int = MAX_FIGURES_PER_SENTENCE,
) -> list[Found]:
    text = text_of(doc)
    out: list[Found] = []
    date_mentions = dates.find_dates(text, anchor_year=anchor_year)
    joined = -1
    for k, d in enumerate(date_mentions):
        if k == joined:
            continue
        if d.kind == "time":
            nxt = date_mentions[k + 1] if k + 1 < len(date_mentions) else None
            both = _clock_range(doc, d, nxt, offset) if nxt is not None else None
            if both is not None:
                out.append(both)
                joined = k + 1
                continue
            out.append(_clock_time(doc, d, offset))
            continue
        out.append(
            Found(offset + d.start, offset + d.end, d.kind, None, "exact", d.kind, date=d.iso)
        )
    for fig in find_figures(text)[:limit]:  # each costs a look at the whole parse: bounded
        if any(d.start < fig.number_end and fig.number_start < d.end for d in date_mentions):
            continue
        found = _classify(doc, fig, anchor_year, lead, following)
        if found is not None:
            if found.quantity is not None and found.value is None:
                found = replace(found, value=fig.value)
            out.append(replace(found, start=found.start + offset, end=found.end + offset))
            also = _NONE_EITHER.match(text, fig.end) if fig.zero_word else None
            other = _zero_topic(also.group(1)) if also is not None else found.topic
            if also is not None and found.kind == "count" and other != found.topic:
                # "no dead or injured": one "no" for two counts, each a zero
                out.append(
                    replace(
                        found, start=offset + also.start(1), end=offset + also.end(1), topic=other
                    )
                )
    out.sort(key=lambda f: f.start)
    return out


# Hedges on a clock time, as intervals in minutes around it: "about 1:45 a.m." allows a quarter
# hour either side, "just before 9 p.m." the half hour before.
_CLOCK_HEDGES: list[tuple[re.Pattern[str], str, float, float, bool, bool]] = [
    (
        re.compile(r"\b(?:at\s+)?(?:about|around|approximately|roughly|some)\s+(?:at\s+)?$", re.I),
        "about",
        -15,
        15,
        True,
        True,
    ),
    (re.compile(r"\b(?:nearly|almost)\s+$", re.I), "nearly", -15, 0, True, True),
    (
        re.compile(r"\b(?:(?:just|shortly|right|some\s+time)\s+)?before\s+$", re.I),
        "less_than",
        -30,
        0,
        True,
        False,
    ),
    (
        re.compile(r"\b(?:(?:just|shortly|right|soon|some\s+time)\s+)?after\s+$", re.I),
        "more_than",
        0,
        30,
        False,
        True,
    ),
]


def _clock_time(doc: Doc, d: dates.DateMention, offset: int) -> Found:
    """A clock time with its hedge, as an interval of minutes after midnight, and what it is
    the time of: "the shooting began at about 1:45 a.m." is when the shooting began."""
    text = text_of(doc)
    at = dates.minutes_of_day(text[d.start : d.end])
    start, qualifier, quantity = d.start, "exact", None
    if at is not None:
        quantity = Interval(at, at)
        base = max(0, d.start - 30)
        for pattern, name, low, high, low_closed, high_closed in _CLOCK_HEDGES:
            m = pattern.search(text[base : d.start])
            if m is not None:
                said = m.group()
                start = base + m.start() + len(said) - len(re.sub(r"^at\s+", "", said, flags=re.I))
                qualifier = name
                quantity = Interval(at + low, at + high, low_closed, high_closed)
                break
    span = _span(doc, d.start, d.end)
    moment = None
    verb = describe.governing_verb(span.root) if span is not None else None
    if verb is not None:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ == "NOUN":
            moment = f"{subj.lemma_.lower()} {verb.lower_}"  # "shooting began"
    return Found(
        offset + start,
        offset + d.end,
        "time",
        quantity,
        qualifier,
        "time",
        unit="clock" if quantity is not None else None,
        subject=moment,
        value=at,
        day=describe.day(text, d.start),
    )


_CLOCK_JOIN = re.compile(r"\s*(?:and|to|until|till|-|–)\s*$")
_CLOCK_OPEN = re.compile(r"\b(?:between|from)\s+$", re.I)


def _clock_range(
    doc: Doc, first: dates.DateMention, second: dates.DateMention, offset: int
) -> Found | None:
    """ "between 4:05 p.m. and 4:20 p.m.", "from 9 p.m. to 11 p.m.": one span of time."""
    text = text_of(doc)
    if second.kind != "time" or not _CLOCK_JOIN.fullmatch(text[first.end : second.start]):
        return None
    opened = _CLOCK_OPEN.search(text[max(0, first.start - 10) : first.start])
    if opened is None:
        return None
    low = dates.minutes_of_day(text[first.start : first.end])
    high = dates.minutes_of_day(text[second.start : second.end])
    if low is None or high is None or not low <= high:
        return None
    start = first.start - len(opened.group())
    return replace(
        _clock_time(doc, first, offset),
        start=offset + start,
        end=offset + second.end,
        quantity=Interval(low, high),
        qualifier="range",
    )


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


_NONE_EITHER = re.compile(
    r"(?:\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been))?"
    rf"(?:\s+(?:{TOPIC_AFTER_PATTERN}))?"
    rf"\s+(?:or|nor)\s+({TOPIC_AFTER_PATTERN}|deaths?|injur(?:y|ies)|fatalit(?:y|ies))\b",
    re.I,
)


def _zero_topic(word: str) -> str:
    """The topic a word after "no … or" names: "wounded" (injured), "deaths" (killed)."""
    low = word.lower()
    return TOPIC_AFTER.get(low) or TOPIC_LEMMAS[singular(low)]


_SCALE_WORDS = frozenset(["dozen", *SCALES])


def _classify(
    doc: Doc, fig: Figure, anchor_year: int | None, lead: str, following: str = ""
) -> Found | None:
    """What a figure is, asked in order: a date or an age by decade ("in her 50s"), a name, an
    ordinal, an age, an amount with a unit, last a count. None drops the figure ("Section 427",
    "the same one")."""
    span = _span(doc, fig.number_start, fig.number_end)
    if span is None:
        return None
    # the token that carries the number ("no" in "no injuries", "one" in "no one")
    num = (
        span[0]
        if fig.zero_word and span[0].lower_ == "no" and len(span) > 1 and span[-1].lower_ != "one"
        else span[-1]
    )
    if num.lower_ in _SCALE_WORDS and num.head in span and num.dep_ in ("quantmod", "compound"):
        num = span.root  # "three dozen people": "three" carries the figure, not "dozen"
    fig = scope.headline_toll(doc, fig, lead)
    found = labels.as_date(doc, num, fig) or ages.in_decade(doc, num, fig)
    if found is not None:
        return found
    if labels.is_label(doc, num, fig):
        return None  # "Section 427", "Game 2", "S&P 500", "iPhone 14": names, not amounts
    return (
        labels.ordinal(doc, num, fig)
        or ages.age(doc, num, fig)
        or amounts.amount(doc, num, fig)
        or counts.count(doc, num, fig, anchor_year, lead, following)
    )
