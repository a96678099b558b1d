"""Rules the runner enforces inside the learner's process.

None of this is the security boundary (the sandbox is) and none of it is the source of truth (the
judge checks every output and owns timing, counting and memory limits). It turns the exploits that
kernel-competition platforms have seen into a clear `rejected` verdict instead of a silent win:

- tamper detection: the runner captures the functions it relies on (timers, CUDA events,
  synchronisation, comparisons, copies) before the submission is imported, and reports any that the
  submission replaced;
- tripwires: calling a forbidden API (the lab's own reference under any of its names, starting a
  thread or process that keeps working after the function returns, installing signal handlers or
  trace hooks) is reported to the judge the moment it happens, then raises LabRuleViolation.
"""

import importlib
import re
import sys


class LabRuleViolation(BaseException):
    """Raised by a tripwire. A BaseException, so `except Exception` in a submission does not swallow it
    (the judge has already been told in any case)."""


# Functions the harness relies on; replacing any of them is tampering.
WATCHED = (
    "time.perf_counter",
    "time.perf_counter_ns",
    "time.monotonic",
    "time.monotonic_ns",
    "time.time",
    "time.time_ns",
    "time.process_time",
    "time.process_time_ns",
    "os.read",
    "os.write",
    "resource.setrlimit",
    "torch.allclose",
    "torch.isclose",
    "torch.equal",
    "torch.isfinite",
    "torch.testing.assert_close",
    "torch.Tensor.__eq__",
    "torch.Tensor.cpu",
    "torch.Tensor.to",
    "torch.Tensor.clone",
    "torch.Tensor.contiguous",
    "torch.Tensor.numpy",
    "torch.Tensor.data_ptr",
    "torch.Tensor.storage",
    "torch.cuda.synchronize",
    "torch.cuda.Event",
    "torch.cuda.Event.record",
    "torch.cuda.Event.elapsed_time",
    "torch.cuda.Event.synchronize",
    "torch.cuda.current_stream",
    "torch.cuda.max_memory_allocated",
    "torch.cuda.reset_peak_memory_stats",
    "torch.cuda.memory_allocated",
    "torch.cuda.set_per_process_memory_fraction",
)

# Always forbidden: work that outlives the call, and hooks that run code behind the harness's back.
ALWAYS_FORBIDDEN = (
    "threading.Thread.start",
    "_thread.start_new_thread",
    "_thread.start_new",
    "os.fork",
    "os.forkpty",
    "os.posix_spawn",
    "os.posix_spawnp",
    "os.system",
    "os.popen",
    "subprocess.Popen.__init__",
    "signal.signal",
    "signal.setitimer",
    "signal.alarm",
    "sys.settrace",
    "sys.setprofile",
    "threading.settrace",
    "threading.setprofile",
    "torch.cuda.set_per_process_memory_fraction",
    "torch.cuda.reset_peak_memory_stats",
    "torch.cuda.memory.empty_cache",
)


def _resolve(path):
    """(owner, attribute) for a dotted path such as torch.cuda.Event.record, or None if absent."""
    parts = path.split(".")
    for split in range(len(parts) - 1, 0, -1):
        try:
            owner = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for name in parts[split:-1]:
            owner = getattr(owner, name, None)
            if owner is None:
                return None
        return owner, parts[-1]
    return None


class Guard:
    def __init__(self, report):
        # report(kind, detail) sends a frame to the judge at once.
        self._report = report
        self._expected = {}  # path -> (owner, name, value the path must still hold)
        self._real = {}  # path -> the function captured before any submission code ran
        self._modules = {}

    def capture(self, paths=WATCHED):
        for path in paths:
            found = _resolve(path)
            if found is None:
                continue
            owner, name = found
            if hasattr(owner, name):
                value = getattr(owner, name)
                self._expected[path] = (owner, name, value)
                self._real[path] = value
        for name in ("time", "os", "torch", "resource"):
            if name in sys.modules:
                self._modules[name] = sys.modules[name]

    def tampered(self):
        """Watched functions or modules the submission replaced since capture()."""
        changed = []
        for path, (owner, name, original) in self._expected.items():
            try:
                current = getattr(owner, name)
            except AttributeError:
                changed.append(path)
                continue
            if current is not original and not (_same_function(current, original)):
                changed.append(path)
        for name, module in self._modules.items():
            if sys.modules.get(name) is not module:
                changed.append(f"sys.modules[{name!r}]")
        return changed

    def real(self, path):
        """The function captured before the submission ran (None if this torch lacks it)."""
        return self._real.get(path)

    def install(self, paths, op_pattern=None):
        """Replaces each existing dotted path by a tripwire; blocks torch.ops lookups matching op_pattern."""
        for path in paths:
            self._install_one(path)
        if op_pattern:
            self._block_ops(re.compile(op_pattern))

    def _tripwire(self, label):
        report = self._report

        def tripwire(*_args, **_kwargs):
            report("forbidden", label)
            raise LabRuleViolation(f"{label} is not allowed in this lab")

        tripwire.__name__ = label.rsplit(".", 1)[-1]
        return tripwire

    def _install_one(self, path):
        found = _resolve(path)
        if found is None:
            # Absent in this torch: still plant the tripwire on the owner when it exists, so that a
            # submission probing for the name by getattr finds the tripwire, not an AttributeError.
            parent = _resolve(path.rsplit(".", 1)[0] + ".__name__")
            if parent is None:
                return
            owner, name = parent[0], path.rsplit(".", 1)[-1]
        else:
            owner, name = found
        wire = self._tripwire(path)
        try:
            setattr(owner, name, wire)
        except (AttributeError, TypeError):
            return
        if path in self._expected:
            # A forbidden function that is also watched: the tripwire is now the expected value.
            self._expected[path] = (owner, name, wire)

    def _block_ops(self, pattern):
        """torch.ops.<ns>.<name> and torch._C._jit_get_operation resolve operators by name at run time."""
        torch = sys.modules.get("torch")
        if torch is None:
            return
        report = self._report
        ops_module = sys.modules.get("torch._ops")
        namespace_cls = getattr(ops_module, "_OpNamespace", None)
        if namespace_cls is not None:
            original_getattr = namespace_cls.__getattr__

            def guarded_getattr(ns, op_name):
                if pattern.search(op_name):
                    report("forbidden", f"torch.ops.{getattr(ns, 'name', '?')}.{op_name}")
                    raise LabRuleViolation(f"operator {op_name} is not allowed in this lab")
                return original_getattr(ns, op_name)

            namespace_cls.__getattr__ = guarded_getattr
            for ns_name in ("aten",):
                ns = getattr(torch.ops, ns_name, None)
                if ns is None:
                    continue
                for cached in [k for k in list(vars(ns)) if pattern.search(k)]:
                    try:
                        delattr(ns, cached)
                    except AttributeError:
                        pass
        jit_get = getattr(torch._C, "_jit_get_operation", None)
        if jit_get is not None:

            def guarded_jit_get(name, *args, **kwargs):
                if pattern.search(str(name)):
                    report("forbidden", f"torch._C._jit_get_operation({name!r})")
                    raise LabRuleViolation(f"operator {name} is not allowed in this lab")
                return jit_get(name, *args, **kwargs)

            torch._C._jit_get_operation = guarded_jit_get
        # Plain attributes whose names match (torch._C._nn.scaled_dot_product_attention and friends).
        for owner in (torch, torch._C, getattr(torch._C, "_nn", None), getattr(torch._C, "_VariableFunctions", None)):
            if owner is None:
                continue
            for name in [n for n in dir(owner) if pattern.search(n)]:
                try:
                    setattr(owner, name, self._tripwire(f"{getattr(owner, '__name__', 'torch')}.{name}"))
                except (AttributeError, TypeError):
                    pass


def _same_function(a, b):
    # Bound methods of C types compare equal without being identical.
    try:
        return a == b
    except Exception:
        return False
