import type { LoadedContent, LoadedLab } from '@prep/contracts';
import { ContentError } from './issues';
import { BUILT_IN_CONTENT_ROOT, MIN_FIXED_CASES, readContent, type ReadOptions } from './read';

export { BUILT_IN_CONTENT_ROOT, MIN_FIXED_CASES, readContent, splitHints } from './read';
export type { ReadOptions, ReadResult } from './read';
export { ContentError, formatIssue, type ContentIssue } from './issues';
export { createRng, defineTests, expandTests, generatedSeed, type ExpandedTest } from './testkit';
export { parseSignature, type ParsedSignature } from './signature';
export { parseCardFile } from './cards';
export { resolveConceptLinks, type ConceptDeclaration, type PracticeDeclaration, type ResolvedLink, type LinkCheck } from './links';
export { checkMath } from './markdown';
export { LAB_FILES, readLabs } from './labs';

/** Loads all content under `root` (the built-in content by default); throws ContentError listing every problem found. */
export function loadContent(root: string = BUILT_IN_CONTENT_ROOT, options?: ReadOptions): LoadedContent {
  const opts = options ?? (root === BUILT_IN_CONTENT_ROOT ? { minFixedCases: MIN_FIXED_CASES } : {});
  const { content, issues } = readContent(root, opts);
  if (issues.length > 0) throw new ContentError(issues);
  return content;
}
export * from './authoring';

/** Loads the labs under `root` (the built-in content by default); throws ContentError listing every problem found. */
export function loadLabs(root: string = BUILT_IN_CONTENT_ROOT): LoadedLab[] {
  const { labs, issues } = readContent(root, root === BUILT_IN_CONTENT_ROOT ? { minFixedCases: MIN_FIXED_CASES } : {});
  if (issues.length > 0) throw new ContentError(issues);
  return labs;
}
