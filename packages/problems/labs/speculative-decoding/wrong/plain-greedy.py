# expect: budget_exceeded
# Correct output, one target pass per token: greedy decoding, not speculative decoding.
import torch


def speculative_generate(target, draft, prompt, max_new_tokens, gamma):
    tokens = list(prompt)
    for _ in range(max_new_tokens):
        tokens.append(int(target(torch.tensor(tokens))[-1].argmax()))
    return tokens[len(prompt) :]
