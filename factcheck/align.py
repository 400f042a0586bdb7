"""Grouping claims that state the same fact, across articles and within one.

Every claim gets a description of what it measures (`Facet`): its dimension, what is counted or
whose it is, the predicate, the modifiers, which occurrence. Claims that share a dimension and a
head (a topic, a counted noun, a person, the event a duration measures) are candidates; each pair
from different articles is scored on the rest of the description, and pairs are joined best
first into groups that take at most one figure per article for a fact, plus that article's
restatements of it. A pair with a disqualifying difference (another day, another occurrence, a
part against the whole, figures tenfold apart) is never joined: when in doubt, figures stay apart.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from factcheck.models import Claim, Kind, Note, Qualifier, article_order
from factcheck.numbers import Interval
from factcheck.people import person_clusters, resolve_age_names
from factcheck.vocab import (
    DEGREE_WORDS,
    DEMOGRAPHIC_NOUNS,
    EVENT_NOUNS,
    PERSON_NOUNS,
    ROLE_NOUNS,
    SECONDS,
    TOPIC_LEMMAS,
    canonical_event,
    canonical_noun,
    canonical_predicate,
)

# "victims" may mean the dead, the wounded or both; "strikes" are rarely one fact.
GROUPED_TOPICS = (frozenset(TOPIC_LEMMAS.values()) | {"shots fired", "times shot"}) - {
    "victims",
    "strikes",
}
SPLIT_RATIO = 10.0
"""Two reports of one fact rarely differ tenfold; two facts often do ("3 killed at one school",
"more than 40 at another"). Zero is the exception: "no one was killed" against 12 is a conflict."""
FLOOR_RATIO = SPLIT_RATIO**2
"""A lower bound may sit further below the figure it bounds: "at least one killed" is often the
first report of a toll that reached 24. A hundredfold apart it is another fact ("at least 12
killed" in a raid, "some 2 million" in the war before it)."""
MAGNITUDE_SPREAD = 1.0
"""Reports of one quake differ by tenths; a whole point apart is another tremor."""
CLOCK_SPREAD = 120.0
"""Minutes: two reports of the moment something happened rarely differ by more than two hours
(a time zone aside); further apart, they are two moments."""
PAIRED_PER_ARTICLE = 8
"""An article's first figures for a head are paired across articles; later ones can only restate
them, which keeps grouping linear in the number of figures an article states."""
_STANDALONE = frozenset({Note.OTHER_EVENT, Note.PART, Note.INTENT})
_DEGREES = frozenset(DEGREE_WORDS.values())
_LEAD = 0.5  # weight of an article's first figure for a fact over its later ones
# Counted nouns that can all name the same people: "people", "passengers", "patrons". A role
# ("officers", "soldiers") is a part that stories count apart.
_PUBLIC = PERSON_NOUNS | {"people"}


@dataclass(frozen=True, slots=True)
class Facet:
    """What a claim measures, as grouping reads it."""

    head: tuple[str, ...]
    """Dimension and head: claims are compared only within one ("count", "killed", "event")."""
    noun: str
    """What is counted, canonical; "people" when generic."""
    named: str | None
    """A named part of the whole ("Harbor" in "officer (Harbor)")."""
    predicate: str | None
    modifiers: frozenset[str]
    degree: str | None
    occurrence: int | None
    day: str | None
    event: str | None
    size: float
    """Where the figure sits, in the dimension's base unit (seconds for durations)."""
    floor: bool = False
    """Whether the figure is only a lower bound ("at least one", "more than 3"): a figure far
    above it may still be the same fact, told later or more fully."""


def facet(claim: Claim, person: int | None) -> Facet | None:
    """The claim's description, or None when it should stand alone."""
    if claim.quantity is None or claim.trend:
        return None
    head = _head(claim, person)
    if head is None:
        return None
    noun, _, named = (claim.counted or "people").partition(" (")
    modifiers = frozenset(claim.modifiers)
    degrees = modifiers & _DEGREES
    return Facet(
        head=head,
        noun=canonical_noun(noun),
        named=named.rstrip(")") or None,
        # how many attacked is one fact, whatever each article says they did
        predicate=(
            canonical_predicate(claim.predicate, people=noun in _PUBLIC)
            if head[1:2] not in (("attacker",), ("injured",))
            else None
        ),
        modifiers=modifiers - degrees,
        degree=min(degrees) if degrees else None,
        occurrence=claim.occurrence,
        day=claim.day if head[1:2] and head[1] not in GROUPED_TOPICS else None,
        event=canonical_event(claim.subject.split()[-1].lower()) if claim.subject else None,
        size=_size(claim),
        floor=math.isinf(claim.quantity.high) and claim.qualifier != Qualifier.VAGUE,
    )


def _head(claim: Claim, person: int | None) -> tuple[str, ...] | None:
    if claim.kind == Kind.AGE:
        return ("age", str(person)) if person is not None else None
    if claim.kind == Kind.MEASURE and claim.topic == "magnitude":
        return ("magnitude",)
    if _STANDALONE & set(claim.notes):
        return None
    if claim.kind == Kind.TIME:
        # a clock time is compared only when the text says what happened then
        return ("time", claim.subject) if claim.subject else None
    if claim.kind == Kind.DURATION:
        # a duration is compared only when the text says what it is the length of
        return ("duration", claim.subject) if claim.subject and claim.unit in SECONDS else None
    if claim.kind in (Kind.MONEY, Kind.PERCENT, Kind.MEASURE):
        generic = claim.topic in ("money", "percent", "length", "mass", "area", "volume")
        return None if generic else (str(claim.kind), claim.unit or "", claim.topic)
    if claim.kind != Kind.COUNT:
        return None
    scope = "total" if Note.TOTAL in claim.notes else "event"
    if Note.WITH_PERPETRATOR in claim.notes:
        scope += "+perpetrator"  # the dead with the gunman counted are another figure
    if claim.topic == "shot" and claim.predicate == "wound":
        return ("count", "injured", scope)  # "15 shot and two killed": the shot are the wounded
    if claim.topic in GROUPED_TOPICS:
        return ("count", claim.topic, scope)
    if claim.topic == "number" or claim.topic in TOPIC_LEMMAS.values():
        return None  # nothing says what is counted, or a topic too loose to compare ("victims")
    noun = canonical_noun((claim.counted or "people").partition(" (")[0])
    if noun == "attacker":
        return ("count", noun, scope)  # how many attacked is a fact whatever they did
    if noun in _PUBLIC or noun in ROLE_NOUNS or noun in EVENT_NOUNS or noun in DEMOGRAPHIC_NOUNS:
        # people named by what they did: "400 people packed the hall", "420 patrons packed it";
        # a bare "five officers" or "two shootings" says too little to compare
        if not claim.predicate:
            return None
        verb = canonical_predicate(claim.predicate, people=noun in _PUBLIC)
        return ("count", f"{'people' if noun in _PUBLIC else noun} {verb}", scope)
    if claim.value == 1 and claim.qualifier == Qualifier.EXACT:
        return None  # "one bullet entered his shoulder": one thing described, not a count told
    return ("count", noun, scope)


def _size(claim: Claim) -> float:
    q = claim.quantity
    assert q is not None
    if claim.kind == Kind.TIME and claim.value is not None:
        return claim.value
    if claim.qualifier == "vague":
        size = math.sqrt(max(q.low, 1) * q.high)  # "dozens" sits nearer 40 than 12
    elif q.low > 0 or math.isinf(q.high):
        size = q.low
    else:
        size = q.high
    if claim.kind == Kind.DURATION and claim.unit in SECONDS:
        size *= SECONDS[claim.unit]
    return size


def score(a: Facet, b: Facet, *, same_article: bool = False) -> float | None:
    """How surely two claims of one head state the same fact; None when they cannot. Within one
    article the figures' sizes are left to `_restates`."""
    if a.named != b.named or a.degree != b.degree:
        return None  # "two Harbor officers" and "critically wounded" are parts
    total = 1.0
    for x, y in ((a.occurrence, b.occurrence), (a.day, b.day)):
        if x is not None and y is not None and x != y:
            return None
    if same_article:
        pass
    elif a.head[0] == "magnitude":
        if abs(a.size - b.size) > MAGNITUDE_SPREAD:
            return None
    elif a.head[0] == "time":
        if abs(a.size - b.size) > CLOCK_SPREAD:
            return None
    elif a.size > 0 and b.size > 0 and max(a.size, b.size) > SPLIT_RATIO * min(a.size, b.size):
        low, high = (a, b) if a.size < b.size else (b, a)
        if not low.floor or high.size > FLOOR_RATIO * low.size:
            return None  # "at least one killed" may be the first report of 24 killed
    if a.predicate and b.predicate and a.predicate != b.predicate:
        return None  # rounds carried are not rounds fired; boats spotted not boats captured
    if a.predicate and a.predicate == b.predicate:
        total += 0.3
    if a.noun == b.noun:
        total += 1.0
    elif not {a.noun, b.noun} <= _PUBLIC:
        return None  # officers injured are neither civilians injured nor people injured
    # shared modifiers ("strong aftershocks") speak for a pair, less than an article's order does
    shared = a.modifiers & b.modifiers
    if shared:
        total += 0.2
    elif a.modifiers and b.modifiers:
        total -= 0.2
    if a.occurrence is not None and a.occurrence == b.occurrence:
        total += 1.0
    if a.day is not None and a.day == b.day:
        total += 0.25
    if a.event and b.event and a.event != b.event:
        total -= 0.25
    # closer figures are likelier the same report of a fact: a tie-breaker, never a reason,
    # except for magnitudes, where a tenth apart is one quake and a point apart another
    if a.head[0] == "magnitude":
        total += max(0.0, 1 - abs(a.size - b.size) / MAGNITUDE_SPREAD)
    elif a.head[0] == "time":
        total += 0.2 * max(0.0, 1 - abs(a.size - b.size) / CLOCK_SPREAD)
    elif a.size > 0 and b.size > 0:
        total += 0.2 * max(0.0, 1 - abs(math.log(a.size / b.size)) / math.log(SPLIT_RATIO))
    elif a.size == b.size:
        total += 0.2
    return total


def _near(q: Interval) -> Interval:
    """Where a restatement of a figure can lie: "at least 24" is restated by "24" or "26", not
    by "about 230,000" (a toll from another disaster), though both are logically compatible."""
    anchor = q.low if not math.isinf(q.low) and q.low > 0 else q.high
    if math.isinf(anchor) or anchor <= 0:
        return q
    return Interval(anchor / 2, anchor * 2)


def _restates(claim: Claim, lead: Claim) -> bool:
    """Whether a later figure of an article restates an earlier one for the same fact: "at least
    24" after "24", a person's age again (a person has one age: a different one is the article
    contradicting itself), the same count of the same things told a little differently. A
    figure that cannot be the earlier one (a subset, "four of them officers", a toll of another
    incident) is another fact, not a restatement."""
    q, a = claim.quantity, lead.quantity
    assert q is not None
    assert a is not None
    if claim.kind == Kind.AGE:
        return True
    # "16 injured", then in a caption "17 injured": the article disagrees with itself
    if (
        claim.kind == Kind.COUNT
        and (claim.counted, claim.modifiers) == (lead.counted, lead.modifiers)
        and _a_tenth_apart(q, a)
    ):
        return True
    return q.overlaps(a) and (q.overlaps(_near(a)) or (a.low == 0 and q.low == 0))


def _a_tenth_apart(q: Interval, a: Interval) -> bool:
    """Two exact counts of ten or more, different by a tenth of the larger at most: one fact
    told twice, once wrongly ("16 injured", then "17 injured"). A part told in the same words
    is rarely so near the whole; small counts are ("two killed" of three) and stay apart."""
    if not (q.low == q.high and a.low == a.high) or min(q.low, a.low) < 10:
        return False
    return abs(q.low - a.low) <= 0.1 * max(q.low, a.low)


def _pairable(leads: Sequence[tuple[Claim, Facet, int]]) -> Iterator[tuple[int, int]]:
    """The pairs (i < j) of leads of which one at least is among its article's first
    PAIRED_PER_ARTICLE: at most that many per article times all the leads, where every pair
    would be the square of an article's figures (thousands of counts in one table)."""
    ranked = [i for i, lead in enumerate(leads) if lead[2] < PAIRED_PER_ARTICLE]
    is_ranked = set(ranked)
    for i in ranked:
        for j in range(len(leads)):
            if j != i and not (j in is_ranked and j < i):
                yield min(i, j), max(i, j)


def _kind_of(f: Facet) -> str:
    """What a figure counts, as an article's figures are ranked: the public under any name
    ("people", "passengers") as one kind, every other noun its own."""
    return "people" if f.noun in _PUBLIC else f.noun


def _join(block: list[tuple[Claim, Facet]]) -> list[list[Claim]]:
    """Groups for the claims of one head.

    Each article's figures are first folded into leads and their restatements; leads are then
    paired across articles, best score first. Only an article's first lead pairs freely: a later
    lead ("seven more were treated at one hospital") joins another article's first lead or a
    figure of the same named occurrence, never another detail, so details do not make groups of
    their own."""
    leads: list[tuple[Claim, Facet, int]] = []  # claim, facet, its rank among its article's leads
    attached: dict[str, list[Claim]] = {}
    by_article: dict[str, list[int]] = defaultdict(list)
    for claim, f in block:
        mine = by_article[claim.article]
        home = next(
            (
                k
                for k in mine
                if score(f, leads[k][1], same_article=True) is not None
                and _restates(claim, leads[k][0])
            ),
            None,
        )
        if home is not None:
            attached[leads[home][0].id].append(claim)
        elif len(mine) < PAIRED_PER_ARTICLE:
            # its rank among the article's figures for things of its kind: the first count of
            # civilians killed is a first figure, whatever tolls of all the dead came before it
            rank = sum(1 for k in mine if _kind_of(leads[k][1]) == _kind_of(f))
            mine.append(len(leads))
            leads.append((claim, f, rank))
            attached[claim.id] = [claim]
        else:
            attached.setdefault(claim.id, [claim])
            leads.append((claim, f, PAIRED_PER_ARTICLE))
    pair_score: dict[tuple[int, int], float] = {}
    for i, j in _pairable(leads):
        (a, fa, ra), (b, fb, rb) = leads[i], leads[j]
        if a.article == b.article:
            continue
        named = (fa.occurrence is not None and fa.occurrence == fb.occurrence) or (
            fa.day is not None and fa.day == fb.day
        )
        if min(ra, rb) > 0 and not named:
            continue
        if (s := score(fa, fb)) is not None:
            pair_score[i, j] = s + _LEAD / (1 + ra) + _LEAD / (1 + rb)
    cluster = list(range(len(leads)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(leads))}
    for (i, j), _s in sorted(pair_score.items(), key=lambda kv: (-kv[1], kv[0])):
        ci, cj = cluster[i], cluster[j]
        if ci == cj:
            continue
        arts_i = {leads[k][0].article for k in members[ci]}
        if any(leads[k][0].article in arts_i for k in members[cj]):
            continue  # one figure per article for a fact
        if not all((min(x, y), max(x, y)) in pair_score for x in members[ci] for y in members[cj]):
            continue  # every pair must be comparable, so a chain cannot join strangers
        for k in members[cj]:
            cluster[k] = ci
        members[ci].extend(members.pop(cj))
    groups: list[list[Claim]] = []
    for ids in members.values():
        group = [c for k in ids for c in attached[leads[k][0].id]]
        group.sort(key=lambda c: (article_order(c.article), c.start))
        groups.append(group)
    return groups


def group_claims(claims: Sequence[Claim], texts: dict[str, str] | None = None) -> list[list[Claim]]:
    """Claims partitioned into groups: each claim in exactly one, in text order of first claims.
    `texts` maps article ids to their texts, to resolve short names within their article."""
    names = resolve_age_names(claims, texts or {})
    people = person_clusters(list(names.values()))
    blocks: dict[tuple[str, ...], list[tuple[Claim, Facet]]] = defaultdict(list)
    groups: list[list[Claim]] = []
    for claim in sorted(claims, key=lambda c: (article_order(c.article), c.start)):
        name = names.get(claim.id)
        f = facet(claim, people.get(name) if name else None)
        if f is None:
            groups.append([claim])
        else:
            blocks[f.head].append((claim, f))
    for block in blocks.values():
        groups.extend(_join(block))
    groups.sort(key=lambda g: (article_order(g[0].article), g[0].start))
    return groups
