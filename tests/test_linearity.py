"""Linear work on figure-dense text: doubling the input at most a little more than doubles the
work. Work is counted, not timed: tokens handed to the parser, figures classified, and the
characters the claims carry (what a report and the JSON output copy)."""

from __future__ import annotations

import importlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.models import Article

# the module, not the engine function of the same name that the package exports
extract = importlib.import_module("factcheck.extract")

DENSE = st.sampled_from(
    "1 12 129 1,200 3.5 twenty twenty-five hundred million dozens a dozen at least more than "
    "up to about nearly between and to or - , $ 5m 30% No. U.S. Nov. 13 Mr. e.g. killed "
    "injured people were said . 2015 aged 27 minus 1/2 some fewer than".split()
)
# long enough that a clipped quote (600 characters) is in play at both sizes
TEXT = st.lists(DENSE, min_size=400, max_size=700).map(" ".join)


@pytest.fixture(scope="module")
def work(nlp):
    """The work extracting a text costs, as counts."""

    def run(text: str) -> int:
        tokens = 0
        classified = 0
        real_pipe, real_classify = nlp.pipe, extract._classify

        def pipe(texts, **kwargs):
            nonlocal tokens
            for doc in real_pipe(texts, **kwargs):
                tokens += len(doc)
                yield doc

        def classify(*args, **kwargs):
            nonlocal classified
            classified += 1
            return real_classify(*args, **kwargs)

        extract._classify = classify
        nlp.pipe = pipe
        try:
            claims = extract.extract_articles(nlp, [Article("A", "t", "t", text)])
        finally:
            extract._classify = real_classify
            del nlp.pipe  # the instance attribute goes; the class method is back
        carried = sum(len(c.sentence) + len(c.surface) for c in claims)
        return tokens + classified + carried

    return run


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(TEXT, st.sampled_from([" ", ". ", "\n"]))
def test_doubling_the_input_at_most_doubles_the_work(work, text, joint):
    once = work(text)
    twice = work(text + joint + text)
    assert twice <= 2.2 * once + 200, (once, twice)


def test_one_run_on_sentence_carries_bounded_text(work):
    dense = "12 killed, " * 2000  # one "sentence" of 22,000 characters and 2,000 figures
    assert work(dense) < 60 * 700 + 25_000  # before issue 11: 2,000 claims x 22,000 characters


def test_comparing_one_large_group_is_linear(nlp, monkeypatch):
    from factcheck.engine import compare_claims
    from factcheck.numbers import Interval

    real = Interval.overlaps
    calls = 0

    def counted(self, other):
        nonlocal calls
        calls += 1
        return real(self, other)

    monkeypatch.setattr(Interval, "overlaps", counted)

    def comparisons(n: int) -> int:
        nonlocal calls
        articles = [Article(x, x, "t", "12 killed. " * n) for x in "AB"]
        claims = extract.extract_articles(nlp, articles)
        calls = 0
        compare_claims(articles, claims)
        return calls

    once, twice = comparisons(100), comparisons(200)
    assert twice <= 2.2 * once + 50, (once, twice)
