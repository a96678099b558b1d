import { ErrorCode } from '@prep/contracts';
import { readResponse, type TApiFailure } from './api/result';
import { formErrorsOf, fromZodIssues } from './form-errors';

async function failureOf(status: number, body: unknown): Promise<TApiFailure> {
  const text = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  const result = await readResponse(new Response(text, { status }), null);
  if (result.ok) throw new Error('expected a failure');
  return result;
}

describe('formErrorsOf', () => {
  it('shows the API message and puts each field detail next to its field', async () => {
    const body = {
      error: {
        code: ErrorCode.ValidationFailed,
        message: 'request validation failed',
        details: [
          { path: 'body.email', message: 'must be a valid email address' },
          { path: 'body.password', message: 'must be at least 10 characters' },
          { path: 'body.password', message: 'a second issue for the same field' },
        ],
      },
    };
    expect(formErrorsOf(await failureOf(400, body))).toEqual({
      form: 'Request validation failed',
      fields: { email: 'Must be a valid email address', password: 'Must be at least 10 characters' },
    });
  });

  it('shows the message of an error without details', async () => {
    const body = { error: { code: ErrorCode.InvalidCredentials, message: 'Email or password is incorrect.' } };
    expect(formErrorsOf(await failureOf(401, body))).toEqual({ form: 'Email or password is incorrect.', fields: {} });
  });

  it('ignores details that are not field issues', async () => {
    const body = { error: { code: ErrorCode.RateLimited, message: 'slow down', details: { retryAfterSeconds: 30 } } };
    expect(formErrorsOf(await failureOf(429, body))).toEqual({ form: 'Slow down', fields: {} });
  });

  it('falls back to a generic message when the body is not the error shape', async () => {
    expect(formErrorsOf(await failureOf(502, '<html>Bad gateway</html>')).form).toMatch(/service is unavailable/);
    expect(formErrorsOf(await failureOf(404, undefined)).form).toMatch(/HTTP 404/);
  });
});

describe('fromZodIssues', () => {
  it('keeps the first issue per field and says "Required" for an empty required field', () => {
    const issues = [
      {
        path: ['password'],
        message: 'Too small: expected string to have >=1 characters',
        code: 'too_small',
        minimum: 1,
      },
      { path: ['email'], message: 'must be a valid email address', code: 'invalid_format' },
      { path: ['email'], message: 'another', code: 'custom' },
    ];
    expect(fromZodIssues(issues)).toEqual({
      fields: { password: 'Required', email: 'Must be a valid email address' },
    });
  });

  it('asks for a number in an emptied number field, and keeps the schema’s words for an empty list', () => {
    const issues = [
      { path: ['minDue'], message: 'Invalid input: expected number, received NaN', code: 'invalid_type', expected: 'number' },
      { path: ['weekdays'], message: 'pick at least one day', code: 'too_small', minimum: 1, origin: 'array' },
    ];
    expect(fromZodIssues(issues).fields).toEqual({ minDue: 'Enter a number', weekdays: 'Pick at least one day' });
  });
});
