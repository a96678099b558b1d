'use client';

import { ZSettingsResponse, ZUpdateSettingsRequest, type TReminderSettings } from '@prep/contracts';
import { Info, MailCheck, MailX, TriangleAlert } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { ToggleGroup } from 'radix-ui';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { api } from '../../lib/api/browser';
import { reminderSummary, remindsBeforeRollover, timezoneLabel, WEEKDAYS } from '../../lib/reminder-copy';
import { browserTimezone } from '../../lib/timezone';
import { Field, FormAlert } from '../ui/field';
import { Switch } from '../ui/switch';
import { useToast } from '../ui/toast';

const subscribeNothing = () => () => undefined;

/** The browser's timezone, known only after hydration (the server's may differ). */
function useBrowserZone(): string | null {
  return useSyncExternalStore(subscribeNothing, browserTimezone, () => null);
}

/**
 * Review reminders: on or off (off until I opt in), the local time, the weekdays and the smallest number of due
 * items worth an email, in my timezone (a study setting; changed in the Study section, offered from the browser).
 */
export function ReminderSettingsForm({
  reminders,
  timezone,
  rolloverHour,
  email,
}: {
  reminders: TReminderSettings;
  timezone: string;
  rolloverHour: number;
  email: string | null;
}) {
  const router = useRouter();
  const notify = useToast();
  const browserZone = useBrowserZone();
  const [values, setValues] = useState<TReminderSettings>(reminders);
  const { errors, pending, submit } = useFormSubmit();
  const set = <K extends keyof TReminderSettings>(key: K, value: TReminderSettings[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const fieldError = (name: keyof TReminderSettings) => errors.fields[`reminders.${name}`];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const request = { reminders: { ...values, weekdays: [...values.weekdays].sort((a, b) => a - b) } };
    const saved = await submit(ZUpdateSettingsRequest, request, (body) => api.put('/api/settings', ZSettingsResponse, body));
    if (!saved) return;
    const stored = saved.data.settings.reminders;
    setValues(stored);
    notify({
      tone: 'success',
      title: stored.enabled ? 'Reminders on' : 'Reminders off',
      description: reminderSummary(stored, saved.data.settings.timezone),
    });
    router.refresh();
  }

  return (
    <form className="settings-form reminders-form" onSubmit={onSubmit} noValidate aria-busy={pending} data-testid="reminders-form">
      <FormAlert message={errors.form} />

      <div className="switch-row">
        <Switch id="reminders-enabled" checked={values.enabled} onCheckedChange={(checked) => set('enabled', checked)} />
        <div>
          <label htmlFor="reminders-enabled" className="switch-row__label">
            Email me when reviews are due
          </label>
          <p className="field__hint" id="reminders-enabled-hint">
            Off until you turn it on. At most one email a day{email ? `, to ${email}` : ''}; each has a one-click unsubscribe link.
          </p>
        </div>
      </div>

      <div className="settings-grid reminders-form__grid">
        <Field id="reminders-time" label="Time of day" error={fieldError('localTime')}>
          <input
            id="reminders-time"
            type="time"
            className="field__input"
            step={60}
            required
            value={values.localTime}
            aria-invalid={fieldError('localTime') ? true : undefined}
            aria-describedby={fieldError('localTime') ? 'reminders-time-error reminders-zone' : 'reminders-zone'}
            onChange={(event) => set('localTime', event.target.value)}
          />
        </Field>
        <Field id="reminders-min-due" label="Only when at least this many are due" error={fieldError('minDue')}>
          <input
            id="reminders-min-due"
            type="number"
            inputMode="numeric"
            className="field__input"
            min={1}
            max={10_000}
            value={Number.isFinite(values.minDue) ? values.minDue : ''}
            aria-invalid={fieldError('minDue') ? true : undefined}
            aria-describedby={fieldError('minDue') ? 'reminders-min-due-error' : undefined}
            onChange={(event) => set('minDue', event.target.value === '' ? Number.NaN : Math.trunc(Number(event.target.value)))}
          />
        </Field>
      </div>

      <p className="reminders-form__zone small" id="reminders-zone" data-testid="reminders-timezone">
        Times are in your timezone, <strong>{timezoneLabel(timezone)}</strong>.{' '}
        {browserZone && browserZone !== timezone ? (
          <>
            This browser is in {timezoneLabel(browserZone)}: <a href="#timezone">change it under Study</a>.
          </>
        ) : (
          <a href="#timezone">Change it under Study</a>
        )}
      </p>
      {remindsBeforeRollover(values.localTime, rolloverHour) ? (
        <p className="banner banner--warning small" role="note">
          <TriangleAlert size={16} aria-hidden="true" />
          <span>
            Your day starts at {String(rolloverHour).padStart(2, '0')}:00, when that day&apos;s reviews come due. A reminder before then
            only counts what was left over from the day before; pick a time after it.
          </span>
        </p>
      ) : null}

      <fieldset className="fieldset">
        <legend className="field__label">Days</legend>
        <ToggleGroup.Root
          type="multiple"
          className="day-toggles"
          aria-label="Days to send reminders on"
          value={values.weekdays.map(String)}
          onValueChange={(days) => set('weekdays', days.map(Number))}
        >
          {WEEKDAYS.map(({ day, short, long }) => (
            <ToggleGroup.Item key={day} value={String(day)} className="day-toggle" aria-label={long}>
              {short}
            </ToggleGroup.Item>
          ))}
        </ToggleGroup.Root>
        {fieldError('weekdays') ? (
          <p className="field__error" role="alert">
            {fieldError('weekdays')}
          </p>
        ) : null}
      </fieldset>

      <div className="reminders-form__explain">
        <Info size={16} aria-hidden="true" />
        <p className="small">
          <strong>What counts as due:</strong> reviews whose day has come (no more than what is left of your daily review limit) and
          learning steps due now: the number in this page&apos;s title. New cards and problems never trigger a reminder on their own; when a
          reminder goes, it also says how many new ones today offers.
        </p>
      </div>

      <p className={`reminders-form__summary ${values.enabled ? 'is-on' : ''}`} role="status" data-testid="reminders-summary">
        {values.enabled ? <MailCheck size={16} aria-hidden="true" /> : <MailX size={16} aria-hidden="true" />}
        {Number.isFinite(values.minDue) && values.weekdays.length > 0
          ? reminderSummary(values, timezone)
          : 'Pick at least one day and a number of items.'}
      </p>

      <div>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save reminders'}
        </button>
      </div>
    </form>
  );
}
