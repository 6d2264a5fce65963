'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { FormAlert } from '@/components/ui/field';
import { LinkCheckFailed, useForgetTokenInUrl } from './link-token';
import { ResendVerification } from './resend-verification';
import { EmailTakenError, errorMessage, InvalidVerificationTokenError, ValidationError } from '@/lib/errors';
import { verifyEmail } from '@/lib/session-client';

type State = 'verifying' | 'verified' | 'invalid' | 'taken' | 'error';

/**
 * A link works once: a second effect run for the same token (React's development double run, a
 * re-render) shares the first request instead of spending the link and then reporting it used.
 */
const opened = new Map<string, ReturnType<typeof verifyEmail>>();

export function openLink(token: string): ReturnType<typeof verifyEmail> {
  let request = opened.get(token);
  if (!request) {
    request = verifyEmail(token);
    opened.set(token, request);
    // after a failure (the network, a busy service) "Try again" sends the link once more
    request.catch(() => opened.delete(token));
  }
  return request;
}

/** The page an emailed verification or email-change link opens: it signs the person in and goes to the todos. */
export function VerifyEmail({ token }: { token: string | null }) {
  const router = useRouter();
  const [state, setState] = useState<State>(token ? 'verifying' : 'invalid');
  const [error, setError] = useState<string | null>(null);

  useForgetTokenInUrl();

  const verify = useCallback(
    (isLive: () => boolean) => {
      if (!token) return;
      openLink(token)
        .then(() => isLive() && setState('verified'))
        .catch((e) => {
          if (!isLive()) return;
          if (e instanceof InvalidVerificationTokenError || e instanceof ValidationError) setState('invalid');
          else if (e instanceof EmailTakenError) {
            setError(e.message);
            setState('taken');
          }
          else {
            setError(errorMessage(e));
            setState('error');
          }
        });
    },
    [token],
  );

  useEffect(() => {
    if (state === 'verified') router.replace('/todos');
  }, [state, router]);

  useEffect(() => {
    let live = true;
    verify(() => live);
    return () => {
      live = false;
    };
  }, [verify]);

  if (state === 'verifying' || state === 'verified') {
    return (
      <div className="center-state" role="status">
        <span className="spinner" aria-hidden="true" />
        <p>Verifying your email address…</p>
      </div>
    );
  }

  if (state === 'taken') {
    return (
      <div>
        <h1>Address not changed</h1>
        <FormAlert tone="warning" message={error} />
        <p className="auth-foot">
          <Link href="/account">Go to your account</Link>
        </p>
      </div>
    );
  }

  if (state === 'error') {
    return (
      <LinkCheckFailed
        title="Verify your email"
        message={error}
        onRetry={() => {
          setError(null);
          setState('verifying');
          verify(() => true);
        }}
      />
    );
  }

  return (
    <div>
      <h1>Link expired or already used</h1>
      <FormAlert
        tone="warning"
        message="This link has expired, was replaced by a newer one, or was already used. Verification links work once, for 24 hours. Enter your address and we will send a new one."
      />
      <ResendVerification />
      <p className="hint">Was it a link to change your address? Ask for the change again on your account page.</p>
      <p className="auth-foot">
        Already verified? <Link href="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
