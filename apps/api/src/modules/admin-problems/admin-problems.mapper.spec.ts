import { ZAuthoredProblem, type TProblemCheckReport } from '@prep/contracts';
import { checkStateOf, gradingHash, toProjection } from './admin-problems.mapper';
import type { VersionRow } from './admin-problems.repository';

const source = ZAuthoredProblem.parse({
  slug: 'sum-pair',
  title: 'Sum of a pair',
  difficulty: 'easy',
  tags: ['math'],
  statement: 'Return the sum of the integers `a` and `b`, each between -1000 and 1000.',
  hints: ['Add them.'],
  editorial: 'Addition is all there is to it: return `a + b`. It runs in constant time and constant memory, for any input.',
  functionName: 'sumPair',
  signature: 'function sumPair(a: number, b: number): number',
  starter: '',
  reference: 'function sumPair(a: number, b: number): number { return a + b; }',
  tests: { cases: [{ name: 'small', sample: true, args: [1, 2] }] },
});

const report = (sourceHash: string, ok: boolean) => ({ sourceHash, ok, failures: [] }) as unknown as TProblemCheckReport;
const row = (fields: Partial<VersionRow>) => ({ sourceHash: 'h1', checkReport: null, checkRequestedAt: null, ...fields }) as VersionRow;

describe('checkStateOf', () => {
  it('says whether the current source was checked, and how it went', () => {
    expect(checkStateOf(row({}))).toBe('none');
    expect(checkStateOf(row({ checkRequestedAt: new Date() }))).toBe('queued');
    expect(checkStateOf(row({ checkReport: report('h1', true) as never }))).toBe('passed');
    expect(checkStateOf(row({ checkReport: report('h1', false) as never }))).toBe('failed');
    // A report of an older source does not count, whatever it said.
    expect(checkStateOf(row({ checkReport: report('h0', true) as never }))).toBe('stale');
    expect(checkStateOf(row({ checkReport: report('h0', true) as never, checkRequestedAt: new Date() }))).toBe('queued');
  });
});

describe('gradingHash', () => {
  it('changes with what grading depends on, not with wording or the starter', () => {
    const base = gradingHash(source, 't1');
    expect(gradingHash({ ...source, title: 'Another title', statement: `${source.statement} More.`, starter: 'x' }, 't1')).toBe(base);
    expect(gradingHash(source, 't2')).not.toBe(base);
    expect(gradingHash({ ...source, judge: { compare: 'unordered', output: 'return' } }, 't1')).not.toBe(base);
  });
});

describe('toProjection', () => {
  it('shows learners the samples in display form, never the hidden tests', () => {
    const testSet = {
      format: 1 as const,
      sourceHash: 'h',
      hash: 't',
      tests: [
        { name: 'small', sample: true, args: '[1,2]', expected: '3' },
        { name: 'hidden', sample: false, args: '[5,5]', expected: '10' },
      ],
    };
    const projection = toProjection(source, 'h', ['deck'], testSet);
    expect(projection.detail.sampleTests).toEqual([{ name: 'small', args: [1, 2], expected: 3 }]);
    expect(projection.detail.params).toEqual([
      { name: 'a', type: 'number' },
      { name: 'b', type: 'number' },
    ]);
    expect(projection).toMatchObject({ version: 1, referenceCode: source.reference, editorial: source.editorial });
    expect(projection.detail.decks).toEqual(['deck']);
  });
});
