type Point = [number, number];

/**
 * Ray casting to the right with a half-open rule: an edge counts when exactly one endpoint is above the
 * ray (y > py), so a vertex on the ray is counted once for a pass-through and zero or two times for a
 * tangent, and horizontal edges never count. Boundary points are detected first, exactly: integer
 * coordinates keep every cross product an exact integer.
 */
export function pointInPolygon(polygon: Point[], point: Point): number {
  const [px, py] = point;
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[j]!;
    const b = polygon[i]!;
    const cross = (b[0] - a[0]) * (py - a[1]) - (b[1] - a[1]) * (px - a[0]);
    if (
      cross === 0 &&
      Math.min(a[0], b[0]) <= px &&
      px <= Math.max(a[0], b[0]) &&
      Math.min(a[1], b[1]) <= py &&
      py <= Math.max(a[1], b[1])
    ) {
      return 0;
    }
    // The edge straddles the line y = py. It crosses the ray to the right of the point exactly when the
    // point is left of the edge directed upwards.
    if (a[1] > py !== b[1] > py && cross > 0 === b[1] > a[1]) inside = !inside;
  }
  return inside ? 1 : -1;
}

/** Winding number (Dan Sunday's form): +1 for each upward crossing right of the point, -1 for each downward one. */
export function pointInPolygonWinding(polygon: Point[], point: Point): number {
  const [px, py] = point;
  let winding = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    const cross = (b[0] - a[0]) * (py - a[1]) - (b[1] - a[1]) * (px - a[0]);
    const onSegment = cross === 0 && (a[0] - px) * (b[0] - px) <= 0 && (a[1] - py) * (b[1] - py) <= 0;
    if (onSegment) return 0;
    if (a[1] <= py) {
      if (b[1] > py && cross > 0) winding++;
    } else if (b[1] <= py && cross < 0) {
      winding--;
    }
  }
  return winding !== 0 ? 1 : -1;
}
