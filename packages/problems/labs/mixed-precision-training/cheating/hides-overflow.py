# expect: wrong_answer
# Zeroes the inf/NaN gradients and tells the scaler all was well, so no step is ever skipped and the scale never drops.
import torch

FP16_MAX = 65504.0


class DynamicLossScaler:
    """Halve the scale on overflow, double it after `growth_interval` clean steps, never above FP16's max."""

    def __init__(self, init_scale=2.0**15, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000):
        self.scale = float(init_scale)
        self.growth_factor = growth_factor
        self.backoff_factor = backoff_factor
        self.growth_interval = growth_interval
        self._clean_steps = 0

    def update(self, found_inf: bool) -> None:
        if found_inf:
            self.scale *= self.backoff_factor
            self._clean_steps = 0
            return
        self._clean_steps += 1
        if self._clean_steps == self.growth_interval:
            self._clean_steps = 0
            if self.scale * self.growth_factor <= FP16_MAX:
                self.scale *= self.growth_factor


def train_step(master: list, model, scaler: DynamicLossScaler, lr: float) -> bool:
    """One SGD step with FP16 weights and gradients and FP32 master weights."""
    scale = scaler.scale
    params16 = [p.half() for p in master]
    _loss, grads16 = model.loss_and_grads(params16, scale)
    grads16 = [torch.nan_to_num(g, nan=0.0, posinf=0.0, neginf=0.0) for g in grads16]
    found_inf = False
    scaler.update(found_inf)
    if found_inf:
        return False  # skip: an inf or NaN would poison the master weights
    with torch.no_grad():
        for p, g in zip(master, grads16):
            p -= lr * (g.float() / scale)  # unscale in FP32, then update the FP32 master copy
    return True
