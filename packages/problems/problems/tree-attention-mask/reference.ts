interface TrieNode {
  token: number;
  /** Children keyed by token; a Map iterates in insertion order, which is order of first appearance. */
  children: Map<number, TrieNode>;
}

/**
 * Insert the paths into a trie (inserting in input order makes each node's children ordered by first
 * appearance), then number the nodes breadth-first. Because a parent is numbered before its children,
 * row i of the mask is its parent's row plus a 1 on the diagonal. O(n + m²) for m nodes.
 */
export function treeAttentionMask(paths: number[][]): { tokens: number[]; mask: number[][] } {
  const root: TrieNode = { token: -1, children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const token of path) {
      let child = node.children.get(token);
      if (!child) {
        child = { token, children: new Map() };
        node.children.set(token, child);
      }
      node = child;
    }
  }

  const queue: { node: TrieNode; parent: number }[] = [...root.children.values()].map((node) => ({ node, parent: -1 }));
  const count = countNodes(root);
  const tokens: number[] = [];
  const mask: number[][] = [];
  for (let i = 0; i < queue.length; i++) {
    const { node, parent } = queue[i]!;
    const row = parent === -1 ? new Array<number>(count).fill(0) : [...mask[parent]!];
    row[i] = 1;
    tokens.push(node.token);
    mask.push(row);
    for (const child of node.children.values()) queue.push({ node: child, parent: i });
  }
  return { tokens, mask };
}

function countNodes(node: TrieNode): number {
  let n = 0;
  for (const child of node.children.values()) n += 1 + countNodes(child);
  return n;
}

/**
 * Independent formulation: every distinct prefix is a node. Order two prefixes by length, then at the first
 * position where they differ, by when that one-longer prefix first appears in `paths`. Ancestors are the
 * node's own shorter prefixes.
 */
export function treeAttentionMaskBySorting(paths: number[][]): { tokens: number[]; mask: number[][] } {
  const firstSeen = new Map<string, number>();
  const prefixes: number[][] = [];
  paths.forEach((path, index) => {
    for (let len = 1; len <= path.length; len++) {
      const key = path.slice(0, len).join(',');
      if (!firstSeen.has(key)) {
        firstSeen.set(key, index);
        prefixes.push(path.slice(0, len));
      }
    }
  });
  const seen = (p: number[], len: number) => firstSeen.get(p.slice(0, len).join(','))!;
  prefixes.sort((a, b) => {
    if (a.length !== b.length) return a.length - b.length;
    let d = 0;
    while (a[d] === b[d]) d++;
    return seen(a, d + 1) - seen(b, d + 1);
  });
  const indexOf = new Map(prefixes.map((p, i) => [p.join(','), i]));
  const mask = prefixes.map((p) => {
    const row = new Array<number>(prefixes.length).fill(0);
    for (let len = 1; len <= p.length; len++) row[indexOf.get(p.slice(0, len).join(','))!] = 1;
    return row;
  });
  return { tokens: prefixes.map((p) => p[p.length - 1]!), mask };
}
