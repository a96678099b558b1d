import torch

FP16_MAX = 65504.0


class DynamicLossScaler:
    def __init__(self, init_scale=2.0**15, growth_factor=2.0, backoff_factor=0.5, growth_interval=2000):
        self.scale = float(init_scale)

    def update(self, found_inf: bool) -> None:
        """Halve on overflow; grow after growth_interval clean steps in a row; never above FP16_MAX."""
        raise NotImplementedError


def train_step(master: list, model, scaler: DynamicLossScaler, lr: float) -> bool:
    """Cast master to FP16, get the scaled FP16 gradients from model.loss_and_grads(params16, scale),
    skip the step on inf/NaN, else unscale in FP32 and update master in place. Return whether applied."""
    raise NotImplementedError
