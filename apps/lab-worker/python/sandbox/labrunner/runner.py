"""The runner: the only process that runs learner code. It lives inside the sandbox.

It speaks the wire protocol on the stdin/stdout it was started with (moved to private descriptors
first; the learner's prints go to stderr, which the judge reads with a size cap). The judge sends
`load` (the source), `put`/`call`/`memcap`/`bye`; during a call the learner's code may call objects
that live on the judge's side (models), which become `rpc` frames. The runner never sees a seed, a
reference output, a tolerance or a secret: it runs what it is given and reports what came back.
"""

import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from labrunner import guard as guard_module  # noqa: E402
from labrunner import wire  # noqa: E402

SOLUTION_FILE = "solution.py"
MAX_TRACE = 4000


class Runner:
    def __init__(self, fd_in, fd_out):
        self.fd_in = fd_in
        self.fd_out = fd_out
        self.handles = {}
        self.next_handle = 1
        self.module = None
        self.guard = guard_module.Guard(self.report)
        self.l2_flush = None
        self.peak_baseline = None
        self.torch = None

    # -- channel -------------------------------------------------------------------------------

    def send(self, header, blobs=()):
        wire.write_frame(self.fd_out, header, blobs)

    def send_value(self, kind, value, extra=None):
        enc = wire.Encoder(on_other=self._unsendable)
        node = enc.encode(value)
        self.send({"t": kind, "value": node, **(extra or {})}, enc.blobs)

    def recv(self):
        return wire.read_frame(self.fd_in)

    def report(self, kind, detail):
        """Tripwires call this the moment a rule is broken; the judge records it for good."""
        try:
            self.send({"t": "violation", "kind": kind, "detail": str(detail)[:500]})
        except OSError:
            pass

    @staticmethod
    def _unsendable(value):
        raise wire.WireError(f"the function returned an object of type {type(value).__name__}, which cannot be graded")

    # -- setup ---------------------------------------------------------------------------------

    def start(self):
        import torch

        self.torch = torch
        threads = int(os.environ.get("LAB_THREADS", "1"))
        torch.set_num_threads(max(1, threads))
        self.guard.capture()
        cuda = torch.cuda.is_available()
        self.device = "cuda" if cuda else "cpu"
        hello = {
            "t": "hello",
            "python": sys.version.split()[0],
            "torch": torch.__version__,
            "cuda": cuda,
            "device": torch.cuda.get_device_name(0) if cuda else "cpu",
            "threads": torch.get_num_threads(),
        }
        self.send(hello)

    # -- messages ------------------------------------------------------------------------------

    def serve(self):
        while True:
            header, blobs = self.recv()
            kind = header.get("t")
            if kind == "bye":
                return
            handler = getattr(self, "on_" + str(kind), None)
            if handler is None:
                self.send({"t": "failed", "verdict": "internal_error", "message": f"unknown message {kind!r}"})
                continue
            handler(header, blobs)
            self._flush_learner_output()

    def on_load(self, header, _blobs):
        self.guard.install(
            list(guard_module.ALWAYS_FORBIDDEN) + list(header.get("forbidden", [])),
            header.get("forbidden_ops"),
        )
        source = header.get("source", "")
        try:
            code = compile(source, SOLUTION_FILE, "exec", dont_inherit=True)
        except SyntaxError as e:
            self.send(
                {
                    "t": "failed",
                    "verdict": "compilation_error",
                    "message": f"{SOLUTION_FILE}:{e.lineno}:{e.offset or 0}: {e.msg}",
                    "line": e.lineno,
                }
            )
            return
        import types

        module = types.ModuleType("solution")
        module.__file__ = SOLUTION_FILE
        sys.modules["solution"] = module
        try:
            exec(code, module.__dict__)
        except BaseException as e:  # noqa: BLE001 - learner code may raise anything
            self._send_failure(e, when="while importing the solution")
            return
        tampered = self.guard.tampered()
        if tampered:
            self.report("tampered", ", ".join(tampered))
            self.send({"t": "failed", "verdict": "rejected", "message": f"the solution replaced {', '.join(tampered)}"})
            return
        self.module = module
        names = [n for n in dir(module) if not n.startswith("_")]
        self.send({"t": "loaded", "names": names})

    def on_put(self, header, blobs):
        dec = wire.Decoder(blobs, device=header.get("device"))
        value = dec.decode(header.get("value"))
        self.send({"t": "result", "value": {"$handle": self._keep(value)}})

    def on_release(self, header, _blobs):
        self.handles.pop(header.get("handle"), None)
        self.send({"t": "result", "value": None})

    def on_memcap(self, header, _blobs):
        """Caps memory from here on: address space on the CPU, the caching allocator on a GPU. Sent
        before `load`, so memory a solution grabs at import time counts too."""
        import resource

        allowance = int(header["allowance_bytes"])
        torch = self.torch
        _warm_up(torch)
        info = {}
        if self.device == "cuda":
            real_fraction = self.guard.real("torch.cuda.set_per_process_memory_fraction")
            real_reset = self.guard.real("torch.cuda.reset_peak_memory_stats")
            total = torch.cuda.get_device_properties(0).total_memory
            base = torch.cuda.memory_allocated()
            real_fraction(min(1.0, (base + allowance) / total))
            real_reset()
            self.peak_baseline = base
            info = {"gpu_base_bytes": base, "gpu_cap_bytes": base + allowance}
        vm = _status_kb("VmSize") * 1024
        limit = vm + allowance + int(header.get("cpu_extra_bytes", 0))
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        _reset_peak_rss()
        info.update({"vm_bytes": vm, "as_limit_bytes": limit, "rss_bytes": _status_kb("VmRSS") * 1024})
        self.send({"t": "result", "value": {"$dict": info}})

    def on_call(self, header, blobs):
        torch = self.torch
        if self.module is None:
            self.send({"t": "failed", "verdict": "internal_error", "message": "no solution loaded"})
            return
        opts = header.get("opts", {})
        device = header.get("device") or None
        dec = wire.Decoder(blobs, remote=self._make_remote, handle=self._get_handle, device=device)
        try:
            args = dec.decode(header.get("args", []))
            kwargs = dec.decode(header.get("kwargs", {"$dict": {}}))
            target = self._resolve(header.get("fn", {}))
        except (wire.WireError, KeyError, AttributeError, TypeError) as e:
            self.send({"t": "failed", "verdict": "runtime_error", "message": str(e)})
            return
        inputs = [t for t in _tensors([args, kwargs]) if isinstance(t, torch.Tensor)]
        clone = self.guard.real("torch.Tensor.clone")
        snapshots = [(t, clone(t)) for t in inputs] if opts.get("check_inputs") else []
        perf_ns = self.guard.real("time.perf_counter_ns")
        cuda = self.device == "cuda"
        sync = self.guard.real("torch.cuda.synchronize") if cuda else None
        event_cls = self.guard.real("torch.cuda.Event") if cuda else None
        timed = bool(opts.get("timed"))
        go = {}
        if timed:
            if cuda:
                self._flush_l2(sync)
            self.send({"t": "armed"})
            go, _ = self.recv()
            if go.get("t") != "go":
                self.send({"t": "failed", "verdict": "internal_error", "message": "expected go"})
                return
            if go.get("perturb"):
                # The judge's clock is running: one input changes now, by noise from a seed sent only
                # with "go", so no output can have been computed before the clock started.
                args = list(args)
                index, seed, scale = go["perturb"]["arg"], go["perturb"]["seed"], go["perturb"]["scale"]
                args[index] = wire.perturbed(args[index], seed, scale)
                inputs.append(args[index])
        start_event = end_event = None
        if cuda:
            start_event, end_event = event_cls(enable_timing=True), event_cls(enable_timing=True)
            self.guard.real("torch.cuda.Event.record")(start_event)
        t0 = perf_ns()
        try:
            value = target(*args, **kwargs)
            if cuda:
                self.guard.real("torch.cuda.Event.record")(end_event)
                sync()  # device-wide: work left on any stream finishes inside the judge's clock
        except BaseException as e:  # noqa: BLE001
            self._send_failure(e)
            return
        t1 = perf_ns()
        meta = {"self_ns": t1 - t0}
        if cuda:
            meta["event_ms"] = self.guard.real("torch.cuda.Event.elapsed_time")(start_event, end_event)
        if timed:
            # Proof of completion: the output's sum and a few of its values at places chosen with "go".
            meta["checksum"] = wire.checksum(value, go.get("sample", []))
            self.send({"t": "done", **meta})
        tampered = self.guard.tampered()
        if tampered:
            self.report("tampered", ", ".join(tampered))
            self.send({"t": "failed", "verdict": "rejected", "message": f"the solution replaced {', '.join(tampered)}"})
            return
        if self.peak_baseline is not None and cuda:
            meta["gpu_peak_extra_bytes"] = self.guard.real("torch.cuda.max_memory_allocated")() - self.peak_baseline
        if opts.get("measure_rss"):
            meta["peak_rss_bytes"] = _status_kb("VmHWM") * 1024
        if opts.get("check_output"):
            problem = self._output_problem(value, inputs, snapshots)
            if problem:
                self.send({"t": "failed", "verdict": "wrong_answer", "message": problem})
                return
        if opts.get("keep"):
            self.send({"t": "result", "value": {"$handle": self._keep(value)}, "meta": meta})
            return
        try:
            self.send_value("result", value, {"meta": meta})
        except wire.WireError as e:
            self.send({"t": "failed", "verdict": "wrong_answer", "message": str(e)})
        except MemoryError:
            self.send({"t": "failed", "verdict": "memory_limit_exceeded", "message": "out of memory while returning the result"})

    # -- helpers -------------------------------------------------------------------------------

    def _resolve(self, ref):
        if "handle" in ref:
            obj = self._get_handle(ref["handle"])
            if "method" in ref:
                return getattr(obj, ref["method"])
            if "attr" in ref:
                name = ref["attr"]
                return lambda: getattr(obj, name)
            return lambda: obj
        name = ref.get("name", "")
        if name == "__noop__":  # the judge times this to learn the channel's own round trip
            return _noop
        if not isinstance(name, str) or not hasattr(self.module, name):
            raise AttributeError(f"the solution does not define {name}")
        return getattr(self.module, name)

    def _keep(self, value):
        handle = self.next_handle
        self.next_handle += 1
        self.handles[handle] = value
        return handle

    def _get_handle(self, handle):
        if handle not in self.handles:
            raise KeyError(f"unknown handle {handle}")
        return self.handles[handle]

    def _make_remote(self, node):
        return RemoteObject(self, str(node["$remote"]), wire.Decoder([]).decode(node.get("attrs", {"$dict": {}})))

    def rpc(self, remote, method, args, kwargs):
        enc = wire.Encoder(on_other=self._unsendable)
        header = {"t": "rpc", "remote": remote, "method": method, "args": enc.encode(list(args)), "kwargs": enc.encode(dict(kwargs))}
        self.send(header, enc.blobs)
        reply, blobs = self.recv()
        if reply.get("t") == "rpc_ok":
            return wire.Decoder(blobs, device=self.device if self.device != "cpu" else None).decode(reply.get("value"))
        raise RuntimeError(reply.get("message", "the call was refused"))

    def _flush_l2(self, sync):
        """Overwrites a buffer larger than any GPU's L2 cache, so each timed run starts cold."""
        if self.l2_flush is None:
            self.l2_flush = self.torch.empty(256 * 1024 * 1024, dtype=self.torch.uint8, device="cuda")
        self.l2_flush.zero_()
        sync()

    def _output_problem(self, value, inputs, snapshots):
        torch = self.torch
        outputs = list(_tensors(value))
        for out in outputs:
            if type(out) is not torch.Tensor:
                return f"the function returned a {type(out).__name__}; return a plain torch.Tensor"
        for out in outputs:
            for i, t in enumerate(inputs):
                if _overlap(out, t):
                    return f"the output shares memory with input #{i + 1}; return a new tensor"
        equal = self.guard.real("torch.equal")
        for i, (t, before) in enumerate(snapshots):
            if not equal(t, before):
                return f"the function modified its input #{i + 1}; inputs are read-only"
        return None

    def _send_failure(self, error, when=""):
        verdict, message = classify(error)
        trace = _learner_trace(error)
        if when:
            message = f"{message} ({when})"
        self.send({"t": "failed", "verdict": verdict, "message": message, "trace": trace})

    @staticmethod
    def _flush_learner_output():
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001
                pass


class RemoteObject:
    """What the learner's code sees of an object that lives on the judge's side: calls become rpc frames."""

    __slots__ = ("_runner", "_name", "_attrs")

    def __init__(self, runner, name, attrs):
        object.__setattr__(self, "_runner", runner)
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_attrs", attrs)

    def __call__(self, *args, **kwargs):
        return self._runner.rpc(self._name, "__call__", args, kwargs)

    def __getattr__(self, attr):
        attrs = object.__getattribute__(self, "_attrs")
        if attr in attrs:
            return attrs[attr]
        if attr.startswith("_"):
            raise AttributeError(attr)
        runner, name = object.__getattribute__(self, "_runner"), object.__getattribute__(self, "_name")
        return lambda *args, **kwargs: runner.rpc(name, attr, args, kwargs)

    def __repr__(self):
        return f"<{object.__getattribute__(self, '_name')} (runs in the judge)>"


def _noop(*_args, **_kwargs):
    return None


def _warm_up(torch):
    """Runs the kernels labs use once, so buffers they allocate on first use (OpenBLAS grabs ~100 MiB
    of address space) exist before a memory cap, not inside it."""
    a = torch.randn(256, 256)
    b = (a @ a.t()).softmax(-1)
    torch.exp(b - b.max(-1, keepdim=True).values).sum(-1)
    torch.cat([a, b]).masked_fill(a.new_ones(512, 256, dtype=torch.bool), 0.0)
    (a.double() @ a.double()).float()


def classify(error):
    """Verdict and one-line message for an exception raised by learner code."""
    if isinstance(error, guard_module.LabRuleViolation):
        return "rejected", str(error)
    text = f"{type(error).__name__}: {error}"
    if isinstance(error, MemoryError) or (
        isinstance(error, RuntimeError) and ("can't allocate memory" in str(error) or "out of memory" in str(error))
    ):
        return "memory_limit_exceeded", text[:500]
    return "runtime_error", text[:1000]


def _learner_trace(error):
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == SOLUTION_FILE]
    lines = [f'  line {f.lineno}, in {f.name}: {(f.line or "").strip()}' for f in frames[-8:]]
    lines.append(f"{type(error).__name__}: {error}")
    return "\n".join(lines)[-MAX_TRACE:]


def _tensors(value):
    if isinstance(value, (list, tuple)):
        for v in value:
            yield from _tensors(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _tensors(v)
    elif not isinstance(value, RemoteObject) and hasattr(value, "data_ptr") and hasattr(value, "dtype"):
        yield value


def _storage_span(t):
    storage = t.untyped_storage() if hasattr(t, "untyped_storage") else t.storage()
    start = storage.data_ptr()
    return start, start + storage.nbytes()


def _overlap(a, b):
    if a.device != b.device:
        return False
    a0, a1 = _storage_span(a)
    b0, b1 = _storage_span(b)
    return a0 < b1 and b0 < a1 and a1 > a0 and b1 > b0


def _status_kb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak_rss():
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def main():
    fd_in, fd_out = os.dup(0), os.dup(1)
    os.set_inheritable(fd_in, False)
    os.set_inheritable(fd_out, False)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)  # the learner's prints join stderr, which the judge reads with a cap
    sys.stdout.reconfigure(line_buffering=True)
    runner = Runner(fd_in, fd_out)
    try:
        runner.start()
        runner.serve()
    except (EOFError, BrokenPipeError):
        pass
    except wire.WireError as e:
        try:
            runner.send({"t": "failed", "verdict": "internal_error", "message": f"protocol: {e}"})
        except OSError:
            pass
    os._exit(0)


if __name__ == "__main__":
    main()
