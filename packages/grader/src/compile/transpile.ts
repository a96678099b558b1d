import { transform } from 'sucrase';

/** TypeScript to JavaScript; sucrase keeps every line where it was, so stack traces point into the learner's source. */
export function transpile(code: string): string {
  return transform(code, { transforms: ['typescript'], disableESTransforms: true }).code;
}
