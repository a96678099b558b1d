import fs from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { BUILT_IN_CONTENT_ROOT, loadContent, loadLabs } from '@prep/problems';
import { CliModule } from '../../src/cli.module';
import { parseEnv, ZCliEnv } from '../../src/config/env';
import { ContentSyncService } from '../../src/modules/content/content-sync.service';
import { CONTENT_SYNC_LOCK, holdContentLock, labsAreLive, problemsAreLive, type HeldLock } from './content-lock';

const builtInSlugs = () => fs.readdirSync(path.join(BUILT_IN_CONTENT_ROOT, 'problems'));
const builtInLabs = () => fs.readdirSync(path.join(BUILT_IN_CONTENT_ROOT, 'labs'));

/**
 * Makes the built-in problems and labs live in the test database for this file (syncing them once if needed) and keeps any
 * other content sync away until the file ends. Call at the top of a describe; it registers its own hooks.
 */
export function useBuiltInContent(): void {
  let lock: HeldLock | undefined;
  beforeAll(async () => {
    lock = await holdContentLock('shared');
    await lock.client.query('SELECT pg_advisory_lock($1)', [CONTENT_SYNC_LOCK]);
    try {
      if ((await problemsAreLive(lock.client, builtInSlugs())) && (await labsAreLive(lock.client, builtInLabs()))) return;
      const app = await NestFactory.createApplicationContext(CliModule.forRoot(parseEnv(ZCliEnv, process.env)), { logger: false });
      try {
        await app.get(ContentSyncService).sync(loadContent(), loadLabs());
      } finally {
        await app.close();
      }
    } finally {
      await lock.client.query('SELECT pg_advisory_unlock($1)', [CONTENT_SYNC_LOCK]);
    }
  }, 120_000);
  afterAll(async () => {
    await lock?.release();
  });
}
