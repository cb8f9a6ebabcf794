"""A second process for `sop check` on a large handbook: a fork that sends back plain results.

Only `sop check` asks for it (``workers`` > 1), and only on a system with ``fork``. Whatever the
child fails to deliver is done again here, with a warning, so nothing is ever lost to it.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

log = logging.getLogger("sop.check")

# Below this many SOPs a second process costs more than it saves.
WORTH_FROM = 2000

# Items per block of map_shared: small enough that both processes finish close together.
_BATCH = 50


def available(workers: int, items: int) -> bool:
    return workers > 1 and items >= WORTH_FROM and hasattr(os, "fork")


def in_child(child_work: Callable[[], list[R]], own_work: Callable[[], list[R]]) -> list[R]:
    """Run ``child_work`` in a fork and ``own_work`` here, at the same time; both results."""
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError as exc:  # no process to spare (a container's limit): all of it here
        os.close(read_end)
        os.close(write_end)
        _no_fork(exc)
        return own_work() + child_work()
    if pid == 0:  # the child: compute, send, and leave without running anything of the parent's
        os.close(read_end)
        try:
            data = pickle.dumps(child_work(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
        finally:
            os._exit(0)
    os.close(write_end)
    mine = own_work()
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        _failed(status)
        return mine + child_work()
    found: list[R] = pickle.loads(data)
    return mine + found


def map_shared(func: Callable[[T], R], items: Sequence[T], child_share: float) -> Iterator[R]:
    """``func`` of each item, in order; a fork computes about ``child_share`` of them meanwhile.

    The items go in blocks, some to the fork and the rest here, spread evenly, so both processes
    work all along: the fork writes each block's results to a spool file and its size to a pipe,
    and this process reads a block back when its turn comes. The caller consumes each result before
    asking for the next, so neither process ever holds all of them: a result may be a parsed file.
    """
    blocks = [range(start, min(start + _BATCH, len(items))) for start in range(0, len(items), _BATCH)]
    theirs = [int((j + 1) * child_share) > int(j * child_share) for j in range(len(blocks))]
    try:
        spool = tempfile.TemporaryFile()
    except OSError as exc:  # nowhere to write a temporary file: all of it here
        _no_fork(exc)
        yield from map(func, items)
        return
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError as exc:  # no process to spare (a container's limit): all of it here
        for end in (read_end, write_end):
            os.close(end)
        spool.close()
        _no_fork(exc)
        yield from map(func, items)
        return
    with spool:
        if pid == 0:  # the child: its blocks in order, each written whole before its size is sent
            os.close(read_end)
            status = 1
            try:
                for block, child in zip(blocks, theirs, strict=True):
                    if child:
                        data = pickle.dumps([func(items[i]) for i in block], protocol=pickle.HIGHEST_PROTOCOL)
                        spool.write(data)
                        spool.flush()
                        os.write(write_end, len(data).to_bytes(8, "little"))
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        offset, gone, done = 0, False, False
        try:
            with os.fdopen(read_end, "rb") as sizes:
                for block, child in zip(blocks, theirs, strict=True):
                    size = sizes.read(8) if child and not gone else b""
                    if len(size) == 8:
                        data = os.pread(spool.fileno(), int.from_bytes(size, "little"), offset)
                        offset += len(data)
                        yield from pickle.loads(data)
                        continue
                    gone = gone or child  # the pipe ended early: the fork stopped, its blocks are done here
                    for i in block:
                        yield func(items[i])
            done = True
        finally:
            if not done:  # the caller stopped early: the fork's results are no longer wanted
                os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
        if gone:
            _failed(status)


def _no_fork(exc: OSError) -> None:
    log.warning("proses kedua tidak dapat dibuat (%s); pemeriksaan berjalan dalam satu proses", exc.strerror or exc)


def _failed(status: int) -> None:
    # The child's part is done again in this process rather than lost, and the user is told why
    # `sop check` took longer than usual.
    reason = f"status {os.waitstatus_to_exitcode(status)}" if status else "tanpa hasil"
    log.warning("pemeriksaan paralel gagal (proses kedua selesai %s); diulang dalam satu proses", reason)
