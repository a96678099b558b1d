import { Prisma } from '../../generated/prisma/client';

/**
 * "Practise it" for the card aliased `c` (any relation with an `id` column): the live problems that practise it (named
 * by the card, or building on it) as a JSON array of { slug, title }, in the card's order. Shared by the link reads and
 * the study items' content query, so a card shows the same list everywhere and the queue reads it in the same query.
 */
export const PRACTICE_OF_CARD = Prisma.sql`coalesce((
  SELECT json_agg(json_build_object('slug', p.slug, 'title', p.title) ORDER BY pc."practiceOrder")
  FROM "ProblemConcept" pc JOIN "Problem" p ON p.slug = pc."problemSlug" AND p."retiredAt" IS NULL
  WHERE pc."cardId" = c.id), '[]'::json)`;
