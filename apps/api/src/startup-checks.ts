import { Client } from 'pg';
import { redactUrl } from './config/env';

/** Fail fast, in one line naming DATABASE_URL, rather than booting an API that cannot serve anything. */
export async function assertDatabaseReachable(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    console.error(`Cannot connect to Postgres at DATABASE_URL=${redactUrl(databaseUrl)}: ${(e as Error).message.split('\n')[0]}`);
    process.exit(1);
  } finally {
    await client.end().catch(() => undefined);
  }
}
