import type { ReactNode } from 'react';

/** A labelled form control with its hint and its error below it (the control gets `id`). */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** What went wrong with a whole form (not one field), announced as it appears; nothing when all is well. */
export function FormAlert({ message, testId }: { message: string | null | undefined; testId?: string }) {
  return message ? (
    <p className="form-alert" role="alert" data-testid={testId}>
      {message}
    </p>
  ) : null;
}
