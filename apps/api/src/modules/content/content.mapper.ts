import { createHash } from 'node:crypto';
import type {
  LoadedConceptLink,
  LoadedContent,
  LoadedLab,
  LoadedProblem,
  TCard,
  TConceptRef,
  TDeck,
  TLabDetail,
  TLabDevice,
  TProblemDetail,
  TStudyKind,
} from '@prep/contracts';
import { referenceAsSubmission, runReference, stripExports, toDisplay } from '@prep/grader';
import { expandTests } from '@prep/problems';

export interface DeckRow {
  slug: string;
  title: string;
  description: string;
  tags: string[];
  problemSlugs: string[];
  cardTopics: string[];
}
export interface ProblemRow {
  slug: string;
  version: number;
  title: string;
  difficulty: string;
  tags: string[];
  decks: string[];
  detail: TProblemDetail;
  /** Shown to a learner only through reveal (which counts against the attempt's rating). */
  editorial: string;
  referenceCode: string;
}
export interface LabRow {
  slug: string;
  version: number;
  title: string;
  difficulty: string;
  tags: string[];
  decks: string[];
  device: TLabDevice;
  detail: TLabDetail;
  /** Not shown by the API yet (kept with the lab, like a problem's). */
  editorial: string;
}
/** A card as stored; its practice links live in ProblemConcept. */
export type CardRow = Omit<TCard, 'practice'>;
export interface LinkRow {
  problemSlug: string;
  cardId: string;
  conceptOrder: number | null;
  practiceOrder: number;
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

export function toCardRow({ practice: _links, ...card }: TCard): CardRow {
  return card;
}

export function toLinkRow(link: LoadedConceptLink): LinkRow {
  return { problemSlug: link.problem, cardId: link.card, conceptOrder: link.conceptOrder, practiceOrder: link.practiceOrder };
}

export function toConceptRef(row: { cardId: string; front: string }): TConceptRef {
  return { id: row.cardId, front: row.front };
}

export function toDeckRow(deck: TDeck): DeckRow {
  return {
    slug: deck.slug,
    title: deck.title,
    description: deck.description,
    tags: deck.tags,
    problemSlugs: deck.problems,
    cardTopics: deck.cardTopics,
  };
}

/** What learners may see of a problem: statement, starter, hints and the sample tests with their answers. */
export function toProblemRow(problem: LoadedProblem): ProblemRow {
  const { meta } = problem;
  const summary = {
    slug: problem.slug,
    version: meta.version,
    title: meta.title,
    difficulty: meta.difficulty,
    tags: meta.tags,
    decks: meta.decks,
  };
  const sampleTests = expandTests(problem.tests)
    .filter((t) => t.sample)
    .map((t) => {
      const result = runReference(problem, t.args);
      if ('error' in result) throw new Error(`${problem.slug}: the reference throws on sample "${t.name}": ${result.error}`);
      // Display form: JSON columns cannot hold NaN, Infinity or -0.
      return { name: t.name, args: t.args.map(toDisplay), expected: toDisplay(result.expected) };
    });
  return {
    ...summary,
    detail: {
      ...summary,
      functionName: meta.function,
      signature: meta.signature,
      params: problem.params,
      statement: problem.statement,
      starter: problem.starter,
      hints: problem.hints,
      limits: meta.limits,
      ...(meta.expectedMinutes === undefined ? {} : { expectedMinutes: meta.expectedMinutes }),
      sampleTests,
    },
    editorial: problem.editorial,
    referenceCode: referenceAsSubmission(problem, stripExports),
  };
}

/** What learners may see of a lab: no judge, no reference, no wrong or cheating solutions. */
export function toLabRow(lab: LoadedLab): LabRow {
  const { meta } = lab;
  const summary = {
    slug: lab.slug,
    version: meta.version,
    title: meta.title,
    difficulty: meta.difficulty,
    tags: meta.tags,
    decks: meta.decks,
    device: meta.device,
  };
  return {
    ...summary,
    detail: {
      ...summary,
      entry: meta.entry,
      statement: lab.statement,
      background: lab.background,
      starter: lab.starter,
      hints: lab.hints,
      limits: meta.limits,
      concepts: meta.concepts,
    },
    editorial: lab.editorial,
  };
}

/** A lab's slug and the decks it names (all toDeckItemRows needs of a lab). */
export interface LabDecks {
  slug: string;
  decks: readonly string[];
}

export interface DeckItemRow {
  deckSlug: string;
  kind: TStudyKind;
  refId: string;
  position: number;
}

/**
 * Each deck's study items in learning order: its cards by topic in the deck's `cardTopics` order (file order within a
 * topic), then its problems in the deck's `problems` order (problems naming the deck but not listed by it last), then
 * its labs likewise (`labs` order, then labs naming the deck).
 */
export function toDeckItemRows(content: LoadedContent, labs: readonly LabDecks[] = []): DeckItemRow[] {
  const rows: DeckItemRow[] = [];
  for (const deck of content.decks) {
    const topicOrder = (topic: string) => {
      const i = deck.cardTopics.indexOf(topic);
      return i < 0 ? deck.cardTopics.length : i;
    };
    const cards = content.cards
      .map((card, index) => ({ card, index }))
      .filter(({ card }) => card.deck === deck.slug)
      .sort((a, b) => topicOrder(a.card.topic) - topicOrder(b.card.topic) || a.index - b.index)
      .map(({ card }) => ({ kind: 'card' as const, refId: card.id }));
    const named = content.problems.filter((p) => p.meta.decks.includes(deck.slug)).map((p) => p.slug);
    const slugs = [...new Set([...deck.problems, ...named])].filter((slug) => content.problems.some((p) => p.slug === slug));
    const problems = slugs.map((slug) => ({ kind: 'problem' as const, refId: slug }));
    const namedLabs = labs.filter((l) => l.decks.includes(deck.slug)).map((l) => l.slug);
    const labItems = [...new Set([...deck.labs, ...namedLabs])]
      .filter((slug) => labs.some((l) => l.slug === slug))
      .map((slug) => ({ kind: 'lab' as const, refId: slug }));
    [...cards, ...problems, ...labItems].forEach((item, position) => rows.push({ deckSlug: deck.slug, ...item, position }));
  }
  return rows;
}
