import fs from 'node:fs';
import path from 'node:path';
import { BUILT_IN_CONTENT_ROOT } from '@prep/problems';
import { splitStatement } from './statement';

describe('splitting a statement into description, examples and constraints', () => {
  it('splits at Example and Constraints headings, keeping other sections in the description', () => {
    const split = splitStatement(
      [
        'Return the sum.',
        '',
        '### Example 1: small',
        '',
        '```',
        '### Example inside code stays here',
        '```',
        'The sum of 1 and 2.',
        '',
        '#### Why',
        'A sub-heading stays in its example.',
        '',
        '### Notes',
        'Back in the description.',
        '',
        '## Constraints',
        '- $n \\le 10$',
      ].join('\n'),
    );
    expect(split.statement).toBe('Return the sum.\n\n### Notes\nBack in the description.');
    expect(split.examples).toEqual([
      {
        title: 'Example 1: small',
        body: '```\n### Example inside code stays here\n```\nThe sum of 1 and 2.\n\n#### Why\nA sub-heading stays in its example.',
      },
    ]);
    expect(split.constraints).toBe('- $n \\le 10$');
  });

  it('leaves a statement without such headings whole', () => {
    expect(splitStatement('Just text.\n')).toEqual({ statement: 'Just text.', examples: [], constraints: null });
  });

  it('finds examples and constraints in every built-in problem', () => {
    const dir = path.join(BUILT_IN_CONTENT_ROOT, 'problems');
    for (const slug of fs.readdirSync(dir)) {
      const body = fs.readFileSync(path.join(dir, slug, 'problem.md'), 'utf8').split(/^---$/m)[2]!;
      const split = splitStatement(body);
      expect({ slug, examples: split.examples.length >= 2, constraints: split.constraints !== null }).toEqual({
        slug,
        examples: true,
        constraints: true,
      });
      expect(split.statement).not.toMatch(/^#+\s*(Example|Constraints)/m);
    }
  });
});
