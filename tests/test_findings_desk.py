"""Findings on the desk: a row of their own with a marker, highlighted passages, marks and notes
like the figure groups, and the saved report. On the fixed analysis of tests/desk_fixture.py
with one finding added by hand, so an engine change does not move these tests."""

from __future__ import annotations

from dataclasses import replace

from factcheck.findings import Finding, FindingType, Passage
from factcheck.ui.saving import report_text
from tests import desk_fixture
from tests.test_app import make, ready, store_path  # noqa: F401  (the store_path fixture)


def _with_finding():
    analysis = desk_fixture.analysis()
    spans = []
    for article in analysis.articles:
        at = article.text.find("Ilse Brandt")
        spans.append(Passage(article.id, at, at + len("Ilse Brandt"), "Ilse Brandt"))
    finding = Finding(
        "N1",
        FindingType.NAME_VARIANT,
        tuple(spans),
        "One name written two ways: a test of the desk.",
    )
    return replace(analysis, findings=(finding,))


async def test_finding_is_a_row_marked_and_saved(store_path):  # noqa: F811
    analysis = _with_finding()
    app = make(analysis.articles, lambda articles: analysis, store_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        desk = app.desk
        # two figure discrepancies and the finding are open
        assert "0 accepted · 0 disputed · 3 open" in desk.sub_title
        row = next(g for g in desk.analysis.groups if g.id == "N1")
        assert row.verdict == "finding"
        assert [c.surface for c in row.claims] == ["Ilse Brandt"] * 3
        # its passages carry the finding's highlight in every column
        assert all(desk.verdict_of[c.id] == "finding" for c in row.claims)
        for _ in range(5):
            if desk.selected is not None and desk.selected.id == "N1":
                break
            await pilot.press("n")
        assert desk.selected is not None
        assert desk.selected.id == "N1"
        detail = desk.query_one("#detail").content.plain
        assert "beyond numbers" in detail
        assert "a test of the desk" in detail
        await pilot.press("a")
        assert "1 accepted · 0 disputed · 2 open" in desk.sub_title
        await pilot.press("e", *"spelling checked", "enter")
        mark = desk.ledger.mark(desk.selected)
        assert (mark.status, mark.note) == ("accepted", "spelling checked")
        # the saved report lists the finding with its mark, and counts only real figures
        text = report_text(desk.checked, desk.ledger.placement)
        assert "### N1" in text
        assert "**Review:** accepted" in text
        assert "spelling checked" in text
        assert f"{len(analysis.claims)} figures" in text


def test_a_passage_shows_its_sentence_as_the_article_wrote_it():
    """A finding's span keeps the article's curly quotes; the sentence the desk shows with it
    does too, so the quote and its sentence read alike."""
    from factcheck.ui.findings import on_desk

    analysis = _with_finding()
    first = analysis.articles[0]
    plain = first.text.replace("Mayor Ilse", "'Mayor' Ilse")
    written = plain.replace("'Mayor'", "\u2018Mayor\u2019")
    articles = (replace(first, text=plain, written=written), *analysis.articles[1:])
    spans = []
    for article in articles:
        at = article.text.find("Ilse Brandt")
        spans.append(Passage(article.id, at, at + len("Ilse Brandt"), "Ilse Brandt"))
    finding = replace(analysis.findings[0], spans=tuple(spans))
    row = next(
        g
        for g in on_desk(replace(analysis, articles=articles, findings=(finding,))).groups
        if g.id == "N1"
    )
    assert "\u2018Mayor\u2019 Ilse Brandt" in row.claims[0].sentence
