"""Claims from articles: figures found by the grammar, given a kind, a topic and a subject by spaCy.

The numbers module reads the figures off the text; this module decides what each one is
(a toll, an age, a date, a sum of money) from the parse of its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

from factcheck import dates, describe, sentences, units
from factcheck.models import Article, Claim
from factcheck.numbers import Figure, Interval, find_figures
from factcheck.vocab import (
    CHANGE_VERBS,
    CURRENCY_WORDS,
    DEMOGRAPHIC_NOUNS,
    EVENT_NOUNS,
    FILLERS,
    GENERIC_NOUNS,
    LIGHT_VERB_OBJECTS,
    LIGHT_VERBS,
    NOUN_TOPICS,
    PERPETRATOR_NOUNS,
    PERSON_NOUNS,
    PERSON_VERB_TOPICS,
    ROLE_NOUNS,
    TIME_UNITS,
    TOPIC_AFTER,
    TOPIC_LEMMAS,
    VERB_TOPICS,
    YEAR,
    YEAR_NUMBER,
    singular,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

_PERCENT = re.compile(r"^\s*(?:%|percent\b|per\s+cent\b|pct\b|percentage\s+points?\b)", re.I)
_AGE_AFTER = re.compile(r"^(?:[\s-]*(?:years?|yrs?))+[\s-]*old\b", re.I)  # "25-year-year-old" too
_AGE_BEFORE = re.compile(
    r"\b(?:aged|age|ages|age\s+of|turn(?:s|ed|ing)?|(?:was|is)\s+due\s+to\s+turn)\s+$", re.I
)
_MAGNITUDE = re.compile(
    r"^(?:\s*(?:,|and|or)\s*\d+(?:\.\d+)?)*[\s-]*magnitude\b|^\s+on the richter", re.I
)  # "7.6 and 7.5 magnitude quakes": the scale covers every figure of the list
_MAGNITUDE_BEFORE = re.compile(
    r"\bmagnitude(?:\s+of)?\s+$|"
    r"\b(?:quakes?|earthquakes?|tremors?|temblors?|aftershocks?),?\s+(?:\w+\s+){0,2}?measuring\s+"
    r"(?:(?:\d+(?:\.\d+)?)\s*(?:,|and|or)\s*)*$",
    re.I,
)
# A running total ("30 arrests so far this week") is a different fact from one day's count;
# "a total of 50 killed" is just this event's total.
_TOTAL = re.compile(
    r"\b(?:so far|to date|cumulative|running total|this (?:year|week|month)|"
    r"since (?:january|the start|the beginning|(?:19|20)\d\d))\b",
    re.I,
)
_OTHER_EVENT = re.compile(
    r"\b(?:last year|previous|earlier (?:attack|shooting|quake)|"
    r"in (?:19|20)\d\d|(?:19|20)\d\d\s+(?:attack|shooting|quake|"
    r"earthquake|tsunami|storm|bombing))\b",
    re.I,
)
# Said before a figure in its sentence, these mark a toll told for comparison, not the story's own:
# "six weeks after a massacre in Orlando, where a gunman killed 49", "the deadliest since…".
_COMPARISON = re.compile(
    r"\b(?:deadliest|worst\s+\w+\s+since|the\s+most\s+recent|"
    r"before\s+that|the\s+last\s+time|"
    r"last\s+(?:year|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|spring|summer|fall|autumn|winter))\b",
    re.I,
)
# "a previous shooting killed 3" recalls another event; "…, and a similar number were hurt in a
# previous week's raid" does not recall the toll named in an earlier clause: these words count
# only in the figure's own clause.
_COMPARISON_CLAUSE = re.compile(r"\b(?:a\s+similar|previous(?:ly)?)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[;,:—–()]|\b(?:and|but|while|whereas|when|after)\b", re.I)
# "ten days after a gunman killed five officers in Dallas": another event when the place it
# names is not the story's own (not in its headline and lead).
_AFTER_ANOTHER = re.compile(r"\b(?:days|weeks|months|years|decades)\s+(?:after|before)\b", re.I)
# "in recent days", "earlier this month": a time other than the story's own, which with a place
# other than the story's own makes another incident
_ANOTHER_TIME = re.compile(
    r"\b(?:in\s+recent\s+(?:days|weeks|months)|earlier\s+(?:this|that|in\s+the)\s+"
    r"(?:week|month|year))\b",
    re.I,
)
LEAD_CHARS = 600
_EARLIER = {"prior", "previous", "earlier", "past", "former"}
_FATALLY = re.compile(
    r"^\s+(?:\w+\s+){0,3}?(?:fatally|mortally)\s+(?:wounded|injured|hurt|shot)", re.I
)
_WITH_PERPETRATOR = re.compile(
    r"\b(?:including|includ(?:es|ing)|counting|among them|and)\s+(?:the\s+)?(?:alleged\s+|suspected\s+)?"
    r"(?:gunman|shooter|attacker|assailant|bomber|suspect|killer)\b",
    re.I,
)
_PERPETRATOR_AMONG = re.compile(
    r"\b(?:one|1)\s+of\s+(?:them|the\s+dead|those\s+killed|the\s+\w+\s+dead)\W+"
    r"(?:(?:was|is|being)\s+)?(?:the\s+)?(?:alleged\s+|suspected\s+)?"
    r"(?:gunman|shooter|attacker|assailant|bomber|suspect|killer)\b",
    re.I,
)
_FOLLOWING = 160  # characters of the next sentence read for what a toll includes
_PART_OF = re.compile(
    r"^\s+(?:of|from|among)\s+(?:the|them|whom|those|these|his|her|its|their|our|us|\d)", re.I
)
_TOLL_BEFORE = re.compile(
    r"\b(death|injury|casualty)?\s*tolls?\s+(?:now\s+|rises\s+|climbs\s+|reaches\s+)?"
    r"(?:up\s+)?(?:to|at|of|hits)?\s*$",
    re.I,
)
_TOLL_UP_TO = re.compile(r"\b(?:tolls?|total|count)\s+(?:\w+\s+){0,2}$", re.I)
_MAX_SENTENCE = 2_000  # characters: longer "sentences" are tables or run-ons, parsed in pieces
MAX_QUOTE = 600  # characters of its sentence a claim carries: around the figure past that
MAX_FIGURES_PER_SENTENCE = 60  # past that a "sentence" is a table or a dump: the rest is dropped


@dataclass(frozen=True, slots=True)
class _Found:
    """A claim before it has its id and its place in the article: `Claim`'s other fields."""

    start: int
    end: int
    kind: str
    quantity: Interval | None
    qualifier: str
    topic: str
    unit: str | None = None
    trend: str | None = None
    subject: str | None = None
    date: str | None = None
    notes: tuple[str, ...] = ()
    counted: str | None = None
    value: float | None = None
    predicate: str | None = None
    modifiers: tuple[str, ...] = ()
    occurrence: int | None = None
    day: str | None = None


def extract_articles(nlp: Language, articles: Sequence[Article]) -> list[Claim]:
    """Every claim in every article, in article order then text order."""
    # (article, sentence start, sentence end, piece start, piece end) for each piece worth parsing
    jobs: list[tuple[Article, int, int, int, int]] = []
    for article in articles:
        for start, end in sentences.split(article.text):
            figures = 0
            for s, e in _pieces(start, end):
                if figures >= MAX_FIGURES_PER_SENTENCE:
                    break  # a run-on dump: the pieces past the cap would be parsed for nothing
                if sentences.can_hold_figure(article.text[s:e]):
                    jobs.append((article, start, end, s, e))
                    if e - s == _MAX_SENTENCE:
                        figures += len(find_figures(article.text[s:e]))
    docs = nlp.pipe((a.text[s:e] for a, _, _, s, e in jobs), batch_size=64)
    anchors = {a.id: dates.anchor_year(a.text) for a in articles}
    found: dict[str, list[tuple[_Found, int, int]]] = {a.id: [] for a in articles}
    per_sentence: dict[tuple[str, int], int] = {}
    for (article, ss, se, s, _e), doc in zip(jobs, docs, strict=True):
        lead = article.text[: min(LEAD_CHARS, s)]
        following = article.text[se : se + _FOLLOWING]
        seen = per_sentence.get((article.id, ss), 0)
        if seen >= MAX_FIGURES_PER_SENTENCE:
            continue
        room = MAX_FIGURES_PER_SENTENCE - seen
        kept = _claims_in_sentence(doc, s, anchors[article.id], lead, following, room)[:room]
        found[article.id].extend((f, *_quote(article.text, ss, se, f)) for f in kept)
        per_sentence[(article.id, ss)] = seen + len(kept)
    claims: list[Claim] = []
    for article in articles:
        for n, (f, ss, se) in enumerate(found[article.id], start=1):
            claims.append(
                Claim(
                    id=f"{article.id}{n}",
                    article=article.id,
                    surface=article.text[f.start : f.end],
                    sentence=article.text[ss:se],
                    sentence_start=ss,
                    **{field.name: getattr(f, field.name) for field in fields(_Found)},
                )
            )
    return claims


def _quote(text: str, start: int, end: int, f: _Found) -> tuple[int, int]:
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
) -> list[_Found]:
    text = doc.text
    out: list[_Found] = []
    date_mentions = dates.find_dates(text, anchor_year=anchor_year)
    for d in date_mentions:
        if d.kind == "time":
            out.append(_clock_time(doc, d, offset))
            continue
        out.append(
            _Found(offset + d.start, offset + d.end, d.kind, None, "exact", d.kind, date=d.iso)
        )
    for fig in find_figures(text)[:limit]:  # each costs a look at the whole parse: bounded
        if any(d.start < fig.number_end and fig.number_start < d.end for d in date_mentions):
            continue
        found = _classify(doc, fig, anchor_year, lead, following)
        if found is not None:
            if found.quantity is not None:
                found = replace(found, value=fig.value)
            out.append(replace(found, start=found.start + offset, end=found.end + offset))
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


def _clock_time(doc: Doc, d: dates.DateMention, offset: int) -> _Found:
    """A clock time with its hedge, as an interval of minutes after midnight, and what it is
    the time of: "the shooting began at about 1:45 a.m." is when the shooting began."""
    text = doc.text
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
    return _Found(
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


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _classify(
    doc: Doc, fig: Figure, anchor_year: int | None, lead: str, following: str = ""
) -> _Found | None:
    text = doc.text
    after = text[fig.end : fig.end + 40]
    before = text[max(0, fig.start - 60) : fig.start]
    span = _span(doc, fig.number_start, fig.number_end)
    if span is None:
        return None
    # the token that carries the number ("no" in "no injuries", "one" in "no one")
    num = (
        span[0]
        if fig.zero_word and span[0].lower_ == "no" and len(span) > 1 and span[-1].lower_ != "one"
        else span[-1]
    )
    if (
        fig.qualifier == "up_to"
        and _TOLL_UP_TO.search(text[: fig.start])
        and (not lead.strip() or _is_headline(doc))
    ):
        # headline idiom: "Toll up to 30" says the count rose to 30, not "at most 30"
        fig = replace(fig, qualifier="exact", interval=Interval(fig.value, fig.value))
    start, end = fig.start, fig.end
    quantity: Interval | None = fig.interval

    # A bare year ("in 2015", "2013 attack") is a date, not 2015 of anything.
    if (
        not fig.spelled
        and fig.qualifier == "exact"
        and YEAR_NUMBER.fullmatch(text[fig.number_start : fig.number_end])
        and not fig.currency
    ):
        nxt = num.nbor(1) if num.i + 1 < len(doc) else None
        prev = num.nbor(-1) if num.i > 0 else None
        # "killed 2000 people" counts; "the 2013 charges", "Keytruda's 2018 sales" date
        counted = (
            nxt is not None
            and nxt.tag_ == "NNS"
            and nxt.lower_ not in TIME_UNITS
            and (prev is None or prev.pos_ in ("VERB", "AUX", "ADV", "CCONJ", "SCONJ", "PUNCT"))
        )
        if not counted:
            year = text[fig.number_start : fig.number_end]
            return _Found(start, end, "date", None, "exact", "date", date=year)
    if text[fig.number_end : fig.end] == "s" and fig.qualifier == "vague":
        if fig.value >= 1000:
            return _Found(start, end, "date", None, "vague", "date")
        if re.search(r"\b(?:his|her|their)\s+(?:early\s+|late\s+|mid-)?$", before, re.I):
            # "an unidentified woman in her 50s": the person is the noun the phrase describes
            person = _described_by_in(doc, num)
            return _Found(start, end, "age", quantity, "vague", "age", subject=person)
    if (
        fig.qualifier == "range"
        and not fig.spelled
        and not fig.currency
        and all(v == int(v) and 1000 <= v <= 2100 for v in (fig.interval.low, fig.interval.high))
        and not re.match(r"^\s*[A-Za-z%]", after)
    ):
        return _Found(start, end, "date", None, "range", "date")  # "between 1600 and 1900"
    if _is_label(doc, num, fig):
        return None  # "Section 427", "Game 2", "S&P 500", "iPhone 14": names, not amounts
    if fig.ordinal or _ordinal_fraction(doc, num, fig):
        # "a third shooter", "wounded a third": an ordinal of people, not a third of anything
        return _Found(start, end, "ordinal", quantity, "exact", _noun_lemma(num) or "ordinal")

    def age(first: int, last: int, person: str | None) -> _Found:
        return _Found(first, last, "age", quantity, fig.qualifier, "age", subject=person)

    prenominal = _AGE_AFTER.match(after)
    aged = None if prenominal else _AGE_BEFORE.search(before)
    if prenominal is None and aged is None and _is_name_comma_age(doc, num, fig):
        return age(start, end, _age_person(doc, num, "apposition"))
    if prenominal is not None:
        end = fig.end + prenominal.end()
        art = re.search(r"\b(?:an?)\s+$", text[max(0, start - 4) : start])
        if art and fig.qualifier == "exact":
            start -= len(art.group())  # "a 27-year-old"
        last = _span(doc, fig.number_start, end)
        return age(start, end, _age_person(doc, num, "prenominal", last[-1] if last else num))
    if aged is not None:
        said = aged.group()
        begin = fig.start if said[:1].lower() in "tiw" else fig.start - len(said)  # "turn 24"
        return age(begin, end, _age_person(doc, num, "aged"))

    def amount(kind: str, topic: str, unit: str, stop: int = end) -> _Found:
        """A figure with a unit: money, a percentage, a duration, a measure."""
        return _Found(start, stop, kind, quantity, fig.qualifier, topic, unit=unit, trend=fig.trend)

    percent = _PERCENT.match(text[fig.number_end :])
    if percent:
        stop = max(end, fig.number_end + percent.end())
        return amount("percent", _noun_after_percent(doc, num), "percent", stop)
    if fig.currency:
        return amount("money", _noun_lemma(num) or "money", fig.currency)
    words = re.findall(r"[A-Za-z]+|[^\sA-Za-z\d]", after)
    first = words[0].lower() if words else ""
    if first == "-" and len(words) > 1:
        first = words[1].lower()
    if first in CURRENCY_WORDS:
        return amount("money", "money", CURRENCY_WORDS[first])
    if first in TIME_UNITS:  # "five hours", "24-hour", "nine days later"
        span_of = describe.duration_of(num)
        return replace(
            amount("duration", TIME_UNITS[first], TIME_UNITS[first]),
            subject=span_of,
            predicate="last" if span_of else None,
        )
    if _MAGNITUDE.match(after) or _MAGNITUDE_BEFORE.search(before):
        return replace(
            amount("measure", "magnitude", "magnitude"),
            occurrence=describe.occurrence(doc, num, fig.start),
        )
    measure = _unit(text[fig.end :]) if first not in TOPIC_AFTER else None
    if measure is not None:
        name, entity, _ = measure
        kind = "money" if entity == "currency" else "duration" if entity == "time" else "measure"
        return amount(kind, _measured(num) or entity, name)

    if _pronoun_one(doc, num, fig):
        return None
    topic, noun = _topic(doc, num, fig)
    if fig.zero_word and topic not in TOPIC_LEMMAS.values():
        return None  # "no one answered" is not a figure; "no one was killed" is
    notes = []
    if topic == "injured" and _FATALLY.search(text[fig.end : fig.end + 60]):
        topic = "killed"  # "five officers were fatally wounded"
    wounded = False
    if topic == "shot":
        topic = _shot_topic(text, fig, noun)
        wounded = topic == "injured"
        topic = "shot" if wounded else topic
    gathering = topic not in TOPIC_LEMMAS.values() and describe.crowd(num)
    if gathering:
        topic, noun = "people", None  # "the crowd at 70" counts people
    trend = fig.trend
    if trend and noun is not None and noun is not num and noun.lemma_.lower() not in _CHANGE_UNITS:
        trend = None  # "dropped four bombs", "raised two children": things, not a change
    if noun is not None and any(c.lower_ in _EARLIER for c in noun.children if c.dep_ == "amod"):
        notes.append("other_event")  # "four prior arrests"
    if _intended(noun or num):
        notes.append("intent")  # "planned to kill hundreds": not a toll
    if (
        noun is not None
        and noun.lemma_.lower() in ("other", "others")
        and noun.dep_ == "conj"
        and not any(c.dep_ == "nummod" for c in noun.head.children)
    ):
        notes.append("part")  # "left them and three others dead": the rest, not the toll
    if _PART_OF.match(text[fig.end :]):
        notes.append("part")  # "one of the five victims", "two of whom", "5 of 15"
    if _STEP.search(text[: fig.start]):
        notes.append("part")  # "went inside and fired 70 rounds": one step of the story
    verb = describe.governing_verb(noun or num)
    if verb is not None and any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children):
        notes.append("part")  # "two El Centro officers also wounded": in addition to the toll
    if (
        topic == "killed"
        and "toll" in text.lower()
        and (CHANGE_VERBS.search(text) or _TOLL_UP_TO.search(text[: fig.start]))
    ):
        notes.append("update")
    if _TOTAL.search(text[max(0, fig.start - 40) : fig.end + 40]):
        notes.append("total")
    if topic == "killed" and (
        _WITH_PERPETRATOR.search(text[fig.end : fig.end + 80])
        or _PERPETRATOR_AMONG.search(text[fig.end : fig.end + 120])
        or _PERPETRATOR_AMONG.search(following)
    ):
        # "five deaths, including the alleged gunman"; "Three are dead. One of them was the
        # shooter": the toll counts the attacker, read from the next sentence as well
        notes.append("with_perpetrator")
    subject = _event_subject(doc, noun or num)
    if (
        (subject and (_OTHER_EVENT.search(subject) or YEAR.search(subject)))
        or _other_year(text, fig, anchor_year)
        or _told_for_comparison(doc, fig, lead)
    ):
        notes.append("other_event")
    return _Found(
        start,
        end,
        "count",
        quantity,
        fig.qualifier,
        topic,
        trend=trend,
        subject=subject,
        notes=tuple(dict.fromkeys(notes)),
        counted=_counted_class(_same_class_as_before(doc, noun, num), num, lead),
        predicate=(
            "wound"  # "15 were shot and two killed": the shot are the wounded
            if wounded
            else None
            if topic in TOPIC_LEMMAS.values()
            else "gather"
            if gathering
            else describe.predicate(noun or num)
        ),
        modifiers=describe.modifiers(noun, num),
        occurrence=describe.occurrence(doc, num, fig.start),
        day=describe.day(text, fig.start),
    )


# A step of a narrated sequence: what happened then is a part of the event, not its total.
_STEP = re.compile(r"\b(?:then|next|afterwards?|after\s+that)\b", re.I)
_CHANGE_UNITS = frozenset("point place spot notch position level rank percent".split())
_SHOT_AND_KILLED = re.compile(
    r"^\s+(?:\w+\s+){0,3}?shot\s+(?:and\s+killed|dead|to\s+death)\b", re.I
)
_ALSO_KILLED = re.compile(r"\b(?:killed|dead|died|fatalit(?:y|ies)|deaths?)\b", re.I)
_FATAL_AMONG = re.compile(r"\b(?:fatally|mortally|including|of (?:them|whom))\b", re.I)


def _shot_topic(text: str, fig: Figure, noun: Token | None) -> str:
    """Whom "shot" counts. "15 people were shot and two were killed" lists two sets: the shot are
    the wounded. "16 were shot, one fatally" counts everyone hit; so does a lone "12 shot"."""
    if _SHOT_AND_KILLED.match(text[fig.end : fig.end + 40]):
        return "killed"
    if _FATAL_AMONG.search(text[fig.end : fig.end + 80]):
        return "shot"
    others = noun is not None and noun.lemma_.lower() in ("other", "others")
    if others or _ALSO_KILLED.search(text):
        return "injured"
    return "shot"


def _same_class_as_before(doc: Doc, noun: Token | None, num: Token) -> Token | None:
    """ "killed five officers and injured seven others": the others are officers too. "Others"
    counts more of the class the sentence counted last."""
    if noun is None or noun.lemma_.lower() not in ("other", "others"):
        return noun
    for t in reversed(doc[: num.i]):
        if t.like_num and t.head.pos_ == "NOUN" and t.head.i > t.i:
            lemma = t.head.lemma_.lower()
            if lemma not in GENERIC_NOUNS and lemma not in TOPIC_LEMMAS:
                return t.head
    return noun


def _counted_class(noun: Token | None, num: Token, lead: str) -> str:
    """The counted noun's lemma, "people" for generic ones ("others", "persons", none named)."""
    if num.lower_ == "no" and num.i + 1 < len(num.doc):
        noun = num.nbor(1)  # "no children were hurt"
    if noun is None or noun is num or noun.pos_ not in ("NOUN", "PROPN"):
        return "people"
    lemma = noun.lemma_.lower()
    if noun.tag_ in ("NNS", "NNPS") and lemma == noun.lower_:
        lemma = singular(lemma)  # the small model leaves some plurals as they are: "rifles"
    if lemma in GENERIC_NOUNS or lemma in TOPIC_LEMMAS or noun.ent_type_ == "NORP":
        return "people"  # "40 Palestinians killed" counts people as "40 people killed" does
    # "two El Centro officers", "one DART officer": a named part of the whole, unless the name
    # is the story's own (its headline and lead say "Dallas", so "five Dallas officers" is all)
    named = [
        " ".join(t.text for t in c.subtree)
        for c in noun.children
        if c.dep_ in ("compound", "amod")
        and c.pos_ == "PROPN"
        and c.ent_type_ not in ("GPE", "NORP", "LOC")  # a place is where, not which part
    ]
    named = [n for n in named if not _story_own(n, lemma, lead)]
    return f"{lemma} ({' '.join(named)})" if named else lemma


def _story_own(name: str, noun: str, lead: str) -> bool:
    """Whether a name on a counted noun is the story's own ("five Dallas officers" in a story
    whose lead is about Dallas) rather than a part: the lead names it other than as this part
    ("Two El Centro officers also wounded" names a part, even in the headline)."""
    for m in re.finditer(re.escape(name), lead, re.I):
        follows = lead[m.end() : m.end() + 40].lower().split()[:3]
        if not any(w.startswith(noun[:4]) for w in follows):
            return True
    return False


_PRONOUN_ONE_BEFORE = {
    "the",
    "each",
    "same",
    "this",
    "that",
    "any",
    "every",
    "another",
    "which",
    "a",
    "no",
    "new",
    "other",
    "last",
    "big",
}


def _pronoun_one(doc: Doc, num: Token, fig: Figure) -> bool:
    """ "the same one", "each one they lose", "get their hands on one": "one" as a pronoun."""
    if not (fig.spelled and fig.value == 1 and fig.qualifier == "exact" and num.lower_ == "one"):
        return False
    if num.i > 0 and doc[num.i - 1].lower_ in _PRONOUN_ONE_BEFORE:
        return True
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in num.children):
        return False  # "one of the victims" counts one
    if num.head is not num and num.dep_ in ("nummod", "quantmod"):
        return False  # "one person"
    nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in TOPIC_AFTER:
        return False  # "one dead"
    verb = describe.governing_verb(num)
    return verb is None or verb.lemma_.lower() not in TOPIC_LEMMAS


_FRACTION_WORD = re.compile(
    r"^(?:a|one)\s+(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$", re.I
)


def _ordinal_fraction(doc: Doc, num: Token, fig: Figure) -> bool:
    """ "a third" is a fraction only of something: "a third of the victims". Alone or before a
    noun it is an ordinal: "wounded a third", "a third gunman"."""
    if not _FRACTION_WORD.match(doc.text[fig.number_start : fig.number_end]):
        return False
    return not re.match(r"^\s*(?:of\b|%|percent)", doc.text[fig.number_end :], re.I)


_STREET = re.compile(
    r"^(?:\s+[A-Z][\w.']*){1,3}\s+(?:St|Street|Rd|Road|Ave|Avenue|Blvd|Boulevard|"
    r"Way|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Highway|Hwy|Parkway|Terrace)\b"
)


def _is_headline(doc: Doc) -> bool:
    words = [t for t in doc if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) / len(words) > 0.6


def _is_label(doc: Doc, num: Token, fig: Figure) -> bool:
    """A number that is part of a name or an address, not an amount: "Section 427", "Game 2",
    "S&P 500", "iPhone 14 Pro", "1304 Franklin Avenue"."""
    if _STREET.match(doc.text[fig.number_end :]):
        return True  # "1304 Franklin Avenue", "16-18 Industrial Avenue"
    if (
        doc.text[fig.number_start - 1 : fig.number_start] == "["
        and doc.text[fig.number_end : fig.number_end + 1] == "]"
    ):
        return True  # "[6]": a reference marker
    if re.search(r"[A-Za-z]-$", doc.text[max(0, fig.number_start - 2) : fig.number_start]):
        return True  # "AK-47", "F-16", "M-16": a model's name
    if re.match(
        r"^[\s-]*(?:caliber|calibre|mm\s+(?:handgun|pistol|rifle))\b",
        doc.text[fig.number_end :],
        re.I,
    ):
        return True  # ".357 caliber", "9mm pistol": a gun's name, not an amount
    if fig.spelled or fig.qualifier != "exact" or fig.currency or fig.trend:
        return False
    nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
    if nxt is not None and nxt.tag_ == "NNP" and num.head is nxt and fig.value >= 100:
        return True  # "737 Max", "787 Dreamliner", "90049 ZIP Code": a model or a code
    if (
        num.i >= 2
        and doc[num.i - 1].text == "("
        and nxt is not None
        and nxt.text == ")"
        and doc[num.i - 2].ent_type_ == "PERSON"
    ):
        return True  # "Dak Prescott (4)": a shirt number
    if num.i == 0 or _is_headline(doc):
        return False  # title case ("Quake Kills 12") makes every word look like a name
    after = doc.text[fig.number_end :]
    if after[:1].isalpha() or _PERCENT.match(after) or _unit(after) is not None:
        return False  # "Lamborghini's 640bhp", "Sunday 5.5%", "Energy's 550 megawatt": measures
    prev = doc[num.i - 1]
    named = prev.pos_ == "PROPN" or (
        prev.text[:1].isupper()
        and prev.i > prev.sent.start
        and prev.pos_ in ("NOUN", "ADJ", "PROPN")
    )
    if not named or (
        prev.ent_type_ in ("PERSON", "GPE", "NORP") and num.dep_ == "nummod" and num.head.i > num.i
    ):
        return False  # "U.S. 2,000 troops" counts troops
    # "Stoxx 600 index" is a name; "Acme 300 workers" counts workers
    return not (nxt is not None and nxt.tag_ == "NNS" and nxt.text.islower())


def _told_for_comparison(doc: Doc, fig: Figure, lead: str) -> bool:
    """A figure in a clause that recalls another event, not the story's own. `lead` is what the
    article said before this sentence, as far as its lead goes."""
    before = doc.text[: fig.start]
    if _COMPARISON.search(before):
        return True
    if _COMPARISON_CLAUSE.search(_CLAUSE_BREAK.split(before)[-1]):
        return True
    m = _AFTER_ANOTHER.search(before)
    if m is not None:
        known = lead + before[: m.start()]
        after = m.end()
    elif lead.strip() and _ANOTHER_TIME.search(doc.text):
        known, after = lead, 0  # the lead says where the story is; a headline cannot be "another"
    else:
        return False
    places = [
        e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC") and e.start_char >= after
    ]
    return any(p not in known for p in places)


def _other_year(text: str, fig: Figure, anchor_year: int | None) -> bool:
    """A year other than the story's own in the same clause marks an event told for comparison."""
    window = text[max(0, fig.start - 60) : fig.end + 60]
    years = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", window)]
    if anchor_year is None:
        # a story with no dated frame names its own event by weekday; a year recalls another
        return bool(years)
    return any(y < anchor_year for y in years)


def _is_name_comma_age(doc: Doc, num: Token, fig: Figure) -> bool:
    """ "Cheron Shelton, 29, and…": a person's name, a comma, a small number, a comma or end."""
    if fig.qualifier != "exact" or fig.spelled or not 0 < fig.value < 120:
        return False
    i = num.i
    if i < 2 or doc[i - 1].text != ",":
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and after.text not in (",", ".", ";", ")", "and", "—", "-"):
        return False
    prev = doc[i - 2]
    if prev.ent_type_ == "PERSON" or (
        num.dep_ == "appos" and num.head.i == prev.i and prev.pos_ == "PROPN"
    ):
        return True  # "Cornell Beckley, 27," even when the model takes Beckley for a town
    if prev.pos_ != "PROPN" or not prev.text[:1].isupper():
        return False
    if prev.ent_type_ in ("GPE", "LOC", "DATE", "FAC", "NORP", "EVENT"):
        return False  # "Paris, 13," is not an age
    # a lone capitalised word that is not an organisation, or a run of them ("Greenhouse Jr.")
    return prev.ent_type_ != "ORG" or doc[i - 3].pos_ == "PROPN"


def _age_person(doc: Doc, num: Token, pattern: str, last: Token | None = None) -> str | None:
    """The person an age belongs to, by how the age is written.

    "27-year-old Robert Thomas" names the person after; "Cheron Shelton, 29," and
    "Abaaoud, the 27-year-old Belgian" the person before; "aged 27" the nearest before, then after.
    """
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    tail = last if last is not None else num
    after = [
        e
        for e in people
        if 0 < e.start - tail.i <= 4 and not any(t.text in ",;" for t in doc[tail.i + 1 : e.start])
    ]
    before = [
        e
        for e in people
        if 0 <= num.i - e.end <= 4
        and all(
            t.text in ",("
            or t.lower_ in ("the", "a", "an")
            or t.i == num.i
            or t.dep_ in ("nummod", "punct")
            for t in doc[e.end : num.i]
        )
    ]
    if pattern == "apposition":
        return before[-1].text if before else _proper_name_before(doc, num.i)
    if pattern == "prenominal":
        described = tail.head if tail.head.pos_ == "NOUN" and tail.head is not tail else None
        named = [
            e
            for e in people
            if described is not None
            and any(c.dep_ == "appos" and e.start <= c.i < e.end for c in described.children)
        ]
        if named:
            return named[0].text  # "his 24-year-old brother, Christopher"
        if after:
            return after[0].text
        if before:
            return before[-1].text
        name = _proper_name_before(doc, num.i)
        if name:
            return name
        noun = tail.head if tail.head.pos_ in ("NOUN", "PROPN") and tail.head is not tail else None
        if noun is not None:
            return f"the {noun.text}"
        copula = tail if tail.lemma_ == "be" else tail.head
        if copula.lemma_ == "be":  # "the shooter was a 58-year-old"
            subj = next((c for c in copula.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                named = [e for e in people if e.start <= subj.i < e.end]
                return named[0].text if named else f"the {subj.text}"
        return None
    near = [e for e in people if 0 <= num.i - e.end <= 8] or [
        e for e in people if 0 < e.start - num.i <= 4
    ]
    return near[-1].text if near else None


def _described_by_in(doc: Doc, num: Token) -> str | None:
    """The person "in her 50s" describes: "an unidentified woman in her 50s"."""
    prep = next((t for t in num.ancestors if t.dep_ == "prep" and t.lower_ == "in"), None)
    if prep is None or prep.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = prep.head
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.start <= noun.i < e.end]
    if people:
        return people[0].text
    words = [t.text for t in noun.lefts if t.dep_ in ("amod", "compound")] + [noun.text]
    return "the " + " ".join(words)


def _proper_name_before(doc: Doc, i: int) -> str | None:
    """A capitalised name ending just before token i, across ", the" or ", a": "Strawder, an 18"."""
    j = i - 1
    while j >= 0 and (doc[j].text in (",", "(") or doc[j].lower_ in ("the", "a", "an")):
        j -= 1
    if j == i - 1 or j < 0:
        return None
    end = j + 1
    # a name may carry a nickname in quotes: Wilfred "Lil Wilfred" Celestine
    while j >= 0 and (
        (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()) or doc[j].text in _QUOTES
    ):
        j -= 1
    while j + 1 < end and doc[j + 1].text in _QUOTES:
        j += 1
    if end - (j + 1) < 1 or (end - (j + 1) == 1 and doc[j + 1].ent_type_ not in ("PERSON", "")):
        return None
    return doc[j + 1 : end].text if end > j + 1 else None


_QUOTES = frozenset('"“”')


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


def _unit(after: str) -> tuple[str, str, int] | None:
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
    unit = num.head if num.head is not num else None
    if unit is None:
        return None
    if unit.dep_ == "pobj" and unit.head.dep_ == "prep" and unit.head.head.pos_ == "NOUN":
        return unit.head.head.lemma_.lower()
    if unit.head.pos_ == "NOUN" and unit.dep_ in ("compound", "amod", "nmod"):
        return unit.head.lemma_.lower()
    return None


def _noun_lemma(num: Token) -> str | None:
    head = num.head
    if (
        head is not num
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
                if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                    return obj.lemma_.lower()
    verb = describe.governing_verb(sign)
    if verb is not None:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return subj.lemma_.lower()
    return "percent"


def _counted_noun(doc: Doc, num: Token) -> Token | None:
    """The noun a figure counts: "129 people", "dozens of people", "Sixteen were killed"."""
    head = num.head
    # "six AK-47 rifles": a name between the figure and its noun can mislead the parse
    right = None
    for t in doc[num.i + 1 : num.i + 5]:
        if t.tag_ == "NNS":
            right = t
            break
        if not (t.pos_ in ("PROPN", "NUM", "PUNCT") or t.dep_ in ("compound", "amod")):
            break
    if num.dep_ in ("nummod", "quantmod", "amod", "compound") and head.pos_ in ("NOUN", "PROPN"):
        return right if head.pos_ == "PROPN" and right is not None else head
    for child in num.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if right is not None and num.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return right
    if num.pos_ in ("NOUN", "NUM", "PRON") and num.dep_ in (
        "nsubj",
        "nsubjpass",
        "dobj",
        "pobj",
        "attr",
        "appos",
        "conj",
        "ROOT",
    ):
        return num
    return None


def _topic(doc: Doc, num: Token, fig: Figure) -> tuple[str, Token | None]:
    """(topic, counted noun) for a count."""
    # 1. a participle right after the figure: "350 injured", "five people killed"
    filler: Token | None = None
    for t in doc[num.i + 1 : num.i + 8]:
        if t.lower_ in TOPIC_AFTER:
            return TOPIC_AFTER[t.lower_], filler  # "three others dead": others is counted
        listed = t.text in (",", "and") and t.i + 1 < len(doc) and doc[t.i + 1].like_num
        if t.lower_ in FILLERS or t.lower_ == "of" or listed or t.like_num:
            if t.pos_ == "NOUN" and filler is None:
                filler = t
            continue  # "10 women, 7 men wounded": a list shares its participle
        if t.tag_ == "NNS" and filler is None:
            filler = t  # "two teenagers dead", "dozens of people dead"
            continue
        break
    noun = _counted_noun(doc, num)
    if noun is not None and noun is not num and noun.lemma_.lower() in PERPETRATOR_NOUNS:
        return noun.lemma_.lower(), noun  # "more than one shooter hurt 15 people" counts shooters
    if fig.zero_word and num.lower_ == "no" and num.i + 1 < len(doc):
        noun = num.nbor(1)  # "no injuries", "no children"
        if noun.lemma_.lower() in TOPIC_LEMMAS:
            return _special(noun, TOPIC_LEMMAS[noun.lemma_.lower()]), noun  # "no shots"
    if (noun is None or noun is num) and fig.spelled and fig.value == 1 and not fig.zero_word:
        return "number", None  # a bare "one" is most often a pronoun: "one with windows shot out"
    if noun is not None and noun is not num:
        lemma = noun.lemma_.lower()
        if lemma in TOPIC_LEMMAS:
            return _special(noun, TOPIC_LEMMAS[lemma]), noun
    # 2. the verb that governs the counted noun (or the figure itself)
    token = noun or num
    verb = describe.governing_verb(token)
    if verb is not None:
        lemma = verb.lemma_.lower()
        if lemma in ("fire",) and noun is not None and noun.lemma_ in ("shot", "round", "bullet"):
            return "shots fired", noun
        if lemma in TOPIC_LEMMAS:
            topic = TOPIC_LEMMAS[lemma]
            if topic in ("shot", "injured") and _fatal(verb):
                topic = "killed"
            if noun is not None and noun.lemma_.lower() == "time":
                return f"times {topic}", noun
            return topic, noun
        if lemma in VERB_TOPICS:
            return VERB_TOPICS[lemma], noun  # "350 people were sheltering"
        if lemma in PERSON_VERB_TOPICS and _counts_people(noun):
            return PERSON_VERB_TOPICS[lemma], noun  # "nabbed 26 pirates"; "nabbed six rifles" not
        for child in verb.children:
            if child.dep_ == "prep":
                where = next((g for g in child.children if g.dep_ == "pobj"), None)
                if where is not None and where.lemma_.lower() in ("custody", "detention"):
                    return "arrested", noun  # "taken three people into custody"
            if (
                child.dep_ == "xcomp"
                and token.dep_ in ("nsubj", "nsubjpass")
                and child.lemma_.lower() in TOPIC_LEMMAS
            ):
                return TOPIC_LEMMAS[child.lemma_.lower()], noun  # "believed to have been arrested"
        if lemma in LIGHT_VERBS:
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.lemma_.lower() in LIGHT_VERB_OBJECTS:
                return LIGHT_VERB_OBJECTS[obj.lemma_.lower()], noun  # "taking shelter"
        # "the death toll rose to 24", "the toll stood at 129"
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lemma_.lower() == "toll":
            kind = [c.lemma_.lower() for c in subj.children if c.dep_ in ("compound", "amod")]
            return ("injured" if "injury" in kind else "killed"), noun
    copular = _copular_topic(noun or num)
    if copular is not None:
        return copular, noun  # "the fatality is only one person"
    if noun is not None and noun is not num:
        described = _described_topic(noun)
        if described is not None:
            return described, noun  # "over 14,000 people taking shelter in tents"
        return NOUN_TOPICS.get(noun.lemma_.lower(), noun.lemma_.lower()), noun
    if num.dep_ in ("attr",) and num.head.lemma_ == "be":
        subj = next((c for c in num.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_.lower() == "toll":
            return "killed", None
    toll = _TOLL_BEFORE.search(doc.text[max(0, fig.start - 40) : fig.start])
    if toll is not None:  # headline idiom without a verb: "Death toll up to 30", "Toll at 12"
        return ("injured" if toll.group(1) and "injur" in toll.group(1).lower() else "killed"), noun
    return "number", noun


def _counts_people(noun: Token | None) -> bool:
    """Whether a counted noun names people: "pirates", "protesters", "people"."""
    if noun is None:
        return False
    lemma = noun.lemma_.lower()
    return (
        lemma in GENERIC_NOUNS
        or lemma in PERSON_NOUNS
        or lemma in ROLE_NOUNS
        or lemma in DEMOGRAPHIC_NOUNS
        or noun.ent_type_ == "NORP"
    )


def _described_topic(noun: Token) -> str | None:
    """A topic told by a clause on the counted noun: "people taking shelter", "people who fled"."""
    for verb in noun.children:
        if verb.dep_ not in ("acl", "relcl") or verb.pos_ != "VERB":
            continue
        lemma = verb.lemma_.lower()
        if lemma in TOPIC_LEMMAS:
            return TOPIC_LEMMAS[lemma]
        if lemma in VERB_TOPICS:
            return VERB_TOPICS[lemma]
        if lemma in LIGHT_VERBS:
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.lemma_.lower() in LIGHT_VERB_OBJECTS:
                return LIGHT_VERB_OBJECTS[obj.lemma_.lower()]
    return None


def _copular_topic(token: Token) -> str | None:
    """ "The death toll is 12", "the fatality is only one person": what the subject of a copula
    names (or names through "of": "the number of the dead is") is what the figure counts."""
    if token.dep_ != "attr" or token.head.lemma_ != "be":
        return None
    subj = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    words = [subj] + [
        g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    for w in words:
        lemma = w.lemma_.lower()
        if lemma in TOPIC_LEMMAS and lemma not in ("body", "life", "victim", "charge"):
            return TOPIC_LEMMAS[lemma]
        if lemma == "toll":
            kind = [c.lemma_.lower() for c in w.children if c.dep_ in ("compound", "amod")]
            return "injured" if "injury" in kind else "killed"
    return None


# Matched on the word as written too: the small model lemmatises "hoped" as "hop".
_INTENT = re.compile(
    r"^(?:plan|hop(?:e|ed|es|ing)$|want|intend|threat|tr(?:y|ied|ies)|aim|"
    r"attempt|seek|sought|vow|mean|expect|fear)",
    re.I,
)


def _intended(token: Token) -> bool:
    """The figure is what someone meant, feared or could have done, not what happened."""
    verb = describe.governing_verb(token)
    if verb is None:
        return False
    if any(
        c.dep_ == "aux" and c.lower_ in ("could", "would", "might", "may") for c in verb.children
    ):
        return True
    return verb.dep_ == "xcomp" and bool(_INTENT.match(verb.head.lower_))


def _fatal(verb: Token) -> bool:
    """ "shot to death", "shot dead", "fatally wounded": the shot or wounded died."""
    for child in verb.children:
        if child.lower_ in ("fatally", "mortally", "dead"):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and any(g.lower_ == "death" for g in child.children)
        ):
            return True
    return False


def _special(noun: Token, topic: str) -> str:
    """ "death toll" is killed, "injury toll" injured; a "shot" noun counts shots, not people."""
    lemma = noun.lemma_.lower()
    if topic == "shot" and lemma in ("shot", "gunshot"):
        return "shots fired"
    if topic == "charged" and lemma == "charge":
        return "charges"  # "one charge of assault" counts charges, not people charged
    return topic


def _event_subject(doc: Doc, token: Token) -> str | None:
    """The event a toll belongs to, as written: "the attacks in Paris", "a cookout ambush"."""
    verb = describe.governing_verb(token)
    if verb is None:
        return None
    event: Token | None = None
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        event = verb.head
    else:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if (
            subj is not None
            and subj.pos_ in ("NOUN", "PROPN")
            and subj.ent_type_ != "PERSON"
            and subj is not token
        ):
            event = subj
        else:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            objs = [g for c in ([agent] if agent else []) for g in c.children if g.dep_ == "pobj"]
            prep_in = [
                g
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in ("in", "during")
                for g in c.children
                if g.dep_ == "pobj" and g.ent_type_ not in ("GPE", "DATE")
            ]
            if objs:
                event = objs[0]
            elif prep_in:
                event = prep_in[0]
    if event is None or event.pos_ == "PRON" or event.lemma_.lower() not in EVENT_NOUNS:
        return None
    # the noun with what stands before it ("last week's terror attacks"), and a place after it
    # when one is named ("in Paris"); longer tails read badly in a label
    modifiers = [t for t in event.lefts if t.dep_ in ("det", "amod", "compound", "poss", "nmod")]
    start = min((t.left_edge.i for t in modifiers), default=event.i)
    end = event.i
    for child in event.rights:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "on", "near", "outside"):
            place = next((g for g in child.children if g.dep_ == "pobj"), None)
            if place is not None and place.ent_type_ in ("GPE", "FAC", "LOC"):
                end = min(place.right_edge.i, place.i + 2)
        break
    return doc[max(start, event.i - 5) : end + 1].text
