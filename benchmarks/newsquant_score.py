"""Score claim extraction on NewsQuant (Almasian et al., EMNLP 2023): value and value+change.

    python benchmarks/newsquant_score.py [--data PATH] [--errors N]

Scoring follows the paper's description: per sentence, a predicted quantity matches a gold one
when their values are numerically close (numpy.isclose defaults: rtol 1e-5, atol 1e-8; a range
matches when both ends do); each gold quantity is matched at most once. "change" counts as right
when the value matches and the labels are equal: `=` exact or a range, `~` about or nearly,
`>` at least or more than, `<` up to or fewer than, `up`/`down` a trend. Dates, clock times and
ordinals are not quantities in NewsQuant and are left out of the predictions. The published
scores come from the benchmark's own reported_results.tsv.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "newsquant" / "NewsQuant.json"
CHANGE = {
    "exact": "=",
    "range": "=",
    "vague": "=",
    "about": "~",
    "nearly": "~",
    "at_least": ">",
    "more_than": ">",
    "up_to": "<",
    "less_than": "<",
}
LEFT_OUT = {"date", "time", "ordinal"}


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-8 + 1e-5 * abs(b)


def gold_value(raw: str) -> tuple[float, float]:
    raw = raw.replace(" ", "")
    m = re.fullmatch(r"(-?[\d.]+(?:[eE][-+]?\d+)?)-(-?[\d.]+(?:[eE][-+]?\d+)?)", raw)
    if m:
        return float(m.group(1)), float(m.group(2))
    v = float(raw)
    return v, v


_FROM_TO = re.compile(r"^[^\d$£€]{0,25}?\s+to\s+$")


def from_to(claims, text: str) -> list:
    """NewsQuant's convention, for the second line of figures only: "fell from $2,415 to
    $2,315" is one quantity, the range 2415-2315. factcheck keeps the two levels, which is what
    comparing articles needs; this merges such pairs so both conventions can be scored."""
    merged, skip = [], set()
    for a, b in itertools.pairwise(claims):
        if a.id in skip or a.quantity is None or b.quantity is None:
            continue
        between = text[a.end : b.start]
        if text[: a.start].rstrip().lower().endswith("from") and _FROM_TO.match(between):
            merged.append((a, b))
            skip.update((a.id, b.id))
    return merged, skip


def predicted(claims, text: str = "", *, newsquant_ranges: bool = False):
    out = []
    skip: set[str] = set()
    if newsquant_ranges:
        pairs, skip = from_to([c for c in claims if c.kind not in LEFT_OUT], text)
        for a, b in pairs:
            out.append(((a.value, b.value), a.trend or b.trend or "="))
    for c in claims:
        if c.id in skip:
            continue
        if c.kind in LEFT_OUT or c.quantity is None:
            continue
        q = c.quantity
        value = (q.low, q.high) if c.qualifier in ("range", "vague") else (c.value, c.value)
        if any(math.isinf(x) for x in value):
            continue
        change = c.trend or CHANGE.get(c.qualifier, "=")
        out.append((value, change))
    return out


def match(gold, pred, *, with_change: bool) -> int:
    used = [False] * len(pred)
    hits = 0
    for g_value, g_change in gold:
        for i, (p_value, p_change) in enumerate(pred):
            if used[i]:
                continue
            if close(p_value[0], g_value[0]) and close(p_value[1], g_value[1]):
                if with_change and p_change != g_change:
                    continue
                used[i] = True
                hits += 1
                break
    return hits


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", type=int, default=0, help="print N misses for inspection")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"NewsQuant not found at {args.data}; skipped")
        return 0
    from factcheck.extract import extract_articles
    from factcheck.models import Article
    from factcheck.nlp import load

    data = json.loads(args.data.read_text(encoding="utf-8"))
    nlp = load()
    articles = [Article(f"S{i}", "newsquant", "", row["text"]) for i, row in enumerate(data)]
    started = time.perf_counter()
    claims = extract_articles(nlp, articles)
    elapsed = time.perf_counter() - started
    by_article: dict[str, list] = {}
    for c in claims:
        by_article.setdefault(c.article, []).append(c)
    totals = {"gold": 0, "pred": 0, "value": 0, "change": 0}
    converted = {"pred": 0, "value": 0, "change": 0}
    shown = 0
    for article, row in zip(articles, data, strict=True):
        gold = [(gold_value(q["value"]), q["change"]) for q in row["quantities"]]
        pred = predicted(by_article.get(article.id, []))
        alt = predicted(by_article.get(article.id, []), row["text"], newsquant_ranges=True)
        converted["pred"] += len(alt)
        converted["value"] += match(gold, alt, with_change=False)
        converted["change"] += match(gold, alt, with_change=True)
        totals["gold"] += len(gold)
        totals["pred"] += len(pred)
        v = match(gold, pred, with_change=False)
        vc = match(gold, pred, with_change=True)
        totals["value"] += v
        totals["change"] += vc
        if shown < args.errors and (v < len(gold) or v < len(pred) or vc < v):
            shown += 1
            print(f"- {row['text']}\n  gold {gold}\n  pred {pred}")
    vp, vr, vf = prf(totals["value"], totals["pred"], totals["gold"])
    cp, cr, cf = prf(totals["change"], totals["pred"], totals["gold"])
    print(
        f"NewsQuant: {len(data)} sentences, {totals['gold']} gold quantities, "
        f"{totals['pred']} predicted, extraction {elapsed:.2f} s"
    )
    print(f"{'':14}{'P':>7}{'R':>7}{'F1':>7}")
    print(f"{'value':14}{vp:7.1f}{vr:7.1f}{vf:7.1f}")
    print(f"{'value+change':14}{cp:7.1f}{cr:7.1f}{cf:7.1f}")
    xp, xr, xf = prf(converted["value"], converted["pred"], totals["gold"])
    yp, yr, yf = prf(converted["change"], converted["pred"], totals["gold"])
    print("with NewsQuant's convention that 'from X to Y' is one range (a scoring view only):")
    print(f"{'value':14}{xp:7.1f}{xr:7.1f}{xf:7.1f}")
    print(f"{'value+change':14}{yp:7.1f}{yr:7.1f}{yf:7.1f}")
    reported = args.data.parent / "reported_results.tsv"
    if reported.is_file():
        print("published (reported_results.tsv):")
        for line in reported.read_text().splitlines()[1:]:
            cells = line.split("\t")
            if len(cells) >= 6 and cells[5] in ("value", "value+change"):
                print(f"  {cells[4]:<16}{cells[5]:<14} F1 {float(cells[3]):5.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
