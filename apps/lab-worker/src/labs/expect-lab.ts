import { BUILT_IN_CONTENT_ROOT } from '@prep/problems';
import { checkLab, type CheckRow } from '../check';
import { parseConfig } from '../config';
import { loadLabCatalog } from '../content';
import { createSandbox } from '../sandbox';

/**
 * Declares the tests that prove one lab (built-in by default) on this machine's CPU, through the real bubblewrap
 * sandbox: the reference is accepted, the starter is not, and every wrong/ and cheating/ solution
 * gets the verdict its first line declares. One judge process grades them all (one torch import),
 * each in its own sandbox, against one fresh secret seed.
 */
export function expectLabChecks(slug: string, root: string = BUILT_IN_CONTENT_ROOT): void {
  const lab = loadLabCatalog(root).labs.get(slug);
  const config = parseConfig({ LAB_SANDBOX: 'bubblewrap' });

  describe(`lab ${slug}`, () => {
    let rows: Map<string, CheckRow>;

    beforeAll(async () => {
      if (!lab) throw new Error(`lab ${slug} does not load: run npm run content:lint`);
      const checked = await checkLab(lab, {
        python: config.LAB_PYTHON,
        sandbox: createSandbox(config),
        slot: { kind: 'cpu', index: 0 },
        threads: 1,
        onJudgeError: (stderr) => console.error(stderr),
      });
      rows = new Map(checked.map((row) => [row.file, row]));
    }, 900_000);

    const expectRow = (file: string) => {
      const row = rows.get(file)!;
      // On failure the message says what the grader saw, not just the verdict.
      expect({ file, verdict: row.verdict, ok: row.ok, message: row.ok ? null : row.message }).toEqual({
        file,
        verdict: row.verdict,
        ok: true,
        message: null,
      });
    };

    it('accepts the reference solution', () => {
      expect(rows.get('reference.py')!.verdict).toBe('accepted');
    });

    it('does not accept the starter', () => expectRow('starter.py'));

    it.each((lab?.solutions ?? []).map((s) => [s.file, s.expect]))('gives %s the verdict %s', (file) => expectRow(file));
  });
}
