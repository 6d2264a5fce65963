'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FormAlert, Field } from '@/components/ui/field';
import { PasswordField } from './password-field';
import { formFields } from '@/lib/forms';
import { LocalMailHint, ResendVerification } from './resend-verification';
import { EmailNotVerifiedError, errorMessage, ValidationError } from '@/lib/errors';
import { reasonMessage, safeNext } from '@/lib/navigation';
import { signIn } from '@/lib/session-client';
import { LIMITS, validateEmail } from '@/lib/validation';

export function SignInForm({ next, reason }: { next?: string | null; reason?: string | null }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // the right password for an address not verified yet: offer a new link to it
  const [unverified, setUnverified] = useState<string | null>(null);
  const notice = reasonMessage(reason);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = formFields(event);
    const email = field('email');
    const password = field('password');
    const fieldErrors: Record<string, string> = {};
    const emailError = validateEmail(email);
    if (emailError) fieldErrors.email = emailError;
    if (!password) fieldErrors.password = 'Enter your password.';
    setErrors(fieldErrors);
    setFormError(null);
    setUnverified(null);
    if (Object.keys(fieldErrors).length) return;
    setBusy(true);
    try {
      await signIn(email, password);
      router.replace(safeNext(next));
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fieldErrors);
      if (error instanceof EmailNotVerifiedError) setUnverified(email.trim());
      else setFormError(errorMessage(error));
      setBusy(false);
    }
  }

  return (
    <>
      <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in</h1>
        <p className="muted">Welcome back. Your todos are waiting.</p>
        <FormAlert message={notice} tone={reason === 'expired' || reason === 'required' ? 'warning' : 'info'} />
        <FormAlert message={formError} />
        {unverified ? (
          <FormAlert tone="warning" message="Verify your email first: open the link we sent you when you signed up, or ask for a new one below." />
        ) : null}
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
        <PasswordField label="Password" name="password" error={errors.password} autoComplete="current-password" />
        <p className="row-between">
          <span />
          <Link href="/forgot-password">Forgot password?</Link>
        </p>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {/* its own form (forms do not nest), right under the sign-in button */}
      {unverified ? (
        <section aria-label="Verify your email" className="stack-top">
          <LocalMailHint />
          <ResendVerification email={unverified} />
        </section>
      ) : null}
      <p className="auth-foot">
        New here? <Link href={next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up'}>Create an account</Link>
      </p>
    </>
  );
}
