"""Judge for mixed-precision-training (trusted: runs in the judge process, never in the sandbox).

The model and its data live here, built from the secret seed; the learner's train_step reaches them
only through `model.loss_and_grads(params16, loss_scale)`, so it cannot train in FP32 on the side.
Every step is replayed: the judge knows the FP16 weights and the scale the step used (they came in
the call), computes the same gradients, and checks the skip/apply decision, the new FP32 master
weights and the scaler's new scale. The whole run must then track an FP32 baseline, where the
same run without loss scaling stalls (checked here too, so the lab cannot silently go easy).

On a GPU the model runs in real FP16. On a CPU (no FP16 matmul in Debian's torch) every matmul is
computed in FP32 from FP16 values and rounded to FP16 where autocast would round, forward and
backward, so gradients underflow and overflow exactly as they would on a GPU.
"""

import math

from labjudge.session import Fail

CHECKS = ["scaler-state-machine", "training-step-replay", "tracks-fp32-baseline"]

# The scaler under another name: PyTorch's own GradScaler and the fused ops behind it.
FORBIDDEN = [
    "torch.cuda.amp.GradScaler",
    "torch.amp.GradScaler",
    "torch.cuda.amp.grad_scaler.GradScaler",
    "torch._amp_update_scale_",
    "torch._amp_foreach_non_finite_check_and_unscale_",
]
FORBIDDEN_OPS = r"_amp_update_scale|non_finite_check_and_unscale"

FP16_MAX = 65504.0
IN, HIDDEN, BATCH = 16, 32, 128
STEPS = 160
LOSS_WEIGHT = 2.0**-20  # stated in lab.md: the loss is a batch mean times this weight
LR = 0.05 / LOSS_WEIGHT
INIT_SCALE = 2.0**15
GROWTH_INTERVAL = 10
SPIKES = {40: 1e4, 41: 1e4, 110: 1e4}  # step -> input scale of an outlier batch (it overflows FP16)
TRACK_RATIO = 1.25  # final loss at most 1.25x the FP32 baseline's
STALL_RATIO = 2.0  # the unscaled FP16 run must end at least 2x above the baseline (lab self-check)


# -- FP16 semantics ---------------------------------------------------------------------------------


def _half(t):
    return t.half().float()


def make_half_linear(torch):
    class HalfLinear(torch.autograd.Function):
        """y = x wᵀ + b as autocast computes it on a GPU: FP16 inputs, FP32 accumulation, an FP16
        result; the backward pass rounds the incoming gradient and each result to FP16 the same way."""

        @staticmethod
        def forward(ctx, x, w, b):
            ctx.save_for_backward(x, w)
            return _half(x @ w.t() + b)

        @staticmethod
        def backward(ctx, grad):
            x, w = ctx.saved_tensors
            grad = _half(grad)
            return _half(grad @ w), _half(grad.t() @ x), _half(grad.sum(0))

    return HalfLinear


class Fp16Model:
    """A two-layer MLP on a teacher's data; forward and backward in FP16, the loss in FP32."""

    def __init__(self, run):
        torch = self.torch = run.torch
        self.device = run.device
        self.native = run.gpu
        self.half_linear = None if self.native else make_half_linear(torch)
        g = run.rng("teacher")
        self.teacher = (torch.randn(HIDDEN, IN, generator=g) / math.sqrt(IN), torch.randn(1, HIDDEN, generator=g) / math.sqrt(HIDDEN))
        g = run.rng("batches")
        self.batches = []
        for step in range(STEPS):
            x = torch.randn(BATCH, IN, generator=g) * SPIKES.get(step, 1.0)
            self.batches.append((x, self.target(x)))
        g = run.rng("eval")
        self.eval_x = torch.randn(2048, IN, generator=g)
        self.eval_y = self.target(self.eval_x)
        g = run.rng("init")
        self.init = [
            torch.randn(HIDDEN, IN, generator=g) / math.sqrt(IN),
            torch.zeros(HIDDEN),
            torch.randn(1, HIDDEN, generator=g) / math.sqrt(HIDDEN),
            torch.zeros(1),
        ]
        self.step = 0
        self.calls_this_step = 0
        self.seen = []  # per step: (params16, scale, grads16, loss)

    def target(self, x):
        t1, t2 = self.teacher
        return self.torch.relu(x @ t1.t()) @ t2.t()

    def grads(self, params16, scale, step):
        """Loss (FP32, weighted) and FP16 gradients of loss * scale at the given FP16 weights."""
        torch = self.torch
        x, y = self.batches[step]
        if self.native:
            params = [p.to(self.device).half().detach().requires_grad_(True) for p in params16]
            w1, b1, w2, b2 = params
            xh, yd = x.to(self.device).half(), y.to(self.device)
            out = torch.nn.functional.linear(torch.relu(torch.nn.functional.linear(xh, w1, b1)), w2, b2)
            loss = ((out.float() - yd) ** 2).mean() * LOSS_WEIGHT
        else:
            params = [p.float().detach().requires_grad_(True) for p in params16]
            w1, b1, w2, b2 = params
            hidden = torch.relu(self.half_linear.apply(_half(x), w1, b1))
            out = self.half_linear.apply(hidden, w2, b2)
            loss = ((out - y) ** 2).mean() * LOSS_WEIGHT
        (loss * scale).backward()
        return float(loss), [p.grad.detach().half().cpu() for p in params]

    def eval_mse(self, params):
        torch = self.torch
        w1, b1, w2, b2 = [p.float().cpu() for p in params]
        pred = torch.relu(self.eval_x @ w1.t() + b1) @ w2.t() + b2
        return float(((pred - self.eval_y) ** 2).mean())

    # -- what the learner's code can call (through the sandbox's proxy) --------------------------

    def rpc_loss_and_grads(self, params16, loss_scale):
        torch = self.torch
        if self.calls_this_step:
            raise Fail("wrong_answer", "train_step called model.loss_and_grads twice in one step: skip the step on overflow, do not retry it")
        if not isinstance(params16, list) or len(params16) != 4:
            raise Fail("wrong_answer", "loss_and_grads takes the list of the 4 FP16 weight tensors")
        for i, (p, init) in enumerate(zip(params16, self.init)):
            if not isinstance(p, torch.Tensor) or p.dtype != torch.float16 or tuple(p.shape) != tuple(init.shape):
                got = f"{getattr(p, 'dtype', type(p).__name__)} {tuple(getattr(p, 'shape', ()))}"
                raise Fail("wrong_answer", f"weight #{i + 1} must be a float16 tensor of shape {tuple(init.shape)}, got {got}")
        if isinstance(loss_scale, bool) or not isinstance(loss_scale, (int, float)) or not loss_scale > 0:
            raise Fail("wrong_answer", f"loss_scale must be a positive number, got {loss_scale!r}")
        params16 = [p.cpu() for p in params16]
        loss, grads = self.grads(params16, float(loss_scale), self.step)
        self.calls_this_step += 1
        self.seen.append((params16, float(loss_scale), grads, loss))
        return loss, grads


# -- the reference scaler -----------------------------------------------------------------------------


class ReferenceScaler:
    def __init__(self, init_scale, growth_factor, backoff_factor, growth_interval):
        self.scale = float(init_scale)
        self.growth_factor, self.backoff_factor, self.growth_interval = growth_factor, backoff_factor, growth_interval
        self.clean = 0

    def update(self, found_inf):
        if found_inf:
            self.scale *= self.backoff_factor
            self.clean = 0
            return
        self.clean += 1
        if self.clean == self.growth_interval:
            self.clean = 0
            if self.scale * self.growth_factor <= FP16_MAX:
                self.scale *= self.growth_factor


def scaler_sequences(run):
    """(config, flags): hand-picked edges first, then random ones from the secret seed."""
    torch = run.torch
    F, T = False, True
    fixed = [
        ((1024.0, 2.0, 0.5, 3), [F, F, F, F, F, F, T, F, F, T, F, F, F, F]),
        ((2.0**15, 2.0, 0.5, 2), [F, F, T, F, F, F, F, T, T, F]),  # the FP16 ceiling stops growth at 2^15
        ((40000.0, 2.0, 0.5, 1), [F, T, F, F, T, T, F]),  # 80000 would pass 65504: stays at 40000
        ((8.0, 4.0, 0.25, 1), [F, F, F, F, F, T, F]),  # 8 -> 32 -> 128 -> ... capped below 65504
        ((1.0, 2.0, 0.5, 4), [T, T, T, F, F, F, F, F, F, F, F]),  # scales below 1 are fine
    ]
    g = run.rng("scaler")
    randoms = []
    for _ in range(4):
        interval = int(torch.randint(1, 8, (1,), generator=g))
        init = float(2 ** int(torch.randint(4, 16, (1,), generator=g)))
        p_inf = [0.05, 0.15, 0.3][int(torch.randint(0, 3, (1,), generator=g))]
        flags = [bool(v) for v in (torch.rand(120, generator=g) < p_inf).tolist()]
        randoms.append(((init, 2.0, 0.5, interval), flags))
    return fixed + randoms


# -- checks --------------------------------------------------------------------------------------------


def evaluate(run):
    session = run.runner()
    with run.check("scaler-state-machine"):
        for (config, flags) in scaler_sequences(run):
            ref = ReferenceScaler(*config)
            scaler = session.call("DynamicLossScaler", config, keep=True, check_output=False).value
            check_scale(session, scaler, ref.scale, f"DynamicLossScaler{config} right after construction")
            history = []
            for flag in flags:
                session.call((scaler, "update"), (flag,), check_output=False)
                ref.update(flag)
                history.append("inf" if flag else "ok")
                check_scale(session, scaler, ref.scale, f"DynamicLossScaler{config} after updates [{', '.join(history[-12:])}]")
            session.release(scaler)
    model = Fp16Model(run)
    with run.check("training-step-replay") as entry:
        final = replay_training(run, session, model, entry)
    with run.check("tracks-fp32-baseline") as entry:
        track_baseline(run, model, final, entry)


def check_scale(session, scaler, expected, where):
    actual = session.call((scaler, ".scale"), check_output=False).value
    if isinstance(actual, bool) or not isinstance(actual, (int, float)) or float(actual) != expected:
        raise Fail("wrong_answer", f"{where}: scale is {actual!r}, expected {expected:g}")


def replay_training(run, session, model, entry):
    torch = run.torch
    master = session.put([p.clone() for p in model.init])
    scaler = session.call("DynamicLossScaler", (INIT_SCALE, 2.0, 0.5, GROWTH_INTERVAL), keep=True, check_output=False).value
    ref_scaler = ReferenceScaler(INIT_SCALE, 2.0, 0.5, GROWTH_INTERVAL)
    remote = _remote("model", {"n_params": 4})
    before = [p.clone() for p in model.init]
    skipped = []
    for step in range(STEPS):
        model.step, model.calls_this_step = step, 0
        reply = session.call("train_step", (master, remote, scaler, LR), remotes={"model": model}, check_output=False)
        applied = reply.value
        if model.calls_this_step != 1:
            raise Fail("wrong_answer", f"step {step}: train_step must call model.loss_and_grads once (it called it {model.calls_this_step} times)")
        params16, scale, grads, _loss = model.seen[-1]
        for i, (p16, m) in enumerate(zip(params16, before)):
            if not torch.equal(p16, m.half()):
                raise Fail("wrong_answer", f"step {step}: FP16 weight #{i + 1} is not the FP32 master weight cast to FP16")
        if scale != ref_scaler.scale:
            raise Fail("wrong_answer", f"step {step}: loss scale {scale:g} was used, but the scaler's scale should be {ref_scaler.scale:g}")
        found_inf = any(not bool(torch.isfinite(g).all()) for g in grads)
        if applied is not (not found_inf):
            what = "overflowed (inf/NaN in the FP16 gradients)" if found_inf else "were all finite"
            raise Fail("wrong_answer", f"step {step}: the gradients {what}, but train_step returned {applied!r}")
        after = session.call((master, None), check_output=False).value
        check_master(torch, step, before, after, grads, scale, found_inf)
        ref_scaler.update(found_inf)
        check_scale(session, scaler, ref_scaler.scale, f"step {step}: the scaler after a {'skipped' if found_inf else 'clean'} step")
        if found_inf:
            skipped.append(step)
        before = after
    entry["message"] = f"{STEPS} steps replayed; steps {skipped} overflowed and were skipped; final scale {ref_scaler.scale:g}"
    run.metrics["skippedSteps"] = skipped
    run.metrics["finalScale"] = ref_scaler.scale
    return before


def check_master(torch, step, before, after, grads, scale, found_inf):
    if not isinstance(after, list) or len(after) != 4:
        raise Fail("wrong_answer", f"step {step}: the master weights must stay a list of 4 tensors (update them in place)")
    for i, (m0, m1, g) in enumerate(zip(before, after, grads)):
        if not isinstance(m1, torch.Tensor) or m1.dtype != torch.float32 or m1.shape != m0.shape:
            raise Fail("wrong_answer", f"step {step}: master weight #{i + 1} must stay a float32 tensor of shape {tuple(m0.shape)}")
        if found_inf:
            if not torch.equal(m0, m1):
                raise Fail("wrong_answer", f"step {step}: the gradients overflowed, so the step must be skipped, but master weight #{i + 1} changed")
            continue
        update = LR * (g.float() / scale)
        expected = m0 - update
        slack = 2 * torch.finfo(torch.float32).eps * expected.abs() + 1e-5 * update.abs() + 1e-30
        bad = (m1 - expected).abs() > slack
        if bool(bad.any()):
            j = tuple(int(v) for v in bad.nonzero()[0].tolist())
            raise Fail(
                "wrong_answer",
                f"step {step}: master weight #{i + 1}{list(j)} is {float(m1[j]):.9g}, expected {float(expected[j]):.9g} "
                f"= {float(m0[j]):.9g} - lr * grad / scale (update the FP32 master weights with the unscaled FP16 gradient)",
            )


def track_baseline(run, model, final, entry):
    """The learner's run against FP32 training, and against the same run without loss scaling."""
    torch = run.torch
    spikes = set(SPIKES)

    def train(step_fn):
        weights = [p.clone() for p in model.init]
        for step in range(STEPS):
            if step not in spikes:
                weights = step_fn(weights, step)
        return model.eval_mse(weights)

    def fp32_step(weights, step):
        params = [w.clone().requires_grad_(True) for w in weights]
        x, y = model.batches[step]
        w1, b1, w2, b2 = params
        loss = ((torch.relu(x @ w1.t() + b1) @ w2.t() + b2 - y) ** 2).mean() * LOSS_WEIGHT
        loss.backward()
        return [(p - LR * p.grad).detach() for p in params]

    def unscaled_step(weights, step):
        _, grads = model.grads([w.half() for w in weights], 1.0, step)
        return [w - LR * g.float() for w, g in zip(weights, grads)]

    initial = model.eval_mse(model.init)
    baseline = train(fp32_step)
    unscaled = train(unscaled_step)
    learner = model.eval_mse(final)
    run.metrics.update(
        evalMseInitial=round(initial, 6),
        evalMseFp32=round(baseline, 6),
        evalMseUnscaledFp16=round(unscaled, 6),
        evalMseSolution=round(learner, 6),
    )
    if unscaled < STALL_RATIO * baseline:
        raise Fail("internal_error", f"lab self-check: the unscaled run did not stall ({unscaled:.4g} vs {baseline:.4g})")
    if not math.isfinite(learner) or learner > TRACK_RATIO * baseline:
        raise Fail(
            "wrong_answer",
            f"after {STEPS} steps the eval MSE is {learner:.4g}; FP32 training reaches {baseline:.4g} "
            f"(the limit is {TRACK_RATIO}x that) and FP16 without loss scaling stalls at {unscaled:.4g}",
        )
    entry["message"] = f"eval MSE {learner:.4g}: FP32 reaches {baseline:.4g}, FP16 without loss scaling stalls at {unscaled:.4g} (started at {initial:.4g})"


def _remote(name, attrs):
    from labrunner.wire import Remote

    return Remote(name, attrs)
