// expect: wrong_answer
// Gives every path its own chain of nodes, so shared prefixes are duplicated instead of merged.
function treeAttentionMask(paths: number[][]): { tokens: number[]; mask: number[][] } {
  const nodes: { token: number; depth: number; parent: number }[] = [];
  for (const path of paths) {
    let parent = -1;
    path.forEach((token, depth) => {
      nodes.push({ token, depth, parent });
      parent = nodes.length - 1;
    });
  }
  const order = nodes.map((_, i) => i).sort((a, b) => nodes[a]!.depth - nodes[b]!.depth || a - b);
  const newIndex = new Map(order.map((old, i) => [old, i]));
  const tokens = order.map((old) => nodes[old]!.token);
  const mask = order.map((old) => {
    const row = new Array<number>(order.length).fill(0);
    for (let j = old; j !== -1; j = nodes[j]!.parent) row[newIndex.get(j)!] = 1;
    return row;
  });
  return { tokens, mask };
}
