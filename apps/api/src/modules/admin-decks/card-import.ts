import { parse as parseCsv } from 'csv-parse/sync';
import { ZSlug, type TFieldIssue, type TImportedCard, type TSuspectedDuplicate } from '@prep/contracts';
import { parseCardFile } from '@prep/problems';

/** A card read from an import, before ids are checked against the database. */
export type ParsedCard = Omit<TImportedCard, 'index'> & { index: number };

/** `Binary search: O(log n)` → `binary-search-o-log-n`, at most 60 characters, never empty. */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'card';
}

/** A unique id made from the front: `taken` holds every id in use (it is added to). */
export function uniqueId(front: string, taken: Set<string>): string {
  const base = slugify(front);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const splitTags = (text: string | undefined) =>
  [
    ...new Set(
      (text ?? '')
        .split(/[\s,;]+/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ] as string[];

/**
 * CSV with a header row naming the columns `front`, `back` (required), `tags`, `topic`, `id`. csv-parse handles the
 * quoting rules (a back with commas, quotes or line breaks inside quotes) that a hand-split would get wrong.
 */
export function parseCsvCards(text: string, defaultTopic: string): { cards: ParsedCard[]; issues: TFieldIssue[] } {
  let records: { record: Record<string, string>; line: number }[];
  try {
    records = (
      parseCsv(text.replace(/^\uFEFF/, ''), {
        columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: false,
        info: true,
        relax_column_count: false,
      }) as { record: Record<string, string>; info: { lines: number } }[]
    ).map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (e) {
    return { cards: [], issues: [{ path: 'body.text', message: `CSV: ${(e as Error).message}` }] };
  }
  const issues: TFieldIssue[] = [];
  const first = records[0]?.record;
  if (!first || !('front' in first) || !('back' in first)) {
    return { cards: [], issues: [{ path: 'body.text', message: 'CSV: the header row must name the columns front and back' }] };
  }
  const cards: ParsedCard[] = [];
  records.forEach(({ record, line }) => {
    const at = (field: string) => `body.text:${line}:${field}`;
    const front = (record.front ?? '').trim();
    const back = (record.back ?? '').trim();
    const topic = (record.topic ?? '').trim() || defaultTopic;
    const id = (record.id ?? '').trim();
    const tags = splitTags(record.tags);
    const before = issues.length;
    if (!front) issues.push({ path: at('front'), message: 'is empty' });
    else if (/[\r\n]/.test(front)) issues.push({ path: at('front'), message: 'must be one line' });
    if (!back) issues.push({ path: at('back'), message: 'is empty' });
    if (!ZSlug.safeParse(topic).success) issues.push({ path: at('topic'), message: 'must be kebab-case' });
    if (id && !ZSlug.safeParse(id).success) issues.push({ path: at('id'), message: 'must be kebab-case' });
    for (const tag of tags)
      if (!ZSlug.safeParse(tag).success) issues.push({ path: at('tags'), message: `tag "${tag}" must be kebab-case` });
    if (issues.length === before) cards.push({ index: cards.length, id, topic, front, back, tags });
  });
  return { cards, issues };
}

/** A card file in the packages/problems format, read by its own parser (so the linter and the import agree). */
export function parseMarkdownCards(
  text: string,
  deck: string,
  topic: string | undefined,
): { cards: ParsedCard[]; issues: TFieldIssue[]; topicTitle: string | null } {
  const title = /^---[\s\S]*?^title:\s*["']?(.+?)["']?\s*$/m.exec(text)?.[1] ?? null;
  const topicSlug = topic ?? (title ? slugify(title) : 'cards');
  const parsed = parseCardFile('body.text', text, deck, topicSlug);
  return {
    cards: parsed.cards.map((c, index) => ({ index, id: c.id, topic: topicSlug, front: c.front, back: c.back, tags: c.tags })),
    issues: parsed.issues.map((i) => ({ path: `${i.file}:${i.line}`, message: i.message })),
    topicTitle: title,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Near-duplicates

/** Text as a reader compares it: lower case, without Markdown punctuation, math delimiters or extra spaces. */
export function normalizeCardText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[`*_#>$\\[\]()~|:;,.!?"'{}-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const padded = ` ${text} `;
  for (let i = 0; i < padded.length - 1; i++) {
    const g = padded.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice coefficient of character bigrams: 1 for equal texts, robust to small edits and word order changes. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of x) {
    shared += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Fronts at least this similar (after normalizing) are flagged. */
export const DUPLICATE_THRESHOLD = 0.85;

/**
 * Imported cards whose front looks like an existing card's of the deck, or like an earlier card's of the same import.
 * The first match (most similar) is reported; an admin decides which to skip.
 */
export function findNearDuplicates(cards: ParsedCard[], existing: { id: string; front: string }[]): TSuspectedDuplicate[] {
  const known = existing.map((c) => ({ ...c, norm: normalizeCardText(c.front) }));
  const seen: { index: number; front: string; norm: string }[] = [];
  const out: TSuspectedDuplicate[] = [];
  for (const card of cards) {
    const norm = normalizeCardText(card.front);
    let best: TSuspectedDuplicate | null = null;
    for (const k of known) {
      const s = similarity(norm, k.norm);
      if (s >= DUPLICATE_THRESHOLD && (!best || s > best.similarity))
        best = { index: card.index, similarTo: { kind: 'existing', id: k.id, front: k.front }, similarity: s };
    }
    for (const k of seen) {
      const s = similarity(norm, k.norm);
      if (s >= DUPLICATE_THRESHOLD && (!best || s > best.similarity))
        best = { index: card.index, similarTo: { kind: 'import', index: k.index, front: k.front }, similarity: s };
    }
    if (best) out.push({ ...best, similarity: Math.round(best.similarity * 1000) / 1000 });
    seen.push({ index: card.index, front: card.front, norm });
  }
  return out;
}
