"""Throughput of the extractor and of grouping, against the bare spaCy pipeline, same run.

    python benchmarks/throughput.py [--corpus PATH] [--repeat N]

Three timings over the real articles of ../shared/corpus (each as a whole process would do it:
model load included):
  bare      spacy.load(model) with every component, then nlp.pipe over the whole articles
  extract   factcheck's extraction: load with the components it uses, split, filter, parse, read
  check     grouping and verdicts on the extracted claims, per event and for 50 same-story articles
  findings  names, quotations and dates (factcheck.findings) per event, against what `check`
            spends on the same events (extraction + grouping) in this same run; as in `check`,
            the findings read the sentences the extraction parsed instead of parsing them again
Ratios are printed against the bare pipeline measured in this same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def load_texts(corpus: Path) -> list[tuple[str, list[str]]]:
    events = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir() and p.name[:2].isdigit()):
        texts = [f.read_text(encoding="utf-8") for f in sorted(folder.glob("*.txt"))]
        events.append((folder.name, texts))
    return events


def bare(texts: list[str]) -> float:
    import spacy

    from factcheck.nlp import model_name

    started = time.perf_counter()
    nlp = spacy.load(model_name())
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started


def extract(texts: list[str]) -> tuple[float, list]:
    from factcheck import nlp as loader
    from factcheck.extract import extract_articles
    from factcheck.findings import wants_parse
    from factcheck.sources import Document, as_articles, normalise

    loader.load.cache_clear()
    started = time.perf_counter()
    nlp = loader.load()
    articles = as_articles(
        [Document(str(i), t.split("\n")[0], normalise(t)) for i, t in enumerate(texts)]
    )
    parses: dict = {}  # what `check` hands the findings: the sentences they read, as parsed here

    def keep(article: str, start: int, doc) -> None:  # type: ignore[no-untyped-def]
        if wants_parse(doc.text):
            parses[(article, start)] = doc

    claims = extract_articles(nlp, articles, keep=keep)
    return time.perf_counter() - started, [articles, claims, parses]


def own_code(articles: list, repeat: int) -> float:
    """Seconds of factcheck's own extraction code, the spaCy parse taken out: every piece is
    parsed once and the parses are handed back from a cache. On a shared machine the parse's
    time swings by half from run to run; this part is what a change to the rules moves."""
    from factcheck import nlp as loader
    from factcheck.extract import extract_articles

    nlp = loader.load()
    parsed: dict[str, object] = {}

    class Cached:
        def pipe(self, texts, batch_size: int = 64):  # type: ignore[no-untyped-def]
            texts = list(texts)
            todo = [t for t in texts if t not in parsed]
            parsed.update(zip(todo, nlp.pipe(todo, batch_size=batch_size), strict=True))
            return [parsed[t] for t in texts]

    extract_articles(Cached(), articles)  # type: ignore[arg-type]
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        extract_articles(Cached(), articles)  # type: ignore[arg-type]
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}; skipped")
        return 0
    import warnings

    warnings.simplefilter("ignore")
    events = load_texts(args.corpus)
    texts = [t for _, ts in events for t in ts]
    words = sum(len(t.split()) for t in texts)
    bare_times, extract_times = [], []
    result: list = []
    for _ in range(args.repeat):  # interleaved, so drift on a shared machine hits both alike
        bare_times.append(bare(texts))
        seconds, result = extract(texts)
        extract_times.append(seconds)
    b, e = statistics.median(bare_times), statistics.median(extract_times)
    print(
        f"corpus: {len(events)} events, {len(texts)} articles, {words:,} words; "
        f"median of {args.repeat} runs, model load included"
    )
    print(f"  bare spaCy pipeline   {b:6.2f} s  {words / b:8,.0f} words/s")
    print(
        f"  factcheck extract     {e:6.2f} s  {words / e:8,.0f} words/s  {b / e:5.2f}x the bare pipeline"
    )

    from factcheck.engine import compare_claims

    articles, claims, parses = result
    own = own_code(articles, args.repeat)
    print(
        f"  factcheck's own code  {own:6.2f} s  (extraction with the parse taken out: "
        f"{100 * own / e:.0f}% of it; {len(claims):,} claims)"
    )
    by_event, offset = [], 0
    for _, ts in events:
        ids = {a.id for a in articles[offset : offset + len(ts)]}
        by_event.append(
            ([a for a in articles if a.id in ids], [c for c in claims if c.article in ids])
        )
        offset += len(ts)
    started = time.perf_counter()
    for _ in range(args.repeat):
        for arts, cls in by_event:
            compare_claims(arts, cls)
    group_time = (time.perf_counter() - started) / args.repeat
    print(
        f"  grouping + verdicts   {group_time:6.3f} s for the 23 events "
        f"({100 * group_time / e:.1f}% of extraction)"
    )

    from factcheck import nlp as loader
    from factcheck.findings import find_all

    pipeline = loader.load()
    events_articles = [arts for arts, _ in by_event]
    find_times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        found = sum(len(find_all(arts, pipeline, parses=parses)) for arts in events_articles)
        find_times.append(time.perf_counter() - started)
    f = statistics.median(find_times)
    check_time = e + group_time
    print(
        f"  findings              {f:6.3f} s for the 23 events ({found} findings): "
        f"+{100 * f / check_time:.1f}% on check (extraction + grouping, {check_time:.2f} s)"
    )

    # 50 articles of one story: the largest event's articles repeated under new ids
    name, ts = max(events, key=lambda ev: len(ev[1]))
    story = (ts * (50 // len(ts) + 1))[:50]
    seconds, (arts50, claims50, _) = extract(story)
    started = time.perf_counter()
    for _ in range(args.repeat):
        compare_claims(arts50, claims50)
    g50 = (time.perf_counter() - started) / args.repeat
    print(
        f"  50 articles of one story ({name}): extract {seconds:.2f} s, "
        f"grouping + verdicts {g50:.3f} s ({100 * g50 / seconds:.1f}% of extraction)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
