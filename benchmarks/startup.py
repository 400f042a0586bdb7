"""Start-up: what an editor waits for when `factcheck check` runs on two short articles, whole
process, against loading the bare spaCy pipeline in this same run.

    python benchmarks/startup.py [--repeat N]

  bare   python -c "import spacy; spacy.load(model)": the floor for any command that parses
  check  python -m factcheck check SEEDS --format json: load, read, extract, group, report
Printed: the median and the range of N runs of each (alternating), and check / bare.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from factcheck.nlp import model_name

    seeds = sorted(str(p) for p in (ROOT / "factcheck" / "seeds").glob("*.txt"))
    runs = {
        "bare": [sys.executable, "-c", f"import spacy; spacy.load({model_name()!r})"],
        "check": [sys.executable, "-m", "factcheck", "check", *seeds, "--format", "json"],
    }
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeat):
        for name, argv in runs.items():
            seconds[name].append(_timed(argv))
    for name, times in seconds.items():
        print(
            f"{name:<6} median {statistics.median(times):5.2f} s  "
            f"(range {min(times):.2f}-{max(times):.2f}, {len(times)} runs)"
        )
    ratio = statistics.median(seconds["check"]) / statistics.median(seconds["bare"])
    print(f"check / bare: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
