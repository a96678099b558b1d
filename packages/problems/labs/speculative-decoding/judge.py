"""Judge for speculative-decoding (trusted: runs in the judge process, never in the sandbox).

Target and draft are tiny transformers built here from the secret seed; the solution reaches them
only through proxies, so every target forward pass is counted on this side. The output must equal
the target's own greedy text token for token, and the target must be called about as rarely as
the reference algorithm calls it.
"""

from labjudge.decoding import CountedLM, remote
from labjudge.session import Fail
from labjudge.tiny_lm import TinyLM

CHECKS = ["equals-target-greedy", "target-passes"]

DRAFT_NOISE = 0.1
PROMPT_LEN = 8
# (model, prompt, max_new_tokens, gamma); model "b" with prompt 0 again: an output cached by prompt fails.
CONFIGS = [
    ("a", 0, 48, 4),
    ("a", 1, 33, 1),
    ("a", 2, 40, 6),
    ("b", 0, 48, 4),
    ("b", 3, 1, 4),
    ("b", 4, 5, 8),
    ("c", 5, 64, 3),
]
PASSES_SLACK = 1  # a prefill pass before the loop is fine
MAX_PASSES_PER_TOKEN = 0.75  # over the whole run; plain greedy decoding is 1.0


def build_models(run):
    torch = run.torch
    models = {}
    for name in sorted({c[0] for c in CONFIGS}):
        target = TinyLM(run.rng("target", name))
        models[name] = (target, target.perturbed(run.rng("draft", name), DRAFT_NOISE))
    prompts = [torch.randint(0, 64, (PROMPT_LEN,), generator=run.rng("prompt", i)).tolist() for i in range(6)]
    return models, prompts


def evaluate(run):
    torch = run.torch
    session = run.runner()
    reference = run.reference()
    models, prompts = run.memo("models", lambda: build_models(run))
    results = []
    with run.check("equals-target-greedy") as entry:
        for index, (name, prompt_id, new_tokens, gamma) in enumerate(CONFIGS):
            target_lm, draft_lm = models[name]
            prompt = prompts[prompt_id]
            expected = run.memo(("greedy", index), lambda: target_lm.greedy(prompt, new_tokens))
            target, draft = CountedLM(torch, target_lm, "target"), CountedLM(torch, draft_lm, "draft")
            reply = session.call(
                "speculative_generate",
                (remote("target", target_lm), remote("draft", draft_lm), prompt, new_tokens, gamma),
                remotes={"target": target, "draft": draft},
                check_output=False,
            )
            where = f"run {index + 1} (max_new_tokens={new_tokens}, gamma={gamma})"
            check_tokens(reply.value, expected, where)
            reference_calls = run.memo(("reference", index), lambda: reference_passes(torch, reference, target_lm, draft_lm, prompt, new_tokens, gamma, expected, where))
            results.append((where, new_tokens, target.calls, draft.calls, reference_calls))
        entry["message"] = f"{len(CONFIGS)} runs equal the target's greedy output token for token"
    with run.check("target-passes") as entry:
        total_tokens = sum(r[1] for r in results)
        total_passes = sum(r[2] for r in results)
        run.metrics.update(
            targetPasses=total_passes,
            draftPasses=sum(r[3] for r in results),
            referenceTargetPasses=sum(r[4] for r in results),
            generatedTokens=total_tokens,
            targetPassesPerToken=round(total_passes / total_tokens, 3),
        )
        for where, new_tokens, passes, _draft, ref_passes in results:
            if passes > ref_passes + PASSES_SLACK:
                raise Fail(
                    "budget_exceeded",
                    f"{where}: the target ran {passes} forward passes for {new_tokens} tokens; speculative decoding "
                    f"needs {ref_passes} (verify all gamma drafted tokens in one target pass)",
                )
        if total_passes / total_tokens > MAX_PASSES_PER_TOKEN:
            raise Fail("budget_exceeded", f"{total_passes / total_tokens:.2f} target passes per token; at most {MAX_PASSES_PER_TOKEN} allowed")
        entry["message"] = f"{total_passes} target passes for {total_tokens} tokens ({total_passes / total_tokens:.2f} per token; plain greedy decoding needs 1.00)"


def reference_passes(torch, reference, target_lm, draft_lm, prompt, new_tokens, gamma, expected, where):
    target = CountedLM(torch, target_lm, "target")
    if reference.speculative_generate(target, CountedLM(torch, draft_lm, "draft"), prompt, new_tokens, gamma) != expected:
        raise Fail("internal_error", f"lab self-check: the reference disagrees with greedy decoding in {where}")
    return target.calls


def check_tokens(actual, expected, where):
    if not isinstance(actual, list) or not all(isinstance(t, int) and not isinstance(t, bool) for t in actual):
        raise Fail("wrong_answer", f"{where}: return a list of ints, got {type(actual).__name__}")
    if len(actual) != len(expected):
        raise Fail("wrong_answer", f"{where}: {len(actual)} tokens generated, expected exactly {len(expected)}")
    for i, (a, e) in enumerate(zip(actual, expected)):
        if a != e:
            raise Fail("wrong_answer", f"{where}: token {i} is {a}, but the target's greedy choice is {e} (the first {i} tokens match)")
