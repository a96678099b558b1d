import type { TDeckBundle, TDeckBundleInput } from '@prep/contracts';
import type { ContentIssue } from '../issues';
import { deckBundleToFiles, filesToDeckBundle } from './bundle-files';
import { ArchiveError, unzipTextFiles, zipTextFiles, type UnzipLimits } from './zip';

export {
  BundleExportError,
  argsTypeOf,
  deckBundleToFiles,
  filesToDeckBundle,
  normalizeAuthoredProblem,
  readContentFiles,
  readProblemFiles,
  unexportReference,
} from './bundle-files';
export { readTestsFile, writeTestsFile, jsonLiteralValue } from './tests-file';
export { ArchiveError, DEFAULT_UNZIP_LIMITS, checkEntryName, unzipTextFiles, zipTextFiles, type UnzipLimits } from './zip';
export { ankiPackage, markdownToAnkiHtml, type AnkiDeck } from './anki';

/** A deck as a zip in the packages/problems layout: unzipped into packages/problems, it passes content:lint. */
export function exportDeckZip(bundle: TDeckBundleInput): Uint8Array {
  return zipTextFiles(deckBundleToFiles(bundle));
}

/**
 * Reads a deck zip without running anything in it (see filesToDeckBundle); archive problems (a zip bomb, a path that
 * climbs out, a file twice, non-UTF-8 text) are reported as an issue on the archive itself.
 */
export function importDeckZip(bytes: Uint8Array, limits?: UnzipLimits): { bundle: TDeckBundle | null; issues: ContentIssue[] } {
  let files: Map<string, string>;
  try {
    files = unzipTextFiles(bytes, limits);
  } catch (e) {
    if (e instanceof ArchiveError) return { bundle: null, issues: [{ file: '(archive)', line: 1, message: e.message }] };
    throw e;
  }
  return filesToDeckBundle(files);
}
