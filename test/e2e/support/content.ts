import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  CONTENT_SYNC_LOCK,
  holdContentLock,
  labsAreLive,
  problemsAreLive,
  type HeldLock,
} from '../../../apps/api/test/support/content-lock';
import { REPO_ROOT, requireDatabaseUrl } from './stack';

const CLI = path.join(REPO_ROOT, 'apps/api/dist/cli.js');

/**
 * Makes the built-in problems and labs live in the test database (syncing them with the built CLI if needed) and keeps
 * other content syncs away until `release()`; see apps/api/test/support/content-lock.ts.
 */
export async function holdBuiltInContent(): Promise<HeldLock> {
  const databaseUrl = requireDatabaseUrl();
  const lock = await holdContentLock('shared', databaseUrl);
  await lock.client.query('SELECT pg_advisory_lock($1)', [CONTENT_SYNC_LOCK]);
  try {
    const slugs = fs.readdirSync(path.join(REPO_ROOT, 'packages/problems/problems'));
    const labs = fs.readdirSync(path.join(REPO_ROOT, 'packages/problems/labs'));
    if (!(await problemsAreLive(lock.client, slugs)) || !(await labsAreLive(lock.client, labs))) {
      await promisify(execFile)(process.execPath, [CLI, 'content-sync'], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl },
      });
    }
  } finally {
    await lock.client.query('SELECT pg_advisory_unlock($1)', [CONTENT_SYNC_LOCK]);
  }
  return lock;
}
