// expect: wrong_answer
// Returns only the accepted guesses when all of them survive, dropping the free bonus token from p_gamma.
function speculativeDecode(draftTokens: number[], draftProbs: number[][], targetProbs: number[][], uniforms: number[]): number[] {
  const gamma = draftTokens.length;
  const sample = (w: number[], u: number): number => {
    const target = u * w.reduce((a, b) => a + b, 0);
    let c = 0;
    for (let t = 0; t < w.length; t++) if ((c += w[t]!) > target) return t;
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
  if (gamma === 0) out.push(sample(targetProbs[0]!, uniforms[0]!));
  return out;
}
