/**
 * 1 if point is strictly inside the simple polygon, 0 if it is on the boundary, -1 if it is outside.
 */
function pointInPolygon(polygon: [number, number][], point: [number, number]): number {
  // Your code here.
  return -2;
}
