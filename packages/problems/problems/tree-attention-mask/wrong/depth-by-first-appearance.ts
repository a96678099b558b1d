// expect: wrong_answer
// Orders each depth by where the prefix first appears in `paths`, ignoring the order of the parents.
function treeAttentionMask(paths: number[][]): { tokens: number[]; mask: number[][] } {
  const index = new Map<string, number>();
  const prefixes: number[][] = [];
  for (let depth = 1; depth <= 5; depth++) {
    for (const path of paths) {
      if (path.length < depth) continue;
      const key = path.slice(0, depth).join(',');
      if (!index.has(key)) {
        index.set(key, prefixes.length);
        prefixes.push(path.slice(0, depth));
      }
    }
  }
  const tokens = prefixes.map((p) => p[p.length - 1]!);
  const mask = prefixes.map((p) => {
    const row = new Array<number>(prefixes.length).fill(0);
    for (let len = 1; len <= p.length; len++) row[index.get(p.slice(0, len).join(','))!] = 1;
    return row;
  });
  return { tokens, mask };
}
