#!/usr/bin/env node
// wait-http.js [--timeout <seconds>] [--message <text>] <url>...
// Waits until every URL answers (status < 400), then prints <text>; exit 1 on timeout.
'use strict';

const { parseArgs } = require('node:util');

const { values, positionals: urls } = parseArgs({
  options: { timeout: { type: 'string', default: '120' }, message: { type: 'string' } },
  allowPositionals: true,
});
const deadline = Date.now() + Number(values.timeout) * 1000;

async function answers(url) {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
    return response.status < 400;
  } catch {
    return false;
  }
}

async function main() {
  const pending = new Set(urls);
  while (pending.size > 0) {
    for (const url of [...pending]) if (await answers(url)) pending.delete(url);
    if (pending.size === 0) break;
    if (Date.now() > deadline) {
      process.stderr.write(`still waiting for ${[...pending].join(', ')} after ${values.timeout}s; see the logs above\n`);
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (values.message) process.stdout.write(`${values.message}\n`);
}

main();
