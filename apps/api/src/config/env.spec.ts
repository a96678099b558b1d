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

  it('names the bad variable', () => {
    expect(() => parseEnv(ZApiEnv, { DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgresql:\/\//);
    expect(() => parseEnv(ZApiEnv, { API_PORT: 'eighty' })).toThrow(/API_PORT/);
    expect(() => parseEnv(ZWorkerEnv, { REDIS_URL: 'nope' })).toThrow(ConfigError);
  });

  it('refuses development secrets and print-only mail in production', () => {
    expect(() => parseEnv(ZApiEnv, { NODE_ENV: 'production' })).toThrow(/UNSUBSCRIBE_SECRET: must be set in production/);
    expect(() => parseEnv(ZWorkerEnv, { NODE_ENV: 'production', UNSUBSCRIBE_SECRET: 'x'.repeat(40) })).toThrow(/SMTP_URL/);
    const env = parseEnv(ZWorkerEnv, {
      NODE_ENV: 'production',
      UNSUBSCRIBE_SECRET: 'x'.repeat(40),
      SMTP_URL: 'smtps://u:p@mail.example.com:465',
    });
    expect(env.SMTP_URL).toBe('smtps://u:p@mail.example.com:465');
  });

  it('validates the mail settings', () => {
    expect(parseEnv(ZWorkerEnv, {}).SMTP_URL).toBe('console');
    expect(() => parseEnv(ZWorkerEnv, { SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL: must be smtp:\/\//);
    expect(() => parseEnv(ZWorkerEnv, { UNSUBSCRIBE_SECRET: 'short' })).toThrow(/UNSUBSCRIBE_SECRET: must be at least 32/);
  });

  it('hides passwords in URLs it prints', () => {
    expect(redactUrl('postgresql://u:secret@h:5432/db')).toBe('postgresql://u:***@h:5432/db');
  });
});
