# expect: rejected
# Lets PyTorch's fused GradScaler op run the state machine (the reference under another name).
import torch


class DynamicLossScaler:
    def __init__(self, init_scale=2.0**15, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000):
        self._scale = torch.full((1,), float(init_scale))
        self._tracker = torch.zeros(1, dtype=torch.int32)
        self.growth_factor, self.backoff_factor, self.growth_interval = growth_factor, backoff_factor, growth_interval

    @property
    def scale(self):
        return min(float(self._scale), 32768.0)

    def update(self, found_inf: bool) -> None:
        update = getattr(torch, "_amp_update" + "_scale_")
        update(self._scale, self._tracker, torch.full((1,), float(found_inf)), self.growth_factor, self.backoff_factor, self.growth_interval)


def train_step(master, model, scaler, lr):
    scale = scaler.scale
    _loss, grads16 = model.loss_and_grads([p.half() for p in master], scale)
    found_inf = not all(bool(torch.isfinite(g).all()) for g in grads16)
    scaler.update(found_inf)
    if found_inf:
        return False
    with torch.no_grad():
        for p, g in zip(master, grads16):
            p -= lr * (g.float() / scale)
    return True
