import torch


def tree_attention_mask(tree: list) -> torch.Tensor:
    """(n, n) bool with n = len(tree) + 1: row i may attend to column j iff node j is node i or one
    of its ancestors. Node 0 is the root; node i + 1 is the path tree[i]."""
    raise NotImplementedError


def tree_position_ids(tree: list, prefix_len: int) -> torch.Tensor:
    """Position of every node (root first) when the tree follows a prefix of prefix_len tokens."""
    raise NotImplementedError


def medusa_generate(model, prompt: list, max_new_tokens: int, tree: list, temperature: float, epsilon: float, delta: float) -> list:
    """Medusa decoding with tree attention and typical acceptance; see the statement for each step."""
    raise NotImplementedError
