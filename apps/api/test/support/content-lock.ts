import { Client } from 'pg';

/**
 * Test files share one database, and a content sync retires every problem it was not given. So files that need the
 * built-in content hold a shared lock for their whole run, and a file that syncs or upserts other content
 * (content-sync, grading-recovery) holds it exclusively: they never overlap. Lock ids are fixed numbers every test
 * project uses.
 */
export const CONTENT_USERS_LOCK = 7_240_001;
/** Held while one file checks and syncs the built-in content, so two files never upsert the same rows at once. */
export const CONTENT_SYNC_LOCK = 7_240_002;

export interface HeldLock {
  client: Client;
  release(): Promise<void>;
}

export async function holdContentLock(mode: 'shared' | 'exclusive', databaseUrl = process.env.DATABASE_URL): Promise<HeldLock> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(mode === 'shared' ? 'SELECT pg_advisory_lock_shared($1)' : 'SELECT pg_advisory_lock($1)', [CONTENT_USERS_LOCK]);
  return {
    client,
    release: async () => {
      await client.end().catch(() => undefined); // ending the session releases its advisory locks
    },
  };
}

/** True when every slug is a live (not retired) problem. */
export async function problemsAreLive(client: Client, slugs: string[]): Promise<boolean> {
  const { rows } = await client.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM "Problem" WHERE slug = ANY($1) AND "retiredAt" IS NULL',
    [slugs],
  );
  return rows[0]!.n === slugs.length;
}

/** True when every slug is a live (not retired) lab. */
export async function labsAreLive(client: Client, slugs: string[]): Promise<boolean> {
  const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Lab" WHERE slug = ANY($1) AND "retiredAt" IS NULL', [
    slugs,
  ]);
  return rows[0]!.n === slugs.length;
}
