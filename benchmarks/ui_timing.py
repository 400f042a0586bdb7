"""Timings of the review desk, headless: first paint, analysis shown, key response.

    python benchmarks/ui_timing.py [--corpus PATH]

first paint     from starting the app to its first screen (articles shown, analysis pending)
analysis shown  from starting the app to the discrepancy list filled, beside the bare model
                load (spacy.load of the same pipeline, all components) measured in this run
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


async def measure(articles, store: Path) -> tuple[float, float, float, float]:
    from factcheck import nlp as loader
    from factcheck.ui.app import make_app

    loader.load.cache_clear()  # the app pays the model load, as it does for a user
    started = time.perf_counter()
    app = make_app(articles, store_path=store)
    async with app.run_test(size=(160, 48)) as pilot:
        first_paint = time.perf_counter() - started
        while app.analysis is None:
            await pilot.pause(0.01)
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
    import spacy

    from factcheck.nlp import model_name

    t = time.perf_counter()
    spacy.load(model_name())
    return time.perf_counter() - t


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    from factcheck.cli import demo_articles
    from factcheck.sources import read_articles

    cases = [("2 seed articles", demo_articles())]
    event = args.corpus / "03_gva_fort_lauderdale_airport_shooting_2017"
    if event.is_dir():
        cases.append(
            (
                f"5 articles of {event.name}",
                read_articles([str(p) for p in sorted(event.glob("*.txt"))]),
            )
        )
    load = statistics.median(bare_load() for _ in range(3))
    print(f"bare model load (all components): {load:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        for name, articles in cases:
            paint, shown, key, idle = asyncio.run(measure(articles, Path(tmp) / "r.db"))
            print(
                f"{name}: first paint {paint:.2f} s; analysis shown {shown:.2f} s "
                f"({shown - load:+.2f} s beside the bare load); key n {1000 * key:.0f} ms "
                f"against {1000 * idle:.0f} ms for an unbound key ({1000 * (key - idle):+.0f} ms)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
