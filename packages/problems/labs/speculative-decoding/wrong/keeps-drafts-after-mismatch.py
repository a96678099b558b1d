# expect: wrong_answer
# Keeps every drafted token the target agrees with, even after a rejected one (those were drafted from a wrong prefix).
import torch


def speculative_generate(target, draft, prompt: list, max_new_tokens: int, gamma: int) -> list:
    """Greedy speculative decoding: the result equals the target's own greedy output."""
    tokens = list(prompt)
    produced = 0
    while produced < max_new_tokens:
        # Draft at most gamma tokens, and never more than will be kept.
        k = min(gamma, max_new_tokens - produced - 1)
        drafted = []
        for _ in range(k):
            logits = draft(torch.tensor(tokens + drafted))
            drafted.append(int(logits[-1].argmax()))
        # One target pass scores the prefix and every drafted token.
        logits = target(torch.tensor(tokens + drafted))
        choices = logits[len(tokens) - 1 :].argmax(dim=-1).tolist()  # target's pick after each prefix
        kept = [d for d, c in zip(drafted, choices) if d == c]
        new = kept + [choices[len(kept)]]
        tokens += new
        produced += len(new)
    return tokens[len(prompt) :]
