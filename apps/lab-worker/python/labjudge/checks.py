"""Output validation and GPU timing helpers shared by the labs' judges."""

import statistics

from .session import Fail


def expect_tensor(reply, value, *, shape, dtype, device, name="the output"):
    """dtype, shape, device and finiteness of a returned tensor, with a message a learner can act on."""
    import torch

    if not isinstance(value, torch.Tensor):
        raise Fail("wrong_answer", f"{name} should be a torch.Tensor, got {type(value).__name__}")
    if tuple(value.shape) != tuple(shape):
        raise Fail("wrong_answer", f"{name} has shape {tuple(value.shape)}, expected {tuple(shape)}")
    if value.dtype != dtype:
        raise Fail("wrong_answer", f"{name} has dtype {value.dtype}, expected {dtype} (the dtype of the inputs)")
    claimed = reply.claimed_device(value) or "cpu"
    if claimed.split(":")[0] != device:
        raise Fail("wrong_answer", f"{name} is on {claimed}, expected {device} (where the inputs were)")
    finite = torch.isfinite(value)
    if not bool(finite.all()):
        index = tuple(int(i) for i in (~finite).nonzero()[0].tolist())
        raise Fail("wrong_answer", f"{name} has a NaN or Inf at index {index}")


def max_error(actual, expected):
    """Largest absolute difference (in float64) and where it is."""
    diff = (actual.double() - expected.double()).abs()
    flat = int(diff.argmax())
    index = []
    for size in reversed(diff.shape):
        index.append(flat % size)
        flat //= size
    return float(diff.max()), tuple(reversed(index))


def median(values):
    return statistics.median(values) if values else None


class GpuClock:
    """CUDA-event timing in the judge's own process, after an L2 flush (for the PyTorch reference)."""

    def __init__(self, torch):
        self.torch = torch
        self.flush = torch.empty(256 * 1024 * 1024, dtype=torch.uint8, device="cuda")

    def time(self, fn, make_args, iterations, warmup=3):
        torch = self.torch
        for i in range(warmup):
            fn(*make_args(-1 - i))
        samples = []
        for i in range(iterations):
            args = make_args(i)
            self.flush.zero_()
            torch.cuda.synchronize()
            start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
            fn(*args)
            end.record()
            torch.cuda.synchronize()
            samples.append(start.elapsed_time(end))
        return median(samples)


def wall_clock_overhead_ms(session, device, samples=7):
    """The judge-measured round trip of a timed call that does nothing: subtracted from every timed call."""
    values = []
    for _ in range(samples):
        reply = session.call("__noop__", (), device=device, timed=True, check_output=False)
        values.append(reply.host_ns / 1e6)
    return median(values)
