import { diffValues, formatValue, tokenize } from './diff';

const text = (parts: { text: string }[]) => parts.map((part) => part.text).join('');
const changed = (parts: { text: string; changed: boolean }[]) => parts.filter((part) => part.changed).map((part) => part.text);

describe('formatValue', () => {
  it('shows results as compact JSON, strings quoted', () => {
    expect(formatValue([1, 2, [3]])).toBe('[1,2,[3]]');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue('NaN')).toBe('"NaN"');
    expect(formatValue(null)).toBe('null');
    expect(formatValue(undefined)).toBe('undefined');
  });
});

describe('tokenize', () => {
  it('keeps numbers, strings and names whole', () => {
    expect(tokenize('[12,-3.5e2,"a,b",true]')).toEqual(['[', '12', ',', '-3.5e2', ',', '"a,b"', ',', 'true', ']']);
  });
});

describe('diffValues', () => {
  it('marks nothing when the values are the same', () => {
    const diff = diffValues([1, 2], [1, 2]);
    expect(diff.equal).toBe(true);
    expect(changed(diff.expected)).toEqual([]);
    expect(changed(diff.actual)).toEqual([]);
  });

  it('marks the differing numbers whole on each side and keeps both texts intact', () => {
    const diff = diffValues([1, 2, 2, 3, 5, 6], [1, 2, 3, 0, 0, 0]);
    expect(diff.equal).toBe(false);
    expect(text(diff.expected)).toBe('[1,2,2,3,5,6]');
    expect(text(diff.actual)).toBe('[1,2,3,0,0,0]');
    expect(changed(diff.actual).join('')).toMatch(/0/);
    expect(changed(diff.expected).join('')).toMatch(/5/);
    expect(changed(diff.actual).join('')).not.toMatch(/1/);
  });

  it('marks a changed multi-digit number as one token', () => {
    const diff = diffValues([10, 20], [10, 21]);
    expect(changed(diff.expected)).toEqual(['20']);
    expect(changed(diff.actual)).toEqual(['21']);
  });

  it('shows a wrong type as a whole change', () => {
    const diff = diffValues(3, 'undefined');
    expect(changed(diff.expected)).toEqual(['3']);
    expect(changed(diff.actual)).toEqual(['"undefined"']);
  });
});
