"""Judge-side model wrappers for the decoding labs: every forward pass is validated and counted here,
where the learner's code cannot reach the counter."""

from .session import Fail


def expect_tokens(torch, tokens, vocab, max_len, what="tokens"):
    if not isinstance(tokens, torch.Tensor) or tokens.dtype != torch.int64 or tokens.dim() != 1:
        got = f"{tokens.dtype} tensor of shape {tuple(tokens.shape)}" if isinstance(tokens, torch.Tensor) else type(tokens).__name__
        raise Fail("wrong_answer", f"{what} must be a 1-D torch.long tensor, got {got}")
    if not 1 <= tokens.shape[0] <= max_len:
        raise Fail("wrong_answer", f"{what} has length {tokens.shape[0]}; the model takes 1 to {max_len} positions")
    if bool(((tokens < 0) | (tokens >= vocab)).any()):
        raise Fail("wrong_answer", f"{what} holds ids outside [0, {vocab})")
    return tokens.cpu()


class CountedLM:
    """`model(tokens) -> logits (L, vocab)` for a plain causal LM; counts calls."""

    def __init__(self, torch, lm, name):
        self.torch, self.lm, self.name = torch, lm, name
        self.calls = 0

    def rpc_call(self, tokens):
        tokens = expect_tokens(self.torch, tokens, self.lm.vocab, self.lm.max_len, f"the tokens passed to {self.name}")
        self.calls += 1
        return self.lm.logits(tokens)

    # The reference runs in the judge with the same interface.
    __call__ = rpc_call


def remote(name, lm):
    from labrunner.wire import Remote

    return Remote(name, {"vocab_size": lm.vocab, "max_len": lm.max_len})
