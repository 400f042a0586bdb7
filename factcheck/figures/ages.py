"""Ages, and the person each belongs to: by name, by apposition, by the noun it describes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.describe import text_of
from factcheck.figures.found import Found
from factcheck.numbers import hedge_interval
from factcheck.vocab import DEMOGRAPHIC_NOUNS, KIN_NOUNS, PERSON_NOUNS, ROLE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from factcheck.numbers import Figure

_AGE_AFTER = re.compile(r"^(?:[\s-]*(?:years?|yrs?))+[\s-]*old\b", re.I)  # "25-year-year-old" too
_OLDER = re.compile(r"\b(?:older|younger)$", re.I)
_RANGING = re.compile(r"\b(ranging|ranged)\s+(?:in\s+age\s+)?$", re.I)
_LIMIT = re.compile(r"\b(over|above|under|below)\s+the\s+$", re.I)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|age|ages|age\s+of|turn(?:s|ed|ing)?|(?:was|is)\s+due\s+to\s+turn)\s+$", re.I
)


_PERSON_WORDS = DEMOGRAPHIC_NOUNS | PERSON_NOUNS | ROLE_NOUNS | KIN_NOUNS


def _may_be_age(fig: Figure) -> bool:
    """Digits for a whole number of years a person can be: "29", not "twenty-nine" or "30s"."""
    return fig.qualifier == "exact" and not fig.spelled and 0 < fig.value < 120


def _is_name_comma_age(doc: Doc, num: Token, fig: Figure) -> bool:
    """ "Ana Ruiz, 29, and…": a person's name, a comma, a small number, a comma or end."""
    if not _may_be_age(fig):
        return False
    i = num.i
    if i < 2 or doc[i - 1].text != ",":
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and after.text not in (",", ".", ";", ")", "and", "—", "-"):
        return False
    prev = doc[i - 2]
    if _person_noun(prev):
        return True  # "a man, 45, was shot", "his two sons, 11 and 14,"
    if prev.ent_type_ == "PERSON" or (
        num.dep_ == "appos" and num.head.i == prev.i and prev.pos_ == "PROPN"
    ):
        return True  # "Dorian Welk, 27," even when the model takes Welk for a town
    if prev.pos_ != "PROPN" or not prev.text[:1].isupper():
        return False
    if prev.ent_type_ in ("GPE", "LOC", "DATE", "FAC", "NORP", "EVENT"):
        return False  # "Paris, 13," is not an age
    # a lone capitalised word that is not an organisation, or a run of them ("Okafor Jr.")
    return prev.ent_type_ != "ORG" or doc[i - 3].pos_ == "PROPN"


def _person_noun(token: Token) -> bool:
    """A common noun for a person: "man", "daughter", "victim", "officers"."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in _PERSON_WORDS


def _second_of_two_ages(doc: Doc, num: Token, fig: Figure) -> bool:
    """The 14 of "his two sons, 11 and 14,": the number after "and" whose partner is an age
    in apposition to a noun for people."""
    i = num.i
    if not _may_be_age(fig) or i < 4:
        return False
    if doc[i - 1].lower_ != "and" or not doc[i - 2].like_num or doc[i - 3].text != ",":
        return False
    after = doc[i + 1] if i + 1 < len(doc) else None
    return (after is None or after.text in (",", ".", ";", ")", "—")) and _person_noun(doc[i - 4])


def _age_person(doc: Doc, num: Token, pattern: str, last: Token | None = None) -> str | None:
    """The person an age belongs to, by how the age is written.

    "27-year-old Tom Lee" names the person after; "Ana Ruiz, 29," and
    "Diaz, the 27-year-old Chilean" the person before; "aged 27" the nearest before, then after.
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
        described = tail.head if tail.head.pos_ == "NOUN" and tail.head != tail else None
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
        noun = tail.head if tail.head.pos_ in ("NOUN", "PROPN") and tail.head != tail else None
        if noun is not None and any(t.pos_ in ("VERB", "AUX") for t in doc[tail.i : noun.i]):
            noun = None  # "the 26-year-old fired 11 shots": the age is not the shots'
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
    if prep is None:
        return None
    noun = prep.head
    if noun.pos_ == "VERB":  # "shot a woman in her 50s": the phrase hangs off the verb
        noun = next((c for c in noun.children if c.dep_ in ("dobj", "nsubjpass")), noun)
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.start <= noun.i < e.end]
    if people:
        return people[0].text
    words = [t.text for t in noun.lefts if t.dep_ in ("amod", "compound")] + [noun.text]
    return "the " + " ".join(words)


def _proper_name_before(doc: Doc, i: int) -> str | None:
    """A capitalised name ending just before token i, across ", the" or ", a": "Welk, an 18"."""
    j = i - 1
    while j >= 0 and (doc[j].text in (",", "(") or doc[j].lower_ in ("the", "a", "an")):
        j -= 1
    if j == i - 1 or j < 0:
        return None
    end = j + 1
    # a name may carry a nickname in quotes: Marcus "Big Marc" Delaney
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


def in_decade(doc: Doc, num: Token, fig: Figure) -> Found | None:
    """ "a man in his 40s": an age told by its decade."""
    text = text_of(doc)
    before = text[max(0, fig.start - 60) : fig.start]
    if (
        text[fig.number_end : fig.end] == "s"
        and fig.qualifier == "range"
        and fig.value < 1000  # "the 1990s" is a date (labels.as_date)
        and re.search(r"\b(?:his|her|their)\s+(?:early\s+|late\s+|mid-)?$", before, re.I)
    ):
        # the person is the noun the phrase describes
        person = _described_by_in(doc, num)
        return Found(fig.start, fig.end, "age", fig.interval, "range", "age", subject=person)
    return None


def age(doc: Doc, num: Token, fig: Figure) -> Found | None:
    """An age and the person it belongs to: "a name, 29,", "a 27-year-old", "aged 27"."""
    text = text_of(doc)
    after = text[fig.end : fig.end + 40]
    before = text[max(0, fig.start - 60) : fig.start]
    start, end = fig.start, fig.end

    def found(first: int, last: int, person: str | None) -> Found:
        return Found(first, last, "age", fig.interval, fig.qualifier, "age", subject=person)

    if _OLDER.search(text[fig.number_end : fig.end]):
        # "students 18 and older", "anyone 65 or older": only ages are older or younger
        owner = doc[num.i - 1] if num.i > 0 else None
        named = owner is not None and owner.pos_ in ("NOUN", "PRON", "PROPN")
        return found(start, end, owner.text if named and owner is not None else None)
    prenominal = _AGE_AFTER.match(after)
    aged = None if prenominal else _AGE_BEFORE.search(before)
    group = _RANGING.search(before) if fig.qualifier == "range" else None
    if group is not None and (prenominal is not None or aged is not None):
        # "nine people, ranging from 14- to 30-years-old": the ages of the people counted
        verb = next((t for t in doc[: num.i] if t.lower_ == group.group(1).lower()), None)
        owner = verb.head if verb is not None and verb.head.pos_ in ("NOUN", "PRON") else None
        stop = fig.end + prenominal.end() if prenominal is not None else end
        return found(start, stop, owner.text if owner is not None else None)
    limit = _LIMIT.search(before[: len(before) - len(aged.group())]) if aged else None
    if aged is not None and limit is not None and fig.qualifier == "exact":
        # "anyone over the age of 21": a limit, said of whoever it admits
        qualifier = "more_than" if limit.group(1).lower() in ("over", "above") else "less_than"
        prep = next((t for t in reversed(doc[: num.i]) if t.lower_ == limit.group(1).lower()), None)
        owner = prep.head if prep is not None and prep.head.pos_ in ("NOUN", "PRON") else None
        begin = fig.start - len(aged.group()) - len(limit.group())
        return Found(
            begin,
            end,
            "age",
            hedge_interval(qualifier, fig.value),
            qualifier,
            "age",
            subject=owner.text if owner is not None else None,
        )
    if prenominal is None and aged is None and _is_name_comma_age(doc, num, fig):
        if _person_noun(doc[num.i - 2]):
            return found(start, end, f"the {doc[num.i - 2].text}")
        return found(start, end, _age_person(doc, num, "apposition"))
    if prenominal is None and aged is None and _second_of_two_ages(doc, num, fig):
        return found(start, end, f"the {doc[num.i - 4].text}")
    if prenominal is not None:
        end = fig.end + prenominal.end()
        art = re.search(r"\b(?:an?)\s+$", text[max(0, start - 4) : start])
        if art and fig.qualifier == "exact":
            start -= len(art.group())  # "a 27-year-old"
        last = doc.char_span(fig.number_start, end, alignment_mode="expand")
        return found(start, end, _age_person(doc, num, "prenominal", last[-1] if last else num))
    if aged is not None:
        said = aged.group()
        begin = fig.start if said[:1].lower() in "tiw" else fig.start - len(said)  # "turn 24"
        return found(begin, end, _age_person(doc, num, "aged"))
    return None
