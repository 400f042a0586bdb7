"""The grammar of figures, one row a case: numerals, words, hedges, ranges, vague amounts."""

from __future__ import annotations

import math

import pytest

from factcheck.numbers import Interval, find_figures

INF = math.inf

# (id, text, surface, qualifier, low, high, low_closed, high_closed)
CASES = [
    ("digits", "killed 129 people", "129", "exact", 129, 129, True, True),
    ("thousands-comma", "some 1,200 homes", "some 1,200", "about", 1080, 1320, True, True),
    ("decimal-million", "1.5 million people", "1.5 million", "exact", 1.5e6, 1.5e6, True, True),
    ("currency-short-scale", "a $3m fine", "$3m", "exact", 3e6, 3e6, True, True),
    ("us-dollar", "US$1.5 million", "US$1.5 million", "exact", 1.5e6, 1.5e6, True, True),
    ("word", "four people", "four", "exact", 4, 4, True, True),
    ("word-capitalised", "Sixteen were hurt", "Sixteen", "exact", 16, 16, True, True),
    ("hyphenated-word", "twenty-five officers", "twenty-five", "exact", 25, 25, True, True),
    ("a-dozen", "a dozen eggs", "a dozen", "exact", 12, 12, True, True),
    ("two-dozen", "two dozen cars", "two dozen", "exact", 24, 24, True, True),
    ("half-a-dozen", "half a dozen shots", "half a dozen", "exact", 6, 6, True, True),
    ("a-hundred", "a hundred people", "a hundred", "exact", 100, 100, True, True),
    (
        "hundred-and",
        "two hundred and fifty",
        "two hundred and fifty",
        "exact",
        250,
        250,
        True,
        True,
    ),
    ("at-least", "at least 129 dead", "at least 129", "at_least", 129, INF, True, True),
    ("no-fewer-than", "no fewer than 12", "no fewer than 12", "at_least", 12, INF, True, True),
    ("or-more", "129 or more", "129 or more", "at_least", 129, INF, True, True),
    ("more-than", "more than 350", "more than 350", "more_than", 350, INF, False, True),
    ("over", "over 350 injured", "over 350", "more_than", 350, INF, False, True),
    ("upwards-of", "upwards of 40", "upwards of 40", "more_than", 40, INF, False, True),
    ("up-to", "up to 12 people", "up to 12", "up_to", 0, 12, True, True),
    ("as-many-as", "as many as 30", "as many as 30", "up_to", 0, 30, True, True),
    ("no-more-than", "no more than 5", "no more than 5", "up_to", 0, 5, True, True),
    ("fewer-than", "fewer than 10", "fewer than 10", "less_than", 0, 10, True, False),
    ("under", "under 18", "under 18", "less_than", 0, 18, True, False),
    ("about", "about 30 people", "about 30", "about", 27, 33, True, True),
    ("an-estimated", "an estimated 2,000", "an estimated 2,000", "about", 1800, 2200, True, True),
    ("nearly-leans-below", "nearly five hours", "nearly five", "nearly", 4, 5, True, True),
    ("almost", "almost 100", "almost 100", "nearly", 90, 100, True, True),
    ("exactly", "exactly 12", "exactly 12", "exact", 12, 12, True, True),
    ("between-and", "between 120 and 130", "between 120 and 130", "range", 120, 130, True, True),
    ("hyphen-range", "120-130 people", "120-130", "range", 120, 130, True, True),
    ("to-range", "120 to 130 people", "120 to 130", "range", 120, 130, True, True),
    ("words-to-digits", "six to 10 people", "six to 10", "range", 6, 10, True, True),
    ("two-or-three", "two or three men", "two or three", "range", 2, 3, True, True),
    (
        "shared-scale",
        "four to five thousand",
        "four to five thousand",
        "range",
        4000,
        5000,
        True,
        True,
    ),
    ("dozens", "dozens of people", "dozens", "vague", 12, 120, True, True),
    ("hundreds", "hundreds of homes", "hundreds", "vague", 100, 1000, True, True),
    (
        "tens-of-thousands",
        "tens of thousands fled",
        "tens of thousands",
        "vague",
        1e4,
        1e5,
        True,
        True,
    ),
    ("several", "several people", "several", "vague", 3, 9, True, True),
    ("no-one", "no one was killed", "no one", "exact", 0, 0, True, True),
    ("none", "none died", "none", "exact", 0, 0, True, True),
    ("no-noun", "there were no injuries", "no injuries", "exact", 0, 0, True, True),
    ("plus-suffix", "50-plus people", "50-plus", "at_least", 50, INF, True, True),
    ("slash-fraction", "1/2 pound of chips", "1/2", "exact", 0.5, 0.5, True, True),
    ("currency-code", "a fine of USD10m", "USD10m", "exact", 1e7, 1e7, True, True),
    ("ringgit", "priced at RM79 a month", "RM79", "exact", 79, 79, True, True),
    ("negative", "the index closed at -5 points", "-5", "exact", -5, -5, True, True),
    ("minus-word", "minus 387 Fahrenheit", "minus 387", "exact", -387, -387, True, True),
    ("sub-prefix", "sub-300 sq m offices", "sub-300", "less_than", 0, 300, True, False),
    (
        "stacked-scale",
        "4 hundred million people",
        "4 hundred million",
        "exact",
        4e8,
        4e8,
        True,
        True,
    ),
    (
        "shared-currency-scale",
        "$10 to $15 billion",
        "$10 to $15 billion",
        "range",
        1e10,
        1.5e10,
        True,
        True,
    ),
    (
        "unit-both-ends",
        "between 15kHz and 17kHz",
        "between 15kHz and 17kHz",
        "range",
        15,
        17,
        True,
        True,
    ),
    (
        "range-from-to",
        "prices range from $200 to $400",
        "from $200 to $400",
        "range",
        200,
        400,
        True,
        True,
    ),
    ("fraction-word", "two-thirds of voters", "two-thirds", "exact", 2 / 3, 2 / 3, True, True),
    ("fold", "grew more than sixfold", "more than sixfold", "more_than", 6, INF, False, True),
    ("suspended-hyphen", "aged 14- to 30-years-old", "14- to 30", "range", 14, 30, True, True),
    ("suspended-words", "a five- to six-page note", "five- to six", "range", 5, 6, True, True),
    ("comma-range", "for four, five weeks", "four, five", "range", 4, 5, True, True),
    ("and-a-half-hyphens", "3-and-a-half hours", "3-and-a-half", "exact", 3.5, 3.5, True, True),
    ("and-a-half-words", "two and a half hours", "two and a half", "exact", 2.5, 2.5, True, True),
    ("unit-and-a-half", "an hour and a half", "an hour and a half", "exact", 1.5, 1.5, True, True),
    (
        "a-half-dozen",
        "at least a half-dozen",
        "at least a half-dozen",
        "at_least",
        6,
        INF,
        True,
        True,
    ),
    ("several-hundred", "several hundred fans", "several hundred", "vague", 300, 900, True, True),
    ("a-few-thousand", "a few thousand fans", "a few thousand", "vague", 2000, 5000, True, True),
    (
        "stronger-than",
        "tremors stronger than five",
        "stronger than five",
        "more_than",
        5,
        INF,
        False,
        True,
    ),
    ("and-above", "the show is 18 and above", "18 and above", "at_least", 18, INF, True, True),
    ("and-over", "anyone 18 and over", "18 and over", "at_least", 18, INF, True, True),
    ("decade-is-a-range", "a woman in her 50s", "50s", "range", 50, 59, True, True),
]


@pytest.mark.parametrize(
    ("text", "surface", "qualifier", "low", "high", "low_closed", "high_closed"),
    [pytest.param(*row[1:], id=row[0]) for row in CASES],
)
def test_figure(text, surface, qualifier, low, high, low_closed, high_closed):
    figures = [f for f in find_figures(text) if not f.ordinal]
    assert figures, f"no figure in {text!r}"
    fig = figures[0]
    assert text[fig.start : fig.end] == surface
    assert fig.qualifier == qualifier
    assert fig.interval.low == pytest.approx(low)
    assert fig.interval.high == pytest.approx(high)
    assert (fig.interval.low_closed, fig.interval.high_closed) == (low_closed, high_closed)


NOT_FIGURES = [
    ("summit-name", "the G20 summit"),
    ("jet-name", "F-16 jets"),
    ("virus-name", "COVID-19 cases"),
    ("lone-article", "a man was seen"),
    ("no-as-determiner-alone", "no."),
    ("nine-eleven", "after 9/11 the law changed"),
    ("around-the-clock", "open 24/7 now"),
    ("score", "they won 2-1 at home"),
    ("code", "the ISO 3888-2 test"),
    ("phone-dashes", "call the tip line at 555-310-2291"),
    ("phone-dots", "or call the branch at 555.310.2291 today"),
    ("phone-area-code-in-brackets", "Crime Stoppers at (555) 310-2291 or online"),
    ("phone-toll-free", "call 1-800-555-0199 for help"),
    ("phone-vanity", "toll-free 1-877-555-HELP"),
    ("phone-seven-digits-after-call", "call the desk at 310-2291"),
    ("emergency-number-called", "a neighbour called 911 at once"),
    ("emergency-number-calls", "the 911 calls came in quickly"),
]

# (id, text, the figures in it): telephone-like digits that are figures all the same
FIGURES_BESIDE_PHONES = [
    ("a-range-of-three-and-four-digits", "between 300-1000 people came", ["between 300-1000"]),
    ("a-count-of-911", "911 people were hurt", ["911"]),
    ("a-figure-before-a-phone", "12 were hurt; call 555-310-2291", ["12"]),
    ("seven-digits-as-a-range", "crowds estimated at 500-1000 marched", ["500-1000"]),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NOT_FIGURES])
def test_not_a_figure(text):
    assert [text[f.start : f.end] for f in find_figures(text) if not f.zero_word] == []


@pytest.mark.parametrize(
    ("text", "surfaces"), [pytest.param(t, f, id=i) for i, t, f in FIGURES_BESIDE_PHONES]
)
def test_figures_beside_telephone_numbers(text, surfaces):
    assert [text[f.start : f.end] for f in find_figures(text)] == surfaces


TRENDS = [
    ("rose-by", "sales rose by 3%", "up"),
    ("fell", "shares fell 5 percent", "down"),
    ("up", "up 57% on the year", "up"),
    ("a-drop", "a 3 percent drop", "down"),
    ("level-not-trend", "the toll rose to 132", None),
    ("from-to-levels", "fell from 3 to 5", None),
    ("or-restates", "lost 190 points, or 0.6%", "down"),
    ("signed-percent", "DAX -1.6%.", "down"),
    ("plus-sign", "Dow +0.2%", "up"),
    ("phrasal-up", "the defence gave up 517 yards", None),
]


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        pytest.param("one, two, three", ["one", "two", "three"], id="counting-out"),
        pytest.param("two, three, four months", ["two", "three", "four"], id="longer-list"),
        pytest.param("killed 5 and over 20 hurt", ["5", "over 20"], id="and-over-before-a-number"),
        pytest.param("three, five months", ["three", "five"], id="not-consecutive"),
    ],
)
def test_lists_are_not_ranges(text, surfaces):
    assert [text[f.start : f.end] for f in find_figures(text)] == surfaces


@pytest.mark.parametrize(("text", "trend"), [pytest.param(t, r, id=i) for i, t, r in TRENDS])
def test_trend(text, trend):
    figures = find_figures(text)
    assert figures[-1].trend == trend


def test_ordinals_are_positions():
    figs = find_figures("the second consecutive night and the 22nd amendment")
    assert [(f.value, f.ordinal) for f in figs] == [(2, True), (22, True)]


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        pytest.param(Interval(129, 129), Interval(129, INF), True, id="exact-in-at-least"),
        pytest.param(Interval(12, 12), Interval(14, 14), False, id="different-points"),
        pytest.param(Interval(350, INF, False), Interval(350, 350), False, id="more-than-excludes"),
        pytest.param(Interval(0, 12), Interval(11, 11), True, id="up-to-contains"),
        pytest.param(Interval(0, 10, True, False), Interval(10, 10), False, id="fewer-than-open"),
    ],
)
def test_interval_overlap(a, b, overlap):
    assert a.overlaps(b) is overlap
    assert b.overlaps(a) is overlap


def test_a_rejected_range_leaves_no_scale_behind():
    # the first pair shares no unit, so it is no range; its "million" must not scale the next
    figs = find_figures("from 5 kHz to 6 million, then between 1 and 2 more")
    last = figs[-1]
    assert (last.qualifier, last.interval.low, last.interval.high) == ("range", 1, 2)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("7" * 400 + " people were killed", id="400-digits"),
        pytest.param("1234567890123456 people", id="16-digits"),
        pytest.param("a million million million million people", id="scales-past-any-figure"),
        pytest.param("9" * 20 + ".5 tonnes", id="long-decimal"),
    ],
)
def test_an_identifier_is_no_figure(text):
    for fig in find_figures(text):
        assert math.isfinite(fig.value)
        assert abs(fig.value) <= 1e15


def test_the_largest_figures_news_writes_still_read():
    figs = find_figures("a $1.2 trillion budget and 999,999,999,999,999 grains")
    assert [f.value for f in figs] == [1.2e12, 999_999_999_999_999]
