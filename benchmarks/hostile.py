"""Hostile and huge inputs: time and peak memory of `factcheck check` (or `extract`) per case,
whole process.

    python benchmarks/hostile.py [--size BYTES] [--timeout S] [--memory MB] [--full-only]
                                 [--run COMMAND:FORMAT ...] [CASE...]

Each case (tests/hostile_inputs.py) is built at --size bytes (default 2 MB, the article limit) and
at half that, and run as a pipeline would run it, under an address-space limit and a deadline so
a regression is a line in the table rather than a stalled machine. Each --run (default
check:json; "all" for every command and format) is measured on every case. Printed per case:
exit status, seconds and peak resident memory at both sizes, the growth ratio (full / half: 2.0
is linear), the time ratio against an ordinary article of the same size run the same way in
this same run, whether both bounds of issue 11 hold at full size (at most 2x the ordinary time,
under 1 GB resident), and the first line of stderr.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile_inputs import CASES, Outcome, run_limited  # noqa: E402

RUNS = {
    "check": ("json", "text", "md"),
    "extract": ("json", "jsonl", "text"),
}
TIME_BOUND = 2.0  # times the ordinary article's seconds
MEMORY_BOUND_MB = 1024.0


def _args(run: str) -> list[str]:
    command, form = run.split(":")
    never = ["--fail-on", "never"] if command == "check" else []
    return [command, "--format", form, *never]


def _measure(name: str, run: str, size: int, args: argparse.Namespace) -> Outcome:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        given = CASES[name](folder, size)
        return run_limited(
            _args(run), given, timeout=args.timeout, memory_mb=args.memory, folder=folder
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", nargs="*", help="case names (default: all)")
    parser.add_argument("--size", type=int, default=2 * 1024 * 1024)
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--memory", type=int, default=3000, help="address-space limit, MB")
    parser.add_argument(
        "--run",
        action="append",
        metavar="COMMAND:FORMAT",
        help="check:json (default), check:text, check:md, extract:json, extract:jsonl, "
        "extract:text, or all; may be repeated",
    )
    parser.add_argument(
        "--full-only", action="store_true", help="measure the full size only (no growth ratio)"
    )
    args = parser.parse_args()
    names = args.cases or list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown:
        parser.error(f"unknown cases: {', '.join(unknown)}")
    known = [f"{c}:{f}" for c, forms in RUNS.items() for f in forms]
    runs = known if args.run == ["all"] else (args.run or ["check:json"])
    if any(r not in known for r in runs):
        parser.error(f"--run takes one of {', '.join(known)} or all")
    print(f"size {args.size:,} bytes, limit {args.memory} MB address space, {args.timeout:.0f} s")
    print(
        f"bounds: at most {TIME_BOUND:.0f}x the ordinary article's time, "
        f"under {MEMORY_BOUND_MB:.0f} MB resident at full size"
    )
    sizes = (args.size,) if args.full_only else (args.size // 2, args.size)
    for run in runs:
        print(f"\n{' '.join(_args(run))}")
        print(
            f"{'case':<22}{'exit':>5}{'s half':>8}{'s full':>8}{'x':>6}{'MB half':>9}"
            f"{'MB full':>9}{'vs ord':>8}{'bounds':>8}  stderr"
        )
        baseline: float | None = None
        for name in ["ordinary", *(n for n in names if n != "ordinary")]:
            rows = [_measure(name, run, size, args) for size in sizes]
            half, full = rows[0], rows[-1]
            if name == "ordinary":
                baseline = full.seconds
                if "ordinary" not in names:
                    continue
            growth = full.seconds / half.seconds if half.seconds and len(rows) > 1 else 0.0
            against = full.seconds / baseline if baseline else 0.0
            killed = full.code is None
            within = not killed and against <= TIME_BOUND and full.peak_mb < MEMORY_BOUND_MB
            code = "kill" if killed else str(full.code)
            first = (full.stderr.strip().splitlines() or [""])[-1 if full.code == 3 else 0]
            shown_half = f"{half.seconds:>8.1f}" if len(rows) > 1 else f"{'-':>8}"
            shown_half_mb = f"{half.peak_mb:>9.0f}" if len(rows) > 1 else f"{'-':>9}"
            print(
                f"{name:<22}{code:>5}{shown_half}{full.seconds:>8.1f}{growth:>6.1f}"
                f"{shown_half_mb}{full.peak_mb:>9.0f}{against:>8.2f}"
                f"{'ok' if within else 'OVER':>8}  {first[:70]}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
