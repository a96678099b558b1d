'use client';

import { ZSettingsResponse, ZUpdateSettingsRequest, type TSettings } from '@prep/contracts';
import { Globe } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { api } from '../../lib/api/browser';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { browserTimezone } from '../../lib/timezone';
import { Field, FormAlert } from '../ui/field';
import { useToast } from '../ui/toast';

const subscribeNothing = () => () => undefined;

function timezones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([current, 'UTC', ...all])];
}

/** Desired retention, daily limits, the hour the day rolls over and the timezone (offered from the browser). */
export function StudySettingsForm({ settings }: { settings: TSettings }) {
  const router = useRouter();
  const notify = useToast();
  const [values, setValues] = useState({
    desiredRetention: Math.round(settings.desiredRetention * 100),
    newCards: settings.newPerDay.card,
    newProblems: settings.newPerDay.problem,
    reviewsPerDay: settings.reviewsPerDay,
    rolloverHour: settings.rolloverHour,
    timezone: settings.timezone,
  });
  const { errors, pending, submit } = useFormSubmit();
  // The browser's timezone and its list of zones are only known after hydration (the server's ICU may differ).
  const mounted = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  const detected = mounted ? browserTimezone() : null;

  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((current) => ({ ...current, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const request = {
      desiredRetention: values.desiredRetention / 100,
      newPerDay: { card: values.newCards, problem: values.newProblems },
      reviewsPerDay: values.reviewsPerDay,
      rolloverHour: values.rolloverHour,
      timezone: values.timezone,
    };
    const saved = await submit(ZUpdateSettingsRequest, request, (body) => api.put('/api/settings', ZSettingsResponse, body));
    if (!saved) return;
    notify({ tone: 'success', title: 'Settings saved', description: 'Your schedule uses them from now on.' });
    router.refresh();
  }

  const fieldError = (name: string) => errors.fields[name];

  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate aria-busy={pending}>
      <FormAlert message={errors.form} />
      <div className="field">
        <label className="field__label" htmlFor="retention">
          Desired retention: <strong>{values.desiredRetention}%</strong>
        </label>
        <input
          id="retention"
          type="range"
          min={70}
          max={97}
          step={1}
          value={values.desiredRetention}
          onChange={(event) => set('desiredRetention', Number(event.target.value))}
          aria-describedby="retention-hint"
        />
        <p id="retention-hint" className="field__hint">
          How likely you want to be to remember an item when it comes back. Higher means more reviews; 90% suits most people.
        </p>
        {fieldError('desiredRetention') ? <p className="field__error">{fieldError('desiredRetention')}</p> : null}
      </div>
      <div className="settings-grid">
        <NumberField
          id="new-cards"
          label="New cards per day"
          value={values.newCards}
          min={0}
          max={9999}
          onChange={(v) => set('newCards', v)}
          error={fieldError('newPerDay.card')}
        />
        <NumberField
          id="new-problems"
          label="New problems per day"
          value={values.newProblems}
          min={0}
          max={9999}
          onChange={(v) => set('newProblems', v)}
          error={fieldError('newPerDay.problem')}
        />
        <NumberField
          id="reviews-per-day"
          label="Maximum reviews per day"
          value={values.reviewsPerDay}
          min={0}
          max={99999}
          onChange={(v) => set('reviewsPerDay', v)}
          error={fieldError('reviewsPerDay')}
        />
        <div className="field">
          <label className="field__label" htmlFor="rollover">
            New day starts at
          </label>
          <select
            id="rollover"
            className="select"
            value={values.rolloverHour}
            onChange={(event) => set('rolloverHour', Number(event.target.value))}
          >
            {Array.from({ length: 24 }, (_, hour) => (
              <option key={hour} value={hour}>
                {String(hour).padStart(2, '0')}:00
              </option>
            ))}
          </select>
          <p className="field__hint">Reviews done before this hour count for the day before.</p>
        </div>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="timezone">
          Timezone
        </label>
        <div className="row">
          <select
            id="timezone"
            className="select"
            style={{ flex: '1 1 16rem', width: 'auto' }}
            value={values.timezone}
            onChange={(event) => set('timezone', event.target.value)}
          >
            {(mounted ? timezones(values.timezone) : [values.timezone]).map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
          {detected && detected !== values.timezone ? (
            <button type="button" className="button button--sm" onClick={() => set('timezone', detected)}>
              <Globe size={14} aria-hidden="true" /> Use {detected.replace(/_/g, ' ')}
            </button>
          ) : null}
        </div>
        {fieldError('timezone') ? <p className="field__error">{fieldError('timezone')}</p> : null}
      </div>
      <div>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save study settings'}
        </button>
      </div>
    </form>
  );
}

function NumberField({
  id,
  label,
  value,
  min,
  max,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  error?: string;
}) {
  return (
    <Field id={id} label={label} error={error}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        className="field__input"
        min={min}
        max={max}
        value={Number.isFinite(value) ? value : ''}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value === '' ? Number.NaN : Math.trunc(Number(event.target.value)))}
      />
    </Field>
  );
}
