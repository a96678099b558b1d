import { buildAuthRequest, safeNext } from './auth-forms';

describe('buildAuthRequest', () => {
  it('normalises the email the way the API will', () => {
    expect(buildAuthRequest('sign-in', { email: '  Ada@Example.COM ', password: 'x' })).toEqual({
      ok: true,
      request: { email: 'ada@example.com', password: 'x' },
    });
  });

  it('rejects a short sign-up password with the contract message', () => {
    const result = buildAuthRequest('sign-up', { email: 'ada@example.com', password: 'short', displayName: '' });
    expect(result).toEqual({ ok: false, errors: { fields: { password: 'Must be at least 10 characters' } } });
  });

  it('leaves out an empty display name and keeps a filled one', () => {
    const base = { email: 'ada@example.com', password: 'long-enough-1' };
    expect(buildAuthRequest('sign-up', { ...base, displayName: '   ' })).toEqual({ ok: true, request: base });
    expect(buildAuthRequest('sign-up', { ...base, displayName: ' Ada ' })).toEqual({
      ok: true,
      request: { ...base, displayName: 'Ada' },
    });
  });

  it('reports every missing field on an empty sign-in form', () => {
    const result = buildAuthRequest('sign-in', { email: '', password: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors.fields).sort()).toEqual(['email', 'password']);
  });
});

describe('safeNext', () => {
  it('keeps a path on this site and refuses anything that could leave it', () => {
    expect(safeNext('/review')).toBe('/review');
    expect(safeNext('/problems/merge-sorted-array?from=review')).toBe('/problems/merge-sorted-array?from=review');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(undefined)).toBe('/');
  });
});
