"""Several processes: each runs the whole extractor on a share of the texts.

Each worker parses its texts and finds their quotes and people itself, and sends back only
the Analysis objects, which are small; spaCy's own ``nlp.pipe(n_process=...)`` would send
every parsed Doc back to be read again in the parent, which costs the parent about as much
as a worker.
A few chunks of texts are in flight at a time, so a stream of any length takes bounded
memory, and the results come back in the order of the texts.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

from .._analysis import Analysis
from .pieces import check_text

CHUNK = 8  # texts per task: small enough to share the work evenly at the end of a run
IN_FLIGHT = 3  # tasks queued per process, so none waits while the parent reads the results


class Piping(Protocol):
    """What a worker runs: an object whose ``pipe_analyses`` yields each text's analysis."""

    def pipe_analyses(
        self, texts: Iterable[str], *, batch_size: int = ...
    ) -> Iterator[Analysis]: ...


# How a worker makes its extractor: a callable (picklable: a class or a module-level
# function) and the keyword arguments to call it with.
Factory = Callable[..., Piping]

_worker: list[tuple[Piping, int]] = []  # this worker's extractor and batch size


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


def is_forking() -> bool:
    """Say whether worker processes start by forking, and so share the parent's memory."""
    return multiprocessing.get_context().get_start_method() == "fork"


def pipe_in_processes(
    texts: Iterable[str],
    factory: Factory,
    settings: dict[str, Any],
    *,
    batch_size: int,
    n_process: int,
) -> Iterator[Analysis]:
    """Yield the analysis of each text, in order, made in n_process processes.

    Args:
        texts: The texts.
        factory: Makes each worker's extractor, called as ``factory(**settings)``.
        settings: Its keyword arguments; a ``spacy.Language`` among them is pickled to
            workers that do not fork, so pass a pipeline's name where one will do.
        batch_size: Texts each worker parses together.
        n_process: The number of processes.
    """
    pool = ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=multiprocessing.get_context(),
        initializer=_start_worker,
        initargs=(factory, settings, batch_size),
    )
    pending: deque[Future[list[Analysis]]] = deque()
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
    chunk: list[str] = []
    for text in texts:
        check_text(text)  # here, so that a bad text fails as it does in one process
        chunk.append(text)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _start_worker(factory: Factory, settings: dict[str, Any], batch_size: int) -> None:
    _worker[:] = [(factory(**settings), batch_size)]


def _extract_chunk(texts: list[str]) -> list[Analysis]:
    extractor, batch_size = _worker[0]
    return list(extractor.pipe_analyses(texts, batch_size=batch_size))
