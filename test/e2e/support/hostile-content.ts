import { Client } from 'pg';

/**
 * A deck with one card whose Markdown tries to run script, the way a careless or malicious author could write
 * it (admin curation comes later; this writes the rows content-sync would: deck, card, deck item). The page must
 * show it inert.
 */
export const HOSTILE_DECK = 'e2e-sanitise';
export const HOSTILE_CARD = 'e2e-hostile-card';

const FRONT = [
  'Does this card run script? <script>window.__pwned = "script"</script>',
  '',
  '<img src="x" onerror="window.__pwned = \'onerror\'">',
  '',
  '[a link](javascript:window.__pwned=%22link%22) and $\\sqrt{2}$',
].join('\n');
const BACK = 'No. <iframe src="https://example.com"></iframe> **Sanitised** `code` and\n\n```ts\nconst x: number = 1;\n```';

export async function insertHostileCard(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Deck" (slug, title, description, tags, "problemSlugs", "cardTopics", "contentHash", "createdAt", "updatedAt")
       VALUES ($1, 'Sanitiser check', 'A deck whose only card tries to inject script.', '{}', '{}', '{hostile}', 'e2e', now(), now())
       ON CONFLICT (slug) DO NOTHING`,
      [HOSTILE_DECK],
    );
    await client.query(
      `INSERT INTO "Card" (id, version, deck, topic, front, back, tags, "contentHash", "createdAt", "updatedAt")
       VALUES ($1, 1, $2, 'hostile', $3, $4, '{}', 'e2e', now(), now())
       ON CONFLICT (id) DO NOTHING`,
      [HOSTILE_CARD, HOSTILE_DECK, FRONT, BACK],
    );
    await client.query(`INSERT INTO "DeckItem" ("deckSlug", kind, "refId", position) VALUES ($1, 'card', $2, 0) ON CONFLICT DO NOTHING`, [
      HOSTILE_DECK,
      HOSTILE_CARD,
    ]);
  } finally {
    await client.end();
  }
}

/** Takes the hostile deck out again, so no other test file ever lists it. */
export async function removeHostileCard(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DELETE FROM "DeckItem" WHERE "deckSlug" = $1`, [HOSTILE_DECK]);
    await client.query(`DELETE FROM "Card" WHERE id = $1`, [HOSTILE_CARD]);
    await client.query(`DELETE FROM "Deck" WHERE slug = $1`, [HOSTILE_DECK]);
  } finally {
    await client.end();
  }
}
