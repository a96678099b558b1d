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
