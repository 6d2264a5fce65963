// Server renders have no page origin; any fixed origin tells "same site" apart just as well.
const FALLBACK_ORIGIN = 'https://todo.invalid';

/**
 * Only same-site paths are followed after sign-in (no open redirects). The target is resolved the
 * way the browser will resolve it (tabs and newlines dropped, backslashes read as slashes) and
 * kept only if it stays on this origin; the normalised path is returned, not the raw text.
 */
export function safeNext(next: string | null | undefined, fallback = '/todos'): string {
  if (!next || !next.startsWith('/')) return fallback;
  const origin = typeof window === 'undefined' ? FALLBACK_ORIGIN : window.location.origin;
  let target: URL;
  try {
    target = new URL(next, origin);
  } catch {
    return fallback;
  }
  if (target.origin !== origin || target.pathname.startsWith('/api/')) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}

export const SIGN_IN_REASONS = {
  expired: 'Your session has ended. Please sign in again.',
  required: 'Please sign in to continue.',
  'signed-out': 'You have signed out.',
  'signed-out-everywhere': 'You have signed out on every device.',
  'password-reset': 'Your password has been changed. Sign in with your new password.',
  deleted: 'Your account and all its todos have been deleted.',
} as const;

export type SignInReason = keyof typeof SIGN_IN_REASONS;

export function reasonMessage(reason: string | null | undefined): string | null {
  return reason && reason in SIGN_IN_REASONS ? SIGN_IN_REASONS[reason as SignInReason] : null;
}

export function signInUrl(reason: SignInReason, next?: string): string {
  const params = new URLSearchParams({ reason });
  if (next && safeNext(next, '') !== '') params.set('next', next);
  return `/sign-in?${params.toString()}`;
}
