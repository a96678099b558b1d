// expect: wrong_answer
// Records the scale after the step's update instead of the scale the step actually used.
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
    if (overflow) {
      scale *= backoffFactor;
      clean = 0;
    } else if (++clean === growthInterval) {
      clean = 0;
      if (scale * growthFactor <= FP32_MAX) scale *= growthFactor;
    }
    used.push(scale);
  }
  return used;
}
