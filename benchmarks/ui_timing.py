"""Timings of the review desk, headless: first paint, analysis shown, key response.

    python benchmarks/ui_timing.py [--corpus PATH]

first paint     from starting the app to its first screen (articles shown, analysis pending)
analysis shown  from starting the app to the discrepancy list filled, beside the bare model
                load (a fresh Python importing spaCy and loading the same pipeline with all its
                components) measured in this run; the app's own imports are in its time too
key response    from pressing a key to the list, columns and detail updated (median of 20),
                beside a key bound to nothing, which measures what Pilot's own round trip costs;
                in brackets the difference, and the difference in the process's CPU time (the
                work the desk does, less swayed than the wall clock by a busy machine):
                n (next discrepancy, every column scrolled to it), / (the search line shown),
                search (enter in the search line: every article searched for "the" and its matches
                painted); and a resize (160x48 <-> 120x40: columns recounted, the figure
                brought back into view) beside a "resize" to the size the terminal already has,
                which measures Pilot's own resize round trip (it waits for the app twice where a
                key waits once)
Runs on the two seed articles, five articles of one corpus event and eight articles (five of
one event, three of another). The target: each key within 50 ms of the unbound key.
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


async def _median(pilot, act, rounds: int = 20) -> tuple[float, float]:
    """Medians of the wall time and of the process's CPU time (every thread) per round."""
    times, cpu = [], []
    for n in range(rounds):
        t, c = time.perf_counter(), time.process_time()
        await act(pilot, n)
        await pilot.pause()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(times), statistics.median(cpu)


async def _press_n(pilot, n: int) -> None:
    await pilot.press("n")


async def _unbound(pilot, n: int) -> None:
    await pilot.press("x")  # bound to nothing: what Pilot itself costs


async def _resize(pilot, n: int) -> None:
    await pilot.resize_terminal(*((120, 40) if n % 2 == 0 else (160, 48)))


async def _same_size(pilot, n: int) -> None:
    await pilot.resize_terminal(160, 48)  # the size it has: what Pilot's resize itself costs


async def _search_times(
    pilot, term: str, rounds: int = 20
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Medians (wall, CPU) of: / (the search prompt shown) and enter (every article searched
    for `term`, its matches painted, the prompt gone and the first match in view)."""
    opened, searched = [], []
    for n in range(rounds):
        t, c = time.perf_counter(), time.process_time()
        await pilot.press("slash")
        await pilot.pause()
        opened.append((time.perf_counter() - t, time.process_time() - c))
        pilot.app.screen.query_one("Input").value = term if n % 2 == 0 else term.upper()
        t, c = time.perf_counter(), time.process_time()
        await pilot.press("enter")
        await pilot.pause()
        searched.append((time.perf_counter() - t, time.process_time() - c))

    def medians(rows: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows)

    return medians(opened), medians(searched)


async def measure(articles, store: Path) -> dict[str, tuple[float, float]]:
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
        slash, search = await _search_times(pilot, "the")
        return {
            "first paint": (first_paint, 0.0),
            "shown": (shown, 0.0),
            "unbound": await _median(pilot, _unbound),
            "n": await _median(pilot, _press_n),
            "/": slash,
            "search": search,
            "same size": await _median(pilot, _same_size),
            "resize": await _median(pilot, _resize),
        }


def empty_shape(columns: int):
    """An app of the desk's shape with nothing in it, of stock Textual widgets in the desk's own
    styles: the header, a line for the strip, `columns` bordered scrolling columns of which as
    many are shown as the desk shows at the width, the list and the detail below, the footer
    with the desk's keys. What Textual alone spends on a resize of such a screen, the floor
    under the desk's."""
    from textual.app import App
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.widgets import DataTable, Footer, Header, Static

    from factcheck.ui import keys
    from factcheck.ui.screens.desk import COLUMN_WIDTH, NARROW

    class EmptyShape(App[None]):
        CSS_PATH = str(ROOT / "factcheck" / "ui" / "app.tcss")  # the desk's own styles
        BINDINGS = keys.bindings()

        def compose(self):
            yield Header()
            yield Static("", id="strip")
            with Horizontal(id="columns"):
                for _ in range(columns):
                    yield VerticalScroll(classes="column")
            with Horizontal(id="bottom"):
                with Vertical(id="list-pane"):
                    yield DataTable(id="discrepancies")
                yield VerticalScroll(id="detail")
            yield Footer()

        def on_resize(self, event) -> None:
            width = event.size.width
            shown = 2 if width < NARROW else max(2, width // COLUMN_WIDTH)
            for n, column in enumerate(self.query(".column")):
                column.display = n < shown

    return EmptyShape()


async def measure_empty(columns: int) -> dict[str, tuple[float, float]]:
    app = empty_shape(columns)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        return {
            "same size": await _median(pilot, _same_size),
            "resize": await _median(pilot, _resize),
        }


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
    elif case == "eight":
        events = sorted(p for p in corpus.iterdir() if p.is_dir() and p.name[:2].isdigit())
        paths = sorted(events[2].glob("*.txt"))[:5] + sorted(events[3].glob("*.txt"))[:3]
        name = f"8 articles ({events[2].name[:2]} and {events[3].name[:2]})"
        articles = read_articles([str(p) for p in paths])
    else:
        event = corpus / case
        name = f"5 articles of {case}"
        articles = read_articles([str(p) for p in sorted(event.glob("*.txt"))])
    with tempfile.TemporaryDirectory() as tmp:
        got = asyncio.run(measure(articles, Path(tmp) / "r.db"))
    empty = asyncio.run(measure_empty(len(articles)))

    def beyond(key: str, base: str) -> str:
        (wall, cpu), (idle, idle_cpu) = got[key], got[base]
        return (
            f"{key} {1000 * wall:.0f} ms ({1000 * (wall - idle):+.0f}, "
            f"cpu {1000 * (cpu - idle_cpu):+.0f})"
        )

    idle, idle_cpu = got["unbound"]
    same, same_cpu = got["same size"]
    keys = "; ".join(beyond(key, "unbound") for key in ("n", "/", "search"))
    keys += (
        f"; resize to the same size {1000 * same:.0f} ms (cpu {1000 * same_cpu:.0f}); "
        + beyond("resize", "same size")
    )
    (e_same, e_same_cpu), (e_resize, e_resize_cpu) = empty["same size"], empty["resize"]
    keys += (
        f"; the desk's shape empty, stock Textual: resize {1000 * e_resize:.0f} ms "
        f"({1000 * (e_resize - e_same):+.0f}, cpu {1000 * (e_resize_cpu - e_same_cpu):+.0f})"
    )
    print(
        f"{name}: first paint {got['first paint'][0]:.2f} s; analysis shown "
        f"{got['shown'][0]:.2f} s; unbound key {1000 * idle:.0f} ms (cpu {1000 * idle_cpu:.0f}); "
        f"{keys}",
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
        cases += [EVENT, "eight"]
    for case in cases:  # each in a fresh process, as an editor starts the app
        cmd = [sys.executable, __file__, "--case", case, "--corpus", str(args.corpus)]
        subprocess.run(cmd, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
