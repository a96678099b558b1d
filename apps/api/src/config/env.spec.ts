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

  it('validates LOG_FORMAT and the first-admin pair, naming the variable', () => {
    expect(parseEnv(ZApiEnv, {}).LOG_FORMAT).toBe('auto');
    expect(() => parseEnv(ZWorkerEnv, { LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    expect(() => parseEnv(ZApiEnv, { ADMIN_EMAIL: 'root@example.com' })).toThrow(
      /ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD go together/,
    );
    expect(() => parseEnv(ZApiEnv, { ADMIN_PASSWORD: 'a long admin passphrase' })).toThrow(/ADMIN_EMAIL: /);
    expect(() => parseEnv(ZApiEnv, { ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: 'password123' })).toThrow(
      /ADMIN_PASSWORD: is one of the 10,000 most common/,
    );
    expect(() => parseEnv(ZApiEnv, { ADMIN_EMAIL: 'not an email', ADMIN_PASSWORD: 'a long admin passphrase' })).toThrow(/ADMIN_EMAIL/);
    expect(parseEnv(ZApiEnv, { ADMIN_EMAIL: ' Root@Example.com ', ADMIN_PASSWORD: 'a long admin passphrase' }).ADMIN_EMAIL).toBe(
      'root@example.com',
    );
  });

  it('reads TRUST_PROXY as a list of proxies', () => {
    expect(parseEnv(ZApiEnv, {}).TRUST_PROXY).toEqual(['loopback']);
    expect(parseEnv(ZApiEnv, { TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', '::1']);
    expect(() => parseEnv(ZApiEnv, { TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(() => parseEnv(ZApiEnv, { TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('has production-sane throttling defaults and refuses nonsense', () => {
    expect(parseEnv(ZApiEnv, {})).toMatchObject({ LOGIN_MAX_FAILURES: 5, LOGIN_BLOCK_SECONDS: 60, REGISTER_MAX_PER_IP: 20 });
    expect(() => parseEnv(ZApiEnv, { LOGIN_MAX_FAILURES: '0' })).toThrow(/LOGIN_MAX_FAILURES/);
    expect(() => parseEnv(ZApiEnv, { LOGIN_MAX_DELAY_MS: 'slow' })).toThrow(/LOGIN_MAX_DELAY_MS/);
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
