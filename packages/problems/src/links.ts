import type { ContentIssue } from './issues';

/**
 * Concept links: a problem (or any other practicable item, such as a lab) names the concept cards it builds on in
 * its frontmatter (`concepts: [card ids]`): its prerequisites, which a failure brings due. A card may also name
 * problems that put its idea to use (`practice: slugs` in its metadata comment), shown with the card but not
 * prerequisites. A card's practice problems are both: the ones it names, then the ones that build on it.
 */

/** An item that names the concept cards it builds on. */
export interface ConceptDeclaration {
  /** What the item is (`problem`, later `lab`); used in messages. */
  kind: string;
  slug: string;
  /** Where the declaration is, for messages: the file and the line of its `concepts` key (or 1). */
  file: string;
  line: number;
  concepts: string[];
}

/** A card that names what practises it. */
export interface PracticeDeclaration {
  card: string;
  file: string;
  line: number;
  practice: string[];
}

/**
 * One resolved link. `conceptOrder` ranks the card among the item's concepts (null: the card's practice list names
 * the item, but the item does not build on the card); `practiceOrder` ranks the item among the card's practice.
 */
export interface ResolvedLink {
  slug: string;
  card: string;
  conceptOrder: number | null;
  practiceOrder: number;
}

export interface LinkCheck {
  links: ResolvedLink[];
  errors: ContentIssue[];
  warnings: ContentIssue[];
}

/** Levenshtein distance, for "did you mean" hints on mistyped ids. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

function suggestion(wanted: string, known: Iterable<string>): string {
  let best: { id: string; d: number } | undefined;
  for (const id of known) {
    const d = distance(wanted, id);
    if (!best || d < best.d) best = { id, d };
  }
  return best && best.d <= Math.max(2, Math.floor(wanted.length / 4)) ? ` (did you mean "${best.id}"?)` : '';
}

/** The ids of a list that exist and are listed once; an error at `at` for each of the others. */
function validIds(
  ids: string[],
  at: { file: string; line: number },
  errors: ContentIssue[],
  label: string,
  known: { has(id: string): boolean; keys(): Iterable<string> },
  missing: string,
): string[] {
  const seen = new Set<string>();
  const valid: string[] = [];
  for (const id of ids) {
    if (seen.has(id)) errors.push({ file: at.file, line: at.line, message: `${label} "${id}" is listed twice` });
    else if (!known.has(id))
      errors.push({ file: at.file, line: at.line, message: `${label} "${id}" ${missing}${suggestion(id, known.keys())}` });
    else valid.push(id);
    seen.add(id);
  }
  return valid;
}

/**
 * Checks every declared link and resolves them into one list. Errors: a link to a card or item that does not
 * exist, or an id listed twice in one list. Warnings: an item that names no concept cards, and a link declared on
 * both sides (it should live in one place, or the two copies drift apart).
 *
 * `practicable` maps every slug a card's `practice` may name to its kind (problems, later labs).
 */
export function resolveConceptLinks(
  items: ConceptDeclaration[],
  cards: PracticeDeclaration[],
  practicable: ReadonlyMap<string, string>,
): LinkCheck {
  const errors: ContentIssue[] = [];
  const warnings: ContentIssue[] = [];
  const cardIds = new Set(cards.map((c) => c.card));
  const declaredBy = new Map<string, ConceptDeclaration>(); // `${slug}\u0000${card}` → the item that declared it
  const key = (slug: string, card: string) => `${slug}\u0000${card}`;
  const conceptsOf = new Map<string, string[]>(items.map((i) => [i.slug, []]));
  const practiceOf = new Map<string, string[]>(cards.map((c) => [c.card, []]));

  for (const item of items) {
    if (item.concepts.length === 0) {
      warnings.push({
        file: item.file,
        line: item.line,
        message: `${item.kind} "${item.slug}" names no concept cards: add concepts: [card ids] to its frontmatter`,
      });
    }
    for (const card of validIds(item.concepts, item, errors, 'concept card', cardIds, 'does not exist')) {
      declaredBy.set(key(item.slug, card), item);
      conceptsOf.get(item.slug)!.push(card);
    }
  }

  const fromCards: { slug: string; card: string }[] = [];
  for (const card of cards) {
    for (const slug of validIds(card.practice, card, errors, 'practice', practicable, 'is not a problem')) {
      practiceOf.get(card.card)!.push(slug);
      const other = declaredBy.get(key(slug, card.card));
      if (other) {
        warnings.push({
          file: card.file,
          line: card.line,
          message: `practice "${slug}" is redundant: ${other.file} names this card in its concepts, which makes it practice already`,
        });
        continue;
      }
      fromCards.push({ slug, card: card.card });
    }
  }

  // A card's practice: the problems it names itself (curated order), then the items that build on it.
  for (const item of items) {
    for (const card of conceptsOf.get(item.slug) ?? []) {
      const practice = practiceOf.get(card)!;
      if (!practice.includes(item.slug)) practice.push(item.slug);
    }
  }
  const practiceOrder = (slug: string, card: string) => practiceOf.get(card)!.indexOf(slug);
  const links: ResolvedLink[] = [];
  for (const item of items) {
    (conceptsOf.get(item.slug) ?? []).forEach((card, conceptOrder) => {
      links.push({ slug: item.slug, card, conceptOrder, practiceOrder: practiceOrder(item.slug, card) });
    });
  }
  for (const { slug, card } of fromCards) links.push({ slug, card, conceptOrder: null, practiceOrder: practiceOrder(slug, card) });
  return { links, errors, warnings };
}
