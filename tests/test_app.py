"""The review desk, driven with Pilot: keys, marks, notes, undo, filter, save, reopen."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.review import ReviewStore, fact_key, review_key

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def analyse(nlp):
    from factcheck.engine import compare_claims
    from factcheck.extract import extract_articles

    def run(articles):
        return compare_claims(articles, extract_articles(nlp, articles))

    return run


@pytest.fixture(scope="session")
def seed_articles():
    from factcheck.cli import demo_articles

    return demo_articles()


@pytest.fixture(scope="session")
def ferry_articles():
    from factcheck.sources import read_articles

    return read_articles([str(p) for p in sorted((ROOT / "fixtures").glob("ferry_*.txt"))])


def make(articles, analyse, store_path):
    from factcheck.ui.app import make_app

    return make_app(articles, analyse=analyse, store_path=store_path)


async def ready(app, pilot):
    for _ in range(200):
        if app.analysis is not None:
            break
        await pilot.pause(0.05)
    await pilot.pause()
    assert app.analysis is not None


async def test_paints_before_analysis(seed_articles, tmp_path):
    import threading

    from factcheck.ui.app import make_app

    gate = threading.Event()

    def slow(articles):
        gate.wait(5)
        raise AssertionError("not reached in this test")

    app = make_app(seed_articles, analyse=slow, store_path=tmp_path / "r.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert "analysing" in app.sub_title
        assert app.query_one("#loading").display
        assert len(app.query("ArticleColumn")) == 2
        await pilot.press("n")  # keys work while the model loads
        assert app.is_running
        assert app.selected is None
        gate.set()


async def test_next_jumps_and_selects(seed_articles, analyse, tmp_path):
    app = make(seed_articles, analyse, tmp_path / "r.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("n")
        assert app.selected is not None
        assert app.selected.verdict == "qualifier_mismatch"
        assert "people killed" in app.selected.label
        detail = str(app.query_one("#detail").render())
        assert "at least 129" in detail


async def test_mark_note_undo(seed_articles, analyse, tmp_path):
    app = make(seed_articles, analyse, tmp_path / "r.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("a")
        key = fact_key(app.selected)
        assert app.store.get(key).status == "accepted"
        assert "1 of 1 resolved" in app.sub_title
        await pilot.press("d")
        assert app.store.get(key).status == "disputed"
        await pilot.press("e")
        await pilot.press(*"quoted: and Reuters says 129")  # q, a, d, n type, not act
        await pilot.press("enter")
        assert app.store.get(key).note == "quoted: and Reuters says 129"
        assert app.store.get(key).status == "disputed"
        await pilot.press("u")
        assert app.store.get(key).note == ""
        assert app.store.get(key).status == "disputed"
        await pilot.press("u")
        assert app.store.get(key).status == "accepted"
        await pilot.press("u", "u")
        assert app.store.get(key).status == ""
        assert "0 of 1 resolved" in app.sub_title


async def test_note_cancel_keeps_nothing(seed_articles, analyse, tmp_path):
    app = make(seed_articles, analyse, tmp_path / "r.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("e", "x", "escape")
        assert app.store.get(fact_key(app.selected)).note == ""


async def test_filter_cycles(seed_articles, analyse, tmp_path):
    app = make(seed_articles, analyse, tmp_path / "r.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        table = app.query_one("#discrepancies")
        counts = [table.row_count]
        for _ in range(3):
            await pilot.press("f")
            counts.append(table.row_count)
        assert app.filter_mode == "discrepancies"
        assert counts[0] == 1
        assert counts[2] == len(app.analysis.groups)
        assert counts[3] == counts[0]


async def test_save_report_with_marks(seed_articles, analyse, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = make(seed_articles, analyse, tmp_path / "r.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("a", "e", *"checked with AFP", "enter")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k", *"desk.md", "enter")
        await pilot.pause()
    report = (tmp_path / "desk.md").read_text(encoding="utf-8")
    assert "**Review:** accepted — checked with AFP" in report
    assert "## Hedged differently (1)" in report


async def test_reopen_restores_marks(seed_articles, analyse, tmp_path):
    store = tmp_path / "r.db"
    app = make(seed_articles, analyse, store)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("d")
        key = fact_key(app.selected)
    again = make(seed_articles, analyse, store)
    async with again.run_test(size=(160, 48)) as pilot:
        await ready(again, pilot)
        assert again.store.get(key).status == "disputed"
        assert "1 of 1 resolved" in again.sub_title


def test_marks_survive_without_a_clean_exit(seed_articles, tmp_path):
    path = tmp_path / "r.db"
    first = ReviewStore(path, review_key(seed_articles))
    first.set_status("A8,B3,B8", "accepted")  # committed at once; the process may die here
    second = ReviewStore(path, review_key(seed_articles))
    assert second.get("A8,B3,B8").status == "accepted"
    other = ReviewStore(path, review_key(seed_articles[::-1]))
    assert other.get("A8,B3,B8").status == ""


async def test_click_on_figure_selects_group(seed_articles, analyse, tmp_path):
    app = make(seed_articles, analyse, tmp_path / "r.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        raids = next(c for c in app.analysis.claims if c.surface == "128")
        app.action_select_claim(raids.id)
        await pilot.pause()
        assert app.selected is not None
        assert raids in app.selected.claims
        assert app.filter_mode == "everything"


async def test_tab_moves_between_columns_and_list(ferry_articles, analyse, tmp_path):
    app = make(ferry_articles, analyse, tmp_path / "r.db")
    async with app.run_test(size=(90, 30)) as pilot:
        await ready(app, pilot)
        shown = [c.article.id for c in app.query("ArticleColumn") if c.display]
        assert shown == ["A", "B"], "narrow terminals show two articles at a time"
        await pilot.press("tab")
        assert app.focused.id == "column-A"
        await pilot.press("tab", "tab")
        assert app.focused.id == "column-C"
        shown = [c.article.id for c in app.query("ArticleColumn") if c.display]
        assert "C" in shown
        assert len(shown) == 2
        await pilot.press("tab")
        assert app.focused.id == "discrepancies"


async def test_help_and_quit(seed_articles, analyse, tmp_path):
    from factcheck.ui.screens.help import HelpScreen

    app = make(seed_articles, analyse, tmp_path / "r.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("q")
    assert app.return_code == 0, "q quits (a test run that is merely closed leaves None)"


async def test_open_missing_file_loses_nothing(seed_articles, analyse, tmp_path):
    app = make(seed_articles, analyse, tmp_path / "r.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await pilot.press("a", "o", *str(tmp_path / "nope.txt"), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.articles) == 2
        assert app.analysis is not None
        assert app.store.get(fact_key(app.selected)).status == "accepted"


async def test_open_adds_an_article(seed_articles, analyse, tmp_path):
    app = make(seed_articles, analyse, tmp_path / "r.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        path = ROOT / "fixtures" / "ferry_a.txt"
        await pilot.press("o", *str(path), "enter")
        await app.workers.wait_for_complete()
        await ready(app, pilot)
        assert [a.id for a in app.articles] == ["A", "B", "C"]
        assert len(app.query("ArticleColumn")) == 3


async def test_markup_in_articles_is_shown_as_text(analyse, tmp_path):
    from factcheck.sources import Document, as_articles

    texts = [
        "Title [bold]x[/bold]\n\n[red]12[/red] people were hurt.",
        "Other\n\n14 people were hurt.",
    ]
    articles = as_articles([Document(f"t{i}", t.split("\n")[0], t) for i, t in enumerate(texts)])
    app = make(articles, analyse, tmp_path / "r.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        paragraph = app.query_one("#p-A-1")
        assert "[red]" in str(paragraph.render())


async def test_commands_in_palette(seed_articles, analyse, tmp_path):
    app = make(seed_articles, analyse, tmp_path / "r.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
    for key in ("(n)", "(N)", "(a)", "(d)", "(e)", "(u)", "(f)", "(s)", "(o)", "(?)"):
        assert any(t.endswith(key) for t in titles), key


async def test_many_articles_show_as_many_as_fit(seed_articles, ferry_articles, analyse, tmp_path):
    from factcheck.sources import as_articles, read_document

    articles = as_articles([read_document(a.source) for a in [*seed_articles, *ferry_articles]])
    app = make(articles, analyse, tmp_path / "r.db")
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        shown = [c.article.id for c in app.query("ArticleColumn") if c.display]
        assert shown == ["A", "B", "C", "D"], "160 columns fit four articles of 40"
        for _ in range(5):
            await pilot.press("tab")
        assert app.focused.id == "column-E"
        shown = [c.article.id for c in app.query("ArticleColumn") if c.display]
        assert shown == ["B", "C", "D", "E"]


def test_figures_in_the_text_are_clickable(seed_articles, analyse):
    """Each highlighted figure carries the click action that selects its group."""
    from factcheck.ui.highlight import paragraphs, render

    analysis = analyse(seed_articles)
    article = seed_articles[0]
    toll = next(c for c in analysis.claims if c.article == "A" and c.surface == "129")
    verdicts = {c.id: g.verdict for g in analysis.groups for c in g.claims}
    paragraph = next(p for p in paragraphs(article.text) if p.start <= toll.start < p.end)
    content = render(article.text, paragraph, [toll], verdicts)
    actions = [
        span.style.meta.get("@click") for span in content.spans if hasattr(span.style, "meta")
    ]
    assert f"app.select_claim({toll.id!r})" in actions
    assert "≈129" in content.plain, "a hedge carries its marker"
    assert "‼" not in content.plain
