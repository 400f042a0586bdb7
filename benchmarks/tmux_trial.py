"""A trial of the review desk in a real terminal (tmux): open articles, walk every discrepancy
with n, and check on the captured screen that each visible column shows the selected figure.

    python benchmarks/tmux_trial.py [--size 80x24] [--corpus PATH] [ARTICLE...]

Without articles it opens eight from ../shared/corpus (the five of one event and three of
another, so the different-events warning shows too). The expected discrepancies come from
`factcheck check --format json` on the same files, in the list's order. For each step the screen
is captured; a column counts as showing the figure when its visible text holds the figure with
its verdict marker (‼ or ≈) in front. Prints one line a step and a summary; exits 1 on a miss.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FACTCHECK = ROOT / ".venv" / "bin" / "factcheck"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
MARKERS = {"conflict": "‼", "qualifier_mismatch": "≈"}


def tmux(*args: str) -> str:
    done = subprocess.run(["tmux", *args], capture_output=True, text=True, check=True)
    return done.stdout


def default_articles(corpus: Path) -> list[str]:
    events = sorted(p for p in corpus.iterdir() if p.is_dir() and p.name[:2].isdigit())
    first = sorted(events[2].glob("*.txt"))[:5]
    second = sorted(events[3].glob("*.txt"))[:3]
    return [str(p) for p in first + second]


def columns(screen: list[str]) -> dict[str, list[str]]:
    """Each article column's visible lines, found by its top border "╭─ A ──…╮"."""
    found: dict[str, list[str]] = {}
    for y, line in enumerate(screen):
        for match in re.finditer(r"╭─ ([A-H]) ─+╮", line):
            left, right = match.start() + 1, match.end() - 1
            body = []
            for below in screen[y + 1 :]:
                if below[match.start() : match.start() + 1] == "╰":
                    break
                body.append(below[left:right].strip("│ ▁▂▃▄▅▆▇█"))
            found[match.group(1)] = body
    return found


def shows(lines: list[str], marker: str, surface: str) -> bool:
    text = " ".join(" ".join(lines).split())
    return f"{marker}{' '.join(surface.split())}" in text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", nargs="*")
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--settle", type=float, default=0.6, help="seconds after each key")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is not installed", file=sys.stderr)
        return 2
    articles = args.articles or default_articles(args.corpus)
    width, height = (int(x) for x in args.size.split("x"))
    checked = subprocess.run(
        [str(FACTCHECK), "check", "--format", "json", "--fail-on", "never", *articles],
        capture_output=True,
        text=True,
        check=True,
    )
    document = json.loads(checked.stdout)
    claims = {c["id"]: c for c in document["claims"]}
    issues = [g for g in document["groups"] if g["verdict"] in MARKERS]
    session = f"factcheck-trial-{os.getpid()}"
    home = tempfile.mkdtemp(prefix="factcheck-trial-")
    command = " ".join(
        [f"XDG_DATA_HOME={shlex.quote(home)}", shlex.quote(str(FACTCHECK)), "review"]
        + [shlex.quote(a) for a in articles]
    )
    tmux("new-session", "-d", "-s", session, "-x", str(width), "-y", str(height), command)
    misses = steps = 0
    try:
        started = time.monotonic()
        while time.monotonic() - started < 120:
            screen = tmux("capture-pane", "-p", "-t", session).splitlines()
            if any("Discrepancies (" in line for line in screen):
                break
            time.sleep(0.5)
        else:
            print("the discrepancy list never appeared")
            return 1
        print(f"{len(articles)} articles at {args.size}: {len(issues)} discrepancies")
        for step, group in enumerate(issues, 1):
            tmux("send-keys", "-t", session, "n")
            time.sleep(args.settle)
            screen = tmux("capture-pane", "-p", "-t", session).splitlines()
            visible = columns(screen)
            verdict_marker = MARKERS[group["verdict"]]
            result = []
            for letter, lines in sorted(visible.items()):
                mine = [claims[c] for c in group["claims"] if claims[c]["article"] == letter]
                if not mine:
                    continue
                ok = any(shows(lines, verdict_marker, c["surface"]) for c in mine)
                misses += not ok
                steps += 1
                result.append(f"{letter}:{'ok' if ok else 'MISSING ' + mine[0]['surface']}")
            print(f"  {step:>2}. {group['label'][:40]:<40} {' '.join(result) or '(not in view)'}")
    finally:
        tmux("kill-session", "-t", session)
        shutil.rmtree(home, ignore_errors=True)
    print(f"selected figure on screen in {steps - misses} of {steps} column checks")
    return 1 if misses else 0


if __name__ == "__main__":
    raise SystemExit(main())
