import { ConfigError, parseConfig } from './config';

describe('lab worker configuration', () => {
  it('needs nothing but Redis, and defaults to the bubblewrap sandbox', () => {
    const config = parseConfig({});
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.LAB_SANDBOX).toBe('bubblewrap');
    expect(config.LAB_GPUS).toBe('auto');
    expect(Object.keys(config).some((k) => /DATABASE|SECRET|PASSWORD/.test(k))).toBe(false);
  });

  it('names every bad variable', () => {
    expect(() => parseConfig({ LAB_SANDBOX: 'chroot', LAB_GPUS: 'all', REDIS_URL: 'http://x' })).toThrow(ConfigError);
    try {
      parseConfig({ LAB_SANDBOX: 'chroot', LAB_GPUS: 'all', REDIS_URL: 'http://x' });
    } catch (e) {
      expect((e as Error).message).toMatch(/LAB_SANDBOX/);
      expect((e as Error).message).toMatch(/LAB_GPUS: auto, none, or a comma-separated list/);
      expect((e as Error).message).toMatch(/REDIS_URL/);
    }
  });
});
