"""Quotations reproduced differently: the same words quoted one way in one article, another way
in the next.

Quotations are aligned across articles by their words (rapidfuzz's longest common subsequence
over normalised words). What is not a difference: a quotation that starts later or stops earlier
(a faithful partial quote), an editorial gloss in brackets or parentheses, capitals, punctuation,
"end game" for "endgame", British for American spelling. What is: a word changed, added or
dropped inside the stretch both quote, and a quotation closed with a full stop where the other
article's goes on with the same sentence ("no community." against "no community center.").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise

from rapidfuzz.distance import Indel, Opcode

from factcheck.findings.model import Finding, FindingType, Passage
from factcheck.findings.spelling import spelling
from factcheck.models import Article, article_order

_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
_GLOSS = re.compile(r"\[[^\]\n]*\]|\([^)\n]*\)")
_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'
_MIN_WORDS = 3
# Two quotations are one when they share this many words in a row…
_SHARED_RUN = 4
# …or, for short ones, all words but one.
_SENTENCE_END = re.compile(r"[.!?]\W*$")


@dataclass(frozen=True, slots=True)
class _Quote:
    article: str
    start: int
    end: int
    raw: str
    words: tuple[str, ...]
    """Normalised words, glosses left out."""
    offsets: tuple[tuple[int, int], ...]
    """Where each word lies in the article."""


def find(articles: Sequence[Article]) -> list[Finding]:
    """Quotations that two articles reproduce differently, in article then text order."""
    quotes = [q for a in articles for q in quotations(a)]
    found: list[tuple[_Quote, _Quote, list[str]]] = []
    for qa, qb in _candidate_pairs(quotes):
        differences = compare(qa, qb)
        if differences:
            found.append((qa, qb, differences))
    found.sort(key=lambda f: (article_order(f[0].article), f[0].start, f[1].start))
    return [
        Finding(
            f"Q{n}",
            FindingType.QUOTE_DIFFERENCE,
            (
                Passage(qa.article, qa.start, qa.end, qa.raw),
                Passage(qb.article, qb.start, qb.end, qb.raw),
            ),
            f"{qa.article} and {qb.article} quote the same words differently: "
            + "; ".join(differences)
            + ".",
        )
        for n, (qa, qb, differences) in enumerate(found, start=1)
    ]


def quotations(article: Article) -> Iterator[_Quote]:
    """Every quotation of three words or more: between quotation marks; from an opening mark to
    the end of its paragraph (a quotation that runs on); from the start of a paragraph to a
    closing mark (the run-on quotation's last paragraph, where no mark reopened it)."""
    text = article.as_written
    running_on = False  # the last paragraph ended inside a quotation
    for para in re.finditer(r"[^\n]+", text):
        body, base = para.group(), para.start()
        opened: int | None = None
        first = True
        for i, ch in enumerate(body):
            if ch not in (_OPEN, _CLOSE, _STRAIGHT):
                continue
            if first and ((running_on and i > 0) or not _opens(body, i)):
                # the run-on quotation ends here: 'action, "said Captain …'
                yield from _quote(article.id, text, base, base + i)
            elif _opens(body, i):
                if opened is None:
                    opened = i + 1
            elif opened is not None:
                yield from _quote(article.id, text, base + opened, base + i)
                opened = None
            first = False
        if opened is not None:
            yield from _quote(article.id, text, base + opened, base + len(body))
        running_on = opened is not None


def _opens(body: str, i: int) -> bool:
    """Whether the mark at i opens a quotation: a curly opening mark, or a straight one with a
    space (or the line's start) before it and a word after it."""
    ch = body[i]
    if ch != _STRAIGHT:
        return ch == _OPEN
    before = body[i - 1] if i else " "
    after = body[i + 1] if i + 1 < len(body) else " "
    return not after.isspace() and (before.isspace() or before in "([{—–-/")


def _quote(article: str, text: str, start: int, end: int) -> Iterator[_Quote]:
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    raw = raw.strip()
    start += lead
    end = start + len(raw)
    glosses = [(m.start(), m.end()) for m in _GLOSS.finditer(raw)]
    words, offsets = [], []
    for m in _TOKEN.finditer(raw):
        if any(s <= m.start() < e for s, e in glosses):
            continue
        words.append(spelling(m.group()))
        offsets.append((start + m.start(), start + m.end()))
    if len(words) >= _MIN_WORDS:
        yield _Quote(article, start, end, raw, tuple(words), tuple(offsets))


def _candidate_pairs(quotes: Sequence[_Quote]) -> Iterator[tuple[_Quote, _Quote]]:
    """Pairs from different articles that share a run of words (bigrams for short quotes)."""
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for n, q in enumerate(quotes):
        size = 2 if len(q.words) < _SHARED_RUN + 2 else 3
        for gram in {q.words[i : i + size] for i in range(len(q.words) - size + 1)}:
            index[gram].append(n)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) > 50:
            continue  # "of the": says nothing about which quotation is which
        for i, j in combinations(sorted(set(members)), 2):
            if quotes[i].article != quotes[j].article:
                pairs.add((i, j))
    for i, j in sorted(pairs):
        yield quotes[i], quotes[j]


def compare(qa: _Quote, qb: _Quote) -> list[str]:
    """The word-level differences between two renderings of one quotation ("“got” in A,
    “ended up getting” in B"); empty when they are not one quotation or agree where both quote."""
    a, b = qa.words, qb.words
    blocks = _trimmed([op for op in Indel.opcodes(list(a), list(b)) if op.tag == "equal"])
    if not blocks:
        return []
    shared = sum(op.src_end - op.src_start for op in blocks)
    longest = max(op.src_end - op.src_start for op in blocks)
    shorter = min(len(a), len(b))
    one_quote = (longest >= _SHARED_RUN and shared * 2 >= shorter) or (
        shorter >= _MIN_WORDS + 1 and shared >= shorter - 1 and longest >= 2
    )
    if not one_quote:
        return []
    first, last = blocks[0], blocks[-1]
    differences: list[str] = []
    for prev, nxt in pairwise(blocks):
        gone, added = a[prev.src_end : nxt.src_start], b[prev.dest_end : nxt.dest_start]
        if "".join(gone) == "".join(added):
            continue  # "end game" for "endgame"
        differences.append(
            _difference(qa, qb, prev.src_end, nxt.src_start, prev.dest_end, nxt.dest_start)
        )
    # the two stop at different words: a truncation if one closes the sentence and the other goes on
    end_a, end_b = last.src_end, last.dest_end
    while end_a < len(a) and end_b < len(b) and a[end_a] == b[end_b]:
        end_a, end_b = end_a + 1, end_b + 1
    tail_a, tail_b = len(a) - end_a, len(b) - end_b
    if tail_a and tail_b:
        differences.append(_difference(qa, qb, end_a, len(a), end_b, len(b)))
    elif tail_b and _closes_sentence(qa) and not _sentence_ends_after(qb, end_b - 1):
        differences.append(
            f"{qa.article} ends the sentence where {qb.article} goes on: “{_words(qb, end_b, len(b))}”"
        )
    elif tail_a and _closes_sentence(qb) and not _sentence_ends_after(qa, end_a - 1):
        differences.append(
            f"{qb.article} ends the sentence where {qa.article} goes on: “{_words(qa, end_a, len(a))}”"
        )
    head_a, head_b = first.src_start, first.dest_start
    while head_a and head_b and a[head_a - 1] == b[head_b - 1]:
        head_a, head_b = head_a - 1, head_b - 1
    if head_a and head_b:
        differences.insert(0, _difference(qa, qb, 0, head_a, 0, head_b))
    return differences


def _trimmed(blocks: list[Opcode]) -> list[Opcode]:
    """Drop a stray word matched at either end across a long stretch only one side quotes:
    "we" at the start of a short quotation is not the "we" thirty words into the long one."""

    def size(op: Opcode) -> int:
        return op.src_end - op.src_start

    while len(blocks) > 1:
        first, second = blocks[0], blocks[1]
        gap_a, gap_b = second.src_start - first.src_end, second.dest_start - first.dest_end
        if min(gap_a, gap_b) == 0 and max(gap_a, gap_b) > size(first):
            blocks = blocks[1:]
            continue
        last, before = blocks[-1], blocks[-2]
        gap_a, gap_b = last.src_start - before.src_end, last.dest_start - before.dest_end
        if min(gap_a, gap_b) == 0 and max(gap_a, gap_b) > size(last):
            blocks = blocks[:-1]
            continue
        break
    return blocks


def _difference(qa: _Quote, qb: _Quote, a0: int, a1: int, b0: int, b1: int) -> str:
    if a1 == a0:
        return f"“{_words(qb, b0, b1)}” only in {qb.article}"
    if b1 == b0:
        return f"“{_words(qa, a0, a1)}” only in {qa.article}"
    return f"{qa.article} “{_words(qa, a0, a1)}”, {qb.article} “{_words(qb, b0, b1)}”"


def _words(q: _Quote, i: int, j: int) -> str:
    """The words i..j of a quotation as the article writes them."""
    article_start = q.start
    s, e = q.offsets[i][0], q.offsets[j - 1][1]
    return q.raw[s - article_start : e - article_start]


def _closes_sentence(q: _Quote) -> bool:
    return bool(_SENTENCE_END.search(q.raw))


def _sentence_ends_after(q: _Quote, i: int) -> bool:
    """Whether a sentence ends between word i and word i + 1 of the quotation."""
    if i + 1 >= len(q.offsets):
        return True
    between = q.raw[q.offsets[i][1] - q.start : q.offsets[i + 1][0] - q.start]
    return any(c in ".!?" for c in between)
