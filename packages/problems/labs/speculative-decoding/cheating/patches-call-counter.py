# expect: budget_exceeded
# Plain greedy decoding that tries to hide its target passes: it resets the counter it can see and
# rewires the sandbox's proxy to ask for an "uncounted" forward. The count lives in the judge.
import sys

import torch


def _forward(model, tokens):
    try:
        return model.forward_uncounted(tokens)  # not a method the judge offers
    except RuntimeError:
        return model(tokens)


def speculative_generate(target, draft, prompt, max_new_tokens, gamma):
    runner = sys.modules.get("labrunner.runner")
    for attempt in (lambda: setattr(target, "calls", 0), lambda: setattr(type(target), "calls", 0)):
        try:
            attempt()
        except (AttributeError, TypeError):
            pass
    tokens = list(prompt)
    for _ in range(max_new_tokens):
        tokens.append(int(_forward(target, torch.tensor(tokens))[-1].argmax()))
    if runner is not None and hasattr(runner, "Runner"):
        runner.Runner.rpc_calls = 0  # a counter the runner never had
    return tokens[len(prompt) :]
