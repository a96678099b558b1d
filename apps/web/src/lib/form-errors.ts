import { ZErrorResponse, ZFieldIssue } from '@prep/contracts';
import { z } from 'zod';

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
};

function sentence(message: string): string {
  const trimmed = message.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

function describeIssue(issue: TIssueLike): string {
  // An empty required field is the common case; zod's wording for it is written for developers.
  if (issue.code === 'too_small' && Number(issue.minimum) === 1) return 'Required';
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

/** Maps an error response of the API (`{ error: { code, message, details } }`) to form errors. */
export function fromApiError(status: number, body: unknown): TFormErrors {
  const parsed = ZErrorResponse.safeParse(body);
  if (!parsed.success) {
    return {
      form:
        status >= 500
          ? 'The service is unavailable right now. Please try again in a moment.'
          : `The request failed (HTTP ${status}). Please try again.`,
      fields: {},
    };
  }
  const { message, details } = parsed.data.error;
  const issues = z.array(ZFieldIssue).safeParse(details);
  const fields: TFormErrors['fields'] = {};
  if (issues.success) {
    for (const issue of issues.data) {
      const field = fieldName(issue.path);
      if (fields[field] === undefined) fields[field] = sentence(issue.message);
    }
  }
  return { form: sentence(message), fields };
}

export const NETWORK_ERROR: TFormErrors = {
  form: 'Could not reach the server. Check your connection and try again.',
  fields: {},
};
