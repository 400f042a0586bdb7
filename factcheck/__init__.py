"""factcheck: find where news articles about the same event disagree on their figures.

    from factcheck import read_articles, check
    analysis = check(read_articles(["a.txt", "https://example.org/story"]))
    for group in analysis.groups:
        print(group.verdict, group.label, group.explanation)

Importing the package is cheap: spaCy loads on the first analysis, Textual only in the app.
"""

from factcheck.engine import Analysis, Extraction, check, compare_claims, extract
from factcheck.models import Article, Claim
from factcheck.numbers import Interval
from factcheck.sources import SourceError, read_articles, read_document
from factcheck.verdicts import Group

__all__ = [
    "Analysis",
    "Article",
    "Claim",
    "Extraction",
    "Group",
    "Interval",
    "SourceError",
    "check",
    "compare_claims",
    "extract",
    "read_articles",
    "read_document",
]
