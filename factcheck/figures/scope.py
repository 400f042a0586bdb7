"""Which occurrence a count is: a part of the toll, a running total, an update, a toll that
includes the perpetrator, what someone meant to do, or another event told for comparison."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from factcheck import describe
from factcheck.describe import text_of
from factcheck.figures.labels import is_headline
from factcheck.numbers import Interval
from factcheck.vocab import (
    CHANGE_VERBS,
    EVENT_NOUNS,
    TENS,
    TOPIC_AFTER,
    TOPIC_AFTER_PATTERN,
    UNITS,
    VAGUE,
    YEAR,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from factcheck.numbers import Figure

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
# "a month after a massacre in Easton, where a gunman killed 31", "the deadliest since…".
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
# "a month after a gunman killed five people in Easton": another event when the place it
# names is not the story's own (not in its headline and lead).
_AFTER_ANOTHER = re.compile(
    r"\b(?:days?|weeks?|fortnight|months?|years?|decades?)\s+(?:after|before)\b", re.I
)
# "in recent days", "earlier this month": a time other than the story's own, which with a place
# other than the story's own makes another incident
_ANOTHER_TIME = re.compile(
    r"\b(?:in\s+recent\s+(?:days|weeks|months)|earlier\s+(?:this|that|in\s+the)\s+"
    r"(?:week|month|year))\b",
    re.I,
)
_EARLIER = {"prior", "previous", "earlier", "past", "former"}
_WITH_PERPETRATOR = re.compile(
    r"\b(?:including|includ(?:es|ing)|counting|among them)\s+(?:the\s+)?(?:alleged\s+|suspected\s+)?"
    r"(?:gunman|shooter|attacker|assailant|bomber|suspect|killer)\b",
    re.I,
)
_PERPETRATOR_AMONG = re.compile(
    r"\b(?:one|1)\s+of\s+(?:them|the\s+dead|those\s+killed|the\s+\w+\s+dead)\W+"
    r"(?:(?:was|is|being)\s+)?(?:the\s+)?(?:alleged\s+|suspected\s+)?"
    r"(?:gunman|shooter|attacker|assailant|bomber|suspect|killer)\b",
    re.I,
)
_PART_OF = re.compile(
    r"^\s+(?:of|from|among)\s+(?:the|them|whom|those|these|his|her|its|their|our|us|\d|(?:"
    # "one of two civilians": the number after "of" is the whole
    + "|".join(w for w in (*UNITS, *TENS) if w not in ("zero", "one"))
    + r")\b)",
    re.I,
)
# A headline drops the article: "one of victims", "two of officers" are parts as "one of the
# victims" is; "dozens of victims" is an amount, not a part.
_PART_OF_PLURAL = re.compile(r"^\s+(?:of|among)\s+[a-z]+s\b", re.I)
_AMOUNT_NOUNS = frozenset(w for w in VAGUE if " " not in w and w.endswith("s"))
_TOLL_UP_TO = re.compile(r"\b(?:tolls?|total|count)\s+(?:\w+\s+){0,2}$", re.I)
# "X was badly wounded": one person said to be in a toll, so that "two others" are besides them
_ONE_WAS = re.compile(
    r"\b(?:was|is|has\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    rf"({TOPIC_AFTER_PATTERN})\b",
    re.I,
)
# A step of a narrated sequence: what happened then is a part of the event, not its total.
_STEP = re.compile(r"\b(?:then|next|afterwards?|after\s+that)\b", re.I)


def _told_for_comparison(doc: Doc, fig: Figure, lead: str) -> bool:
    """A figure in a clause that recalls another event, not the story's own. `lead` is what the
    article said before this sentence, as far as its lead goes."""
    before = text_of(doc)[: fig.start]
    if _COMPARISON.search(before):
        return True
    if _COMPARISON_CLAUSE.search(_CLAUSE_BREAK.split(before)[-1]):
        return True
    m = _AFTER_ANOTHER.search(before)
    if m is not None:
        known = lead + before[: m.start()]
        after = m.end()
    elif lead.strip() and _ANOTHER_TIME.search(text_of(doc)):
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


def event_subject(doc: Doc, token: Token) -> str | None:
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
            and subj != token
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


def headline_toll(doc: Doc, fig: Figure, lead: str) -> Figure:
    """A headline's "Toll up to 30" says the count rose to 30, not "at most 30"; a body's "the
    toll could rise up to 30" keeps its hedge."""
    if (
        fig.qualifier == "up_to"
        and _TOLL_UP_TO.search(text_of(doc)[: fig.start])
        and (not lead.strip() or is_headline(doc))
    ):
        return replace(fig, qualifier="exact", interval=Interval(fig.value, fig.value))
    return fig


def notes(
    doc: Doc,
    num: Token,
    fig: Figure,
    noun: Token | None,
    topic: str,
    subject: str | None,
    anchor_year: int | None,
    lead: str,
    following: str,
) -> tuple[str, ...]:
    """Which occurrence a count is: part, total, update, another event, with the perpetrator,
    intent. `subject` is the event the count belongs to (`event_subject`)."""
    text = text_of(doc)
    found = []
    if noun is not None and any(c.lower_ in _EARLIER for c in noun.children if c.dep_ == "amod"):
        found.append("other_event")  # "four prior arrests"
    if _intended(noun or num):
        found.append("intent")  # "planned to kill hundreds": not a toll
    if (
        noun is not None
        and noun.lemma_.lower() in ("other", "others")
        and noun.dep_ == "conj"
        and not any(c.dep_ == "nummod" for c in noun.head.children)
    ):
        found.append("part")  # "left them and three others dead": the rest, not the toll
    if (
        noun is not None
        and noun.lemma_.lower() in ("other", "others")
        and topic in TOPIC_AFTER.values()
        and any(TOPIC_AFTER[m.group(1).lower()] == topic for m in _ONE_WAS.finditer(lead))
    ):
        # "Ray Dunn was badly wounded … Two others were wounded": the others are besides him,
        # so the count is part of the wounded, not all of them
        found.append("part")
    if _PART_OF.match(text[fig.end :]):
        found.append("part")  # "one of the five victims", "two of whom", "5 of 15"
    elif (
        _PART_OF_PLURAL.match(text[fig.end :])
        and text[fig.start : fig.end].split()[-1].lower() not in _AMOUNT_NOUNS
    ):
        found.append("part")
    if _STEP.search(text[: fig.start]):
        found.append("part")  # "went inside and fired 70 rounds": one step of the story
    verb = describe.governing_verb(noun or num)
    if verb is not None and any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children):
        found.append("part")  # "two Harbor officers also wounded": in addition to the toll
    if (
        topic == "killed"
        and "toll" in text.lower()
        and (CHANGE_VERBS.search(text) or _TOLL_UP_TO.search(text[: fig.start]))
    ):
        found.append("update")
    if _TOTAL.search(text[max(0, fig.start - 40) : fig.end + 40]):
        found.append("total")
    if topic == "killed" and (
        _WITH_PERPETRATOR.search(text[fig.end : fig.end + 80])
        or _PERPETRATOR_AMONG.search(text[fig.end : fig.end + 120])
        or _PERPETRATOR_AMONG.search(following)
    ):
        # "five deaths, including the alleged gunman"; "Three are dead. One of them was the
        # shooter": the toll counts the attacker, read from the next sentence as well
        found.append("with_perpetrator")
    if (
        (subject and (_OTHER_EVENT.search(subject) or YEAR.search(subject)))
        or _other_year(text, fig, anchor_year)
        or _told_for_comparison(doc, fig, lead)
    ):
        found.append("other_event")
    return tuple(dict.fromkeys(found))
