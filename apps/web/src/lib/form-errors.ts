import { ZFieldIssue } from '@prep/contracts';
import { z } from 'zod';
import type { TApiFailure } from './api/result';

/** What a form shows: one message above the fields and at most one message per field. */
export type TFormErrors = {
  form?: string;
  fields: Partial<Record<string, string>>;
};

export const NO_ERRORS: TFormErrors = { fields: {} };

type TIssueLike = {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  minimum?: number | bigint;
  /** zod 4: what a too_small applies to (`string`, `array`, `number`…), and the type an invalid_type wanted. */
  origin?: string;
  expected?: string;
};

function sentence(message: string): string {
  const trimmed = message.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

function describeIssue(issue: TIssueLike): string {
  // zod's own wording is written for developers: an empty required field, an empty number field (NaN).
  if (issue.code === 'too_small' && Number(issue.minimum) === 1 && (issue.origin ?? 'string') === 'string') return 'Required';
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'Enter a number';
  return sentence(issue.message);
}

/** Client-side validation failures from the shared contract schemas. The first issue per field wins. */
export function fromZodIssues(issues: readonly TIssueLike[]): TFormErrors {
  const fields: TFormErrors['fields'] = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (field && fields[field] === undefined) fields[field] = describeIssue(issue);
  }
  return { fields };
}

/** The API names request-body fields as "body.email"; forms only know "email". */
function fieldName(apiPath: string): string {
  return apiPath.replace(/^body\./, '');
}

/** Maps a failed API call to form errors: the message above the form, each field issue next to its field. */
export function formErrorsOf(failure: TApiFailure): TFormErrors {
  const issues = z.array(ZFieldIssue).safeParse(failure.details);
  const fields: TFormErrors['fields'] = {};
  if (issues.success) {
    for (const issue of issues.data) {
      const field = fieldName(issue.path);
      if (fields[field] === undefined) fields[field] = sentence(issue.message);
    }
  }
  return { form: sentence(failure.message), fields };
}
