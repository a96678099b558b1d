import { diffJson, diffText, flatten } from './json-diff';

describe('flatten', () => {
  it('walks objects and arrays of objects, and keeps lists of plain values whole', () => {
    const flat = flatten({ title: 'A', tags: ['x', 'y'], tests: { cases: [{ name: 'one', args: [1, 2] }] } });
    expect([...flat.entries()]).toEqual([
      ['title', 'A'],
      ['tags', ['x', 'y']],
      ['tests.cases[0].name', 'one'],
      ['tests.cases[0].args', [1, 2]],
    ]);
  });
});

describe('diffJson', () => {
  it('names only the fields that changed, were added or were removed', () => {
    const changes = diffJson({ role: 'learner', email: 'a@x', gone: 1 }, { role: 'admin', email: 'a@x', added: true });
    expect(changes).toEqual([
      { path: 'role', kind: 'changed', before: 'learner', after: 'admin', multiline: false },
      { path: 'gone', kind: 'removed', before: '1', after: null, multiline: false },
      { path: 'added', kind: 'added', before: null, after: 'true', multiline: false },
    ]);
  });

  it('reads a creation (no before) as every field added', () => {
    expect(diffJson(null, { title: 'T' })).toEqual([{ path: 'title', kind: 'added', before: null, after: 'T', multiline: false }]);
  });

  it('marks multi-line text for a line diff', () => {
    const [change] = diffJson({ statement: 'a\nb' }, { statement: 'a\nc' });
    expect(change?.multiline).toBe(true);
    expect(diffText(change!.before!, change!.after!)).toEqual([
      { text: 'a\n', kind: 'same' },
      { text: 'b', kind: 'removed' },
      { text: 'c', kind: 'added' },
    ]);
  });

  it('finds nothing between equal values', () => {
    expect(diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});
