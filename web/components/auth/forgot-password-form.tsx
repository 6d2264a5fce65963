'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { FormAlert, Field } from '@/components/ui/field';
import { browserApi } from '@/lib/browser-api';
import { formFields } from '@/lib/forms';
import { errorMessage, RateLimitedError } from '@/lib/errors';
import { LIMITS, validateEmail } from '@/lib/validation';

/** Always the same neutral confirmation: the page never tells whether an account exists. */
export const FORGOT_CONFIRMATION =
  'If an account exists for that address, we have sent a link to reset the password. It expires in 1 hour — check your inbox and spam folder.';

export function ForgotPasswordForm({ expired }: { expired?: boolean }) {
  // the address sent to, offered again after "Use another address"
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = formFields(event)('email');
    setEmail(typed);
    const emailError = validateEmail(typed);
    setError(emailError);
    setFormError(null);
    if (emailError) return;
    setBusy(true);
    try {
      await browserApi().forgotPassword({ email: typed.trim() });
      setSent(true);
    } catch (e) {
      setFormError(e instanceof RateLimitedError ? e.message : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <div>
        <h1>Check your email</h1>
        <FormAlert tone="success" message={FORGOT_CONFIRMATION} />
        <p>
          <button type="button" className="btn btn-ghost" onClick={() => setSent(false)}>
            Use another address
          </button>
        </p>
        <p className="auth-foot">
          <Link href="/sign-in">Back to sign in</Link>
        </p>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="forgot-title">
      <h1 id="forgot-title">Reset your password</h1>
      {expired ? (
        <FormAlert tone="warning" message="That reset link has expired or was already used. Send yourself a new one." />
      ) : null}
      <p className="muted">Enter the email of your account and we will send you a link to choose a new password.</p>
      <FormAlert message={formError} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        maxLength={LIMITS.emailMax}
        defaultValue={email}
        error={error}
        required
      />
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
        {busy ? 'Sending…' : 'Send reset link'}
      </button>
      <p className="auth-foot">
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </form>
  );
}
