"""Documents are read and extracted in worker processes, under the reading limits.

Each worker limits its own memory (RLIMIT_AS: what it had when it started plus
IPCOOP_MAX_READ_MEMORY_BYTES), and each document's wall time (an alarm) and CPU time
(RLIMIT_CPU) to IPCOOP_MAX_READ_SECONDS; a worker ends with the process that started it
(PR_SET_PDEATHSIG on Linux). Should a worker stop answering anyway (stuck inside C code), the
process that started it kills it once the time is well past, and every document the pool still
held is read again alone, so that only the one that broke it is rejected.
"""

from __future__ import annotations

import ctypes
import math
import os
import resource
import signal
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from types import FrameType, TracebackType

from ipcoop.ingest import pipeline
from ipcoop.ingest.limits import Limits
from ipcoop.ingest.records import ExtractedReport

Extracted = ExtractedReport | pipeline.IngestError

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_SLOW = "was not read within the time allowed"
_GRACE = 10  # seconds past the limit before a silent worker is killed from outside


class _Expired(BaseException):
    """The document's time is up (a BaseException, so no reader's ``except Exception`` eats it)."""


_armed = False  # whether the alarm may interrupt: only while a document is being read


def _expire(signum: int, frame: FrameType | None) -> None:
    if _armed:
        raise _Expired


def _end_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux); a parent already gone
    before that was set ends it at once."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def _address_space() -> int:
    """This process's virtual memory size in bytes (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def _set_soft(limit: int, value: int) -> None:
    _, hard = resource.getrlimit(limit)
    resource.setrlimit(limit, (value if hard == resource.RLIM_INFINITY else min(value, hard), hard))


def _start(parent: int, limits: Limits) -> None:
    """Worker initializer: die with the parent, limit memory, let the alarms interrupt."""
    _end_with_parent(parent)
    signal.signal(signal.SIGALRM, _expire)
    signal.signal(signal.SIGXCPU, _expire)
    _set_soft(resource.RLIMIT_AS, _address_space() + limits.max_read_memory_bytes)


def _over(source: pipeline.Source, limits: Limits, limit: str, found: str) -> pipeline.IngestError:
    return pipeline.IngestError(f"{source.name}: {limits.over(source.name, limit, found)}")


def _extract(source: pipeline.Source, review_threshold: float, limits: Limits) -> Extracted:
    """One document in a worker, within its time and memory (runs in the worker)."""
    global _armed
    cpu = resource.getrlimit(resource.RLIMIT_CPU)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # whole seconds, rounded up: rounding the time already used down would take up to a second
    # from this document's allowance (with a 1 s limit, nearly all of it)
    used = math.ceil(usage.ru_utime + usage.ru_stime)
    _set_soft(resource.RLIMIT_CPU, used + limits.max_read_seconds)
    _armed = True
    signal.setitimer(signal.ITIMER_REAL, limits.max_read_seconds)
    try:
        return pipeline.extract(source, review_threshold=review_threshold, limits=limits)
    except pipeline.IngestError as error:
        return error
    except _Expired:
        return _over(source, limits, "max_read_seconds", _SLOW)
    except MemoryError:
        return _over(source, limits, "max_read_memory_bytes", "needs more memory to be read")
    finally:
        _armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        resource.setrlimit(resource.RLIMIT_CPU, cpu)


class Extractor:
    """A pool of worker processes extracting documents under the limits.

    ``submit`` a source, then take its ``result`` (the report, or the IngestError that says why
    it was rejected) in the order submitted.
    """

    def __init__(self, workers: int, limits: Limits, review_threshold: float) -> None:
        self.workers = workers
        self.limits = limits
        self.review_threshold = review_threshold
        self._pool: ProcessPoolExecutor | None = None  # started by the first document

    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        pipeline.warm()  # once in this process: every worker forked from it shares the tables
        return ProcessPoolExecutor(workers, initializer=_start, initargs=(os.getpid(), self.limits))

    def __enter__(self) -> Extractor:
        return self

    def __exit__(
        self,
        error_type: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def submit(self, source: pipeline.Source) -> Future[Extracted]:
        """Start extracting one source (in a new pool if a worker broke the last one)."""
        if self._pool is None:
            self._pool = self._new_pool(self.workers)
        try:
            return self._pool.submit(_extract, source, self.review_threshold, self.limits)
        except BrokenProcessPool:
            self._pool.shutdown(cancel_futures=True)
            self._pool = self._new_pool(self.workers)
            return self._pool.submit(_extract, source, self.review_threshold, self.limits)

    def result(self, source: pipeline.Source, future: Future[Extracted]) -> Extracted:
        """The outcome of a submitted source; the oldest unfinished one is always running, so a
        wait past its time means its worker is stuck, and the pool is killed."""
        try:
            return future.result(timeout=self.limits.max_read_seconds + _GRACE)
        except FutureTimeout:
            if self._pool is not None:
                _kill(self._pool)
            return self._timed_out(source)
        except BrokenProcessPool:
            return self._alone(source)

    def _alone(self, source: pipeline.Source) -> Extracted:
        """Read a source again in a pool of its own, after a worker broke the shared pool."""
        pool = self._new_pool(1)
        try:
            future = pool.submit(_extract, source, self.review_threshold, self.limits)
            return future.result(timeout=self.limits.max_read_seconds + _GRACE)
        except FutureTimeout:
            _kill(pool)
            return self._timed_out(source)
        except BrokenProcessPool:
            return _over(
                source,
                self.limits,
                "max_read_memory_bytes",
                "stopped the process reading it (too much memory or time)",
            )
        finally:
            pool.shutdown(cancel_futures=True)

    def _timed_out(self, source: pipeline.Source) -> pipeline.IngestError:
        return _over(
            source, self.limits, "max_read_seconds", "was not read within the time allowed"
        )


def _kill(pool: ProcessPoolExecutor) -> None:
    """Kill a pool's workers (the executor has no public way to reach them)."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()


def extract(
    source: pipeline.Source, limits: Limits, review_threshold: float = 0.7
) -> ExtractedReport:
    """Extract one source in a worker of its own; raises IngestError when it is rejected."""
    with Extractor(1, limits, review_threshold) as extractor:
        outcome = extractor.result(source, extractor.submit(source))
    if isinstance(outcome, pipeline.IngestError):
        raise outcome
    return outcome
