import fs from 'node:fs';
import path from 'node:path';
import type { LoadedLab } from '@prep/contracts';
import { BUILT_IN_CONTENT_ROOT, formatIssue, readContent } from '@prep/problems';

export interface LabCatalog {
  labs: Map<string, LoadedLab>;
  /** Lint problems in the labs (those labs are left out). */
  problems: string[];
}

/** Every lab under a content root (labs/<slug>/), with the linter's complaints about the others. */
export function loadLabCatalog(root: string = BUILT_IN_CONTENT_ROOT): LabCatalog {
  const { labs, issues } = readContent(root);
  return {
    labs: new Map(labs.map((lab) => [lab.slug, lab])),
    problems: issues.filter((i) => i.file.startsWith('labs/')).map(formatIssue),
  };
}

/** A lab by slug (built-in content) or by its folder (labs/<slug> under some content root). */
export function findLab(slugOrDir: string, root?: string): LoadedLab {
  const asDir = path.resolve(slugOrDir);
  const isDir = fs.existsSync(path.join(asDir, 'lab.md'));
  const contentRoot = isDir ? path.resolve(asDir, '..', '..') : (root ?? BUILT_IN_CONTENT_ROOT);
  const slug = isDir ? path.basename(asDir) : slugOrDir;
  const catalog = loadLabCatalog(contentRoot);
  const lab = catalog.labs.get(slug);
  if (lab) return lab;
  const own = catalog.problems.filter((p) => p.startsWith(`labs/${slug}/`));
  const known = [...catalog.labs.keys()].join(', ');
  throw new Error(own.length ? `lab ${slug} does not load:\n${own.join('\n')}` : `no lab "${slug}" (known: ${known})`);
}
