"""The loaded pipeline multiplies its matrices with numpy's BLAS on one thread, and reads text
exactly as the pipeline thinc builds by default does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck import nlp as loader

ROOT = Path(__file__).resolve().parents[1]
# the seed articles, articles written for this project, and sentences short enough that the
# encoders' padding is most of their batch
ARTICLES = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "fixtures").glob("[fq]*.txt"))]
TEXTS = [p.read_text(encoding="utf-8") for p in ARTICLES if "cp1252" not in p.name]
SHORT = [f"{n} were hurt." for n in (1, 7, 23, 140, 2_600)] + ["Nine died.", "About 40 fled."]


def _fast_blas() -> bool:
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_info

    return any(lib.get("internal_api") in loader.FAST_BLAS for lib in threadpool_info())


def _reading(doc) -> list[tuple[str, str, str, str, int, str, str]]:
    return [
        (t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_ + t.ent_type_) for t in doc
    ]


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


@pytest.mark.skipif(not _fast_blas(), reason="numpy here is not built on OpenBLAS or MKL")
def test_every_layer_multiplies_with_numpy_on_one_thread(nlp):
    from threadpoolctl import threadpool_info

    layers = [
        layer
        for _name, component in nlp.components
        if getattr(component, "model", None) is not None
        for layer in component.model.walk()
    ]
    assert len(layers) > 50  # the encoders, tagger, parser and entity recogniser, all of them
    assert all(getattr(layer.ops, "use_blis", True) is False for layer in layers)
    blas = [lib for lib in threadpool_info() if lib.get("internal_api") in loader.FAST_BLAS]
    assert blas
    assert all(lib["num_threads"] == 1 for lib in blas)


@pytest.mark.skipif(not _fast_blas(), reason="numpy here is not built on OpenBLAS or MKL")
def test_numpy_matrices_read_text_as_blis_does(nlp):
    """The same pipeline put back on thinc's BLIS for a moment (the model is loaded once per
    session): every tag, head, lemma and entity of the fixture articles and of short sentences
    is the same, batched as extract batches."""
    from thinc.api import NumpyOps

    layers = [
        layer
        for _name, component in nlp.components
        if getattr(component, "model", None) is not None
        for layer in component.model.walk()
    ]
    texts = [s for text in TEXTS for s in _sentences(text)] + SHORT
    ours = [_reading(d) for d in nlp.pipe(texts, batch_size=len(texts))]
    kept = [layer.ops for layer in layers]
    blis = NumpyOps(use_blis=True)
    try:
        for layer in layers:
            layer.ops = blis
        theirs = [_reading(d) for d in nlp.pipe(texts, batch_size=len(texts))]
    finally:
        for layer, ops in zip(layers, kept, strict=True):
            layer.ops = ops
    assert len(ours) > 50
    assert ours == theirs
