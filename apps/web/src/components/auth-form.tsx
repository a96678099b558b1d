'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ZUpdateSettingsRequest } from '@prep/contracts';
import { api } from '../lib/api/browser';
import { postJson } from '../lib/api-client';
import { AUTH_ENDPOINT, buildAuthRequest, safeNext, type TAuthMode } from '../lib/auth-forms';
import { NO_ERRORS, type TFormErrors } from '../lib/form-errors';
import { browserTimezone } from '../lib/timezone';
import { Field, FormAlert } from './ui/field';

type TFieldSpec = {
  name: 'email' | 'password' | 'displayName';
  label: string;
  type: 'email' | 'password' | 'text';
  autoComplete: string;
  hint?: string;
  required: boolean;
};

const EMAIL_FIELD: TFieldSpec = { name: 'email', label: 'Email', type: 'email', autoComplete: 'email', required: true };

const FIELDS: Record<TAuthMode, TFieldSpec[]> = {
  'sign-in': [
    EMAIL_FIELD,
    {
      name: 'password',
      label: 'Password',
      type: 'password',
      autoComplete: 'current-password',
      required: true,
    },
  ],
  'sign-up': [
    EMAIL_FIELD,
    {
      name: 'password',
      label: 'Password',
      type: 'password',
      autoComplete: 'new-password',
      hint: 'At least 10 characters, and not a common password.',
      required: true,
    },
    {
      name: 'displayName',
      label: 'Name',
      type: 'text',
      autoComplete: 'name',
      hint: 'Optional.',
      required: false,
    },
  ],
};

const COPY: Record<TAuthMode, { submit: string; pending: string }> = {
  'sign-in': { submit: 'Sign in', pending: 'Signing in…' },
  'sign-up': { submit: 'Create account', pending: 'Creating account…' },
};

/** A new account's day starts in the learner's own timezone, as the browser knows it (changeable in settings). */
async function adoptBrowserTimezone(): Promise<void> {
  const timezone = browserTimezone();
  if (!timezone) return;
  const request = ZUpdateSettingsRequest.safeParse({ timezone });
  if (request.success) await api.put('/api/settings', null, request.data);
}

export function AuthForm({ mode, next }: { mode: TAuthMode; next?: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<TFormErrors>(NO_ERRORS);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([key, value]) => [key, String(value)]));
    const built = buildAuthRequest(mode, values);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setPending(true);
    setErrors(NO_ERRORS);
    const result = await postJson(AUTH_ENDPOINT[mode], built.request);
    if (!result.ok) {
      setPending(false);
      setErrors(result.errors);
      return;
    }
    if (mode === 'sign-up') await adoptBrowserTimezone();
    router.replace(safeNext(next));
    router.refresh();
  }

  return (
    <form ref={formRef} className="auth-form" onSubmit={onSubmit} noValidate aria-busy={pending}>
      <FormAlert message={errors.form} testId="form-error" />
      {FIELDS[mode].map((field) => {
        const id = `${mode}-${field.name}`;
        const error = errors.fields[field.name];
        const describedBy = [error ? `${id}-error` : null, field.hint ? `${id}-hint` : null].filter(Boolean).join(' ');
        return (
          <Field key={field.name} id={id} label={field.label} hint={field.hint} error={error}>
            <input
              id={id}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              required={field.required}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy || undefined}
              className="field__input"
              disabled={pending}
            />
          </Field>
        );
      })}
      <button type="submit" className="button button--primary button--block" disabled={pending}>
        {pending ? COPY[mode].pending : COPY[mode].submit}
      </button>
      <p className="auth-form__switch">
        {mode === 'sign-in' ? (
          <>
            New here? <Link href="/sign-up">Create an account</Link>
          </>
        ) : (
          <>
            Already have an account? <Link href="/sign-in">Sign in</Link>
          </>
        )}
      </p>
    </form>
  );
}
