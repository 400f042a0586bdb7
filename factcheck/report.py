"""Renderings of claims and analyses: text for a terminal, Markdown for the desk, JSON for tools."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO

from factcheck.engine import Analysis
from factcheck.findings import Finding, FindingType
from factcheck.models import Article, Claim
from factcheck.sources import shown
from factcheck.verdicts import Group, figure_words

VERDICT_TITLES = {
    "conflict": "Conflicts",
    "qualifier_mismatch": "Hedged differently",
    "agree": "Agreements",
    "single": "Stated once",
}
WIDTH = 100


# -- extract ------------------------------------------------------------------------------------


def claims_json(articles: Sequence[Article], claims: Sequence[Claim]) -> dict[str, Any]:
    return {key: list(items) for key, items in claims_members(articles, claims).items()}


def claims_members(
    articles: Sequence[Article], claims: Sequence[Claim]
) -> dict[str, Iterable[Any]]:
    """The members of `claims_json`, each made as it is written (see `write_json`)."""
    return {
        "articles": (a.as_json() for a in articles),
        "claims": (c.as_json() for c in claims),
    }


def by_article(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    """The claims of each article, in their order: one pass, however many articles."""
    mine: dict[str, list[Claim]] = {}
    for c in claims:
        mine.setdefault(c.article, []).append(c)
    return mine


def claims_text(articles: Sequence[Article], claims: Sequence[Claim]) -> str:
    lines: list[str] = []
    claims_of = by_article(claims)
    for article in articles:
        lines.append(f"{article.id}  {_plain(article.title)}  ({_plain(article.source)})")
        mine = claims_of.get(article.id, [])
        if not mine:
            lines.append("    no figures found")
        for c in mine:
            about = c.subject or ""
            extra = " ".join(x for x in (c.unit or "", c.trend or "", c.date or "") if x)
            lines.append(
                f"    {c.id:<5} {c.kind:<8} {_plain(c.surface)[:32]:<32} {c.qualifier:<9} "
                f"{_plain(c.topic)[:16]:<16}{' ' + _plain(extra) if extra else ''}"
                f"{'  — ' + _plain(about) if about else ''}".rstrip()
            )
    return "\n".join(lines) + "\n"


# -- check --------------------------------------------------------------------------------------


def analysis_json(analysis: Analysis) -> dict[str, Any]:
    return {key: list(items) for key, items in analysis_members(analysis).items()}


def analysis_members(analysis: Analysis) -> dict[str, Iterable[Any]]:
    """The members of `analysis_json`, each made as it is written (see `write_json`)."""
    members = claims_members(analysis.articles, analysis.claims)
    members["groups"] = (g.as_json() for g in analysis.groups)
    members["findings"] = (f.as_json() for f in analysis.findings)
    return members


def _compared(analysis: Analysis) -> list[Group]:
    return [g for g in analysis.groups if g.verdict in ("conflict", "qualifier_mismatch")]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _summary_line(analysis: Analysis) -> str:
    return (
        f"{_count(len(analysis.articles), 'article', 'articles')}, "
        f"{_count(len(analysis.claims), 'figure', 'figures')}: "
        f"{_count(analysis.count('conflict'), 'conflict', 'conflicts')}, "
        f"{analysis.count('qualifier_mismatch')} hedged differently, "
        f"{_count(analysis.count('agree'), 'agreement', 'agreements')}, "
        f"{analysis.count('single')} stated once"
    )


def analysis_text(analysis: Analysis) -> str:
    out = [_summary_line(analysis), ""]
    for a in analysis.articles:
        out.append(f"  {a.id}  {_plain(a.title)[:80]}  ({_plain(a.source)})")
    out.append("")
    for group in _compared(analysis):
        out.append(f"{group.verdict.upper().replace('_', ' ')}  {_plain(group.label)}")
        out.extend(
            textwrap.wrap(
                _plain(group.explanation), WIDTH, initial_indent="  ", subsequent_indent="  "
            )
        )
        for c in group.claims:
            quote = _plain(f'{c.article} "{c.surface}": {c.sentence}')
            out.extend(
                textwrap.wrap(quote, WIDTH, initial_indent="    - ", subsequent_indent="      ")
            )
        out.append("")
    agrees = [g for g in analysis.groups if g.verdict == "agree"]
    if agrees:
        out.append("AGREE")
        out.extend(
            _plain(f"  {g.label}: {figure_words(g.claims[0])} ({', '.join(g.articles)})")
            for g in agrees
        )
        out.append("")
    out.extend(findings_text(analysis.findings))
    return "\n".join(out)


# Markdown that a CMS would act on: inline HTML, links and images, emphasis, code, tables.
_MD_ACTIVE = re.compile(r"[\\`*_\[\]{}()#+!|~]")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def _md_escape(text: str) -> str:
    """Article text as literal Markdown: "<script>" and "<img onerror=…>" become visible text,
    "[a](b)" no link, "*x*" no emphasis, "|" no table cell; one line; no control characters."""
    text = shown(text.replace("\n", " "), limit=10_000)
    text = "".join(_HTML.get(c, c) for c in text)
    return _MD_ACTIVE.sub(lambda m: "\\" + m.group(), text)


def _plain(text: str) -> str:
    """Text a file or a server controls, safe on a terminal: control characters shown escaped."""
    return shown(text, limit=10_000)


def analysis_markdown(
    analysis: Analysis, *, marks: Mapping[str, tuple[str, str]] | None = None
) -> str:
    """The copy-desk report; `marks` maps a group id to (status, note) from the review desk."""
    marks = marks or {}
    out = ["# Figures check", "", _summary_line(analysis) + ".", ""]
    out.append("| | Article | Source |")
    out.append("|---|---|---|")
    for a in analysis.articles:
        out.append(f"| {a.id} | {_md_escape(a.title)} | {_md_escape(a.source)} |")
    out.append("")
    for verdict in ("conflict", "qualifier_mismatch"):
        groups = [g for g in analysis.groups if g.verdict == verdict]
        out.extend(_md_section(VERDICT_TITLES[verdict], len(groups)))
        for group in groups:
            out.append(f"### {group.id}: {_md_escape(group.label)}")
            out.append("")
            out.append(_md_escape(group.explanation) + ".")
            out.extend(_md_mark(*marks.get(group.id, ("", ""))))
            out.append("")
            for c in group.claims:
                out.append(f"- **{c.article}** “{_md_escape(c.surface)}”: {_md_escape(c.sentence)}")
            out.append("")
    agrees = [g for g in analysis.groups if g.verdict == "agree"]
    out.append(f"## {VERDICT_TITLES['agree']} ({len(agrees)})")
    out.append("")
    out.extend(
        f"- {_md_escape(g.label)}: {_md_escape(figure_words(g.claims[0]))} "
        f"({', '.join(g.articles)})"
        for g in agrees
    )
    if not agrees:
        out.append("None.")
    out.append("")
    singles = [g for g in analysis.groups if g.verdict == "single"]
    out.append(f"## {VERDICT_TITLES['single']} ({len(singles)})")
    out.append("")
    by_article: dict[str, list[str]] = {}
    for g in singles:
        for c in g.claims:
            if c.kind in ("count", "age", "money", "percent", "measure", "duration"):
                by_article.setdefault(c.article, []).append(_md_escape(c.surface))
    for a in analysis.articles:
        figures = by_article.get(a.id, [])
        if figures:
            out.append(f"- **{a.id}**: {', '.join(figures)}")
    out.append("")
    out.extend(findings_markdown(analysis.findings, marks=marks))
    return "\n".join(out)


# -- findings beyond numbers ---------------------------------------------------------------------


def _by_type(findings: Sequence[Finding]) -> list[tuple[FindingType, list[Finding]]]:
    return [(t, [f for f in findings if f.type == t]) for t in FindingType]


def findings_text(findings: Sequence[Finding]) -> list[str]:
    """The findings as terminal lines, one block per finding, after the numeric groups."""
    out: list[str] = []
    for kind, mine in _by_type(findings):
        if not mine:
            continue
        out.append(f"{kind.heading.upper()} ({len(mine)})")
        for f in mine:
            head = f"  {f.id}{' (minor)' if f.minor else ''} {_plain(f.explanation)}"
            out.extend(textwrap.wrap(head, WIDTH, subsequent_indent="      "))
            for p in f.spans:
                out.extend(
                    textwrap.wrap(
                        f'{p.article} "{_plain(p.text)}"',
                        WIDTH,
                        initial_indent="    - ",
                        subsequent_indent="      ",
                    )
                )
        out.append("")
    return out


def _md_section(title: str, count: int) -> list[str]:
    """A report section's heading with its count, and "None." under it when it is empty."""
    return [f"## {title} ({count})", ""] + (["None.", ""] if not count else [])


def _md_mark(status: str, note: str) -> list[str]:
    """The editor's mark on a group or finding, after a blank line; nothing when unmarked."""
    if status:
        return [
            "",
            f"**Review:** {_md_escape(status)}" + (f" — {_md_escape(note)}" if note else ""),
        ]
    return ["", f"**Note:** {_md_escape(note)}"] if note else []


def findings_markdown(
    findings: Sequence[Finding], *, marks: Mapping[str, tuple[str, str]] | None = None
) -> list[str]:
    """The findings as Markdown sections; `marks` maps a finding id to (status, note)."""
    marks = marks or {}
    out: list[str] = []
    for kind, mine in _by_type(findings):
        out.extend(_md_section(kind.heading, len(mine)))
        for f in mine:
            out.append(f"### {f.id}{' (minor)' if f.minor else ''}")
            out.append("")
            out.append(_md_escape(f.explanation))
            out.extend(_md_mark(*marks.get(f.id, ("", ""))))
            out.append("")
            out.extend(f"- **{p.article}** “{_md_escape(p.text)}”" for p in f.spans)
            out.append("")
    return out


def dumps(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


def write_json(out: TextIO, members: Mapping[str, Any], *, indent: int | None = 2) -> None:
    """Write an object as `json.dumps(…, ensure_ascii=False, indent=indent)` would, one item at a
    time: a member that is a list, a tuple or an iterator is written item by item as it comes,
    so a report of a hundred thousand claims is never held whole, as objects or as text."""
    for chunk in _json_chunks(members, indent):
        out.write(chunk)


def _json_chunks(members: Mapping[str, Any], indent: int | None) -> Iterator[str]:
    def encode(value: Any, level: int) -> str:
        text = json.dumps(value, ensure_ascii=False, indent=indent)
        # a string never holds a raw newline (it is written "\n"), so every newline is a
        # line break of the layout, indented one level deeper per level of nesting
        return text.replace("\n", "\n" + " " * (indent * level)) if indent else text

    if not members:
        yield "{}"
        return
    item_sep = "," if indent else ", "
    inner = "\n" + " " * indent if indent else ""
    innermost = "\n" + " " * (2 * indent) if indent else ""
    yield "{"
    for n, (key, value) in enumerate(members.items()):
        yield (item_sep if n else "") + inner + json.dumps(key, ensure_ascii=False) + ": "
        if isinstance(value, (str, bytes, dict)) or not isinstance(value, Iterable):
            yield encode(value, 1)
            continue
        empty = True
        for item in value:
            yield ("[" if empty else item_sep) + innermost + encode(item, 2)
            empty = False
        yield "[]" if empty else inner + "]"
    yield ("\n" if indent else "") + "}"
