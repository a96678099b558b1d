// expect: wrong_answer
// Never resets the clean-step counter on overflow, so growth comes after growthInterval clean steps in total, not in a row.
function lossScaleSchedule(
  overflows: boolean[],
  initScale: number,
  growthFactor: number,
  backoffFactor: number,
  growthInterval: number,
): number[] {
  const FP32_MAX = 3.4028234663852886e38;
  const used: number[] = [];
  let scale = initScale;
  let clean = 0;
  for (const overflow of overflows) {
    used.push(scale);
    if (overflow) {
      scale *= backoffFactor;
    } else if (++clean === growthInterval) {
      clean = 0;
      if (scale * growthFactor <= FP32_MAX) scale *= growthFactor;
    }
  }
  return used;
}
