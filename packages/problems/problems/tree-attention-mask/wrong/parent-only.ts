// expect: wrong_answer
// Each node attends to itself and its parent only, not to all of its ancestors.
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
  const queue = [...root.children.values()].map((node) => ({ node, parent: -1 }));
  for (let i = 0; i < queue.length; i++) {
    const { node, parent } = queue[i]!;
    const row = new Array<number>(count).fill(0);
    if (parent >= 0) row[parent] = 1;
    row[i] = 1;
    tokens.push(node.token);
    mask.push(row);
    for (const child of node.children.values()) queue.push({ node: child, parent: i });
  }
  return { tokens, mask };
}
