import fs from 'node:fs';
import path from 'node:path';

/** prisma/migrations of this checkout or image, found by walking up from this file. */
export function localMigrationNames(start = __dirname): string[] {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'prisma', 'migrations');
    if (fs.existsSync(candidate)) {
      return fs
        .readdirSync(candidate, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
    }
  }
  return [];
}
