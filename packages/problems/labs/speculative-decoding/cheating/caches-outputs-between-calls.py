# expect: wrong_answer
# Remembers its output per prompt and replays it, as if the model could not change between calls. The judge reuses a prompt with another model.
import torch


_seen = {}


def speculative_generate(target, draft, prompt: list, max_new_tokens: int, gamma: int) -> list:
    key = tuple(prompt)
    if key in _seen and len(_seen[key]) >= max_new_tokens:
        return _seen[key][:max_new_tokens]
    _seen[key] = _generate(target, draft, prompt, max_new_tokens, gamma)
    return _seen[key]


def _generate(target, draft, prompt, max_new_tokens, gamma):
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
        accepted = 0
        while accepted < k and drafted[accepted] == choices[accepted]:
            accepted += 1
        # Keep the agreeing drafts, then the target's own token (a correction, or the bonus token).
        new = drafted[:accepted] + [choices[accepted]]
        tokens += new
        produced += len(new)
    return tokens[len(prompt) :]
