"""The review marks store: marks found again after reorder, add, remove and a rule change; two
desks writing at once; a damaged, read-only or locked file survived."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import tempfile
from pathlib import Path

import pytest

from factcheck import review
from factcheck.review import ReviewStore, StoreError, anchors_of, article_hash, place
from tests import desk_fixture


def hashes(analysis):
    return {a.id: article_hash(a) for a in analysis.articles}


def group(analysis, label):
    return next(g for g in analysis.groups if g.label == label)


def mark(store, analysis, label, **change):
    g = group(analysis, label)
    return store.change(anchors_of(g, hashes(analysis)), g.label, **change)


def placed(store, analysis):
    h = hashes(analysis)
    return place(store.load(h.values()), analysis.groups, h)


INJURED = "people injured in the collapse"
KILLED = "people killed in the collapse"


@pytest.fixture
def store(tmp_path):
    s = ReviewStore(tmp_path / "marks.db", reviewer="ana")
    yield s
    s.close()


@pytest.mark.parametrize(
    ("made_on", "opened", "changed_rules"),
    [
        pytest.param((0, 1, 2), (0, 1, 2), 0, id="same"),
        pytest.param((0, 1, 2), (2, 0, 1), 0, id="reorder"),
        pytest.param((0, 1), (0, 1, 2), 0, id="add"),
        pytest.param((0, 1, 2), (1, 0), 0, id="remove"),
        pytest.param((0, 1, 2), (1, 2, 0), 5, id="claim-ids-renumbered"),
    ],
)
def test_marks_found_again(store, made_on, opened, changed_rules):
    before = desk_fixture.analysis(made_on)
    mark(store, before, INJURED, status="accepted")
    mark(store, before, INJURED, note="AFP confirms 14")
    mark(store, before, KILLED, status="disputed")
    after = desk_fixture.analysis(opened, shift=changed_rules)
    found = placed(store, after)
    assert found.all_stale() == []
    by_label = {group(after, INJURED).id: "injured", group(after, KILLED).id: "killed"}
    got = {by_label[gid]: (m.status, m.note) for gid, m in found.current.items()}
    assert got == {"injured": ("accepted", "AFP confirms 14"), "killed": ("disputed", "")}


def test_changed_figures_make_a_stale_mark_with_its_note(store):
    before = desk_fixture.analysis()
    mark(store, before, INJURED, status="accepted", note="AFP confirms 14")
    after = desk_fixture.analysis(widen="14")  # the rules now read "14 people"
    found = placed(store, after)
    assert group(after, INJURED).id not in found.current
    stale = found.stale[group(after, INJURED).id]
    assert [(m.status, m.note, m.label) for m in stale] == [
        ("accepted", "AFP confirms 14", INJURED)
    ]


def test_marking_again_replaces_the_stale_mark_and_keeps_its_note(store):
    mark(store, desk_fixture.analysis(), INJURED, note="AFP confirms 14")
    after = desk_fixture.analysis(widen="14")
    stale = placed(store, after).stale[group(after, INJURED).id]
    mark(store, after, INJURED, status="disputed", replaces=stale)
    found = placed(store, after)
    assert found.all_stale() == []
    assert found.current[group(after, INJURED).id].note == "AFP confirms 14"


def test_one_article_open_is_not_enough_to_judge_a_mark(store):
    mark(store, desk_fixture.analysis(), INJURED, status="accepted")
    lone = desk_fixture.analysis((0,))
    assert placed(store, lone).current == {}
    assert placed(store, lone).all_stale() == []


def test_who_and_when_are_recorded(store):
    made = mark(store, desk_fixture.analysis(), INJURED, status="accepted")
    assert made.reviewer == "ana"
    assert made.at.startswith(("20", "21"))
    assert made.summary().startswith("accepted by ana, ")
    assert made.summary().endswith(" UTC")


def test_undo_reaches_only_this_desk_and_says_what(tmp_path):
    path = tmp_path / "marks.db"
    first = ReviewStore(path, reviewer="ana")
    analysis = desk_fixture.analysis()
    mark(first, analysis, INJURED, status="accepted")
    first.close()
    second = ReviewStore(path, reviewer="ben")
    assert second.undo() is None, "what an earlier desk did is not this desk's to undo"
    mark(second, analysis, INJURED, status="disputed")
    assert second.undo() == f"disputed {INJURED!r}"
    assert placed(second, analysis).current[group(analysis, INJURED).id].status == "accepted"
    assert second.undo() is None


def test_undo_of_a_first_mark_removes_it(store):
    analysis = desk_fixture.analysis()
    mark(store, analysis, KILLED, note="ask the desk")
    assert store.undo() == f"note on {KILLED!r}"
    assert placed(store, analysis).current == {}


def test_two_desks_interleaved_keep_both_changes(tmp_path):
    path = tmp_path / "marks.db"
    analysis = desk_fixture.analysis()
    one, two = ReviewStore(path, reviewer="ana"), ReviewStore(path, reviewer="ben")
    mark(one, analysis, INJURED, status="accepted")
    mark(two, analysis, INJURED, note="from the second desk")  # read inside its transaction
    mark(one, analysis, INJURED, status="disputed")
    got = placed(one, analysis).current[group(analysis, INJURED).id]
    assert (got.status, got.note) == ("disputed", "from the second desk")


def _desk(path: str, field: str, rounds: int) -> None:
    analysis = desk_fixture.analysis()
    store = ReviewStore(path, reviewer=field)
    for n in range(rounds):
        if field == "status":
            mark(store, analysis, INJURED, status=("accepted", "disputed")[n % 2])
        else:
            mark(store, analysis, INJURED, note=f"note {n}")
        g = analysis.groups[2 + n % 4]  # and marks of its own, on other groups
        store.change(anchors_of(g, hashes(analysis)), f"{field} {n}", note=f"{field} {n}")
    store.close()


def test_two_desks_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "marks.db")
    ReviewStore(path).close()
    context = multiprocessing.get_context("spawn")
    desks = [context.Process(target=_desk, args=(path, f, 40)) for f in ("status", "note")]
    for d in desks:
        d.start()
    for d in desks:
        d.join(60)
        assert d.exitcode == 0
    analysis = desk_fixture.analysis()
    got = placed(ReviewStore(path), analysis).current[group(analysis, INJURED).id]
    assert (got.status, got.note) == ("disputed", "note 39"), "each desk's last change stands"


def test_damaged_file_is_set_aside_and_a_new_one_started(tmp_path):
    path = tmp_path / "marks.db"
    garbage = b"this is not a database\n" * 200
    path.write_bytes(garbage)
    (tmp_path / "other.txt").write_text("untouched")
    store = ReviewStore(path)
    assert store.problem is not None
    assert "set aside as marks.db.damaged-" in store.problem
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("marks.db.damaged-")]
    assert len(aside) == 1
    assert aside[0].read_bytes() == garbage
    assert (tmp_path / "other.txt").read_text() == "untouched"
    assert store.saving
    mark(store, desk_fixture.analysis(), INJURED, status="accepted")
    store.close()
    again = ReviewStore(path)
    assert again.problem is None
    assert len(placed(again, desk_fixture.analysis()).current) == 1


def test_database_with_a_broken_page_is_set_aside(tmp_path):
    path = tmp_path / "marks.db"
    store = ReviewStore(path)
    for label in (INJURED, KILLED):
        mark(store, desk_fixture.analysis(), label, note="x" * 5000)
    store.close()
    data = path.read_bytes()
    page = int.from_bytes(data[16:18], "big")  # the page size, from the file's header
    path.write_bytes(data[:page] + b"\xff" * 100 + data[page + 100 :])  # a table's root page
    survivor = ReviewStore(path)
    assert survivor.saving
    assert survivor.problem is not None
    assert "damaged" in survivor.problem


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_read_only_folder_keeps_the_desk_working(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "marks.db"
    store = ReviewStore(path)
    mark(store, desk_fixture.analysis(), INJURED, status="accepted")
    store.close()
    saved = path.read_bytes()
    folder.chmod(0o555)
    path.chmod(0o444)
    try:
        store = ReviewStore(path)
        assert not store.saving
        assert store.problem is not None
        assert "cannot be saved" in store.problem
        assert "read-only" in store.problem
        analysis = desk_fixture.analysis()
        assert len(placed(store, analysis).current) == 1, "marks already saved stay in view"
        mark(store, analysis, KILLED, status="disputed")  # kept in memory
        assert len(placed(store, analysis).current) == 2
        assert path.read_bytes() == saved
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


_AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
_AS_READER = """
import json, sys
sys.path.insert(0, sys.argv[2])
from factcheck.review import ReviewStore, anchors_of, article_hash, place
from tests import desk_fixture
analysis = desk_fixture.analysis()
hashes = {a.id: article_hash(a) for a in analysis.articles}
store = ReviewStore(sys.argv[1])
before = len(place(store.load(hashes.values()), analysis.groups, hashes).current)
g = analysis.groups[1]
store.change(anchors_of(g, hashes), g.label, status="disputed")
after = len(place(store.load(hashes.values()), analysis.groups, hashes).current)
print(json.dumps({"saving": store.saving, "problem": store.problem, "counts": [before, after]}))
"""


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run a reader as another user")
def test_read_only_folder_for_another_user(tmp_path):
    """As root the folder cannot be made read-only to oneself: a second user reads it."""
    import json
    import shutil
    import subprocess
    import sys

    if shutil.which("setpriv") is None:
        pytest.skip("setpriv is not installed")
    folder = Path(tempfile.mkdtemp(prefix="factcheck-ro-"))
    try:
        folder.chmod(0o755)
        path = folder / "marks.db"
        store = ReviewStore(path)
        mark(store, desk_fixture.analysis(), INJURED, status="accepted")
        store.close()
        path.chmod(0o644)
        saved = path.read_bytes()
        root = str(Path(__file__).resolve().parents[1])
        probe = subprocess.run(
            [
                *_AS_NOBODY,
                sys.executable,
                "-c",
                "import sys; sys.path.insert(0, sys.argv[1]); import factcheck",
                root,
            ],
            capture_output=True,
            timeout=60,
            check=False,
        )
        if probe.returncode != 0:
            pytest.skip("the project is not readable by another user here (a private folder)")
        done = subprocess.run(
            [
                *_AS_NOBODY,
                sys.executable,
                "-c",
                _AS_READER,
                str(path),
                root,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        got = json.loads(done.stdout)
        assert got["saving"] is False
        assert "cannot be saved" in got["problem"]
        assert "read-only" in got["problem"]
        assert got["counts"] == [1, 2], "saved marks in view, new ones kept in memory"
        assert path.read_bytes() == saved
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_locked_file_at_open_and_at_write(tmp_path, monkeypatch):
    monkeypatch.setattr(review, "BUSY_MS", 100)
    path = tmp_path / "marks.db"
    store = ReviewStore(path)
    holder = sqlite3.connect(str(path), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="another program"):
            mark(store, desk_fixture.analysis(), INJURED, status="accepted")
        late = ReviewStore(path)
        assert not late.saving
        assert late.problem is not None
        assert "locked" in late.problem
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    mark(store, desk_fixture.analysis(), INJURED, status="accepted")  # works once released
    assert len(placed(store, desk_fixture.analysis()).current) == 1


def test_folder_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = ReviewStore(blocker / "sub" / "marks.db")
    assert not store.saving
    assert store.problem is not None
    mark(store, desk_fixture.analysis(), INJURED, status="accepted")


def test_review_key_ignores_order():
    assert review.review_key(desk_fixture.articles((0, 1, 2))) == review.review_key(
        desk_fixture.articles((2, 0, 1))
    )


def test_path_in_a_message_is_the_path(tmp_path):
    store = ReviewStore(Path(tmp_path) / "m.db")
    assert store.path == Path(tmp_path) / "m.db"
