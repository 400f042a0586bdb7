"""What a figure measures, read off the parse: the predicate, the modifiers of what is counted,
which occurrence of an event it belongs to, the day, and what a duration is the length of.

These are the fields alignment scores pairs of claims on; each reads only the figure's own
clause, so a word elsewhere in a long sentence cannot change what a figure is about.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.vocab import (
    CROWD_NOUNS,
    DEGREE_WORDS,
    EVENT_NOUNS,
    LIGHT_VERBS,
    NEUTRAL_MODIFIERS,
    ORDINAL_WORDS,
    SPEECH_VERBS,
    TIME_UNITS,
    TOPIC_LEMMAS,
    WEEKDAYS,
    canonical_event,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_TEXT = "factcheck.text"


def text_of(doc: Doc) -> str:
    """The parsed piece's text, joined once: spaCy rebuilds `doc.text` from its tokens on every
    call, and reading a figure asks for it some twenty times."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


_CLIMB = frozenset(
    "pobj prep conj appos compound amod nummod quantmod npadvmod attr nsubj nsubjpass dobj cc".split()
)


def governing_verb(token: Token) -> Token | None:
    """Climb from the counted noun to the verb (or topic adjective) whose argument it is."""
    t = token
    for _ in range(5):
        if t.dep_ == "ROOT" and t.pos_ not in ("VERB", "ADJ", "AUX"):
            return None
        head = t.head
        if head == t:
            return None
        if head.pos_ == "VERB" or (head.pos_ == "ADJ" and head.lemma_.lower() in TOPIC_LEMMAS):
            return head
        if t.dep_ not in _CLIMB:
            return None
        t = head
    return None


# Verbs that say nothing of what happened to what is counted: "including 8 bridges".
_EMPTY_VERBS = frozenset(
    "be have say report tell include number total reach put estimate remain leave".split()
)


def predicate(token: Token) -> str | None:
    """What happened to what is counted: "drop" for "four bombs were dropped", "shelter" for
    "taking shelter" (a light verb names its object), None for "is" and "has"."""
    verb = _predicate_verb(token)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma in LIGHT_VERBS:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c != token), None)
        if obj is not None and obj.pos_ == "NOUN":
            return obj.lemma_.lower()
    if lemma in _EMPTY_VERBS:
        return None
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{lemma}-{particle}" if particle else lemma  # "set off" is not "set"


def _predicate_verb(token: Token) -> Token | None:
    verb = governing_verb(token)
    own = next((c for c in token.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
    if own is not None and (verb is None or token.dep_ == "pobj"):
        verb = own  # "soon after 200 people set off": the noun's own clause says what they did
    return verb


_RELATIVE = frozenset("who that which".split())


def acts(token: Token) -> bool:
    """Whether what is counted did what the predicate says, its subject in the active voice:
    "three groups began the attack", "200 people who packed the hall"; not "four bombs were
    dropped", "police arrested 46 people" or "people taken to hospital"."""
    verb = _predicate_verb(token)
    if verb is None or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    if verb.dep_ in ("relcl", "acl") and verb.head == token:
        # the noun's own clause: its subject is the relative pronoun standing for the noun
        return any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in verb.children)
    t = token
    while t.head != verb and t.head != t:
        t = t.head
    return t.head == verb and t.dep_ == "nsubj"


def modifiers(noun: Token | None, num: Token) -> tuple[str, ...]:
    """Words that narrow what is counted: "strong" aftershocks, "tank" shells, and how badly
    ("critical" for "critically wounded"), which makes a part of a toll, never the toll."""
    found: set[str] = set()
    if noun is not None and noun != num:
        for child in noun.children:
            if child.dep_ not in ("amod", "compound") or child.i == num.i or child.like_num:
                continue
            if child.pos_ == "PROPN":
                continue  # a name narrows too, but `counted` carries it ("officer (Harbor)")
            if child.tag_ in ("VBG", "VBN") and child.lower_ not in DEGREE_WORDS:
                continue  # "the remaining boats", "an estimated 300 rounds": not a kind of thing
            word = child.lemma_.lower()
            if word in NEUTRAL_MODIFIERS or word in TOPIC_LEMMAS or not word.isalpha():
                continue
            found.add(DEGREE_WORDS.get(word, word))
    verb = governing_verb(noun if noun is not None else num)
    if verb is not None:
        for child in verb.children:
            if child.dep_ in ("advmod", "acomp") and child.lower_ in DEGREE_WORDS:
                found.add(DEGREE_WORDS[child.lower_])
    return tuple(sorted(found))


_ORDINAL_EVENT = re.compile(
    r"\b(" + "|".join(ORDINAL_WORDS) + r")\s+(?:[a-z-]+\s+)?(" + "|".join(EVENT_NOUNS) + r")s?\b",
    re.I,
)


def occurrence(doc: Doc, num: Token, start: int) -> int | None:
    """Which of several events of a kind a figure belongs to: "The first quake, magnitude 7.6"
    is 0; the second of "two quakes, measuring 7.6 and 7.4" is 1. None when the text does not say."""
    if num.dep_ == "conj" and num.head.like_num and num.head.i < num.i:
        chain = 1
        head = num.head
        while head.dep_ == "conj" and head.head.like_num and head.head.i < head.i:
            chain += 1
            head = head.head
        return chain
    if any(c.dep_ == "conj" and c.like_num for c in num.children):
        return 0
    # the nearest ordinal event before the figure, within its own clause
    clause = re.split(r"[;:]|\band\b", text_of(doc)[:start])[-1]
    found = list(_ORDINAL_EVENT.finditer(clause))
    if found:
        return ORDINAL_WORDS[found[-1].group(1).lower()]
    return None


def day(text: str, start: int) -> str | None:
    """The weekday a figure's sentence ties it to: the nearest named before the figure ("On
    Monday a group of about 90"), else one right after it ("31 were arrested Friday night").
    A weekday further on belongs to another clause ("…, where he was shot Saturday"), and one
    that dates a statement ("the governor said Thursday that seven were killed") is when it was
    said, not when what it tells happened."""
    days = [
        (m.start(), m.group().lower())
        for m in _WEEKDAY.finditer(text)
        if not _SAID_ON.search(text, max(0, m.start() - _SAID_REACH), m.start())
    ]
    before = [w for at, w in days if at < start]
    if before:
        return before[-1]
    after = [w for at, w in days if start <= at <= start + _DAY_REACH]
    return after[0] if after else None


_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", re.I)
_DAY_REACH = 40  # characters after a figure where its own clause still names its day
# a weekday that dates a statement: "said Thursday", "told reporters on Friday"
_SAID_ON = re.compile(
    r"\b(?:" + "|".join(sorted(SPEECH_VERBS)) + r")(?:\s+(?:reporters|journalists))?"
    r"(?:\s+in\s+a\s+statement)?\s+(?:on\s+|late\s+|early\s+)?$",
    re.I,
)
_SAID_REACH = 40  # characters before a weekday read for the statement it dates


def duration_of(num: Token) -> str | None:
    """What a duration is the length of: "a 15-minute rampage" and "the spree lasted 10 minutes"
    are both the rampage; "a standoff that lasted five hours" the standoff."""
    doc = num.doc
    unit = next((t for t in doc[num.i + 1 : num.i + 4] if t.lower_ in TIME_UNITS), None)
    if unit is None:
        return None
    head = unit.head
    served = _service_of(unit)
    if served is not None:
        return served
    if unit.dep_ in ("compound", "amod", "nmod", "npadvmod") and head.pos_ == "NOUN":
        return canonical_event(_event_word(head))
    if head.pos_ == "VERB" and head.lemma_.lower() in ("last", "go", "continue", "run", "take"):
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ == "NOUN":
            return canonical_event(_event_word(subj))
        if head.dep_ == "relcl" and head.head.pos_ == "NOUN":
            return canonical_event(_event_word(head.head))
    return None


_SERVICE_NOUNS = frozenset("veteran career tenure service".split())
_SERVICE_VERBS = frozenset("work serve".split())


def _service_of(unit: Token) -> str | None:
    """A person's length of service, whoever says it: "Ames, who had worked for the department
    for nine years" and "Ames, an eight-year department veteran" are both "service of ames"."""
    head = unit.head
    person: Token | None = None
    if head.lemma_.lower() in _SERVICE_NOUNS and unit.dep_ in ("compound", "amod", "nmod"):
        if head.dep_ == "appos" and head.head.pos_ == "PROPN":
            person = head.head  # "Ames, an eight-year veteran"
    elif (
        unit.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _SERVICE_VERBS
    ):
        verb = head.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ == "PROPN":
            person = subj  # "Ames worked for the department for nine years"
        elif subj is not None and subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
            person = verb.head if verb.head.pos_ == "PROPN" else None  # "Ames, who had worked"
    if person is None:
        return None
    return f"service of {person.text.lower()}"  # the surname: the head of the name


def _event_word(noun: Token) -> str:
    """ "shooting spree" is a spree; "gun battle" a battle: the head noun names the event."""
    return noun.lemma_.lower()


def crowd(num: Token) -> bool:
    """Whether a figure sizes a gathering: "estimated the crowd at 70", "a crowd of 200", "the 200
    person crowd"."""
    head = num.head
    if num.dep_ == "pobj" and head.lower_ in ("at", "of"):
        owner = head.head
        if owner.lemma_.lower() in CROWD_NOUNS:
            return True
        if owner.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in CROWD_NOUNS for c in owner.children
        ):
            return True
    if head.lemma_.lower() in CROWD_NOUNS and num.dep_ in ("nummod", "amod", "compound"):
        return True
    return (
        head.lemma_.lower() in ("person", "people")
        and head.dep_ in ("compound", "amod", "nmod")
        and head.head.lemma_.lower() in CROWD_NOUNS
    )


_ANAPHORS = frozenset("them which whom these those".split())


def antecedent(pronoun: Token) -> Token | None:
    """What "them" or "which" stands for in "two of them", "of which four": the nearest plural
    noun (or crowd) before it; failing that, a counted plural after it ("two of them escaped
    and the remaining three boats were seized")."""
    if pronoun.lower_ not in _ANAPHORS:
        return None
    doc = pronoun.doc
    for t in reversed(doc[: pronoun.i]):
        if t.pos_ == "NOUN" and (t.tag_ == "NNS" or t.lemma_.lower() in CROWD_NOUNS):
            return t
    for t in doc[pronoun.i + 1 :]:
        if t.tag_ == "NNS" and any(c.like_num for c in t.children):
            return t
    return None
