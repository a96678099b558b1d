import { z } from 'zod';
import { ZSlug } from './content';

/**
 * Links between problems and the concept cards they build on. Content declares them (a problem's `concepts`, a card's
 * `practice`); the API returns them with a problem and with a card.
 */

/** A learner's state on a concept card, FSRS's four states; `new` means never studied. */
export const ZConceptState = z.enum(['new', 'learning', 'review', 'relearning']);
export type TConceptState = z.infer<typeof ZConceptState>;

/** A concept card behind a problem, as the content store knows it (no learner state). */
export const ZConceptRef = z.object({
  id: ZSlug,
  front: z.string().describe('Markdown with KaTeX math'),
});
export type TConceptRef = z.infer<typeof ZConceptRef>;

/** "Concepts behind this problem": one entry per linked card, most fundamental first, with the learner's state. */
export const ZConceptLink = ZConceptRef.extend({ state: ZConceptState });
export type TConceptLink = z.infer<typeof ZConceptLink>;

/** "Practise it": a problem that practises a concept card. */
export const ZPracticeLink = z.object({
  slug: ZSlug,
  title: z.string(),
});
export type TPracticeLink = z.infer<typeof ZPracticeLink>;

/**
 * What failing a problem does to the concept cards it builds on (Markdown). Stated here once: the API docs and the
 * README quote it.
 */
export const LAPSE_CONCEPTS_RULE = [
  'When a problem is rated `again` (by a graded outcome, by hand, or by an override to `again`), the concept cards it ' +
    'builds on (its `concepts`; a card that only names the problem as practice is not one) come into my queue, whichever ' +
    'deck holds them, enrolled or not:',
  [
    '- a card I have studied is due now (one due earlier keeps its due time);',
    '- a card I never studied is introduced next: first among my new cards, ahead of my decks’ new cards (those of an ' +
      'earlier lapse first), within the daily limit of new cards;',
    '- a suspended card stays suspended, a buried one buried until the next day; unenrolling its deck later pauses it.',
  ].join('\n'),
  'It happens once per rating, in the same transaction: a replayed outcome or a retried request (the same ' +
    'clientReviewId) does not apply it again. Undoing the rating, or overriding the outcome, takes it back on every card ' +
    'still as the rating left it (a card reviewed or changed since keeps its newer state).',
  'When a concept card becomes a leech, the rating’s answer lists the problems that practise it (`leechPractice`).',
].join('\n\n');
