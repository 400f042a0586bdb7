"""Do these articles tell of one event? A check on the names, places and years they share.

Figures only make sense side by side when the articles report the same event: "officers killed
3" against "officers killed 5" means nothing if one story is about another city. Names and
places are capitalised words that do not open a sentence and that no open article also writes
in lower case (which rules out "Police", "Sunday" is kept: a date); years are four-digit numbers.
An article that shares few of its own with the others is named in a warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.models import Article

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]+|\b(?:1[89]|20)\d\d\b")
_OPENERS = frozenset('.!?:;"“‘(\n')
MIN_NAMES = 6  # an article with fewer names says too little to judge
SHARED = 0.18  # below this share of its names found in another article, it looks apart


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


def shared_share(articles: Sequence[Article]) -> dict[str, float]:
    """For each article, the share of its names that some other article also has (1.0 when
    it has too few to judge)."""
    seen = {a.id: _candidates(a.text) for a in articles}
    common = set().union(*(lower for _, lower in seen.values()))
    sets = {
        aid: {w for w in found if w[:1].isdigit() or w.lower() not in common}
        for aid, (found, _) in seen.items()
    }
    out = {}
    for a in articles:
        mine = sets[a.id]
        others = set().union(*(s for k, s in sets.items() if k != a.id))
        out[a.id] = len(mine & others) / len(mine) if len(mine) >= MIN_NAMES else 1.0
    return out


def apart(articles: Sequence[Article]) -> list[str]:
    """The ids of articles that look like reports of another event."""
    if len(articles) < 2:
        return []
    return [aid for aid, share in shared_share(articles).items() if share < SHARED]
