'use client';

import { useState, type FormEvent } from 'react';
import { Field, FormAlert } from '@/components/ui/field';
import { browserApi } from '@/lib/browser-api';
import { errorMessage, ValidationError } from '@/lib/errors';
import { formFields } from '@/lib/forms';
import { LIMITS, validateEmail } from '@/lib/validation';

/** The same words whatever the address: the page never tells whether it has an account. */
export const RESEND_CONFIRMATION =
  'If this address is waiting for verification, a new link is on its way (it works for 24 hours). Links sent before it no longer work.';

/** Shown in local development, where the service prints mails instead of sending them (MAIL_TRANSPORT=log). */
export const LOCAL_MAIL_HINT = 'Running locally? The service prints the link in its log instead of sending it.';

export function LocalMailHint() {
  return process.env.NODE_ENV === 'development' ? <p className="hint">{LOCAL_MAIL_HINT}</p> : null;
}

/**
 * Asks for a new verification link: for a known address a button, else a small form. Too many
 * requests answer with how long to wait (the API's Retry-After).
 */
export function ResendVerification({ email }: { email?: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function resend(address: string) {
    setBusy(true);
    setMessage(null);
    setError(null);
    try {
      await browserApi().resendVerification({ email: address.trim() });
      setMessage(RESEND_CONFIRMATION);
    } catch (e) {
      if (e instanceof ValidationError && e.fieldErrors.email) setFieldError(e.fieldErrors.email);
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = email ?? formFields(event)('email');
    const invalid = email ? null : validateEmail(typed);
    setFieldError(invalid);
    if (!invalid) void resend(typed);
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="resend-verification">
      <FormAlert tone="success" message={message} />
      <FormAlert message={error} />
      {email ? null : (
        <Field label="Email" name="email" type="email" autoComplete="email" inputMode="email" maxLength={LIMITS.emailMax} error={fieldError} required />
      )}
      <button type="submit" className={email ? 'btn btn-block' : 'btn btn-primary btn-block'} disabled={busy}>
        {busy ? 'Sending…' : 'Resend verification email'}
      </button>
    </form>
  );
}
