"""The grammar of figures as news prose writes them: numerals and number words, hedges, ranges.

Pure text in, figures out: no spaCy here, so the rules are fast to test one case a row.
A `Figure` is a number with its hedge, read as an interval of the values the text allows.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from factcheck.vocab import (
    CHANGE_DOWN,
    CHANGE_UP,
    FRACTIONS,
    ORDINALS,
    SCALES,
    TENS,
    TIME_UNITS,
    UNITS,
    VAGUE,
)

INF = math.inf


@dataclass(frozen=True, slots=True)
class Interval:
    """The values a figure allows; `None` for an open end is only used at the JSON boundary."""

    low: float
    """Smallest value allowed (-inf when unbounded)."""
    high: float
    """Largest value allowed (inf when unbounded)."""
    low_closed: bool = True
    """Whether `low` itself is allowed ("at least 5" yes, "more than 5" no)."""
    high_closed: bool = True
    """Whether `high` itself is allowed ("up to 5" yes, "fewer than 5" no)."""

    def overlaps(self, other: Interval) -> bool:
        """True when some value satisfies both intervals."""
        if self.high < other.low or other.high < self.low:
            return False
        if self.high == other.low:
            return self.high_closed and other.low_closed
        if other.high == self.low:
            return other.high_closed and self.low_closed
        return True

    def contains(self, value: float) -> bool:
        above = value > self.low or (value == self.low and self.low_closed)
        below = value < self.high or (value == self.high and self.high_closed)
        return above and below

    def as_json(self) -> dict[str, float | bool | None]:
        def end(x: float) -> float | None:
            if math.isinf(x):
                return None
            return int(x) if x == int(x) else x

        return {
            "low": end(self.low),
            "high": end(self.high),
            "low_closed": self.low_closed,
            "high_closed": self.high_closed,
        }


QUALIFIERS = (
    "exact",
    "at_least",
    "more_than",
    "up_to",
    "less_than",
    "about",
    "nearly",
    "range",
    "vague",
)

# Hedges before a figure, longest first so "no more than" wins over "more than".
_PREFIX_HEDGES: dict[str, str] = {
    "no fewer than": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "not fewer than": "at_least",
    "a minimum of": "at_least",
    "at least": "at_least",
    "no more than": "up_to",
    "not more than": "up_to",
    "a maximum of": "up_to",
    "as many as": "up_to",
    "as much as": "up_to",
    "as high as": "up_to",
    "up to": "up_to",
    "at most": "up_to",
    "just over": "more_than",
    "stronger than": "more_than",
    "longer than": "more_than",
    "older than": "more_than",
    "weaker than": "less_than",
    "shorter than": "less_than",
    "younger than": "less_than",
    "well over": "more_than",
    "more than": "more_than",
    "greater than": "more_than",
    "higher than": "more_than",
    "larger than": "more_than",
    "bigger than": "more_than",
    "lower than": "less_than",
    "smaller than": "less_than",
    "in excess of": "more_than",
    "upwards of": "more_than",
    "upward of": "more_than",
    "over": "more_than",
    "above": "more_than",
    "just under": "less_than",
    "fewer than": "less_than",
    "less than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "an estimated": "about",
    "approximately": "about",
    "approx.": "about",
    "estimated": "about",
    "roughly": "about",
    "around": "about",
    "about": "about",
    "some": "about",
    "circa": "about",
    "~": "about",
    "close to": "nearly",
    "just shy of": "nearly",
    "nearly": "nearly",
    "almost": "nearly",
    "sub -": "less_than",
    "exactly": "exact",
    "precisely": "exact",
}
_POSTFIX_HEDGES: dict[str, str] = {
    "or more": "at_least",
    "or greater": "at_least",
    "or older": "at_least",
    "-plus": "at_least",
    "plus": "at_least",
    "+": "at_least",
    "or fewer": "up_to",
    "or less": "up_to",
    "or younger": "up_to",
    "and over": "at_least",
    "and above": "at_least",
    "and up": "at_least",
    "and older": "at_least",
    "or so": "about",
}

_UNITS = UNITS
_TENS = TENS
_SCALES = SCALES
# Letter scales only after a currency sign ("$3m", "£2bn"): elsewhere "3m" is three metres.
_SHORT_SCALES = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "mil": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "tn": 1_000_000_000_000,
}

_VAGUE = VAGUE
_TENS_OF = {"tens": 10, "hundreds": 100}

_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 128}
_FRACTIONS = FRACTIONS
_DOLLAR_COUNTRIES = {"US", "A", "C", "HK", "NZ", "S", "us"}
CURRENCY_CODES = {
    code: code
    for code in "USD EUR GBP AUD CAD NZD SGD HKD CHF JPY CNY INR ZAR MYR IDR BRL MXN".split()
} | {"RM": "MYR", "Rs": "INR", "Rp": "IDR"}
CURRENCY_SIGNS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}

_TOKEN = re.compile(
    r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:st|nd|rd|th)?|\.\d+|[A-Za-z]+\.?|[$£€¥₹%~+]|[-–—]|\S",
)
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
_DIGIT_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)")


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().rstrip(".") if self.text[-1:] == "." else self.text.lower()


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in running text, with its hedge, before anything knows what it counts."""

    start: int
    """Offset of the first character, hedge included."""
    end: int
    """Offset just past the figure (and any hedge after it)."""
    value: float
    """The number as written (the lower one for a range)."""
    interval: Interval
    """What the figure allows, hedge applied."""
    qualifier: str
    """One of QUALIFIERS."""
    number_start: int
    """Offset of the number itself, hedge excluded."""
    number_end: int
    """Offset just past the number itself, hedge excluded."""
    currency: str | None = None
    """ISO code when a currency sign stands before the number ("$3m")."""
    ordinal: bool = False
    """"22nd", "third": a position, not an amount."""
    spelled: bool = False
    """Written in words ("four", "a dozen") rather than digits."""
    zero_word: bool = False
    """A zero said in words: "no one", "none", "no injuries"."""
    trend: str | None = None
    """"up" or "down" when the figure is a change ("rose by 3")."""


# Past this a number is an identifier or a code, not a figure: no toll, sum or measure in news
# prose comes near it, and a float holds integers exactly only to about 15 digits.
MAX_VALUE = 1e15
_MAX_DIGITS = 15

# "12 150" is 12,150 in copy that spaces its thousands, but not after a word the first number
# belongs to: "June 12 150 people", "Flight 370 239 passengers", "No. 7 120 km".
_SPACED = re.compile(r"(?<![\w.,])\d{1,3}(?: \d{3})+(?![\w])(?!,\d|\.\d)")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*\.?|[#№])\s*$")
_MONTH_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december".split()
)


def _number_follows_name(before: str) -> bool:
    """The number is bound to the word before it: a month, a capitalised name (not a hedge or
    a preposition that begins a sentence), an abbreviation, a "#"."""
    m = _WORD_BEFORE.search(before[-40:])
    if m is None:
        return False
    word = m.group(1)
    low = word.lower().rstrip(".")
    if low in _MONTH_WORDS or word in ("#", "№") or word.endswith("."):
        return True
    return word[:1].isupper() and low not in _PREFIX_HEDGE_WORDS and low not in _FUNCTION_WORDS


def join_spaced_thousands(text: str) -> str:
    """ "1 200" written "1,200", the groups of one number only; linear in the text."""

    def join(m: re.Match[str]) -> str:
        if _number_follows_name(text[max(0, m.start() - 40) : m.start()]):
            return m.group()
        return m.group().replace(" ", ",")

    return _SPACED.sub(join, text)


def tokenize(text: str) -> list[Tok]:
    return [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def approx_interval(n: float, *, lean_below: bool = False) -> Interval:
    """ "about n" or "nearly n": a band that always contains n itself."""
    margin = abs(n) * 0.1 if abs(n) >= 10 or n != int(n) else 1.0
    return Interval(max(0.0, n - margin) if n >= 0 else n - margin, n if lean_below else n + margin)


def hedge_interval(qualifier: str, n: float) -> Interval:
    """The interval a single hedged figure allows."""
    match qualifier:
        case "at_least":
            return Interval(n, INF)
        case "more_than":
            return Interval(n, INF, low_closed=False)
        case "up_to":
            return Interval(0.0, n)
        case "less_than":
            return Interval(0.0, n, high_closed=False)
        case "about":
            return approx_interval(n)
        case "nearly":
            return approx_interval(n, lean_below=True)
        case _:
            return Interval(n, n)


PhraseIndex = dict[str, list[tuple[tuple[str, ...], str]]]


def _phrase_index(phrases: dict[str, str]) -> PhraseIndex:
    """Phrases by their first word, longest first."""
    index: PhraseIndex = {}
    for phrase in phrases:
        words = tuple(phrase.replace("-", " - ").replace("+", " + ").split())
        index.setdefault(words[0], []).append((words, phrase))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


_PREFIX_INDEX = _phrase_index(_PREFIX_HEDGES)
_PREFIX_HEDGE_WORDS = frozenset(w for phrase in _PREFIX_HEDGES for w in phrase.split())
_FUNCTION_WORDS = frozenset(
    "a an the and or but of in on at by to for from with than some all only just nearly "
    "another total what when while if".split()
)
_POSTFIX_INDEX = _phrase_index(_POSTFIX_HEDGES)


class _Scanner:
    """Reads figures off a token list, one left-to-right pass."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.lows = [t.low for t in self.toks]

    def adjacent(self, i: int) -> bool:
        """Token i touches token i-1 with no space between."""
        return 0 < i < len(self.toks) and self.toks[i].start == self.toks[i - 1].end

    def phrase_at(self, i: int, index: PhraseIndex) -> tuple[str, int] | None:
        """The longest phrase of `index` starting at token i: (phrase, tokens used)."""
        for words, phrase in index.get(self.lows[i], ()):
            if tuple(self.lows[i : i + len(words)]) == words:
                return phrase, len(words)
        return None

    # -- numbers --------------------------------------------------------------------------------

    def number(
        self, i: int, *, range_end: bool = False, after_currency: bool = False
    ) -> tuple[float, int, bool] | None:
        """A number starting at token i: (value, index past it, spelled)."""
        if i >= len(self.toks):
            return None
        tok = self.toks[i]
        if tok.text[0].isdigit() or (tok.text[0] == "." and len(tok.text) > 1):
            if _DIGIT_ORDINAL.fullmatch(tok.text) or not _GROUPED.fullmatch(tok.text):
                return None
            if len(tok.text.split(".")[0].replace(",", "")) > _MAX_DIGITS:
                return None  # a code or an identifier; float() would also lose or overflow it
            if not range_end and not after_currency and self.glued_to_name(i):
                return None  # "G20", "F-16", "COVID-19", "3/9": a name or a code, not an amount
            value = float(tok.text.replace(",", ""))
            j = i + 1
            half = self.and_a_half(j)
            if half is not None:
                return value + 0.5, half, False  # "3-and-a-half hours"
            fraction = self.slash_fraction(i, value)
            if fraction is not None:
                return fraction
            if (
                j + 1 < len(self.toks)
                and self.toks[j].text in ("/", "⁄")
                and self.adjacent(j)
                and self.adjacent(j + 1)
                and self.toks[j + 1].text[:1].isdigit()
            ):
                return None  # "9/11", "24/7": a name or a date, not an amount
            while (
                j < len(self.toks) and self.lows[j] in _SCALES
            ):  # "1.5 million", "4 hundred million"
                value *= _SCALES[self.lows[j]]
                j += 1
            if abs(value) > MAX_VALUE:
                return None  # "a million million million …": no figure
            if (
                i > 0
                and self.lows[i - 1] in ("-", "−")
                and self.adjacent(i)
                and (i < 2 or not self.adjacent(i - 1) or self.toks[i - 2].text in "$(")
                and not (i >= 2 and self.toks[i - 2].text[:1].isdigit())
            ):
                value = -value  # "-5 yards", "$-50.8bn"; never the end of "120-130"
            elif (i > 0 and self.lows[i - 1] == "minus") or (
                i > 1 and self.lows[i - 1] == "-" and self.lows[i - 2] == "minus"
            ):
                value = -value
            return value, j, False
        return self.words(i)

    def words(self, i: int) -> tuple[float, int, bool] | None:
        """Number words: "four", "twenty-five", "a dozen", "two hundred and fifty", "a million"."""
        lows, n = self.lows, len(self.toks)
        j = i
        if lows[j] == "half" and lows[j + 1 : j + 3] == ["a", "dozen"]:
            return 6.0, j + 3, True
        dozen = self.half_dozen(j)
        if dozen is not None:
            return 6.0, dozen, True
        total, current, last = 0.0, 0.0, ""
        if lows[j] in ("a", "an"):
            if not (j + 1 < n and lows[j + 1] in ("dozen", "hundred", *_SCALES)):
                return None
            current, last, j = 1.0, "unit", j + 1
        while j < n:
            w = lows[j]
            if (
                w in _UNITS
                and last in ("", "ten", "hundred", "scale")
                and not (last == "ten" and _UNITS[w] >= 10)
            ):
                current += _UNITS[w]
                last = "unit" if last != "ten" else "tenunit"
            elif w in _TENS and last in ("", "hundred", "scale"):
                current += _TENS[w]
                last = "ten"
            elif w == "dozen" and last in ("unit", "ten", "tenunit"):
                current *= 12
                last = "dozen"
            elif w == "hundred" and last in ("unit", "ten", "tenunit"):
                current *= 100
                last = "hundred"
            elif w in _SCALES and w != "hundred" and last in ("unit", "ten", "tenunit", "hundred"):
                total += current * _SCALES[w]
                current, last = 0.0, "scale"
            elif (
                w in ("-", "and")
                and last in ("ten", "hundred", "scale")
                and j + 1 < n
                and (lows[j + 1] in _UNITS or lows[j + 1] in _TENS)
                and (w == "and" or (self.adjacent(j) and self.adjacent(j + 1)))
            ):
                j += 1
                continue
            else:
                break
            j += 1
        if not last or total + current > MAX_VALUE:
            return None
        half = self.and_a_half(j) if last in ("unit", "ten", "tenunit") else None
        if half is not None:
            return total + current + 0.5, half, True  # "two and a half"
        return total + current, j, True

    def unit_and_a_half(self, i: int) -> int | None:
        """The index past "an hour and a half", "a year and a half" at token i."""
        if self.lows[i] not in ("a", "an") or i + 1 >= len(self.toks):
            return None
        if TIME_UNITS.get(self.lows[i + 1]) != self.lows[i + 1]:  # "an hour", not "an hours"
            return None
        return self.and_a_half(i + 2)

    def half_dozen(self, j: int) -> int | None:
        """The index past "a half-dozen", "a half dozen" or "half-dozen" at token j."""
        if self.lows[j] not in ("a", "half"):
            return None
        k = j + 1 if self.lows[j] == "a" else j
        words = [w for w in self.lows[k : k + 3] if w != "-"][:2]
        if words != ["half", "dozen"]:
            return None
        return k + (3 if self.lows[k + 1] == "-" else 2)

    def and_a_half(self, j: int) -> int | None:
        """The index past "and a half" (or "-and-a-half") at token j."""
        words = [w for w in self.lows[j : j + 6] if w != "-"][:3]
        if words != ["and", "a", "half"]:
            return None
        k = j
        for _ in range(3):
            k += 2 if self.lows[k] == "-" else 1
        return k

    # -- figures --------------------------------------------------------------------------------

    def figure_at(self, i: int) -> Figure | None:
        """The figure whose hedge or number starts at token i, if any."""
        toks, lows, n = self.toks, self.lows, len(self.toks)
        start_i = i
        qualifier = "exact"
        hedge = self.phrase_at(i, _PREFIX_INDEX)
        if hedge:
            qualifier = _PREFIX_HEDGES[hedge[0]]
            i += hedge[1]
            if i < n and lows[i] == "about" and qualifier in ("more_than", "less_than"):
                i += 1  # "more than about 30" is still more than 30
        if i >= n:
            return None

        vague = self.vague_at(i)
        if vague:
            lo, hi, j = vague
            return self.finish(start_i, i, j, lo, Interval(lo, hi), "vague", spelled=True)

        currency = None
        if (
            toks[i].text in _DOLLAR_COUNTRIES
            and i + 1 < n
            and toks[i + 1].text == "$"
            and (self.adjacent(i + 1) or toks[i].text.isupper())
        ):  # "US$3m", "US $7.2 billion"
            i += 1
        if toks[i].text in CURRENCY_CODES and i + 1 < n and toks[i + 1].text[:1].isdigit():
            currency = CURRENCY_CODES[toks[i].text]  # "USD10m", "EUR 50m", "RM79"
            num_tok = i
            i += 1
        elif toks[i].text in CURRENCY_SIGNS:
            currency = CURRENCY_SIGNS[toks[i].text]
            num_tok = i
            i += 1
            if i < n and toks[i].text in _DOLLAR_COUNTRIES and self.adjacent(i):
                i += 1  # "$US113 trillion"
            if i >= n:
                return None
        else:
            num_tok = i
        unit_and_half = self.unit_and_a_half(i) if hedge is None or qualifier != "exact" else None
        if unit_and_half is not None:  # "an hour and a half": the unit sits inside the figure
            return self.finish(
                start_i,
                num_tok,
                unit_and_half,
                1.5,
                hedge_interval(qualifier, 1.5),
                qualifier,
                spelled=True,
                number_end_j=i + 1,
            )
        fraction = self.fraction_at(i) if self.half_dozen(i) is None else None
        if fraction is not None:
            value, j = fraction
            return self.finish(
                start_i,
                num_tok,
                j,
                value,
                hedge_interval(qualifier, value),
                qualifier,
                spelled=True,
            )
        parsed = self.number(i, after_currency=currency is not None)
        if parsed is None:
            return self.ordinal_at(start_i, i) if hedge is None and currency is None else None
        value, j, spelled = parsed
        if value < 0 and hedge is None and currency is None:
            while start_i > 0 and lows[start_i - 1] in ("-", "−", "minus"):
                start_i -= 1  # the sign is part of the figure: "-5", "minus 387"
            num_tok = start_i
        score = self.score_at(j, value) if not spelled and hedge is None else None
        if score is not None:  # "won 2-1", "ended 2-2", "ISO 3888-2": not an amount
            return self.finish(start_i, num_tok, score, value, Interval(value, value), "label")
        if (j < n and lows[j] in ("fold", "-fold")) or (
            j + 1 < n and lows[j] == "-" and lows[j + 1] == "fold"
        ):
            j += 1 if lows[j] != "-" else 2  # "a threefold rise"
        if not spelled and j < n and lows[j] == "s" and self.adjacent(j) and value % 10 == 0:
            # a decade: "in her 50s", "the 1990s"
            return self.finish(
                start_i, num_tok, j + 1, value, Interval(value, value + 9), "range", number_end_j=j
            )
        if j < n and self.adjacent(j) and not spelled and self.short_scale(j, currency):
            value *= _SHORT_SCALES[lows[j]]
            j += 1

        # Ranges: "between 120 and 130", "120-130", "120 to 130", "six to 10", "two or three".
        rng = self.range_tail(start_i, num_tok, j, value, currency, hedge)
        for width in (1, 2):
            # "15kHz and 17kHz", "5 per cent to 7 per cent": the unit stands after both ends
            if rng is not None or j + width >= n:
                break
            unit = lows[j : j + width]
            if not all(u.isalpha() or u == "%" for u in unit) or lows[j + width] not in (
                "to",
                "and",
                "-",
                "–",
            ):
                continue
            rng = self.range_tail(start_i, num_tok, j + width, value, currency, hedge)
            if rng is not None and lows[rng[2] : rng[2] + width] == unit:
                rng = (rng[0], rng[1], rng[2] + width)
            else:
                rng = None
        if rng:
            lo, hi, j = rng
            if lo <= hi:
                first = (
                    start_i - 1
                    if hedge is None
                    and start_i > 0
                    and self.lows[start_i - 1] in ("between", "from")
                    else start_i
                )
                return self.finish(
                    first,
                    num_tok,
                    j,
                    lo,
                    Interval(lo, hi),
                    "range",
                    currency=currency,
                    spelled=spelled,
                )

        post = self.phrase_at(j, _POSTFIX_INDEX) if j < n else None
        if post and (
            (post[0] in ("+", "-plus") and not self.adjacent(j))
            or (post[0] == "plus" and not (j + 1 < n and lows[j + 1].isalpha()))
        ):
            post = None  # "+" and "-plus" are glued on; "plus" needs a noun after it
        if (
            post
            and post[0].startswith("and ")
            and j + post[1] < n
            and self.number(j + post[1], range_end=True) is not None
        ):
            post = None  # "killed 5 and over 20 hurt": two figures, not "5 and over"
        if post and qualifier == "exact":
            qualifier = _POSTFIX_HEDGES[post[0]]
            end_j = j + post[1]
        else:
            end_j = j
        return self.finish(
            start_i,
            num_tok,
            end_j,
            value,
            hedge_interval(qualifier, value),
            qualifier,
            currency=currency,
            spelled=spelled,
            number_end_j=j,
        )

    def slash_fraction(self, i: int, numerator: float) -> tuple[float, int, bool] | None:
        """ "1/2", "3/4", "1/16": a fraction; "9/11" and "24/7" are not."""
        toks, n = self.toks, len(self.toks)
        if i + 2 >= n or toks[i + 1].text not in ("/", "⁄") or not toks[i + 2].text.isdigit():
            return None
        if not (self.adjacent(i + 1) and self.adjacent(i + 2)):
            return None
        denominator = int(toks[i + 2].text)
        if denominator not in _DENOMINATORS or not 0 < numerator < denominator:
            return None
        if i + 3 < n and toks[i + 3].text in ("/", "⁄") and self.adjacent(i + 3):
            return None  # "3/9/2016" is a date
        return numerator / denominator, i + 3, False

    def glued_to_name(self, i: int) -> bool:
        """Digits stuck to a word or code before them ("G20", "F-16", "3/9"); not "-5", "sub-300"
        or "minus-130"."""
        if not self.adjacent(i):
            return False
        prev = self.toks[i - 1].text
        if prev[-1:].isalpha() or (prev.endswith(".") and prev[:-1].isalpha()):
            return True  # "G20", "ID.3"
        if prev in ("/", ".", ":", "#"):
            return True
        if prev in ("-", "–"):
            before = self.lows[i - 2] if i >= 2 and self.adjacent(i - 1) else ""
            return bool(before) and before not in ("minus", "sub", "$", "(")
        return False

    def changed_before(self, i: int) -> bool:
        """A verb of change just before token i ("fell from", "rose sharply from")."""
        window = " ".join(self.lows[max(0, i - 3) : i])
        return _CHANGE_VERB.search(window) is not None

    def short_scale(self, j: int, currency: str | None) -> bool:
        """ "$3m", "£2bn", "25k", "4.3M sales", "1.2m tons": a letter that scales the number.
        Without a currency sign a lower-case "m" is metres unless a counted noun follows."""
        tok, low = self.toks[j].text, self.lows[j]
        if low not in _SHORT_SCALES:
            return False
        if currency or tok in ("bn", "tn", "k", "M", "mn", "mln"):
            return True
        if tok != "m" or j + 1 >= len(self.toks):
            return False
        nxt = self.lows[j + 1]
        return nxt == "of" or (nxt.isalpha() and nxt.endswith("s") and len(nxt) > 3)

    def score_at(self, j: int, value: float) -> int | None:
        """Past a score or code: "2-1", "2-2", "3888-2" (a second number no larger, hyphened)."""
        toks, n = self.toks, len(self.toks)
        if j + 1 < n and toks[j].text in ("-", "–") and self.adjacent(j) and self.adjacent(j + 1):
            second = self.number(j + 1, range_end=True)
            if second is not None and not second[2] and second[0] <= value:
                return second[1]
        return None

    def fraction_at(self, i: int) -> tuple[float, int] | None:
        """ "half of", "a third", "two-thirds", "three quarters": (value, index past it)."""
        lows, n = self.lows, len(self.toks)
        w = lows[i]
        nxt = lows[i + 1] if i + 1 < n else ""
        if w.endswith("fold") and (w[:-4] in _UNITS or w[:-4] in _TENS):
            return float(_UNITS.get(w[:-4]) or _TENS[w[:-4]]), i + 1  # "sixfold"
        if w == "half" and (
            lows[i + 1 : i + 3] == ["a", "dozen"]
            or (i > 0 and lows[i - 1] in ("first", "second", "the", "a", "second-half", "other"))
        ):
            return None  # "the second half of the game" is no fraction
        if w == "half" and nxt in ("of", "the", "a", "an", "their", "its", "his", "her", "all"):
            return 0.5, i + 1
        if w in ("a", "one") and nxt in _FRACTIONS:
            return 1 / _FRACTIONS[nxt], i + 2
        if w in _UNITS and 1 < _UNITS[w] < 10:
            k = i + 2 if nxt == "-" else i + 1
            if k < n and lows[k].rstrip("s") in _FRACTIONS and lows[k].endswith("s"):
                return _UNITS[w] / _FRACTIONS[lows[k].rstrip("s")], k + 1
        return None

    def vague_at(self, i: int) -> tuple[float, float, int] | None:
        lows, n = self.lows, len(self.toks)
        if (
            lows[i] in _TENS_OF
            and lows[i + 1 : i + 2] == ["of"]
            and i + 2 < n
            and lows[i + 2] in ("thousands", "millions", "billions")
        ):
            lo = _TENS_OF[lows[i]] * _VAGUE[lows[i + 2]][0]
            return lo, lo * 10, i + 3
        pair = " ".join(lows[i : i + 2]) if i + 1 < n else ""
        if pair in _VAGUE and pair != "a couple":
            lo, hi = _VAGUE[pair]
            return self.vague_scaled(lo, hi, i + 2)
        if pair == "a couple" and lows[i + 2 : i + 3] == ["of"]:
            return 2, 3, i + 2
        w = lows[i]
        if w in _VAGUE and " " not in w:
            if w in ("hundreds", "thousands", "millions", "billions", "dozens", "scores"):
                # a plural scale is vague only as an amount: "hundreds of people", "thousands fled"
                nxt = lows[i + 1] if i + 1 < n else ""
                if w == "scores" and nxt != "of":
                    return None
                if nxt in ("of", "more", "", ".", ",", ";") or (
                    nxt.isalpha() and nxt not in ("and", "or", "to")
                ):
                    lo, hi = _VAGUE[w]
                    return lo, hi, i + 1
                return None
            lo, hi = _VAGUE[w]
            return self.vague_scaled(lo, hi, i + 1)
        return None

    def vague_scaled(self, lo: float, hi: float, j: int) -> tuple[float, float, int]:
        """ "several hundred", "a few thousand": a vague amount times the scale after it."""
        if j < len(self.toks) and self.lows[j] in _SCALES:
            scale = _SCALES[self.lows[j]]
            return lo * scale, hi * scale, j + 1
        return lo, hi, j

    def range_tail(
        self,
        start_i: int,
        num_i: int,
        j: int,
        value: float,
        currency: str | None,
        hedge: tuple[str, int] | None,
    ) -> tuple[float, float, int] | None:
        """(low, high, index past it) of a range whose lower end ends at token j; the low end
        takes the upper end's scale when only that one has it ("four to five thousand")."""
        toks, lows, n = self.toks, self.lows, len(self.toks)
        if j >= n:
            return None
        before = lows[start_i - 1] if start_i > 0 else ""
        joiner = lows[j]
        suspended = (
            joiner in ("-", "–")
            and self.adjacent(j)
            and j + 1 < n
            and lows[j + 1] in ("to", "or", "and")
        )
        if suspended:  # "12- to 27-year-olds", "three- or four-page"
            j += 1
            joiner = lows[j]
        spelled_low = toks[num_i].text[0].isalpha()
        joined = (
            suspended
            or joiner in ("-", "–")
            # "range from $2 to $4" is a range; "rose from 3 to 5" is two levels
            or (joiner == "to" and (before != "from" or not self.changed_before(start_i - 1)))
            or (joiner == "and" and before == "between")
            or (joiner == "or" and spelled_low and value < 20)  # "two or three"
            or (joiner == "," and spelled_low and value < 20 and before != ",")  # "two, three"
        )
        if not joined:
            return None
        k = j + 1
        if k < n and currency and toks[k].text in CURRENCY_SIGNS:
            k += 1
        if k < n and toks[k].text in CURRENCY_SIGNS and not currency:
            return None
        spaced = joiner in ("-", "–") and not (self.adjacent(j) and self.adjacent(k))
        if joiner == "," and not (k < n and toks[k].text[0].isalpha()):
            return None
        if spaced and (self.adjacent(j) or self.adjacent(k)):
            return None  # "5 -10" is no range
        parsed = self.number(k, range_end=True) if k < n else None
        if parsed is None:
            return None
        hi, end, _ = parsed
        if currency and end < n and self.adjacent(end) and self.short_scale(end, currency):
            hi *= _SHORT_SCALES[lows[end]]
            end += 1
        upper_scale = next((_SCALES[w] for w in lows[k:end] if w in _SCALES), None)
        shared_scale = False
        if upper_scale and not any(w in _SCALES for w in lows[num_i:j]):
            shared_scale = value <= hi / upper_scale
            if shared_scale:
                value *= upper_scale  # "four to five thousand": the scale belongs to both ends
        if joiner in ("-", "–") and end < n and lows[end] in ("-", "–"):
            return None  # "9-2-1" is a score or a code
        if joiner == "or" and hi - value > 3:
            return None
        if joiner == "," and (
            hi != value + 1 or end >= n or not lows[end].isalpha() or lows[end] in ("and", "or")
        ):
            return None  # "two, three months" is a range; "one, two, three" counts out
        if spaced and hi <= value:
            return None  # "won 2 - 1" is a score
        if joiner in ("to", "-", "–") and value > 0 and hi > 50 * value and not shared_scale:
            return None  # "in 2018 to 3.9 million": a year, then a level, not a range
        return value, hi, end

    def ordinal_at(self, start_i: int, i: int) -> Figure | None:
        tok, low = self.toks[i], self.lows[i]
        m = _DIGIT_ORDINAL.fullmatch(tok.text)
        if m:
            value = float(m.group(1))
        elif (
            low in ORDINALS
            and i > 0
            and self.lows[i - 1] in ("the", "a", "its", "their", "his", "her", "our")
        ):
            value = float(ORDINALS[low])
        else:
            return None
        return Figure(
            tok.start,
            tok.end,
            value,
            Interval(value, value),
            "exact",
            tok.start,
            tok.end,
            ordinal=True,
            spelled=not m,
        )

    def finish(
        self,
        start_i: int,
        num_i: int,
        end_j: int,
        value: float,
        interval: Interval,
        qualifier: str,
        *,
        currency: str | None = None,
        spelled: bool = False,
        number_end_j: int | None = None,
    ) -> Figure:
        toks = self.toks

        def end_of(tok: Tok) -> int:
            # a word token keeps a trailing period for abbreviations; a figure never ends in one
            return tok.end - 1 if tok.text.endswith(".") and tok.text[:-1].isalpha() else tok.end

        end = end_of(toks[end_j - 1])
        number_end = end_of(toks[(number_end_j or end_j) - 1])
        return Figure(
            toks[start_i].start,
            end,
            value,
            interval,
            qualifier,
            toks[num_i].start,
            number_end,
            currency=currency,
            spelled=spelled,
        )

    def zero_at(self, i: int) -> Figure | None:
        """Zero in words: "no one", "nobody", "none", "no injuries"."""
        lows, toks = self.lows, self.toks
        w = lows[i]
        if w in ("nobody", "none") or (w == "no" and lows[i + 1 : i + 2] == ["one"]):
            j = i + 1 if w != "no" else i + 2
        elif w in ("no", "zero") and i + 1 < len(toks) and toks[i + 1].text.isalpha():
            j = i + 2  # "no injuries": the noun is part of what is said
        else:
            return None
        zero = Interval(0.0, 0.0)
        return Figure(
            toks[i].start,
            toks[j - 1].end,
            0.0,
            zero,
            "exact",
            toks[i].start,
            toks[j - 1].end,
            spelled=True,
            zero_word=True,
        )

    def scan(self) -> list[Figure]:
        figures: list[Figure] = []
        i, n = 0, len(self.toks)
        while i < n:
            dialled = _dialled_at(self.text, self.toks[i].start)
            if dialled:
                while i < n and self.toks[i].start < dialled:
                    i += 1  # a telephone number is no figure, nor any of its parts
                continue
            fig = self.figure_at(i) or self.zero_at(i)
            if fig is None:
                i += 1
                continue
            if fig.qualifier != "label":
                fig = _with_trend(self.text, fig)
                if (
                    fig.trend is None
                    and figures
                    and figures[-1].trend
                    and re.fullmatch(
                        r"(?:\s*[\w%$]+){0,2},?\s+or\s+", self.text[figures[-1].end : fig.start]
                    )
                ):  # "lost 190 points, or 0.6%": the same change restated
                    fig = replace(fig, trend=figures[-1].trend)
                if (
                    fig.qualifier == "exact"
                    and figures
                    and figures[-1].qualifier
                    in ("at_least", "more_than", "up_to", "less_than", "about", "nearly")
                    and re.fullmatch(
                        r"\s*[^\s\d()]*\s*\(\s*(?:[^\s\d()]+\s*/\s*)?",
                        self.text[figures[-1].end : fig.start],
                    )
                ):
                    # "more than 100 km (60 miles)": a conversion carries the same hedge
                    q = figures[-1].qualifier
                    fig = replace(fig, qualifier=q, interval=hedge_interval(q, fig.value))
                figures.append(fig)
            while i < n and self.toks[i].start < fig.end:
                i += 1
        return figures


_UP = CHANGE_UP
_DOWN = CHANGE_DOWN
# "gave up 517 yards", "picked up 3 points": "up" after these verbs is no rise
_PHRASAL_UP = re.compile(
    r"\b(?:gave|give|gives|giving|picked|pick|picks|set|sets|made|make|took|"
    r"take|put|puts|racked|rack|signed|showed|shows|turned|back|backed|came|"
    r"come|coming|rounded|summed|lined|locked|wrapped|opened|scored|chalked|"
    r"ended|end|ends|held|hold|holds|shored|stepped|added|adds)\s+up\s+$",
    re.I,
)
_CHANGE_VERB = re.compile(
    rf"\b(?:{_UP}|{_DOWN}|slow(?:ed|s)?|revised?|going|went|goes|"
    r"moved?|shifted?|changed?)\b",
    re.IGNORECASE,
)
_TREND_BEFORE = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\s+(?:by\s+)?$", re.IGNORECASE)
_TREND_AFTER = re.compile(
    r"^(?:\s*(?:%|percent|per\s+cent|percentage\s+points?|points?))?\s*"
    r"(?:(?P<up>increase|rise|jump|gain|surge|hike|growth|boost)|"
    r"(?P<down>drop|decline|decrease|fall|cut|loss|slump|reduction|dip|plunge))\b",
    re.IGNORECASE,
)


def _with_trend(text: str, fig: Figure) -> Figure:
    """Mark a figure as a change when a verb of rising or falling governs it directly."""
    before = text[max(0, fig.start - 40) : fig.start]
    if before.endswith("+") and (len(before) < 2 or not before[-2].isalnum()):
        return replace(fig, start=fig.start - 1, trend="up")  # "Dow +0.2%"
    m = _TREND_BEFORE.search(before)
    if (
        m is not None
        and m.group("up")
        and m.group().lower().startswith("up")
        and _PHRASAL_UP.search(before)
    ):
        m = None
    if m is None:
        m = _TREND_AFTER.match(text[fig.number_end : fig.number_end + 40])
    if m is None:
        after = text[fig.number_end : fig.number_end + 20]
        if fig.value < 0 and re.match(r"\s*(?:%|per\s*cent|percent|points?)", after, re.I):
            return replace(fig, trend="down")  # "DAX -1.6%"
        return fig
    return replace(fig, trend="up" if m.group("up") else "down")


# Telephone numbers: "504-822-1111", "(407) 822-5036", "719.482.7600", "1-800-283-4867",
# "1-877-903-STOP"; seven digits ("822-1111") only after a word that gives a number to call.
_PHONE = re.compile(
    r"(?:\+?1[-.\s])?(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s](?:\d{4}|[A-Z]{4})(?![\w-])"
)
_LOCAL_PHONE = re.compile(r"\d{3}-\d{4}(?![\w-])")
_CALL = r"call|calls|called|calling|dial|dialled|dialed"
_TO_CALL = re.compile(rf"\b(?:{_CALL}|contact|phone|telephone|tel|hotline|tip\s*line)\b", re.I)
# "call 911", "a 911 call": the emergency number, not a figure
_EMERGENCY = re.compile(r"(?:911|999|112)(?!\w)")
_EMERGENCY_BEFORE = re.compile(rf"\b(?:{_CALL})\s+$", re.I)
_EMERGENCY_AFTER = re.compile(
    r"\s+(?:calls?|callers?|dispatch\w*|operators?|cent(?:er|re)s?|system|tapes?|recordings?|"
    r"lines?)\b",
    re.I,
)
_CALL_REACH = 16  # characters before 911 read for the word that says to call it
_NUMBER_REACH = 64  # characters before seven digits read for a word that says to call them


def _dialled_at(text: str, at: int) -> int:
    """The end of a telephone number or emergency number starting at `at`, else 0."""
    if not (text[at].isdigit() or text[at] in "(+") or (
        at > 0 and (text[at - 1].isdigit() or text[at - 1] in "-.")
    ):
        return 0
    m = _PHONE.match(text, at)
    if m is None:
        m = _LOCAL_PHONE.match(text, at)  # seven digits, where the text gives a number to call
        if m is not None and not _TO_CALL.search(text, max(0, at - _NUMBER_REACH), at):
            m = None
    if m is None:
        m = _EMERGENCY.match(text, at)
        if m is not None and not (
            _EMERGENCY_BEFORE.search(text, max(0, at - _CALL_REACH), at)
            or _EMERGENCY_AFTER.match(text, m.end())
        ):
            m = None
    return m.end() if m is not None else 0


def find_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order, none overlapping."""
    return _Scanner(text).scan()
