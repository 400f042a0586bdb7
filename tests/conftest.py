"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def nlp():
    from factcheck import nlp as loader

    return loader.load()


@pytest.fixture(scope="session")
def claims_of(nlp):
    """Claims of a text (one article), parsed with the session's pipeline."""
    from factcheck.extract import extract_articles
    from factcheck.models import Article

    def run(text: str):
        return extract_articles(nlp, [Article("A", "test", text.split("\n")[0], text)])

    return run


@pytest.fixture(scope="session")
def check_texts(nlp):
    """An Analysis of several texts, parsed with the session's pipeline."""
    from factcheck.engine import compare_claims
    from factcheck.extract import extract_articles
    from factcheck.sources import Document, as_articles

    def run(*texts: str):
        articles = as_articles(
            [Document(f"t{i}", t.split("\n")[0], t) for i, t in enumerate(texts)]
        )
        return compare_claims(articles, extract_articles(nlp, articles))

    return run


def corpus_dir() -> Path:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not present beside this repository")
    return corpus
