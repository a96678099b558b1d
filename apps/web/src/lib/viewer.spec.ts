import { viewerFromMeResponse } from './viewer';

const user = {
  id: 'u1',
  email: 'ada@example.com',
  displayName: null,
  role: 'learner',
  createdAt: '2025-01-01T00:00:00.000Z',
};

describe('viewerFromMeResponse', () => {
  it('is signed in when the API returns the user', () => {
    expect(viewerFromMeResponse(200, { user })).toEqual({ status: 'signed-in', user });
  });

  it('is signed out on 401', () => {
    expect(viewerFromMeResponse(401, { error: { code: 'unauthenticated', message: 'x' } })).toEqual({
      status: 'signed-out',
    });
  });

  it('is unavailable when the API fails or answers with an unexpected shape', () => {
    expect(viewerFromMeResponse(503, undefined)).toEqual({ status: 'unavailable' });
    expect(viewerFromMeResponse(200, { id: 'u1' })).toEqual({ status: 'unavailable' });
  });
});
