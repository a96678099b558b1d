#!/usr/bin/env node
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ZEmail } from '@prep/contracts';
import { loadContent, loadLabs, ContentError, formatIssue } from '@prep/problems';
import { CliModule } from './cli.module';
import { type CliEnv, loadEnvOrExit, ZCliEnv } from './config/env';
import { createAdminUnlessExists } from './modules/auth/admin-account';
import { AuthRepository } from './modules/auth/auth.repository';
import { seedDemoUsers } from './modules/auth/demo-users';
import { passwordProblem } from './modules/auth/password-policy';
import { ContentSyncService, type SyncReport } from './modules/content/content-sync.service';
import { promptHidden, readFirstLine } from './read-secret';
import { assertDatabaseReachable } from './startup-checks';

const COMMANDS = ['content-sync', 'seed-demo', 'admin-create'] as const;
const USAGE = 'usage: node apps/api/dist/cli.js <content-sync [content-root] | seed-demo | admin-create <email>>';

/** The new admin's password: ADMIN_PASSWORD, else typed twice at a terminal, else the first line of standard input. */
async function adminPassword(env: CliEnv): Promise<string> {
  if (env.ADMIN_PASSWORD !== undefined) return env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) return readFirstLine();
  for (;;) {
    const password = await promptHidden('Password for the new admin (at least 10 characters): ');
    const problem = passwordProblem(password);
    if (problem) {
      console.error(`That password ${problem}.`);
      continue;
    }
    if ((await promptHidden('Type it again: ')) === password) return password;
    console.error('The two passwords differ; try again.');
  }
}

function formatReport({ links, ...items }: SyncReport): string {
  return [
    ...Object.entries(items).flatMap(([kind, c]) =>
      c === undefined ? [] : `${kind}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.retired} retired`,
    ),
    `concept links: ${links.created} created, ${links.updated} updated, ${links.unchanged} unchanged, ${links.removed} removed`,
  ].join('\n');
}

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  if (!COMMANDS.includes(command as (typeof COMMANDS)[number])) {
    console.error(USAGE);
    process.exit(2);
  }
  const env = loadEnvOrExit(ZCliEnv);
  let admin: { email: string; password: string } | undefined;
  if (command === 'admin-create') {
    const email = ZEmail.safeParse(arg ?? '');
    if (!email.success) {
      console.error(`admin-create: ${arg ? `"${arg}" is not a valid email address` : 'give the email address'}\n${USAGE}`);
      process.exit(2);
    }
    const password = await adminPassword(env);
    const problem = passwordProblem(password);
    if (problem) {
      console.error(`admin-create: the password ${problem}`);
      process.exit(1);
    }
    admin = { email: email.data, password };
  }
  await assertDatabaseReachable(env.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(env), { logger: ['error', 'warn'] });
  try {
    if (command === 'content-sync') {
      let content;
      let labs;
      try {
        content = arg ? loadContent(arg) : loadContent();
        labs = arg ? loadLabs(arg) : loadLabs();
      } catch (e) {
        if (!(e instanceof ContentError)) throw e;
        console.error(e.issues.map(formatIssue).join('\n'));
        console.error(`content-sync: ${e.issues.length} problem(s) in the content; nothing synced (run npm run content:lint)`);
        process.exitCode = 1;
        return;
      }
      console.log(formatReport(await app.get(ContentSyncService).sync(content, labs)));
    } else if (admin) {
      const outcome = await createAdminUnlessExists(app.get(AuthRepository), admin.email, admin.password);
      if (outcome.created) console.log(`admin account ${admin.email} created; sign in with it`);
      else {
        console.error(`admin-create: ${admin.email} already has an account (${outcome.existingRole}); nothing changed`);
        process.exitCode = 1;
      }
    } else {
      const created = await seedDemoUsers(app.get(AuthRepository), env.NODE_ENV);
      if (created === null) console.log('NODE_ENV=production: no demo users (create an admin with npm run admin:create)');
      else console.log(created.length ? `demo users created: ${created.join(', ')}` : 'demo users already exist');
    }
  } finally {
    await app.close();
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
