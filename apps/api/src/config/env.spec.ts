import { ConfigError, parseEnv, redactUrl, ZApiEnv, ZWorkerEnv } from './env';

describe('config', () => {
  it('fills safe local defaults', () => {
    const env = parseEnv(ZApiEnv, {});
    expect(env).toMatchObject({
      API_PORT: 4000,
      WEB_ORIGIN: 'http://localhost:3000',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/interview_prep',
    });
  });

  it('keeps the worker health server on loopback unless told otherwise', () => {
    expect(parseEnv(ZWorkerEnv, {}).WORKER_HEALTH_HOST).toBe('127.0.0.1');
    expect(parseEnv(ZWorkerEnv, { WORKER_HEALTH_HOST: '0.0.0.0' }).WORKER_HEALTH_HOST).toBe('0.0.0.0');
  });

  it('names the bad variable', () => {
    expect(() => parseEnv(ZApiEnv, { DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgresql:\/\//);
    expect(() => parseEnv(ZApiEnv, { API_PORT: 'eighty' })).toThrow(/API_PORT/);
    expect(() => parseEnv(ZWorkerEnv, { REDIS_URL: 'nope' })).toThrow(ConfigError);
  });

  it('hides passwords in URLs it prints', () => {
    expect(redactUrl('postgresql://u:secret@h:5432/db')).toBe('postgresql://u:***@h:5432/db');
  });
});
