"""A figure read from one sentence, before it becomes a `Claim`."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.numbers import Interval


@dataclass(frozen=True, slots=True)
class Found:
    """A claim before it has its id and its place in the article: `Claim`'s other fields."""

    start: int
    end: int
    kind: str
    quantity: Interval | None
    qualifier: str
    topic: str
    unit: str | None = None
    trend: str | None = None
    subject: str | None = None
    date: str | None = None
    notes: tuple[str, ...] = ()
    counted: str | None = None
    value: float | None = None
    predicate: str | None = None
    acts: bool = False
    modifiers: tuple[str, ...] = ()
    occurrence: int | None = None
    day: str | None = None
