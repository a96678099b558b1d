// expect: time_limit_exceeded
// Recounts the current run of clean steps by scanning back at every step: O(n^2) on long clean runs.
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
  for (let t = 0; t < overflows.length; t++) {
    used.push(scale);
    if (overflows[t]) {
      scale *= backoffFactor;
      continue;
    }
    let run = 0;
    for (let j = t; j >= 0 && !overflows[j]; j--) run++;
    if (run % growthInterval === 0 && scale * growthFactor <= FP32_MAX) scale *= growthFactor;
  }
  return used;
}
