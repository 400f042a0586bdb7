"""Units of measure, from quantulum3's lexicon: the words after a number that say what it measures.

quantulum3 knows some 300 units and their spellings, symbols and plurals; that knowledge is what
the extractor needs. Building it (quantulum3 pluralises every unit through inflect) takes seconds,
so the table is built once per installed quantulum3 version and kept in the user's cache folder.
Running quantulum3's whole parser over article text is slow and finds phantom units ("a span",
"2024 at"), so only the lexicon is used, on the words right after a figure.
"""

from __future__ import annotations

import json
import os
import tempfile
import warnings
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

# (unit name, quantulum3 entity) for each lower-cased surface or symbol
Table = dict[str, tuple[str, str]]
MAX_WORDS = 3
# Entities that are not measures in news prose ("a pair", "a set", "5 pieces").
_NOT_MEASURES = {"dimensionless", "unknown"}


def _cache_path() -> Path | None:
    try:
        from platformdirs import user_cache_dir

        folder = Path(os.environ.get("FACTCHECK_CACHE") or user_cache_dir("factcheck"))
    except Exception:  # no home folder, no platformdirs: build in memory each time
        return None
    return folder / f"units-quantulum3-{version('quantulum3')}.json"


def _build() -> Table:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import load

        units = load.units("en_US")
        training = load.training_set("en_US")
    prior: dict[str, int] = {}
    for example in training:
        prior[example["unit"]] = prior.get(example["unit"], 0) + len(example["text"])
    table: Table = {}
    for index in (units.surfaces_lower, units.symbols_lower, units.symbols):
        for surface, found in index.items():
            key = surface.lower()
            if not key or key in table or not found:
                continue
            # an ambiguous spelling ("mm", "tons") takes the unit quantulum3's training data uses most
            best = max(found, key=lambda u: (prior.get(u.name, 0), -len(u.name)))
            if best.entity.name not in _NOT_MEASURES:
                table[key] = (best.name, best.entity.name)
    return table


@lru_cache(maxsize=1)
def table() -> Table:
    """The unit table, from the cache when it is there."""
    path = _cache_path()
    if path is not None and path.is_file():
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return {k: (v[0], v[1]) for k, v in raw.items()}
        except (OSError, ValueError, IndexError):
            pass  # a damaged cache is rebuilt
    built = _build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", dir=path.parent, delete=False, suffix=".tmp", encoding="utf-8"
            ) as out:
                json.dump(built, out)
            os.replace(out.name, path)
        except OSError:
            pass  # read-only home: keep it in memory
    return built


def unit_after(words: list[str]) -> tuple[str, str, int] | None:
    """The unit the words right after a number name: (unit, entity, words used), longest first."""
    units = table()
    for n in range(min(MAX_WORDS, len(words)), 0, -1):
        key = " ".join(words[:n]).lower()
        if key in units:
            name, entity = units[key]
            return name, entity, n
    return None
