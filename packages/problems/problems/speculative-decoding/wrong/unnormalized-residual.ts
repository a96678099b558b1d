// expect: wrong_answer
// Compares the running sum of max(0, p - q) with u instead of u times the residual's total mass.
function speculativeDecode(draftTokens: number[], draftProbs: number[][], targetProbs: number[][], uniforms: number[]): number[] {
  const gamma = draftTokens.length;
  const sample = (w: number[], u: number): number => {
    let c = 0;
    for (let t = 0; t < w.length; t++) if ((c += w[t]!) > u) return t;
    return w.length - 1;
  };
  const out: number[] = [];
  for (let i = 0; i < gamma; i++) {
    const x = draftTokens[i]!;
    if (uniforms[i]! < targetProbs[i]![x]! / draftProbs[i]![x]!) {
      out.push(x);
      continue;
    }
    out.push(
      sample(
        targetProbs[i]!.map((p, t) => Math.max(0, p - draftProbs[i]![t]!)),
        uniforms[gamma]!,
      ),
    );
    return out;
  }
  out.push(sample(targetProbs[gamma]!, uniforms[gamma]!));
  return out;
}
