"""The judge's side of one sandboxed runner process."""

import os
import resource
import secrets
import select
import signal
import subprocess
import threading
import time

from labrunner import wire

STDERR_KEEP_BYTES = 16 * 1024


class Fail(Exception):
    """Ends the evaluation with a verdict (the first failing check decides)."""

    def __init__(self, verdict, message, detail=None):
        super().__init__(message)
        self.verdict = verdict
        self.message = message
        self.detail = detail


class RunnerSession:
    """Starts the runner through the sandbox command, and speaks the wire protocol with it.

    Every read has a deadline; when it passes, the whole sandbox is killed (the runner's process group,
    and bubblewrap's --die-with-parent / the container with it)."""

    def __init__(self, argv, env, call_timeout, startup_timeout=60.0, max_frame=wire.MAX_FRAME_BYTES, cpu_limit_sec=None, kill_argv=None):
        self.call_timeout = call_timeout
        self.kill_argv = kill_argv
        self.cpu_limit_sec = cpu_limit_sec
        self._children_cpu_at_start = _children_cpu()
        self.max_frame = max_frame
        self.violations = []
        self.killed_for_time = False
        self._stderr = bytearray()
        self._stderr_dropped = 0
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            close_fds=True,
            start_new_session=True,
        )
        self._stderr_thread = threading.Thread(target=self._drain_stderr, daemon=True)
        self._stderr_thread.start()
        self.fd_in = self.proc.stdout.fileno()
        self.fd_out = self.proc.stdin.fileno()
        self.startup_timeout = startup_timeout
        self.hello = None

    def start(self):
        """Waits for the runner's hello. A sandbox that never says hello is an infrastructure fault."""
        try:
            self.hello, _ = self._expect(("hello",), self.startup_timeout, what="starting the sandbox")
        except Fail as f:
            raise Fail("internal_error", f"the sandbox did not start ({f.message})", self.output()[-2000:]) from None
        return self.hello

    # -- low level -----------------------------------------------------------------------------

    def _drain_stderr(self):
        stream = self.proc.stderr
        while True:
            chunk = stream.read1(65536) if hasattr(stream, "read1") else stream.read(65536)
            if not chunk:
                return
            room = STDERR_KEEP_BYTES - len(self._stderr)
            if room > 0:
                self._stderr.extend(chunk[:room])
            self._stderr_dropped += max(0, len(chunk) - max(room, 0))

    def output(self):
        """What the learner's code printed (capped)."""
        self._stderr_thread.join(timeout=0.5)
        text = self._stderr.decode("utf-8", "replace")
        if self._stderr_dropped:
            text += f"\n… {self._stderr_dropped} more bytes of output dropped"
        return text

    def _send(self, header, blobs=()):
        try:
            wire.write_frame(self.fd_out, header, blobs)
        except (BrokenPipeError, OSError):
            raise self._died() from None

    def _reader(self, deadline):
        def read(n):
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([self.fd_in], [], [], left)
            if not ready:
                raise TimeoutError
            return os.read(self.fd_in, min(n, 1 << 20))

        return read

    def _read(self, deadline):
        try:
            return wire.read_frame(self.fd_in, self._reader(deadline), self.max_frame)
        except TimeoutError:
            self.kill(for_time=True)
            raise Fail("time_limit_exceeded", "the solution ran past the time limit") from None
        except EOFError:
            raise self._died() from None
        except wire.WireError as e:
            self.kill()
            raise Fail("rejected", f"the sandbox sent a malformed message: {e}") from None

    def _expect(self, kinds, timeout, what="", on_frame=None):
        """Reads frames until one of `kinds`, handling violations (and rpc through on_frame)."""
        deadline = time.monotonic() + timeout
        while True:
            header, blobs = self._read(deadline)
            kind = header.get("t")
            if kind == "violation":
                self.violations.append(f"{header.get('kind')}: {header.get('detail')}")
                continue
            if kind == "failed":
                raise Fail(str(header.get("verdict", "runtime_error")), str(header.get("message", "failed")), header.get("trace"))
            if kind in kinds:
                return header, blobs
            if on_frame is not None and on_frame(header, blobs):
                continue
            self.kill()
            raise Fail("rejected", f"unexpected message {kind!r} from the sandbox {what}".strip())

    def _died(self):
        code = self._wait(5.0)
        if self.killed_for_time:
            return Fail("time_limit_exceeded", "the solution ran past the time limit")
        if code is None:
            self.kill()
            return Fail("runtime_error", "the sandbox stopped answering")
        if code < 0:
            sig = -code
            if sig in (signal.SIGXCPU, signal.SIGKILL) and self._cpu_exhausted():
                return Fail("time_limit_exceeded", "the solution used up its CPU time")
            if sig == signal.SIGKILL:
                return Fail("memory_limit_exceeded", "the sandbox was killed (out of memory)")
            name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
            return Fail("runtime_error", f"the solution crashed ({name})")
        if code == 137:
            return Fail("memory_limit_exceeded", "the sandbox was killed (out of memory)")
        return Fail("runtime_error", f"the solution exited (status {code}) before answering")

    def _cpu_exhausted(self):
        """True when the sandbox used (about) all its CPU time: the kernel's RLIMIT_CPU kill."""
        if self.cpu_limit_sec is None:
            return False
        return _children_cpu() - self._children_cpu_at_start >= self.cpu_limit_sec - 0.5

    def _wait(self, timeout):
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self, for_time=False):
        self.killed_for_time = self.killed_for_time or for_time
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                self.proc.kill()
        if self.kill_argv:
            # A container outlives its `docker run` client: remove it by name.
            subprocess.run(self.kill_argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30, check=False)
        self._wait(10.0)

    def close(self):
        if self.proc.poll() is None:
            try:
                wire.write_frame(self.fd_out, {"t": "bye"})
            except OSError:
                pass
            if self._wait(5.0) is None:
                self.kill()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass

    # -- protocol ------------------------------------------------------------------------------

    def load(self, source, forbidden=(), forbidden_ops=None):
        header, _ = self._expect_reply({"t": "load", "source": source, "forbidden": list(forbidden), "forbidden_ops": forbidden_ops}, ("loaded",))
        return header.get("names", [])

    def memcap(self, allowance_bytes, cpu_extra_bytes=0):
        header, blobs = self._expect_reply({"t": "memcap", "allowance_bytes": int(allowance_bytes), "cpu_extra_bytes": int(cpu_extra_bytes)}, ("result",))
        return wire.Decoder(blobs).decode(header.get("value"))

    def put(self, value, device=None):
        enc = wire.Encoder()
        node = enc.encode(value)
        header, _ = self._expect_reply({"t": "put", "value": node, "device": device}, ("result",), enc.blobs)
        return wire.Handle(header["value"]["$handle"])

    def release(self, handle):
        self._expect_reply({"t": "release", "handle": handle.id}, ("result",))

    def _expect_reply(self, header, kinds, blobs=()):
        self._send(header, blobs)
        return self._expect(kinds, self.call_timeout)

    def call(self, fn, args=(), kwargs=None, *, device=None, remotes=None, timed=False, perturb=None, check_output=True, check_inputs=False, keep=False, measure_rss=False, timeout=None, result_device=None):
        """Runs fn (a solution name, or a (handle, method) pair, or (handle, '.attr')) in the runner.

        Returns a Reply with the decoded value (tensors on `result_device`), the runner's meta and, for
        timed calls, the judge's own wall-clock measurement of the call (host_ns): from "go" to "done".
        `perturb` ({"arg", "seed", "scale"}) makes the runner add seeded noise to one input only after
        "go", so nothing can be computed before the clock starts; "done" must carry the output's
        checksum, so it cannot be sent before the work is finished."""
        if isinstance(fn, str):
            ref = {"name": fn}
        else:
            handle, member = fn
            ref = {"handle": handle.id}
            if member and member.startswith("."):
                ref["attr"] = member[1:]
            elif member:
                ref["method"] = member
        enc = wire.Encoder()
        header = {
            "t": "call",
            "fn": ref,
            "args": enc.encode(list(args)),
            "kwargs": enc.encode(dict(kwargs or {})),
            "device": device,
            "opts": {"timed": timed, "check_output": check_output, "check_inputs": check_inputs, "keep": keep, "measure_rss": measure_rss},
        }
        self._send(header, enc.blobs)
        remotes = remotes or {}
        timing = {}

        def on_frame(frame, blobs):
            kind = frame.get("t")
            if kind == "armed":
                timing["sample"] = [secrets.randbelow(2**31) for _ in range(8)]
                timing["t0"] = time.perf_counter_ns()
                self._send({"t": "go", "perturb": perturb, "sample": timing["sample"]})
                return True
            if kind == "done":
                if "t1" in timing or "t0" not in timing:
                    raise Fail("rejected", "the sandbox sent a completion it was not asked for")
                timing["t1"] = time.perf_counter_ns()
                timing["event_ms"] = frame.get("event_ms")
                timing["checksum"] = frame.get("checksum")
                return True
            if kind == "rpc":
                self._answer_rpc(frame, blobs, remotes, result_device)
                return True
            return False

        self._rpc_failure = None
        try:
            header, blobs = self._expect(("result",), timeout or self.call_timeout, on_frame=on_frame)
        except Fail:
            if self._rpc_failure is not None:
                raise self._rpc_failure from None
            raise
        if self._rpc_failure is not None:
            # A judge-side object refused a call (e.g. wrong weights): that decides the check, even if
            # the learner's code caught the error it got.
            raise self._rpc_failure
        value_node = header.get("value")
        if isinstance(value_node, dict) and "$handle" in value_node:
            value, decoder = wire.Handle(value_node["$handle"]), None
        else:
            decoder = wire.Decoder(blobs, device=result_device)
            try:
                value = decoder.decode(value_node)
            except wire.WireError as e:
                raise Fail("wrong_answer", f"the result cannot be read: {e}") from None
        host_ns = timing["t1"] - timing["t0"] if "t1" in timing and "t0" in timing else None
        if timed and not wire.checksums_match(timing.get("checksum"), wire.checksum(value, timing.get("sample", []))):
            raise Fail("rejected", "the timed call said it was done before its output existed (the completion proof does not match the output)")
        return Reply(value, header.get("meta", {}), host_ns, timing.get("event_ms"), decoder)

    def _answer_rpc(self, frame, blobs, remotes, device):
        name = frame.get("remote")
        method = frame.get("method")
        target = remotes.get(name)
        handler = None
        if target is not None and isinstance(method, str):
            handler = getattr(target, "rpc_call" if method == "__call__" else "rpc_" + method, None)
        if handler is None:
            self._send({"t": "rpc_err", "message": f"{name} has no method {method}"})
            return
        try:
            dec = wire.Decoder(blobs, device=device)
            args = dec.decode(frame.get("args", []))
            kwargs = dec.decode(frame.get("kwargs", {"$dict": {}}))
            result = handler(*args, **kwargs)
        except Fail as e:
            self._rpc_failure = self._rpc_failure or e
            self._send({"t": "rpc_err", "message": e.message[:500]})
            return
        except (wire.WireError, TypeError, ValueError) as e:
            self._send({"t": "rpc_err", "message": str(e)[:500]})
            return
        enc = wire.Encoder()
        node = enc.encode(result)
        self._send({"t": "rpc_ok", "value": node}, enc.blobs)


def _children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Reply:
    __slots__ = ("value", "meta", "host_ns", "event_ms", "decoder")

    def __init__(self, value, meta, host_ns, event_ms, decoder):
        self.value = value
        self.meta = meta
        self.host_ns = host_ns
        self.event_ms = event_ms
        self.decoder = decoder

    def claimed_device(self, tensor):
        return wire.claimed_device(self.decoder, tensor) if self.decoder else None
