"""Counts: what a figure counts (its topic and counted noun) read from the parse of its sentence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck import describe
from factcheck.describe import text_of
from factcheck.figures import scope
from factcheck.figures.found import Found
from factcheck.vocab import (
    CONDITION_WORDS,
    CROWD_NOUNS,
    DEMOGRAPHIC_NOUNS,
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
    singular,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from factcheck.numbers import Figure

_FATALLY = re.compile(
    r"^\s+(?:\w+\s+){0,3}?(?:fatally|mortally)\s+(?:wounded|injured|hurt|shot)", re.I
)
_TOLL_BEFORE = re.compile(
    r"\b(death|injury|casualty)?\s*tolls?\s+(?:now\s+|rises\s+|climbs\s+|reaches\s+)?"
    r"(?:up\s+)?(?:to|at|of|hits)?\s*$",
    re.I,
)


def _released(noun: Token) -> bool:
    """ "dropped four bombs", "four bombs were dropped": the verb of change acts on the thing
    counted. "Shares dropped 5 points", "down 68 p" stay changes."""
    verb = describe.governing_verb(noun)
    return (
        verb is not None
        and verb.lemma_.lower() in ("drop", "release", "shed", "fire")
        and noun.dep_ in ("dobj", "nsubjpass")
        and noun.head == verb
    )


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
        if t.tag_ == "CD" and t.head.pos_ == "NOUN" and t.head.i > t.i:
            # the nearest count decides; "one man dead and nine others hurt" are people, a
            # kind of person named for one of them says nothing of the others
            lemma = t.head.lemma_.lower()
            if lemma in GENERIC_NOUNS or lemma in TOPIC_LEMMAS or lemma in DEMOGRAPHIC_NOUNS:
                return noun
            return t.head
    return noun


def _counted_class(noun: Token | None, num: Token, lead: str) -> str:
    """The counted noun's lemma, "people" for generic ones ("others", "persons", none named)."""
    if num.lower_ == "no" and num.i + 1 < len(num.doc):
        noun = num.nbor(1)  # "no children were hurt"
    if noun is None or noun == num or noun.pos_ not in ("NOUN", "PROPN"):
        return "people"
    lemma = noun.lemma_.lower()
    if noun.tag_ in ("NNS", "NNPS") and lemma == noun.lower_:
        lemma = singular(lemma)  # the small model leaves some plurals as they are: "rifles"
    if lemma in GENERIC_NOUNS or lemma in TOPIC_LEMMAS or noun.ent_type_ == "NORP":
        return "people"  # "30 Kenyans killed" counts people as "30 people killed" does
    # "two Harbor officers", "one transit officer": a named part of the whole, unless the name
    # is the story's own (its headline and lead say "Easton", so "five Easton officers" is all)
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
    """Whether a name on a counted noun is the story's own ("five Easton officers" in a story
    whose lead is about Easton) rather than a part: the lead names it other than as this part
    ("Two Harbor officers also wounded" names a part, even in the headline)."""
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
    if num.head != num and num.dep_ in ("nummod", "quantmod"):
        return False  # "one person"
    nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in TOPIC_AFTER:
        return False  # "one dead"
    verb = describe.governing_verb(num)
    return verb is None or verb.lemma_.lower() not in TOPIC_LEMMAS


def _across_a_break(doc: Doc, a: Token, b: Token) -> bool:
    """Whether a dash or a bar with space on both sides stands between two tokens: a title's
    break ("… wounded 9 - WXYZ-TV"), across which no noun is counted."""
    lo, hi = sorted((a.i, b.i))
    return any(
        t.text in ("-", "–", "—", "|") and t.whitespace_ and doc[t.i - 1].whitespace_
        for t in doc[lo + 1 : hi]
    )


def _counted_noun(doc: Doc, num: Token) -> Token | None:
    """The noun a figure counts: "129 people", "dozens of people", "Sixteen were killed"."""
    if num.i >= 2 and doc[num.i - 2].lower_ == "of" and doc[num.i - 1].lower_ in ("which", "whom"):
        return describe.antecedent(doc[num.i - 1])  # "six shells were fired, of which four hit"
    head = num.head
    # "six AK-47 rifles": a name between the figure and its noun can mislead the parse
    right = None
    for t in doc[num.i + 1 : num.i + 5]:
        if t.tag_ == "NNS":
            right = t
            break
        if not (t.pos_ in ("PROPN", "NUM", "PUNCT") or t.dep_ in ("compound", "amod")):
            break
    if (
        num.dep_ in ("nummod", "quantmod", "amod", "compound")
        and head.pos_ in ("NOUN", "PROPN")
        and not _across_a_break(doc, num, head)
    ):
        return right if head.pos_ == "PROPN" and right is not None else head
    for child in num.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                said = describe.antecedent(objs[0]) if objs[0].pos_ == "PRON" else None
                return said or objs[0]  # "two of them": whatever "them" stands for
    if num.dep_ in ("nsubj", "nsubjpass") and num.head.pos_ == "VERB":
        for child in num.head.children:  # "six shells were fired, of which five landed"
            if child.dep_ == "prep" and child.lower_ == "of" and child.i < num.i:
                rel = next((g for g in child.children if g.lower_ in ("which", "whom")), None)
                if rel is not None:
                    return describe.antecedent(rel)
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


_PERSONAL = frozenset("them whom us you those these".split())


def _elided_noun(doc: Doc, num: Token) -> Token | None:
    """The noun a bare figure leaves out because the clause before said it: "at least one bomb
    landed in the camp, and three or four fell outside it"."""
    if num.dep_ == "conj" and num.head.like_num:
        num = num.head  # "three or four": the first number holds the place in the clause
    if num.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    for t in reversed(doc[: num.i]):
        if (
            t.like_num
            and t.dep_ == "nummod"
            and t.head.pos_ == "NOUN"
            and t.head.i < num.i
            and t.head.lower_ not in TIME_UNITS  # "two years ago, several were" is no ellipsis
        ):
            return t.head  # "about 200 officers … at least 12 discharged their weapons"
    return None


def _condition(token: Token) -> str | None:
    """ "six remained in critical condition": the count of people in a state, named by it."""
    verb = describe.governing_verb(token)
    if verb is None:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and obj.lemma_.lower() == "condition":
                state = next((c.lower_ for c in obj.children if c.lower_ in CONDITION_WORDS), None)
                if state is not None:
                    return CONDITION_WORDS[state]
    return None


def _topic(doc: Doc, num: Token, fig: Figure) -> tuple[str, Token | None]:
    """(topic, counted noun) for a count."""
    # 1. a participle right after the figure: "350 injured", "five people killed"
    filler: Token | None = None
    for t in doc[num.i + 1 : num.i + 8]:
        if t.lower_ in TOPIC_AFTER:
            if (
                filler is not None
                and filler.tag_ == "NN"
                and any(c.dep_ == "dobj" for c in t.children)
            ):
                break  # "one shooter hurt 15 people": what the one did, not what befell them
            return TOPIC_AFTER[t.lower_], filler  # "three others dead": others is counted
        listed = t.text in (",", "and") and t.i + 1 < len(doc) and doc[t.i + 1].like_num
        if t.lower_ in FILLERS or t.lower_ == "of" or listed or t.like_num:
            if t.pos_ == "NOUN" and filler is None:
                filler = t
            continue  # "8 women, 5 men wounded": a list shares its participle
        if filler is None and (t.tag_ == "NNS" or (t.tag_ == "NN" and fig.value == 1)):
            filler = t  # "two teenagers dead", "dozens of people dead", "one man dead"
            continue
        if t.tag_ == "NNS" and doc[t.i - 1].like_num:
            continue  # "8 girls, 4 boys hurt"
        if _listed_beside(t, filler):
            continue  # "two guards and a driver dead": the noun listed with them shares it
        if t.dep_ == "amod" and t.pos_ == "ADJ" and t.head.i > t.i:
            continue  # "four young men dead"
        break
    noun = _counted_noun(doc, num)
    if noun is not None and noun.lemma_.lower() in CROWD_NOUNS and noun.head != num:
        return "people", None  # "half of them" where them is the crowd
    condition = _condition(noun or num)
    if condition is not None:
        return condition, noun
    if noun is not None and noun != num and noun.lemma_.lower() in PERPETRATOR_NOUNS:
        return noun.lemma_.lower(), noun  # "more than one shooter hurt 15 people" counts shooters
    if fig.zero_word and num.lower_ == "no" and num.i + 1 < len(doc):
        noun = num.nbor(1)  # "no injuries", "no children"
        if noun.lemma_.lower() in TOPIC_LEMMAS:
            return _special(noun, TOPIC_LEMMAS[noun.lemma_.lower()]), noun  # "no shots"
    if (noun is None or noun == num) and fig.spelled and fig.value == 1 and not fig.zero_word:
        return "number", None  # a bare "one" is most often a pronoun: "one with windows shot out"
    if noun is not None and noun != num:
        lemma = noun.lemma_.lower()
        if lemma in TOPIC_LEMMAS:
            return _special(noun, TOPIC_LEMMAS[lemma]), noun
    # 2. the verb that governs the counted noun (or the figure itself); a figure in apposition
    # ("killed six people: three of his siblings, a cousin") is named by its noun, not a verb
    token = noun or num
    verb = describe.governing_verb(token) if num.dep_ != "appos" else None
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
                and child.tag_ == "VBN"  # "two gangs began shooting" counts shooters
                and child.lemma_.lower() in TOPIC_LEMMAS
            ):
                return TOPIC_LEMMAS[child.lemma_.lower()], noun  # "believed to have been arrested"
        if (light := _light_verb_topic(verb)) is not None:
            return light, noun  # "taking shelter"
        # "the death toll rose to 24", "the toll stood at 129"
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lemma_.lower() == "toll":
            kind = [c.lemma_.lower() for c in subj.children if c.dep_ in ("compound", "amod")]
            return ("injured" if "injury" in kind else "killed"), noun
    copular = _copular_topic(noun or num)
    if copular is not None:
        return copular, noun  # "the fatality is only one person"
    if noun is not None and noun != num:
        described = _described_topic(noun)
        if described is not None:
            return described, noun  # "over 14,000 people taking shelter in tents"
        if noun.pos_ == "PRON":  # "two of them" with nothing to say who they are
            return ("people" if noun.lower_ in _PERSONAL else "number"), noun
        return NOUN_TOPICS.get(noun.lemma_.lower(), noun.lemma_.lower()), noun
    if num.dep_ in ("attr",) and num.head.lemma_ == "be":
        subj = next((c for c in num.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lemma_.lower() == "toll":
            return "killed", None
    toll = _TOLL_BEFORE.search(text_of(doc)[max(0, fig.start - 40) : fig.start])
    if toll is not None:  # headline idiom without a verb: "Death toll up to 30", "Toll at 12"
        return ("injured" if toll.group(1) and "injur" in toll.group(1).lower() else "killed"), noun
    elided = _elided_noun(doc, num) if noun is None or noun == num else None
    if elided is not None:
        return NOUN_TOPICS.get(elided.lemma_.lower(), elided.lemma_.lower()), elided
    return "number", noun


def _listed_beside(token: Token, counted: Token | None) -> bool:
    """Whether `token` belongs to a noun listed with the counted one ("two guards and a driver",
    a headline's "two guards, driver"): the "and" or comma before it, the noun and its words."""
    if counted is None:
        return False
    listed = [
        c for c in counted.children if c.dep_ in ("conj", "appos") and c.pos_ in ("NOUN", "PROPN")
    ]
    if not listed:
        return False
    if token.head == counted and token.dep_ in ("cc", "punct") and token.i < listed[-1].i:
        return True
    return any(token == c or c in token.ancestors for c in listed)


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
        if (light := _light_verb_topic(verb)) is not None:
            return light
    return None


def _light_verb_topic(verb: Token) -> str | None:
    """The topic a light verb's object names: "taking shelter", "sought refuge"."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return LIGHT_VERB_OBJECTS.get(obj.lemma_.lower()) if obj is not None else None


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


def _in_clause(noun: Token | None, num: Token) -> Token:
    """The token whose verb says what happened to the counted: the counted noun when it stands
    in the figure's own phrase, the figure when the noun was found elsewhere ("two of them
    escaped", where "them" are boats another clause seized)."""
    if noun is None or noun == num or noun == num.head or num in noun.subtree:
        return noun or num
    if noun in num.subtree and not any(t.pos_ == "PRON" for t in num.subtree):
        return noun  # "three of the victims"
    return num


def count(
    doc: Doc, num: Token, fig: Figure, anchor_year: int | None, lead: str, following: str
) -> Found | None:
    """A count: what it counts (topic, counted class, predicate) and which occurrence it is."""
    if _pronoun_one(doc, num, fig):
        return None
    text = text_of(doc)
    topic, noun = _topic(doc, num, fig)
    if fig.zero_word and topic not in TOPIC_LEMMAS.values():
        return None  # "no one answered" is not a figure; "no one was killed" is
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
    if (
        trend
        and noun is not None
        and noun != num
        and noun.lemma_.lower() not in _CHANGE_UNITS
        and _released(noun)
    ):
        trend = None  # "dropped four bombs": things let fall, not a fall of four
    subject = scope.event_subject(doc, noun or num)
    # a verb says what befell the counted, unless the topic says it ("killed") or they gathered
    told = topic not in TOPIC_LEMMAS.values() and not gathering
    clause = _in_clause(noun, num) if told else None
    return Found(
        fig.start,
        fig.end,
        "count",
        fig.interval,
        fig.qualifier,
        topic,
        trend=trend,
        subject=subject,
        notes=scope.notes(doc, num, fig, noun, topic, subject, anchor_year, lead, following),
        counted=_counted_class(_same_class_as_before(doc, noun, num), num, lead),
        predicate=(
            "wound"  # "15 were shot and two killed": the shot are the wounded
            if wounded
            else describe.predicate(clause)
            if clause is not None
            else "gather"
            if gathering
            else None
        ),
        acts=clause is not None and describe.acts(clause),
        modifiers=describe.modifiers(noun, num),
        occurrence=describe.occurrence(doc, num, fig.start),
        day=describe.day(text, fig.start),
    )
