/**
 * The loss scale used at each training step, under dynamic loss scaling:
 * back off on overflow, grow after growthInterval consecutive clean steps.
 */
function lossScaleSchedule(
  overflows: boolean[],
  initScale: number,
  growthFactor: number,
  backoffFactor: number,
  growthInterval: number,
): number[] {
  // Your code here.
  return [];
}
