"""Properties: the grammar never crashes, and every span it reports indexes the text."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.numbers import find_figures
from factcheck.sources import normalise

WORDS = st.sampled_from(
    [
        "at",
        "least",
        "more",
        "than",
        "up",
        "to",
        "about",
        "nearly",
        "between",
        "and",
        "to",
        "or",
        "-",
        ",",
        ".",
        "$",
        "%",
        "one",
        "two",
        "twenty-five",
        "dozen",
        "dozens",
        "hundred",
        "million",
        "3",
        "12",
        "1,200",
        "1.5",
        "2015",
        "no",
        "one",
        "none",
        "killed",
        "people",
        "years",
        "old",
        "Nov.",
        "a",
        "an",
        "the",
        "over",
        "under",
        "some",
        "50s",
        "3m",
    ]
)
TEXT = st.one_of(st.text(max_size=200), st.lists(WORDS, max_size=30).map(" ".join))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_figures_index_the_text(text):
    last_end = -1
    for fig in find_figures(text):
        assert 0 <= fig.start <= fig.number_start < fig.number_end <= fig.end <= len(text)
        assert fig.start >= last_end, "figures never overlap"
        last_end = fig.end
        q = fig.interval
        assert q.low <= q.high
        assert not math.isnan(q.low)
        assert not math.isnan(q.high)
        if fig.qualifier in ("exact", "about", "nearly", "at_least", "up_to"):
            assert q.contains(fig.value), "a hedged figure always allows its own value"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_normalised_text_has_no_control_characters(text):
    clean = normalise(text)
    assert not any(ord(ch) < 32 and ch != "\n" for ch in clean)
    assert "\x1b" not in clean
    assert "\x7f" not in clean
    assert normalise(clean) == clean, "normalising twice changes nothing"


NEWS_WORDS = st.sampled_from(
    "at least more than up to about nearly between and to or killed injured dead wounded arrested "
    "people police said Tuesday Nov. 13 2015 , . - $ 3m 129 twelve a dozen dozens no one none "
    "aged 27-year-old Smith John the attack rose by 5% minus 1/2 US$ hundreds of".split()
)


@settings(max_examples=60, deadline=None)
@given(st.lists(NEWS_WORDS, min_size=1, max_size=40).map(" ".join))
def test_extraction_never_crashes_and_indexes_the_text(claims_of, text):
    for claim in claims_of(text):
        assert text[claim.start : claim.end] == claim.surface
        assert claim.sentence in text
        if claim.quantity is not None:
            assert claim.quantity.low <= claim.quantity.high
