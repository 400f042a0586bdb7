"""Comparing the figures of a group and saying, in one line, how they differ."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.models import Claim, Kind, Note, Qualifier, Verdict, article_order
from factcheck.numbers import Interval
from factcheck.vocab import EVENT_NOUNS, PERPETRATOR_NOUNS, SECONDS, plural, singular

VERDICTS = tuple(Verdict)
SEVERITY: dict[str, int] = {v: v.severity for v in Verdict}  # lower is more serious

_TOPIC_PHRASES = {
    "killed": "people killed",
    "injured": "people injured",
    "hospitalized": "people treated in hospital",
    "arrested": "people arrested",
    "raids": "raids",
    "shot": "people shot",
    "missing": "people missing",
    "displaced": "people displaced",
    "charged": "people charged",
    "casualties": "casualties",
    "victims": "victims",
    "rescued": "people rescued",
    "strikes": "strikes",
    "shots fired": "shots fired",
    "times shot": "times shot",
}


@dataclass(frozen=True, slots=True)
class Group:
    """Claims that state the same fact, and what the desk should make of them."""

    id: str
    """"G1", "G2"… conflicts first."""
    topic: str
    """The shared topic ("killed", "age"…)."""
    label: str
    """What the figures are about, for a person: "people killed in the attacks in Paris"."""
    claims: tuple[Claim, ...]
    """The claims, in article then text order."""
    verdict: Verdict
    """conflict, qualifier_mismatch, agree or single."""
    explanation: str
    """One line naming the articles and their figures; empty for a single."""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "topic": self.topic,
            "label": self.label,
            "claims": [c.id for c in self.claims],
            "verdict": self.verdict,
            "explanation": self.explanation,
        }

    @property
    def articles(self) -> list[str]:
        return sorted({c.article for c in self.claims}, key=article_order)


def _num(x: float) -> str:
    if math.isinf(x):
        return "∞"
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def figure_words(claim: Claim) -> str:
    """The figure as the desk would say it: "exactly 129", "at least 129", "between 6 and 10"."""
    q = claim.quantity
    if q is None or claim.kind == Kind.TIME:
        return claim.surface  # "about 1:45 a.m.": a clock time reads as written
    if claim.qualifier == Qualifier.RANGE:
        return f"between {_num(q.low)} and {_num(q.high)}"
    if claim.qualifier == "vague":
        return f"{claim.surface} ({_num(q.low)}-{_num(q.high)})"
    value = claim.value if claim.value is not None else q.low
    return f"{Qualifier(claim.qualifier).words} {_num(value)}".strip()


def _topic_words(claim: Claim) -> str:
    if claim.kind == Kind.AGE:
        return "years old"
    if claim.topic == "magnitude":
        return "magnitude"
    if claim.kind == Kind.TIME:
        return ""
    if claim.kind == Kind.DURATION and claim.unit:
        return claim.unit if claim.value == 1 else plural(claim.unit)  # "9 years", "1 hour"
    return claim.topic


def _plural(noun: str) -> str:
    if " (" in noun:  # "officer (DART)" -> "officers (DART)"
        head, _, rest = noun.partition(" (")
        return f"{plural(head)} ({rest}"
    return plural(noun)


def label(claims: Sequence[Claim]) -> str:
    """What the figures are about, as an editor would write it: "people killed in the attacks
    in Paris", "minutes the rampage lasted", "rounds of ammunition carried", "age of Ana Ruiz"."""
    first = claims[0]
    if first.kind == Kind.AGE:
        names = Counter(c.subject for c in claims if c.subject)
        name = max(names, key=lambda n: (len(n), names[n])) if names else "a person"
        return f"age of {name}"
    if first.topic == "magnitude":
        return "magnitude of the earthquake"
    if first.kind == Kind.TIME:
        return f"time the {first.subject}" if first.subject else "time"
    if first.kind == Kind.DURATION:
        unit = _plural(first.unit or "time")
        if first.subject and first.subject.startswith("service of "):
            return f"{unit} of service of {first.subject[11:].title()}"
        return f"{unit} the {first.subject} lasted" if first.subject else f"length in {unit}"
    counted = first.counted if first.counted and first.counted != "people" else None
    if first.kind == Kind.MEASURE and first.topic != first.kind:
        base = f"{first.topic} in {_plural(first.unit)}" if first.unit else first.topic
    elif first.kind != "count":
        base = f"{first.kind} ({first.topic})" if first.topic != first.kind else str(first.kind)
    elif first.topic in _TOPIC_PHRASES:
        base = _TOPIC_PHRASES[first.topic]
        if counted and first.topic not in ("raids", "shots fired", "times shot", "casualties"):
            base = f"{_plural(counted)} {first.topic}"
    else:
        noun = _plural(counted) if counted else "people"
        told = next(((c.predicate, c.acts) for c in claims if c.predicate), None)
        # what the counted did in the past tense ("groups began"), what befell them as a
        # participle ("bombs dropped")
        base = f"{noun} {_verb_form(told[0], 'VBD' if told[1] else 'VBN')}" if told else noun
    modifiers = [m for m in first.modifiers if m not in base]
    if modifiers and first.kind == "count":
        base = f"{' '.join(modifiers)} {base}"
    subjects = Counter(c.subject for c in claims if c.subject and first.kind == "count")
    subject = _event_words(subjects.most_common(1)[0][0], base) if subjects else None
    if subject:
        base = f"{base} in {subject}"
    if Note.WITH_PERPETRATOR in first.notes:
        base += " (counting the attacker)"
    if Note.TOTAL in first.notes:
        base += " (running total)"
    return base


def _event_words(subject: str, base: str) -> str | None:
    """The event as a label says it: "the car bomb attack" for "A car bomb attack"; none for a
    headline's words ("Harbor Mall Shooting") or what the label already says."""
    words = subject.split()
    events = [w for w in words[1:] if singular(w.lower().strip(".,")) in EVENT_NOUNS]
    if any(w[:1].isupper() for w in events) or any(w.lower() in base.split() for w in events):
        return None  # a headline's title case, or "strong aftershocks … in strong aftershocks"
    if words[0].lower() in ("a", "an", "the"):
        words = ["the", *words[1:]]  # "people killed in the firebomb attack"
    elif not (words[0].endswith("'s") or words[0].endswith("’s") or words[0].lower() in _DETS):
        words = ["the", *words]  # "the Mich. office shooting"
    return " ".join(words)


_DETS = frozenset("this that these those his her its their our my your".split())


def _verb_form(verb: str, tag: str) -> str:
    """A predicate as the desk says it, inflected by lemminflect's tables: the past participle
    (tag VBN) for what was done to what is counted ("drop" -> "bombs dropped", "splinter-off"
    -> "splintered off"), the past tense (VBD) for what it did ("begin" -> "groups began")."""
    from lemminflect import getInflection  # here: importing it imports spaCy

    word, _, particle = verb.partition("-")
    found = getInflection(word, tag=tag)
    said = found[0] if found else word
    return f"{said} {particle}" if particle else said


def compare(claims: Sequence[Claim]) -> Verdict:
    """The verdict for a group."""
    if _contradictory(claims):
        return Verdict.CONFLICT
    if len({c.article for c in claims}) == 1:
        return Verdict.SINGLE
    # the articles agree when each states the fact the same ways: two copies of one story that
    # say "at least 129" in the lead and "129" further down agree; "46" against "at least 46"
    # stated anywhere in another article is a hedge the editor must see
    ways: dict[str, set[tuple[str, Interval | None]]] = {}
    for c in claims:
        if c.quantity is not None:
            ways.setdefault(c.article, set()).add((c.qualifier, _in_base_unit(c)))
    distinct = {frozenset(w) for w in ways.values()}
    return Verdict.AGREE if len(distinct) == 1 else Verdict.QUALIFIER_MISMATCH


def explain(
    claims: Sequence[Claim], verdict: str, published: Mapping[str, str | None] | None = None
) -> str:
    """ "A: exactly 129 killed; B: at least 129 killed; compatible, but B hedges"."""
    if verdict == Verdict.SINGLE and len({c.article for c in claims}) == 1 and len(claims) == 1:
        return ""
    per_article: dict[str, list[str]] = {}
    for c in claims:
        words = f"{figure_words(c)} {_topic_words(c)}".strip()
        per_article.setdefault(c.article, [])
        if words not in per_article[c.article]:
            per_article[c.article].append(words)
    parts = [f"{a}: {' and '.join(w)}" for a, w in per_article.items()]
    head = "; ".join(parts)
    if verdict == Verdict.CONFLICT:
        self_contra = [
            a for a in per_article if _contradictory([c for c in claims if c.article == a])
        ]
        tail = "these figures cannot all be true"
        if self_contra:
            tail += f" ({', '.join(self_contra)} contradicts itself)"
        hedgers = sorted(
            {c.article for c in claims if c.qualifier not in (Qualifier.EXACT, Qualifier.RANGE)},
            key=article_order,
        )
        if hedgers and len({c.qualifier for c in claims}) > 1:
            tail += f"; hedged differently as well ({', '.join(hedgers)})"
    elif verdict == Verdict.QUALIFIER_MISMATCH:
        hedgers = sorted(
            {c.article for c in claims if c.qualifier != Qualifier.EXACT}, key=article_order
        )
        exact = sorted({c.article for c in claims if c.qualifier == Qualifier.EXACT})
        if hedgers and exact:
            tail = (
                f"compatible, but {', '.join(hedgers)} {'hedges' if len(hedgers) == 1 else 'hedge'}"
            )
        else:
            tail = "compatible, but hedged differently"
    elif verdict == Verdict.AGREE:
        tail = "the articles agree"
    else:
        tail = "stated in one article only"
    explanation = f"{head}; {tail}"
    updates = sorted({c.article for c in claims if Note.UPDATE in c.notes})
    tolls = {"killed", "injured", "missing", "displaced", "casualties", "shot"}
    points = {c.value for c in claims if c.qualifier == Qualifier.EXACT and c.value is not None}
    if (
        verdict == Verdict.CONFLICT
        and claims[0].topic == "killed"
        and len(points) == 2
        and (max(points) - min(points) == 1)
        and _attacker_in_story(claims)
    ):
        explanation += "; a difference of one may be the attacker counted among the dead"
    dates = {a: d for a in sorted({c.article for c in claims}) if (d := (published or {}).get(a))}
    if verdict in (Verdict.CONFLICT, Verdict.QUALIFIER_MISMATCH) and len(set(dates.values())) > 1:
        when = ", ".join(f"{a} {d}" for a, d in dates.items())
        explanation += f"; the articles are of different dates ({when}): the figures may differ because of time"
    elif not updates and verdict == Verdict.CONFLICT and claims[0].topic in tolls:
        explanation += (
            "; if the articles were written at different times, the count may have changed"
        )
    if updates and verdict in (Verdict.CONFLICT, Verdict.QUALIFIER_MISMATCH):
        explanation += (
            f"; {', '.join(updates)} report{'s' if len(updates) == 1 else ''} a toll "
            "that changed, so the figures may differ because of time"
        )
    return explanation


def _contradictory(claims: Sequence[Claim]) -> bool:
    """Two of the figures cannot both hold."""
    # intervals on a line meet pairwise exactly when they share a point (Helly, in one
    # dimension): one pass for the tightest ends instead of every pair
    figures = [q for c in claims if (q := _in_base_unit(c)) is not None]
    if len(figures) < 2:
        return False
    low = max(figures, key=lambda q: (q.low, not q.low_closed))
    high = min(figures, key=lambda q: (q.high, q.high_closed))
    if low.overlaps(high):
        return False
    # "more than 200" against a plain "200": the hedge is on the very number the other states,
    # which is hedged differently, not contradicted ("more than 11,000" against "about 10,000",
    # whose band ends at 11,000, still is)
    return not (low.low == high.high and (low.low == low.high or high.low == high.high))


def _in_base_unit(claim: Claim) -> Interval | None:
    """The figure's interval in one unit per dimension: "a 15-minute rampage" and "a quarter of
    an hour" compare in seconds."""
    q = claim.quantity
    if q is None or claim.kind != Kind.DURATION or claim.unit not in SECONDS:
        return q
    k = SECONDS[claim.unit]
    return Interval(q.low * k, q.high * k, q.low_closed, q.high_closed)


def _attacker_in_story(claims: Sequence[Claim]) -> bool:
    """Whether the sentences around the toll name someone who could be among the dead."""
    words = {w.strip(".,;:'\"").lower() for c in claims for w in c.sentence.split()}
    return any(w.rstrip("s") in PERPETRATOR_NOUNS or w in PERPETRATOR_NOUNS for w in words)


def judge(
    groups: Sequence[Sequence[Claim]], *, published: Mapping[str, str | None] | None = None
) -> list[Group]:
    """Verdicts, labels and explanations; the most serious groups first, then in text order."""
    judged = []
    for claims in groups:
        verdict = compare(claims)
        judged.append((claims, verdict, explain(claims, verdict, published)))
    judged.sort(key=lambda g: SEVERITY[g[1]])
    return [
        Group(f"G{n}", claims[0].topic, label(claims), tuple(claims), verdict, explanation)
        for n, (claims, verdict, explanation) in enumerate(judged, start=1)
    ]
