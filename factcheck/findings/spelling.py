"""Words as the findings compare them: accents, case and marks set aside, British spellings
written the American way, small numbers as digits."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from factcheck.vocab import TENS, UNITS

# British and American spellings of one word are one word (recognised/recognized).
_SPELLINGS = (
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{2})our"), "or"),  # colour, neighbourhood, favourite
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"ence$"), r"ense"),
    (re.compile(r"ogue$"), r"og"),
    (re.compile(r"ll(ed|ing|er)$"), r"l\1"),
)
# "five" and "5" are one word in a quotation.
_DIGITS = {word: str(n) for word, n in {**UNITS, "twenty": TENS["twenty"]}.items()}
_MARKS = str.maketrans("", "", "'’`-.")


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """A word as compared: accents, case, apostrophes and hyphens set aside."""
    if not word.isascii():
        word = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in word if not unicodedata.combining(c))
    return word.translate(_MARKS).casefold()


def spelling(word: str) -> str:
    """`fold`, then British spellings written the American way, number words as digits."""
    word = fold(word)
    if word in _DIGITS:
        return _DIGITS[word]
    if len(word) > 5:
        for pattern, repl in _SPELLINGS:
            word = pattern.sub(repl, word)
    return word
