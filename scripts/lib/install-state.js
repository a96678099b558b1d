#!/usr/bin/env node
// Does node_modules match package-lock.json? Used by scripts/lib/common.sh to decide whether
// `npm ci` is needed when the install marker is missing (a tree installed by hand).
// It compares the lockfile with npm's own record of what it installed (node_modules/.package-lock.json).
// Exit 0: matches. Exit 1: prints why it does not.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function compare() {
  const wanted = readJson(path.join(root, 'package-lock.json'));
  const installed = readJson(path.join(root, 'node_modules', '.package-lock.json'));
  if (!wanted) return 'package-lock.json is missing or unreadable';
  if (!installed) return 'node_modules/.package-lock.json is missing (not installed by npm 7+)';

  for (const [key, entry] of Object.entries(wanted.packages ?? {})) {
    if (key === '' || !key.includes('node_modules/')) continue;
    const have = installed.packages?.[key];
    if (!have) {
      // Platform-specific optional packages (and unmet optional peers) are legitimately absent.
      if (entry.optional || entry.peer) continue;
      return `${key} is not installed`;
    }
    if (entry.version !== have.version) return `${key} is ${have.version}, the lockfile wants ${entry.version}`;
  }
  for (const key of Object.keys(installed.packages ?? {})) {
    if (!wanted.packages?.[key]) return `${key} is installed but not in the lockfile`;
  }
  return undefined;
}

const problem = compare();
if (problem) {
  process.stdout.write(`${problem}\n`);
  process.exit(1);
}
