"""The different-events check: names, places and years the articles share."""

from __future__ import annotations

from dataclasses import replace

from factcheck.models import Article
from factcheck.ui.sameevent import apart, name_sets
from tests import desk_fixture
from tests.conftest import corpus_dir


def test_names_leave_out_sentence_openers_and_common_words():
    text = "Police said. The police chief Anna Berg met Kessel Street residents in 2019."
    (names,) = name_sets([Article("A", "a", "t", text)])
    assert names == {"Anna", "Berg", "Kessel", "Street", "2019"}


def test_one_event_is_not_warned():
    assert apart(desk_fixture.articles()) == []


def test_an_article_of_another_event_is_named():
    other = Article(
        "D",
        "d",
        "Storm",
        "Storm\n\nA storm hit Port Avila on Tuesday, and Mayor Juno Tallis asked the Avila "
        "Harbour Board and the Red Cross for help; Tallis said the Coastguard came in 2021.",
    )
    assert apart([*desk_fixture.articles(), other]) == ["D"]


def test_corpus_events_and_mixes():
    from factcheck.sources import read_articles

    corpus = corpus_dir()
    events = sorted(p for p in corpus.iterdir() if p.is_dir() and p.name[:2].isdigit())
    read = {e.name: read_articles([str(p) for p in sorted(e.glob("*.txt"))]) for e in events}
    warned = [name for name, articles in read.items() if apart(articles)]
    assert len(warned) <= 2, warned
    names = list(read)
    caught = 0
    for n, name in enumerate(names):
        other = read[names[(n + 5) % len(names)]][:2]
        mixed = [replace(a, id="ABCDEFGH"[i]) for i, a in enumerate(read[name][:5] + other)]
        caught += sorted(apart(mixed)) == [mixed[-2].id, mixed[-1].id]
    print(f"{len(warned)} of {len(names)} events warned; {caught} of {len(names)} mixes named")
    assert caught >= len(names) * 3 // 4, f"{caught} of {len(names)} mixes named exactly"
