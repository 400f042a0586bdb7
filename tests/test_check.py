"""Lining claims up across articles: groups, verdicts, explanations. Fixtures are our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.models import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _group_with(analysis, surface: str, article: str):
    claim = next(c for c in analysis.claims if c.surface == surface and c.article == article)
    return analysis.group_of(claim.id)


@pytest.fixture(scope="module")
def seeds(nlp):
    from factcheck.engine import compare_claims
    from factcheck.extract import extract_articles
    from factcheck.sources import read_articles

    articles = read_articles([str(p) for p in sorted((FIXTURES.parent / "seeds").glob("*.txt"))])
    return compare_claims(articles, extract_articles(nlp, articles))


def test_seed_death_toll_is_one_hedged_group(seeds):
    group = _group_with(seeds, "129", "A")
    assert group.verdict == "qualifier_mismatch"
    surfaces = sorted((c.article, c.surface) for c in group.claims)
    assert surfaces == [("A", "129"), ("B", "at least 129"), ("B", "at least 129")]
    assert "A: exactly 129 killed" in group.explanation
    assert "B: at least 129 killed" in group.explanation
    assert "B hedges" in group.explanation


def test_seed_raids_and_injured_stand_alone(seeds):
    for article, surface in (("A", "128"), ("B", "over 350")):
        group = _group_with(seeds, surface, article)
        assert group.verdict == "single"
        assert len(group.claims) == 1


def test_seed_nothing_groups_raids_with_deaths(seeds):
    for group in seeds.groups:
        assert len({c.topic for c in group.claims}) == 1


def test_every_claim_in_exactly_one_group(seeds):
    ids = [c.id for g in seeds.groups for c in g.claims]
    assert sorted(ids) == sorted(c.id for c in seeds.claims)


@pytest.fixture(scope="module")
def ferry(check_texts):
    texts = [(FIXTURES / f"ferry_{x}.txt").read_text() for x in "abc"]
    return check_texts(*texts)


def test_injured_conflict(ferry):
    group = _group_with(ferry, "Fourteen", "A")
    assert group.verdict == "conflict"
    assert {c.surface for c in group.claims} == {"Fourteen", "Twelve"}
    assert "A: exactly 14 injured" in group.explanation
    assert "B: exactly 12 injured" in group.explanation


def test_toll_that_rose_says_so(ferry):
    group = _group_with(ferry, "At least 12", "A")
    assert group.verdict == "conflict"  # at least 12 and 12 cannot both be 15
    assert "because of time" in group.explanation


def test_age_conflict_across_spellings(ferry):
    group = _group_with(ferry, "54", "A")
    assert group.verdict == "conflict"
    assert {c.surface for c in group.claims} == {"54", "55"}


def test_age_agreement_sara_sarah(ferry):
    group = _group_with(ferry, "41", "A")
    assert group.verdict == "agree"
    assert {c.article for c in group.claims} == {"A", "B"}


def test_comparison_storm_stands_alone(ferry):
    group = _group_with(ferry, "40", "A")
    assert group.verdict == "single"


def test_subset_stands_alone(ferry):
    group = _group_with(ferry, "one", "B")
    assert len(group.claims) == 1


def test_hedged_capacity_not_grouped_with_tolls(ferry):
    group = _group_with(ferry, "up to 80", "A")
    assert all(c.topic != "killed" for c in group.claims)


def test_conflicts_come_first(ferry):
    order = [g.verdict for g in ferry.groups]
    assert order == sorted(order, key=["conflict", "qualifier_mismatch", "agree", "single"].index)


# (id, text A, text B, verdict)
PAIRS = [
    (
        "different-points",
        "Police said 12 people were injured.",
        "Police said 14 people were injured.",
        "conflict",
    ),
    (
        "at-least-vs-lower",
        "At least 25 people were killed.",
        "The blast killed 20 people.",
        "conflict",
    ),
    (
        "up-to-contains",
        "Up to 12 people were injured.",
        "Eleven people were injured.",
        "qualifier_mismatch",
    ),
    (
        "same-hedge",
        "At least 129 people were killed.",
        "The attacks killed at least 129 people.",
        "agree",
    ),
    (
        "nearly-vs-exact",
        "The fire injured nearly 50 people.",
        "The fire injured 50 people.",
        "qualifier_mismatch",
    ),
    (
        "no-one-vs-twelve",
        "No one was killed in the attack.",
        "The attack killed 12 people.",
        "conflict",
    ),
]


@pytest.mark.parametrize(("a", "b", "verdict"), [pytest.param(*r[1:], id=r[0]) for r in PAIRS])
def test_pair_verdict(check_texts, a, b, verdict):
    analysis = check_texts(a, b)
    grouped = [g for g in analysis.groups if len({c.article for c in g.claims}) == 2]
    assert len(grouped) == 1
    assert grouped[0].verdict == verdict


KEPT_APART = [
    ("killed-vs-injured", "Five people were killed.", "Five people were injured."),
    ("raids-vs-deaths", "Police made 128 raids.", "The attack killed 129 people."),
    ("shots-vs-people-shot", "The gunman fired 30 shots.", "The gunman shot 3 people."),
    ("officers-vs-people", "Two officers were wounded.", "Seven people were wounded."),
    ("other-event", "The storm last year that killed 40 people.", "The storm killed 3 people."),
    (
        "running-total",
        "Police have made 30 arrests so far this week.",
        "Police made 4 arrests on Monday.",
    ),
    (
        "victims-plus-gunman",
        "The rampage ended with five deaths, including the gunman.",
        "The gunman killed four people.",
    ),
]


@pytest.mark.parametrize(("a", "b"), [pytest.param(*r[1:], id=r[0]) for r in KEPT_APART])
def test_kept_apart(check_texts, a, b):
    analysis = check_texts(a, b)
    assert all(len({c.article for c in g.claims}) == 1 for g in analysis.groups)


def test_self_contradiction_on_age_is_a_finding(check_texts):
    analysis = check_texts(
        "Maria Lopez, 31, was hurt. Later, Maria Lopez, 32, was released.", "x 1"
    )
    group = next(g for g in analysis.groups if g.topic == "age")
    assert group.verdict == "conflict"
    assert "A contradicts itself" in group.explanation


def test_surname_shared_by_two_people_stays_apart(check_texts):
    a = "Tina Okoro, 37, and Darnell Okoro, 29, were named. Okoro, 29, was charged."
    b = "Darnell Okoro, 28, was charged."
    analysis = check_texts(a, b)
    lone = next(c for c in analysis.claims if c.surface == "29" and c.start > 40)
    assert len(analysis.group_of(lone.id).claims) == 1


def test_label_names_the_fact(ferry):
    group = _group_with(ferry, "Fourteen", "A")
    assert "injured" in group.label


def test_article_model_is_plain_data():
    a = Article("A", "x.txt", "T", "T")
    with pytest.raises(AttributeError):
        a.id = "B"  # type: ignore[misc]


def test_conflict_with_a_hedge_inside(check_texts):
    analysis = check_texts(
        "Eight people were injured.", "At least 8 people were injured.", "Nine people were injured."
    )
    group = next(g for g in analysis.groups if len(g.claims) == 3)
    assert group.verdict == "conflict"
    assert "hedged differently as well (B)" in group.explanation


def test_articles_of_different_dates_say_so(nlp):
    from factcheck.engine import compare_claims
    from factcheck.extract import extract_articles
    from factcheck.sources import Document, as_articles

    articles = as_articles(
        [
            Document("a.html", "A", "The attack killed 12 people.", "2016-03-10"),
            Document("b.html", "B", "The attack killed 14 people.", "2016-03-18"),
        ]
    )
    analysis = compare_claims(articles, extract_articles(nlp, articles))
    group = next(g for g in analysis.groups if g.verdict == "conflict")
    assert "different dates (A 2016-03-10, B 2016-03-18)" in group.explanation
