"""The journal that makes a load too large for one transaction all-or-nothing.

A journaled load is a `(:LoadRun)` node written first in its own transaction (who runs it:
host and pid; when it started; a heartbeat each batch bumps), then batches that tag what they
create and save a before-image of what they change (graph.cypher_write), then one transaction
marking the run complete, then the clean-up of its bookkeeping. A run found unfinished whose
client is gone is rolled back before anything else is written; one whose client is alive
blocks other writes.

>>> with driver.session() as s:                                    # doctest: +SKIP
...     settle(s, notify=print)   # roll back what an interrupted load left
"""
from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from typing import Callable

from graph import cypher_write as q
from graph.errors import DatabaseError

# A client that has not bumped its heartbeat for this long is taken to be gone, even if a
# process with its pid runs on the same host (pids are reused); a batch takes seconds.
STALE_AFTER_S = 600


class RunAborted(DatabaseError):
    """This load's run was rolled back by another client (it took this one for dead)."""


@dataclass(frozen=True)
class Run:
    id: str
    state: str
    host: str
    pid: int
    started: str
    sources: list
    idle: int

    def client_alive(self) -> bool:
        if self.idle is not None and self.idle > STALE_AFTER_S:
            return False
        if self.host != socket.gethostname():
            return True  # another machine: its heartbeat is all there is to go by
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True  # exists, owned by someone else
        return True

    def shown_sources(self) -> str:
        more = f" … (+{len(self.sources) - 3})" if len(self.sources) > 3 else ""
        return ", ".join(self.sources[:3]) + more or "-"


def runs(session) -> list[Run]:
    return [Run(r["id"], r["state"], r["host"], r["pid"], r["started"], list(r["sources"] or []), r["idle"])
            for r in session.run(q.RUNS)]


def start(session, sources: list[str], rows: int) -> str:
    run = str(uuid.uuid4())
    session.execute_write(lambda tx: tx.run(q.RUN_START, run=run, host=socket.gethostname(), pid=os.getpid(),
                                            sources=sources, rows=rows).consume())
    return run


def beat(tx, run: str) -> None:
    """Inside each batch transaction: fails it if the run is no longer running."""
    if tx.run(q.RUN_BEAT, run=run).single() is None:
        raise RunAborted(f"this load was rolled back by another client meanwhile (run {run}); load again")


def complete(session, run: str) -> None:
    if session.execute_write(lambda tx: tx.run(q.RUN_COMPLETE, run=run).single()) is None:
        raise RunAborted(f"this load was rolled back by another client meanwhile (run {run}); load again")


def clean_up(session, run: str) -> None:
    """After completion: the run's tags, before-images and run node go; the data stays."""
    for statement in (q.UNTAG_RELS, q.UNTAG_NODES, q.DROP_UNDO, q.DROP_RUN):
        session.run(statement, run=run).consume()


def roll_back(session, run: str) -> None:
    """Created facts deleted, changed ones restored, bookkeeping dropped. Each step can be run
    again: a rollback that is itself interrupted is finished by the next one."""
    session.execute_write(lambda tx: tx.run(q.RUN_ROLLING_BACK, run=run).consume())
    for statement in (q.DELETE_CREATED_RELS, q.DELETE_CREATED_NODES, q.RESTORE_BEFORE_IMAGES, q.DROP_RUN):
        session.run(statement, run=run).consume()


def settle(session, notify: Callable[[str], None]) -> None:
    """Before a write: finish the clean-up of completed runs, roll back runs whose client is
    gone, and refuse while another client's load is still running."""
    for r in runs(session):
        if r.state == "complete":
            clean_up(session, r.id)
        elif r.state == "rolling back" or not r.client_alive():
            roll_back(session, r.id)
            notify(f"已回滚一次中断的导入（来源 {r.shown_sources()}，开始于 {r.started[:19]}）; "
                   f"rolled back an interrupted load (sources {r.shown_sources()}, started {r.started[:19]})")
        else:
            raise DatabaseError(
                f"另一个导入正在进行（主机 {r.host}，进程 {r.pid}，开始于 {r.started[:19]}）; "
                f"another load is running (host {r.host}, pid {r.pid}, started {r.started[:19]}): wait for it "
                f"to finish; if it was interrupted, it is rolled back once it has made no progress "
                f"for {STALE_AFTER_S // 60} minutes")
