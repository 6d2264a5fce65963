'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { FormAlert, Field } from '@/components/ui/field';
import { PasswordField } from './password-field';
import { formFields } from '@/lib/forms';
import { LocalMailHint, ResendVerification } from './resend-verification';
import { errorMessage, ValidationError } from '@/lib/errors';
import { browserApi } from '@/lib/browser-api';
import { LIMITS, validateEmail, validateName, validatePassword } from '@/lib/validation';

export function SignUpForm({ next }: { next?: string | null }) {
  // the address the link went to: the form gives way to "check your inbox"
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = formFields(event);
    const name = field('name');
    const email = field('email');
    const password = field('password');
    const fieldErrors: Record<string, string> = {};
    const nameError = validateName(name);
    if (nameError) fieldErrors.name = nameError;
    const emailError = validateEmail(email);
    if (emailError) fieldErrors.email = emailError;
    const passwordError = validatePassword(password);
    if (passwordError) fieldErrors.password = passwordError;
    setErrors(fieldErrors);
    setFormError(null);
    if (Object.keys(fieldErrors).length) return;
    setBusy(true);
    try {
      // the same answer for a new address and one that has an account: the inbox tells the owner which
      await browserApi().register({ email: email.trim(), password, ...(name.trim() ? { name: name.trim() } : {}) });
      setSentTo(email.trim());
    } catch (error) {
      if (error instanceof ValidationError) {
        setErrors(error.fieldErrors);
        if (!Object.keys(error.fieldErrors).length) setFormError(errorMessage(error));
      } else setFormError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const signInHref = next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';

  if (sentTo) {
    return (
      <div>
        <h1>Check your inbox</h1>
        <p>
          We sent a link to <strong>{sentTo}</strong>. Open it to finish creating your account; it works for 24 hours.
          Nothing there? Look in your spam folder, or ask for a new link.
        </p>
        <LocalMailHint />
        <ResendVerification email={sentTo} />
        <p>
          <button type="button" className="btn btn-ghost" onClick={() => setSentTo(null)}>
            Wrong address? Start over
          </button>
        </p>
        <p className="auth-foot">
          Already verified? <Link href={signInHref}>Sign in</Link>
        </p>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">Create your account</h1>
      <p className="muted">It takes less than a minute.</p>
      <FormAlert message={formError} />
      <Field label="Name (optional)" name="name" autoComplete="name" maxLength={LIMITS.nameMax} error={errors.name} />
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        maxLength={LIMITS.emailMax}
        error={errors.email}
        required
      />
      <PasswordField label="Password" name="password" error={errors.password} autoComplete="new-password" showStrength />
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
        {busy ? 'Creating account…' : 'Create account'}
      </button>
      <p className="auth-foot">
        Already have an account? <Link href={signInHref}>Sign in</Link>
      </p>
    </form>
  );
}
