/** The largest finite FP32 value, (2 - 2^-23) * 2^127. */
const FP32_MAX = 3.4028234663852886e38;

/**
 * GradScaler's update rule as a state machine over (scale, clean-step counter). The scale reported for a step
 * is the one in effect before that step's update. O(n).
 */
export function lossScaleSchedule(
  overflows: boolean[],
  initScale: number,
  growthFactor: number,
  backoffFactor: number,
  growthInterval: number,
): number[] {
  const used = new Array<number>(overflows.length);
  let scale = initScale;
  let cleanSteps = 0;
  for (let t = 0; t < overflows.length; t++) {
    used[t] = scale;
    if (overflows[t]) {
      scale *= backoffFactor;
      cleanSteps = 0;
    } else if (++cleanSteps === growthInterval) {
      cleanSteps = 0;
      if (scale * growthFactor <= FP32_MAX) scale *= growthFactor;
    }
  }
  return used;
}

/**
 * The same rule phrased per run of clean steps: within a run, the scale grows after every growthInterval-th
 * clean step, i.e. when the length of the current run is a multiple of growthInterval.
 */
export function lossScaleScheduleByRuns(
  overflows: boolean[],
  initScale: number,
  growthFactor: number,
  backoffFactor: number,
  growthInterval: number,
): number[] {
  const used: number[] = [];
  let scale = initScale;
  let run = 0;
  for (const overflow of overflows) {
    used.push(scale);
    run = overflow ? 0 : run + 1;
    if (overflow) scale *= backoffFactor;
    else if (run % growthInterval === 0 && scale * growthFactor <= FP32_MAX) scale *= growthFactor;
  }
  return used;
}
