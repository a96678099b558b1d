import torch


def speculative_generate(target, draft, prompt: list, max_new_tokens: int, gamma: int) -> list:
    """Return exactly the tokens target's greedy decoding would produce after `prompt`, calling the
    target far less than once per token: let `draft` guess up to `gamma` tokens, then check them all
    with one target pass.

    target(tokens) and draft(tokens) take a 1-D torch.long tensor and return float64 logits of
    shape (len(tokens), vocab_size): row i scores the token that follows tokens[: i + 1].
    """
    raise NotImplementedError
