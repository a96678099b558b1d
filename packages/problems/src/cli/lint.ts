#!/usr/bin/env node
import path from 'node:path';
import { BUILT_IN_CONTENT_ROOT, MIN_FIXED_CASES, readContent } from '../read';
import { formatIssue } from '../issues';

/**
 * `content:lint [root]`: prints `path:line: message` for every problem and `path:line: warning: message` for every
 * warning; exits 1 if there is any problem (warnings alone do not fail).
 */
function main(): void {
  const arg = process.argv[2];
  const root = arg ? path.resolve(arg) : BUILT_IN_CONTENT_ROOT;
  const { content, labs, issues, warnings } = readContent(root, root === BUILT_IN_CONTENT_ROOT ? { minFixedCases: MIN_FIXED_CASES } : {});
  const shown = path.relative(process.cwd(), root) || '.';
  for (const issue of issues) console.log(formatIssue({ ...issue, file: path.join(shown, issue.file) }));
  for (const warning of warnings)
    console.log(formatIssue({ ...warning, file: path.join(shown, warning.file), message: `warning: ${warning.message}` }));
  const summary = `${content.decks.length} decks, ${content.problems.length} problems, ${content.cards.length} cards, ${content.links.length} concept links${labs.length ? `, ${labs.length} labs` : ''}`;
  const warned = warnings.length > 0 ? `, ${warnings.length} warning(s)` : '';
  if (issues.length > 0) {
    console.error(`content:lint: ${issues.length} problem(s) found${warned} (${summary} valid)`);
    process.exit(1);
  }
  console.log(warnings.length > 0 ? `content:lint: ${warnings.length} warning(s) (${summary})` : `content:lint: clean (${summary})`);
}

main();
