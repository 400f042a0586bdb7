"""The headless engine: articles in, claims and groups with verdicts out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from factcheck import nlp
from factcheck.align import group_claims
from factcheck.extract import extract_articles
from factcheck.findings import Finding, find_all, wants_parse
from factcheck.models import Article, Claim
from factcheck.verdicts import SEVERITY, Group, judge

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Extraction:
    """The articles and every claim found in them."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]


def extract(
    articles: Iterable[Article],
    *,
    model: str | None = None,
    keep: Callable[[str, int, Doc], None] | None = None,
) -> Extraction:
    """Find every numeric claim in the articles (any iterable: it is read once)."""
    pipeline = nlp.load(model)
    given = tuple(articles)  # an iterator would be spent by the first pass over it
    return Extraction(given, tuple(extract_articles(pipeline, given, keep=keep)))


@dataclass(frozen=True, slots=True)
class Analysis:
    """The articles, their claims, and the claims grouped with verdicts."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    groups: tuple[Group, ...]
    findings: tuple[Finding, ...] = ()
    """Names written two ways, quotations that differ, dates that do not add up."""
    _group_by_claim: dict[str, Group] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {c.id: g for g in self.groups for c in g.claims}
        object.__setattr__(self, "_group_by_claim", index)

    def worst(self) -> str:
        """The most serious verdict of any group ("single" when there is nothing to compare)."""
        return min((g.verdict for g in self.groups), key=SEVERITY.__getitem__, default="single")

    def count(self, verdict: str) -> int:
        return sum(1 for g in self.groups if g.verdict == verdict)

    def group_of(self, claim_id: str) -> Group | None:
        return self._group_by_claim.get(claim_id)


def check(articles: Iterable[Article], *, model: str | None = None) -> Analysis:
    """Extract the claims, group them and judge each group; then the findings beyond numbers."""
    # the findings read some sentences' parse: the extraction's, not a second one
    parses: dict[tuple[str, int], Doc] = {}

    def keep(article: str, start: int, doc: Doc) -> None:
        if wants_parse(doc.text):
            parses[(article, start)] = doc

    found = extract(articles, model=model, keep=keep)
    analysis = compare_claims(found.articles, found.claims)
    return replace(analysis, findings=find_all(found.articles, nlp.load(model), parses=parses))


def compare_claims(articles: Sequence[Article], claims: Sequence[Claim]) -> Analysis:
    """Group already extracted claims and judge each group."""
    groups = judge(
        group_claims(claims, {a.id: a.text for a in articles}),
        published={a.id: a.published for a in articles},
    )
    return Analysis(tuple(articles), tuple(claims), tuple(groups))
