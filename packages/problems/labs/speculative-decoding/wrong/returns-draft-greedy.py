# expect: wrong_answer
# Never asks the target: returns the draft model's greedy text.
import torch


def speculative_generate(target, draft, prompt, max_new_tokens, gamma):
    tokens = list(prompt)
    for _ in range(max_new_tokens):
        tokens.append(int(draft(torch.tensor(tokens))[-1].argmax()))
    return tokens[len(prompt) :]
