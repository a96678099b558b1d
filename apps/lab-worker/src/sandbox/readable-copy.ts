import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A root-owned copy of `dir` that every user can read, under the system's temporary directory, removed when the
 * process exits. A worker running as root runs each sandbox as an unprivileged uid, and bubblewrap opens its bind
 * sources as that uid: a checkout under a private directory (`mktemp -d` makes it 0700) cannot be bound from there.
 * The sandbox's uid cannot change the copy (it owns nothing in it), and it is bound read-only.
 */
export function readableCopy(dir: string, prefix: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(dir, target, { recursive: true, filter: (source) => path.basename(source) !== '__pycache__' });
  openToAll(target);
  process.once('exit', () => fs.rmSync(target, { recursive: true, force: true }));
  return target;
}

function openToAll(entry: string): void {
  const stat = fs.lstatSync(entry);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    fs.chmodSync(entry, 0o755);
    for (const child of fs.readdirSync(entry)) openToAll(path.join(entry, child));
  } else {
    fs.chmodSync(entry, stat.mode & 0o111 ? 0o755 : 0o644);
  }
}
