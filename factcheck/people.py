"""Whose age a figure is: names resolved to people, within an article and across articles.

Two spellings are one name by rule, not by a similarity threshold: the same consonants in the
same order once spelling variants are folded (Steven/Stephen, Eric/Erik, Mohammed/Muhammad,
Sara/Sarah), or a short form that begins the full one (Chris/Christopher). Jean and Sean are
two people: their first letters differ.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

from factcheck.models import Claim, Kind

_TITLES = frozenset(
    "mr mrs ms dr sgt officer lt det gov sen rep president judge deputy trooper cpl capt chief "
    "jr sr ii iii".split()
)
_SHORT_FORM = 3  # letters a short form must keep: "Chris" for Christopher, never "Ch"
_DESCRIPTIONS = 64  # descriptions ("the shooter") resolved per analysis; a dump has no more people


def name_tokens(name: str) -> list[str]:
    """The words of a name that identify a person: titles, suffixes and possessives dropped."""
    words = [w.strip(".,'\"’").lower() for w in re.sub(r"['’]s\b", "", name).split()]
    return [w for w in words if w and w not in _TITLES and w[0].isalpha()]


def skeleton(word: str) -> str:
    """A name's consonants in order, with spellings of one sound folded together."""
    plain = unicodedata.normalize("NFKD", word.lower())
    plain = "".join(ch for ch in plain if ch.isalpha() and ord(ch) < 128)
    if not plain:
        return ""
    plain = plain.replace("ph", "f").replace("v", "f").replace("ck", "k").replace("c", "k")
    plain = plain.replace("q", "k").replace("z", "s")
    head, rest = plain[0], re.sub(r"[aeiouyhw]", "", plain[1:])
    folded = head + rest
    return re.sub(r"(.)\1+", r"\1", folded)


def same_spelling(a: str, b: str) -> bool:
    """One name written two ways: "Stephen"/"Steven", "Haddad"/"Hadad"."""
    return a == b or (a[:1] == b[:1] and skeleton(a) == skeleton(b))


def same_name(a: str, b: str) -> bool:
    """One given name written two ways, or once in short ("Chris" for Christopher)."""
    if min(len(a), len(b)) >= _SHORT_FORM and (a.startswith(b) or b.startswith(a)):
        return True
    return same_spelling(a, b)


def same_person(a: list[str], b: list[str]) -> bool:
    """Full names (first, any middle, surname) that denote one person."""
    if not same_spelling(a[-1], b[-1]):
        return False
    if len(a) < 2 or len(b) < 2:
        return True
    first_a, first_b = a[0], b[0]
    if len(first_a) == 1 or len(first_b) == 1:  # an initial: "J. Smith"
        return first_a[0] == first_b[0]
    return same_name(first_a, first_b)


def person_clusters(names: Sequence[str]) -> dict[str, int]:
    """Cluster full names that denote one person. Lone names are resolved before this, within
    their own article (see `resolve_age_names`)."""
    cluster: dict[str, int] = {}
    # names are only compared with names whose surname could be the same spelling, so a list of
    # thousands of people costs no more than its length
    by_surname: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for name in sorted(set(names), key=lambda n: (-len(name_tokens(n)), n)):
        toks = name_tokens(name)
        if len(toks) < 2:
            continue
        alike = by_surname[_surname_key(toks[-1])]
        match = next((cluster[n] for n, t in alike if same_person(toks, t)), None)
        cluster[name] = match if match is not None else len(cluster)
        alike.append((name, toks))
    return cluster


def _surname_key(word: str) -> str:
    """Two spellings of one surname share this: `same_spelling` needs the first letter and the
    skeleton alike."""
    return word[:1] + skeleton(word)


def resolve_age_names(claims: Sequence[Claim], texts: dict[str, str]) -> dict[str, str]:
    """The full name each age belongs to, by claim id.

    A lone surname counts when its own article gives exactly one full name for it. A lone given
    name ("his brother, Christopher") counts when exactly one full name in any article begins
    with it and that name's surname is in the lone name's article ("Chris Dorvan", in a story
    about the Dorvan family). A description ("the man") is not the same man in another story.
    """
    full = {
        c.subject
        for c in claims
        if c.kind == Kind.AGE
        and c.subject
        and not c.subject.startswith("the ")
        and len(name_tokens(c.subject)) >= 2
    }
    full_tokens = {f: name_tokens(f) for f in full}
    surnames: dict[str, list[str]] = defaultdict(list)
    given: dict[str, list[str]] = defaultdict(list)  # by first letter and skeleton, and by prefix
    for f, t in full_tokens.items():
        surnames[t[-1]].append(f)
        given[t[0][:1] + skeleton(t[0])].append(f)
        given[t[0][:_SHORT_FORM]].append(f)
    # each article's words and each description's answer are looked up once, so resolving stays
    # linear in the text whatever the number of ages
    words = {a: set(re.findall(r"[a-z’'-]+", t.lower())) for a, t in texts.items()}
    described: dict[tuple[str, str], str | None] = {}
    names: dict[str, str] = {}
    for c in claims:
        if c.kind != Kind.AGE or not c.subject:
            continue
        if c.subject in full:
            names[c.id] = c.subject
            continue
        if c.subject.startswith("the "):
            key = (c.article, c.subject[4:].lower())
            if key not in described:
                described[key] = (
                    _named_description(c.subject[4:], texts.get(c.article, ""))
                    if len(described) < _DESCRIPTIONS
                    else None
                )
            named = described[key]
            if named is not None:
                names[c.id] = named  # "the shooter was a 58-year-old" and "the shooter, Ann Ruiz"
            continue
        toks = name_tokens(c.subject)
        if len(toks) != 1:
            continue
        seen = words.get(c.article) or set(re.findall(r"[a-z’'-]+", c.sentence.lower()))
        by_surname = {
            f for f in surnames.get(toks[0], ()) if all(w in seen for w in full_tokens[f])
        }
        if by_surname and _one_person(by_surname):
            names[c.id] = max(by_surname, key=lambda f: (len(f), f))
            continue
        near = given.get(toks[0][:1] + skeleton(toks[0]), []) + given.get(toks[0][:_SHORT_FORM], [])
        by_given = {
            f for f in near if same_name(full_tokens[f][0], toks[0]) and full_tokens[f][-1] in seen
        }
        if by_given and _one_person(by_given):
            names[c.id] = max(by_given, key=lambda f: (len(f), f))
    return names


def _one_person(names: set[str]) -> bool:
    """Whether every name of the set denotes one person ("Chris Dorvan", "Christopher Dorvan")."""
    tokens = [name_tokens(n) for n in names]
    return all(same_person(a, b) for a in tokens for b in tokens)


_NAME = r"([A-Z][\w'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+))+)"


def _named_description(noun: str, text: str) -> str | None:
    """The one full name an article gives a description: "the shooter, Ann Ruiz", "Ann Ruiz, the
    shooter", "the shooter was identified as Ann Ruiz". None when it names nobody, or several."""
    if not noun or not text:
        return None
    word = re.escape(noun.split()[-1])
    patterns = (
        rf"\b[Tt]he\s+(?:[\w-]+\s+){{0,2}}{word},?\s+(?:identified\s+as\s+)?{_NAME}",
        rf"{_NAME},\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}{word}\b",
        rf"\b{word}\s+(?:was|has\s+been)\s+identified\s+as\s+{_NAME}",
    )
    found = {m.group(1) for p in patterns for m in re.finditer(p, text)}
    found = {f for f in found if len(name_tokens(f)) >= 2}
    return found.pop() if len(found) == 1 and _one_person(found) else None
