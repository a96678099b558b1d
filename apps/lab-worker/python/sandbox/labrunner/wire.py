"""Messages between the judge (trusted) and the runner (inside the sandbox).

A frame is b"LAB1", a 4-byte big-endian header length, a JSON header, then the binary blobs the
header lists (tensor data). Nothing is ever pickled: a frame from the runner is untrusted input, so
the decoder only builds plain values and tensors from raw bytes of an allow-listed dtype, within
size limits.
"""

import json
import math
import os
import struct

MAGIC = b"LAB1"
MAX_HEADER_BYTES = 4 * 1024 * 1024
MAX_FRAME_BYTES = 160 * 1024 * 1024  # the largest output a lab returns (GPU timing) is 32 MiB
MAX_DEPTH = 32
MAX_ITEMS = 200_000

DTYPES = (
    "float16",
    "bfloat16",
    "float32",
    "float64",
    "int64",
    "int32",
    "int16",
    "int8",
    "uint8",
    "bool",
)


class WireError(Exception):
    """A malformed, oversized or unexpected frame."""


class Remote:
    """A reference to an object that lives on the judge's side (a model). `attrs` are plain values the
    runner's proxy exposes as attributes (e.g. a model's vocabulary size)."""

    __slots__ = ("name", "attrs")

    def __init__(self, name, attrs=None):
        self.name = name
        self.attrs = attrs or {}


class Handle:
    """A reference to an object that lives in the runner (a learner's scaler, a list of weights)."""

    __slots__ = ("id",)

    def __init__(self, id):
        self.id = id


# ---------------------------------------------------------------------------
# framing


def write_frame(fd, header, blobs=()):
    header = dict(header)
    header["blobs"] = [len(b) for b in blobs]
    body = json.dumps(header, separators=(",", ":"), allow_nan=False).encode("utf-8")
    parts = [MAGIC, struct.pack(">I", len(body)), body, *blobs]
    data = b"".join(bytes(p) if not isinstance(p, (bytes, bytearray)) else p for p in parts)
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def read_exact(fd, n, reader=None):
    """Reads exactly n bytes from fd (or through `reader(n)`, which may raise on timeout)."""
    chunks = []
    left = n
    while left > 0:
        chunk = reader(left) if reader else os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError("the other side closed the channel")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_frame(fd, reader=None, max_frame=MAX_FRAME_BYTES):
    head = read_exact(fd, 8, reader)
    if head[:4] != MAGIC:
        raise WireError("bad frame marker (something else wrote to the harness channel)")
    (size,) = struct.unpack(">I", head[4:])
    if size > MAX_HEADER_BYTES:
        raise WireError(f"frame header of {size} bytes is over the limit")
    try:
        header = json.loads(read_exact(fd, size, reader).decode("utf-8"))
    except ValueError as e:
        raise WireError(f"frame header is not JSON: {e}") from None
    if not isinstance(header, dict):
        raise WireError("frame header is not an object")
    lengths = header.get("blobs", [])
    if not isinstance(lengths, list) or not all(isinstance(n, int) and n >= 0 for n in lengths):
        raise WireError("bad blob list")
    if sum(lengths) > max_frame:
        raise WireError(f"frame of {sum(lengths)} bytes is over the {max_frame}-byte limit")
    blobs = [read_exact(fd, n, reader) for n in lengths]
    return header, blobs


# ---------------------------------------------------------------------------
# values


def _torch():
    import torch

    return torch


def tensor_bytes(t):
    """Raw little-endian bytes of a tensor (copied to the CPU, contiguous)."""
    torch = _torch()
    t = t.detach()
    if t.device.type != "cpu":
        t = t.cpu()
    t = t.contiguous()
    if t.dtype == torch.bfloat16:
        t = t.view(torch.int16)
    return t.numpy().tobytes()


def tensor_from_bytes(raw, dtype_name, shape):
    torch = _torch()
    if dtype_name not in DTYPES:
        raise WireError(f"dtype {dtype_name!r} is not allowed")
    if not isinstance(shape, list) or len(shape) > 8 or not all(isinstance(s, int) and s >= 0 for s in shape):
        raise WireError("bad tensor shape")
    dtype = getattr(torch, dtype_name)
    storage_dtype = torch.int16 if dtype == torch.bfloat16 else dtype
    itemsize = torch.empty((), dtype=storage_dtype).element_size()
    numel = math.prod(shape)
    if numel * itemsize != len(raw):
        raise WireError(f"tensor of shape {shape} and dtype {dtype_name} needs {numel * itemsize} bytes, got {len(raw)}")
    if numel == 0:
        return torch.empty(shape, dtype=dtype)
    t = torch.frombuffer(bytearray(raw), dtype=storage_dtype).reshape(shape)
    return t.view(dtype) if dtype == torch.bfloat16 else t


class Encoder:
    """Turns a value into a JSON tree plus blobs. `on_other(value)` may map unknown objects (e.g. to a Handle)."""

    def __init__(self, on_other=None, tensor_to_bytes=tensor_bytes):
        self.blobs = []
        self.on_other = on_other
        self.tensor_to_bytes = tensor_to_bytes

    def encode(self, value, depth=0):
        if depth > MAX_DEPTH:
            raise WireError("value nested too deeply")
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, int):
            return value if abs(value) < 2**53 else {"$int": str(value)}
        if isinstance(value, float):
            if math.isfinite(value):
                return value
            return {"$float": "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")}
        if isinstance(value, (list, tuple)):
            items = [self.encode(v, depth + 1) for v in value]
            return items if isinstance(value, list) else {"$tuple": items}
        if isinstance(value, dict):
            if not all(isinstance(k, str) for k in value):
                raise WireError("only dicts with string keys can be sent")
            return {"$dict": {k: self.encode(v, depth + 1) for k, v in value.items()}}
        if isinstance(value, (bytes, bytearray)):
            self.blobs.append(bytes(value))
            return {"$bytes": len(self.blobs) - 1}
        if isinstance(value, Remote):
            return {"$remote": value.name, "attrs": self.encode(value.attrs, depth + 1)}
        if isinstance(value, Handle):
            return {"$handle": value.id}
        torch = _torch()
        if isinstance(value, torch.Tensor):
            self.blobs.append(self.tensor_to_bytes(value))
            return {
                "$tensor": len(self.blobs) - 1,
                "dtype": str(value.dtype).replace("torch.", ""),
                "shape": list(value.shape),
                "device": str(value.device),
            }
        if self.on_other is not None:
            return self.encode(self.on_other(value), depth + 1)
        raise WireError(f"cannot send a value of type {type(value).__name__}")


class Decoder:
    """Builds values from a JSON tree and blobs. `remote(name)` and `handle(id)` resolve references."""

    def __init__(self, blobs, remote=None, handle=None, device=None):
        self.blobs = blobs
        self.remote = remote
        self.handle = handle
        self.device = device
        self.items = 0
        # (tensor, device the sender said it was on): the judge checks the device of an output by this.
        self.claimed_devices = []

    def decode(self, node, depth=0):
        self.items += 1
        if self.items > MAX_ITEMS or depth > MAX_DEPTH:
            raise WireError("value too large or nested too deeply")
        if node is None or isinstance(node, (bool, int, float, str)):
            return node
        if isinstance(node, list):
            return [self.decode(v, depth + 1) for v in node]
        if not isinstance(node, dict) or len(node) == 0:
            raise WireError("bad value")
        if "$tuple" in node:
            return tuple(self.decode(v, depth + 1) for v in node["$tuple"])
        if "$dict" in node:
            inner = node["$dict"]
            if not isinstance(inner, dict):
                raise WireError("bad dict")
            return {str(k): self.decode(v, depth + 1) for k, v in inner.items()}
        if "$float" in node:
            return {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}[node["$float"]]
        if "$int" in node:
            return int(node["$int"])
        if "$bytes" in node:
            return self._blob(node["$bytes"])
        if "$tensor" in node:
            t = tensor_from_bytes(self._blob(node["$tensor"]), node.get("dtype"), node.get("shape"))
            if self.device is not None and self.device != "cpu":
                t = t.to(self.device)
            self.claimed_devices.append((t, str(node.get("device", "cpu"))))
            return t
        if "$remote" in node:
            if self.remote is None:
                raise WireError("unexpected remote reference")
            return self.remote(node)
        if "$handle" in node:
            if self.handle is None:
                raise WireError("unexpected handle")
            return self.handle(node["$handle"])
        raise WireError("unknown value kind")

    def _blob(self, index):
        if not isinstance(index, int) or not 0 <= index < len(self.blobs):
            raise WireError("bad blob index")
        return self.blobs[index]


def claimed_device(decoder, tensor):
    for t, device in decoder.claimed_devices:
        if t is tensor:
            return device
    return None


# ---------------------------------------------------------------------------
# timed calls


def perturbed(tensor, seed, scale):
    """tensor + scale * N(0, 1) noise drawn from `seed` on the tensor's device. The runner applies it
    after the judge's clock starts; the judge draws the same noise to check the output."""
    torch = _torch()
    generator = torch.Generator(device=tensor.device)
    generator.manual_seed(int(seed))
    noise = torch.randn(tuple(tensor.shape), generator=generator, device=tensor.device, dtype=torch.float32)
    return (tensor.float() + noise * float(scale)).to(tensor.dtype)


def _plain(x):
    return x if math.isfinite(x) else repr(x)


def checksum(value, sample):
    """The output's sum and its values at `sample` (flat indices): only a finished output has them."""
    torch = _torch()
    if not isinstance(value, torch.Tensor) or value.numel() == 0:
        return None
    flat = value.detach().reshape(-1)
    return {"sum": _plain(float(flat.double().sum())), "sample": [_plain(float(flat[int(i) % flat.numel()])) for i in sample]}


def checksums_match(reported, actual):
    if actual is None or not isinstance(reported, dict):
        return actual is None
    a, b = reported.get("sum"), actual["sum"]
    if isinstance(a, str) or isinstance(b, str):
        same_sum = a == b
    else:
        same_sum = isinstance(a, (int, float)) and abs(a - b) <= 1e-6 * (1.0 + abs(b))
    return same_sum and reported.get("sample") == actual["sample"]
