import { ZSessionListResponse, ZSettingsResponse } from '@prep/contracts';
import { BellRing } from 'lucide-react';
import type { Metadata } from 'next';
import { ChangePasswordForm, ExportAndDelete, SessionsList } from '../../components/settings/account-settings';
import { ReminderSettingsForm } from '../../components/settings/reminder-settings-form';
import { StudySettingsForm } from '../../components/settings/study-settings-form';
import { ThemeSetting } from '../../components/settings/theme-setting';
import { LoadFailure } from '../../components/states';
import { serverGet } from '../../lib/api/server';
import { getViewer } from '../../lib/session';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const [settings, sessions, viewer] = await Promise.all([
    serverGet('/api/settings', ZSettingsResponse),
    serverGet('/api/auth/sessions', ZSessionListResponse),
    getViewer(),
  ]);
  if (!settings.ok) return <LoadFailure failure={settings} signInNext="/settings" />;
  return (
    <div className="settings">
      <header className="page-head">
        <div>
          <h1>Settings</h1>
          <p className="muted">How your reviews are scheduled, how the app looks, when we remind you, and your account.</p>
        </div>
      </header>
      <nav className="settings__nav" aria-label="Settings sections">
        <a href="#study">Study</a>
        <a href="#reminders">Reminders</a>
        <a href="#appearance">Appearance</a>
        <a href="#account">Account</a>
      </nav>
      <div className="settings__sections">
        <section id="study" className="card settings-section" aria-labelledby="study-title">
          <h2 id="study-title">Study</h2>
          <StudySettingsForm settings={settings.data.settings} />
        </section>
        <section id="reminders" className="card settings-section" aria-labelledby="reminders-title" data-testid="reminders-settings">
          <h2 id="reminders-title">
            <BellRing size={17} aria-hidden="true" /> Reminders
          </h2>
          <p className="muted small">One email at a time you choose, only on days when something is due.</p>
          <ReminderSettingsForm
            reminders={settings.data.settings.reminders}
            timezone={settings.data.settings.timezone}
            rolloverHour={settings.data.settings.rolloverHour}
            email={viewer.status === 'signed-in' ? viewer.user.email : null}
          />
        </section>
        <section id="appearance" className="card settings-section" aria-labelledby="appearance-title">
          <h2 id="appearance-title">Appearance</h2>
          <p className="muted small">System follows your device&apos;s light or dark setting.</p>
          <ThemeSetting />
        </section>
        <section id="account" className="card settings-section" aria-labelledby="account-title">
          <h2 id="account-title">Account</h2>
          <h3>Password</h3>
          <ChangePasswordForm />
          <hr className="divider" />
          <h3>Sessions</h3>
          {sessions.ok ? (
            <SessionsList sessions={sessions.data.sessions} />
          ) : (
            <p className="muted">Your sessions could not be listed just now ({sessions.message.replace(/\.$/, '')}).</p>
          )}
          <hr className="divider" />
          <h3>Your data</h3>
          <p className="muted small">Download everything we keep about you, or delete your account and all of it.</p>
          <ExportAndDelete />
        </section>
      </div>
    </div>
  );
}
