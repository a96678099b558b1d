/** A problem statement split the way a problem page shows it. */
export interface SplitStatement {
  statement: string;
  examples: { title: string; body: string }[];
  constraints: string | null;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const EXAMPLE = /^example\b/i;
const CONSTRAINTS = /^constraints\b/i;

/**
 * Splits a statement's Markdown at its `Example …` and `Constraints` headings (any level): each such section runs
 * until the next heading of the same or a higher level. Everything else, in order, is the description. Headings
 * inside fenced code blocks are text.
 */
export function splitStatement(markdown: string): SplitStatement {
  const lines = markdown.split('\n');
  const description: string[] = [];
  const examples: { title: string; body: string[] }[] = [];
  const constraints: string[] = [];
  let section: { kind: 'example' | 'constraints'; level: number } | null = null;
  let fence: string | null = null;
  for (const line of lines) {
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    const heading = fence === null ? HEADING.exec(line) : null;
    if (fenceMark && (fence === null || fenceMark.startsWith(fence))) fence = fence === null ? fenceMark : null;
    if (heading) {
      const level = heading[1]!.length;
      const title = heading[2]!;
      if (section && level <= section.level) section = null;
      if (EXAMPLE.test(title)) {
        section = { kind: 'example', level };
        examples.push({ title, body: [] });
        continue;
      }
      if (CONSTRAINTS.test(title)) {
        section = { kind: 'constraints', level };
        continue;
      }
    }
    if (section?.kind === 'example') examples[examples.length - 1]!.body.push(line);
    else if (section?.kind === 'constraints') constraints.push(line);
    else description.push(line);
  }
  const text = (parts: string[]) => parts.join('\n').trim();
  return {
    statement: text(description),
    examples: examples.map((e) => ({ title: e.title, body: text(e.body) })),
    constraints: constraints.length ? text(constraints) || null : null,
  };
}
