'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { PasswordField } from '@/components/auth/password-field';
import { useSession } from '@/components/session-provider';
import { Dialog } from '@/components/ui/dialog';
import { Field, FormAlert } from '@/components/ui/field';
import { browserApi } from '@/lib/browser-api';
import { LocalMailHint } from '@/components/auth/resend-verification';
import { errorMessage, InvalidCredentialsError, UnauthorizedError, ValidationError } from '@/lib/errors';
import { changePassword, dropSession } from '@/lib/session-client';
import { knownTimeZones } from '@/lib/time-zone';
import { LIMITS, validateEmail, validateName, validatePassword } from '@/lib/validation';

export function AccountSettings() {
  const { setUser } = useSession();
  // fresh profile data; also notices a session revoked elsewhere (401 -> sign-in)
  useEffect(() => {
    browserApi().me().then(setUser).catch(() => undefined);
  }, [setUser]);
  return (
    <>
      <div className="page-title">
        <h1>Account</h1>
      </div>
      <ProfileForm />
      <EmailForm />
      <MailSettingsForm />
      <PasswordForm />
      <SignOutEverywhere />
      <DeleteAccount />
    </>
  );
}

function ProfileForm() {
  const { user, setUser } = useSession();
  const [name, setName] = useState(user.name ?? '');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const nameError = validateName(name);
    setError(nameError);
    setMessage(null);
    if (nameError) return;
    setBusy(true);
    try {
      setUser(await browserApi().updateMe({ name: name.trim() }));
      setMessage('Your name has been saved.');
    } catch (e) {
      if (e instanceof ValidationError) setError(e.fieldErrors.name ?? e.message);
      else if (!(e instanceof UnauthorizedError)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <p className="muted">
        Signed in as <strong>{user.email}</strong>
        {user.createdAt ? ` · member since ${new Date(user.createdAt).toLocaleDateString()}` : ''}
      </p>
      <form onSubmit={onSubmit} noValidate>
        <FormAlert tone="success" message={message} />
        <Field label="Name" name="name" autoComplete="name" maxLength={LIMITS.nameMax} value={name} onChange={(e) => setName(e.target.value)} error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save name'}
        </button>
      </form>
    </section>
  );
}

/**
 * The address changes only once the link sent to the new one is opened; until then the account
 * page shows the pending address. The current password is asked, as for every change of identity.
 */
function EmailForm() {
  const { user, setUser } = useSession();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fieldErrors: Record<string, string> = {};
    const emailError = validateEmail(newEmail);
    if (emailError) fieldErrors.newEmail = emailError;
    else if (newEmail.trim().toLowerCase() === user.email.toLowerCase()) fieldErrors.newEmail = 'This is already your address.';
    if (!password) fieldErrors.password = 'Enter your password to confirm.';
    setErrors(fieldErrors);
    setFormError(null);
    if (Object.keys(fieldErrors).length) return;
    setBusy(true);
    try {
      await browserApi().changeEmail({ newEmail: newEmail.trim(), password });
      setNewEmail('');
      setPassword('');
      // the pending address, as the service now knows it
      setUser(await browserApi().me());
    } catch (e) {
      if (e instanceof InvalidCredentialsError) setErrors({ password: 'That password is not correct.' });
      else if (e instanceof ValidationError && Object.keys(e.fieldErrors).length) setErrors(e.fieldErrors);
      else if (!(e instanceof UnauthorizedError)) setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="email-title">
      <h2 id="email-title">Email address</h2>
      <p className="muted">We send a link to the new address; the change is made when you open it, and your current address gets a notice.</p>
      {user.pendingEmail ? (
        <div className="alert alert-info" role="status">
          Waiting for confirmation: we sent a link to <strong>{user.pendingEmail}</strong>. Your address changes once you open it
          (then your other devices are signed out). Until then you keep signing in with {user.email}.
        </div>
      ) : null}
      {user.pendingEmail ? <LocalMailHint /> : null}
      <form onSubmit={onSubmit} noValidate>
        <FormAlert message={formError} />
        <Field
          label="New email address"
          name="newEmail"
          type="email"
          autoComplete="email"
          inputMode="email"
          maxLength={LIMITS.emailMax}
          value={newEmail}
          onChange={(e) => setNewEmail(e.target.value)}
          error={errors.newEmail}
        />
        <PasswordField label="Password" name="emailPassword" value={password} onChange={setPassword} error={errors.password} autoComplete="current-password" />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Sending…' : 'Change email address'}
        </button>
      </form>
    </section>
  );
}

/** Reminder emails, the daily digest and the time zone they (and recurring todos) follow. */
function MailSettingsForm() {
  const { user, setUser } = useSession();
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [emailReminders, setEmailReminders] = useState(user.emailReminders);
  const [dailyDigest, setDailyDigest] = useState(user.dailyDigest);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const zones = knownTimeZones(timeZone);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setMessage(null);
    setBusy(true);
    try {
      setUser(await browserApi().updateMe({ timeZone, emailReminders, dailyDigest }));
      setMessage('Your email settings have been saved.');
    } catch (e) {
      if (e instanceof ValidationError) setError(e.fieldErrors.timeZone ?? e.message);
      else if (!(e instanceof UnauthorizedError)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="mail-settings-title">
      <h2 id="mail-settings-title">Reminders and email</h2>
      <form onSubmit={onSubmit} noValidate>
        <FormAlert tone="success" message={message} />
        <FormAlert message={error} />
        <div className="field">
          <label htmlFor="time-zone">Time zone</label>
          <select id="time-zone" className="select" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
          <p className="hint">Due times in emails, the daily digest at 08:00 and repeating todos follow it.</p>
        </div>
        <label className="checkbox-row">
          <input type="checkbox" className="checkbox" checked={emailReminders} onChange={(e) => setEmailReminders(e.target.checked)} />
          Email me the reminders I set on todos
        </label>
        <label className="checkbox-row">
          <input type="checkbox" className="checkbox" checked={dailyDigest} onChange={(e) => setDailyDigest(e.target.checked)} />
          Send a daily digest at 08:00 of what is due and overdue
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save email settings'}
        </button>
      </form>
    </section>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fieldErrors: Record<string, string> = {};
    if (!current) fieldErrors.currentPassword = 'Enter your current password.';
    const nextError = validatePassword(next);
    if (nextError) fieldErrors.newPassword = nextError;
    else if (next === current) fieldErrors.newPassword = 'Choose a password different from the current one.';
    setErrors(fieldErrors);
    setMessage(null);
    setFormError(null);
    if (Object.keys(fieldErrors).length) return;
    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setMessage('Password changed. Your other devices have been signed out.');
    } catch (e) {
      if (e instanceof InvalidCredentialsError) setErrors({ currentPassword: 'Your current password is not correct.' });
      else if (e instanceof ValidationError) setErrors({ newPassword: e.fieldErrors.newPassword ?? e.fieldErrors.password ?? e.message });
      else setFormError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <form onSubmit={onSubmit} noValidate>
        <FormAlert tone="success" message={message} />
        <FormAlert message={formError} />
        <PasswordField label="Current password" name="currentPassword" value={current} onChange={setCurrent} error={errors.currentPassword} autoComplete="current-password" />
        <PasswordField label="New password" name="newPassword" value={next} onChange={setNext} error={errors.newPassword} autoComplete="new-password" showStrength />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}

function SignOutEverywhere() {
  const { endSession } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onClick() {
    setBusy(true);
    setError(null);
    try {
      await browserApi().logoutAll();
      await dropSession();
      endSession('signed-out-everywhere', false);
    } catch (e) {
      setBusy(false);
      if (!(e instanceof UnauthorizedError)) setError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">Sign out everywhere</h2>
      <p className="muted">Ends every session of your account on every device, including this one.</p>
      <FormAlert message={error} />
      <button type="button" className="btn" onClick={onClick} disabled={busy}>
        {busy ? 'Signing out…' : 'Sign out everywhere'}
      </button>
    </section>
  );
}

function DeleteAccount() {
  const { endSession } = useSession();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!password) {
      setError('Enter your password to confirm.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await browserApi().deleteMe({ password });
      await dropSession();
      endSession('deleted', false);
    } catch (e) {
      setBusy(false);
      if (e instanceof InvalidCredentialsError) setError('That password is not correct.');
      else if (!(e instanceof UnauthorizedError)) setError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete account</h2>
      <p className="muted">Deletes your account and all of your todos. This cannot be undone.</p>
      <button type="button" className="btn btn-danger" onClick={() => setOpen(true)}>
        Delete account…
      </button>
      <Dialog
        open={open}
        onClose={() => {
          setOpen(false);
          setPassword('');
          setError(null);
        }}
        title="Delete your account?"
      >
        <form onSubmit={onSubmit} noValidate>
          <p>Your account, all todos and every session will be gone for good. Enter your password to confirm.</p>
          <PasswordField label="Password" name="confirmPassword" value={password} onChange={setPassword} error={error} autoComplete="current-password" />
          <div className="modal-actions">
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-danger" disabled={busy}>
              {busy ? 'Deleting…' : 'Delete my account'}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
