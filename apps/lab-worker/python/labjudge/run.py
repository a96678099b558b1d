"""What a lab's judge.py works with: the secret seed, the device, runners, and the list of checks."""

import contextlib
import hashlib
import importlib.util
import os
import secrets
import sys
import time

from .session import Fail, RunnerSession

# Verdicts a lab evaluation can end with (mirrors ZLabVerdict in packages/contracts/src/labs.ts).
VERDICTS = (
    "accepted",
    "wrong_answer",
    "budget_exceeded",
    "time_limit_exceeded",
    "memory_limit_exceeded",
    "runtime_error",
    "compilation_error",
    "rejected",
    "internal_error",
)


class StopEvaluation(Exception):
    pass


# Values derived from the secret seed alone (models, reference outputs), reused across the jobs of a
# batch that share a seed (`lab-grader check`, the tests). A production job is alone in its judge.
_MEMO = {}
_MEMO_LIMIT = 32


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class Run:
    def __init__(self, job, lab, features):
        import torch

        self.torch = torch
        self.job = job
        self.lab = lab
        self.lab_dir = job["labDir"]
        self.features = features
        self.seed = int(job["seed"], 16)
        self.device = "cuda" if features["cuda"] else "cpu"
        self.gpu = self.device == "cuda"
        self.source = job["source"]
        self.limits = job["limits"]
        self.metrics = {}
        self.results = []
        self._main = None
        self._sessions = []
        self._reference = None

    # -- randomness ----------------------------------------------------------------------------

    def derive(self, *tags):
        """A 63-bit seed derived from the secret seed and tags; never sent to the sandbox."""
        text = ":".join([format(self.seed, "x"), *map(str, tags)]).encode()
        return int.from_bytes(hashlib.sha256(text).digest()[:8], "big") >> 1

    def memo(self, key, build):
        """build() once per (lab, secret seed, key) in this judge process."""
        full = (self.lab_dir, self.seed, key)
        if full not in _MEMO:
            if len(_MEMO) >= _MEMO_LIMIT:
                _MEMO.pop(next(iter(_MEMO)))
            _MEMO[full] = build()
        return _MEMO[full]

    def rng(self, *tags):
        g = self.torch.Generator(device="cpu")
        g.manual_seed(self.derive(*tags))
        return g

    # -- runners -------------------------------------------------------------------------------

    def _start(self):
        spec = self.job["runner"]
        # Each runner gets its own name (a container needs one to be killed by).
        session_id = f"{os.getpid()}-{len(self._sessions) + 1}-{secrets.token_hex(4)}"
        fill = lambda argv: [str(a).replace("{session}", session_id) for a in argv]  # noqa: E731
        session = RunnerSession(
            fill(spec["argv"]),
            spec["env"],
            call_timeout=float(self.limits.get("callSec", 60)),
            cpu_limit_sec=self.limits.get("cpuSec"),
            kill_argv=fill(spec["killArgv"]) if spec.get("killArgv") else None,
        )
        self._sessions.append(session)
        session.start()
        return session

    def _load(self, session):
        session.load(self.source, getattr(self.lab, "FORBIDDEN", ()), getattr(self.lab, "FORBIDDEN_OPS", None))

    def runner(self):
        """The main runner with the solution loaded (started on first use)."""
        if self._main is None:
            session = self._start()
            self._main = session
            self._load(session)
        return self._main

    def fresh_runner(self, allowance_bytes=None, prepare=None):
        """A new runner for one measurement. `prepare(session)` runs first (e.g. to `put` inputs); then
        memory is capped (so an allocation made while the solution is imported counts) and the solution
        loaded."""
        session = self._start()
        prepared = prepare(session) if prepare else None
        cap = session.memcap(allowance_bytes) if allowance_bytes is not None else None
        self._load(session)
        return session, prepared, cap

    def reference(self):
        """The lab's reference.py, loaded in the judge (trusted)."""
        if self._reference is None:
            self._reference = load_module(os.path.join(self.lab_dir, "reference.py"), f"lab_reference_{id(self)}")
        return self._reference

    def close(self):
        for session in self._sessions:
            session.close()

    def output(self):
        return "".join(s.output() for s in self._sessions)[-16384:]

    def violations(self):
        return [v for s in self._sessions for v in s.violations]

    # -- checks --------------------------------------------------------------------------------

    @contextlib.contextmanager
    def check(self, name):
        """Records one check. A Fail inside ends the evaluation with that check's verdict."""
        started = time.monotonic()
        entry = {"name": name, "status": "passed"}
        self.results.append(entry)
        try:
            yield entry
        except Fail as f:
            entry.update(status="failed", verdict=f.verdict, message=f.message)
            if f.detail:
                entry["detail"] = str(f.detail)[:4000]
            raise StopEvaluation from None
        finally:
            entry["timeMs"] = round((time.monotonic() - started) * 1000, 1)


def fail(verdict, message, detail=None):
    raise Fail(verdict, message, detail)
