import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readableCopy } from './readable-copy';

describe('readableCopy', () => {
  it('copies a folder from a private place to one every user can read, without bytecode caches', () => {
    const privateRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'private-'));
    try {
      const source = path.join(privateRoot, 'sandbox');
      fs.mkdirSync(path.join(source, 'labrunner', '__pycache__'), { recursive: true });
      fs.writeFileSync(path.join(source, 'labrunner', 'runner.py'), 'print("hi")\n', { mode: 0o600 });
      fs.writeFileSync(path.join(source, 'labrunner', '__pycache__', 'runner.pyc'), 'x');
      expect(fs.statSync(privateRoot).mode & 0o777).toBe(0o700);

      const copy = readableCopy(source, 'readable-copy-spec-');
      expect(path.dirname(copy)).toBe(os.tmpdir());
      expect(fs.statSync(copy).mode & 0o777).toBe(0o755);
      expect(fs.statSync(path.join(copy, 'labrunner')).mode & 0o777).toBe(0o755);
      expect(fs.statSync(path.join(copy, 'labrunner', 'runner.py')).mode & 0o777).toBe(0o644);
      expect(fs.readFileSync(path.join(copy, 'labrunner', 'runner.py'), 'utf8')).toBe('print("hi")\n');
      expect(fs.existsSync(path.join(copy, 'labrunner', '__pycache__'))).toBe(false);
      fs.rmSync(copy, { recursive: true });
    } finally {
      fs.rmSync(privateRoot, { recursive: true, force: true });
    }
  });
});
