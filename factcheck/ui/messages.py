"""What the analysis worker tells the desk."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from factcheck.engine import Analysis
from factcheck.models import Article


@dataclass
class AnalysisProgress(Message):
    """A step of the analysis worker, for the status line."""

    text: str


@dataclass
class AnalysisDone(Message):
    """The analysis of exactly `articles` (the worker's snapshot)."""

    articles: tuple[Article, ...]
    analysis: Analysis


@dataclass
class AnalysisFailed(Message):
    """The analysis of `articles` ended in an error; `message` is one line for the editor."""

    articles: tuple[Article, ...]
    message: str


@dataclass
class ArticleRead(Message):
    """An article asked for with `o` was read."""

    article: Article


@dataclass
class ArticleNotRead(Message):
    source: str
    message: str
