import { parseWebConfig } from './config';

describe('parseWebConfig', () => {
  it('defaults API_URL to the local API', () => {
    expect(parseWebConfig({})).toEqual({ API_URL: 'http://127.0.0.1:4000' });
    expect(parseWebConfig({ API_URL: '' })).toEqual({ API_URL: 'http://127.0.0.1:4000' });
  });

  it('drops a trailing slash so paths can be appended', () => {
    expect(parseWebConfig({ API_URL: 'http://api:4000/' }).API_URL).toBe('http://api:4000');
  });

  it('names the variable when it is not an http URL', () => {
    expect(() => parseWebConfig({ API_URL: 'localhost:4000' })).toThrow(/API_URL/);
    expect(() => parseWebConfig({ API_URL: 'ftp://api' })).toThrow(/API_URL must be an http\(s\) URL/);
  });
});
