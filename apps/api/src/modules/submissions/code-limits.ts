import { ErrorCode, MAX_CODE_BYTES, MAX_CUSTOM_TESTS_BYTES, type TCreateSubmissionRequest, type TFieldIssue } from '@prep/contracts';
import { AppError } from '../../common/app-error';

const tooLarge = (path: string, bytes: number, limit: number) =>
  new AppError(ErrorCode.PayloadTooLarge, `${path} is ${bytes} bytes; the limit is ${limit}`, [
    { path, message: `must be at most ${limit} bytes (UTF-8)` },
  ]);

/** Code (a submission or a draft) over MAX_CODE_BYTES: 413. */
export function assertCodeFits(code: string): void {
  const bytes = Buffer.byteLength(code, 'utf8');
  if (bytes > MAX_CODE_BYTES) throw tooLarge('body.code', bytes, MAX_CODE_BYTES);
}

/** Custom inputs: run mode only (400), within MAX_CUSTOM_TESTS_BYTES (413), one value per parameter (400). */
export function assertCustomTestsFit(request: TCreateSubmissionRequest, arity: number): void {
  const tests = request.customTests;
  if (!tests || tests.length === 0) return;
  if (request.mode !== 'run') {
    throw AppError.validation([{ path: 'body.customTests', message: 'custom inputs run only in run mode' }]);
  }
  const bytes = Buffer.byteLength(JSON.stringify(tests), 'utf8');
  if (bytes > MAX_CUSTOM_TESTS_BYTES) throw tooLarge('body.customTests', bytes, MAX_CUSTOM_TESTS_BYTES);
  const issues: TFieldIssue[] = tests.flatMap((test, i) =>
    test.args.length === arity
      ? []
      : [{ path: `body.customTests.${i}.args`, message: `must hold ${arity} value(s), one per parameter; got ${test.args.length}` }],
  );
  if (issues.length) throw AppError.validation(issues);
}
