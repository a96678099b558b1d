/** A path with a query string from optional values, leaving out the empty ones. */
export function withQuery<P extends string>(path: P, query: Record<string, string | number | undefined | null>): P {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return (search ? `${path}?${search}` : path) as P;
}
