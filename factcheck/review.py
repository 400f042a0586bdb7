"""Review marks and notes, kept in SQLite so that a killed terminal loses nothing already marked.

A mark is about figures, not about positions in a list: it names each figure by the content hash
of its article, its offsets and its surface ("at least 129" at 812-824 in the text whose SHA-256
is 3e1f…). Reopening the same articles in any order, adding or removing one, or a new version of
the extraction rules finds the mark again wherever those figures still form one group; a mark
whose figures changed is "stale" and is shown with its note beside the group it overlaps, never
dropped.

Every change is one transaction that reads the row and writes it back, so two desks writing at
once lose nothing. The store survives its faults: a damaged file is set aside and a new one
started, a read-only folder or a locked file leave the desk working with marks kept in memory,
and each of these is said in `problem` for the desk to show.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from factcheck.models import Article, Claim
from factcheck.verdicts import Group

STATUSES = ("accepted", "disputed")
SCHEMA_VERSION = 2
_SCHEMA = """
CREATE TABLE IF NOT EXISTS review_marks (
    key TEXT PRIMARY KEY,
    anchors TEXT NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS review_mark_articles (
    article TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (article, key)
);
"""
BUSY_MS = 3000  # how long a write waits for another desk's transaction before giving up


class StoreError(Exception):
    """A mark could not be saved; the message is one line for the editor."""


@dataclass(frozen=True, slots=True, order=True)
class Anchor:
    """One figure a mark is about, named by what does not change when the rules or order do."""

    article: str
    """SHA-256 of the article's text."""
    start: int
    """Offset of the figure in the text."""
    end: int
    """Offset just past it."""
    surface: str
    """The figure as written."""


@dataclass(frozen=True, slots=True)
class Mark:
    """What the desk decided about one group of figures."""

    status: str = ""
    """"accepted", "disputed", or "" when only a note was left."""
    note: str = ""
    """Free text from the editor."""
    reviewer: str = ""
    """Who made the last change: the login name or the desk's --reviewer."""
    at: str = ""
    """When, in UTC ISO form ("2026-12-01T15:40:02+00:00")."""
    label: str = ""
    """What the figures were about when the mark was made, for a stale mark."""
    anchors: tuple[Anchor, ...] = ()
    """The figures it is about."""
    key: str = ""
    """Its identity in the store: a digest of the anchors."""
    seq: int = 0
    """Order of changes in the store: the most recent mark wins where two apply."""

    @property
    def empty(self) -> bool:
        return not self.status and not self.note

    def summary(self) -> str:
        """ "accepted by ana, 2026-12-01 15:40 UTC" (or "note by …" when only a note was left)."""
        when = self.at[:16].replace("T", " ") + " UTC" if self.at else ""
        who = " by " + self.reviewer if self.reviewer else ""
        return f"{self.status or 'note'}{who}{', ' + when if when else ''}"


def article_hash(article: Article) -> str:
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def review_key(articles: Sequence[Article]) -> str:
    """The identity of a set of articles: the same whatever order they are given in."""
    digest = hashlib.sha256()
    for h in sorted({article_hash(a) for a in articles}):
        digest.update(h.encode("ascii"))
    return digest.hexdigest()


def anchor(claim: Claim, hashes: Mapping[str, str]) -> Anchor:
    return Anchor(hashes[claim.article], claim.start, claim.end, claim.surface)


def anchors_of(group: Group, hashes: Mapping[str, str]) -> tuple[Anchor, ...]:
    """The figures of a group as a mark names them; `hashes` maps article id to content hash."""
    return tuple(sorted({anchor(c, hashes) for c in group.claims}))


def mark_key(anchors: Iterable[Anchor]) -> str:
    rows = [[a.article, a.start, a.end, a.surface] for a in sorted(anchors)]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Placement:
    """The marks of the open articles, set against the current groups."""

    current: dict[str, Mark] = field(default_factory=dict)
    """Group id -> the mark on exactly its figures (new articles' figures aside)."""
    stale: dict[str, list[Mark]] = field(default_factory=dict)
    """Group id -> marks whose figures changed and that overlap this group."""
    orphans: list[Mark] = field(default_factory=list)
    """Stale marks that overlap no group any more."""

    def all_stale(self) -> list[Mark]:
        return [m for marks in self.stale.values() for m in marks] + self.orphans


def _overlaps(a: Anchor, b: Anchor) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end


def place(marks: Iterable[Mark], groups: Sequence[Group], hashes: Mapping[str, str]) -> Placement:
    """Find each mark's group. A mark applies to a group when its figures in the open articles
    are exactly the group's figures from those of the mark's articles that are open (figures from
    articles the mark never saw do not unsettle it), and at least two of its articles, or all
    when it had one, are open. Otherwise it is stale, beside the group it overlaps most."""
    open_hashes = set(hashes.values())
    where: dict[Anchor, str] = {}
    anchors_in: dict[str, tuple[Anchor, ...]] = {}
    for group in groups:
        anchors_in[group.id] = anchors_of(group, hashes)
        for a in anchors_in[group.id]:
            where[a] = group.id
    placed = Placement()
    for mark in sorted(marks, key=lambda m: m.seq):  # later marks overwrite earlier ones
        if mark.empty:
            continue
        articles = {a.article for a in mark.anchors}
        present = {a for a in mark.anchors if a.article in open_hashes}
        present_articles = {a.article for a in present}
        if len(present_articles) < min(2, len(articles)):
            continue  # not enough of its articles are open to judge it
        hit = {where.get(a) for a in present}
        if len(hit) == 1 and None not in hit:
            gid = next(g for g in hit if g is not None)
            theirs = {a for a in anchors_in[gid] if a.article in articles}
            if theirs == present:
                placed.current[gid] = mark
                continue
        scores = {
            gid: sum(1 for a in present for b in mine if _overlaps(a, b))
            for gid, mine in anchors_in.items()
        }
        best = max(scores, key=lambda gid: scores[gid], default=None)
        if best is not None and scores[best]:
            placed.stale.setdefault(best, []).append(mark)
        else:
            placed.orphans.append(mark)
    return placed


def default_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("factcheck")) / "reviews.sqlite3"


def default_reviewer() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "unknown"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class _Undo:
    """What one change replaced: each touched key with the mark before it (None: no row)."""

    before: tuple[tuple[str, Mark | None], ...]
    what: str


class ReviewStore:
    """Marks in one SQLite file, shared by every desk on this machine.

    `problem` is a sentence for the editor when the file could not be used as it is (set aside,
    read-only, locked); `saving` is False when marks last only until the desk closes.
    """

    def __init__(self, path: Path | str, *, reviewer: str | None = None) -> None:
        self.path = Path(path)
        self.reviewer = reviewer or default_reviewer()
        self.problem: str | None = None
        self.saving = True
        self._undo: list[_Undo] = []
        self._db = self._open()

    # -- opening, and its faults ----------------------------------------------------------------

    def _connect(self, target: str) -> sqlite3.Connection:
        db = sqlite3.connect(
            target, isolation_level=None, check_same_thread=False, timeout=BUSY_MS / 1000
        )
        db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        return db

    def _open(self) -> sqlite3.Connection:
        if str(self.path) == ":memory:":
            return self._memory(None)
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            return self._memory(f"the folder {folder} cannot be created ({err.strerror or err})")
        if not os.access(folder, os.W_OK) or (
            self.path.exists() and not os.access(self.path, os.W_OK)
        ):
            return self._memory(f"{folder} is read-only", copy_from=self.path)
        try:
            db = self._connect(str(self.path))
            self._prepare(db)
            return db
        except sqlite3.OperationalError as err:
            if "locked" in str(err) or "busy" in str(err):
                return self._memory(f"{self.path} is locked by another program")
            return self._set_aside(err)
        except sqlite3.DatabaseError as err:  # "file is not a database", malformed pages
            return self._set_aside(err)

    def _prepare(self, db: sqlite3.Connection) -> None:
        row = db.execute("PRAGMA quick_check").fetchone()
        if row is None or row[0] != "ok":
            raise sqlite3.DatabaseError(f"integrity check: {row[0] if row else 'no answer'}")
        db.executescript(_SCHEMA)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _set_aside(self, err: sqlite3.Error) -> sqlite3.Connection:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        try:
            self.path.rename(aside)
            for extra in ("-journal", "-wal", "-shm"):  # its journal belongs with it
                companion = self.path.with_name(self.path.name + extra)
                if companion.exists():
                    companion.rename(aside.with_name(aside.name + extra))
            db = self._connect(str(self.path))
            self._prepare(db)
        except (OSError, sqlite3.Error) as again:
            return self._memory(f"{self.path} is damaged ({err}) and cannot be replaced ({again})")
        self.problem = (
            f"The marks file was damaged ({err}); it was set aside as {aside.name} and a new one "
            "started."
        )
        return db

    def _memory(self, why: str | None, *, copy_from: Path | None = None) -> sqlite3.Connection:
        db = self._connect(":memory:")
        if copy_from is not None and copy_from.exists():
            try:  # the marks already saved stay in view
                source = sqlite3.connect(f"file:{copy_from}?mode=ro", uri=True)
                source.backup(db)
                source.close()
            except sqlite3.Error:
                db = self._connect(":memory:")
        db.executescript(_SCHEMA)
        if why is not None:
            self.saving = False
            self.problem = (
                f"Marks cannot be saved: {why}. Marks made now last until the desk closes."
            )
        return db

    def close(self) -> None:
        self._db.close()

    # -- reading --------------------------------------------------------------------------------

    def load(self, hashes: Iterable[str]) -> list[Mark]:
        """Every mark that names a figure in one of these articles."""
        wanted = sorted(set(hashes))
        if not wanted:
            return []
        marks = "?, " * (len(wanted) - 1) + "?"
        try:
            rows = self._db.execute(
                "SELECT key, anchors, label, status, note, reviewer, at, seq FROM review_marks "
                "WHERE key IN (SELECT key FROM review_mark_articles "
                f"WHERE article IN ({marks}))",
                wanted,
            ).fetchall()
        except sqlite3.Error as err:
            raise StoreError(f"Marks cannot be read: {err}") from err
        return [_mark(row) for row in rows]

    def _row(self, key: str) -> Mark | None:
        row = self._db.execute(
            "SELECT key, anchors, label, status, note, reviewer, at, seq FROM review_marks "
            "WHERE key = ?",
            (key,),
        ).fetchone()
        return _mark(row) if row else None

    # -- writing --------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE takes the write lock before reading, so what is read is what is
        replaced: a second desk waits for the first instead of overwriting it."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise StoreError(_why(err)) from err
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException as err:
            with suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            if isinstance(err, sqlite3.Error):
                raise StoreError(_why(err)) from err
            raise

    def _write(self, mark: Mark | None, key: str) -> None:
        self._db.execute("DELETE FROM review_mark_articles WHERE key = ?", (key,))
        if mark is None:
            self._db.execute("DELETE FROM review_marks WHERE key = ?", (key,))
            return
        self._db.execute(
            "INSERT INTO review_marks (key, anchors, label, status, note, reviewer, at, seq) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM review_marks)) "
            "ON CONFLICT (key) DO UPDATE SET anchors = excluded.anchors, label = excluded.label, "
            "status = excluded.status, note = excluded.note, reviewer = excluded.reviewer, "
            "at = excluded.at, seq = excluded.seq",
            (
                key,
                json.dumps([[a.article, a.start, a.end, a.surface] for a in mark.anchors]),
                mark.label,
                mark.status,
                mark.note,
                mark.reviewer,
                mark.at,
            ),
        )
        self._db.executemany(
            "INSERT OR IGNORE INTO review_mark_articles (article, key) VALUES (?, ?)",
            [(h, key) for h in {a.article for a in mark.anchors}],
        )

    def change(
        self,
        anchors: Sequence[Anchor],
        label: str,
        *,
        status: str | None = None,
        note: str | None = None,
        replaces: Sequence[Mark] = (),
    ) -> Mark:
        """Set the status or the note of the mark on these figures, keeping the other field as
        it stands in the file at this moment. Stale marks it `replaces` are removed in the same
        transaction (their note carries over when this mark has none)."""
        if status is not None and status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        key = mark_key(anchors)
        with self._transaction():
            before = self._row(key)
            gone = [(m.key, self._row(m.key)) for m in replaces if m.key != key]
            base = before or next((m for _, m in gone if m is not None), None) or Mark()
            mark = Mark(
                status=base.status if status is None else status,
                note=base.note if note is None else note.strip(),
                reviewer=self.reviewer,
                at=_now(),
                label=label,
                anchors=tuple(sorted(anchors)),
                key=key,
            )
            for old, _ in gone:
                self._write(None, old)
            self._write(mark, key)
            stored = self._row(key)
        what = status if status is not None else ("note on" if mark.note else "note removed from")
        self._undo.append(_Undo(((key, before), *gone), f"{what} {label!r}"))
        return stored or mark

    def undo(self) -> str | None:
        """Take back this desk's last change; returns what it was ("accepted 'people injured'"),
        or None when this desk has changed nothing since it opened."""
        if not self._undo:
            return None
        entry = self._undo[-1]
        with self._transaction():
            for key, mark in entry.before:
                self._write(mark, key)
        self._undo.pop()
        return entry.what


def _why(err: sqlite3.Error) -> str:
    text = str(err)
    if "locked" in text or "busy" in text:
        return "Not saved: another program holds the marks file; try again in a moment."
    if "readonly" in text or "read-only" in text:
        return "Not saved: the marks file has become read-only."
    return f"Not saved: the marks file failed ({text})."


def _mark(row: tuple[str, str, str, str, str, str, str, int]) -> Mark:
    key, anchors, label, status, note, reviewer, at, seq = row
    return Mark(
        status=status,
        note=note,
        reviewer=reviewer,
        at=at,
        label=label,
        anchors=tuple(Anchor(str(h), int(s), int(e), str(t)) for h, s, e, t in json.loads(anchors)),
        key=key,
        seq=int(seq),
    )
