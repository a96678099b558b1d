# expect: rejected
# Calls PyTorch's fused attention through names a source scan would miss.
import math

import torch
import torch.nn.functional as F

BLOCK_Q = 128
BLOCK_K = 128


def _tiled(q, k, v, causal):
    """FlashAttention forward: tiles of queries against tiles of keys, with an online softmax."""
    batch, heads, n_q, d = q.shape
    n_k = k.shape[2]
    scale = 1.0 / math.sqrt(d)
    offset = n_k - n_q  # bottom-right causal mask: query i sees keys j <= i + offset
    out = torch.empty_like(q)
    acc_dtype = torch.float32  # accumulate in FP32 whatever the input dtype
    for q_start in range(0, n_q, BLOCK_Q):
        q_end = min(q_start + BLOCK_Q, n_q)
        rows = q_end - q_start
        q_block = q[:, :, q_start:q_end].to(acc_dtype) * scale
        m = torch.full((batch, heads, rows, 1), float("-inf"), dtype=acc_dtype, device=q.device)
        l = torch.zeros((batch, heads, rows, 1), dtype=acc_dtype, device=q.device)
        acc = torch.zeros((batch, heads, rows, d), dtype=acc_dtype, device=q.device)
        # Keys past the last row's diagonal are masked for every row of the tile: skip them.
        k_stop = min(n_k, q_end + offset) if causal else n_k
        for k_start in range(0, max(k_stop, 0), BLOCK_K):
            k_end = min(k_start + BLOCK_K, k_stop)
            scores = q_block @ k[:, :, k_start:k_end].to(acc_dtype).transpose(-1, -2)
            if causal and k_end - 1 > q_start + offset:
                query_pos = torch.arange(q_start, q_end, device=q.device)[:, None] + offset
                key_pos = torch.arange(k_start, k_end, device=q.device)[None, :]
                scores = scores.masked_fill(key_pos > query_pos, float("-inf"))
            m_new = torch.maximum(m, scores.amax(dim=-1, keepdim=True))
            # A row with no visible key yet keeps m = -inf; use 0 in the exponents so that
            # exp(-inf - (-inf)) never produces NaN. Its weights are exp(-inf) = 0 anyway.
            m_safe = torch.where(torch.isinf(m_new), torch.zeros_like(m_new), m_new)
            p = torch.exp(scores - m_safe)
            alpha = torch.exp(m - m_safe)
            l = l * alpha + p.sum(dim=-1, keepdim=True)
            acc = acc * alpha + p @ v[:, :, k_start:k_end].to(acc_dtype)
            m = m_new
        # Rows that saw no key at all (causal with n_q > n_k) have l = 0: their output is 0.
        out[:, :, q_start:q_end] = torch.where(l > 0, acc / l.clamp_min(1e-30), torch.zeros_like(acc)).to(q.dtype)
    return out


def _fused():
    name = "scaled_dot_" + "product_attention"
    found = getattr(F, name, None)
    if found is not None:
        return found
    return getattr(torch.ops.aten, name)


def attention(q, k, v, causal):
    return _fused()(q, k, v, is_causal=causal)
