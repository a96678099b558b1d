import { ZAuditQuery, ZUpdateUserRequest } from './admin';
import { ZAuthoredCard, ZAuthoredCase, ZAuthoredProblem, ZAuthoredTests, ZDeckBundle, type TAuthoredProblemInput } from './authoring';
import { buildOpenApiDocument } from './openapi';

const problem = (overrides: Partial<TAuthoredProblemInput> = {}): TAuthoredProblemInput => ({
  slug: 'add-two',
  title: 'Add two',
  difficulty: 'easy',
  tags: ['math'],
  statement: 'Return the sum of the two numbers a and b, exactly as JavaScript adds them.',
  hints: ['Use +.'],
  editorial: 'The sum a + b is the answer. JavaScript numbers are doubles, so this is exact for integers up to 2^53 in size.',
  functionName: 'add',
  signature: 'function add(a: number, b: number): number',
  starter: 'function add(a: number, b: number): number {\n  return 0;\n}\n',
  reference: 'function add(a: number, b: number): number {\n  return a + b;\n}\n',
  tests: { cases: [{ name: 'small', args: [1, 2], sample: true, expected: 3 }] },
  ...overrides,
});

describe('admin contracts', () => {
  it('needs a role or a disabled flag to update a user, and nothing else', () => {
    expect(ZUpdateUserRequest.safeParse({}).success).toBe(false);
    expect(ZUpdateUserRequest.safeParse({ role: 'admin' }).success).toBe(true);
    expect(ZUpdateUserRequest.safeParse({ disabled: true, email: 'x@y.z' }).success).toBe(false);
  });

  it('filters the audit log by a well-formed action and an ordered time range', () => {
    expect(ZAuditQuery.safeParse({ action: 'user.role_changed', from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }).success).toBe(
      true,
    );
    expect(ZAuditQuery.safeParse({ action: 'DROP TABLE' }).success).toBe(false);
    expect(ZAuditQuery.safeParse({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }).success).toBe(false);
  });
});

describe('authoring contracts', () => {
  it('accepts a minimal problem and fills the defaults', () => {
    const parsed = ZAuthoredProblem.parse(problem());
    expect(parsed).toMatchObject({ version: 1, judge: { compare: 'exact', output: 'return' }, limits: { timeMsPerTest: 2000 } });
    expect(parsed.tests).toMatchObject({ helpers: '', generators: [] });
  });

  it('rejects a custom checker, which would run in the host', () => {
    const result = ZAuthoredProblem.safeParse(problem({ judge: { compare: 'custom' } }));
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('custom checker');
  });

  it('takes a case as JSON or as code, never both, and keeps JSON finite and free of __proto__', () => {
    expect(ZAuthoredCase.safeParse({ name: 'x', argsCode: '[NaN, -0]' }).success).toBe(true);
    expect(ZAuthoredCase.safeParse({ name: 'x', args: [1], argsCode: '[1]' }).success).toBe(false);
    expect(ZAuthoredCase.safeParse({ name: 'x' }).success).toBe(false);
    expect(ZAuthoredCase.safeParse({ name: 'x', args: [NaN] }).success).toBe(false);
    expect(ZAuthoredCase.safeParse({ name: 'x', args: [JSON.parse('{"__proto__": {"polluted": 1}}')] }).success).toBe(false);
    expect(ZAuthoredCase.safeParse({ name: 'x', args: [{ a: [1, { b: null }] }], expected: 'ok' }).success).toBe(true);
  });

  it('needs a sample, unique names and at most 1000 tests', () => {
    expect(ZAuthoredTests.safeParse({ cases: [{ name: 'a', args: [] }] }).success).toBe(false);
    const twice = { cases: [{ name: 'a', args: [], sample: true }], generators: [{ name: 'a', count: 1, seed: 1, make: 'f' }] };
    expect(ZAuthoredTests.safeParse(twice).success).toBe(false);
    const many = { cases: [{ name: 'a', args: [], sample: true }], generators: [{ name: 'g', count: 1000, seed: 1, make: 'f' }] };
    expect(ZAuthoredTests.safeParse(many).success).toBe(false);
  });

  it('keeps a card front on one line and drops repeated tags', () => {
    expect(ZAuthoredCard.safeParse({ id: 'c', front: 'two\nlines', back: 'b' }).success).toBe(false);
    expect(ZAuthoredCard.parse({ id: 'c', front: '  Q?  ', back: 'A', tags: ['x', 'x', 'y'] })).toEqual({
      id: 'c',
      version: 1,
      front: 'Q?',
      back: 'A',
      tags: ['x', 'y'],
    });
  });

  it('rejects a bundle with a card id twice', () => {
    const card = { id: 'same', front: 'Q', back: 'A' };
    const bundle = {
      deck: { slug: 'd', title: 'Deck', description: 'A deck for tests.' },
      topics: [
        { slug: 't1', title: 'Topic one', cards: [card] },
        { slug: 't2', title: 'Topic two', cards: [card] },
      ],
    };
    expect(ZDeckBundle.safeParse(bundle).success).toBe(false);
  });

  it('documents the admin routes in the OpenAPI document', () => {
    const doc = buildOpenApiDocument('/api');
    expect(Object.keys(doc.paths ?? {})).toEqual(
      expect.arrayContaining(['/admin/users', '/admin/users/{id}', '/admin/audit', '/admin/queues']),
    );
    const patch = doc.paths?.['/admin/users/{id}']?.patch;
    expect(Object.keys(patch?.responses ?? {}).sort()).toEqual(['200', '400', '401', '403', '404', '409']);
  });
});
