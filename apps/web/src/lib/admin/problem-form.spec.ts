import { canonicalJson, caseToRow, rowToCase, TEMPLATE_PROBLEM, tabOf, validateSource } from './problem-form';

describe('problem form', () => {
  it('round-trips a JSON case through a table row', () => {
    const test = { name: 'ex', sample: true, args: [[1, 2], 3], expected: [3] };
    const row = caseToRow(test);
    expect(row).toEqual({ name: 'ex', sample: true, mode: 'json', args: '[[1,2],3]', expected: '[3]' });
    expect(rowToCase(row)).toEqual({ ok: true, case: test });
  });

  it('keeps computed cases as TypeScript expressions', () => {
    const row = caseToRow({ name: 'big', sample: false, argsCode: '[Array(5).fill(1)]' });
    expect(row.mode).toBe('code');
    expect(rowToCase(row)).toEqual({ ok: true, case: { name: 'big', sample: false, argsCode: '[Array(5).fill(1)]' } });
  });

  it('names a row whose arguments are not a JSON list', () => {
    expect(rowToCase({ name: 'x', sample: false, mode: 'json', args: '[1,', expected: '' })).toMatchObject({ ok: false });
    expect(rowToCase({ name: 'x', sample: false, mode: 'json', args: '3', expected: '' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('list'),
    });
  });

  it('sends a validation issue to the tab that holds the field', () => {
    expect(tabOf(['tests', 'cases', 2, 'args'])).toBe('tests');
    expect(tabOf(['reference'])).toBe('code');
    expect(tabOf(['judge', 'tolerance'])).toBe('judging');
  });

  it('starts new problems from a template the contract accepts once named', () => {
    expect(validateSource({ ...TEMPLATE_PROBLEM, slug: 'sum-array', title: 'Sum an array' })).toMatchObject({ ok: true });
    const unnamed = validateSource(TEMPLATE_PROBLEM);
    expect(unnamed.ok).toBe(false);
    if (!unnamed.ok) expect(unnamed.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['slug', 'title']));
  });
});

describe('canonicalJson', () => {
  it('ignores key order and undefined fields, not values', () => {
    expect(canonicalJson({ a: 1, b: { c: [1, { d: 2, e: 3 }] }, x: undefined })).toBe(
      canonicalJson({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }),
    );
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});
