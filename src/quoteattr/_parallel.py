"""Several processes: each runs the whole extractor on a share of the texts.

Each worker parses its texts and finds their quotes itself, and sends back only the Quote
objects, which are small; spaCy's own ``nlp.pipe(n_process=...)`` would send every parsed
Doc back to be read again in the parent, which costs the parent about as much as a worker.
A few chunks of texts are in flight at a time, so a stream of any length takes bounded
memory, and the results come back in the order of the texts.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from ._types import Quote

if TYPE_CHECKING:
    from ._extract import Extractor

CHUNK = 8  # texts per task: small enough to share the work evenly at the end of a run
IN_FLIGHT = 3  # tasks queued per process, so none waits while the parent reads the results

_worker: list[tuple[Extractor, int]] = []  # this worker's extractor and batch size


def process_count(n_process: object) -> int:
    """Return the number of processes n_process asks for (-1: one per CPU).

    Raises:
        TypeError: n_process is not an int.
        ValueError: n_process is 0 or less than -1.
    """
    if not isinstance(n_process, int) or isinstance(n_process, bool):
        raise TypeError(f"n_process must be an int, not {type(n_process).__name__}")
    if n_process == -1:
        return os.cpu_count() or 1
    if n_process < 1:
        raise ValueError(f"n_process must be a positive number of processes or -1, not {n_process}")
    return n_process


def pipe_in_processes(
    extractor: Extractor, texts: Iterable[str], *, batch_size: int, n_process: int
) -> Iterator[list[Quote]]:
    """Yield the quotes of each text, in order, extracting them in n_process processes.

    The workers start by the platform's default method. Forked workers (Linux) share the
    parent's pipeline; others load the pipeline by name, or get a pickled copy of the
    ``spacy.Language`` the extractor was given.
    """
    from spacy.language import Language

    context = multiprocessing.get_context()
    nlp: Any = extractor.nlp
    if context.get_start_method() != "fork" and not isinstance(extractor._nlp_arg, Language):
        nlp = extractor._nlp_arg  # a name or None: cheaper to load than to pickle
    kinds = None if extractor.kinds is None else sorted(k.value for k in extractor.kinds)
    pool = ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=context,
        initializer=_start_worker,
        initargs=(nlp, kinds, extractor.mode, batch_size),
    )
    pending: deque[Future[list[list[Quote]]]] = deque()
    try:
        for chunk in _chunks(texts, min(CHUNK, batch_size)):
            pending.append(pool.submit(_extract_chunk, chunk))
            while len(pending) >= IN_FLIGHT * n_process:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    from ._extract import _check_text

    chunk: list[str] = []
    for text in texts:
        _check_text(text)  # here, so that a bad text fails as it does in one process
        chunk.append(text)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _start_worker(nlp: Any, kinds: list[str] | None, mode: str, batch_size: int) -> None:
    from ._extract import Extractor

    _worker[:] = [(Extractor(nlp, kinds=kinds, mode=mode), batch_size)]


def _extract_chunk(texts: list[str]) -> list[list[Quote]]:
    extractor, batch_size = _worker[0]
    return list(extractor.pipe(texts, batch_size=batch_size))
