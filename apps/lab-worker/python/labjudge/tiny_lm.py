"""Tiny deterministic language models for the decoding labs, built from a seed at run time.

A pre-norm decoder-only transformer in float64 (so that logits of the same position agree to ~1e-15
whatever the sequence length or tree layout, and greedy choices never flip on rounding), with
optional Medusa heads fitted to the model's own greedy continuations. Nothing is downloaded.
"""

import math

import torch


class TinyLM:
    def __init__(self, gen, vocab=64, dim=48, layers=2, heads=4, max_len=256, logit_scale=6.0, context=1.0, pos_scale=0.5, repeat_penalty=0.0):
        """`context` scales the attention weights and `pos_scale` the position embeddings: lower
        values make the next token depend more on the current token alone (easier to guess ahead).
        `repeat_penalty` lowers the logit of the current token, so greedy text never sticks on one
        token (a text like "7 7 7 7" would let some wrong decoders look right)."""
        def w(*shape, std):
            return torch.randn(*shape, generator=gen, dtype=torch.float64) * std

        self.vocab, self.dim, self.n_heads, self.max_len = vocab, dim, heads, max_len
        self.tok = w(vocab, dim, std=1.0)
        self.pos = w(max_len, dim, std=pos_scale)
        self.blocks = []
        for _ in range(layers):
            self.blocks.append(
                {
                    "wq": w(dim, dim, std=1.5 / math.sqrt(dim)),
                    "wk": w(dim, dim, std=1.5 / math.sqrt(dim)),
                    "wv": w(dim, dim, std=context / math.sqrt(dim)),
                    "wo": w(dim, dim, std=context / math.sqrt(dim)),
                    "w1": w(4 * dim, dim, std=1 / math.sqrt(dim)),
                    "w2": w(dim, 4 * dim, std=1 / math.sqrt(4 * dim)),
                }
            )
        self.head = w(vocab, dim, std=logit_scale / math.sqrt(dim))
        self.repeat_penalty = repeat_penalty
        self.medusa = []  # one (vocab, vocab) table of log-frequencies per head

    # -- forward -------------------------------------------------------------------------------

    def hidden(self, tokens, position_ids=None, mask=None):
        """Final hidden states (..., L, dim) of (a batch of) sequences; `mask[i, j]` lets i attend to j."""
        n = tokens.shape[-1]
        if position_ids is None:
            position_ids = torch.arange(n)
        if mask is None:
            mask = torch.ones(n, n, dtype=torch.bool).tril()
        x = self.tok[tokens] + self.pos[position_ids]
        hd = self.dim // self.n_heads
        lead = tokens.shape[:-1]
        for b in self.blocks:
            h = _rms(x)
            q = (h @ b["wq"].T).view(*lead, n, self.n_heads, hd).transpose(-2, -3)
            k = (h @ b["wk"].T).view(*lead, n, self.n_heads, hd).transpose(-2, -3)
            v = (h @ b["wv"].T).view(*lead, n, self.n_heads, hd).transpose(-2, -3)
            scores = (q @ k.transpose(-1, -2)) / math.sqrt(hd)
            scores = scores.masked_fill(~mask, float("-inf"))
            att = torch.softmax(scores, dim=-1) @ v
            x = x + att.transpose(-2, -3).reshape(*lead, n, self.dim) @ b["wo"].T
            h = _rms(x)
            x = x + torch.nn.functional.gelu(h @ b["w1"].T) @ b["w2"].T
        return _rms(x)

    def logits(self, tokens, position_ids=None, mask=None):
        return self.head_logits(self.hidden(tokens, position_ids, mask), tokens)

    def head_logits(self, hidden, tokens):
        logits = hidden @ self.head.T
        if self.repeat_penalty:
            logits = logits - self.repeat_penalty * torch.nn.functional.one_hot(tokens, self.vocab).to(logits.dtype)
        return logits

    def medusa_logits(self, tokens):
        """(K, L, vocab): head k at position t guesses the token at t + k + 2."""
        return torch.stack([table[tokens] for table in self.medusa])

    # -- building ------------------------------------------------------------------------------

    def perturbed(self, gen, noise):
        """A copy with every weight moved by `noise` times its own scale: a cheap, mostly-agreeing draft."""
        other = TinyLM.__new__(TinyLM)
        other.__dict__.update(self.__dict__)

        def jitter(t):
            return t + torch.randn(t.shape, generator=gen, dtype=t.dtype) * noise * t.std()

        other.tok, other.pos, other.head = jitter(self.tok), jitter(self.pos), jitter(self.head)
        other.blocks = [{k: jitter(v) for k, v in b.items()} for b in self.blocks]
        other.medusa = []
        return other

    def greedy(self, prompt, new_tokens):
        tokens = list(prompt)
        for _ in range(new_tokens):
            tokens.append(int(self.logits(torch.tensor(tokens))[-1].argmax()))
        return tokens[len(prompt) :]

    def fit_medusa_heads(self, gen, n_heads=3, prompts=64, prompt_len=6, rollout=32, smoothing=0.1):
        """Head k guesses the token k + 2 places ahead from the current token: a table of smoothed
        log-frequencies counted on the model's own greedy continuations (trained Medusa heads learn
        the same thing from the model's output). Good enough guesses make trees pay off."""
        tokens = torch.randint(0, self.vocab, (prompts, prompt_len), generator=gen)
        for _ in range(rollout):  # batched greedy rollouts
            nxt = self.logits(tokens)[:, -1].argmax(-1, keepdim=True)
            tokens = torch.cat([tokens, nxt], dim=1)
        self.medusa = []
        for k in range(n_heads):
            counts = torch.full((self.vocab, self.vocab), smoothing, dtype=torch.float64)
            for t in range(prompt_len - 1, tokens.shape[1] - k - 2):
                counts.index_put_((tokens[:, t], tokens[:, t + k + 2]), torch.ones(prompts, dtype=torch.float64), accumulate=True)
            self.medusa.append(torch.log(counts / counts.sum(-1, keepdim=True)))
        return self


def _rms(x):
    return x / torch.sqrt((x * x).mean(-1, keepdim=True) + 1e-6)

