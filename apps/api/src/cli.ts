#!/usr/bin/env node
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadContent, ContentError, formatIssue } from '@prep/problems';
import { CliModule } from './cli.module';
import { loadEnvOrExit, ZCliEnv } from './config/env';
import { AuthRepository } from './modules/auth/auth.repository';
import { seedDemoUsers } from './modules/auth/demo-users';
import { ContentSyncService, type SyncReport } from './modules/content/content-sync.service';
import { assertDatabaseReachable } from './startup-checks';

const USAGE = 'usage: node apps/api/dist/cli.js <content-sync [content-root] | seed-demo>';

function formatReport({ links, ...items }: SyncReport): string {
  return [
    ...Object.entries(items).map(
      ([kind, c]) => `${kind}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.retired} retired`,
    ),
    `concept links: ${links.created} created, ${links.updated} updated, ${links.unchanged} unchanged, ${links.removed} removed`,
  ].join('\n');
}

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  if (command !== 'content-sync' && command !== 'seed-demo') {
    console.error(USAGE);
    process.exit(2);
  }
  const env = loadEnvOrExit(ZCliEnv);
  await assertDatabaseReachable(env.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(env), { logger: ['error', 'warn'] });
  try {
    if (command === 'content-sync') {
      let content;
      try {
        content = arg ? loadContent(arg) : loadContent();
      } catch (e) {
        if (!(e instanceof ContentError)) throw e;
        console.error(e.issues.map(formatIssue).join('\n'));
        console.error(`content-sync: ${e.issues.length} problem(s) in the content; nothing synced (run npm run content:lint)`);
        process.exitCode = 1;
        return;
      }
      console.log(formatReport(await app.get(ContentSyncService).sync(content)));
    } else {
      const created = await seedDemoUsers(app.get(AuthRepository));
      console.log(created.length ? `demo users created: ${created.join(', ')}` : 'demo users already exist');
    }
  } finally {
    await app.close();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
