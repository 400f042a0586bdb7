"""Names written two ways: one person, place or organisation spelled differently.

Names are read off the text as runs of capitalised words; rapidfuzz finds pairs of name words
that are one slip apart (a letter added, dropped, swapped or changed; a capital or apostrophe
moved), and the words around them decide whether the two runs can be one name: "LaMont Powell"
and "Lamont Powell" can, "LaMont Powell" and "Cheron Lamont Shelton" cannot. spaCy's entities
decide the two rules that only hold for places and organisations (a word lower-cased inside the
name, a word inserted into it).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.process import cdist

from factcheck.findings.model import Finding, FindingType, Passage
from factcheck.findings.words import fold, spelling
from factcheck.models import Article, article_order

if TYPE_CHECKING:
    from spacy.language import Language

_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")
# Abbreviations that end with a period inside a name: titles and initials ("Rev.", "P.").
_TITLES = frozenset(
    "mr mrs ms dr rev sgt lt gov sen rep capt cpl det gen col maj insp supt prof jr sr st fr".split()
)
_VOWELS = set("aeiouy")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})
_MIN_LENGTH = 4


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    """As written, possessive removed."""
    start: int
    end: int
    ordinary: bool
    """Its lower-case form is used as a common word in these articles ("President", "Park")."""


@dataclass(frozen=True, slots=True)
class _Mention:
    article: str
    words: tuple[_Word, ...]
    """Every capitalised word of the run, in order."""

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    def names(self) -> list[_Word]:
        return [w for w in self.words if not w.ordinary]


def find(articles: Sequence[Article], nlp: Language | None = None) -> list[Finding]:
    """Name variants across and within the articles, in article then text order."""
    ordinary = _ordinary_words(articles)
    mentions = [m for a in articles for m in _mentions(a, ordinary)]
    found = _spelling_variants(mentions)
    if nlp is not None:
        found += _place_variants(articles, mentions, nlp)
    texts = {a.id: a.text for a in articles}
    found.sort(key=lambda f: min((article_order(p.article), p.start) for p in f[0]))
    return [
        Finding(
            f"N{n}",
            FindingType.NAME_VARIANT,
            tuple(
                Passage(p.article, p.start, p.end, texts[p.article][p.start : p.end])
                for p in sorted(set(spans), key=lambda p: (article_order(p.article), p.start))
            ),
            explanation,
            minor,
        )
        for n, (spans, explanation, minor) in enumerate(found, start=1)
    ]


# -- reading names off the text -----------------------------------------------------------------


def _ordinary_words(articles: Sequence[Article]) -> set[str]:
    """Words the articles write in lower case somewhere: common words, not names."""
    return {
        fold(m.group())
        for a in articles
        for m in _WORD.finditer(a.text)
        if m.group()[0].islower()
    }


def _mentions(article: Article, ordinary: set[str]) -> Iterable[_Mention]:
    text = article.text
    run: list[_Word] = []
    last_end = -1
    for m in _WORD.finditer(text):
        raw = m.group()
        capitalised = raw[0].isupper() and any(c.islower() for c in raw)
        gap = text[last_end : m.start()] if last_end >= 0 else ""
        joined = run and capitalised and (gap == " " or (gap == ". " and _abbreviation(run[-1])))
        if run and not joined:
            yield _Mention(article.id, tuple(run))
            run = []
        if not capitalised:
            last_end = -1
            continue
        word, possessive = _possessive(raw)
        run.append(_Word(word, m.start(), m.start() + len(word), fold(word) in ordinary))
        last_end = m.end()
        if possessive:
            yield _Mention(article.id, tuple(run))
            run, last_end = [], -1
    if run:
        yield _Mention(article.id, tuple(run))


def _abbreviation(word: _Word) -> bool:
    return len(word.text) == 1 or word.text.lower() in _TITLES


def _possessive(raw: str) -> tuple[str, bool]:
    for ending in ("'s", "’s", "'", "’"):
        if raw.endswith(ending) and len(raw) > len(ending) + 1:
            return raw[: -len(ending)], True
    return raw, False


# -- one name word written two ways -------------------------------------------------------------


def _slip(a: str, b: str) -> str | None:
    """How two name words differ when they can be one word mistyped or transliterated:
    "case" (capitals or apostrophes), "spelling" (a letter added, dropped, swapped or changed),
    "transliteration" (vowels only); None when they are different words or one short form."""
    if a == b:
        return None
    fa, fb = fold(a), fold(b)
    if min(len(fa), len(fb)) < _MIN_LENGTH or fa[0] != fb[0]:
        return None
    if fa == fb:
        return "case"
    if spelling(a) == spelling(b):
        return None  # recognised / recognized
    distance = OSA.distance(fa, fb)
    if distance == 1:
        if len(fa) == len(fb) and min(len(fa), len(fb)) < 5:
            return None  # a changed letter in a four-letter word is usually another word
        if _vowel_change(fa, fb) and Levenshtein.distance(fa, fb) == 1:
            return "transliteration"
        return "spelling"
    if distance == 2 and min(len(fa), len(fb)) >= 6 and _vowel_change(fa, fb):
        return "transliteration"  # Mohammed / Muhammad
    return None


def _vowel_change(a: str, b: str) -> bool:
    return len(a) == len(b) and all(x == y or (x in _VOWELS and y in _VOWELS) for x, y in zip(a, b))


def _derived(a: str, b: str, texts: str) -> bool:
    """One word made from the other: a people from its country ("Syria"/"Syrian",
    "Somalia"/"Somali", "Iraq"/"Iraqi") or a family ("the Sheltons" beside "Shelton")."""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    if long[:-1] != short:
        return False
    return long[-1] in "ain" or (long[-1] == "s" and f"the {long}" in texts)


def _spelling_variants(
    mentions: Sequence[_Mention],
) -> list[tuple[list[Passage], str, bool]]:
    forms: dict[str, list[tuple[_Mention, int]]] = defaultdict(list)
    for m in mentions:
        for i, w in enumerate(m.words):
            if not w.ordinary and not w.text.isupper():
                forms[w.text].append((m, i))
    names = sorted(f for f in forms if len(fold(f)) >= _MIN_LENGTH)
    if len(names) < 2:
        return []
    folded = [fold(n) for n in names]
    close = cdist(folded, folded, scorer=OSA.distance, score_cutoff=2, workers=1)
    plural_context = " ".join(" ".join(w.text for w in m.words) for m in mentions)
    out: list[tuple[list[Passage], str, bool]] = []
    for i, j in zip(*(close <= 2).nonzero(), strict=True):
        if i >= j:
            continue
        a, b = names[i], names[j]
        kind = _slip(a, b)
        if kind is None or _derived(fold(a), fold(b), plural_context.casefold()):
            continue
        spans: list[Passage] = []
        for ma, ia in forms[a]:
            for mb, ib in forms[b]:
                if _same_name(ma, ia, mb, ib):
                    spans += [_passage(ma), _passage(mb)]
        if not spans:
            continue
        used = set(spans)
        counts = Counter(
            {
                a: sum(1 for m, _ in forms[a] if _passage(m) in used),
                b: sum(1 for m, _ in forms[b] if _passage(m) in used),
            }
        )
        out.append((spans, _explain(a, b, counts, spans, kind, forms), kind == "transliteration"))
    return out


def _same_name(ma: _Mention, ia: int, mb: _Mention, ib: int) -> bool:
    """Whether two runs can name one bearer, given that word ia of one is word ib of the other:
    the name words before and after must agree, the shorter side's words found in the longer's."""
    wa, wb = ma.words, mb.words
    return _fits([w.text for w in wa[:ia] if not w.ordinary], [w.text for w in wb[:ib] if not w.ordinary]) and _fits(
        [w.text for w in wa[ia + 1 :] if not w.ordinary],
        [w.text for w in wb[ib + 1 :] if not w.ordinary],
    )


def _fits(a: list[str], b: list[str]) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    k = 0
    for word in short:
        while k < len(long) and not _alike(word, long[k]):
            k += 1
        if k == len(long):
            return False
        k += 1
    return True


def _alike(a: str, b: str) -> bool:
    a, b = _bare(a), _bare(b)
    return a == b or _slip(a, b) is not None


def _bare(word: str) -> str:
    """A name word without a transliterated article ("Al-Sawarmi" is "Sawarmi")."""
    low = word.lower()
    for particle in ("al-", "el-", "ul-"):
        if low.startswith(particle) and len(word) > len(particle) + 2:
            return word[len(particle) :]
    return word


def _passage(m: _Mention) -> Passage:
    names = m.names() or list(m.words)
    return Passage(m.article, names[0].start, names[-1].end, "")


_KIND_WORDS = {
    "case": "capitals or apostrophes differ",
    "spelling": "one letter differs",
    "transliteration": "a transliteration; usually accepted, worth making consistent",
}


def _explain(
    a: str,
    b: str,
    counts: Counter[str],
    spans: list[Passage],
    kind: str,
    forms: dict[str, list[tuple[_Mention, int]]],
) -> str:
    def where(form: str) -> str:
        ids = sorted(
            {m.article for m, _ in forms[form] if _passage(m) in set(spans)}, key=article_order
        )
        n = counts[form]
        return f"“{form}” ({', '.join(ids)}, {n} time{'s' if n != 1 else ''})"

    first, second = sorted((a, b), key=lambda f: -counts[f])
    return f"One name written two ways: {where(first)} and {where(second)}; {_KIND_WORDS[kind]}."


# -- places and organisations -------------------------------------------------------------------


def _place_variants(
    articles: Sequence[Article], mentions: Sequence[_Mention], nlp: Language
) -> list[tuple[list[Passage], str, bool]]:
    """A word lower-cased inside a place's name ("Persian gulf"), or one common word inserted
    into an organisation's ("Santa Monica Community College"): only where spaCy calls the name
    a place or an organisation."""
    long_runs = [m for m in mentions if len(m.words) >= 2]
    by_words: dict[tuple[str, ...], list[_Mention]] = defaultdict(list)
    for m in long_runs:
        by_words[tuple(w.text for w in m.words)].append(m)
    candidates: list[tuple[list[_Mention], list[Passage], str]] = []
    texts = {a.id: a.text for a in articles}
    # a lower-cased word
    for words, ms in by_words.items():
        pattern = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b", re.I)
        others: list[Passage] = []
        for a in articles:
            for hit in pattern.finditer(a.text):
                seen = hit.group().split()
                if seen[0] == words[0] and any(s[0].islower() for s in seen[1:]):
                    others.append(Passage(a.id, hit.start(), hit.end(), ""))
        if others:
            candidates.append((ms, others, f"“{' '.join(words)}” is also written “{{other}}”"))
    # an inserted word
    keys = list(by_words)
    by_ends: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
    for k in keys:
        by_ends[(k[0], k[-1])].append(k)
    for group in by_ends.values():
        for long in group:
            for short in group:
                if len(long) == len(short) + 1 and len(short) >= 3:
                    for i in range(1, len(long) - 1):
                        if long[:i] + long[i + 1 :] == short and fold(long[i]) in _ordinary_of(
                            by_words[long]
                        ):
                            ms = by_words[long]
                            others = [_passage_full(m) for m in by_words[short]]
                            candidates.append(
                                (ms, others, f"“{' '.join(short)}” is also written “{' '.join(long)}”")
                            )
    if not candidates:
        return []
    labels = _entity_labels(nlp, articles, [m for ms, _, _ in candidates for m in ms])
    out: list[tuple[list[Passage], str, bool]] = []
    for ms, others, text in candidates:
        if not any(labels.get((m.article, m.start, m.end)) in _PLACE_LABELS for m in ms):
            continue
        spans = [_passage_full(m) for m in ms] + others
        sample = others[0]
        other = texts[sample.article][sample.start : sample.end]
        out.append((spans, "One name written two ways: " + text.format(other=other) + ".", False))
    return out


def _ordinary_of(ms: list[_Mention]) -> set[str]:
    return {fold(w.text) for m in ms for w in m.words if w.ordinary}


def _passage_full(m: _Mention) -> Passage:
    return Passage(m.article, m.start, m.end, "")


def _entity_labels(
    nlp: Language, articles: Sequence[Article], mentions: Sequence[_Mention]
) -> dict[tuple[str, int, int], str]:
    """spaCy's entity label for each mention, reading only the sentences that hold them."""
    from factcheck import sentences

    texts = {a.id: a.text for a in articles}
    wanted: dict[tuple[str, int, int], list[_Mention]] = defaultdict(list)
    for m in mentions:
        for s, e in sentences.split(texts[m.article]):
            if s <= m.start and m.end <= e:
                wanted[(m.article, s, e)].append(m)
                break
    keys = list(wanted)
    only_ner = [p for p in nlp.pipe_names if p != "ner"]
    docs = nlp.pipe((texts[a][s:e] for a, s, e in keys), disable=only_ner)
    labels: dict[tuple[str, int, int], str] = {}
    for (article, s, _e), doc in zip(keys, docs, strict=True):
        for m in wanted[(article, s, _e)]:
            for ent in doc.ents:
                if ent.start_char <= m.start - s < ent.end_char:
                    labels[(m.article, m.start, m.end)] = ent.label_
                    break
    return labels
