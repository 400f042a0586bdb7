"""Hostile and huge inputs: time and peak memory of `factcheck check` per case, whole process.

    python benchmarks/hostile.py [--size BYTES] [--timeout S] [--memory MB] [CASE...]

Each case (tests/hostile_inputs.py) is built at --size bytes (default 2 MB, the article limit) and
at half that, and run as a pipeline would run it, under an address-space limit and a deadline so
a regression is a line in the table rather than a stalled machine. Printed per case: exit status,
seconds and peak resident memory at both sizes, the growth ratio (full / half: 2.0 is linear),
the time ratio against an ordinary article of the same size measured in this same run, and the
first line of stderr.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile_inputs import CASES, run_limited  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", nargs="*", help="case names (default: all)")
    parser.add_argument("--size", type=int, default=2 * 1024 * 1024)
    parser.add_argument("--timeout", type=float, default=240.0)
    parser.add_argument("--memory", type=int, default=3000, help="address-space limit, MB")
    args = parser.parse_args()
    names = args.cases or list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        parser.error(f"unknown cases: {', '.join(unknown)}")
    print(f"size {args.size:,} bytes, limit {args.memory} MB address space, {args.timeout:.0f} s")
    print(
        f"{'case':<22}{'exit':>5}{'s half':>8}{'s full':>8}{'x':>6}{'MB half':>9}{'MB full':>9}"
        f"{'vs ord':>8}  stderr"
    )
    baseline: float | None = None
    for name in ["ordinary", *(n for n in names if n != "ordinary")]:
        rows = []
        for size in (args.size // 2, args.size):
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp)
                given = CASES[name](folder, size)
                rows.append(
                    run_limited(
                        ["check", "--format", "json", "--fail-on", "never"],
                        given,
                        timeout=args.timeout,
                        memory_mb=args.memory,
                        folder=folder,
                    )
                )
        half, full = rows
        if name == "ordinary":
            baseline = full.seconds
            if "ordinary" not in names:
                continue
        growth = full.seconds / half.seconds if half.seconds else 0.0
        against = full.seconds / baseline if baseline else 0.0
        code = "kill" if full.code is None else str(full.code)
        first = (full.stderr.strip().splitlines() or [""])[-1 if full.code == 3 else 0]
        print(
            f"{name:<22}{code:>5}{half.seconds:>8.1f}{full.seconds:>8.1f}{growth:>6.1f}"
            f"{half.peak_mb:>9.0f}{full.peak_mb:>9.0f}{against:>8.2f}  {first[:70]}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
