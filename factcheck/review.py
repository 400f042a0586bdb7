"""Review marks and notes, kept in SQLite so that a killed terminal loses nothing already marked.

A review is keyed by the articles' content: reopening the same articles, in the same order,
restores their marks. Each mark is committed the moment it is made; each change is also logged,
so the last one can be undone.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.models import Article
from factcheck.verdicts import Group

STATUSES = ("accepted", "disputed")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS marks (
    review TEXT NOT NULL,
    fact TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (review, fact)
);
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    review TEXT NOT NULL,
    fact TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL
);
"""


@dataclass(frozen=True, slots=True)
class Mark:
    """What the desk decided about one group."""

    status: str
    """"accepted", "disputed", or "" when only a note was left."""
    note: str
    """Free text from the editor."""


def default_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("factcheck")) / "reviews.sqlite3"


def review_key(articles: Sequence[Article]) -> str:
    """The identity of a review: a digest of the articles' texts in order."""
    digest = hashlib.sha256()
    for article in articles:
        digest.update(article.text.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def fact_key(group: Group) -> str:
    """A group's identity within a review: its claims, which the same texts always yield."""
    return ",".join(c.id for c in group.claims)


class ReviewStore:
    """Marks for one review in one SQLite file."""

    def __init__(self, path: Path | str, review: str) -> None:
        self.path = Path(path)
        self.review = review
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    def marks(self) -> dict[str, Mark]:
        rows = self._db.execute(
            "SELECT fact, status, note FROM marks WHERE review = ?", (self.review,)
        ).fetchall()
        return {fact: Mark(status, note) for fact, status, note in rows}

    def get(self, fact: str) -> Mark:
        row = self._db.execute(
            "SELECT status, note FROM marks WHERE review = ? AND fact = ?", (self.review, fact)
        ).fetchone()
        return Mark(*row) if row else Mark("", "")

    def _put(self, fact: str, mark: Mark, *, log: bool) -> None:
        before = self.get(fact)
        with self._db:  # one transaction: the change and its undo record land together
            self._db.execute("BEGIN")
            if log:
                self._db.execute(
                    "INSERT INTO history (review, fact, status, note) VALUES (?, ?, ?, ?)",
                    (self.review, fact, before.status, before.note),
                )
            self._db.execute(
                "INSERT INTO marks (review, fact, status, note) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (review, fact) DO UPDATE SET status = excluded.status, "
                "note = excluded.note, updated = datetime('now')",
                (self.review, fact, mark.status, mark.note),
            )

    def set_status(self, fact: str, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        self._put(fact, Mark(status, self.get(fact).note), log=True)

    def set_note(self, fact: str, note: str) -> None:
        self._put(fact, Mark(self.get(fact).status, note.strip()), log=True)

    def undo(self) -> str | None:
        """Take back the last change; returns the fact it touched, or None when there is none."""
        row = self._db.execute(
            "SELECT id, fact, status, note FROM history WHERE review = ? ORDER BY id DESC LIMIT 1",
            (self.review,),
        ).fetchone()
        if row is None:
            return None
        entry, fact, status, note = row
        self._put(fact, Mark(status, note), log=False)
        self._db.execute("DELETE FROM history WHERE id = ?", (entry,))
        return str(fact)
