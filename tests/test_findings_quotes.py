"""Quotations reproduced differently, and faithful ones: a table from fixtures written here."""

from __future__ import annotations

import pytest

from factcheck.findings import FindingType, quotes
from factcheck.models import Article


def _articles(*texts: str) -> list[Article]:
    return [Article(chr(65 + i), f"t{i}", t.split("\n")[0], t) for i, t in enumerate(texts)]


DIFFERENT = [
    pytest.param(
        '"The water came up faster than anyone expected," the fire chief said.',
        "“The water rose faster than anyone expected,” the chief told reporters.",
        ["came up", "rose"],
        id="word-changed",
    ),
    pytest.param(
        '"We will rebuild every school in the valley," the governor said.',
        '"We will rebuild every single school in the valley," the governor said.',
        ["single"],
        id="word-added",
    ),
    pytest.param(
        '"Nobody here has seen a flood like this in forty years," she said.',
        '"Nobody has seen a flood like this in forty years," she said.',
        ["here"],
        id="word-dropped",
    ),
    pytest.param(
        '"The families have no shelter for the night, no clean water."',
        '"The families have no shelter for the night, no clean water supply for the children."',
        ["supply for the children"],
        id="sentence-cut-short-with-a-full-stop",
    ),
    pytest.param(
        'He told the crowd: "the road is closed".',
        'He told the crowd "the road was closed".',
        ["is", "was"],
        id="short-quote-tense",
    ),
]


@pytest.mark.parametrize(("a", "b", "words"), DIFFERENT)
def test_difference_is_found(a, b, words):
    articles = _articles(a, b)
    found = quotes.find(articles)
    assert len(found) == 1, [f.explanation for f in found]
    finding = found[0]
    assert finding.type is FindingType.QUOTE_DIFFERENCE
    assert [p.article for p in finding.spans] == ["A", "B"]
    for w in words:
        assert f"“{w}”" in finding.explanation, finding.explanation
    texts = {x.id: x.text for x in articles}
    for p in finding.spans:
        assert texts[p.article][p.start : p.end] == p.text
        assert p.text[0] not in '"“ '
        assert p.text[-1] not in '"” '


FAITHFUL = [
    pytest.param(
        '"We cannot do this alone. We need the whole county to help," the sheriff said.',
        '"We need the whole county to help," the sheriff said.',
        id="partial-quote",
    ),
    pytest.param(
        '"They [the volunteers] worked through the night to fill sandbags," he said.',
        '"They worked through the night to fill sandbags," he said.',
        id="bracketed-gloss",
    ),
    pytest.param(
        '"It (the levee) held for six hours before it broke," she said.',
        "“It held for six hours before it broke.”",
        id="parenthetical-gloss-and-end-punctuation",
    ),
    pytest.param(
        '"We tried to give the town a safe place to gather," the owner wrote.',
        '"WE TRIED TO GIVE THE TOWN A SAFE PLACE TO GATHER," the owner wrote.',
        id="capitals",
    ),
    pytest.param(
        '"The rebels\' endgame is to hold the oilfields by winter," the envoy said.',
        '"The rebels\' end game is to hold the oil fields by winter," the envoy said.',
        id="compound-spelling",
    ),
    pytest.param(
        '"We will defend our neighbourhood," the mayor said.',
        '"We will defend our neighborhood," the mayor said.',
        id="british-american",
    ),
    pytest.param(
        '"The bridge is safe and open to traffic," the engineer said.',
        '"Our budget for next year has not been agreed," the engineer said.',
        id="two-different-statements",
    ),
    pytest.param(
        '"Everyone we can reach is being interviewed," the detective said.',
        '"Many witnesses left, but everyone we can reach is being interviewed," he said.',
        id="partial-quote-from-mid-sentence",
    ),
]


@pytest.mark.parametrize(("a", "b"), FAITHFUL)
def test_faithful_quotation_is_not_flagged(a, b):
    found = quotes.find(_articles(a, b))
    assert found == [], [f.explanation for f in found]


def test_run_on_quotation_is_read_to_its_closing_paragraph():
    a = Article(
        "A",
        "a",
        "t",
        '"The first wave hit the pier at dawn.\n\nThe second one took the boats away," he said.',
    )
    found = [q.raw for q in quotes.quotations(a)]
    assert found == [
        "The first wave hit the pier at dawn.",
        "The second one took the boats away,",
    ]


def test_quotations_inside_one_article_are_not_compared():
    a = '"The road is closed," he said. Later: "The road was closed," he said.'
    assert quotes.find(_articles(a)) == []
