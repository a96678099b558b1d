import torch


def tree_attention_mask(tree: list) -> torch.Tensor:
    """(n, n) bool, n = len(tree) + 1: node i may attend to node j iff j is i or one of its ancestors.
    Node 0 is the root; node i + 1 is the path tree[i]."""
    index = {(): 0}
    for i, path in enumerate(tree):
        index[tuple(path)] = i + 1
    mask = torch.zeros(len(index), len(index), dtype=torch.bool)
    for path, i in index.items():
        for depth in range(len(path) + 1):
            mask[i, index[path[:depth]]] = True
    return mask


def tree_position_ids(tree: list, prefix_len: int) -> torch.Tensor:
    """A node's position is the prefix length plus its depth (the root sits right after the prefix)."""
    return torch.tensor([prefix_len] + [prefix_len + len(path) for path in tree], dtype=torch.long)


def accepts(logits: torch.Tensor, token: int, temperature: float, epsilon: float, delta: float) -> bool:
    """Typical acceptance: p(token) > min(epsilon, delta * exp(-H(p))); greedy when temperature is 0."""
    if temperature == 0:
        return token == int(logits.argmax())
    probs = torch.softmax(logits / temperature, dim=-1)
    entropy = -(probs * torch.log(probs.clamp_min(1e-300))).sum()
    return float(probs[token]) > min(epsilon, delta * float(torch.exp(-entropy)))


def medusa_generate(model, prompt: list, max_new_tokens: int, tree: list, temperature: float, epsilon: float, delta: float) -> list:
    tree = [tuple(path) for path in tree]
    index = {(): 0}
    for i, path in enumerate(tree):
        index[path] = i + 1
    leaves = [path for path in tree if not any(len(p) == len(path) + 1 and p[:-1] == path for p in tree)]
    tree_mask = tree_attention_mask(tree)
    widths = [1 + max(path[d] for path in tree if len(path) > d) for d in range(max(len(p) for p in tree))]

    tokens = list(prompt)
    n = len(tokens)
    logits, heads = model(torch.tensor(tokens), torch.arange(n), torch.ones(n, n, dtype=torch.bool).tril())
    root = int(logits[-1].argmax())  # the base model's own next token: always kept
    guesses = heads[:, -1]  # head k guesses the token k + 2 places after the last position
    out = []
    while len(out) < max_new_tokens:
        top = [guesses[d].topk(widths[d]).indices.tolist() for d in range(len(widths))]
        nodes = [root] + [top[len(path) - 1][path[-1]] for path in tree]
        prefix = len(tokens)
        total = prefix + len(nodes)
        mask = torch.ones(total, total, dtype=torch.bool).tril()
        mask[prefix:, prefix:] = tree_mask
        positions = torch.cat([torch.arange(prefix), tree_position_ids(tree, prefix)])
        logits, heads = model(torch.tensor(tokens + nodes), positions, mask)
        node_logits = logits[prefix:]
        best = ()
        for leaf in leaves:  # the longest accepted path wins; the first one on ties
            accepted = ()
            for depth in range(1, len(leaf) + 1):
                parent, child = index[leaf[: depth - 1]], index[leaf[:depth]]
                if not accepts(node_logits[parent], nodes[child], temperature, epsilon, delta):
                    break
                accepted = leaf[:depth]
            if len(accepted) > len(best):
                best = accepted
        kept = [root] + [nodes[index[best[:d]]] for d in range(1, len(best) + 1)]
        last = index[best]
        tokens += kept
        out += kept
        root = int(node_logits[last].argmax())
        guesses = heads[:, prefix + last]
    return out[:max_new_tokens]
