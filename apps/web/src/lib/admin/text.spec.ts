import { bytesToBase64, parseTags, slugify } from './text';

describe('admin text helpers', () => {
  it('makes slugs the contracts accept', () => {
    expect(slugify('  Two Pointers: Déjà vu!  ')).toBe('two-pointers-deja-vu');
    expect(slugify('---')).toBe('');
  });

  it('reads tags separated by commas or spaces, once each', () => {
    expect(parseTags('arrays, Two Pointers;arrays  sorting')).toEqual(['arrays', 'two', 'pointers', 'sorting']);
  });

  it('encodes bytes as base64', () => {
    expect(bytesToBase64(new Uint8Array([80, 75, 3, 4, 255]))).toBe(Buffer.from([80, 75, 3, 4, 255]).toString('base64'));
  });
});
