"""Names written two ways: one person, place or organisation spelled differently.

Names are read off the text as runs of capitalised words; rapidfuzz finds pairs of name words
that are one slip apart (a letter added, dropped, swapped or changed; a capital or apostrophe
moved), and the words around them decide whether the two runs can be one name: "DeMarco Ellis"
and "Demarco Ellis" can, "DeMarco Ellis" and "Tavon Demarco Pruitt" cannot. spaCy's entities
decide the two rules that only hold for places and organisations (a word lower-cased inside the
name, a word inserted into it).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rapidfuzz.distance import OSA, Levenshtein
from rapidfuzz.process import cdist

from factcheck.findings.model import Finding, FindingType, Passage
from factcheck.findings.spelling import fold, spelling
from factcheck.models import Article, article_order
from factcheck.vocab import NAME_TITLES

if TYPE_CHECKING:
    from spacy.language import Language

_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")
# Abbreviations that end with a period inside a name: titles and initials ("Rev.", "P.").
_VOWELS = set("aeiouy")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP"})
_NAME_LABELS = _PLACE_LABELS | {"PERSON", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
_MIN_LENGTH = 4
_ASKED_PER_FORM = 3
_LOOK_BACK = 12  # characters before a word that say whether it opens a sentence


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    """As written, possessive removed."""
    start: int
    end: int
    ordinary: bool
    """Its lower-case form is used as a common word in these articles ("President", "Park")."""
    initial: bool
    """It opens a sentence, a line or a quotation, so its capital proves nothing."""
    dotted: bool = False
    """A full stop follows it: an abbreviation ("Pres.") or a sentence's last word."""


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
    """Name variants across and within the articles, in article then text order. With a
    pipeline, a variant counts only where spaCy reads both forms as part of a name."""
    words = {a.id: list(_WORD.finditer(a.text)) for a in articles}
    ordinary = _ordinary_words(words)
    mentions = [m for a in articles for m in _mentions(a, words[a.id], ordinary)]
    texts = {a.id: a.text for a in articles}
    written = {a.id: a.as_written for a in articles}  # what a passage shows
    variants = _spelling_variants(mentions, " ".join(texts.values()).casefold())
    places = _place_variants(articles, mentions, words) if nlp is not None else []
    given = _given_names_as_surnames(mentions, texts) if nlp is not None else []
    found: list[tuple[list[Passage], str, bool]] = []
    if nlp is not None:
        asked = [m for v in variants for m in v.sample()] + [
            m for p in places + given for m in p.mentions[:_ASKED_PER_FORM]
        ]
        labels = _entity_labels(nlp, texts, asked)
        variants = [v for v in variants if v.named(labels)]
        places = [p for p in places if p.named(labels)]
        given = [g for g in given if g.named(labels)]
    found += [(v.spans, v.explanation, v.minor) for v in variants]
    found += [(p.spans, p.explanation, False) for p in places + given]
    found.sort(key=lambda f: min((article_order(p.article), p.start) for p in f[0]))
    return [
        Finding(
            f"N{n}",
            FindingType.NAME_VARIANT,
            tuple(
                Passage(p.article, p.start, p.end, written[p.article][p.start : p.end])
                for p in sorted(set(spans), key=lambda p: (article_order(p.article), p.start))
            ),
            explanation,
            minor,
        )
        for n, (spans, explanation, minor) in enumerate(found, start=1)
    ]


_Labels = dict[tuple[str, int, int], tuple[str, int, int]]
"""(article, word start, word end) -> (entity label, entity start, entity end)."""


@dataclass(frozen=True, slots=True)
class _Variant:
    """Two forms of one name word and the runs where each is written."""

    forms: tuple[str, str]
    mentions: tuple[_Mention, ...]
    spans: list[Passage]
    explanation: str
    minor: bool

    def sample(self) -> list[_Mention]:
        """The runs worth asking spaCy about: a few of each form, full names and mid-sentence
        ones first (one entity per form is all `named` needs)."""
        out: list[_Mention] = []
        for form in self.forms:
            ms = [m for m in self.mentions if any(w.text == form for w in m.words)]
            ms.sort(key=lambda m: (len(m.names()) < 2, m.words[0].initial))
            out += ms[:_ASKED_PER_FORM]
        return out

    def named(self, labels: _Labels) -> bool:
        """Both forms are names (spaCy says so, or a capital mid-sentence does) and spaCy reads
        at least one of them as part of a name."""
        words = [
            (m.article, w, len(m.names()) > 1)
            for m in self.mentions
            for w in m.words
            if w.text in self.forms
        ]

        def entity(article: str, w: _Word) -> bool:
            found = labels.get((article, w.start, w.end))
            return found is not None and found[0] in _NAME_LABELS

        short, long = sorted((fold(f) for f in self.forms), key=len)
        if long.startswith(short) and any(
            labels.get((a, w.start, w.end), ("",))[0] == "NORP" for a, w, _ in words
        ):
            return False  # "Palestinian" and "Palestinians", "German" and "Germany"
        return any(entity(a, w) for a, w, _ in words) and all(
            any(w.text == form and (entity(a, w) or not w.initial or full) for a, w, full in words)
            for form in self.forms
        )


@dataclass(frozen=True, slots=True)
class _PlaceVariant:
    """A place's or organisation's name against another writing of it."""

    mentions: tuple[_Mention, ...]
    spans: list[Passage]
    explanation: str

    kinds: frozenset[str] = _PLACE_LABELS

    def named(self, labels: _Labels) -> bool:
        """spaCy reads the whole name as one place or organisation (or person)."""
        for m in self.mentions[:_ASKED_PER_FORM]:
            found = labels.get((m.article, m.words[-1].start, m.words[-1].end))
            start = _personal(m)[0].start if "PERSON" in self.kinds else m.start
            if found and found[0] in self.kinds and found[1] <= start and m.end <= found[2]:
                return True
        return False


# -- reading names off the text -----------------------------------------------------------------


def _ordinary_words(words: dict[str, list[re.Match[str]]]) -> set[str]:
    """Words the articles write in lower case somewhere: common words, not names."""
    return {fold(w) for w in {m.group() for ms in words.values() for m in ms} if w[0].islower()}


def _mentions(
    article: Article, words: list[re.Match[str]], ordinary: set[str]
) -> Iterable[_Mention]:
    text = article.text
    run: list[_Word] = []
    last_end = -1
    for m in words:
        raw = m.group()
        capitalised = raw[0].isupper() and not raw.isupper()
        gap = text[last_end : m.start()] if last_end >= 0 else ""
        joined = run and capitalised and (gap == " " or (gap == ". " and _abbreviation(run[-1])))
        if run and not joined:
            yield _Mention(article.id, tuple(run))
            run = []
        if not capitalised:
            last_end = -1
            continue
        word, possessive = _possessive(raw)
        common = fold(word) in ordinary or word.lower() in NAME_TITLES
        before = text[max(0, m.start() - _LOOK_BACK) : m.start()]
        initial = not before.rstrip(" \t'\"“‘(").rstrip()[-1:].isalnum()
        dotted = text[m.end() : m.end() + 1] == "."
        run.append(_Word(word, m.start(), m.start() + len(word), common, initial, dotted))
        last_end = m.end()
        if possessive:
            yield _Mention(article.id, tuple(run))
            run, last_end = [], -1
    if run:
        yield _Mention(article.id, tuple(run))


def _abbreviation(word: _Word) -> bool:
    return len(word.text) == 1 or (len(word.text) <= 4 and word.text.lower() in NAME_TITLES)


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
    return len(a) == len(b) and all(
        x == y or (x in _VOWELS and y in _VOWELS) for x, y in zip(a, b, strict=False)
    )


def _derived(a: str, b: str, texts: str) -> bool:
    """One word made from the other: a people from its country ("Syria"/"Syrian",
    "Somalia"/"Somali", "Iraq"/"Iraqi") or a family ("the Hallorans" beside "Halloran")."""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    if long[:-1] != short:
        return False
    return long[-1] in "ain" or (long[-1] == "s" and f"the {long}" in texts)


def _spelling_variants(mentions: Sequence[_Mention], texts: str) -> list[_Variant]:
    forms: dict[str, list[tuple[_Mention, int]]] = defaultdict(list)
    for m in mentions:
        for i, w in enumerate(m.words):
            if not w.ordinary and not w.text.isupper():
                forms[w.text].append((m, i))
    names = sorted(f for f in forms if len(fold(f)) >= _MIN_LENGTH)
    if len(names) < 2:
        return []
    full = _full_names(mentions)
    folded = [fold(n) for n in names]
    close = cdist(folded, folded, scorer=OSA.distance, score_cutoff=2, workers=1)
    out: list[_Variant] = []
    for i, j in zip(*(close <= 2).nonzero(), strict=True):
        if i >= j:
            continue
        a, b = names[i], names[j]
        kind = _slip(a, b)
        if kind is None or _derived(fold(a), fold(b), texts) or _abbreviated(a, b, forms):
            continue
        spans, involved = _matching_runs(forms[a], forms[b], full)
        if not spans:
            continue
        used = set(spans)
        counts = Counter(
            {
                a: sum(1 for m, i in forms[a] if _passage(m, i) in used),
                b: sum(1 for m, i in forms[b] if _passage(m, i) in used),
            }
        )
        out.append(
            _Variant(
                (a, b),
                tuple(dict.fromkeys(involved)),
                spans,
                _explain(a, b, counts, list(used), kind, forms),
                kind == "transliteration",
            )
        )
    return out


_Shape = tuple[tuple[tuple[str, bool], ...], int]


def _matching_runs(
    runs_a: Sequence[tuple[_Mention, int]],
    runs_b: Sequence[tuple[_Mention, int]],
    full: dict[_Mention, tuple[_Mention, int]],
) -> tuple[list[Passage], list[_Mention]]:
    """The passages of the runs of one form that can name the bearer of a run of the other,
    and the runs involved (each form's runs in text order, as pairs of them would list them).
    Whether two runs can is decided by their words alone, so it is asked once per two shapes
    of name, not once per two mentions: a name written a thousand times costs a thousand."""

    def shape(m: _Mention, i: int) -> tuple[_Shape, tuple[_Mention, int]]:
        bearer, at = full.get(m, (m, i))
        return (tuple((w.text, w.ordinary) for w in bearer.words), at), (bearer, at)

    by_shape: dict[_Shape, list[int]] = defaultdict(list)
    sample_b: dict[_Shape, tuple[_Mention, int]] = {}
    for k, (mb, ib) in enumerate(runs_b):
        key, bearer = shape(mb, ib)
        by_shape[key].append(k)
        sample_b.setdefault(key, bearer)
    answers: dict[_Shape, list[_Shape]] = {}
    spans: list[Passage] = []
    involved: list[_Mention] = []
    taken: set[int] = set()
    for ma, ia in runs_a:
        key, bearer = shape(ma, ia)
        if key not in answers:
            answers[key] = [kb for kb, rb in sample_b.items() if _same_name(*bearer, *rb)]
        if not answers[key]:
            continue
        spans.append(_passage(ma, ia))
        involved.append(ma)
        new = sorted(k for kb in answers[key] for k in by_shape[kb] if k not in taken)
        taken.update(new)
        for k in new:
            mb, ib = runs_b[k]
            spans.append(_passage(mb, ib))
            involved.append(mb)
    return spans, involved


def _abbreviated(a: str, b: str, forms: dict[str, list[tuple[_Mention, int]]]) -> bool:
    """ "Pres." beside "Press": the shorter is the longer cut short and always has its stop."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and all(m.words[i].dotted for m, i in forms[short])


def _full_names(mentions: Sequence[_Mention]) -> dict[_Mention, tuple[_Mention, int]]:
    """A surname standing alone stands for the full name it last came with in that article
    ("Okafor" after "Ngozi Okafor"), or failing that, in another."""
    full: dict[_Mention, tuple[_Mention, int]] = {}
    last_full: dict[tuple[str, str], _Mention] = {}
    anywhere: dict[str, _Mention] = {}
    for m in mentions:
        names = m.names()
        if len(names) >= 2:
            last_full[(m.article, names[-1].text)] = m
            anywhere.setdefault(names[-1].text, m)
        elif len(names) == 1:
            bearer = last_full.get((m.article, names[0].text)) or anywhere.get(names[0].text)
            if bearer is not None:
                full[m] = (
                    bearer,
                    len(bearer.words) - 1 - bearer.words[::-1].index(bearer.names()[-1]),
                )
    for m in mentions:  # a full name given only after the surname
        names = m.names()
        if len(names) == 1 and m not in full and names[0].text in anywhere:
            bearer = anywhere[names[0].text]
            full[m] = (bearer, len(bearer.words) - 1 - bearer.words[::-1].index(bearer.names()[-1]))
    return full


def _same_name(ma: _Mention, ia: int, mb: _Mention, ib: int) -> bool:
    """Whether two runs can name one bearer, given that word ia of one is word ib of the other:
    the name words before and after must agree, the shorter side's words found in the longer's."""
    wa, wb = ma.words, mb.words
    roles = {_role(ma, ia), _role(mb, ib)}
    if roles == {"first", "last"}:
        return False  # a given name is not a surname: "DeMarco Ellis", "Tavon Demarco"
    return _fits(
        [w.text for w in wa[:ia] if not w.ordinary], [w.text for w in wb[:ib] if not w.ordinary]
    ) and _fits(
        [w.text for w in wa[ia + 1 :] if not w.ordinary],
        [w.text for w in wb[ib + 1 :] if not w.ordinary],
    )


def _role(m: _Mention, i: int) -> str:
    names = [k for k, w in enumerate(m.words) if not w.ordinary]
    if len(names) < 2 or i not in names:
        return "alone"
    return "first" if i == names[0] else "last" if i == names[-1] else "middle"


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
    """A name word without a transliterated article ("Al-Rawdhi" is "Rawdhi")."""
    low = word.lower()
    for particle in ("al-", "el-", "ul-"):
        if low.startswith(particle) and len(word) > len(particle) + 2:
            return word[len(particle) :]
    return word


def _passage(m: _Mention, i: int | None = None) -> Passage:
    """The name as written: the run of name words around word i ("Donatella Ricardi" in
    "Harbour Mayor Donatella Ricardi"), or the run's name words from first to last."""
    if i is not None:
        first = last = i
        while first > 0 and not m.words[first - 1].ordinary:
            first -= 1
        while last + 1 < len(m.words) and not m.words[last + 1].ordinary:
            last += 1
        if first > 0 or last + 1 < len(m.words):
            return Passage(m.article, m.words[first].start, m.words[last].end, "")
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
            {m.article for m, i in forms[form] if _passage(m, i) in set(spans)}, key=article_order
        )
        n = counts[form]
        return f"“{form}” ({', '.join(ids)}, {n} time{'s' if n != 1 else ''})"

    first, second = sorted((a, b), key=lambda f: -counts[f])
    return f"One name written two ways: {where(first)} and {where(second)}; {_KIND_WORDS[kind]}."


# -- a given name used as a surname -------------------------------------------------------------

# Where news copy names a person by surname: "according to Brandt", "Brandt said", "said Brandt".
_ATTRIBUTION_BEFORE = ("according to ", "said ")
_ATTRIBUTION_AFTER = (" said", " says", " told", " added")


def _given_names_as_surnames(
    mentions: Sequence[_Mention], texts: dict[str, str]
) -> list[_PlaceVariant]:
    """ "according to Marcus" where the articles call Chief Marcus Brandt "Brandt": a given name
    standing where copy puts the surname. Only for a person whose surname is his alone in these
    articles and is used alone, and whose given name is nobody's surname."""
    full: dict[str, list[_Mention]] = defaultdict(list)
    surnames_of: dict[str, set[str]] = defaultdict(set)
    lone: set[str] = set()
    for m in mentions:
        names = _personal(m)
        if len(names) >= 2:
            full[names[0].text].append(m)
            surnames_of[names[-1].text].add(names[0].text)
        elif len(m.names()) == 1:
            lone.add(m.names()[0].text)
    out: list[_PlaceVariant] = []
    for m in mentions:
        if len(m.words) != 1 or m.words[0].ordinary or m.words[0].initial:
            continue
        given = m.words[0].text
        text = texts[m.article]
        before, after = text[max(0, m.start - 13) : m.start], text[m.end : m.end + 7]
        if not (before.endswith(_ATTRIBUTION_BEFORE) or after.startswith(_ATTRIBUTION_AFTER)):
            continue
        bearers = full.get(given, [])
        surnames = {_personal(b)[-1].text for b in bearers}
        if len(surnames) != 1 or given in surnames_of:
            continue
        surname = surnames.pop()
        if surname not in lone or len(surnames_of[surname]) != 1:
            continue
        bearer = next((b for b in bearers if b.article == m.article), bearers[0])
        shown = Passage(bearer.article, _personal(bearer)[0].start, bearer.end, "")
        out.append(
            _PlaceVariant(
                (bearer, m),
                [_passage(m), shown],
                f"“{given}” ({m.article}) stands where copy gives a surname, but the articles call "
                f"{' '.join(w.text for w in _personal(bearer))} “{surname}”: the given name used "
                "as a surname?",
                frozenset({"PERSON"}),
            )
        )
    return out


def _personal(m: _Mention) -> list[_Word]:
    """The name words after the last title or common word: "Marcus Brandt" in "Riverton Police
    Chief Marcus Brandt"."""
    tail: list[_Word] = []
    for w in reversed(m.words):
        if w.ordinary:
            break
        tail.insert(0, w)
    return tail


# -- places and organisations -------------------------------------------------------------------


def _place_variants(
    articles: Sequence[Article],
    mentions: Sequence[_Mention],
    tokens: dict[str, list[re.Match[str]]],
) -> list[_PlaceVariant]:
    """A word lower-cased inside a place's name ("Bering strait") where the articles mostly
    capitalise it, or one common word inserted into an organisation's name ("Westbrook
    Community College" for "Westbrook College"); `_PlaceVariant.named` then asks spaCy whether it is a place."""
    by_words: dict[tuple[str, ...], list[_Mention]] = defaultdict(list)
    for m in mentions:
        if len(m.words) >= 2:
            by_words[tuple(w.text for w in m.words)].append(m)
    out: list[_PlaceVariant] = []
    lowered = _lowered_runs(articles, tokens, {len(k) for k in by_words}, {k[0] for k in by_words})
    for words, ms in by_words.items():
        others = [
            p
            for p in lowered.get(tuple(fold(w) for w in words), [])
            if p.text.split()[0] == words[0]
        ]
        # the capitalised form must be the usual one, else the lower case is house style
        if others and len(others) < len(ms) and len({o.article for o in others}) == 1:
            out.append(
                _PlaceVariant(
                    tuple(ms),
                    [_passage_full(m) for m in ms if m.article in {o.article for o in others}]
                    + [_passage_full(m) for m in _first_of_each(ms)]
                    + others,
                    f"One name written two ways: “{' '.join(words)}” ({_where(ms)}) is also "
                    f"written “{others[0].text}” ({others[0].article}).",
                )
            )
    by_ends: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
    for k in by_words:
        by_ends[(k[0], k[-1])].append(k)
    for group in by_ends.values():
        for long in group:
            for short in group:
                if len(long) != len(short) + 1 or len(short) < 3:
                    continue
                for i in range(1, len(long) - 1):
                    if long[:i] + long[i + 1 :] == short and fold(long[i]) in _ordinary_of(
                        by_words[long]
                    ):
                        ms = by_words[long] + by_words[short]
                        odd, usual = by_words[long], by_words[short]
                        if len(odd) > len(usual):
                            odd, usual = usual, odd
                        shown = odd + _beside(usual, odd)
                        out.append(
                            _PlaceVariant(
                                tuple(ms),
                                [_passage_full(m) for m in shown],
                                f"One name written two ways: “{' '.join(short)}” "
                                f"({_where(by_words[short])}) is also written "
                                f"“{' '.join(long)}” ({_where(by_words[long])}).",
                            )
                        )
    return out


def _lowered_runs(
    articles: Sequence[Article],
    tokens: dict[str, list[re.Match[str]]],
    lengths: set[int],
    starts: set[str],
) -> dict[tuple[str, ...], list[Passage]]:
    """Every run of `lengths` words that starts with a capital and has a lower-case word after
    it ("Bering strait"), by its folded words: one pass over each text."""
    runs: dict[tuple[str, ...], list[Passage]] = defaultdict(list)
    longest = max(lengths, default=0)
    for a in articles:
        words = tokens[a.id]
        for i, first in enumerate(words):
            if not first.group()[0].isupper() or first.group() not in starts:
                continue
            for n in range(2, min(longest, len(words) - i) + 1):
                last = words[i + n - 1]
                if not a.text[words[i + n - 2].end() : last.start()].isspace():
                    break
                if n in lengths and any(w.group()[0].islower() for w in words[i + 1 : i + n]):
                    runs[tuple(fold(w.group()) for w in words[i : i + n])].append(
                        Passage(a.id, first.start(), last.end(), a.text[first.start() : last.end()])
                    )
    return runs


def _first_of_each(ms: Sequence[_Mention]) -> list[_Mention]:
    first: dict[str, _Mention] = {}
    for m in sorted(ms, key=lambda m: m.start):
        first.setdefault(m.article, m)
    return list(first.values())


def _beside(usual: Sequence[_Mention], odd: Sequence[_Mention]) -> list[_Mention]:
    """The usual form everywhere the odd one is written, and once in each other article."""
    there = {m.article for m in odd}
    return [m for m in usual if m.article in there] + _first_of_each(
        [m for m in usual if m.article not in there]
    )


def _where(ms: Sequence[_Mention]) -> str:
    return ", ".join(sorted({m.article for m in ms}, key=article_order))


def _ordinary_of(ms: list[_Mention]) -> set[str]:
    return {fold(w.text) for m in ms for w in m.words if w.ordinary}


def _passage_full(m: _Mention) -> Passage:
    return Passage(m.article, m.start, m.end, "")


def _entity_labels(nlp: Language, texts: dict[str, str], mentions: Sequence[_Mention]) -> _Labels:
    """spaCy's entity for each word of the mentions, reading only the sentences that hold them
    and running only the entity recogniser."""
    from factcheck import sentences

    wanted: dict[tuple[str, int, int], list[_Mention]] = defaultdict(list)
    asked = {m.article for m in mentions}
    bounds = {a: list(sentences.split(t)) for a, t in texts.items() if a in asked}
    starts = {a: [s for s, _ in b] for a, b in bounds.items()}
    for m in dict.fromkeys(mentions):
        k = bisect_right(starts[m.article], m.start) - 1
        if k < 0:
            continue
        s, e = bounds[m.article][k]
        wanted[(m.article, s, max(e, m.end))].append(m)
    keys = list(wanted)
    # the recogniser has its own token vectors in the small English models: it runs alone
    ner: Any = nlp.get_pipe("ner")
    docs = ner.pipe(nlp.make_doc(texts[a][s:e]) for a, s, e in keys)
    labels: _Labels = {}
    for (article, s, e), doc in zip(keys, docs, strict=True):
        ents = [(ent.start_char + s, ent.end_char + s, ent.label_) for ent in doc.ents]
        for m in wanted[(article, s, e)]:
            for w in m.words:
                for start, end, label in ents:
                    if start <= w.start and w.end <= end:
                        labels[(article, w.start, w.end)] = (label, start, end)
                        break
    return labels
