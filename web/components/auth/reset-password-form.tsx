'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { FormAlert } from '@/components/ui/field';
import { LinkCheckFailed, useForgetTokenInUrl } from './link-token';
import { PasswordField } from './password-field';
import { browserApi } from '@/lib/browser-api';
import { formFields } from '@/lib/forms';
import { errorMessage, InvalidResetTokenError, ValidationError } from '@/lib/errors';
import { validatePassword } from '@/lib/validation';

type State = 'checking' | 'ready' | 'invalid' | 'error';

export function ResetPasswordForm({ token }: { token: string | null }) {
  const router = useRouter();
  const [state, setState] = useState<State>(token ? 'checking' : 'invalid');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useForgetTokenInUrl();

  const verify = useCallback(
    (isLive: () => boolean) => {
      if (!token) return;
      browserApi()
        .verifyResetToken(token)
        .then(() => isLive() && setState('ready'))
        .catch((e) => {
          if (!isLive()) return;
          if (e instanceof InvalidResetTokenError || e instanceof ValidationError) setState('invalid');
          else {
            setFormError(errorMessage(e));
            setState('error');
          }
        });
    },
    [token],
  );

  useEffect(() => {
    let live = true;
    verify(() => live);
    return () => {
      live = false;
    };
  }, [verify]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = formFields(event);
    const password = field('password');
    const confirm = field('confirm');
    const fieldErrors: Record<string, string> = {};
    const passwordError = validatePassword(password);
    if (passwordError) fieldErrors.password = passwordError;
    else if (password !== confirm) fieldErrors.confirm = 'The passwords do not match.';
    setErrors(fieldErrors);
    setFormError(null);
    if (Object.keys(fieldErrors).length || !token) return;
    setBusy(true);
    try {
      await browserApi().resetPassword({ token, newPassword: password });
      router.replace('/sign-in?reason=password-reset');
    } catch (e) {
      setBusy(false);
      if (e instanceof InvalidResetTokenError) setState('invalid');
      else if (e instanceof ValidationError) {
        setErrors({ password: e.fieldErrors.newPassword ?? e.fieldErrors.password ?? e.message });
      } else setFormError(errorMessage(e));
    }
  }

  if (state === 'checking') {
    return (
      <div className="center-state" role="status">
        <span className="spinner" aria-hidden="true" />
        <p>Checking your reset link…</p>
      </div>
    );
  }

  if (state === 'invalid') {
    return (
      <div>
        <h1>Link expired or already used</h1>
        <FormAlert tone="warning" message="This password reset link has expired or was already used. Reset links work once and for 1 hour." />
        <Link className="btn btn-primary btn-block" href="/forgot-password?expired=1">
          Send a new link
        </Link>
        <p className="auth-foot">
          <Link href="/sign-in">Back to sign in</Link>
        </p>
      </div>
    );
  }

  if (state === 'error') {
    return (
      <LinkCheckFailed
        title="Choose a new password"
        message={formError}
        onRetry={() => {
          setFormError(null);
          setState('checking');
          verify(() => true);
        }}
      />
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      <p className="muted">After this, you will be signed out everywhere and can sign in with the new password.</p>
      <FormAlert message={formError} />
      <PasswordField label="New password" name="password" error={errors.password} autoComplete="new-password" showStrength />
      <PasswordField label="Confirm new password" name="confirm" error={errors.confirm} autoComplete="new-password" />
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
        {busy ? 'Saving…' : 'Set new password'}
      </button>
    </form>
  );
}
