#!/usr/bin/env node
// Committed entry so npm can link `npx lab-grader` at install time, before dist/ is built.
const path = require('node:path');
const fs = require('node:fs');

const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('lab-grader: not built yet. Run `npm run build:libs` (or `npx tsc -b apps/lab-worker`) first.');
  process.exit(2);
}
require(cli);
