import { z } from 'zod';
import { ZCard, ZSlug, type TCard } from '@prep/contracts';
import { parseFrontmatter } from './frontmatter';
import { checkMath } from './markdown';
import type { ContentIssue } from './issues';

const ZCardFileMeta = z.strictObject({
  title: z.string().min(3),
  tags: z.array(ZSlug).default([]),
});

const META = /^<!--\s*(.*?)\s*-->\s*$/;

/** Keys a card's metadata comment may hold. */
const CARD_META_KEYS = ['id', 'version', 'tags', 'practice'] as const;

/** Parses `id: x; version: 2; tags: a, b; practice: p, q` from a card's metadata comment. */
function parseCardMeta(text: string): { meta: Record<string, string>; unknown: string[] } {
  const meta: Record<string, string> = {};
  const unknown: string[] = [];
  for (const part of text.split(';')) {
    const m = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(part);
    if (!m) continue;
    if ((CARD_META_KEYS as readonly string[]).includes(m[1]!)) meta[m[1]!] = m[2]!;
    else unknown.push(m[1]!);
  }
  return { meta, unknown };
}

/** `a, b, c` → `['a', 'b', 'c']`. */
function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/**
 * A card file is Markdown: frontmatter (title, tags for every card), then one card per `## ` heading.
 * The heading is the front; the next line is `<!-- id: ...; version: N; tags: a, b; practice: p, q -->` (`practice`
 * names problems that practise the card); the rest, up to the next `## `, is the back.
 */
export function parseCardFile(file: string, text: string, deck: string, topic: string): { cards: TCard[]; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const fm = parseFrontmatter(text);
  for (const e of fm.errors) issues.push({ file, line: e.line, message: e.message });
  const meta = ZCardFileMeta.safeParse(fm.data ?? {});
  if (!meta.success) {
    for (const issue of meta.error.issues) {
      const key = String(issue.path[0] ?? '');
      issues.push({
        file,
        line: fm.keyLines[key] ?? 1,
        message: `frontmatter ${issue.path.join('.') || ''}: ${issue.message}`.replace('  ', ' '),
      });
    }
  }
  const fileTags = meta.success ? meta.data.tags : [];
  const lines = fm.body.split('\n');
  const cards: TCard[] = [];
  let current: { front: string; line: number; meta?: Record<string, string>; back: string[]; backLine?: number } | null = null;
  let fence: string | null = null;
  const flush = () => {
    if (!current) return;
    const { front, line } = current;
    const back = current.back.join('\n').trim();
    if (!current.meta) {
      issues.push({ file, line, message: 'card has no metadata line: put <!-- id: ...; version: 1 --> right under the heading' });
      current = null;
      return;
    }
    const version = current.meta.version === undefined ? 1 : Number(current.meta.version);
    const candidate = {
      id: current.meta.id ?? '',
      version,
      deck,
      topic,
      front,
      back,
      tags: [...new Set([...fileTags, ...commaList(current.meta.tags)])],
      practice: commaList(current.meta.practice),
    };
    const parsed = ZCard.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const message = field === 'back' ? 'card has no back: write the answer under the metadata line' : `card ${field}: ${issue.message}`;
        issues.push({ file, line, message });
      }
    } else {
      for (const m of checkMath(front)) issues.push({ file, line, message: m.message });
      for (const m of checkMath(back)) issues.push({ file, line: (current.backLine ?? line) + m.lineOffset, message: m.message });
      cards.push(parsed.data);
    }
    current = null;
  };
  lines.forEach((raw, i) => {
    const lineNo = fm.bodyLine + i;
    const f = /^\s*(```|~~~)/.exec(raw);
    if (fence) {
      if (f && raw.trim().startsWith(fence)) fence = null;
      current?.back.push(raw);
      return;
    }
    if (f) fence = f[1]!;
    const heading = /^##\s+(.+?)\s*$/.exec(raw);
    if (!fence && heading) {
      flush();
      current = { front: heading[1]!, line: lineNo, back: [] };
      return;
    }
    if (!current) {
      if (raw.trim() !== '' && !raw.startsWith('# ')) {
        issues.push({ file, line: lineNo, message: 'text outside any card: every card starts with a "## " heading (its front)' });
      }
      return;
    }
    if (!current.meta && current.back.every((l) => l.trim() === '') && META.test(raw)) {
      current.back = [];
      const { meta, unknown } = parseCardMeta(META.exec(raw)![1]!);
      current.meta = meta;
      for (const key of unknown)
        issues.push({ file, line: lineNo, message: `unknown card metadata "${key}": use ${CARD_META_KEYS.join(', ')}` });
      return;
    }
    if (current.backLine === undefined && raw.trim() !== '') current.backLine = lineNo;
    current.back.push(raw);
  });
  flush();
  if (cards.length === 0 && issues.length === 0) issues.push({ file, line: 1, message: 'file holds no cards' });
  return { cards, issues };
}
