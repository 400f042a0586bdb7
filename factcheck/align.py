"""Grouping claims that state the same fact, across articles and within one.

Conservative by design: a false conflict costs an editor's trust faster than a missed one. Only
claims whose topic is known (tolls, injuries, arrests…) with the same counted noun, ages of one
person, and quake magnitudes are grouped; everything else stands alone.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from factcheck.extract import TOPIC_LEMMAS
from factcheck.models import Claim, article_order
from factcheck.numbers import Interval

# "victims" may mean the dead, the wounded or both; "strikes" and "rescued" are rarely one fact.
GROUPED_TOPICS = (frozenset(TOPIC_LEMMAS.values()) | {"shots fired", "times shot"}) - {
    "victims",
    "strikes",
    "rescued",
}
SPLIT_RATIO = 10.0
_SURNAME_SCORE = 88  # rapidfuzz ratio at which two spellings are one name ("Sara" ~ "Sarah")
_FIRST_NAME_SCORE = 85  # "Jean" and "Sean" Archilles are father and son
_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sgt",
    "officer",
    "lt",
    "det",
    "gov",
    "sen",
    "rep",
    "president",
    "judge",
    "deputy",
    "trooper",
    "cpl",
    "capt",
    "chief",
}


def _name_tokens(name: str) -> list[str]:
    words = [w.strip(".,'\"").lower() for w in name.replace("'s", "").split()]
    return [w for w in words if w and w not in _TITLES and w[0].isalpha()]


def _same_person(a: list[str], b: list[str]) -> bool:
    if fuzz.ratio(a[-1], b[-1]) < _SURNAME_SCORE:
        return False
    if len(a) < 2 or len(b) < 2:
        return True
    return fuzz.ratio(a[0], b[0]) >= _FIRST_NAME_SCORE


def person_clusters(names: Sequence[str]) -> dict[str, int]:
    """Cluster full names that denote one person, by fuzzy match of first name and surname.
    Lone surnames are resolved before this, within their own article (see `_age_names`)."""
    cluster: dict[str, int] = {}
    full: list[tuple[str, list[str]]] = []
    for name in sorted(set(names), key=lambda n: (-len(_name_tokens(n)), n)):
        toks = _name_tokens(name)
        if len(toks) < 2:
            continue
        match = next((cluster[n] for n, t in full if _same_person(toks, t)), None)
        cluster[name] = match if match is not None else len(set(cluster.values()))
        full.append((name, toks))
    return cluster


def group_key(claim: Claim, person: int | None) -> tuple[str, ...] | None:
    """What fact a claim states, or None when it should stand alone. `person` is the cluster of
    the person an age belongs to, None when no full name identifies them."""
    if claim.kind == "age":
        return ("age", str(person)) if person is not None else None
    if claim.kind == "measure" and claim.topic == "magnitude":
        return ("magnitude",)
    if claim.kind != "count" or claim.trend or claim.topic not in GROUPED_TOPICS:
        return None
    if {"other_event", "part", "intent"} & set(claim.notes):
        return None
    scope = "total" if "total" in claim.notes else "event"
    if "with_perpetrator" in claim.notes:
        scope += "+perpetrator"  # the dead with the gunman counted are another figure
    return ("count", claim.topic, claim.counted or "people", scope)


def _principal(claims: Sequence[Claim]) -> Claim:
    """The figure an article gives for a fact: the first it states. News is written top down,
    so the headline and the lead carry the main figures; details and subsets come later."""
    return min(claims, key=lambda c: c.start)


def _near(q: Interval) -> Interval:
    """Where a restatement of a figure can lie: "at least 24" is restated by "24" or "26", not
    by "about 230,000" (a toll from another disaster), though both are logically compatible."""
    anchor = q.low if not math.isinf(q.low) and q.low > 0 else q.high
    if math.isinf(anchor) or anchor <= 0:
        return q
    return Interval(anchor / 2, anchor * 2)


def _members(claims: Sequence[Claim], *, ages: bool) -> tuple[list[Claim], list[Claim]]:
    """(the group, the claims that stand alone).

    Within one article, a figure that cannot be the article's main figure for the fact (a
    subset, "four of them police officers", or a toll from another incident) stands alone:
    only restatements compatible with the principal figure join. Ages are the exception: a
    person has one age, so an article that gives two contradicts itself.
    """
    if ages:
        return list(claims), []
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article].append(c)
    members: list[Claim] = []
    loose: list[Claim] = []
    for mine in by_article.values():
        main = _principal(mine)
        assert main.quantity is not None
        near = _near(main.quantity)
        for c in mine:
            compatible = (
                c.quantity is not None
                and c.quantity.overlaps(main.quantity)
                and c.quantity.overlaps(near)
            )
            (members if c is main or compatible else loose).append(c)
    members.sort(key=lambda c: (article_order(c.article), c.start))
    return members, loose


def _magnitude_split(members: list[Claim]) -> list[list[Claim]]:
    """Split a group whose articles' figures lie more than tenfold apart: two reports of one fact
    rarely differ by an order of magnitude, two facts often do ("3 killed at one school", "more
    than 40 at another"; "12 killed in the raid", "2 million in the civil war"). Zero stays with
    the smallest figures: "no one was killed" against "12 killed" is a real conflict."""

    def size(c: Claim) -> float:
        q = c.quantity
        assert q is not None
        if c.qualifier == "vague":
            return math.sqrt(q.low * q.high)  # "dozens" sits nearer 40 than 12
        return q.low if q.low > 0 or math.isinf(q.high) else q.high

    ordered = sorted(members, key=size)
    clusters: list[list[Claim]] = [[ordered[0]]]
    for c in ordered[1:]:
        last = size(clusters[-1][-1])
        if last > 0 and size(c) > SPLIT_RATIO * last:
            clusters.append([c])
        else:
            clusters[-1].append(c)
    for cluster in clusters:
        cluster.sort(key=lambda c: (article_order(c.article), c.start))
    return clusters


def _age_names(claims: Sequence[Claim], texts: dict[str, str]) -> dict[str, str]:
    """The full name each age belongs to, by claim id. A lone surname counts when its own article
    gives exactly one full name for it; a surname shared by two people there, a surname with no
    full name, and a description ("the man" is not the same man in another story) count not."""
    full = {
        c.subject
        for c in claims
        if c.kind == "age"
        and c.subject
        and not c.subject.startswith("the ")
        and len(_name_tokens(c.subject)) >= 2
    }
    names: dict[str, str] = {}
    for c in claims:
        if c.kind != "age" or not c.subject:
            continue
        if c.subject in full:
            names[c.id] = c.subject
        elif len(toks := _name_tokens(c.subject)) == 1:
            text = texts.get(c.article, c.sentence)
            candidates = {f for f in full if _name_tokens(f)[-1] == toks[0] and f in text}
            if len(candidates) == 1:
                names[c.id] = candidates.pop()
    return names


def group_claims(claims: Sequence[Claim], texts: dict[str, str] | None = None) -> list[list[Claim]]:
    """Claims partitioned into groups: each claim in exactly one, in text order of first claims.
    `texts` maps article ids to their texts, to resolve lone surnames within their article."""
    names = _age_names(claims, texts or {})
    people = person_clusters(list(names.values()))
    keyed: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
    groups: list[list[Claim]] = []
    for claim in claims:
        name = names.get(claim.id)
        key = group_key(claim, people.get(name) if name else None)
        if key is None:
            groups.append([claim])
        else:
            keyed[key].append(claim)
    for key, members in keyed.items():
        grouped, loose = _members(members, ages=key[0] == "age")
        groups.extend(_magnitude_split(grouped) if key[0] == "count" else [grouped])
        groups.extend([c] for c in loose)
    groups.sort(key=lambda g: (article_order(g[0].article), g[0].start))
    return groups
