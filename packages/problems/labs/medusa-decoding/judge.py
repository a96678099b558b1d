"""Judge for medusa-decoding (trusted: runs in the judge process, never in the sandbox).

The base model and its Medusa heads are built here from the secret seed; the solution reaches them
through a proxy, and every forward pass is validated (token ids, position ids, a boolean mask whose
diagonal is set) and counted on this side. The tree mask and position ids are compared exactly on
trees the solution has not seen; generation must reproduce the reference trajectory token for token
(greedy and with typical acceptance) without more forward passes than the reference needs.
"""

from labjudge.decoding import expect_tokens
from labjudge.session import Fail
from labjudge.tiny_lm import TinyLM

CHECKS = ["tree-attention-mask", "tree-position-ids", "greedy-generation", "typical-acceptance"]

TREE = [(0,), (1,), (2,), (0, 0), (0, 1), (1, 0), (0, 0, 0), (0, 0, 1), (0, 1, 0), (1, 0, 0)]
FIXED_TREES = [
    [(0,)],
    [(0,), (1,), (2,), (3,)],
    [(0,), (0, 0), (0, 0, 0), (0, 0, 0, 0)],
    TREE,
]
PROMPT_LEN = 8
GREEDY = [("a", 0, 48), ("a", 1, 1), ("b", 2, 40)]  # (model, prompt, max_new_tokens)
# Medusa's defaults first; then a flat, large epsilon that only the entropy term brings down.
TYPICAL = [("a", 0, 48, 0.7, 0.09, 0.3), ("b", 3, 48, 1.0, 0.4, 0.09), ("a", 3, 40, 1.3, 0.3, 0.05), ("b", 2, 7, 0.7, 0.09, 0.3)]


class MedusaModel:
    """model(tokens, position_ids, attention_mask) -> (logits (L, V), medusa_logits (K, L, V))."""

    def __init__(self, torch, lm):
        self.torch, self.lm = torch, lm
        self.calls = 0

    def rpc_call(self, tokens, position_ids, attention_mask):
        torch = self.torch
        tokens = expect_tokens(torch, tokens, self.lm.vocab, self.lm.max_len, "tokens")
        n = tokens.shape[0]
        if not isinstance(position_ids, torch.Tensor) or position_ids.dtype != torch.int64 or tuple(position_ids.shape) != (n,):
            raise Fail("wrong_answer", f"position_ids must be a torch.long tensor of shape ({n},)")
        if bool(((position_ids < 0) | (position_ids >= self.lm.max_len)).any()):
            raise Fail("wrong_answer", f"position_ids must lie in [0, {self.lm.max_len})")
        if not isinstance(attention_mask, torch.Tensor) or attention_mask.dtype != torch.bool or tuple(attention_mask.shape) != (n, n):
            raise Fail("wrong_answer", f"attention_mask must be a torch.bool tensor of shape ({n}, {n})")
        if not bool(attention_mask.diagonal().all()):
            raise Fail("wrong_answer", "attention_mask must let every position attend to itself")
        self.calls += 1
        hidden = self.lm.hidden(tokens, position_ids.cpu(), attention_mask.cpu())
        return self.lm.head_logits(hidden, tokens), self.lm.medusa_logits(tokens)

    __call__ = rpc_call


def build_model(run, name):
    return TinyLM(run.rng("base", name), context=0.5, pos_scale=0.1, repeat_penalty=8.0).fit_medusa_heads(run.rng("heads", name))


def random_tree(torch, g, size):
    """A prefix-closed tree of `size` paths, in (length, lexicographic) order."""
    paths = set()
    while len(paths) < size:
        path = ()
        depth = int(torch.randint(1, 5, (1,), generator=g))
        for _ in range(depth):
            path = path + (int(torch.randint(0, 3, (1,), generator=g)),)
            paths.add(path)
            if len(paths) >= size:
                break
    closed = set()
    for p in paths:
        for d in range(1, len(p) + 1):
            closed.add(p[:d])
    return sorted(closed, key=lambda p: (len(p), p))


def evaluate(run):
    torch = run.torch
    session = run.runner()
    reference = run.reference()
    g = run.rng("trees")
    trees = FIXED_TREES + [random_tree(torch, g, size) for size in (5, 5, 9, 9, 14)]
    wire_trees = [[list(p) for p in tree] for tree in trees]
    with run.check("tree-attention-mask"):
        for tree, sent in zip(trees, wire_trees):
            expected = reference.tree_attention_mask(tree)
            reply = session.call("tree_attention_mask", (sent,), check_output=True)
            compare_tensor(reply.value, expected, torch.bool, f"tree_attention_mask for {describe(tree)}")
    with run.check("tree-position-ids"):
        for i, (tree, sent) in enumerate(zip(trees, wire_trees)):
            prefix = 3 + 7 * i
            expected = reference.tree_position_ids(tree, prefix)
            reply = session.call("tree_position_ids", (sent, prefix), check_output=True)
            compare_tensor(reply.value, expected, torch.int64, f"tree_position_ids({describe(tree)}, prefix_len={prefix})")
    models = run.memo("models", lambda: {name: build_model(run, name) for name in ("a", "b")})
    prompts = [torch.randint(0, 64, (PROMPT_LEN,), generator=run.rng("prompt", i)).tolist() for i in range(4)]
    totals = {"passes": 0, "tokens": 0, "referencePasses": 0}
    with run.check("greedy-generation") as entry:
        for index, (name, prompt_id, new_tokens) in enumerate(GREEDY):
            where = f"greedy run {index + 1} (temperature 0, max_new_tokens={new_tokens})"
            expected = models[name].greedy(prompts[prompt_id], new_tokens)
            generate(run, session, reference, models[name], prompts[prompt_id], new_tokens, (0.0, 0.09, 0.3), where, expected, totals)
        entry["message"] = f"{len(GREEDY)} runs equal the base model's greedy output"
    with run.check("typical-acceptance") as entry:
        for index, (name, prompt_id, new_tokens, temperature, epsilon, delta) in enumerate(TYPICAL):
            where = f"typical run {index + 1} (temperature {temperature}, epsilon {epsilon}, delta {delta})"
            generate(run, session, reference, models[name], prompts[prompt_id], new_tokens, (temperature, epsilon, delta), where, None, totals)
        run.metrics.update(
            forwardPasses=totals["passes"],
            referenceForwardPasses=totals["referencePasses"],
            generatedTokens=totals["tokens"],
            passesPerToken=round(totals["passes"] / totals["tokens"], 3),
        )
        entry["message"] = f"{totals['passes']} forward passes for {totals['tokens']} tokens ({totals['passes'] / totals['tokens']:.2f} per token)"


def generate(run, session, reference, lm, prompt, new_tokens, sampling, where, greedy, totals):
    from labrunner.wire import Remote

    torch = run.torch

    def reference_run():
        counted = MedusaModel(torch, lm)
        return reference.medusa_generate(counted, prompt, new_tokens, TREE, *sampling), counted.calls

    expected, reference_calls = run.memo(("reference", where), reference_run)
    if greedy is not None and expected != greedy:
        raise Fail("internal_error", f"lab self-check: the reference disagrees with greedy decoding in {where}")
    model = MedusaModel(torch, lm)
    attrs = {"vocab_size": lm.vocab, "max_len": lm.max_len, "num_heads": len(lm.medusa)}
    reply = session.call(
        "medusa_generate",
        (Remote("model", attrs), prompt, new_tokens, [list(p) for p in TREE], *sampling),
        remotes={"model": model},
        check_output=False,
    )
    actual = reply.value
    if not isinstance(actual, list) or not all(isinstance(t, int) and not isinstance(t, bool) for t in actual):
        raise Fail("wrong_answer", f"{where}: return a list of ints, got {type(actual).__name__}")
    if len(actual) != len(expected):
        raise Fail("wrong_answer", f"{where}: {len(actual)} tokens generated, expected exactly {len(expected)}")
    for i, (a, e) in enumerate(zip(actual, expected)):
        if a != e:
            raise Fail("wrong_answer", f"{where}: token {i} is {a}, expected {e} (the first {i} tokens match)")
    if model.calls > reference_calls:
        raise Fail("budget_exceeded", f"{where}: {model.calls} forward passes, but the tree needs only {reference_calls} for these {new_tokens} tokens")
    totals["passes"] += model.calls
    totals["referencePasses"] += reference_calls
    totals["tokens"] += new_tokens


def compare_tensor(actual, expected, dtype, where):
    import torch

    if not isinstance(actual, torch.Tensor):
        raise Fail("wrong_answer", f"{where}: return a torch.Tensor, got {type(actual).__name__}")
    if actual.dtype != dtype or tuple(actual.shape) != tuple(expected.shape):
        raise Fail("wrong_answer", f"{where}: expected a {dtype} tensor of shape {tuple(expected.shape)}, got {actual.dtype} {tuple(actual.shape)}")
    if not torch.equal(actual.cpu(), expected):
        bad = (actual.cpu() != expected).nonzero()[0].tolist()
        raise Fail("wrong_answer", f"{where}: entry {bad} is {actual[tuple(bad)].item()}, expected {expected[tuple(bad)].item()}")


def describe(tree):
    return "[" + ", ".join("(" + ", ".join(map(str, p)) + ",)" if len(p) == 1 else str(p) for p in tree) + "]"
