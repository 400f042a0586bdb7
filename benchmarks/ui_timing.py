"""Timings of the review desk, headless: first paint, analysis shown, key response.

    python benchmarks/ui_timing.py [--corpus PATH]

first paint     from starting the app to its first screen (articles shown, analysis pending)
analysis shown  from starting the app to the discrepancy list filled, beside the bare model
                load (a fresh Python importing spaCy and loading the same pipeline with all its
                components) measured in this run; the app's own imports are in its time too
key response    from pressing n to the list, columns and detail updated (median of 20), beside
                a key bound to nothing, which measures what Pilot's own round trip costs
Runs on the two seed articles and on five articles of one corpus event.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
EVENT = "03_gva_fort_lauderdale_airport_shooting_2017"


async def measure(articles, store: Path) -> tuple[float, float, float, float]:
    from factcheck import nlp as loader
    from factcheck.ui.app import make_app

    loader.load.cache_clear()  # the app pays the model load, as it does for a user
    started = time.perf_counter()
    app = make_app(articles, store_path=store)
    async with app.run_test(size=(160, 48)) as pilot:
        first_paint = time.perf_counter() - started
        await app.workers.wait_for_complete()  # no polling: it would steal time from the worker
        await pilot.pause()
        shown = time.perf_counter() - started
        presses, idle = [], []
        for _ in range(20):
            t = time.perf_counter()
            await pilot.press("n")
            await pilot.pause()
            presses.append(time.perf_counter() - t)
            t = time.perf_counter()
            await pilot.press("x")  # bound to nothing: what Pilot itself costs
            await pilot.pause()
            idle.append(time.perf_counter() - t)
    return first_paint, shown, statistics.median(presses), statistics.median(idle)


def bare_load() -> float:
    """A fresh interpreter importing spaCy and loading the pipeline, as a user's process does."""
    import subprocess

    from factcheck.nlp import model_name

    code = f"import spacy; spacy.load({model_name()!r})"
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - t


def run_case(case: str, corpus: Path) -> None:
    from factcheck.cli import demo_articles
    from factcheck.sources import read_articles

    if case == "seeds":
        name, articles = "2 seed articles", demo_articles()
    else:
        event = corpus / case
        name = f"5 articles of {case}"
        articles = read_articles([str(p) for p in sorted(event.glob("*.txt"))])
    with tempfile.TemporaryDirectory() as tmp:
        paint, shown, key, idle = asyncio.run(measure(articles, Path(tmp) / "r.db"))
    print(
        f"{name}: first paint {paint:.2f} s; analysis shown {shown:.2f} s; "
        f"key n {1000 * key:.0f} ms against {1000 * idle:.0f} ms for an unbound key "
        f"({1000 * (key - idle):+.0f} ms)",
        flush=True,
    )


def main() -> int:
    import subprocess

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    if args.case:
        run_case(args.case, args.corpus)
        return 0
    load = statistics.median(bare_load() for _ in range(3))
    print(f"bare model load (new process: import spaCy, load all components): {load:.2f} s")
    cases = ["seeds"]
    if (args.corpus / EVENT).is_dir():
        cases.append(EVENT)
    for case in cases:  # each in a fresh process, as an editor starts the app
        cmd = [sys.executable, __file__, "--case", case, "--corpus", str(args.corpus)]
        subprocess.run(cmd, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
