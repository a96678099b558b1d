#!/usr/bin/env node
// Writes apps/api/assets/common-passwords.txt: the 10,000 most common passwords, most common first.
// Source: the frequency-ranked "passwords-common" dictionary of @zxcvbn-ts/language-common (MIT license,
// https://github.com/zxcvbn-ts/zxcvbn). It is not a dependency of the app; fetch it only to re-derive the file:
//   cd "$(mktemp -d)" && npm pack @zxcvbn-ts/language-common@4.1.3 && tar xzf zxcvbn-ts-language-common-4.1.3.tgz
//   node apps/api/scripts/derive-common-passwords.js <that dir>/package
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const COUNT = 10_000;
const packageDir = process.argv[2];
if (!packageDir) {
  console.error('usage: derive-common-passwords.js <unpacked @zxcvbn-ts/language-common package dir>');
  process.exit(64);
}
const { name, version, license } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const ranked = JSON.parse(fs.readFileSync(path.join(packageDir, 'src/passwords.json'), 'utf8'));
const top = [...new Set(ranked.map((p) => String(p).toLowerCase()))].slice(0, COUNT);
if (top.length !== COUNT) throw new Error(`only ${top.length} distinct passwords in ${name}`);
const bad = top.find((p) => p.startsWith('#') || /[\r\n]/.test(p) || p.trim() !== p);
if (bad !== undefined) throw new Error(`a password the file format cannot hold: ${JSON.stringify(bad)}`);

const header = [
  `# The ${COUNT.toLocaleString('en')} most common passwords, most common first, lowercased; one per line.`,
  `# Derived from the "passwords-common" dictionary of ${name}@${version} (${license} license,`,
  '# https://github.com/zxcvbn-ts/zxcvbn) by apps/api/scripts/derive-common-passwords.js.',
  '# Its copyright notice and license are in common-passwords.LICENSE beside this file.',
  '# New passwords whose lowercase form is listed here are refused (apps/api/src/modules/auth/password-policy.ts).',
];
const out = path.resolve(__dirname, '../assets/common-passwords.txt');
fs.writeFileSync(out, `${[...header, ...top].join('\n')}\n`);
fs.copyFileSync(path.join(packageDir, 'LICENSE.txt'), out.replace(/\.txt$/, '.LICENSE'));
console.log(`wrote ${top.length} passwords to ${path.relative(process.cwd(), out)}`);
