import { Unzip, UnzipInflate, UnzipPassThrough, zipSync, type Zippable } from 'fflate';

/** What an archive may hold. Exceeding any limit rejects the whole archive. */
export interface UnzipLimits {
  maxEntries: number;
  /** Uncompressed bytes of one file, and of all files together (counted while inflating, whatever the headers claim). */
  maxFileBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = { maxEntries: 2_000, maxFileBytes: 4 * 1024 * 1024, maxTotalBytes: 32 * 1024 * 1024 };

export class ArchiveError extends Error {}

/** Compressed bytes handed to the inflater at a time: bounds what one step can expand to (DEFLATE's ratio is ~1032:1). */
const SLICE = 16 * 1024;
/** A fixed timestamp, so that the same files always zip to the same bytes. */
const MTIME = new Date('2000-01-01T00:00:00Z');

/** Zips text files (path → content), deterministically. */
export function zipTextFiles(files: Map<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  const tree: Zippable = {};
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1)))
    tree[name] = [encoder.encode(text), { mtime: MTIME, level: 6 }];
  return zipSync(tree);
}

/**
 * A safe name for an entry, or why it is not: relative, forward slashes, no `.`/`..` segments, no drive letters,
 * control characters or backslashes. Nothing is ever written to disk, but names must still mean one place.
 */
export function checkEntryName(name: string): string | null {
  if (name.length === 0 || name.length > 300) return 'has an empty or overlong name';
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c === '\\' || c === ':'))
    return 'has a control character, backslash or colon in its name';
  if (name.startsWith('/')) return 'is an absolute path';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return 'has an empty, "." or ".." path segment';
  return null;
}

/**
 * Reads a zip of UTF-8 text files without trusting it: sizes are counted while inflating (a zip bomb stops at the
 * limit, whatever its headers say), entry names must be safe relative paths, a name may appear once, and every file
 * must be valid UTF-8. Directory entries are skipped. Throws ArchiveError saying what is wrong.
 */
export function unzipTextFiles(bytes: Uint8Array, limits: UnzipLimits = DEFAULT_UNZIP_LIMITS): Map<string, string> {
  const chunks = new Map<string, Uint8Array[]>();
  const sizes = new Map<string, number>();
  let total = 0;
  let entries = 0;
  let failure: string | null = null;
  const fail = (message: string) => {
    failure ??= message;
  };
  const unzip = new Unzip((file) => {
    if (failure) return file.terminate();
    if (++entries > limits.maxEntries) return fail(`the archive has more than ${limits.maxEntries} entries`);
    const problem = checkEntryName(file.name);
    if (problem) return fail(`entry ${JSON.stringify(file.name.slice(0, 100))} ${problem}`);
    if (file.name.endsWith('/')) return file.terminate();
    if (chunks.has(file.name)) return fail(`entry ${file.name} appears twice`);
    chunks.set(file.name, []);
    sizes.set(file.name, 0);
    file.ondata = (err, data) => {
      if (failure) return;
      if (err) return fail(`entry ${file.name} cannot be read: ${err.message}`);
      const size = sizes.get(file.name)! + data.length;
      total += data.length;
      sizes.set(file.name, size);
      if (size > limits.maxFileBytes) {
        file.terminate();
        return fail(`entry ${file.name} is larger than ${limits.maxFileBytes} bytes`);
      }
      if (total > limits.maxTotalBytes) {
        file.terminate();
        return fail(`the archive expands to more than ${limits.maxTotalBytes} bytes`);
      }
      chunks.get(file.name)!.push(data);
    };
    try {
      file.start();
    } catch (e) {
      fail(`entry ${file.name} uses an unsupported compression (${(e as Error).message})`);
    }
  });
  unzip.register(UnzipPassThrough);
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  } catch (e) {
    fail(`the archive is not a valid zip file (${(e as Error).message})`);
  }
  if (failure) throw new ArchiveError(failure);
  if (entries === 0) throw new ArchiveError('the archive is empty or not a zip file');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files = new Map<string, string>();
  for (const [name, parts] of chunks) {
    const size = sizes.get(name)!;
    const joined = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      joined.set(part, at);
      at += part.length;
    }
    try {
      files.set(name, decoder.decode(joined));
    } catch {
      throw new ArchiveError(`entry ${name} is not UTF-8 text`);
    }
  }
  return files;
}
