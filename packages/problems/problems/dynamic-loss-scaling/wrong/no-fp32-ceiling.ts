// expect: wrong_answer
// Always grows, so the scale can pass the largest FP32 value (on a GPU it would become Infinity).
function lossScaleSchedule(
  overflows: boolean[],
  initScale: number,
  growthFactor: number,
  backoffFactor: number,
  growthInterval: number,
): number[] {
  const used: number[] = [];
  let scale = initScale;
  let clean = 0;
  for (const overflow of overflows) {
    used.push(scale);
    if (overflow) {
      scale *= backoffFactor;
      clean = 0;
    } else if (++clean === growthInterval) {
      clean = 0;
      scale *= growthFactor;
    }
  }
  return used;
}
