// expect: wrong_answer
// Numbers the trie depth-first (pre-order), a valid topological order but not the breadth-first one asked for.
function treeAttentionMask(paths: number[][]): { tokens: number[]; mask: number[][] } {
  type Node = { token: number; children: Map<number, Node> };
  const root: Node = { token: -1, children: new Map() };
  let count = 0;
  for (const path of paths) {
    let node = root;
    for (const t of path) {
      if (!node.children.has(t)) {
        node.children.set(t, { token: t, children: new Map() });
        count++;
      }
      node = node.children.get(t)!;
    }
  }
  const tokens: number[] = [];
  const mask: number[][] = [];
  const visit = (node: Node, parentRow: number[] | null) => {
    const i = tokens.length;
    const row = parentRow ? [...parentRow] : new Array<number>(count).fill(0);
    row[i] = 1;
    tokens.push(node.token);
    mask.push(row);
    for (const child of node.children.values()) visit(child, row);
  };
  for (const child of root.children.values()) visit(child, null);
  return { tokens, mask };
}
