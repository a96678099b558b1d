import { createHash } from 'node:crypto';
import type { LoadedConceptLink, LoadedProblem, TCard, TConceptRef, TDeck, TPracticeLink, TProblemDetail } from '@prep/contracts';
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

export function toPracticeLink(row: { problemSlug: string; title: string }): TPracticeLink {
  return { slug: row.problemSlug, title: row.title };
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
