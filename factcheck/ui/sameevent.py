"""Do these articles tell of one event? A check on the names, places and years they share.

Figures only make sense side by side when the articles report the same event: "officers killed
3" against "officers killed 5" means nothing if one story is about another city. Names and
places are capitalised words that do not open a sentence and that no open article also writes
in lower case (which rules out "Police", "Sunday" is kept: a date); years are four-digit numbers.
Articles are linked when they share enough of their names; those outside the largest linked
set are named in a warning. On ../shared/corpus, LINKED = 0.2 warned on 1 of 23 single events
and on 65 of 69 mixes of two events (5-7 articles of one, 1-3 of another).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.models import Article

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]+|\b(?:1[89]|20)\d\d\b")
_OPENERS = frozenset('.!?:;"“‘(\n')
MIN_NAMES = 6  # an article with fewer names says too little to judge
LINKED = 0.2  # two articles sharing this share of the smaller one's names tell of one event


def _candidates(text: str) -> tuple[set[str], set[str]]:
    """(capitalised words not opening a sentence, and years; every word seen in lower case)."""
    found, lower = set(), set()
    for match in _WORD.finditer(text):
        word = match.group().removesuffix("’s").removesuffix("'s").strip("’'-")
        if word[:1].islower():
            lower.add(word)
            continue
        before = text[: match.start()].rstrip(" \t")
        if word[:1].isdigit() or (before and before[-1] not in _OPENERS):
            found.add(word)
    return found, lower


def name_sets(articles: Sequence[Article]) -> list[set[str]]:
    """Each article's names, leaving out words that any open article writes in lower case."""
    seen = [_candidates(a.text) for a in articles]
    common = set().union(*(lower for _, lower in seen))
    return [{w for w in found if w[:1].isdigit() or w.lower() not in common} for found, _ in seen]


def likeness(a: set[str], b: set[str]) -> float:
    """The share of the smaller set's names that the other has too."""
    return len(a & b) / max(1, min(len(a), len(b)))


def apart(articles: Sequence[Article]) -> list[str]:
    """The ids of articles that look like reports of another event: articles are linked when
    they share enough names (or one has too few to judge), and those outside the largest linked
    set are named."""
    sets = name_sets(articles)
    n = len(articles)
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in range(n):
        for j in range(i + 1, n):
            few = min(len(sets[i]), len(sets[j])) < MIN_NAMES
            if few or likeness(sets[i], sets[j]) >= LINKED:
                parent[root(i)] = root(j)
    roots = [root(i) for i in range(n)]
    largest = max(set(roots), key=lambda r: (roots.count(r), -roots.index(r)), default=None)
    return [a.id for a, r in zip(articles, roots, strict=True) if r != largest]
