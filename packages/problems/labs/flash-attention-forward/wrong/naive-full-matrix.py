# expect: memory_limit_exceeded
# Correct numbers, but it builds the whole N x N score matrix: exactly what FlashAttention avoids.
import math

import torch


def attention(q, k, v, causal):
    n_q, n_k, d = q.shape[2], k.shape[2], q.shape[3]
    scores = (q.float() @ k.float().transpose(-1, -2)) / math.sqrt(d)
    if causal:
        rows = torch.arange(n_q, device=q.device)[:, None] + (n_k - n_q)
        cols = torch.arange(n_k, device=q.device)[None, :]
        scores = scores.masked_fill(cols > rows, float("-inf"))
    weights = torch.nan_to_num(torch.softmax(scores, dim=-1), nan=0.0)
    return (weights @ v.float()).to(q.dtype)
