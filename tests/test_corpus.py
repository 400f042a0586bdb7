"""Real coverage from ../shared/corpus (read in place, never copied): findings an editor would
want, and false alarms we have seen and fixed. Skipped when the corpus is not beside the repo."""

from __future__ import annotations

import pytest

from tests.conftest import corpus_dir

EVENTS = [
    "01_gva_wilkinsburg_pa_cookout_shooting_2016",
    "02_gva_dallas_police_ambush_2016",
    "04_gva_fort_myers_club_blu_shooting_2016",
    "08_gva_santa_monica_shooting_spree_2013",
    "14_gva_marksville_la_police_shooting_of_child_2015",
]


@pytest.fixture(scope="module")
def analyses(nlp):
    from factcheck.engine import compare_claims
    from factcheck.extract import extract_articles
    from factcheck.sources import read_articles

    corpus = corpus_dir()
    found = {}
    for event in EVENTS:
        articles = read_articles([str(p) for p in sorted((corpus / event).glob("*.txt"))])
        found[event] = compare_claims(articles, extract_articles(nlp, articles))
    return found


def _age_group(analysis, name: str):
    return [g for g in analysis.groups if g.topic == "age" and name in g.label]


@pytest.mark.parametrize("event", EVENTS)
def test_claims_index_their_articles(analyses, event):
    analysis = analyses[event]
    texts = {a.id: a.text for a in analysis.articles}
    for claim in analysis.claims:
        assert texts[claim.article][claim.start : claim.end] == claim.surface
    ids = sorted(c.id for g in analysis.groups for c in g.claims)
    assert ids == sorted(c.id for c in analysis.claims)


@pytest.mark.parametrize(
    ("event", "person", "ages"),
    [
        pytest.param(EVENTS[0], "Lamont Powell", {24, 25}, id="wilkinsburg-powell"),
        pytest.param(EVENTS[1], "Misty McBride", {32, 39}, id="dallas-mcbride"),
        pytest.param(EVENTS[4], "Derrick Stafford", {23, 32}, id="marksville-stafford"),
    ],
)
def test_age_a_year_or_more_apart_is_a_conflict(analyses, event, person, ages):
    groups = _age_group(analyses[event], person)
    assert groups
    assert groups[0].verdict == "conflict"
    assert {int(c.value) for c in groups[0].claims} == ages


def test_father_and_son_are_two_people(analyses):
    # "Jean Archilles, 37, the father of" Sean Archilles, 14
    groups = _age_group(analyses[EVENTS[2]], "Archilles")
    assert all(len({c.value for c in g.claims}) == 1 for g in groups)


def test_toll_of_another_shooting_is_not_this_one(analyses):
    # the Orlando massacre's 49 dead, recalled in a story about two teens killed in Fort Myers
    analysis = analyses[EVENTS[2]]
    orlando = next(c for c in analysis.claims if c.surface == "49")
    assert len(analysis.group_of(orlando.id).claims) == 1


def test_what_a_gunman_planned_is_not_a_toll(analyses):
    analysis = analyses[EVENTS[3]]
    planned = [c for c in analysis.claims if c.surface.lower() == "hundreds"]
    assert planned
    assert all(len(analysis.group_of(c.id).claims) == 1 for c in planned)


def test_no_conflict_on_the_dallas_toll(analyses):
    analysis = analyses[EVENTS[1]]
    killed = [g for g in analysis.groups if g.topic == "killed" and len(g.claims) > 1]
    assert killed
    assert all(g.verdict != "conflict" for g in killed)


# Where the coverage and the archive count differently, and why (read from the articles).
TOLL_AS_REPORTED = {
    "01_gva_wilkinsburg_pa_cookout_shooting_2016": 6,  # the articles count the unborn child
}


def _gva_events() -> list[str]:
    from tests.conftest import SHARED

    return sorted(
        p.name for p in (SHARED / "corpus").glob("*_gva_*") if (p / "truth.json").exists()
    )


@pytest.mark.parametrize("event", _gva_events() or ["(no corpus)"])
def test_toll_agrees_with_the_archive(nlp, event):
    """The toll most articles share is the Gun Violence Archive's, or the archive's less a dead
    attacker (the archive counts him; articles often do not). A single death is told by name, not
    by count, so an event of one or none dead may have no toll at all; where only one article
    counts the dead, its count is the one checked."""
    import json

    from factcheck.engine import compare_claims
    from factcheck.extract import extract_articles
    from factcheck.sources import read_articles

    folder = corpus_dir() / event
    truth = json.loads((folder / "truth.json").read_text())
    dead_attackers = sum(
        1
        for p in truth["participants"]
        if "Suspect" in p.get("type", "") and p.get("status", "").startswith("Killed")
    )
    expected = {TOLL_AS_REPORTED.get(event, truth["num_killed"])}
    expected.add(max(expected) - dead_attackers)
    articles = read_articles([str(p) for p in sorted(folder.glob("*.txt"))])
    analysis = compare_claims(articles, extract_articles(nlp, articles))
    apart = {"with_perpetrator", "part", "other_event"}  # not the event's own toll of victims
    tolls = [
        g for g in analysis.groups if g.topic == "killed" and not apart & set(g.claims[0].notes)
    ]
    if not tolls:
        assert truth["num_killed"] <= 1, "no article counts the dead"
        return
    # the toll the most articles share; where one article alone counts the dead, the one it
    # states most often
    main = max(
        tolls, key=lambda g: (len(g.articles), len(g.claims), -min(c.start for c in g.claims))
    )
    assert any(c.quantity.contains(n) for c in main.claims for n in expected), (
        main.label,
        [c.surface for c in main.claims],
        expected,
    )
