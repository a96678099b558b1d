# expect: wrong_answer
# Checks drafted token i against the target's choice one position too late.
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
        choices = logits[len(tokens) - 1 :].argmax(dim=-1).tolist() + [0]
        choices = choices[1:]
        accepted = 0
        while accepted < k and drafted[accepted] == choices[accepted]:
            accepted += 1
        # Keep the agreeing drafts, then the target's own token (a correction, or the bonus token).
        new = drafted[:accepted] + [choices[accepted]]
        tokens += new
        produced += len(new)
    return tokens[len(prompt) :]
