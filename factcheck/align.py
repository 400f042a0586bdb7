"""Grouping claims that state the same fact, across articles and within one.

Conservative by design: a false conflict costs an editor's trust faster than a missed one, so
only claims whose topic is known (tolls, injuries, arrests…), ages of one person, and quake
magnitudes are grouped; everything else stands alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from factcheck.extract import TOPIC_LEMMAS
from factcheck.models import Claim

GROUPED_TOPICS = frozenset(TOPIC_LEMMAS.values()) | {"shots fired", "times shot"}
_NAME_SCORE = 88  # rapidfuzz ratio at which two spellings are one name ("Sara" ~ "Sarah")
_TITLES = {"mr", "mrs", "ms", "dr", "sgt", "officer", "lt", "det", "gov", "sen", "rep", "president"}


def _name_tokens(name: str) -> list[str]:
    words = [w.strip(".,'\"").lower() for w in name.replace("'s", "").split()]
    return [w for w in words if w and w not in _TITLES and w[0].isalpha()]


def person_clusters(names: Sequence[str]) -> dict[str, int]:
    """Cluster names that denote one person: full names by fuzzy match, a lone surname only when
    exactly one full name carries it ("Shelton" is ambiguous between Tina and Cheron Shelton)."""
    cluster: dict[str, int] = {}
    full: list[tuple[str, list[str]]] = []
    for name in sorted(set(names), key=lambda n: -len(_name_tokens(n))):
        toks = _name_tokens(name)
        if len(toks) < 2:
            continue
        joined = " ".join(toks)
        match = next((cluster[n] for n, t in full if fuzz.ratio(joined, " ".join(t)) >= _NAME_SCORE
                      and fuzz.ratio(toks[-1], t[-1]) >= _NAME_SCORE), None)  # fmt: skip
        cluster[name] = match if match is not None else len(set(cluster.values()))
        full.append((name, toks))
    next_id = len(set(cluster.values()))
    for name in set(names):
        if name in cluster:
            continue
        toks = _name_tokens(name)
        if not toks:
            continue
        owners = {cluster[n] for n, t in full if fuzz.ratio(toks[-1], t[-1]) >= _NAME_SCORE}
        if len(owners) == 1:
            cluster[name] = owners.pop()
        else:
            same = next((cluster[n] for n in cluster if _name_tokens(n) == toks), None)
            cluster[name] = same if same is not None else next_id
            next_id += same is None
    return cluster


def group_key(claim: Claim, people: dict[str, int]) -> tuple[str, ...] | None:
    """What fact a claim states, or None when it should stand alone."""
    if claim.kind == "age":
        if claim.subject and claim.subject in people:
            return ("age", str(people[claim.subject]))
        return None
    if claim.kind == "measure" and claim.topic == "magnitude":
        return ("magnitude",)
    if claim.kind != "count" or claim.trend or claim.topic not in GROUPED_TOPICS:
        return None
    if "other_event" in claim.notes:
        return None
    scope = "total" if "total" in claim.notes else "event"
    return ("count", claim.topic, scope)


def group_claims(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Claims partitioned into groups, each claim in exactly one, in order of first appearance."""
    people = person_clusters([c.subject for c in claims if c.kind == "age" and c.subject])
    keyed: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
    groups: list[list[Claim]] = []
    for claim in claims:
        key = group_key(claim, people)
        if key is None:
            groups.append([claim])
            continue
        if key not in keyed:
            groups.append(keyed[key])
        keyed[key].append(claim)
    return groups
