/**
 * The smallest Euclidean distance between two of the points (0 if a point is repeated).
 */
function closestPair(points: [number, number][]): number {
  // Your code here.
  return -1;
}
