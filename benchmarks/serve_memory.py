"""Memory of `factcheck serve` over ten browser tabs opened one after another on the seeds.

    python benchmarks/serve_memory.py [--tabs 10]

For each tab, in headless Chromium (Debian's, driven by Playwright): open the page, wait until
the desk shows its analysis, read the tab's desk process's memory, close the tab, wait until
that process has ended, then read the server's own memory and count the processes it still has.

desk RSS        the tab's desk process once the analysis is shown (its peak, VmHWM, beside it)
server RSS      the serve process after the tab's desk has ended
left            child processes of the server after the tab closed, zombies included: 0 means
                every closed tab's desk is gone and reaped
ended in        seconds from closing the tab to its desk process gone

The baseline is the server after the first tab closed, measured in the same run; the server's
memory after the last tab over that baseline says whether it grows with each tab served.
Exits 1 when a closed tab's desk outlives it, 2 when no Chromium is available here.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser_desk import (  # noqa: E402  (the path above makes the helpers importable)
    ANALYSED,
    DeskTab,
    ServedDesk,
    children,
    headless_chromium,
    rss_kib,
    wait_gone,
    why_no_browser,
)

DESK_READY = 300  # seconds; the model loads anew in each tab's process


def mib(kib: int | None) -> str:
    return "gone" if kib is None else f"{kib / 1024:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tabs", type=int, default=10)
    args = parser.parse_args()
    if (reason := why_no_browser()) is not None:
        print(f"serve_memory: {reason}", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory() as data, headless_chromium() as browser:
        server = ServedDesk(Path(data))
        pid = server.process.pid
        started_rss = rss_kib(pid)
        try:
            for n in range(1, args.tabs + 1):
                opened = time.perf_counter()
                tab = DeskTab(browser, server.url)
                tab.wait_for(ANALYSED, timeout=DESK_READY)
                ready = time.perf_counter() - opened
                desk = server.desk_pids()[-1]
                desk_rss, desk_peak = rss_kib(desk), rss_kib(desk, "VmHWM")
                tab.close()
                ended = wait_gone(desk, timeout=60)
                time.sleep(0.2)  # the server reaps the desk right after it ends
                rows.append((n, ready, desk_rss, desk_peak, ended, rss_kib(pid), children(pid)))
        finally:
            server.stop()

    print(f"factcheck serve, {args.tabs} tabs one after another on the seeds")
    print(f"server at start: {mib(started_rss)} MiB RSS")
    print(
        f"{'tab':>3}  {'ready s':>7}  {'desk RSS':>9}  {'desk peak':>9}  {'ended in':>8}  "
        f"{'server RSS':>10}  left"
    )
    for n, ready, desk_rss, desk_peak, ended, server_rss, left in rows:
        print(
            f"{n:>3}  {ready:>7.1f}  {mib(desk_rss):>9}  {mib(desk_peak):>9}  {ended:>7.2f}s  "
            f"{mib(server_rss):>10}  {len(left)}"
        )
    first, last = rows[0][5], rows[-1][5]
    assert first is not None, "the server ended during the run"
    assert last is not None, "the server ended during the run"
    desk_sizes = [r[2] for r in rows if r[2] is not None]
    print(f"desk process per tab: median {mib(int(statistics.median(desk_sizes)))} MiB RSS")
    print(
        f"server after tab 1 (baseline): {mib(first)} MiB; after tab {args.tabs}: {mib(last)} MiB;"
        f" ratio {last / first:.3f}"
    )
    leftover = sum(len(r[6]) for r in rows)
    print(f"processes left behind by closed tabs: {leftover}")
    return 1 if leftover else 0


if __name__ == "__main__":
    raise SystemExit(main())
