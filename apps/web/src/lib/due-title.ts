/**
 * The due count in the page title, Gmail style: "(12) Today · Recall Prep". Pure, so it can be tested without a
 * browser; the shell applies it whenever Next.js sets a page's title or the count changes.
 */
const COUNT_PREFIX = /^\(\d+\+?\)\s+/;

/** The title with the count in front (none for 0 or unknown), replacing a count already there. */
export function titleWithDueCount(title: string, count: number | null): string {
  const base = title.replace(COUNT_PREFIX, '');
  if (count === null || count <= 0) return base;
  return `(${count > 999 ? '999+' : count}) ${base}`;
}
