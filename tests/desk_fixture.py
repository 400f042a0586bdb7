"""A fixed analysis for the desk's tests and snapshots, built by hand so that a change to the
engine does not move a picture or a mark test. The stories are the team's own, about a made-up
bridge collapse; the figures in them are the claims, found by their surface."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.engine import Analysis
from factcheck.models import Article, Claim
from factcheck.numbers import Interval
from factcheck.verdicts import Group

STORIES = [
    (
        "harbour-gazette.txt",
        "Footbridge gives way over the Lessing canal",
        "A footbridge over the Lessing canal gave way on Saturday evening, injuring 14 people "
        "who were crossing it after the regatta.\n\n"
        "At least 3 people died, the fire service said. A 42-year-old engineer who inspected "
        "the bridge in spring said the cables had been replaced in 2019.\n\n"
        "Divers searched the water until midnight. The regatta drew 8,000 visitors this year. "
        "Mayor Ilse Brandt visited the site on Sunday with divers from Northgate.",
    ),
    (
        "https://www.valley-courier.example/news/bridge",
        "Three dead as bridge collapses after regatta",
        "Three people were killed and 17 injured when a footbridge over the Lessing canal "
        "collapsed on Saturday.\n\n"
        "The 42-year-old engineer who last inspected it was questioned by police. Officials said "
        "about 40 people were on the bridge.\n\n"
        "The city closed two other bridges of the same design for checks. Mayor Ilse Brandt said "
        "the Kessel Street bridge and the Northgate bridge would be checked first.",
    ),
    (
        "evening-post.txt",
        "Canal bridge collapse: what we know",
        "The footbridge was built in 1988 and carried 2,000 people a day.\n\n"
        "Rescuers said 14 people were injured and at least 3 died in the collapse on Saturday.\n\n"
        "A crowd of about 40 had gathered on the span to watch the last boats.\n\n"
        "Ilse Brandt, the mayor, thanked the divers from Northgate and Kessel Street.",
    ),
]

# (article index, surface, nth occurrence, kind, qualifier, topic, low, high)
FIGURES = [
    (0, "14", 0, "count", "exact", "injured", 14, 14),
    (0, "At least 3", 0, "count", "at_least", "killed", 3, float("inf")),
    (0, "42-year-old", 0, "age", "exact", "age", 42, 42),
    (0, "8,000", 0, "count", "exact", "visitor", 8000, 8000),
    (1, "Three", 1, "count", "exact", "killed", 3, 3),
    (1, "17", 0, "count", "exact", "injured", 17, 17),
    (1, "42-year-old", 0, "age", "exact", "age", 42, 42),
    (1, "about 40", 0, "count", "about", "people", 36, 44),
    (2, "2,000", 0, "count", "exact", "people", 2000, 2000),
    (2, "14", 0, "count", "exact", "injured", 14, 14),
    (2, "at least 3", 0, "count", "at_least", "killed", 3, float("inf")),
    (2, "about 40", 0, "count", "about", "people", 36, 44),
]

# (verdict, label, topic, figures by (article index, surface), explanation)
GROUPS = [
    (
        "conflict",
        "people injured in the collapse",
        "injured",
        [(0, "14"), (1, "17"), (2, "14")],
        "A and C say 14, B says 17",
    ),
    (
        "qualifier_mismatch",
        "people killed in the collapse",
        "killed",
        [(0, "At least 3"), (1, "Three"), (2, "at least 3")],
        "B says exactly 3; A and C say at least 3",
    ),
    ("agree", "age of the engineer", "age", [(0, "42-year-old"), (1, "42-year-old")], ""),
    ("agree", "people on the bridge", "people", [(1, "about 40"), (2, "about 40")], ""),
    ("single", "visitors", "visitor", [(0, "8,000")], ""),
    ("single", "people a day", "people", [(2, "2,000")], ""),
]


def _find(text: str, surface: str, nth: int) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.find(surface, at + 1)
        if at < 0:
            raise ValueError(f"{surface!r} not in the story")
    return at


def articles(order: Sequence[int] = (0, 1, 2)) -> list[Article]:
    """The stories as articles, lettered in the order given."""
    out = []
    for letter, index in zip("ABCDEFGH", order, strict=False):
        source, title, body = STORIES[index]
        out.append(Article(letter, source, title, f"{title}\n\n{body}"))
    return out


def analysis(order: Sequence[int] = (0, 1, 2), *, shift: int = 0, widen: str = "") -> Analysis:
    """The fixed analysis of the stories in `order`. `shift` and `widen` imitate a change of the
    extraction rules: every claim id moves by `shift`, and the figure whose surface is `widen`
    takes in the word after it (its offsets and surface change)."""
    arts = articles(order)
    letter_of = {index: a.id for index, a in zip(order, arts, strict=False)}
    claims: dict[tuple[int, str], Claim] = {}
    counters: dict[int, int] = {}
    for index, surface, nth, kind, qualifier, topic, low, high in FIGURES:
        if index not in letter_of:
            continue
        article = next(a for a in arts if a.id == letter_of[index])
        start = _find(article.text, surface, nth)
        end = start + len(surface)
        if surface == widen:
            end = article.text.index(" ", end + 1)
        counters[index] = counters.get(index, 0) + 1
        sentence_start = article.text.rfind("\n", 0, start) + 1
        sentence_end = article.text.find(".", start) + 1
        claims[(index, surface)] = Claim(
            id=f"{article.id}{counters[index] + shift}",
            article=article.id,
            start=start,
            end=end,
            surface=article.text[start:end],
            sentence=article.text[sentence_start:sentence_end],
            kind=kind,
            quantity=Interval(low, high),
            qualifier=qualifier,
            topic=topic,
            sentence_start=sentence_start,
            value=float(low),
        )
    groups = []
    for verdict, label, topic, figures, explanation in GROUPS:
        members = tuple(claims[f] for f in figures if f in claims)
        if not members:
            continue
        if len({c.article for c in members}) < 2 and verdict != "single":
            verdict, explanation = "single", ""
        groups.append(Group(f"G{len(groups) + 1}", topic, label, members, verdict, explanation))
    order_key = {"conflict": 0, "qualifier_mismatch": 1, "agree": 2, "single": 3}
    groups.sort(key=lambda g: order_key[g.verdict])
    groups = [
        Group(f"G{n}", g.topic, g.label, g.claims, g.verdict, g.explanation)
        for n, g in enumerate(groups, 1)
    ]
    ordered = sorted(claims.values(), key=lambda c: (c.article, c.start))
    return Analysis(tuple(arts), tuple(ordered), tuple(groups))
