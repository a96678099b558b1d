"""Judge for flash-attention-forward (trusted: runs in the judge process, never in the sandbox).

Inputs come from the secret seed and are regenerated for every call; each output is checked for
dtype, shape, device, NaN/Inf, aliasing and input mutation, then against attention computed in
float64, with a tolerance of twice the error of naive attention in the input dtype plus a floor
per dtype (the way FlashAttention's own tests compare). The memory case runs in a fresh sandbox
whose memory is capped before the solution is imported.
"""

import math

from labjudge.checks import GpuClock, expect_tensor, max_error, median, wall_clock_overhead_ms
from labjudge.session import Fail
from labrunner import wire

CHECKS = ["small-shapes", "edge-cases", "fresh-inputs-every-call", "memory", "timing"]

# The reference under any of its names: PyTorch's fused attention (itself a FlashAttention kernel on a GPU).
FORBIDDEN = [
    "torch.nn.functional.scaled_dot_product_attention",
    "torch.nn.functional.multi_head_attention_forward",
    "torch.nn.functional._scaled_dot_product_attention",
    "torch.nn.MultiheadAttention.forward",
]
FORBIDDEN_OPS = r"scaled_dot_product|flash_attention|efficient_attention|multi_head_attention|_fused_sdp|transformer_encoder_layer"

# Floor added to 2x the naive error of each dtype (stated in lab.md).
ATOL = {"float32": 1e-4, "float16": 2e-3, "bfloat16": 1.6e-2}

# (B, H, Nq, Nk, d, causal): N is never a multiple of a power-of-two block size unless it is tiny.
SMALL = [
    (1, 1, 1, 1, 16, False),
    (2, 3, 63, 63, 32, False),
    (2, 2, 129, 129, 64, True),
    (1, 2, 300, 300, 64, True),
    (1, 1, 200, 77, 32, False),
    (1, 2, 257, 513, 48, True),
]
# name, shape, offset: q[..., 0] = k[..., 0] = offset adds offset^2 / sqrt(d) to every score of a
# row, which leaves the softmax unchanged but overflows exp() (> 88.7 in float32, > 11.1 in float16)
# unless the running maximum is subtracted.
EDGES = [
    ("fully masked rows (causal, Nq > Nk)", (1, 2, 96, 40, 32, True), None),
    ("large scores (softmax must subtract the running max)", (1, 2, 130, 130, 64, False), 40.0),
    ("large scores, causal", (2, 1, 70, 70, 16, True), 20.0),
    ("tiny shapes", (3, 1, 5, 3, 8, True), None),
    ("head dim 128", (1, 1, 33, 33, 128, False), None),
]
FRESH_SHAPE = (2, 2, 129, 129, 64, True)
FRESH_CALLS = 3

CPU_MEMORY = {"shape": (1, 1, 6144, 6144, 64, False), "allowance_mib": 64, "rows": 96}
GPU_MEMORY = {"shape": (1, 2, 32768, 32768, 64, True), "allowance_mib": 512, "rows": 64}
GPU_TIMING = [(4, 16, 4096, 4096, 64, False), (4, 16, 4096, 4096, 64, True)]
TIMED_RUNS = 10


def dtypes(run):
    torch = run.torch
    return [torch.float16, torch.bfloat16] if run.gpu else [torch.float32]


def make_inputs(run, shape, dtype, tag, offset=None):
    torch = run.torch
    B, H, Nq, Nk, d, _ = shape
    g = run.rng("inputs", tag)
    q = torch.randn(B, H, Nq, d, generator=g)
    k = torch.randn(B, H, Nk, d, generator=g)
    v = torch.randn(B, H, Nk, d, generator=g)
    if offset is not None:
        q[..., 0] = offset
        k[..., 0] = offset
    return [t.to(dtype).to(run.device) for t in (q, k, v)]


def naive_attention(torch, q, k, v, causal, rows=None, upcast=True):
    """softmax(q kᵀ/√d) v with the bottom-right causal mask; fully masked rows give 0.
    `rows` selects query rows (for the large memory case); upcast computes in float64."""
    Nq, Nk, d = q.shape[2], k.shape[2], q.shape[3]
    qpos = torch.arange(Nq, device=q.device) if rows is None else rows.to(q.device)
    if rows is not None:
        q = q[:, :, qpos]
    if upcast:
        q, k, v = q.double(), k.double(), v.double()
    scores = (q @ k.transpose(-1, -2)) * (1.0 / math.sqrt(d))
    if causal:
        keys = torch.arange(Nk, device=q.device)
        masked = keys[None, :] > (qpos[:, None] + (Nk - Nq))
        scores = scores.masked_fill(masked, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    weights = torch.nan_to_num(weights, nan=0.0)
    return weights @ v


def check_call(run, session, shape, dtype, tag, offset=None, label=None):
    q, k, v = make_inputs(run, shape, dtype, tag, offset)
    causal = shape[5]
    reply = session.call("attention", (q, k, v, causal), device=run.device, check_inputs=True, result_device=run.device)
    where = label or describe(shape, dtype)
    expect_tensor(reply, reply.value, shape=q.shape, dtype=dtype, device=run.device, name=f"the output for {where}")
    compare(run, reply.value, q, k, v, causal, dtype, where)
    return reply


def compare(run, out, q, k, v, causal, dtype, where, rows=None):
    torch = run.torch
    truth = naive_attention(torch, q, k, v, causal, rows=rows)
    naive = naive_attention(torch, q, k, v, causal, rows=rows, upcast=False).to(dtype)
    naive_err, _ = max_error(naive, truth)
    tolerance = 2 * naive_err + ATOL[str(dtype).replace("torch.", "")]
    actual = out if rows is None else out[:, :, rows.to(out.device)]
    err, index = max_error(actual, truth)
    if err > tolerance:
        if rows is not None:
            index = (*index[:2], int(rows[index[2]]), index[3])
        raise Fail(
            "wrong_answer",
            f"{where}: output{list(index)} is off by {err:.3g}, more than the tolerance {tolerance:.3g} "
            f"(2 x naive {str(dtype).replace('torch.', '')} error {naive_err:.3g} + {ATOL[str(dtype).replace('torch.', '')]:g})",
        )


def describe(shape, dtype=None):
    B, H, Nq, Nk, d, causal = shape
    text = f"B={B} H={H} Nq={Nq} Nk={Nk} d={d} causal={causal}"
    return f"{text} {str(dtype).replace('torch.', '')}" if dtype is not None else text


def evaluate(run):
    session = run.runner()
    with run.check("small-shapes"):
        for dtype in dtypes(run):
            for i, shape in enumerate(SMALL):
                check_call(run, session, shape, dtype, ("small", i, str(dtype)))
    with run.check("edge-cases"):
        for dtype in dtypes(run):
            for i, (name, shape, offset) in enumerate(EDGES):
                check_call(run, session, shape, dtype, ("edge", i, str(dtype)), offset, f"{name} ({describe(shape)})")
    with run.check("fresh-inputs-every-call"):
        # Same shape, new values each call: an output cached between calls fails here.
        for i in range(FRESH_CALLS):
            check_call(run, session, FRESH_SHAPE, dtypes(run)[0], ("fresh", i), label=f"call {i + 1} of {describe(FRESH_SHAPE)}")
    with run.check("memory") as entry:
        memory_case(run, entry)
    with run.check("timing") as entry:
        if not run.gpu:
            entry.update(status="skipped", message="measured on a GPU only: this run is on the CPU")
        else:
            timing_case(run, session, entry)


def memory_case(run, entry):
    """One large case in a fresh sandbox whose memory is capped before the solution is imported."""
    torch = run.torch
    spec = GPU_MEMORY if run.gpu else CPU_MEMORY
    shape, allowance = spec["shape"], spec["allowance_mib"] * 1024 * 1024
    dtype = dtypes(run)[0]
    q, k, v = make_inputs(run, shape, dtype, "memory")
    causal = shape[5]
    out_bytes = q.numel() * q.element_size()
    n_by_n = shape[0] * shape[1] * shape[2] * shape[3] * 4

    def prepare(session):
        return [session.put(t, device=run.device) for t in (q, k, v)]

    session, handles, cap = run.fresh_runner(allowance + out_bytes, prepare)
    reply = session.call("attention", (*handles, causal), device=run.device, result_device=run.device, measure_rss=True)
    where = f"the memory case ({describe(shape, dtype)})"
    expect_tensor(reply, reply.value, shape=q.shape, dtype=dtype, device=run.device, name=f"the output of {where}")
    g = run.rng("memory-rows")
    rows = torch.randperm(shape[2], generator=g)[: spec["rows"]].sort().values
    compare(run, reply.value, q, k, v, causal, dtype, where, rows=rows)
    run.metrics["memoryAllowanceMiB"] = spec["allowance_mib"]
    run.metrics["memoryScoreMatrixMiB"] = round(n_by_n / 2**20)
    if "gpu_peak_extra_bytes" in reply.meta:
        run.metrics["memoryPeakExtraMiB"] = round(reply.meta["gpu_peak_extra_bytes"] / 2**20, 1)
    elif "peak_rss_bytes" in reply.meta and cap:
        run.metrics["memoryPeakExtraMiB"] = round(max(0, reply.meta["peak_rss_bytes"] - cap["rss_bytes"]) / 2**20, 1)
    entry["message"] = (
        f"{describe(shape, dtype)} ran within {spec['allowance_mib']} MiB of working memory "
        f"(its N x N score matrix alone would take {round(n_by_n / 2**20)} MiB)"
    )


def timing_case(run, session, entry):
    """GPU only: the judge's wall clock is authoritative; the runner's CUDA events must agree with it."""
    torch = run.torch
    overhead = wall_clock_overhead_ms(session, run.device)
    clock = GpuClock(torch)
    rows = []
    for index, shape in enumerate(GPU_TIMING):
        dtype = torch.float16
        causal = shape[5]
        for warm in range(3):
            check_call(run, session, shape, dtype, ("timing-warmup", index, warm))
        wall, events = [], []
        for i in range(TIMED_RUNS):
            q, k, v = make_inputs(run, shape, dtype, ("timing", index, i))
            # The runner adds noise to q only once the clock runs: nothing can be computed ahead.
            perturb = {"arg": 0, "seed": run.derive("perturb", index, i) % 2**62, "scale": 0.5}
            reply = session.call("attention", (q, k, v, causal), device=run.device, timed=True, perturb=perturb, check_inputs=True, result_device=run.device)
            q = wire.perturbed(q, perturb["seed"], perturb["scale"])
            expect_tensor(reply, reply.value, shape=q.shape, dtype=dtype, device=run.device)
            compare(run, reply.value, q, k, v, causal, dtype, f"timed run {i + 1} of {describe(shape, dtype)}")
            wall_ms = max(0.0, reply.host_ns / 1e6 - overhead)
            event_ms = float(reply.event_ms or 0.0)
            if event_ms + 0.1 < 0.5 * wall_ms:
                raise Fail(
                    "rejected",
                    f"the GPU time measured on the solution's stream ({event_ms:.3f} ms) is far below the judge's wall "
                    f"clock ({wall_ms:.3f} ms): work ran outside the measured stream, or a timer was replaced",
                )
            wall.append(wall_ms)
            events.append(event_ms)
        if run.features["sdpa"]:
            sdpa = torch.nn.functional.scaled_dot_product_attention
            reference, reference_name = (lambda q, k, v: sdpa(q, k, v, is_causal=causal)), "scaled_dot_product_attention"
        else:  # torch < 2.0: no fused kernel to compare with, so compare with plain PyTorch attention
            reference, reference_name = (lambda q, k, v: naive_attention(torch, q, k, v, causal, upcast=False)), "naive PyTorch attention"
        reference_ms = clock.time(reference, lambda i: make_inputs(run, shape, dtype, ("timing-ref", index, i)), TIMED_RUNS)
        rows.append(
            {
                "shape": describe(shape, dtype),
                "solutionMs": round(median(wall), 3),
                "solutionEventMs": round(median(events), 3),
                "referenceMs": round(reference_ms, 3),
                "slowdown": round(median(wall) / reference_ms, 2) if reference_ms else None,
                "reference": reference_name,
            }
        )
    run.metrics["timing"] = rows
    entry["message"] = "; ".join(f"{r['shape']}: {r['solutionMs']} ms vs {r['reference']} {r['referenceMs']} ms" for r in rows)
