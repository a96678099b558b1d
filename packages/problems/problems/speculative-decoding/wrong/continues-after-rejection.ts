// expect: wrong_answer
// Replaces a rejected guess with a residual sample but keeps checking the later guesses, which were conditioned on it.
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
    if (uniforms[i]! < targetProbs[i]![x]! / draftProbs[i]![x]!) out.push(x);
    else
      out.push(
        sample(
          targetProbs[i]!.map((p, t) => Math.max(0, p - draftProbs[i]![t]!)),
          uniforms[gamma]!,
        ),
      );
  }
  out.push(sample(targetProbs[gamma]!, uniforms[gamma]!));
  return out;
}
