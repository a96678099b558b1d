'use client';

import { useState } from 'react';
import type { z } from 'zod';
import type { TApiResult } from '../lib/api/result';
import { formErrorsOf, fromZodIssues, NO_ERRORS, type TFormErrors } from '../lib/form-errors';

/**
 * One way for a form to send: check the input against the contract schema first (errors next to their fields,
 * nothing sent), then call the API and show its errors the same way. Resolves to the answer, or null on failure.
 */
export function useFormSubmit() {
  const [errors, setErrors] = useState<TFormErrors>(NO_ERRORS);
  const [pending, setPending] = useState(false);

  async function submit<S extends z.ZodType, T>(
    schema: S,
    input: unknown,
    send: (request: z.output<S>) => Promise<TApiResult<T>>,
  ): Promise<{ data: T } | null> {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      setErrors(fromZodIssues(parsed.error.issues));
      return null;
    }
    setPending(true);
    const result = await send(parsed.data);
    setPending(false);
    if (!result.ok) {
      setErrors(formErrorsOf(result));
      return null;
    }
    setErrors(NO_ERRORS);
    return { data: result.data };
  }

  return { errors, pending, submit };
}
