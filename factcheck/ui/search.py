"""Words searched across every article: the matches, and which one is current."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.models import Article

MAX_MATCHES = 5000  # a search for "the" in eight long articles stays quick to paint


@dataclass
class Search:
    """The current search; `at` is the index of the match in view (-1 before the first)."""

    term: str = ""
    matches: list[tuple[str, int, int]] = field(default_factory=list)
    """(article id, start, end), in article then text order."""
    at: int = -1

    def run(self, term: str, articles: Sequence[Article]) -> None:
        """Find `term` in every article, case aside, as written (no pattern syntax)."""
        self.term, self.matches, self.at = term.strip(), [], -1
        if not self.term:
            return
        pattern = re.compile(re.escape(self.term), re.IGNORECASE)
        for article in articles:
            for found in pattern.finditer(article.text):
                self.matches.append((article.id, found.start(), found.end()))
                if len(self.matches) >= MAX_MATCHES:
                    return

    def step(self, delta: int) -> tuple[str, int, int] | None:
        """Move to the next (+1) or previous (-1) match, round the end; None without matches."""
        if not self.matches:
            return None
        count = len(self.matches)
        if self.at < 0:  # none in view yet: forward is the first, back the last
            self.at = 0 if delta > 0 else count - 1
        else:
            self.at = (self.at + delta) % count
        return self.matches[self.at]

    def clear(self) -> None:
        self.term, self.matches, self.at = "", [], -1

    def in_article(self) -> dict[str, list[tuple[int, int]]]:
        found: dict[str, list[tuple[int, int]]] = {}
        for article, start, end in self.matches:
            found.setdefault(article, []).append((start, end))
        return found

    def where(self) -> str:
        """“bridge” 3/12 in C · g/G: for the frame of the list."""
        if not self.matches or self.at < 0:
            return ""
        article = self.matches[self.at][0]
        return f"“{self.term[:20]}” {self.at + 1}/{len(self.matches)} in {article} · g/G"
