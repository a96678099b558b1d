/**
 * Area of a simple polygon whose vertices are listed in order (clockwise or counter-clockwise).
 */
function polygonArea(points: [number, number][]): number {
  // Your code here.
  return 0;
}
